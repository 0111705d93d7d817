#pragma once

#include <QSqlDatabase>

// How much mail the archive holds from one source: what the Ingestions
// table's "Archived" column and the details view show.
struct SourceTotals
{
    qint64 messages = -1; // distinct messages in any of the source's folders; -1 not counted yet
    qint64 bytes = 0; // their raw size, as on the server
};

// What the whole archive holds. Two sources on one server share messages
// (stored once, by content), so this is not the sum of the sources' totals:
// the status bar, the Archive page and `status --json` show this one.
struct ArchiveTotals
{
    qint64 messages = -1; // distinct messages (rows of `messages`); -1 not counted yet
    qint64 bytes = 0; // their raw size, as on the servers
    int sources = 0; // the sources the user has
    int removedSources = 0; // removed sources whose mail was kept and is still archived
    qint64 fileBytes = -1; // the archive file and its write-ahead log on disk; -1 unknown
};

class SourceStatistics
{
public:
    explicit SourceStatistics(QSqlDatabase db);

    SourceTotals totals(qint64 sourceId) const;
    ArchiveTotals archiveTotals() const;

private:
    QSqlDatabase m_db;
};
