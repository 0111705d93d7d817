#pragma once

#include "archive/ArchiveTypes.h"
#include "archive/CompressionDictionary.h"

#include <QList>
#include <QString>

#include "common/SerialThread.h"

#include <atomic>
#include <future>
#include <memory>
#include <mutex>

class MessageStore;

// The last stage of an import: stores prepared batches, in the order they
// were submitted, on a thread of its own with its own archive connection.
//
// With it the worker thread only talks to the server: while batch k is
// committed here, batch k+1 is hashed and compressed on another core and
// batch k+2 is already coming off the wire. Before, fetching and storing
// took turns on the worker thread and an import cost their sum.
//
// The store made here also trains the archive's compression dictionary
// from what it stores; dictionary() hands the newest one to whoever
// prepares the next batches.
class StoreStage
{
public:
    struct Batch
    {
        // Prepared elsewhere; this thread waits for it.
        std::future<QList<PreparedMessage>> messages;
        qint64 folderId = 0;
        quint32 uidValidity = 0;
        // The checkpoint advances to this UID with the batch; 0 leaves it
        // where it is (messages fetched again to fill a gap).
        quint32 advanceTo = 0;
        // UIDs of the batch that could not be archived, recorded with it:
        // the checkpoint passes only UIDs that are stored or named here.
        QList<MessageFailure> failures;
        // Batches of one run of consecutive UIDs share a chain: once one of
        // them fails, the later ones are not stored either, so a checkpoint
        // can never move past a batch that is not in the archive.
        quint64 chain = 0;
    };

    struct Outcome
    {
        bool stored = false;
        StoreResult result;
        QString error; // the archive's message when !stored
    };

    explicit StoreStage(const QString& archivePath);
    // Stores what was submitted, then stops.
    ~StoreStage();
    Q_DISABLE_COPY_MOVE(StoreStage)

    // Queues a batch; the outcome is ready once it is committed (or failed).
    std::future<Outcome> submit(Batch batch);

    // A chain id no batch has used yet.
    quint64 newChain();

    // The import stops (pause, quit, an error): batches of `chain` that are
    // not being stored yet are dropped instead. Their checkpoint was never
    // advanced, so the next pass fetches them again; a pause then waits for
    // one commit at most, not for every batch on its way. Thread-safe.
    void abandon(quint64 chain);
    bool isAbandoned(quint64 chain) const;

    // The newest compression dictionary of the archive (null until one is
    // trained). Thread-safe.
    SharedDictionary dictionary() const;

private:
    // On the stage's thread.
    void open();
    Outcome store(Batch& batch);
    void publishDictionary();

    const QString m_archivePath;
    std::unique_ptr<MessageStore> m_store; // made, used and dropped on m_thread
    quint64 m_failedChain = 0; // m_thread only
    std::atomic<quint64> m_chains = 0;
    std::atomic<quint64> m_abandonedChain = 0;
    mutable std::mutex m_dictionaryMutex;
    SharedDictionary m_dictionary;
    SerialThread m_thread;
};
