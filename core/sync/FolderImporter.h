#pragma once

#include "SyncCounts.h"

#include <QString>

#include <functional>

class ImapSession;
class MessageStore;

// Brings one folder of the archive up to date with the server, read-only:
// EXAMINE, skip when nothing changed, otherwise fetch the UIDs above the
// checkpoint in batches, each stored with its checkpoint in one transaction.
// Then proves completeness: the server's UID set is compared with the
// archived locations and anything missing is fetched again.
class FolderImporter
{
public:
    // Called after every stored batch with the folder's progress; returning
    // false stops at that batch boundary (pause, quit). The checkpoint then
    // says exactly what is stored.
    using Progress = std::function<bool(const QString& folder, qint64 done, qint64 total)>;

    FolderImporter(ImapSession& session, MessageStore& store, int batchSize = 100);

    // Throws what the IMAP layer throws; a storage failure throws
    // std::runtime_error with the archive's message.
    SyncCounts importFolder(qint64 folderId, const QString& path, const Progress& progress);

private:
    // Splits `uids` into batches of at most m_batchSize messages and
    // MaxBatchBytes (from a light RFC822.SIZE pass), so memory stays bounded
    // whatever the messages weigh; a bigger message travels alone.
    QList<QList<quint32>> planBatches(const QList<quint32>& uids);
    bool storeUids(qint64 folderId,
                   quint32 uidValidity,
                   const QString& path,
                   const QList<quint32>& uids,
                   bool advanceCheckpoint,
                   const Progress& progress,
                   SyncCounts& counts);

    ImapSession& m_session;
    MessageStore& m_store;
    int m_batchSize;
};
