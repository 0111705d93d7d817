#pragma once

#include <QList>
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
// The source row itself is not this class's business: the caller marks it
// removed (and logs it) in `beforeCommit`, inside the same transaction. The
// row stays: events refer to their source by a foreign key (ON DELETE SET
// NULL), and the event log is append-only, so deleting the row would have to
// change events, which their triggers refuse.
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

    // What a purge would do, counted before the user confirms it: the same
    // rule as run(), so the result matches the promise.
    struct Preview
    {
        struct Holder
        {
            qint64 sourceId = 0;
            QString name;
            bool removed = false; // removed with its mail kept
            qint64 messages = 0; // of this source's messages, how many it holds too
        };
        qint64 messagesOnlyHere = 0; // deleted by run()
        qint64 bytesOnlyHere = 0; // their raw size, as on the server
        qint64 messagesShared = 0; // kept by run(): another source holds them
        QList<Holder> sharedWith; // by name; a message held by two counts in both
    };

    // Called with (done, total) messages removed so far, every few hundred
    // messages; return false to cancel (the transaction rolls back).
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    // Runs last inside the purge's transaction; false (with *error) rolls
    // everything back.
    using BeforeCommit = std::function<bool(const Result& result, QString* error)>;

    // Works on this thread's connection to the archive.
    explicit SourcePurge(const Archive& archive);
    // For preview() alone, on a read-only connection (the GUI's query runner).
    explicit SourcePurge(QSqlDatabase database);
    Q_DISABLE_COPY_MOVE(SourcePurge)

    // Purges the source `sourceId` (also one already removed with its mail
    // kept) and returns the counts. On failure *error says why (it is never
    // empty then, and left alone on success), the counts are zero and
    // nothing in the archive changed.
    Result run(qint64 sourceId, QString* error, const Progress& progress = {}, const BeforeCommit& beforeCommit = {});
    // On failure *error says why and the preview is empty.
    Preview preview(qint64 sourceId, QString* error) const;

private:
    QSqlDatabase m_db;
};
