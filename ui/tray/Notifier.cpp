#include "Notifier.h"

#include "TrayIcon.h"
#include "archive/ArchiveQueryRunner.h"
#include "common/AppSettings.h"
#include "sources/SourceStatistics.h"
#include "sources/SourceTableModel.h"

#include <QSystemTrayIcon>
#include <QTimer>

Notifier::Notifier(SourceTableModel* model, ArchiveQueryRunner* queries, TrayIcon* tray, QObject* parent)
    : QObject(parent)
    , m_model(model)
    , m_queries(queries)
    , m_tray(tray)
    , m_flush(new QTimer(this))
    , m_clock(new QTimer(this))
{
    m_flush->setSingleShot(true);
    connect(m_flush, &QTimer::timeout, this, &Notifier::flush);
    m_clock->setInterval(60 * 1000);
    connect(m_clock, &QTimer::timeout, this, &Notifier::evaluate);
    connect(m_model, &SourceTableModel::summaryChanged, this, &Notifier::evaluate);
    connect(m_tray->systemTrayIcon(), &QSystemTrayIcon::messageClicked, this, [this] {
        emit openRequested(m_clickTarget);
    });
    if (m_model->isLoaded()) {
        evaluate();
    }
}

Notifier::~Notifier() = default;

bool Notifier::isEnabled()
{
    return AppSettings::notificationsEnabled();
}

void Notifier::setEnabled(bool enabled)
{
    AppSettings::setValue(AppSettings::Key::NotificationsEnabled, enabled);
}

bool Notifier::hasPending() const
{
    return m_flush->isActive() || m_counting > 0;
}

void Notifier::evaluate()
{
    // Until the sources are read, an empty table is no news.
    if (!m_model->isLoaded()) {
        return;
    }
    QList<NotificationPolicy::Source> sources;
    bool anyFailing = false;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const auto source = m_model->source(m_model->sourceIdAt(row));
        if (!source) {
            continue;
        }
        sources.append({source->id,
                        source->name,
                        source->status,
                        source->lastError,
                        source->lastErrorKind,
                        source->failingSince,
                        source->checkIntervalMinutes});
        anyFailing = anyFailing || source->isFailing();
    }
    const QList<qint64> finished = m_policy.update(sources, QDateTime::currentDateTimeUtc());
    for (const qint64 sourceId : finished) {
        // Counted now, after the import's last batch was stored: the number
        // said is the number archived.
        ++m_counting;
        m_queries->run(
            ArchiveQueryRunner::Lane::Background,
            this,
            [sourceId](const ArchiveReader& reader) {
                return SourceStatistics(reader.database()).totals(sourceId).messages;
            },
            [this, sourceId](qint64 messages) {
                --m_counting;
                m_policy.importCounted(sourceId, messages);
                scheduleFlush();
            });
    }
    if (anyFailing != m_clock->isActive()) {
        anyFailing ? m_clock->start() : m_clock->stop();
    }
    scheduleFlush();
}

void Notifier::scheduleFlush()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime due = m_policy.nextDue(now);
    if (!due.isValid()) {
        return;
    }
    // A moment's wait even when due now: what one change set off comes
    // together in one notification.
    m_flush->start(static_cast<int>(std::max<qint64>(250, now.msecsTo(due))));
}

void Notifier::flush()
{
    const auto shown = m_policy.take(QDateTime::currentDateTimeUtc());
    if (!shown) {
        scheduleFlush();
        return;
    }
    if (!isEnabled()) {
        return; // decided, and dropped: turning them on later brings no backlog
    }
    m_clickTarget = shown->sourceId;
    m_tray->notify(shown->title, shown->text);
}
