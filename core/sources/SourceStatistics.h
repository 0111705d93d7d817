#pragma once

#include <QSqlDatabase>

// How much mail the archive holds from one source: what the Ingestions
// table's "Archived" column and the details view show.
struct SourceTotals
{
    qint64 messages = -1; // distinct messages in any of the source's folders; -1 not counted yet
    qint64 bytes = 0; // their raw size, as on the server
};

class SourceStatistics
{
public:
    explicit SourceStatistics(QSqlDatabase db);

    SourceTotals totals(qint64 sourceId) const;

private:
    QSqlDatabase m_db;
};
