#include "SourceDetailsDialog.h"

#include "CertificateTrustPrompt.h"
#include "SourceStateText.h"
#include "StatusBadgeDelegate.h"
#include "archive/ArchiveReader.h"
#include "archive/EventLog.h"
#include "common/RelativeTime.h"
#include "sources/ProviderPreset.h"
#include "sources/SourceRepository.h"
#include "sources/SourceStatistics.h"
#include "sync/SourceService.h"
#include "sync/SyncManager.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QLabel* valueLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

SourceDetailsDialog::SourceDetailsDialog(
    Archive archive, SyncManager* manager, SourceService* service, qint64 sourceId, QWidget* parent)
    : QDialog(parent)
    , m_archive(std::move(archive))
    , m_manager(manager)
    , m_service(service)
    , m_sourceId(sourceId)
{
    setObjectName(QStringLiteral("SourceDetailsDialog"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createSummary());

    auto* tabs = new QTabWidget(this);
    m_folders = new QTableWidget(0, 6, tabs);
    m_folders->setObjectName(QStringLiteral("foldersTable"));
    m_folders->setAccessibleName(tr("Folders"));
    m_folders->setHorizontalHeaderLabels(
        {tr("Folder"), tr("On server"), tr("Archived"), tr("Completeness"), tr("Last UID"), tr("Checked")});
    m_folders->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_folders->verticalHeader()->hide();
    m_folders->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_folders->setSelectionBehavior(QAbstractItemView::SelectRows);
    tabs->addTab(m_folders, tr("&Folders"));

    m_history = new QTreeWidget(tabs);
    m_history->setObjectName(QStringLiteral("historyList"));
    m_history->setAccessibleName(tr("History"));
    m_history->setRootIsDecorated(false);
    m_history->setHeaderLabels({tr("When"), tr("What happened")});
    m_history->setColumnWidth(0, 170);
    tabs->addTab(m_history, tr("&History"));
    layout->addWidget(tabs, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_syncNow = buttons->addButton(tr("&Sync now"), QDialogButtonBox::ActionRole);
    m_syncNow->setObjectName(QStringLiteral("detailsSyncNowButton"));
    connect(m_syncNow, &QPushButton::clicked, this, [this] { m_service->syncNow(m_sourceId); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_manager, &SyncManager::sourceChanged, this, [this](qint64 changed) {
        if (changed == m_sourceId) {
            refresh();
        }
    });
    refresh();
    resize(820, 620);
}

SourceDetailsDialog::~SourceDetailsDialog() = default;

qint64 SourceDetailsDialog::sourceId() const
{
    return m_sourceId;
}

QWidget* SourceDetailsDialog::createSummary()
{
    auto* summary = new QWidget(this);
    auto* layout = new QVBoxLayout(summary);
    layout->setContentsMargins(0, 0, 0, 0);

    m_title = new QLabel(summary);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    auto* form = new QFormLayout;
    m_status = valueLabel(summary);
    m_status->setObjectName(QStringLiteral("detailsStatus"));
    form->addRow(tr("Status:"), m_status);

    m_error = valueLabel(summary);
    m_error->setObjectName(QStringLiteral("detailsError"));
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    // The library's or server's own words about the last failure, for
    // whoever helps the user: the error above is a sentence without them.
    m_technical = valueLabel(summary);
    m_technical->setObjectName(QStringLiteral("detailsTechnical"));
    // The server's words, escaped and redacted by the sync, never markup.
    m_technical->setTextFormat(Qt::PlainText);
    m_technical->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_trustButton = new QPushButton(tr("&Trust this certificate…"), summary);
    m_trustButton->setObjectName(QStringLiteral("detailsTrustButton"));
    connect(m_trustButton, &QPushButton::clicked, this, &SourceDetailsDialog::trustCertificate);
    auto* errorBox = new QVBoxLayout;
    errorBox->addWidget(m_error);
    errorBox->addWidget(m_technical);
    errorBox->addWidget(m_trustButton, 0, Qt::AlignLeft);
    form->addRow(tr("Last error:"), errorBox);

    m_server = valueLabel(summary);
    form->addRow(tr("Server:"), m_server);
    m_folderScope = valueLabel(summary);
    form->addRow(tr("Folders:"), m_folderScope);
    m_archived = valueLabel(summary);
    m_archived->setObjectName(QStringLiteral("detailsArchived"));
    form->addRow(tr("Archived:"), m_archived);
    m_lastSync = valueLabel(summary);
    form->addRow(tr("Last sync:"), m_lastSync);
    m_nextCheck = valueLabel(summary);
    form->addRow(tr("Next check:"), m_nextCheck);
    m_certificate = valueLabel(summary);
    form->addRow(tr("Certificate:"), m_certificate);

    m_interval = new QSpinBox(summary);
    m_interval->setObjectName(QStringLiteral("intervalSpin"));
    m_interval->setAccessibleName(tr("Check interval in minutes"));
    m_interval->setRange(1, 24 * 60);
    m_interval->setSuffix(tr(" min"));
    m_interval->setMaximumWidth(m_interval->fontMetrics().horizontalAdvance(QStringLiteral("1440 min")) + 48);
    connect(m_interval, &QSpinBox::editingFinished, this, &SourceDetailsDialog::saveInterval);
    auto* intervalLabel = new QLabel(tr("Check &every:"), summary);
    intervalLabel->setBuddy(m_interval);
    form->addRow(intervalLabel, m_interval);
    layout->addLayout(form);
    return summary;
}

void SourceDetailsDialog::refresh()
{
    const auto source = SourceRepository(m_archive.connection()).find(m_sourceId);
    if (!source) {
        close();
        return;
    }
    setWindowTitle(tr("%1 — Details").arg(source->name));
    m_title->setText(source->name);
    const SyncManager::Activity activity = m_manager->activity(m_sourceId);
    QString status = IngestionSource::statusText(source->status);
    const QString failing = SourceStateText::failing(*source, activity);
    if (!failing.isEmpty()) {
        status = tr("%1 · %2").arg(status, failing);
    } else if (activity.state == SyncManager::Activity::State::Syncing) {
        status = tr("%1 · syncing now").arg(status);
    } else if (activity.state == SyncManager::Activity::State::RetryScheduled) {
        status = tr("%1 · retrying %2").arg(status, RelativeTime::until(activity.retryAt));
    }
    m_status->setText(status);
    m_status->setStyleSheet(
        QStringLiteral("color: %1; font-weight: bold;")
            .arg((failing.isEmpty() ? StatusBadgeDelegate::colorFor(source->status) : StatusBadgeDelegate::WarningColor)
                     .name()));
    // Nothing to do for a paused source: resuming is what syncs it.
    m_syncNow->setEnabled(source->status != IngestionSource::Status::Paused);
    m_syncNow->setToolTip(source->status == IngestionSource::Status::Paused ? tr("Resume the source to sync it.")
                                                                            : QString());

    const QList<ArchiveEvent> events = m_archive.events().recent(m_sourceId, 200);
    m_untrusted = {};
    QString technical;
    for (const ArchiveEvent& event : events) {
        if (event.kind == QLatin1String("sync.failed") || event.kind == QLatin1String("sync.finished")) {
            // Only the latest outcome counts: a later success means trusted.
            m_untrusted = CertificateInfo::fromJson(event.details.value(QStringLiteral("certificate")).toObject());
            technical = event.details.value(QStringLiteral("technical")).toString();
            break;
        }
    }
    // Also while Active: a pass that left a folder or a message out says so
    // here until a pass gets everything.
    const bool hasError = !source->lastError.isEmpty();
    QString errorText = hasError ? source->lastError : tr("none");
    if (hasError && source->failingSince.isValid()) {
        errorText = tr("%1 (failing since %2)").arg(source->lastError, RelativeTime::exact(source->failingSince));
    }
    m_error->setText(errorText);
    m_error->setStyleSheet(hasError ? QStringLiteral("color: #d32f2f;") : QString());
    m_technical->setText(tr("Technical details: %1").arg(technical));
    m_technical->setVisible(hasError && !technical.isEmpty());
    m_trustButton->setVisible(source->status == IngestionSource::Status::Error && hasError && !m_untrusted.isNull());

    const auto preset = ProviderPreset::byId(source->providerId);
    m_server->setText(tr("%1 on %2, port %3 (%4)")
                          .arg(source->username,
                               source->host,
                               QString::number(source->port),
                               preset ? preset->displayName : source->providerId));
    switch (source->folderScope) {
    case IngestionSource::FolderScope::InboxOnly:
        m_folderScope->setText(tr("Inbox only"));
        break;
    case IngestionSource::FolderScope::AllFolders:
        m_folderScope->setText(tr("All folders except Trash and Junk"));
        break;
    case IngestionSource::FolderScope::Chosen:
        m_folderScope->setText(source->chosenFolders.join(QStringLiteral(", ")));
        break;
    }
    const SourceTotals totals = SourceStatistics(m_archive.connection()).totals(m_sourceId);
    m_archived->setText(tr("%1 messages, %2")
                            .arg(QLocale().toString(totals.messages),
                                 QLocale().formattedDataSize(totals.bytes, 1, QLocale::DataSizeTraditionalFormat)));
    m_lastSync->setText(source->lastSyncAt.isValid() ? RelativeTime::exact(source->lastSyncAt) : tr("never"));
    m_nextCheck->setText(activity.nextCheckAt.isValid() ? RelativeTime::exact(activity.nextCheckAt)
                                                        : QStringLiteral("—"));
    if (source->pinnedSha256.isEmpty()) {
        m_certificate->setText(tr("trusted by the system"));
    } else {
        CertificateInfo pinned;
        pinned.sha256 = source->pinnedSha256.toLatin1();
        m_certificate->setText(tr("trusted by you for this source, SHA-256 %1").arg(pinned.formattedFingerprint()));
    }
    if (!m_interval->hasFocus()) {
        m_interval->setValue(source->checkIntervalMinutes);
    }

    const QList<FolderSummary> folders = ArchiveReader(m_archive.connection()).folders(m_sourceId);
    m_folders->setRowCount(static_cast<int>(folders.size()));
    for (int row = 0; row < folders.size(); ++row) {
        const FolderSummary& folder = folders.at(row);
        const QStringList cells {folder.path,
                                 folder.serverCount < 0 ? QStringLiteral("—") : QLocale().toString(folder.serverCount),
                                 QLocale().toString(folder.messageCount),
                                 folder.completenessSummary(),
                                 QString::number(folder.lastUid),
                                 RelativeTime::since(folder.verifiedAt)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (column == 3) {
                item->setToolTip(folder.completenessText()); // the whole sentence, with UIDs and reasons
            }
            if (column == 5) {
                item->setToolTip(RelativeTime::exact(folder.verifiedAt));
            }
            if (column > 0 && column < 5 && column != 3) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            m_folders->setItem(row, column, item);
        }
    }

    m_history->clear();
    for (const ArchiveEvent& event : events) {
        auto* item = new QTreeWidgetItem(m_history);
        item->setText(0, QLocale().toString(event.at.toLocalTime(), QLocale::ShortFormat));
        item->setText(1, event.message);
        item->setToolTip(1, event.message);
        if (event.kind == QLatin1String("sync.failed")) {
            item->setForeground(1, QColor(0xd3, 0x2f, 0x2f));
        }
    }
}

void SourceDetailsDialog::saveInterval()
{
    const SourceOutcome outcome = m_service->setCheckInterval(m_sourceId, m_interval->value());
    if (!outcome.ok()) {
        QMessageBox::warning(this, tr("Cannot Save"), outcome.message);
    }
}

void SourceDetailsDialog::trustCertificate()
{
    if (m_untrusted.isNull()) {
        return;
    }
    const auto source = m_service->find(m_sourceId);
    if (!source || !CertificateTrustPrompt::ask(this, m_untrusted, source->name)) {
        return;
    }
    const SourceOutcome outcome = m_service->trustCertificate(m_sourceId, m_untrusted);
    if (!outcome.ok()) {
        QMessageBox::warning(this, tr("Cannot Save"), outcome.message);
    }
}
