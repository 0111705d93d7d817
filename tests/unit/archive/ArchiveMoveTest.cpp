#include "TemporaryArchive.h"

#include "MailGenerator.h"
#include "archive/ArchiveDatabase.h"
#include "archive/ArchiveMove.h"
#include "archive/ArchiveVerifier.h"
#include "common/AppSettings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
    file.write(bytes);
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

// What an archive holds, read through a read-only connection: every blob's
// hash, every location, and whether SQLite finds the file sound. (The file's
// own bytes may change under a background WAL checkpoint without any
// content changing.)
QByteArray contentOf(const QString& path)
{
    const QString role = QStringLiteral("move-test-content");
    QString error;
    QByteArray content;
    {
        const QSqlDatabase db = ArchiveDatabase::readOnlyConnection(path, role, &error);
        QSqlQuery query(db);
        for (const QString& sql : {QStringLiteral("SELECT hex(sha256) FROM blobs ORDER BY 1"),
                                   QStringLiteral("SELECT folder_id || ':' || uid FROM locations ORDER BY 1"),
                                   QStringLiteral("PRAGMA quick_check")}) {
            if (!query.exec(sql)) {
                return "unreadable: " + error.toUtf8();
            }
            while (query.next()) {
                content += query.value(0).toByteArray() + '\n';
            }
        }
    }
    ArchiveDatabase::closeReadOnlyConnection(path, role);
    return content;
}

// A real archive with mail, settings of the test's own (the move writes
// the setting that names the user's archive), and a folder to move to.
class ArchiveMoveTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_settings.isValid());
        ASSERT_TRUE(m_targets.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString();
        const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
        MailGeneratorOptions options;
        options.seed = 61;
        ASSERT_TRUE(m_archive.store(inbox, MailGenerator(options).next(120))) << m_archive.error().toStdString();
        m_original = contentOf(m_archive.path());
        ASSERT_TRUE(m_original.endsWith("ok\n")) << m_original.right(200).toStdString();
    }

    void TearDown() override
    {
        AppSettings::setValue(AppSettings::Key::ArchiveLocation, QString());
        AppSettings::setValue(AppSettings::Key::ArchiveLeftover, QString());
    }

    qint64 messagesIn(const QString& path)
    {
        QString error;
        const QSqlDatabase db = ArchiveDatabase::readOnlyConnection(path, QStringLiteral("move-test"), &error);
        QSqlQuery query(db);
        const qint64 count = query.exec(QStringLiteral("SELECT count(*) FROM messages")) && query.next()
            ? query.value(0).toLongLong()
            : -1;
        query.finish();
        ArchiveDatabase::closeReadOnlyConnection(path, QStringLiteral("move-test"));
        return count;
    }

    QStringList filesInTargets() const
    {
        return QDir(m_targets.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    QTemporaryDir m_settings;
    QTemporaryDir m_targets;
    TemporaryArchive m_archive;
    QByteArray m_original;
};

TEST_F(ArchiveMoveTest, TheArchiveMovesWhole_TheSettingNamesTheCopyAndTheOldFileGoesAtTheNextStart)
{
    const QString target = m_targets.filePath(QStringLiteral("moved.sqlite"));
    const ArchiveMove::Result result = ArchiveMove(m_archive.path(), target).run();
    ASSERT_TRUE(result.succeeded()) << result.error.toStdString();
    EXPECT_EQ(result.messages, 120);
    EXPECT_EQ(messagesIn(target), 120);
    EXPECT_TRUE(ArchiveVerifier(ArchiveDatabase::connection(target, nullptr)).run().isClean());
    ArchiveDatabase::closeConnection(target);
    EXPECT_EQ(ArchiveDatabase::defaultPath(), target) << "the GUI and the CLI now open the copy";
    EXPECT_EQ(contentOf(m_archive.path()), m_original) << "the old archive stays untouched until removed";

    // The next start, with the copy in use: the old file is the leftover.
    EXPECT_EQ(ArchiveMove::leftover(target), QFileInfo(m_archive.path()).absoluteFilePath());
    EXPECT_TRUE(ArchiveMove::leftover(m_archive.path()).isEmpty()) << "never the archive in use";
    QString error;
    ASSERT_TRUE(ArchiveMove::removeLeftover(ArchiveMove::leftover(target), &error)) << error.toStdString();
    EXPECT_FALSE(QFileInfo::exists(m_archive.path()));
    EXPECT_FALSE(QFileInfo::exists(m_archive.path() + QStringLiteral("-wal")));
    EXPECT_TRUE(ArchiveMove::leftover(target).isEmpty());
}

// The test: a failure after the copy (here simulated, as a full
// settings disk or a crash would) leaves the old archive in use and
// unchanged, and no copy behind.
TEST_F(ArchiveMoveTest, AFailureAfterTheCopyKeepsTheOldArchiveInUseAndUnchanged)
{
    const QString before = ArchiveDatabase::defaultPath();
    ArchiveMove move(m_archive.path(), m_targets.filePath(QStringLiteral("moved.sqlite")));
    move.failAfterCopyForTesting();
    const ArchiveMove::Result result = move.run();
    EXPECT_FALSE(result.succeeded());
    EXPECT_FALSE(result.error.isEmpty());
    EXPECT_EQ(ArchiveDatabase::defaultPath(), before);
    EXPECT_TRUE(ArchiveMove::leftover(before).isEmpty());
    EXPECT_TRUE(filesInTargets().isEmpty()) << filesInTargets().join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(contentOf(m_archive.path()), m_original);
    EXPECT_EQ(messagesIn(m_archive.path()), 120);
}

TEST_F(ArchiveMoveTest, ACancelledCopyLeavesNothingAndChangesNothing)
{
    const QString before = ArchiveDatabase::defaultPath();
    const ArchiveMove::Result result = ArchiveMove(m_archive.path(), m_targets.filePath(QStringLiteral("moved.sqlite")))
                                           .run([](qint64, qint64, qint64) { return false; });
    EXPECT_TRUE(result.cancelled);
    EXPECT_EQ(ArchiveDatabase::defaultPath(), before);
    EXPECT_TRUE(filesInTargets().isEmpty());
    EXPECT_EQ(contentOf(m_archive.path()), m_original);
}

TEST_F(ArchiveMoveTest, NeverOverAnExistingFileNorOntoItselfNorIntoAMissingFolder)
{
    const QString existing = m_targets.filePath(QStringLiteral("taken.sqlite"));
    writeFile(existing, "someone else's file");
    const auto refused = [&](const QString& target) {
        const ArchiveMove::Result result = ArchiveMove(m_archive.path(), target).run();
        return !result.succeeded() && !result.error.isEmpty();
    };
    EXPECT_TRUE(refused(existing));
    EXPECT_EQ(fileHash(existing), QCryptographicHash::hash("someone else's file", QCryptographicHash::Sha256));
    EXPECT_TRUE(refused(m_archive.path()));
    EXPECT_TRUE(refused(m_targets.filePath(QStringLiteral("no/such/folder/a.sqlite"))));
    EXPECT_TRUE(refused(QString()));
    EXPECT_TRUE(ArchiveMove(m_archive.path(), existing).checkTarget().contains(QDir::toNativeSeparators(existing)));
    EXPECT_EQ(contentOf(m_archive.path()), m_original);
}

// The leftover named in the settings is deleted only when it is an
// archive: a file put there since, or a hand-edited setting, stays.
TEST_F(ArchiveMoveTest, ALeftoverThatIsNoArchiveIsNeverDeleted)
{
    const QString notAnArchive = m_targets.filePath(QStringLiteral("notes.txt"));
    writeFile(notAnArchive, "my notes");
    AppSettings::setValue(AppSettings::Key::ArchiveLeftover, notAnArchive);
    QString error;
    EXPECT_FALSE(ArchiveMove::removeLeftover(ArchiveMove::leftover(m_archive.path()), &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(QFileInfo::exists(notAnArchive));
    EXPECT_TRUE(ArchiveMove::leftover(m_archive.path()).isEmpty()) << "and it is not tried again";
}

} // namespace
