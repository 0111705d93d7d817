#include "CliRunner.h"
#include "DovecotTest.h"
#include "MailGenerator.h"
#include "MaildirWriter.h"
#include "archive/Archive.h"
#include "archive/MessageStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

// Stores the messages into source/INBOX the way a sync would.
void storeInto(const QString& archivePath, const QString& source, const QList<GeneratedMessage>& messages)
{
    Archive archive(archivePath);
    QString error;
    ASSERT_TRUE(archive.open(&error)) << error.toStdString();
    {
        MessageStore store = archive.store();
        const qint64 sourceId = store.ensureSource(source, &error);
        const qint64 folderId =
            store.ensureFolder(sourceId, "INBOX", QStringLiteral("INBOX"), QStringLiteral("/"), &error);
        FolderCheckpoint checkpoint = store.checkpoint(folderId);
        QList<PreparedMessage> prepared;
        for (const GeneratedMessage& message : messages) {
            FetchedMessage fetched;
            fetched.uid = ++checkpoint.lastUid;
            fetched.raw = message.raw;
            prepared << MessageStore::prepare(fetched);
        }
        EXPECT_TRUE(store.storeBatch(prepared, checkpoint, nullptr, &error)) << error.toStdString();
    }
    archive.closeConnection();
}

QJsonObject statusJson(const QString& archivePath)
{
    const CliRun status = runCli(archivePath, {QStringLiteral("status"), QStringLiteral("--json")});
    EXPECT_EQ(status.exitCode, 0) << status.err.toStdString();
    return QJsonDocument::fromJson(status.out.toUtf8()).object();
}

QJsonObject sourceNamed(const QJsonObject& status, const QString& name)
{
    for (const QJsonValue& source : status.value(QStringLiteral("sources")).toArray()) {
        if (source.toObject().value(QStringLiteral("name")).toString() == name) {
            return source.toObject();
        }
    }
    return {};
}

// Two sources on one server share messages: the archive holds each once, and
// `status --json` says so at the top, next to what each source holds. The
// GUI's status bar once summed the sources' totals (10,550 where the archive
// held 5,550).
TEST(StatusTotalsTest, StatusJsonCountsEachMessageOnceAndKeepsRemovedSourcesMail)
{
    QTemporaryDir directory;
    ASSERT_TRUE(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("archive.sqlite"));
    MailGeneratorOptions options;
    options.seed = 81;
    options.attachmentScale = 0.02;
    const QList<GeneratedMessage> messages = MailGenerator(options).next(45);
    storeInto(path, QStringLiteral("Work"), messages.mid(0, 40));
    storeInto(path, QStringLiteral("Shared"), messages.mid(30, 15)); // 10 of Work's, 5 of its own

    QJsonObject status = statusJson(path);
    EXPECT_EQ(status.value(QStringLiteral("messages")).toInteger(), 45);
    EXPECT_GT(status.value(QStringLiteral("bytes")).toInteger(), 0);
    EXPECT_EQ(status.value(QStringLiteral("removedSources")).toInteger(), 0);
    ASSERT_EQ(status.value(QStringLiteral("sources")).toArray().size(), 2);
    const QJsonObject work = sourceNamed(status, QStringLiteral("Work"));
    EXPECT_EQ(work.value(QStringLiteral("messages")).toInteger(), 40);
    EXPECT_EQ(sourceNamed(status, QStringLiteral("Shared")).value(QStringLiteral("messages")).toInteger(), 15);
    // The fields scripts read already stay.
    EXPECT_EQ(work.value(QStringLiteral("folders")).toArray().size(), 1);
    EXPECT_TRUE(work.contains(QStringLiteral("status")));
    EXPECT_TRUE(work.contains(QStringLiteral("lastSync")));

    // Removed keeping its mail: the source leaves the list, its mail stays
    // in the archive's total, and the removed source is counted.
    const CliRun removed = runCli(path, {QStringLiteral("source"), QStringLiteral("remove"), QStringLiteral("Work")});
    ASSERT_EQ(removed.exitCode, 0) << removed.err.toStdString();
    status = statusJson(path);
    EXPECT_EQ(status.value(QStringLiteral("messages")).toInteger(), 45);
    EXPECT_EQ(status.value(QStringLiteral("removedSources")).toInteger(), 1);
    EXPECT_EQ(status.value(QStringLiteral("sources")).toArray().size(), 1);

    // "(s)" until the English catalogue has the plural, "s" after.
    const CliRun text = runCli(path, {QStringLiteral("status")});
    EXPECT_TRUE(text.out.contains(QStringLiteral("archive: 45 message"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("holds 15 message"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("mail kept from 1 removed source"))) << text.out.toStdString();
}

// "Checked" in Details is the last time a pass looked at the folder. A
// folder that is unchanged is skipped without a FETCH, and that skip is a
// check too: before, verified_at stayed at the last pass that fetched, and
// Details said "Checked 2 min ago" right after a sync.
class FolderCheckedTest : public DovecotTest
{
};

TEST_F(FolderCheckedTest, APassWithNoNewMailStillRecordsTheCheck)
{
    QTemporaryDir directory;
    ASSERT_TRUE(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("archive.sqlite"));
    MailGeneratorOptions options;
    options.seed = 82;
    options.attachmentScale = 0.02;
    MaildirWriter writer = server().maildirWriter(QStringLiteral("test"));
    QString error;
    for (const GeneratedMessage& message : MailGenerator(options).next(6, QStringLiteral("INBOX"))) {
        ASSERT_TRUE(writer.write(message, &error)) << error.toStdString();
    }
    const CliRun added = runCli(path,
                                {QStringLiteral("source"),
                                 QStringLiteral("add"),
                                 QStringLiteral("--name"),
                                 QStringLiteral("Test"),
                                 QStringLiteral("--host"),
                                 server().host(),
                                 QStringLiteral("--port"),
                                 QString::number(server().imapsPort()),
                                 QStringLiteral("--user"),
                                 QStringLiteral("test"),
                                 QStringLiteral("--trust-fingerprint"),
                                 QString::fromLatin1(server().serverFingerprint()),
                                 QStringLiteral("--password-stdin")},
                                server().password(QStringLiteral("test")).toUtf8() + '\n');
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const CliRun first = runCli(path, {QStringLiteral("sync")});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString() << first.out.toStdString();

    // As if the first pass had been an hour ago.
    {
        Archive archive(path);
        ASSERT_TRUE(archive.open(&error)) << error.toStdString();
        QSqlQuery query(archive.connection());
        ASSERT_TRUE(query.exec(QStringLiteral("UPDATE folders SET verified_at = verified_at - 3600")));
        ASSERT_EQ(query.numRowsAffected(), 1);
        query.finish();
        archive.closeConnection();
    }
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const CliRun second = runCli(path, {QStringLiteral("sync")});
    ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
    EXPECT_TRUE(second.out.contains(QStringLiteral("0 new messages"))) << second.out.toStdString();

    const QJsonObject folder = statusJson(path)
                                   .value(QStringLiteral("sources"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QStringLiteral("folders"))
                                   .toArray()
                                   .first()
                                   .toObject();
    const QDateTime verified =
        QDateTime::fromString(folder.value(QStringLiteral("verifiedAt")).toString(), Qt::ISODate);
    ASSERT_TRUE(verified.isValid()) << folder.value(QStringLiteral("verifiedAt")).toString().toStdString();
    EXPECT_GE(verified, before) << "the unchanged folder was checked by the second pass";
    EXPECT_TRUE(folder.value(QStringLiteral("complete")).toBool());
}

} // namespace
