#pragma once

#include "CompressionDictionary.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>

class Archive;

// Removes a source together with the mail only it holds: the other answer to
// "remove this source?" next to SourceRepository::removeKeepingMail().
//
// The archive is content-addressed, so a message this source shares with
// another source (the same bytes in both) stays; it loses only this source's
// locations. Everything happens in one transaction: a failure, a cancel or a
// crash half way leaves the archive exactly as it was.
//
// The source row itself stays, marked removed as when keeping mail (name
// freed, no folders left): events refer to their source by a foreign key
// (ON DELETE SET NULL), and the event log is append-only, so deleting the row
// would have to change events, which their triggers refuse. A "source.removed"
// event records the counts.
//
// Freed pages are not given back to the file system (no VACUUM: it rewrites
// the whole file, minutes for a large archive); SQLite reuses them for the
// mail archived next. The source must not be syncing while it is purged.
class SourcePurge
{
public:
    // What a purge removed.
    struct Result
    {
        QString sourceName; // as it was before the removal
        qint64 foldersRemoved = 0;
        qint64 messagesRemoved = 0; // with their blobs, attachments and search entries
        qint64 messagesKept = 0; // also held by another source: they stay, only this source's locations go
        qint64 bytesFreed = 0; // compressed blob bytes deleted: what the archive file can reuse
    };

    // Called with (done, total) messages removed so far, every few hundred
    // messages; return false to cancel (the transaction rolls back).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // Works on this thread's connection to the archive.
    explicit SourcePurge(const Archive& archive);
    Q_DISABLE_COPY_MOVE(SourcePurge)

    // Purges the source `sourceId` (also one already removed with its mail
    // kept) and returns the counts. On failure *error says why (it is never
    // empty then, and left alone on success), the counts are zero and
    // nothing in the archive changed.
    Result run(qint64 sourceId, QString* error, const Progress& progress = {});

private:
    bool prepareStatements(QString* error);
    bool removeIndexEntry(qint64 messageId, qint64* blobId, Result* result, QString* error);
    bool removeRows(qint64 messageId, qint64 blobId, QString* error);

    QSqlDatabase m_db;
    QHash<qint64, SharedDictionary> m_dictionaries;
    // Prepared once, run once a message: each finds its rows by primary key
    // or index, so a purge costs the same per message at 100 or 100,000
    // (about 0.4 ms a message, most of it FTS5 taking the words out of the
    // index again, which costs what putting them in did).
    QSqlQuery m_readBlob;
    QSqlQuery m_deleteIndexEntry;
    QSqlQuery m_deleteAttachments;
    QSqlQuery m_deleteMessage;
    QSqlQuery m_deleteBlob;
};
