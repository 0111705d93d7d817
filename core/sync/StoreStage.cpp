#include "StoreStage.h"

#include "archive/Archive.h"
#include "archive/MessageStore.h"

#include <QCoreApplication>

StoreStage::StoreStage(const QString& archivePath)
    : m_archivePath(archivePath)
{
    // Before the first batch is prepared, so it already gets the archive's
    // dictionary when there is one.
    m_thread.run([this] { open(); }).wait();
}

StoreStage::~StoreStage()
{
    // The store's statements end before its connection closes, both on the
    // thread that opened them.
    m_thread
        .run([this] {
            m_store.reset();
            Archive(m_archivePath).closeConnection();
        })
        .wait();
}

std::future<StoreStage::Outcome> StoreStage::submit(Batch batch)
{
    return m_thread.run([this, batch = std::move(batch)]() mutable { return store(batch); });
}

quint64 StoreStage::newChain()
{
    return ++m_chains;
}

void StoreStage::abandon(quint64 chain)
{
    m_abandonedChain = chain;
}

bool StoreStage::isAbandoned(quint64 chain) const
{
    return chain != 0 && m_abandonedChain == chain;
}

SharedDictionary StoreStage::dictionary() const
{
    const std::lock_guard lock(m_dictionaryMutex);
    return m_dictionary;
}

void StoreStage::open()
{
    m_store = std::make_unique<MessageStore>(Archive(m_archivePath).store());
    publishDictionary();
}

void StoreStage::publishDictionary()
{
    SharedDictionary newest = m_store->dictionary();
    const std::lock_guard lock(m_dictionaryMutex);
    m_dictionary = std::move(newest);
}

StoreStage::Outcome StoreStage::store(Batch& batch)
{
    Outcome outcome;
    QList<PreparedMessage> messages;
    try {
        messages = batch.messages.get();
    } catch (const std::exception& error) {
        outcome.error = QString::fromLocal8Bit(error.what());
    }
    if (outcome.error.isEmpty() && batch.chain != 0 && batch.chain == m_failedChain) {
        outcome.error = QCoreApplication::translate("StoreStage", "An earlier batch could not be stored.");
    }
    if (outcome.error.isEmpty() && isAbandoned(batch.chain)) {
        outcome.error = QCoreApplication::translate("StoreStage", "The import stopped before this batch was stored.");
    }
    if (!outcome.error.isEmpty()) {
        m_failedChain = batch.chain;
        return outcome;
    }
    MessageStore& store = *m_store;
    FolderCheckpoint checkpoint = store.checkpoint(batch.folderId);
    // Recorded with the first batch, so an interrupted import knows which
    // numbering its UIDs belong to.
    checkpoint.uidValidity = batch.uidValidity;
    checkpoint.lastUid = qMax(checkpoint.lastUid, batch.advanceTo);
    outcome.stored = store.storeBatch(messages, checkpoint, &outcome.result, &outcome.error, batch.failures);
    if (!outcome.stored) {
        m_failedChain = batch.chain;
    }
    publishDictionary();
    return outcome;
}
