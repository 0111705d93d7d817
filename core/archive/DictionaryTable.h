#pragma once

#include "CompressionDictionary.h"

#include <QHash>
#include <QSqlDatabase>

// The archive's compression dictionaries: written once, never changed, since
// every blob made with one needs it to be read back.
namespace DictionaryTable {

// The newest dictionary, or null when none has been trained yet.
SharedDictionary latest(QSqlDatabase db);
// The dictionary a blob names, through a cache the caller keeps.
SharedDictionary byId(QSqlDatabase db, qint64 id, QHash<qint64, SharedDictionary>* cache);
// Stores a new dictionary; returns it with its id, or null on failure.
SharedDictionary insert(QSqlDatabase db, const QByteArray& data, QString* error);

} // namespace DictionaryTable
