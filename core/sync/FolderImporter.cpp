#include "FolderImporter.h"

#include "archive/MessageStore.h"
#include "imap/ImapSession.h"

#include <QMap>
#include <QSet>
#include <QSqlQuery>

#include <future>
#include <stdexcept>

FolderImporter::FolderImporter(ImapSession& session, MessageStore& store, int batchSize)
    : m_session(session)
    , m_store(store)
    , m_batchSize(batchSize)
{
}

SyncCounts FolderImporter::importFolder(qint64 folderId, const QString& path, const Progress& progress)
{
    SyncCounts counts;
    counts.foldersChecked = 1;
    const FolderStatus status = m_session.examine(path);
    FolderCheckpoint checkpoint = m_store.checkpoint(folderId);

    if (checkpoint.uidValidity != 0 && checkpoint.uidValidity != status.uidValidity) {
        // The server renumbered the folder. Its old UIDs mean nothing now:
        // forget them and fetch the folder again. Messages already archived
        // are recognised by their SHA-256 and only re-linked, never stored
        // twice, and nothing leaves the archive meanwhile.
        QString error;
        if (!m_store.resetFolder(folderId, status.uidValidity, &error)) {
            throw std::runtime_error(error.toStdString());
        }
        checkpoint = m_store.checkpoint(folderId);
    }

    const bool unchanged = checkpoint.uidValidity == status.uidValidity && status.uidNext != 0
        && checkpoint.uidNext == status.uidNext && checkpoint.serverCount == status.messages;
    if (unchanged) {
        // Proved complete on the pass that recorded this state, and nothing
        // was added or removed since.
        counts.foldersSkipped = 1;
        counts.serverMessages = status.messages;
        counts.archivedMessages = status.messages;
        return counts;
    }

    const QList<quint32> fresh = m_session.uidsFrom(checkpoint.lastUid + 1);
    if (!storeUids(folderId, status.uidValidity, path, fresh, true, progress, counts)) {
        return counts;
    }

    // Completeness, proved rather than assumed: every UID the server has
    // must be archived. Whatever is missing (a batch lost to a bug, a server
    // that reported a message late) is fetched again now.
    const QList<quint32> all = m_session.uidsFrom(1);
    const QSet<quint32> archived = m_store.archivedUids(folderId);
    QList<quint32> missing;
    for (const quint32 uid : all) {
        if (!archived.contains(uid)) {
            missing << uid;
        }
    }
    if (!missing.isEmpty()) {
        counts.refetched = missing.size();
        if (!storeUids(folderId, status.uidValidity, path, missing, false, progress, counts)) {
            return counts;
        }
    }

    // Record what the server said, so an unchanged folder costs no FETCH
    // next time.
    FolderCheckpoint done = m_store.checkpoint(folderId);
    done.uidValidity = status.uidValidity;
    done.uidNext = status.uidNext;
    done.highestModSeq = status.highestModSeq;
    done.serverCount = all.size();
    StoreResult ignored;
    QString error;
    if (!m_store.storeBatch({}, done, &ignored, &error)) {
        throw std::runtime_error(error.toStdString());
    }
    // Of the server's messages, how many the archive holds now. Messages the
    // server deleted stay archived (marked so) but do not count here.
    counts.serverMessages = all.size();
    if (!m_store.recordCompleteness(folderId, all, &counts.archivedMessages, &error)) {
        throw std::runtime_error(error.toStdString());
    }
    return counts;
}

namespace {

// With two batches in flight (one being stored, one being prepared) and the
// raw plus compressed copies, this keeps an import well under 150 MB.
constexpr qint64 MaxBatchBytes = 16 * 1024 * 1024;
// UIDs asked for their size in one round trip.
constexpr qsizetype SizeWindow = 2000;

} // namespace

QList<QList<quint32>> FolderImporter::planBatches(const QList<quint32>& uids)
{
    QList<QList<quint32>> batches;
    QList<quint32> current;
    qint64 currentBytes = 0;
    for (qsizetype start = 0; start < uids.size(); start += SizeWindow) {
        const QList<quint32> window = uids.mid(start, SizeWindow);
        const QMap<quint32, quint32> sizes = m_session.sizes(window);
        for (const quint32 uid : window) {
            const qint64 size = sizes.value(uid, 0);
            if (!current.isEmpty() && (current.size() >= m_batchSize || currentBytes + size > MaxBatchBytes)) {
                batches << current;
                current.clear();
                currentBytes = 0;
            }
            current << uid;
            currentBytes += size;
        }
    }
    if (!current.isEmpty()) {
        batches << current;
    }
    return batches;
}

bool FolderImporter::storeUids(qint64 folderId,
                               quint32 uidValidity,
                               const QString& path,
                               const QList<quint32>& uids,
                               bool advanceCheckpoint,
                               const Progress& progress,
                               SyncCounts& counts)
{
    // A two-stage pipeline: while this thread stores batch k and fetches
    // batch k+1, another core hashes, compresses and parses batch k+1. Each
    // stage alone is about as slow as the network part, so overlapping them
    // nearly halves an import (docs/benchmarks.md).
    std::future<QList<PreparedMessage>> pending;
    QList<quint32> pendingUids;
    qint64 done = 0;

    const auto storePending = [&]() {
        const QList<PreparedMessage> prepared = pending.get();
        FolderCheckpoint checkpoint = m_store.checkpoint(folderId);
        // Recorded with the first batch, so an interrupted import knows which
        // numbering its UIDs belong to.
        checkpoint.uidValidity = uidValidity;
        if (advanceCheckpoint) {
            // The checkpoint covers the whole requested range, also UIDs
            // expunged meanwhile: they no longer exist to be fetched.
            checkpoint.lastUid = qMax(checkpoint.lastUid, pendingUids.last());
        }
        StoreResult result;
        QString error;
        if (!m_store.storeBatch(prepared, checkpoint, &result, &error)) {
            throw std::runtime_error(error.toStdString());
        }
        counts.newMessages += result.newMessages;
        counts.duplicates += result.duplicates;
        done += pendingUids.size();
        return !progress || progress(path, done, uids.size());
    };

    for (const QList<quint32>& batchUids : planBatches(uids)) {
        QList<FetchedMessage> fetched = m_session.fetch(batchUids);
        // The server's receipt time: the date the archive falls back to when
        // a message's own Date header is missing or absurd.
        const QMap<quint32, QDateTime> dates = m_session.internalDates(batchUids);
        for (FetchedMessage& message : fetched) {
            message.internalDate = dates.value(message.uid);
            counts.bytes += message.raw.size();
        }
        std::future<QList<PreparedMessage>> next =
            std::async(std::launch::async, [batch = std::move(fetched), dictionary = m_store.dictionary()]() {
                QList<PreparedMessage> prepared;
                prepared.reserve(batch.size());
                for (const FetchedMessage& message : batch) {
                    prepared << MessageStore::prepare(message, dictionary);
                }
                return prepared;
            });
        if (pending.valid() && !storePending()) {
            // Stopped: the batch just fetched is not stored, and the
            // checkpoint does not cover it, so the next pass fetches it.
            next.wait();
            return false;
        }
        pending = std::move(next);
        pendingUids = batchUids;
    }
    return !pending.valid() || storePending();
}
