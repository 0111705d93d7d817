#include "TemporaryArchive.h"

#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "archive/ArchiveVerifier.h"
#include "archive/WalCheckpointer.h"

#include <QFileInfo>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace {

QList<GeneratedMessage> attachmentHeavyMail(int count)
{
    MailGeneratorOptions options;
    options.seed = 31;
    options.attachmentScale = 1.0;
    return MailGenerator(options).next(count);
}

qint64 walSize(const QString& archivePath)
{
    return QFileInfo(archivePath + QStringLiteral("-wal")).size();
}

} // namespace

TEST(WalCheckpointer, IsSharedByEveryStoreOfTheSameArchive)
{
    const auto first = WalCheckpointer::forArchive(QStringLiteral("/nonexistent/a.sqlite"));
    const auto again = WalCheckpointer::forArchive(QStringLiteral("/nonexistent/a.sqlite"));
    const auto other = WalCheckpointer::forArchive(QStringLiteral("/nonexistent/b.sqlite"));
    EXPECT_EQ(first.get(), again.get());
    EXPECT_NE(first.get(), other.get());
}

TEST(WalCheckpointer, KeepsTheLogShortWhileMailIsStored)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 inbox = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const QList<GeneratedMessage> messages = attachmentHeavyMail(300);
    qint64 rawBytes = 0;
    for (const GeneratedMessage& message : messages) {
        rawBytes += message.raw.size();
    }
    // Enough that the log would hold megabytes of it without checkpoints,
    // and still far below the writer's own backstop of 64 MB.
    ASSERT_GT(rawBytes, 20 * 1024 * 1024);

    qint64 largestLog = 0;
    for (qsizetype start = 0; start < messages.size(); start += 10) {
        ASSERT_TRUE(archive.store(inbox, messages.mid(start, 10))) << archive.error().toStdString();
        const auto checkpointer = WalCheckpointer::forArchive(archive.path());
        checkpointer->waitIdle();
        EXPECT_TRUE(checkpointer->lastError().isEmpty()) << checkpointer->lastError().toStdString();
        largestLog = std::max(largestLog, walSize(archive.path()));
    }
    EXPECT_GE(WalCheckpointer::forArchive(archive.path())->checkpointsDone(), 1);
    // Each batch (about a megabyte compressed) was copied into the database
    // file before the next began, so the log restarted every time instead
    // of growing with the import.
    EXPECT_LT(largestLog, 4 * 1024 * 1024) << "the log grew to " << largestLog << " bytes";

    const VerifyReport report = ArchiveVerifier(archive.archive().connection()).run();
    EXPECT_TRUE(report.isClean()) << report.summary().toStdString();
    QSqlQuery query(archive.archive().connection());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*) FROM messages")) && query.next());
    EXPECT_EQ(query.value(0).toInt(), 300);
}
