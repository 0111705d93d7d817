#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

// What one pass over a folder did and found; summed up for a source.
struct SyncCounts
{
    int foldersChecked = 0;
    int foldersSkipped = 0; // unchanged since the last pass: no FETCH
    qint64 newMessages = 0; // bytes never archived before
    qint64 duplicates = 0; // already archived elsewhere: only a location added
    qint64 bytes = 0;
    qint64 serverMessages = 0; // what the server holds in the folders checked
    qint64 archivedMessages = 0; // of those, how many the archive has (deleted ones stay archived but are not counted)
    qint64 refetched = 0; // missing below the checkpoint and fetched again
    qint64 failedMessages = 0; // listed by the server, not archived on this pass (each named in problems)
    int failedFolders = 0; // could not be read at all on this pass (named in problems)
    // One sentence per folder that is not complete: "INBOX: 1 message not
    // archived (UID 3: …)", "Projects\2024: could not be opened (…)".
    QStringList problems;

    SyncCounts& operator+=(const SyncCounts& other);
    // Every UID the server listed in every folder checked is archived.
    bool isComplete() const;
};
