#include "DictionaryTable.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace DictionaryTable {

SharedDictionary latest(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT id, data FROM compression_dictionaries ORDER BY id DESC LIMIT 1"))
        && query.next()) {
        return std::make_shared<const CompressionDictionary>(query.value(0).toLongLong(), query.value(1).toByteArray());
    }
    return {};
}

SharedDictionary byId(QSqlDatabase db, qint64 id, QHash<qint64, SharedDictionary>* cache)
{
    if (const auto found = cache->constFind(id); found != cache->constEnd()) {
        return found.value();
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT data FROM compression_dictionaries WHERE id = ?"));
    query.addBindValue(id);
    SharedDictionary dictionary;
    if (query.exec() && query.next()) {
        dictionary = std::make_shared<const CompressionDictionary>(id, query.value(0).toByteArray());
    }
    cache->insert(id, dictionary);
    return dictionary;
}

SharedDictionary insert(QSqlDatabase db, const QByteArray& data, QString* error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO compression_dictionaries (created_at, data) VALUES (?, ?)"));
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
    query.addBindValue(data);
    if (!query.exec()) {
        *error = query.lastError().text();
        return {};
    }
    return std::make_shared<const CompressionDictionary>(query.lastInsertId().toLongLong(), data);
}

} // namespace DictionaryTable
