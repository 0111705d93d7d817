#include "SourceTableModel.h"

#include "SourceStateText.h"
#include "archive/ArchiveQueryRunner.h"
#include "common/RelativeTime.h"
#include "sources/ProviderPreset.h"
#include "sources/SourceRepository.h"

#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace {

// Repaints at most this often, whatever the rate of progress signals.
constexpr int FlushIntervalMs = 250;
// Archived totals of a syncing source are counted again this often.
constexpr int TotalsEveryNthFlush = 8;

QString providerName(const QString& providerId)
{
    const auto preset = ProviderPreset::byId(providerId);
    return preset ? preset->displayName : providerId;
}

} // namespace

SourceTableModel::SourceTableModel(SyncManager* manager, ArchiveQueryRunner* queries, QObject* parent)
    : QAbstractTableModel(parent)
    , m_manager(manager)
    , m_queries(queries)
    , m_flushTimer(new QTimer(this))
{
    // Runs while there is something to show: changes to flush or a pass
    // whose totals grow. Idle, nothing wakes the app up four times a second.
    m_flushTimer->setInterval(FlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &SourceTableModel::flushChanges);

    // Relative times ("5 min ago", "in 3 min") age even when nothing happens.
    auto* clock = new QTimer(this);
    clock->setInterval(30000);
    connect(clock, &QTimer::timeout, this, [this] {
        if (!m_rows.isEmpty()) {
            emit dataChanged(index(0, LastSync), index(rowCount() - 1, NextCheck));
        }
    });
    clock->start();

    // The flush reads the row again, and counts its totals (off this thread).
    connect(m_manager, &SyncManager::sourceChanged, this, [this](qint64 sourceId) {
        m_changed.insert(sourceId);
        m_dirty.insert(sourceId);
        scheduleFlush();
    });
    connect(m_manager, &SyncManager::sourceFailed, this, &SourceTableModel::handleFailure);
    connect(m_manager, &SyncManager::progress, this, &SourceTableModel::handleProgress);
    connect(m_manager, &SyncManager::sourceAdded, this, &SourceTableModel::refreshSource);
    connect(m_manager, &SyncManager::sourceRemoved, this, [this](qint64 sourceId) { handleRemoved(sourceId); });
    reload();
}

// A count still running answers no one: the runner drops results for a
// receiver that is gone.
SourceTableModel::~SourceTableModel() = default;

int SourceTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SourceTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void SourceTableModel::reload()
{
    m_queries->run(
        ArchiveQueryRunner::Lane::Interactive,
        this,
        [](const ArchiveReader& reader) { return SourceRepository(reader.database()).list(); },
        [this](const QList<IngestionSource>& sources) { applyList(sources); });
}

void SourceTableModel::applyList(const QList<IngestionSource>& sources)
{
    beginResetModel();
    m_rows.clear();
    for (const IngestionSource& source : sources) {
        // Mail imported from files has no server to sync with: its mail is
        // in the Archive page, not a row here.
        if (!m_removed.contains(source.id) && !source.isLocal()) {
            m_rows.append(Row {source, {}, {}, 0, 0});
        }
    }
    m_dirty.clear();
    endResetModel();
    QSet<qint64> all;
    for (const Row& row : std::as_const(m_rows)) {
        all.insert(row.source.id);
    }
    m_archiveTotalsStale = true; // also when there are no sources: mail of removed ones
    countTotals(all);
    const bool first = !std::exchange(m_loaded, true);
    emit summaryChanged();
    if (first) {
        emit loaded();
    }
}

bool SourceTableModel::isLoaded() const
{
    return m_loaded;
}

std::optional<IngestionSource> SourceTableModel::source(qint64 sourceId) const
{
    const int row = rowOf(sourceId);
    return row < 0 ? std::nullopt : std::optional(m_rows.at(row).source);
}

SourceTotals SourceTableModel::totals(qint64 sourceId) const
{
    const int row = rowOf(sourceId);
    return row < 0 ? SourceTotals {} : m_rows.at(row).totals;
}

int SourceTableModel::rowOf(qint64 sourceId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).source.id == sourceId) {
            return row;
        }
    }
    return -1;
}

qint64 SourceTableModel::sourceIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).source.id : 0;
}

int SourceTableModel::syncingCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [this](const Row& row) {
        return m_manager->activity(row.source.id).state == SyncManager::Activity::State::Syncing;
    }));
}

int SourceTableModel::statusCount(IngestionSource::Status status) const
{
    return static_cast<int>(std::count_if(
        m_rows.cbegin(), m_rows.cend(), [status](const Row& row) { return row.source.status == status; }));
}

int SourceTableModel::failingCount() const
{
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row& row) { return row.source.isFailing(); }));
}

ArchiveTotals SourceTableModel::archiveTotals() const
{
    return m_archiveTotals;
}

void SourceTableModel::refreshSource(qint64 sourceId)
{
    if (m_removed.contains(sourceId)) {
        return;
    }
    if (const auto reading = m_reading.find(sourceId); reading != m_reading.end()) {
        *reading = true; // its answer may predate this change
        return;
    }
    m_reading.insert(sourceId, false);
    m_queries->run(
        ArchiveQueryRunner::Lane::Interactive,
        this,
        [sourceId](const ArchiveReader& reader) { return SourceRepository(reader.database()).find(sourceId); },
        [this, sourceId](const std::optional<IngestionSource>& source) {
            const bool again = m_reading.take(sourceId);
            applySource(sourceId, source);
            if (again) {
                refreshSource(sourceId);
            }
        });
}

void SourceTableModel::applySource(qint64 sourceId, const std::optional<IngestionSource>& source)
{
    const int row = rowOf(sourceId);
    if (!source || m_removed.contains(sourceId) || source->isLocal()) {
        if (row >= 0) {
            handleRemoved(sourceId);
        }
        return;
    }
    countTotals({sourceId});
    if (row < 0) {
        const int at = static_cast<int>(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(Row {*source, {}, {}, 0, 0});
        endInsertRows();
    } else {
        Row& existing = m_rows[row];
        existing.source = *source;
        if (m_manager->activity(sourceId).state != SyncManager::Activity::State::Syncing) {
            existing.folder.clear();
            existing.done = existing.total = 0;
        }
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    emit summaryChanged();
}

void SourceTableModel::handleFailure(qint64 sourceId, const SyncFailure& failure)
{
    // On screen at once; the flush that follows sourceChanged() reads the
    // status the failure led to (a warning, or Error) from the archive.
    const int row = rowOf(sourceId);
    if (row < 0) {
        return;
    }
    m_rows[row].source.lastError = failure.message;
    m_rows[row].source.lastErrorKind = failure.kind;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit summaryChanged();
}

void SourceTableModel::handleProgress(qint64 sourceId, const QString& folder, qint64 done, qint64 total)
{
    const int row = rowOf(sourceId);
    if (row < 0) {
        return;
    }
    Row& changed = m_rows[row];
    changed.folder = folder;
    changed.done = done;
    changed.total = total;
    m_dirty.insert(sourceId);
    scheduleFlush();
}

void SourceTableModel::scheduleFlush()
{
    if (!m_flushTimer->isActive()) {
        m_flushTimer->start();
    }
}

void SourceTableModel::handleRemoved(qint64 sourceId)
{
    // Ids are never reused (a removed source's row stays, marked removed):
    // whatever read of it is still on its way is stale.
    m_removed.insert(sourceId);
    const int row = rowOf(sourceId);
    if (row < 0) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    m_dirty.remove(sourceId);
    m_totalsStale.remove(sourceId);
    emit summaryChanged();
    // Its mail went with it, or stays as a removed source's.
    recountArchive();
}

void SourceTableModel::recountArchive()
{
    m_archiveTotalsStale = true;
    countTotals({});
}

void SourceTableModel::countTotals(const QSet<qint64>& sourceIds)
{
    m_totalsStale.unite(sourceIds);
    if (m_counting || (m_totalsStale.isEmpty() && !m_archiveTotalsStale)) {
        return;
    }
    // Counting a source's messages reads all its locations: ~70 ms per
    // 100,000, too long for the UI thread every few seconds of an import.
    // Whatever changed a source's total changed the archive's too.
    m_archiveTotalsStale = false;
    const QList<qint64> batch = std::exchange(m_totalsStale, {}).values();
    m_counting = true;
    m_queries->run(
        ArchiveQueryRunner::Lane::Background,
        this,
        [batch](const ArchiveReader& reader) {
            const SourceStatistics statistics(reader.database());
            std::pair<QHash<qint64, SourceTotals>, ArchiveTotals> result;
            for (const qint64 sourceId : batch) {
                result.first.insert(sourceId, statistics.totals(sourceId));
            }
            result.second = statistics.archiveTotals();
            return result;
        },
        [this](const std::pair<QHash<qint64, SourceTotals>, ArchiveTotals>& result) {
            m_counting = false;
            applyTotals(result.first, result.second);
            countTotals({}); // what went stale meanwhile
        });
}

void SourceTableModel::applyTotals(const QHash<qint64, SourceTotals>& results, const ArchiveTotals& archive)
{
    m_archiveTotals = archive;
    for (auto it = results.cbegin(); it != results.cend(); ++it) {
        const int row = rowOf(it.key());
        if (row >= 0) {
            m_rows[row].totals = it.value();
            emit dataChanged(index(row, Archived), index(row, Archived));
        }
    }
    emit summaryChanged();
}

void SourceTableModel::flushChanges()
{
    // Every source that is syncing, whether or not a progress signal
    // happened to arrive just before this flush: a folder reports once a
    // stored batch, which can be seconds apart, and the Archived column
    // must follow the import, not wait for its end.
    QSet<qint64> syncing;
    for (const Row& row : std::as_const(m_rows)) {
        if (m_manager->activity(row.source.id).state == SyncManager::Activity::State::Syncing) {
            syncing.insert(row.source.id);
        }
    }
    if (++m_flushes % TotalsEveryNthFlush == 0) {
        countTotals(syncing);
    }
    if (syncing.isEmpty() && m_dirty.isEmpty()) {
        m_flushTimer->stop(); // the next change starts it again
    }
    const QSet<qint64> dirty = std::exchange(m_dirty, {});
    const QSet<qint64> changed = std::exchange(m_changed, {});
    for (const qint64 sourceId : dirty) {
        const int row = rowOf(sourceId);
        if (row < 0) {
            continue;
        }
        // A status change (paused, resumed, failing) is read at once, also
        // while a pass runs: the row, toolbar and menu follow it. Only
        // progress alone is not worth a query.
        if (!syncing.contains(sourceId) || changed.contains(sourceId)) {
            // A status change or a finished pass: read the row again.
            refreshSource(sourceId);
        } else {
            emit dataChanged(index(row, Status), index(row, Progress));
        }
    }
    if (!dirty.isEmpty()) {
        emit summaryChanged();
    }
}

QVariant SourceTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        return toolTipData(row, index.column());
    case Qt::AccessibleTextRole:
        if (index.column() == Status) {
            const QString failing = SourceStateText::failing(row.source, m_manager->activity(row.source.id));
            return failing.isEmpty()
                ? IngestionSource::statusText(row.source.status)
                : tr("%1, with a warning: %2").arg(IngestionSource::statusText(row.source.status), failing);
        }
        return displayData(row, index.column());
    case SourceIdRole:
        return row.source.id;
    case StatusRole:
        return static_cast<int>(row.source.status);
    case FailingRole:
        return row.source.isFailing();
    case ProgressFractionRole:
        if (index.column() == Progress && row.total > 0
            && m_manager->activity(row.source.id).state == SyncManager::Activity::State::Syncing) {
            return static_cast<double>(row.done) / static_cast<double>(row.total);
        }
        return -1.0;
    case SortRole:
        return sortData(row, index.column());
    case CompactTextRole:
        if (index.column() == Archived && row.totals.messages > 0) {
            return QLocale().toString(row.totals.messages);
        }
        return index.column() == Archived ? displayData(row, index.column()) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == Archived) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant SourceTableModel::displayData(const Row& row, int column) const
{
    const IngestionSource& source = row.source;
    const SyncManager::Activity activity = m_manager->activity(source.id);
    switch (column) {
    case Name:
        return source.name;
    case Provider:
        return providerName(source.providerId);
    case Account:
        return source.accountText();
    case Status:
        return IngestionSource::statusText(source.status);
    case Progress:
        return activityText(row);
    case Archived:
        if (row.totals.messages < 0) {
            return QStringLiteral("…"); // being counted
        }
        if (row.totals.messages == 0) {
            return tr("none yet");
        }
        // Short, so the Progress column keeps its room; the tooltip says it in full.
        return tr("%1 · %2").arg(QLocale().toString(row.totals.messages),
                                 QLocale().formattedDataSize(row.totals.bytes, 1, QLocale::DataSizeTraditionalFormat));
    case LastSync:
        return RelativeTime::since(source.lastSyncAt);
    case NextCheck:
        if (source.status == IngestionSource::Status::Paused) {
            return tr("paused");
        }
        if (activity.state == SyncManager::Activity::State::Waiting && activity.offline) {
            return tr("when online");
        }
        if (activity.state == SyncManager::Activity::State::Syncing
            || activity.state == SyncManager::Activity::State::Waiting) {
            return tr("now");
        }
        if (activity.state == SyncManager::Activity::State::RetryScheduled) {
            return RelativeTime::until(activity.retryAt);
        }
        return activity.nextCheckAt.isValid() ? RelativeTime::until(activity.nextCheckAt) : QStringLiteral("—");
    default:
        return {};
    }
}

QVariant SourceTableModel::toolTipData(const Row& row, int column) const
{
    const IngestionSource& source = row.source;
    switch (column) {
    case Status:
    case Progress:
        if ((source.status == IngestionSource::Status::Error || source.isFailing()) && !source.lastError.isEmpty()) {
            const QString failing = SourceStateText::failing(source, m_manager->activity(source.id));
            return failing.isEmpty() ? source.lastError : tr("%1\n%2").arg(failing, source.lastError);
        }
        return column == Status ? IngestionSource::statusText(source.status) : activityText(row);
    case Provider:
        return providerName(source.providerId); // whole, where the column elides it
    case Account:
        return tr("%1 on %2, port %3").arg(source.username, source.host).arg(source.port);
    case Archived:
        return tr("%1 messages, %2 as on the server")
            .arg(QLocale().toString(row.totals.messages),
                 QLocale().formattedDataSize(row.totals.bytes, 1, QLocale::DataSizeTraditionalFormat));
    case LastSync:
        return RelativeTime::exact(source.lastSyncAt);
    case NextCheck: {
        const SyncManager::Activity activity = m_manager->activity(source.id);
        const QString when = RelativeTime::exact(
            activity.state == SyncManager::Activity::State::RetryScheduled ? activity.retryAt : activity.nextCheckAt);
        return activity.watchingInbox ? tr("%1\nNew mail in the INBOX is archived as it arrives.").arg(when) : when;
    }
    default:
        return {};
    }
}

QVariant SourceTableModel::sortData(const Row& row, int column) const
{
    switch (column) {
    case Status:
        return static_cast<int>(row.source.status);
    case Archived:
        return row.totals.messages;
    case LastSync:
        return row.source.lastSyncAt.isValid() ? row.source.lastSyncAt.toSecsSinceEpoch() : 0;
    case NextCheck:
        return m_manager->activity(row.source.id).nextCheckAt.toSecsSinceEpoch();
    case Progress:
        return row.total > 0 ? static_cast<double>(row.done) / static_cast<double>(row.total) : -1.0;
    default:
        return displayData(row, column).toString().toLower();
    }
}

QString SourceTableModel::activityText(const Row& row) const
{
    const IngestionSource& source = row.source;
    const SyncManager::Activity activity = m_manager->activity(source.id);
    if (activity.state != SyncManager::Activity::State::Syncing || row.total == 0) {
        if (const QString failing = SourceStateText::failing(source, activity); !failing.isEmpty()) {
            return failing;
        }
    }
    switch (activity.state) {
    case SyncManager::Activity::State::Syncing:
        if (row.total > 0) {
            return tr("%1: %2 of %3").arg(row.folder, QLocale().toString(row.done), QLocale().toString(row.total));
        }
        return tr("syncing…");
    case SyncManager::Activity::State::Waiting:
        return activity.offline ? tr("waiting for the network") : tr("waiting…");
    case SyncManager::Activity::State::RetryScheduled:
        return tr("retrying %1").arg(RelativeTime::until(activity.retryAt));
    case SyncManager::Activity::State::Idle:
        break;
    }
    switch (source.status) {
    case IngestionSource::Status::Error:
        return source.lastError;
    case IngestionSource::Status::Paused:
        return tr("paused");
    case IngestionSource::Status::Active:
        return tr("up to date");
    case IngestionSource::Status::Importing:
        return tr("waiting…");
    }
    return {};
}

QVariant SourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Name:
        return tr("Name");
    case Provider:
        return tr("Provider");
    case Account:
        return tr("Account");
    case Status:
        return tr("Status");
    case Progress:
        return tr("Progress");
    case Archived:
        return tr("Archived");
    case LastSync:
        return tr("Last sync");
    case NextCheck:
        return tr("Next check");
    default:
        return {};
    }
}
