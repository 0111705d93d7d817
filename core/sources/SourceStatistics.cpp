#include "SourceStatistics.h"

#include <QSqlQuery>
#include <QVariant>

SourceStatistics::SourceStatistics(QSqlDatabase db)
    : m_db(std::move(db))
{
}

SourceTotals SourceStatistics::totals(qint64 sourceId) const
{
    // DISTINCT: a message in two folders of the source counts once.
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT count(*), coalesce(sum(messages.size), 0) FROM messages WHERE messages.id IN "
                       "(SELECT locations.message_id FROM locations JOIN folders ON folders.id = locations.folder_id "
                       "WHERE folders.source_id = ?)"));
    query.addBindValue(sourceId);
    SourceTotals totals;
    totals.messages = 0;
    if (query.exec() && query.next()) {
        totals.messages = query.value(0).toLongLong();
        totals.bytes = query.value(1).toLongLong();
    }
    return totals;
}
