#pragma once

#include "ArchiveTypes.h"

#include <QSqlDatabase>
#include <QString>

// The write side of the archive: folders, and batches of messages stored
// together with their folder's checkpoint in one transaction.
class MessageStore
{
public:
    explicit MessageStore(QSqlDatabase db);

    // Hashes, compresses and parses. Pure computation, no database: run it
    // wherever there is a spare core.
    static PreparedMessage prepare(const FetchedMessage& message);

    // The source's id, created on first use.
    qint64 ensureSource(const QString& name, QString* error);
    // The folder's id, created on first use (checkpoint empty).
    qint64 ensureFolder(qint64 sourceId, const QString& path, const QString& delimiter, QString* error);
    FolderCheckpoint checkpoint(qint64 folderId) const;

    // Stores the messages and advances the folder's checkpoint, atomically:
    // after a crash either all of it is there or none. Bytes already in the
    // archive are not stored again; only a location is added. Returns false
    // with *error (the transaction rolled back, nothing changed) on failure,
    // e.g. a full disk.
    bool storeBatch(const QList<PreparedMessage>& messages,
                    const FolderCheckpoint& checkpoint,
                    StoreResult* result,
                    QString* error);

private:
    qint64 findMessage(const QByteArray& sha256, QString* error) const;
    qint64 insertMessage(const PreparedMessage& message, QString* error);

    QSqlDatabase m_db;
};
