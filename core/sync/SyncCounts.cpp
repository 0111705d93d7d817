#include "SyncCounts.h"

SyncCounts& SyncCounts::operator+=(const SyncCounts& other)
{
    foldersChecked += other.foldersChecked;
    foldersSkipped += other.foldersSkipped;
    newMessages += other.newMessages;
    duplicates += other.duplicates;
    bytes += other.bytes;
    serverMessages += other.serverMessages;
    archivedMessages += other.archivedMessages;
    refetched += other.refetched;
    failedMessages += other.failedMessages;
    failedFolders += other.failedFolders;
    problems += other.problems;
    return *this;
}

bool SyncCounts::isComplete() const
{
    return archivedMessages == serverMessages && failedMessages == 0 && failedFolders == 0;
}
