#include "FolderImporter.h"

#include "StoreStage.h"
#include "archive/MessageFailureText.h"
#include "archive/MessageStore.h"
#include "common/SerialThread.h"
#include "imap/ImapSession.h"

#include <QScopeGuard>
#include <QSet>
#include <QSqlQuery>

#include <QLocale>

#include <deque>
#include <future>
#include <limits>
#include <stdexcept>

FolderImporter::FolderImporter(ImapSession& session, MessageStore& store, int batchSize)
    : m_session(session)
    , m_store(store)
    , m_batchSize(batchSize)
{
}

FolderImporter::~FolderImporter() = default;

SyncCounts
FolderImporter::importFolder(qint64 folderId, const QByteArray& name, const QString& path, const Progress& progress)
{
    SyncCounts counts;
    counts.foldersChecked = 1;
    m_failures.clear();
    m_recorded.clear();
    m_alone.clear();
    m_unreadable.clear();
    const FolderStatus status = m_session.examine(name);
    FolderCheckpoint checkpoint = m_store.checkpoint(folderId);

    if (checkpoint.uidValidity != 0 && checkpoint.uidValidity != status.uidValidity) {
        // The server renumbered the folder. Its old UIDs mean nothing now:
        // the old locations are kept in a retired copy of the folder (mail
        // deleted on the server meanwhile stays reachable) and the folder is
        // fetched again. Messages already archived are recognised by their
        // SHA-256 and only re-linked, never stored twice.
        QString error;
        if (!m_store.retireFolder(folderId, status.uidValidity, &error)) {
            throw std::runtime_error(error.toStdString());
        }
        checkpoint = m_store.checkpoint(folderId);
    }

    const bool unchanged = checkpoint.lastPassComplete && checkpoint.uidValidity == status.uidValidity
        && status.uidNext != 0 && checkpoint.uidNext == status.uidNext && checkpoint.serverCount == status.messages;
    if (unchanged) {
        // Proved complete on the pass that recorded this state, and nothing
        // was added or removed since. A pass that left anything out is never
        // the reason to skip: the next one looks again. It was checked
        // now all the same, and Details says when it was last checked.
        QString error;
        if (!m_store.markChecked(folderId, &error)) {
            throw std::runtime_error(error.toStdString());
        }
        counts.foldersSkipped = 1;
        counts.serverMessages = status.messages;
        counts.archivedMessages = status.messages;
        return counts;
    }

    // UID 4294967295 is the last there can be: nothing comes after it, and
    // lastUid + 1 must not wrap to 0 and start the folder over.
    const QList<quint32> fresh = checkpoint.lastUid == std::numeric_limits<quint32>::max()
        ? QList<quint32>()
        : m_session.uidsFrom(checkpoint.lastUid + 1);
    if (!storeUids(folderId, status.uidValidity, path, fresh, true, progress, counts)) {
        return counts;
    }

    // Completeness, proved rather than assumed: every UID the server has
    // must be archived. Whatever is missing (a message the server left out
    // of an answer, one that failed before) is fetched again now.
    const QList<quint32> all = m_session.uidsFrom(1);
    QSet<quint32> archived = m_store.archivedUids(folderId);
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
        archived = m_store.archivedUids(folderId);
    }

    // What is still not archived is named, with its reason, and tried again
    // on every later pass.
    QList<MessageFailure> failures; // all of them, for the pass's result
    QList<MessageFailure> unrecorded; // those no batch of this pass recorded yet
    for (const quint32 uid : all) {
        if (archived.contains(uid)) {
            continue;
        }
        MessageFailure failure = m_failures.value(uid);
        if (failure.uid == 0) {
            failure.uid = uid;
            failure.reason = notSentReason();
        }
        failures << failure;
        if (!m_recorded.contains(uid)) {
            unrecorded << failure;
        }
    }

    // Record what the server said, so an unchanged folder costs no FETCH
    // next time (only once this pass proved it complete).
    FolderCheckpoint done = m_store.checkpoint(folderId);
    done.uidValidity = status.uidValidity;
    done.uidNext = status.uidNext;
    done.highestModSeq = status.highestModSeq;
    done.serverCount = all.size();
    StoreResult ignored;
    QString error;
    if (!m_store.storeBatch({}, done, &ignored, &error, unrecorded)) {
        throw std::runtime_error(error.toStdString());
    }
    // Of the server's messages, how many the archive holds now. Messages the
    // server deleted stay archived (marked so) but do not count here.
    counts.serverMessages = all.size();
    if (!m_store.recordCompleteness(folderId, all, &counts.archivedMessages, &error)) {
        throw std::runtime_error(error.toStdString());
    }
    if (!failures.isEmpty()) {
        counts.failedMessages = failures.size();
        counts.problems << describeFailures(path, failures);
    }
    return counts;
}

QString FolderImporter::notSentReason()
{
    return tr("the server did not send it when asked");
}

QString FolderImporter::describeFailures(const QString& path, const QList<MessageFailure>& failures)
{
    return tr("%1: %n message(s) not archived (%2)", nullptr, static_cast<int>(failures.size()))
        .arg(path, MessageFailureText::namedList(failures, failures.size()));
}

void FolderImporter::setMaxMessageBytes(qint64 bytes)
{
    m_maxMessageBytes = bytes;
}

void FolderImporter::setStoredTally(SyncCounts* tally)
{
    m_tally = tally;
}

void FolderImporter::tallyStored(qint64 newMessages, qint64 duplicates, SyncCounts& counts)
{
    counts.newMessages += newMessages;
    counts.duplicates += duplicates;
    if (m_tally) {
        m_tally->newMessages += newMessages;
        m_tally->duplicates += duplicates;
    }
}

namespace {

// Batches stored or being prepared while the next ones are fetched. With the
// two on the wire that is four batches of at most MaxBatchBytes each, raw
// plus compressed: an import stays well under 150 MB.
constexpr std::size_t MaxBatchesInFlight = 2;
constexpr qint64 MaxBatchBytes = 8 * 1024 * 1024;
// Received bytes held at once by the batches being prepared and stored and
// the one about to be read. Ordinary batches stay well under it and keep
// the pipeline full; a huge message (alone in its batch) waits until the
// batches before it are stored, and the next batch waits for it, so two
// huge messages in a row never sit in memory together (two of 300 MB in
// one folder peaked at 892 MB before; one costs 556 MB).
constexpr qint64 MaxBytesInFlight = 6 * MaxBatchBytes;
// What a message costs in memory beyond its bytes while it is prepared and
// stored (its parsed text, a dictionary training sample, its index entry):
// without it 500 small messages weighed far more than their 8 MB.
constexpr qint64 PerMessageBytes = 16 * 1024;
// UIDs asked for their size in one round trip.
constexpr qsizetype PlanWindow = 2000;

} // namespace

StoreStage& FolderImporter::storeStage()
{
    if (!m_stage) {
        m_stage = std::make_unique<StoreStage>(m_store.archivePath());
        m_prepareThread = std::make_unique<SerialThread>();
    }
    return *m_stage;
}

FolderImporter::Plan FolderImporter::planWindow(const QList<quint32>& window)
{
    Plan plan;
    const QMap<quint32, quint32> sizes = m_session.sizes(window);
    Plan::Batch current;
    qint64 currentBytes = 0;
    for (const quint32 uid : window) {
        const auto known = sizes.constFind(uid);
        if (known != sizes.cend() && *known > m_maxMessageBytes) {
            // Fetching it would hold it whole in memory, and SQLite could not
            // store it: refused by name, never a blocked folder.
            const QLocale locale;
            m_failures.insert(
                uid,
                {uid,
                 *known,
                 tr("too large to archive (%1; the archive takes messages up to %2)")
                     .arg(locale.formattedDataSize(*known), locale.formattedDataSize(m_maxMessageBytes))});
            current.refused << m_failures.value(uid);
            current.lastUid = uid;
            continue;
        }
        const qint64 size = sizes.value(uid, 0) + PerMessageBytes;
        const bool alone = m_alone.contains(uid);
        if (!current.fetch.isEmpty()
            && (alone || current.fetch.size() >= m_batchSize || currentBytes + size > MaxBatchBytes)) {
            plan.batches << current;
            current = {};
            currentBytes = 0;
        }
        current.fetch << uid;
        current.lastUid = uid;
        currentBytes += size;
        // What the server may send for the batch before bodies are dropped:
        // what it announced, plus room for its estimate being off. A message
        // that came bigger than announced travels alone next time, unbounded
        // but for the reader's literal cap.
        current.byteBudget = alone ? 0 : currentBytes + MaxBatchBytes;
        // A message alone came bigger than announced once: nothing says how
        // big, so nothing else is held while it is read.
        current.expectedBytes = alone ? MaxBytesInFlight : currentBytes;
        if (alone) {
            plan.batches << current;
            current = {};
            currentBytes = 0;
        }
    }
    if (current.lastUid != 0) {
        plan.batches << current;
    }
    return plan;
}

bool FolderImporter::storeUids(qint64 folderId,
                               quint32 uidValidity,
                               const QString& path,
                               const QList<quint32>& uids,
                               bool advanceCheckpoint,
                               const Progress& progress,
                               SyncCounts& counts)
{
    // A three-stage pipeline: this thread fetches batch k+2 (with k+3
    // already asked for) while another core hashes, compresses and parses
    // batch k+1 and the store stage commits batch k (docs/benchmarks.md).
    StoreStage& stage = storeStage();
    const quint64 chain = stage.newChain();
    struct InFlight
    {
        std::future<StoreStage::Outcome> outcome;
        qsizetype messages;
        qint64 bytes; // received
    };
    std::deque<InFlight> inFlight;
    const auto bytesInFlight = [&inFlight] {
        qint64 bytes = 0;
        for (const InFlight& batch : inFlight) {
            bytes += batch.bytes;
        }
        return bytes;
    };
    // When the import stops early (a stop from the progress callback, or an
    // exception: a pause cancels the socket) the batches not yet stored are
    // dropped, not finished, so a pause waits for one commit at most; but
    // no batch is ever left storing behind the caller's back.
    const auto abandonInFlight = [&] {
        stage.abandon(chain);
        for (InFlight& batch : inFlight) {
            // The one being committed when the stop came is stored.
            if (const StoreStage::Outcome outcome = batch.outcome.get(); outcome.stored) {
                tallyStored(outcome.result.newMessages, outcome.result.duplicates, counts);
            }
        }
        inFlight.clear();
    };
    const auto atAnyExit = qScopeGuard(abandonInFlight);
    qint64 done = 0;
    bool stopped = false;
    const auto settleOldest = [&] {
        const StoreStage::Outcome outcome = inFlight.front().outcome.get();
        const qsizetype messages = inFlight.front().messages;
        inFlight.pop_front();
        if (!outcome.stored) {
            throw std::runtime_error(outcome.error.toStdString());
        }
        tallyStored(outcome.result.newMessages, outcome.result.duplicates, counts);
        done += messages;
        if (progress && !progress(path, done, uids.size())) {
            stopped = true;
        }
    };

    for (qsizetype start = 0; start < uids.size(); start += PlanWindow) {
        // The size pass is a vmime command: none of ours may be in flight.
        const Plan plan = planWindow(uids.mid(start, PlanWindow));
        // The next batch's FETCH goes out before this one's answer is read,
        // so the server never waits a round trip for us between batches.
        ImapSession::PendingFetch next =
            m_session.sendFetch(plan.batches.value(0).fetch, plan.batches.value(0).byteBudget);
        for (qsizetype index = 0; index < plan.batches.size(); ++index) {
            const Plan::Batch& planned = plan.batches[index];
            const ImapSession::PendingFetch current = next;
            next = index + 1 < plan.batches.size()
                ? m_session.sendFetch(plan.batches[index + 1].fetch, plan.batches[index + 1].byteBudget)
                : ImapSession::PendingFetch();
            // Room for this batch before it is read: the batches in flight
            // are at most MaxBatchesInFlight, and with this one's announced
            // bytes at most MaxBytesInFlight (a huge message waits for the
            // ones before it; the next waits for it).
            while (!inFlight.empty()
                   && (inFlight.size() > MaxBatchesInFlight
                       || bytesInFlight() + planned.expectedBytes > MaxBytesInFlight)) {
                settleOldest();
            }
            if (stopped) {
                abandonInFlight();
                // The batches already asked for are read and dropped (the
                // checkpoint does not cover them), so the connection is in
                // step for whatever comes next.
                m_session.receiveFetch(current);
                m_session.receiveFetch(next);
                return false;
            }
            QList<FetchedMessage> fetched = m_session.receiveFetch(current);
            m_alone += m_session.takeOverBudget();
            const QMap<quint32, QString> unreadable = m_session.takeUnreadable();
            for (auto it = unreadable.cbegin(); it != unreadable.cend(); ++it) {
                m_unreadable.insert(it.key(), it.value());
            }
            QSet<quint32> received;
            qint64 receivedBytes = 0;
            for (const FetchedMessage& message : fetched) {
                receivedBytes += message.raw.size();
                received.insert(message.uid);
            }
            counts.bytes += receivedBytes;
            // A UID the server left out of its answer (Gmail's "Some messages
            // could not be FETCHed", a message being moved) is named with the
            // batch, so the checkpoint passes nothing unaccounted for; the
            // completeness check asks for it again.
            QList<MessageFailure> failures = planned.refused;
            for (const quint32 uid : planned.fetch) {
                if (!received.contains(uid)) {
                    QString reason = notSentReason();
                    if (m_alone.contains(uid)) {
                        reason = tr("the server sent more than it announced; it is fetched again on its own");
                    } else if (m_unreadable.contains(uid)) {
                        reason = tr("the server's answer for it could not be read (%1)").arg(m_unreadable.value(uid));
                    }
                    const MessageFailure failure {uid, -1, reason};
                    m_failures.insert(uid, failure);
                    failures << failure;
                }
            }
            StoreStage::Batch batch;
            batch.messages = m_prepareThread->run(
                [&stage, chain, messages = std::move(fetched), dictionary = stage.dictionary()]() mutable {
                    QList<PreparedMessage> prepared;
                    prepared.reserve(messages.size());
                    for (FetchedMessage& message : messages) {
                        if (stage.isAbandoned(chain)) {
                            return QList<PreparedMessage>(); // dropped anyway
                        }
                        // Moved: its bytes go as soon as prepare() is
                        // done with them, not with the batch.
                        prepared << MessageStore::prepare(std::move(message), dictionary);
                    }
                    return prepared;
                });
            batch.folderId = folderId;
            batch.uidValidity = uidValidity;
            // The checkpoint covers the whole planned range: every UID in it
            // is stored or named in `failures` (also UIDs expunged meanwhile,
            // whose failure ends once the server no longer lists them).
            batch.advanceTo = advanceCheckpoint ? planned.lastUid : 0;
            // Recorded with the batch only when the checkpoint moves past
            // them; a re-fetch leaves them to the pass's final record, so
            // each pass counts one attempt.
            if (advanceCheckpoint) {
                for (const MessageFailure& failure : failures) {
                    m_recorded.insert(failure.uid);
                }
                batch.failures = std::move(failures);
            }
            batch.chain = chain;
            inFlight.push_back(
                {stage.submit(std::move(batch)), planned.fetch.size() + planned.refused.size(), receivedBytes});
        }
    }
    while (!inFlight.empty()) {
        settleOldest();
        if (stopped) {
            abandonInFlight();
            return false;
        }
    }
    return true;
}
