#pragma once

#include "sources/IngestionSource.h"
#include "sources/SourceStatistics.h"
#include "sync/SyncManager.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

class ArchiveQueryRunner;
class QTimer;

// The Ingestions table: one row a source, with what the sync manager says it
// is doing. Progress arrives many times a second; it is collected and the
// changed rows are repainted a few times a second, so a fast import cannot
// flood the UI. The archive is read through the query runner: the rows on
// its Interactive lane, the totals on its Background lane, never on this
// thread.
class SourceTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceTableModel)

public:
    enum Column { Name, Provider, Account, Status, Progress, Archived, LastSync, NextCheck, ColumnCount };

    enum Role {
        SourceIdRole = Qt::UserRole + 1,
        StatusRole, // IngestionSource::Status as int
        ProgressFractionRole, // 0..1 while importing a folder, -1 otherwise
        SortRole,
        FailingRole, // bool: passes keep failing, not an Error yet (a warning)
        CompactTextRole, // Archived: the count alone, shown where "count · size" does not fit
    };

    // The rows arrive a moment after construction: isLoaded() and loaded().
    SourceTableModel(SyncManager* manager, ArchiveQueryRunner* queries, QObject* parent = nullptr);
    ~SourceTableModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Reads every source again; the rows are replaced when the answer comes.
    void reload();
    // The first read of the sources has answered: until then an empty table
    // does not mean "no sources".
    bool isLoaded() const;
    std::optional<IngestionSource> source(qint64 sourceId) const;
    // As last counted; messages is -1 until the first count arrives.
    SourceTotals totals(qint64 sourceId) const;
    int rowOf(qint64 sourceId) const;
    qint64 sourceIdAt(int row) const;

    // For the status bar.
    int syncingCount() const;
    int statusCount(IngestionSource::Status status) const;
    // Sources whose passes keep failing without being an Error yet.
    int failingCount() const;
    // The whole archive, counted with the sources' totals (off this thread):
    // messages held by two sources count once. messages is -1 until the
    // first count arrives.
    ArchiveTotals archiveTotals() const;
    // Counts the archive's totals again (off this thread); summaryChanged()
    // follows. For a page that shows them and may have missed a change
    // made elsewhere (the CLI on the same file).
    void recountArchive();

signals:
    // Something the status bar sums up changed.
    void summaryChanged();
    // The first read of the sources answered (rows, if any, are in).
    void loaded();

private:
    struct Row
    {
        IngestionSource source;
        SourceTotals totals;
        QString folder; // being imported
        qint64 done = 0;
        qint64 total = 0;
    };

    // Reads the source again off this thread; applySource() shows it.
    void refreshSource(qint64 sourceId);
    void applySource(qint64 sourceId, const std::optional<IngestionSource>& source);
    void applyList(const QList<IngestionSource>& sources);
    void handleFailure(qint64 sourceId, const SyncFailure& failure);
    void handleProgress(qint64 sourceId, const QString& folder, qint64 done, qint64 total);
    void handleRemoved(qint64 sourceId);
    void flushChanges();
    void scheduleFlush();
    // Counts the archived totals of these sources (and of any that went
    // stale meanwhile), and the archive's, on a thread of its own;
    // applyTotals() shows them.
    void countTotals(const QSet<qint64>& sourceIds);
    void applyTotals(const QHash<qint64, SourceTotals>& results, const ArchiveTotals& archive);

    QVariant displayData(const Row& row, int column) const;
    QVariant toolTipData(const Row& row, int column) const;
    QVariant sortData(const Row& row, int column) const;
    QString activityText(const Row& row) const;

    SyncManager* m_manager;
    QList<Row> m_rows; // by name, as the repository lists them
    QSet<qint64> m_dirty; // rows to repaint at the next flush
    QSet<qint64> m_changed; // rows whose source to read again at the next flush
    QSet<qint64> m_totalsStale; // archived totals to count at the next chance
    bool m_archiveTotalsStale = false; // the archive's, e.g. after a removal
    ArchiveTotals m_archiveTotals;
    ArchiveQueryRunner* m_queries;
    bool m_counting = false; // counting totals, at most one request at a time
    bool m_loaded = false;
    // One read a source at a time; a change while it runs reads it once more.
    QHash<qint64, bool> m_reading; // source id -> read again when it answers
    // Removed while a read of them was on its way: that answer is stale.
    QSet<qint64> m_removed;
    QTimer* m_flushTimer;
    int m_flushes = 0;
};
