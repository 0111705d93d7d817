#include "TemporaryArchive.h"

#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "WaitUntil.h"
#include "archive/ArchiveQueryRunner.h"
#include "archive/LatestQuery.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <memory>

#include <gtest/gtest.h>

namespace {

// A query that runs until SQLite interrupts it (a recursive CTE counting to
// a billion), and says whether it was interrupted.
QString slowQuery(const ArchiveReader& reader, QSqlDatabase db)
{
    Q_UNUSED(reader);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                   "WHERE i < 1000000000) SELECT count(*) FROM n"))) {
        return query.lastError().text();
    }
    return QStringLiteral("finished");
}

} // namespace

TEST(ArchiveQueryRunner, AnswersOnTheContextsThreadFromAnotherThread)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 inbox = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    ASSERT_TRUE(archive.store(inbox, MailGenerator::smallMessages(25, 31)));

    ArchiveQueryRunner runner(archive.archive());
    QObject context;
    std::optional<qint64> count;
    QThread* ranOn = nullptr;
    QThread* answeredOn = nullptr;
    runner.run(
        ArchiveQueryRunner::Lane::Interactive,
        &context,
        [&ranOn](const ArchiveReader& reader) {
            ranOn = QThread::currentThread();
            return reader.messageCount();
        },
        [&](qint64 result) {
            answeredOn = QThread::currentThread();
            count = result;
        });
    ASSERT_TRUE(waitUntil([&] { return count.has_value(); }));
    EXPECT_EQ(*count, 25);
    EXPECT_NE(ranOn, QThread::currentThread());
    EXPECT_EQ(answeredOn, QThread::currentThread());
    EXPECT_EQ(runner.pendingCount(), 0);
}

// A runner may be built before its archive file exists (a test fixture's
// member, before SetUp opens the archive): its lanes open their connection
// at the first request, and try again after an open that failed.
TEST(ArchiveQueryRunner, ABuildBeforeTheArchiveExistsStillAnswers)
{
    QTemporaryDir directory;
    ASSERT_TRUE(directory.isValid());
    Archive archive(directory.filePath(QStringLiteral("later.sqlite")));
    ArchiveQueryRunner runner(archive);
    QThread::msleep(50); // the lanes' threads are up, the file is not there

    QObject context;
    std::optional<bool> openBefore;
    runner.run(
        ArchiveQueryRunner::Lane::Interactive,
        &context,
        [](const ArchiveReader& reader) { return reader.database().isOpen(); },
        [&](bool open) { openBefore = open; });
    ASSERT_TRUE(waitUntil([&] { return openBefore.has_value(); }));
    EXPECT_FALSE(*openBefore) << "read-only: it must not create the file";
    EXPECT_FALSE(QFile::exists(archive.path()));

    QString error;
    ASSERT_TRUE(archive.open(&error)) << error.toStdString();
    for (const auto lane : {ArchiveQueryRunner::Lane::Interactive, ArchiveQueryRunner::Lane::Background}) {
        std::optional<std::pair<bool, qint64>> answer;
        runner.run(
            lane,
            &context,
            [](const ArchiveReader& reader) {
                return std::make_pair(reader.database().isOpen(), reader.messageCount());
            },
            [&](const std::pair<bool, qint64>& result) { answer = result; });
        ASSERT_TRUE(waitUntil([&] { return answer.has_value(); }));
        EXPECT_TRUE(answer->first) << "opened once the file exists";
        EXPECT_EQ(answer->second, 0);
    }
    archive.closeConnection();
}

TEST(ArchiveQueryRunner, ItsConnectionCannotWrite)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    ArchiveQueryRunner runner(archive.archive());
    QObject context;
    std::optional<QString> error;
    runner.run(
        ArchiveQueryRunner::Lane::Background,
        &context,
        [path = archive.path()](const ArchiveReader&) {
            // The lane's own connection, as the reader has it.
            QSqlDatabase db = QSqlDatabase::database(
                QSqlDatabase::connectionNames().filter(QStringLiteral("-background")).value(0), false);
            QSqlQuery query(db);
            return query.exec(QStringLiteral("DELETE FROM messages")) ? QString() : query.lastError().text();
        },
        [&](const QString& result) { error = result; });
    ASSERT_TRUE(waitUntil([&] { return error.has_value(); }));
    EXPECT_FALSE(error->isEmpty()) << "a delete through the browser's connection succeeded";
}

TEST(ArchiveQueryRunner, ACancelledRequestNeverCallsBackAndARunningOneIsInterrupted)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    ArchiveQueryRunner runner(archive.archive());
    QObject context;
    std::atomic_bool started = false;
    std::atomic<int> slowOutcome = 0; // 1 finished, 2 interrupted
    bool slowAnswered = false;
    const auto slow = runner.run(
        ArchiveQueryRunner::Lane::Interactive,
        &context,
        [&](const ArchiveReader& reader) {
            started = true;
            QSqlDatabase db = QSqlDatabase::database(
                QSqlDatabase::connectionNames().filter(QStringLiteral("-interactive")).value(0), false);
            const QString result = slowQuery(reader, db);
            slowOutcome = result == QStringLiteral("finished") ? 1 : 2;
            return result;
        },
        [&](const QString&) { slowAnswered = true; });
    bool queuedAnswered = false;
    const auto queued = runner.run(
        ArchiveQueryRunner::Lane::Interactive,
        &context,
        [](const ArchiveReader& reader) { return reader.messageCount(); },
        [&](qint64) { queuedAnswered = true; });
    bool laterAnswered = false;
    runner.run(
        ArchiveQueryRunner::Lane::Interactive,
        &context,
        [](const ArchiveReader& reader) { return reader.messageCount(); },
        [&](qint64) { laterAnswered = true; });

    ASSERT_TRUE(waitUntil([&] { return started.load(); }));
    QElapsedTimer timer;
    timer.start();
    runner.cancel(queued);
    runner.cancel(slow);
    ASSERT_TRUE(waitUntil([&] { return laterAnswered; }));
    EXPECT_EQ(slowOutcome.load(), 2) << "the running query was not interrupted";
    QCoreApplication::processEvents();
    EXPECT_FALSE(slowAnswered);
    EXPECT_FALSE(queuedAnswered);
    EXPECT_EQ(runner.pendingCount(), 0);
}

TEST(ArchiveQueryRunner, ADestroyedContextIsNeverCalled)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    ArchiveQueryRunner runner(archive.archive());
    auto context = std::make_unique<QObject>();
    std::atomic_bool ran = false;
    bool answered = false;
    runner.run(
        ArchiveQueryRunner::Lane::Background,
        context.get(),
        [&](const ArchiveReader& reader) {
            ran = true;
            return reader.messageCount();
        },
        [&](qint64) { answered = true; });
    ASSERT_TRUE(waitUntil([&] { return ran.load(); }));
    context.reset();
    QThread::msleep(50);
    QCoreApplication::processEvents();
    EXPECT_FALSE(answered);
    EXPECT_TRUE(waitUntil([&] { return runner.pendingCount() == 0; }));
}

TEST(ArchiveQueryRunner, LatestQueryDropsTheAnswerItSuperseded)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    ArchiveQueryRunner runner(archive.archive());
    QObject context;
    LatestQuery latest(&runner);
    QList<int> answers;
    for (int i = 1; i <= 5; ++i) {
        latest.run(
            ArchiveQueryRunner::Lane::Interactive,
            &context,
            [i](const ArchiveReader&) {
                QThread::msleep(5);
                return i;
            },
            [&answers](int value) { answers << value; });
    }
    ASSERT_TRUE(waitUntil([&] { return !latest.isBusy(); }));
    QThread::msleep(50);
    QCoreApplication::processEvents();
    EXPECT_EQ(answers, QList<int>({5}));
}

TEST(ArchiveQueryRunner, TheBackgroundLaneDoesNotDelayTheInteractiveOne)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    ArchiveQueryRunner runner(archive.archive());
    QObject context;
    std::atomic_bool release = false;
    std::atomic_bool backgroundStarted = false;
    bool backgroundAnswered = false;
    runner.run(
        ArchiveQueryRunner::Lane::Background,
        &context,
        [&](const ArchiveReader&) {
            backgroundStarted = true;
            while (!release) {
                QThread::msleep(1);
            }
            return 0;
        },
        [&](int) { backgroundAnswered = true; });
    ASSERT_TRUE(waitUntil([&] { return backgroundStarted.load(); }));
    bool interactiveAnswered = false;
    runner.run(
        ArchiveQueryRunner::Lane::Interactive,
        &context,
        [](const ArchiveReader& reader) { return reader.messageCount(); },
        [&](qint64) { interactiveAnswered = true; });
    EXPECT_TRUE(waitUntil([&] { return interactiveAnswered; }));
    EXPECT_FALSE(backgroundAnswered);
    release = true;
    EXPECT_TRUE(waitUntil([&] { return backgroundAnswered; }));
}
