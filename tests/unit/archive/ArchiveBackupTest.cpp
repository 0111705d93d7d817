#include "TemporaryArchive.h"

#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "archive/ArchiveBackup.h"
#include "archive/ArchiveVerifier.h"
#include "archive/MessageStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace {

// A plain connection to a copy: the archive's own (ArchiveDatabase) would
// switch it to WAL, and the tests check what the backup left. Not read-only:
// FTS5's integrity-check, which verify runs, is written as an INSERT.
class CopyConnection
{
public:
    explicit CopyConnection(const QString& path)
        : m_name(QStringLiteral("backup-test-copy-%1").arg(nextId++))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~CopyConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(CopyConnection)

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    static inline int nextId = 0;
    QString m_name;
};

QVariant scalar(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next()) {
        ADD_FAILURE() << sql.toStdString();
        return {};
    }
    return query.value(0);
}

QSet<QByteArray> blobHashes(const QSqlDatabase& db)
{
    QSet<QByteArray> hashes;
    QSqlQuery query(db);
    EXPECT_TRUE(query.exec(QStringLiteral("SELECT sha256 FROM blobs")));
    while (query.next()) {
        hashes.insert(query.value(0).toByteArray());
    }
    return hashes;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

class ArchiveBackupTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString();
        ASSERT_TRUE(m_targets.isValid());
        m_inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
        MailGeneratorOptions options;
        options.seed = 47;
        options.attachmentScale = 0.05;
        MailGenerator generator(options);
        for (int batch = 0; batch < 6; ++batch) {
            ASSERT_TRUE(m_archive.store(m_inbox, generator.next(50))) << m_archive.error().toStdString();
        }
    }

    QString target(const QString& name = QStringLiteral("backup.sqlite")) const { return m_targets.filePath(name); }

    QStringList filesInTargets() const
    {
        return QDir(m_targets.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    qint64 liveMessages()
    {
        return scalar(m_archive.archive().connection(), QStringLiteral("SELECT count(*) FROM messages")).toLongLong();
    }

    TemporaryArchive m_archive;
    QTemporaryDir m_targets;
    qint64 m_inbox = 0;
};

TEST_F(ArchiveBackupTest, TheCopyHoldsTheSameMailAndIdentityInOneFileOnlyItsOwnerReads)
{
    ArchiveBackup backup(m_archive.path(), target());
    backup.setPagesPerStep(64);
    qint64 lastDone = -1;
    qint64 lastTotal = 0;
    int calls = 0;
    const BackupResult result = backup.run([&](qint64 done, qint64 total, qint64 pageSize) {
        EXPECT_GE(done, lastDone);
        EXPECT_GT(pageSize, 0);
        lastDone = done;
        lastTotal = total;
        ++calls;
        return true;
    });
    ASSERT_TRUE(result.succeeded()) << result.error.toStdString();
    EXPECT_EQ(result.target, target());
    EXPECT_EQ(result.messages, 300);
    EXPECT_EQ(lastDone, lastTotal);
    EXPECT_EQ(result.pages, lastTotal);
    EXPECT_GT(calls, 2) << "several steps, each reported";
    EXPECT_EQ(result.bytes, QFileInfo(target()).size());
    EXPECT_EQ(filesInTargets(), QStringList {QStringLiteral("backup.sqlite")}) << "no partial file, no -wal";
    const QFileDevice::Permissions permissions = QFile::permissions(target());
    EXPECT_TRUE(permissions.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    EXPECT_FALSE(permissions.testAnyFlags(QFileDevice::ExeOwner | QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                          | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
                                          | QFileDevice::ExeOther))
        << "0600: it is someone's mail";
    // Bytes 18 and 19 of the header say the journal: 1 a rollback journal,
    // 2 WAL. The archive is WAL; its copy must not need a -wal.
    const QByteArray header = readFile(target()).left(100);
    ASSERT_EQ(header.size(), 100);
    EXPECT_EQ(header.at(18), 1);
    EXPECT_EQ(header.at(19), 1);

    const QSqlDatabase live = m_archive.archive().connection();
    CopyConnection copy(target());
    ASSERT_TRUE(copy.db().isOpen());
    EXPECT_EQ(scalar(copy.db(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("delete"));
    EXPECT_EQ(scalar(copy.db(), QStringLiteral("SELECT count(*) FROM messages")).toLongLong(), 300);
    EXPECT_EQ(blobHashes(copy.db()), blobHashes(live));
    EXPECT_EQ(blobHashes(copy.db()).size(), 300);
    const QString identity = m_archive.archive().identity();
    EXPECT_EQ(identity.size(), 32);
    EXPECT_EQ(scalar(copy.db(), QStringLiteral("SELECT value FROM archive_info WHERE key = 'archive_id'")).toString(),
              identity);
    EXPECT_EQ(scalar(copy.db(), QStringLiteral("PRAGMA user_version")),
              scalar(live, QStringLiteral("PRAGMA user_version")));
    const VerifyReport report = ArchiveVerifier(copy.db()).run();
    EXPECT_TRUE(report.isClean()) << report.summary().toStdString();
    EXPECT_EQ(report.blobsChecked, 300);
    EXPECT_TRUE(result.summary().contains(target())) << result.summary().toStdString();
    EXPECT_TRUE(result.summary().contains(QLocale().toString(300))) << result.summary().toStdString();
}

TEST_F(ArchiveBackupTest, ACancelLeavesNoTargetAndNoPartialFile)
{
    ArchiveBackup backup(m_archive.path(), target());
    backup.setPagesPerStep(16);
    qint64 copiedWhenCancelled = 0;
    const BackupResult result = backup.run([&](qint64 done, qint64 total, qint64) {
        EXPECT_LT(done, total) << "the archive is more than a step or two";
        copiedWhenCancelled = done;
        return done == 0; // after the first step
    });
    EXPECT_TRUE(result.cancelled);
    EXPECT_FALSE(result.succeeded());
    EXPECT_EQ(copiedWhenCancelled, 16);
    EXPECT_TRUE(filesInTargets().isEmpty()) << filesInTargets().join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(result.summary().contains(QStringLiteral("cancelled"))) << result.summary().toStdString();
}

TEST_F(ArchiveBackupTest, AnExistingTargetIsUntouchedByACancelOrAFailureAndReplacedBySuccess)
{
    const QByteArray previous = QByteArrayLiteral("last week's backup");
    {
        QFile file(target());
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(previous);
    }

    ArchiveBackup cancelled(m_archive.path(), target());
    cancelled.setPagesPerStep(16);
    EXPECT_TRUE(cancelled.run([](qint64 done, qint64, qint64) { return done < 32; }).cancelled);
    EXPECT_EQ(readFile(target()), previous);
    EXPECT_EQ(filesInTargets(), QStringList {QStringLiteral("backup.sqlite")});

    // A disk that fills half way, as SQLite reports it.
    ArchiveBackup failing(m_archive.path(), target());
    failing.setPagesPerStep(16);
    failing.setTargetPageLimit(40);
    const BackupResult failed = failing.run();
    EXPECT_FALSE(failed.succeeded());
    EXPECT_FALSE(failed.cancelled);
    EXPECT_TRUE(failed.error.contains(QStringLiteral("disk is full"))) << failed.error.toStdString();
    EXPECT_EQ(readFile(target()), previous);
    EXPECT_EQ(filesInTargets(), QStringList {QStringLiteral("backup.sqlite")});

    const BackupResult replaced = ArchiveBackup(m_archive.path(), target()).run();
    ASSERT_TRUE(replaced.succeeded()) << replaced.error.toStdString();
    EXPECT_EQ(readFile(target()).left(16), QByteArrayLiteral("SQLite format 3\0"));
    EXPECT_EQ(filesInTargets(), QStringList {QStringLiteral("backup.sqlite")});
}

TEST_F(ArchiveBackupTest, RefusesTheArchiveItselfItsSideFilesAndAMissingFolder)
{
    const QByteArray before = readFile(m_archive.path());
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const BackupResult result = ArchiveBackup(m_archive.path(), m_archive.path() + suffix).run();
        EXPECT_FALSE(result.succeeded()) << suffix.toStdString();
        EXPECT_TRUE(result.error.contains(QStringLiteral("is the archive itself"))) << result.error.toStdString();
    }
    // The same file by another spelling of its path.
    const QString roundabout = QFileInfo(m_archive.path()).absolutePath() + QStringLiteral("/../")
        + QFileInfo(m_archive.path()).dir().dirName() + QStringLiteral("/archive.sqlite");
    EXPECT_TRUE(ArchiveBackup(m_archive.path(), roundabout).run().error.contains(QStringLiteral("archive itself")));
    EXPECT_EQ(liveMessages(), 300);

    const BackupResult missing = ArchiveBackup(m_archive.path(), target(QStringLiteral("no/such/backup.sqlite"))).run();
    EXPECT_FALSE(missing.succeeded());
    EXPECT_TRUE(missing.error.contains(QStringLiteral("does not exist"))) << missing.error.toStdString();
    EXPECT_TRUE(filesInTargets().isEmpty());
    EXPECT_FALSE(ArchiveBackup(m_archive.path(), m_targets.path()).checkTarget().isEmpty()) << "a folder";
    EXPECT_TRUE(ArchiveBackup(m_archive.path(), target()).checkTarget().isEmpty());
}

// The point of the online backup: a sync storing batches on its own
// connection the whole time. Each step waits until the writer has committed
// again, so every step meets a write. Without the one read transaction the
// backup holds, SQLite would start over after each of them and the copy
// would never finish; with it, the copy is the archive at one moment.
TEST_F(ArchiveBackupTest, FinishesAndIsConsistentWhileAWriterStoresBatchesThroughout)
{
    const qint64 folder = m_archive.folder(QStringLiteral("Work"), QStringLiteral("Live"));
    std::atomic<int> committed {0};
    std::atomic<bool> stop {false};
    std::atomic<bool> writerEnded {false};
    QString writerError;
    std::thread writer([&] {
        Archive archive(m_archive.path());
        {
            MessageStore store = archive.store();
            const QList<GeneratedMessage> pool = MailGenerator::smallMessages(40, 48);
            // Bounded, so a backup that never finishes fails instead of hanging.
            for (int batch = 0; !stop && batch < 5000; ++batch) {
                FolderCheckpoint checkpoint = store.checkpoint(folder);
                checkpoint.uidValidity = 1;
                QList<PreparedMessage> prepared;
                for (int i = 0; i < 4; ++i) {
                    FetchedMessage fetched;
                    fetched.uid = ++checkpoint.lastUid;
                    fetched.raw = pool.at((batch * 4 + i) % pool.size()).raw;
                    fetched.internalDate = pool.at((batch * 4 + i) % pool.size()).internalDate;
                    prepared << MessageStore::prepare(fetched, store.dictionary());
                }
                checkpoint.uidNext = checkpoint.lastUid + 1;
                StoreResult stored;
                if (!store.storeBatch(prepared, checkpoint, &stored, &writerError)) {
                    break;
                }
                ++committed;
            }
        }
        archive.closeConnection();
        writerEnded = true;
    });
    while (committed < 1 && !writerEnded) {
        std::this_thread::yield();
    }

    ArchiveBackup backup(m_archive.path(), target());
    backup.setPagesPerStep(8);
    qint64 lastDone = -1;
    int stepsAfterAWrite = 0;
    int seen = committed;
    const BackupResult result = backup.run([&](qint64 done, qint64, qint64) {
        EXPECT_GE(done, lastDone) << "the backup started over";
        lastDone = done;
        while (committed == seen && !writerEnded) {
            std::this_thread::yield();
        }
        if (committed > seen) {
            ++stepsAfterAWrite;
        }
        seen = committed;
        return true;
    });
    stop = true;
    writer.join();
    ASSERT_TRUE(writerError.isEmpty()) << writerError.toStdString();
    ASSERT_TRUE(result.succeeded()) << result.error.toStdString();
    EXPECT_GT(stepsAfterAWrite, 10) << "writes met the backup between its steps";

    CopyConnection copy(target());
    ASSERT_TRUE(copy.db().isOpen());
    const VerifyReport report = ArchiveVerifier(copy.db()).run();
    EXPECT_TRUE(report.isClean()) << report.summary().toStdString();
    EXPECT_EQ(report.locationsBeyondCheckpoint, 0);
    EXPECT_EQ(report.messagesWithoutBlob, 0);
    EXPECT_EQ(scalar(copy.db(),
                     QStringLiteral("SELECT count(*) FROM locations l JOIN folders f ON f.id = l.folder_id "
                                    "WHERE l.uid > f.last_uid"))
                  .toLongLong(),
              0);
    EXPECT_EQ(scalar(copy.db(),
                     QStringLiteral("SELECT count(*) FROM locations l LEFT JOIN messages m ON m.id = l.message_id "
                                    "LEFT JOIN blobs b ON b.id = m.blob_id WHERE b.id IS NULL"))
                  .toLongLong(),
              0);
    // A prefix of what the writer stored, ending exactly at a checkpoint:
    // every UID up to last_uid, none after.
    const qint64 copiedLastUid =
        scalar(copy.db(), QStringLiteral("SELECT last_uid FROM folders WHERE id = %1").arg(folder)).toLongLong();
    const qint64 copiedLocations =
        scalar(copy.db(), QStringLiteral("SELECT count(*) FROM locations WHERE folder_id = %1").arg(folder))
            .toLongLong();
    EXPECT_EQ(copiedLocations, copiedLastUid);
    EXPECT_EQ(copiedLocations % 4, 0) << "whole batches only";
    EXPECT_GT(copiedLocations, 0);
    const qint64 liveLocations =
        scalar(m_archive.archive().connection(),
               QStringLiteral("SELECT count(*) FROM locations WHERE folder_id = %1").arg(folder))
            .toLongLong();
    EXPECT_GT(liveLocations, copiedLocations) << "the writer went on after the snapshot";
    EXPECT_EQ(scalar(copy.db(), QStringLiteral("SELECT count(*) FROM messages")).toLongLong(), result.messages);
}

} // namespace
