#pragma once

#include "SyncCounts.h"

#include "archive/ArchiveTypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSet>
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
    Q_DECLARE_TR_FUNCTIONS(FolderImporter)

public:
    // Called after every stored batch with the folder's progress; returning
    // false stops at that batch boundary (pause, quit). The checkpoint then
    // says exactly what is stored.
    using Progress = std::function<bool(const QString& folder, qint64 done, qint64 total)>;

    FolderImporter(ImapSession& session, MessageStore& store, int batchSize = 500);
    ~FolderImporter();
    Q_DISABLE_COPY_MOVE(FolderImporter)

    // `name` is the folder's name as the server sent it (sent back byte for
    // byte), `path` how people see it. Throws what the IMAP layer throws; a
    // storage failure throws std::runtime_error with the archive's message.
    // Messages that cannot be archived do not throw: they are recorded per
    // UID with their reason (MessageStore's message_failures), counted in
    // SyncCounts::failedMessages, and tried again on the next pass.
    SyncCounts importFolder(qint64 folderId, const QByteArray& name, const QString& path, const Progress& progress);

    // Messages larger than this are refused by name instead of fetched. The
    // default is SQLite's blob limit less room for compression's overhead;
    // tests lower it.
    void setMaxMessageBytes(qint64 bytes);
    static constexpr qint64 DefaultMaxMessageBytes = 900LL * 1000 * 1000;
    // Every stored batch also adds its new messages and duplicates here, as
    // it commits: a pass stopped by an exception (a pause cancels the socket)
    // still knows what it stored, though importFolder() never returned.
    void setStoredTally(SyncCounts* tally);

private:
    void tallyStored(qint64 newMessages, qint64 duplicates, SyncCounts& counts);

    // A window of UIDs split into batches of at most m_batchSize messages
    // and MaxBatchBytes, so memory stays bounded whatever the messages
    // weigh (a bigger message travels alone).
    struct Plan
    {
        struct Batch
        {
            QList<quint32> fetch;
            QList<MessageFailure> refused; // not asked for (too large)
            quint32 lastUid = 0; // the highest UID of the batch, fetched or refused
            qint64 byteBudget = 0; // ImapSession::sendFetch's; 0 for a message alone
            qint64 expectedBytes = 0; // what the server announced, for the bytes in flight
        };
        QList<Batch> batches;
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

    static QString notSentReason();
    static QString describeFailures(const QString& path, const QList<MessageFailure>& failures);

    ImapSession& m_session;
    MessageStore& m_store;
    int m_batchSize;
    qint64 m_maxMessageBytes = DefaultMaxMessageBytes;
    SyncCounts* m_tally = nullptr;
    // This folder's pass: why each UID that failed did, for its record.
    QMap<quint32, MessageFailure> m_failures;
    // Failures already written with a batch of this pass.
    QSet<quint32> m_recorded;
    // UIDs that came bigger than announced: fetched one at a time.
    QSet<quint32> m_alone;
    // UIDs whose answer could not be read, with why.
    QMap<quint32, QString> m_unreadable;
    // Lives as long as the importer, so the dictionary it trains serves
    // every folder of the pass.
    std::unique_ptr<StoreStage> m_stage;
    // Hashes, compresses and parses batches on another core.
    std::unique_ptr<SerialThread> m_prepareThread;
};
