#include "TemporaryArchive.h"

#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "archive/ArchiveVerifier.h"
#include "sync/StoreStage.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

#include <stdexcept>

namespace {

// A batch as the import would hand it over: UIDs from `firstUid`, prepared
// (here at once, in the import on another thread).
std::future<QList<PreparedMessage>> prepared(const QList<GeneratedMessage>& messages, quint32 firstUid)
{
    QList<PreparedMessage> batch;
    quint32 uid = firstUid;
    for (const GeneratedMessage& message : messages) {
        FetchedMessage fetched;
        fetched.uid = uid++;
        fetched.raw = message.raw;
        batch << MessageStore::prepare(fetched);
    }
    std::promise<QList<PreparedMessage>> promise;
    promise.set_value(batch);
    return promise.get_future();
}

std::future<QList<PreparedMessage>> failedPreparation()
{
    std::promise<QList<PreparedMessage>> promise;
    promise.set_exception(std::make_exception_ptr(std::runtime_error("cannot prepare")));
    return promise.get_future();
}

QList<GeneratedMessage> mail(int count, quint64 seed)
{
    MailGeneratorOptions options;
    options.seed = seed;
    options.attachmentScale = 0.05;
    return MailGenerator(options).next(count);
}

// The batch of `messages` that moves `folderId`'s checkpoint to
// `advanceTo` (UIDVALIDITY 7) in `chain`.
StoreStage::Batch
batchOf(std::future<QList<PreparedMessage>> messages, qint64 folderId, quint32 advanceTo, quint64 chain)
{
    StoreStage::Batch batch;
    batch.messages = std::move(messages);
    batch.folderId = folderId;
    batch.uidValidity = 7;
    batch.advanceTo = advanceTo;
    batch.chain = chain;
    return batch;
}

qint64 locations(Archive& archive, qint64 folderId)
{
    QSqlQuery query(archive.connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM locations WHERE folder_id = ?"));
    query.addBindValue(folderId);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

TEST(StoreStage, StoresBatchesInOrderWithTheirCheckpoints)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 inbox = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const QList<GeneratedMessage> messages = mail(60, 41);

    std::vector<std::future<StoreStage::Outcome>> outcomes;
    {
        StoreStage stage(archive.path());
        const quint64 chain = stage.newChain();
        for (int batch = 0; batch < 6; ++batch) {
            outcomes.push_back(
                stage.submit(batchOf(prepared(messages.mid(batch * 10, 10), static_cast<quint32>(batch * 10 + 1)),
                                     inbox,
                                     static_cast<quint32>(batch * 10 + 10),
                                     chain)));
        }
    } // the stage stores everything submitted before it stops

    int stored = 0;
    for (std::future<StoreStage::Outcome>& outcome : outcomes) {
        const StoreStage::Outcome result = outcome.get();
        EXPECT_TRUE(result.stored) << result.error.toStdString();
        stored += result.result.newMessages;
    }
    EXPECT_EQ(stored, 60);
    const FolderCheckpoint checkpoint = archive.archive().store().checkpoint(inbox);
    EXPECT_EQ(checkpoint.lastUid, 60u);
    EXPECT_EQ(checkpoint.uidValidity, 7u);
    EXPECT_EQ(locations(archive.archive(), inbox), 60);
    EXPECT_TRUE(ArchiveVerifier(archive.archive().connection()).run().isClean());
}

TEST(StoreStage, NeverStoresPastABatchThatFailed)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 inbox = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const QList<GeneratedMessage> messages = mail(30, 42);
    StoreStage stage(archive.path());

    const auto submit = [&](std::future<QList<PreparedMessage>> batch, quint32 advanceTo, quint64 chain) {
        return stage.submit(batchOf(std::move(batch), inbox, advanceTo, chain));
    };
    const quint64 chain = stage.newChain();
    auto first = submit(prepared(messages.mid(0, 10), 1), 10, chain);
    auto broken = submit(failedPreparation(), 20, chain);
    auto after = submit(prepared(messages.mid(20, 10), 21), 30, chain);

    EXPECT_TRUE(first.get().stored);
    const StoreStage::Outcome failed = broken.get();
    EXPECT_FALSE(failed.stored);
    EXPECT_EQ(failed.error, QStringLiteral("cannot prepare"));
    // Storing this one would move the checkpoint past UIDs 11-20, which are
    // not in the archive: the next pass would never fetch them.
    const StoreStage::Outcome refused = after.get();
    EXPECT_FALSE(refused.stored);
    EXPECT_FALSE(refused.error.isEmpty());
    EXPECT_EQ(archive.archive().store().checkpoint(inbox).lastUid, 10u);
    EXPECT_EQ(locations(archive.archive(), inbox), 10);

    // The next pass starts a new chain from the checkpoint.
    const quint64 retry = stage.newChain();
    EXPECT_TRUE(submit(prepared(messages.mid(10, 10), 11), 20, retry).get().stored);
    EXPECT_TRUE(submit(prepared(messages.mid(20, 10), 21), 30, retry).get().stored);
    EXPECT_EQ(archive.archive().store().checkpoint(inbox).lastUid, 30u);
    EXPECT_EQ(locations(archive.archive(), inbox), 30);
}

TEST(StoreStage, DropsTheBatchesOfAnAbandonedChainThatAreNotStoredYet)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 inbox = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const QList<GeneratedMessage> messages = mail(20, 44);
    StoreStage stage(archive.path());

    const auto job = [&](std::future<QList<PreparedMessage>> batch, quint32 advanceTo, quint64 chain) {
        return batchOf(std::move(batch), inbox, advanceTo, chain);
    };
    const quint64 chain = stage.newChain();
    EXPECT_TRUE(stage.submit(job(prepared(messages.mid(0, 10), 1), 10, chain)).get().stored);

    // Still being prepared when the import stops (a pause).
    std::promise<QList<PreparedMessage>> preparing;
    auto late = stage.submit(job(preparing.get_future(), 20, chain));
    stage.abandon(chain);
    EXPECT_TRUE(stage.isAbandoned(chain));
    preparing.set_value(prepared(messages.mid(10, 10), 11).get());
    const StoreStage::Outcome dropped = late.get();
    EXPECT_FALSE(dropped.stored);
    EXPECT_FALSE(dropped.error.isEmpty());
    EXPECT_EQ(archive.archive().store().checkpoint(inbox).lastUid, 10u) << "the next pass fetches 11-20 again";
    EXPECT_EQ(locations(archive.archive(), inbox), 10);

    // The next pass is a new chain and stores them.
    const quint64 next = stage.newChain();
    EXPECT_FALSE(stage.isAbandoned(next));
    EXPECT_TRUE(stage.submit(job(prepared(messages.mid(10, 10), 11), 20, next)).get().stored);
    EXPECT_EQ(locations(archive.archive(), inbox), 20);
}

TEST(StoreStage, HandsOutTheDictionaryTheArchiveAlreadyHas)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 inbox = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    // Enough small messages for the archive to train its dictionary.
    const QList<GeneratedMessage> messages = mail(1200, 43);
    for (qsizetype start = 0; start < messages.size(); start += 200) {
        ASSERT_TRUE(archive.store(inbox, messages.mid(start, 200))) << archive.error().toStdString();
    }
    ASSERT_TRUE(archive.archive().store().dictionary());

    // A new import gets it before its first batch is prepared.
    const StoreStage stage(archive.path());
    const SharedDictionary dictionary = stage.dictionary();
    ASSERT_TRUE(dictionary);
    EXPECT_EQ(dictionary->id(), archive.archive().store().dictionary()->id());
}
