#pragma once

#include "SyncCounts.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <memory>

class ImapSession;
class MessageStore;
class SerialThread;
class StoreStage;

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

    FolderImporter(ImapSession& session, MessageStore& store, int batchSize = 500);
    ~FolderImporter();
    Q_DISABLE_COPY_MOVE(FolderImporter)

    // Throws what the IMAP layer throws; a storage failure throws
    // std::runtime_error with the archive's message.
    SyncCounts importFolder(qint64 folderId, const QString& path, const Progress& progress);

private:
    // A window of UIDs split into batches of at most m_batchSize messages
    // and MaxBatchBytes, so memory stays bounded whatever the messages
    // weigh (a bigger message travels alone).
    struct Plan
    {
        QList<QList<quint32>> batches;
    };
    // The light pass: RFC822.SIZE of a whole window in one round trip.
    Plan planWindow(const QList<quint32>& window);
    StoreStage& storeStage();
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
    // Lives as long as the importer, so the dictionary it trains serves
    // every folder of the pass.
    std::unique_ptr<StoreStage> m_stage;
    // Hashes, compresses and parses batches on another core.
    std::unique_ptr<SerialThread> m_prepareThread;
};
