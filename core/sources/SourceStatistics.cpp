#include "SourceStatistics.h"

#include <QFileInfo>
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

ArchiveTotals SourceStatistics::archiveTotals() const
{
    ArchiveTotals totals;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    totals.messages = 0;
    if (query.exec(QStringLiteral("SELECT count(*), coalesce(sum(size), 0) FROM messages")) && query.next()) {
        totals.messages = query.value(0).toLongLong();
        totals.bytes = query.value(1).toLongLong();
    }
    // A removed source counts while the archive still holds mail of it
    // (removed keeping its mail); one removed with its mail holds none.
    if (query.exec(
            QStringLiteral("SELECT coalesce(sum(removed_at IS NULL), 0), coalesce(sum(removed_at IS NOT NULL AND "
                           "EXISTS (SELECT 1 FROM folders JOIN locations ON locations.folder_id = folders.id "
                           "WHERE folders.source_id = sources.id)), 0) FROM sources"))
        && query.next()) {
        totals.sources = query.value(0).toInt();
        totals.removedSources = query.value(1).toInt();
    }
    // Read here, with the counts, so a caller on the UI thread stats nothing.
    const QString path = m_db.databaseName();
    if (QFileInfo::exists(path)) {
        totals.fileBytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    }
    return totals;
}
