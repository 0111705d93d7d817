#pragma once

#include "ArchiveReader.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

class Archive;

// Deletes chosen mail of removed sources: messages the user selected, or a
// whole list (Removed sources, one removed source or folder, a search
// there). Each chosen message loses its locations in removed sources; one
// that no current source holds goes from the archive with its blob,
// attachments and search entry (MessageDeletion), one that a current source
// still holds stays there. Mail of current sources is never touched: only
// removed sources' locations are ever deleted.
//
// One transaction: a failure, a cancel or a crash half way leaves the
// archive as it was. SourcePurge does the same for a whole source.
class RemovedMailPurge
{
public:
    struct Selection
    {
        QList<qint64> ids; // these messages; when empty, every message of `list`
        MessageListQuery list;
    };

    // What a purge would do, counted before the user confirms it.
    struct Preview
    {
        qint64 messages = 0; // chosen messages that removed sources hold
        qint64 deleted = 0; // of those, held by no current source: deleted
        qint64 bytes = 0; // their size, as on the server
        qint64 kept = 0; // a current source holds them too: they stay
    };

    struct Result
    {
        qint64 deleted = 0;
        qint64 kept = 0;
        qint64 locationsRemoved = 0;
        qint64 bytesFreed = 0; // compressed blob bytes: what the file can reuse
    };

    using Progress = std::function<bool(qint64 done, qint64 total)>;
    // Runs last inside the transaction (the event log); false rolls back.
    using BeforeCommit = std::function<bool(const Result& result, QString* error)>;

    // Works on this thread's connection to the archive.
    explicit RemovedMailPurge(const Archive& archive);
    // For preview() alone, on a read-only connection (the query runner).
    explicit RemovedMailPurge(QSqlDatabase database);

    Preview preview(const Selection& selection, QString* error) const;
    // On failure *error says why, the counts are zero and nothing changed.
    Result run(const Selection& selection,
               QString* error,
               const Progress& progress = {},
               const BeforeCommit& beforeCommit = {});

private:
    // The chosen messages that removed sources hold, each once.
    QList<qint64> chosen(const Selection& selection, QString* error) const;

    QSqlDatabase m_db;
};
