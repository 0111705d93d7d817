#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "archive/Archive.h"
#include "archive/ArchiveReader.h"
#include "archive/ArchiveVerifier.h"

#include <QDateTime>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>

namespace {

constexpr int Total = 1500;
constexpr int BatchSize = 25;
constexpr quint64 MailSeed = 77;

struct FolderState
{
    qint64 lastUid = 0;
    qint64 locations = 0;
    qint64 maxUid = 0;
};

FolderState folderState(const QString& path)
{
    Archive archive(path);
    QString error;
    FolderState state;
    if (!archive.open(&error)) {
        ADD_FAILURE() << "cannot open after a crash: " << error.toStdString();
        return state;
    }
    QSqlQuery query(archive.connection());
    if (query.exec(QStringLiteral("SELECT f.last_uid, count(l.id), coalesce(max(l.uid), 0) FROM folders f "
                                  "LEFT JOIN locations l ON l.folder_id = f.id GROUP BY f.id"))
        && query.next()) {
        state.lastUid = query.value(0).toLongLong();
        state.locations = query.value(1).toLongLong();
        state.maxUid = query.value(2).toLongLong();
    }
    query.finish();
    archive.closeConnection();
    return state;
}

QProcess* startWriter(const QString& path)
{
    auto* writer = new QProcess;
    writer->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    writer->start(QStringLiteral(ARCHIVE_CRASH_WRITER),
                  {path, QString::number(MailSeed), QString::number(Total), QString::number(BatchSize)});
    writer->waitForStarted();
    return writer;
}

// A writer is SIGKILLed at random moments, many times; each restart resumes
// from the checkpoint. Afterwards the archive must verify clean and hold each
// message exactly once, byte for byte, with the checkpoint matching exactly.
TEST(ArchiveCrash, SigkillAtRandomPointsLosesAndDuplicatesNothing)
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("crash.sqlite"));
    const quint32 seed = static_cast<quint32>(QDateTime::currentMSecsSinceEpoch());
    QRandomGenerator random(seed);
    SCOPED_TRACE(::testing::Message() << "kill timing seed " << seed);

    int kills = 0;
    qint64 previousLastUid = 0;
    for (int round = 0; round < 40; ++round) {
        std::unique_ptr<QProcess> writer(startWriter(path));
        QThread::msleep(random.bounded(40, 400));
        if (writer->state() != QProcess::Running) {
            writer->waitForFinished();
            break; // it finished all of it before we killed it
        }
        ::kill(static_cast<pid_t>(writer->processId()), SIGKILL);
        writer->waitForFinished();
        ++kills;

        const FolderState state = folderState(path);
        EXPECT_EQ(state.locations, state.lastUid) << "after kill " << kills;
        EXPECT_EQ(state.maxUid, state.lastUid) << "after kill " << kills;
        EXPECT_GE(state.lastUid, previousLastUid) << "a checkpoint went backwards";
        previousLastUid = state.lastUid;
    }
    EXPECT_GE(kills, 5) << "the writer was too fast to be interrupted";

    std::unique_ptr<QProcess> writer(startWriter(path));
    ASSERT_TRUE(writer->waitForFinished(300000));
    ASSERT_EQ(writer->exitCode(), 0);

    const FolderState state = folderState(path);
    EXPECT_EQ(state.lastUid, Total);
    EXPECT_EQ(state.locations, Total);

    Archive archive(path);
    QString error;
    ASSERT_TRUE(archive.open(&error)) << error.toStdString();
    const VerifyReport report = ArchiveVerifier(archive.connection()).run();
    EXPECT_TRUE(report.isClean()) << report.summary().toStdString();

    MailGeneratorOptions options;
    options.seed = MailSeed;
    options.attachmentScale = 0.02;
    MailGenerator generator(options);
    const ArchiveReader reader = archive.reader();
    QSqlQuery query(archive.connection());
    query.prepare(QStringLiteral("SELECT message_id FROM locations WHERE uid = ?"));
    for (int uid = 1; uid <= Total; ++uid) {
        const GeneratedMessage expected = generator.next();
        query.addBindValue(uid);
        ASSERT_TRUE(query.exec() && query.next()) << "uid " << uid << " missing";
        QByteArray raw;
        ASSERT_TRUE(reader.rawMessage(query.value(0).toLongLong(), &raw, &error)) << error.toStdString();
        ASSERT_EQ(raw, expected.raw) << "uid " << uid;
    }
    query.finish();
    archive.closeConnection();
}

} // namespace
