#pragma once

#include "CompressionDictionary.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>

// Deletes messages from the archive with everything that is theirs: the
// search entry, the attachments' rows, the message row and its blob. Its
// callers decide which messages nothing holds any more (SourcePurge: a
// source's; RemovedMailPurge: chosen mail of removed sources) and run it
// inside their own transaction, after deleting the locations.
//
// The search index is contentless: taking an entry out needs the values it
// was added with, so each message is read back and parsed again
// (SearchIndexEntry), which costs what indexing it did (about 0.4 ms a
// message).
class MessageDeletion
{
public:
    // Called with (done, total) every few hundred messages; false cancels.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit MessageDeletion(QSqlDatabase db);
    Q_DISABLE_COPY_MOVE(MessageDeletion)

    // Deletes the messages `ids` (none of which any location may still
    // refer to). False with *error (or on a cancel, with *cancelled set)
    // leaves the caller to roll back. `bytesFreed` grows by the compressed
    // blob bytes deleted.
    bool run(const QList<qint64>& ids,
             qint64* bytesFreed,
             QString* error,
             const Progress& progress = {},
             bool* cancelled = nullptr);

private:
    bool prepare(QString* error);
    bool removeIndexEntry(qint64 messageId, qint64* blobId, qint64* bytesFreed, QString* error);
    bool removeRows(qint64 messageId, qint64 blobId, QString* error);

    QSqlDatabase m_db;
    QHash<qint64, SharedDictionary> m_dictionaries;
    // Prepared once, run once a message: each finds its rows by primary key
    // or index, so deleting costs the same per message at 100 or 100,000.
    QSqlQuery m_readBlob;
    QSqlQuery m_deleteIndexEntry;
    QSqlQuery m_deleteAttachments;
    QSqlQuery m_deleteMessage;
    QSqlQuery m_deleteBlob;
};
