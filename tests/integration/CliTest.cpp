#include "MailGenerator.h"
#include "archive/Archive.h"
#include "archive/BlobCodec.h"
#include "archive/MessageStore.h"
#include "credentials/KeychainCredentialStore.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>

#include "CliRunner.h"

#include <gtest/gtest.h>

namespace {

// Qt reports the owner's bits twice (Owner and User); anything else set is
// a bit for the group or the world.
const QFileDevice::Permissions OwnerAndUser = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
    | QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;

// The CLI as a user runs it: a separate process on the same archive file.
class CliTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_directory.isValid());
        m_path = m_directory.filePath(QStringLiteral("archive.sqlite"));
    }

    CliRun run(const QStringList& arguments, const QByteArray& input = {}) { return runCli(m_path, arguments, input); }

    // Stores `count` generated messages into Work/INBOX the way a sync would.
    QList<GeneratedMessage> fill(int count)
    {
        MailGeneratorOptions options;
        options.seed = 61;
        options.attachmentScale = 0.02;
        const QList<GeneratedMessage> messages = MailGenerator(options).next(count);
        Archive archive(m_path);
        QString error;
        EXPECT_TRUE(archive.open(&error)) << error.toStdString();
        MessageStore store = archive.store();
        const qint64 sourceId = store.ensureSource(QStringLiteral("Work"), &error);
        const qint64 folderId =
            store.ensureFolder(sourceId, "INBOX", QStringLiteral("INBOX"), QStringLiteral("/"), &error);
        FolderCheckpoint checkpoint = store.checkpoint(folderId);
        QList<PreparedMessage> batch;
        for (const GeneratedMessage& message : messages) {
            FetchedMessage fetched;
            fetched.uid = ++checkpoint.lastUid;
            fetched.raw = message.raw;
            batch << MessageStore::prepare(fetched);
        }
        EXPECT_TRUE(store.storeBatch(batch, checkpoint, nullptr, &error)) << error.toStdString();
        store = MessageStore(QSqlDatabase());
        archive.closeConnection();
        return messages;
    }

    // Stores one message after the others in Work/INBOX.
    void storeOne(const QByteArray& raw)
    {
        Archive archive(m_path);
        QString error;
        ASSERT_TRUE(archive.open(&error)) << error.toStdString();
        MessageStore store = archive.store();
        const qint64 folderId = store.ensureFolder(store.ensureSource(QStringLiteral("Work"), &error),
                                                   "INBOX",
                                                   QStringLiteral("INBOX"),
                                                   QStringLiteral("/"),
                                                   &error);
        FolderCheckpoint checkpoint = store.checkpoint(folderId);
        FetchedMessage fetched;
        fetched.uid = ++checkpoint.lastUid;
        fetched.raw = raw;
        ASSERT_TRUE(store.storeBatch({MessageStore::prepare(fetched)}, checkpoint, nullptr, &error))
            << error.toStdString();
        store = MessageStore(QSqlDatabase());
        archive.closeConnection();
    }

    QTemporaryDir m_directory;
    QString m_path;
};

TEST_F(CliTest, VerifyExitsZeroOnAnIntactArchiveAndOneOnDamage)
{
    fill(40);
    CliRun clean = run({QStringLiteral("verify")});
    EXPECT_EQ(clean.exitCode, 0) << clean.err.toStdString();
    EXPECT_TRUE(clean.out.contains(QStringLiteral("40 messages read back"))) << clean.out.toStdString();
    EXPECT_TRUE(clean.out.contains(QStringLiteral("intact")));

    {
        Archive archive(m_path);
        QString error;
        ASSERT_TRUE(archive.open(&error));
        QSqlQuery query(archive.connection());
        query.prepare(QStringLiteral("UPDATE blobs SET data = ? WHERE id = 3"));
        query.addBindValue(BlobCodec::compress(QByteArrayLiteral("Subject: tampered\r\n\r\n")));
        ASSERT_TRUE(query.exec());
        query.finish();
        archive.closeConnection();
    }
    CliRun damaged = run({QStringLiteral("verify")});
    EXPECT_EQ(damaged.exitCode, 1);
    EXPECT_TRUE(damaged.out.contains(QStringLiteral("1 message does not read back"))) << damaged.out.toStdString();
}

// `backup --to FILE`: exit 0 and one line saying what was copied; an
// existing FILE only with --force; what the command line got wrong is exit 2
// and leaves the file as it was.
TEST_F(CliTest, BackupWritesACopyAndReplacesAFileOnlyWithForce)
{
    fill(40);
    const QString target = m_directory.filePath(QStringLiteral("backup.sqlite"));
    CliRun first = run({QStringLiteral("backup"), QStringLiteral("--to"), target});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.out.startsWith(QStringLiteral("Backed up 40 "))) << first.out.toStdString();
    EXPECT_TRUE(first.out.contains(target)) << first.out.toStdString();
    EXPECT_EQ(first.out.count(QLatin1Char('\n')), 1);
    EXPECT_EQ(QFile::permissions(target) & ~OwnerAndUser, QFileDevice::Permissions()) << "0600";
    const QByteArray copied = [&] {
        QFile file(target);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    ASSERT_FALSE(copied.isEmpty());

    CliRun again = run({QStringLiteral("backup"), QStringLiteral("--to"), target});
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_TRUE(again.err.contains(QStringLiteral("--force"))) << again.err.toStdString();
    EXPECT_TRUE(again.out.isEmpty());
    for (const QStringList& wrong : {QStringList {QStringLiteral("backup")},
                                     QStringList {QStringLiteral("backup"), QStringLiteral("--to"), m_path},
                                     QStringList {QStringLiteral("backup"),
                                                  QStringLiteral("--to"),
                                                  m_directory.filePath(QStringLiteral("missing/backup.sqlite"))},
                                     QStringList {QStringLiteral("backup"), QStringLiteral("--to")}}) {
        CliRun refused = run(wrong);
        EXPECT_EQ(refused.exitCode, 2) << wrong.join(QLatin1Char(' ')).toStdString() << ": "
                                       << refused.err.toStdString();
        EXPECT_FALSE(refused.err.isEmpty());
    }
    const QByteArray untouched = [&] {
        QFile file(target);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    EXPECT_EQ(untouched, copied);
    EXPECT_FALSE(QFile::exists(m_directory.filePath(QStringLiteral("missing"))));

    CliRun forced = run({QStringLiteral("backup"), QStringLiteral("--to"), target, QStringLiteral("--force")});
    EXPECT_EQ(forced.exitCode, 0) << forced.err.toStdString();
    // The copy is an archive the CLI opens and verifies like the original.
    CliRun verified = runCli(target, {QStringLiteral("verify")});
    EXPECT_EQ(verified.exitCode, 0) << verified.out.toStdString() << verified.err.toStdString();
    EXPECT_TRUE(verified.out.contains(QStringLiteral("40 messages read back"))) << verified.out.toStdString();
}

TEST_F(CliTest, ExportWritesEveryMessageWithItsExactBytes)
{
    const QList<GeneratedMessage> messages = fill(60);
    const QString outDir = m_directory.filePath(QStringLiteral("export"));
    CliRun exported = run(
        {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("eml"), QStringLiteral("--out"), outDir});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();

    QSet<QByteArray> expected;
    for (const GeneratedMessage& message : messages) {
        expected.insert(QCryptographicHash::hash(message.raw, QCryptographicHash::Sha256));
    }
    QSet<QByteArray> found;
    int files = 0;
    QDirIterator it(outDir, {QStringLiteral("*.eml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        found.insert(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
        EXPECT_TRUE(file.fileName().contains(QStringLiteral("/Work/INBOX/"))) << file.fileName().toStdString();
        // Private mail, like the archive: the user's alone.
        EXPECT_EQ(file.permissions() & ~OwnerAndUser, QFileDevice::Permissions()) << file.fileName().toStdString();
        EXPECT_FALSE(file.permissions().testFlag(QFileDevice::ExeOwner));
        ++files;
    }
    EXPECT_EQ(files, 60);
    EXPECT_EQ(found, expected);
    EXPECT_TRUE(exported.out.startsWith(QStringLiteral("Exported 60 messages ("))) << exported.out.toStdString();
    for (const QString& directory :
         {outDir, outDir + QStringLiteral("/Work"), outDir + QStringLiteral("/Work/INBOX")}) {
        const QFileDevice::Permissions permissions = QFileInfo(directory).permissions();
        EXPECT_EQ(permissions & ~OwnerAndUser, QFileDevice::Permissions()) << directory.toStdString();
        EXPECT_TRUE(permissions.testFlag(QFileDevice::ExeOwner)) << directory.toStdString();
    }

    CliRun none = run({QStringLiteral("export"),
                       QStringLiteral("--out"),
                       outDir + QStringLiteral("2"),
                       QStringLiteral("--folder"),
                       QStringLiteral("Sent")});
    EXPECT_EQ(none.exitCode, 0);
    EXPECT_TRUE(none.out.contains(QStringLiteral("Exported 0 messages"))) << none.out.toStdString();
    CliRun badFormat = run(
        {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("pst"), QStringLiteral("--out"), outDir});
    EXPECT_EQ(badFormat.exitCode, 2);

    // One mbox of what a search finds; an existing file needs --force; a
    // mistyped query is said in words with exit code 2.
    const QString mbox = m_directory.filePath(QStringLiteral("found.mbox"));
    const QStringList mboxExport = {QStringLiteral("export"),
                                    QStringLiteral("--format"),
                                    QStringLiteral("mbox"),
                                    QStringLiteral("--out"),
                                    mbox,
                                    QStringLiteral("--query"),
                                    QStringLiteral("larger:1 -smaller:1"),
                                    QStringLiteral("--folder"),
                                    QStringLiteral("INBOX")};
    CliRun byQuery = run(mboxExport);
    ASSERT_EQ(byQuery.exitCode, 0) << byQuery.err.toStdString() << mboxExport.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(byQuery.out.startsWith(QStringLiteral("Exported 60 messages ("))) << byQuery.out.toStdString();
    QFile mboxFile(mbox);
    ASSERT_TRUE(mboxFile.open(QIODevice::ReadOnly));
    EXPECT_TRUE(mboxFile.readAll().contains(messages.first().raw));
    CliRun again = run(mboxExport);
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_TRUE(again.err.contains(QStringLiteral("--force"))) << again.err.toStdString();
    CliRun badQuery = run({QStringLiteral("export"),
                           QStringLiteral("--format"),
                           QStringLiteral("mbox"),
                           QStringLiteral("--out"),
                           m_directory.filePath(QStringLiteral("x.mbox")),
                           QStringLiteral("--query"),
                           QStringLiteral("before:someday")});
    EXPECT_EQ(badQuery.exitCode, 2);
    EXPECT_TRUE(badQuery.err.contains(QStringLiteral("before:"))) << badQuery.err.toStdString();
    EXPECT_FALSE(QFile::exists(m_directory.filePath(QStringLiteral("x.mbox"))));
}

// The mbox the export wrote comes back through import as the same messages:
// nothing new is stored; the local source it goes into is never synced.
TEST_F(CliTest, ImportBringsAnExportedMboxBackWithoutStoringAnythingTwice)
{
    fill(40);
    const QString mbox = m_directory.filePath(QStringLiteral("Takeout.mbox"));
    ASSERT_EQ(run({QStringLiteral("export"),
                   QStringLiteral("--format"),
                   QStringLiteral("mbox"),
                   QStringLiteral("--out"),
                   mbox})
                  .exitCode,
              0);
    const auto blobs = [this] {
        Archive archive(m_path);
        QString error;
        EXPECT_TRUE(archive.open(&error)) << error.toStdString();
        QSqlQuery query(archive.connection());
        const qint64 count =
            query.exec(QStringLiteral("SELECT count(*) FROM blobs")) && query.next() ? query.value(0).toLongLong() : -1;
        query.finish();
        archive.closeConnection();
        return count;
    };
    const qint64 before = blobs();

    CliRun imported = run({QStringLiteral("import"), mbox, QStringLiteral("--into"), QStringLiteral("Takeout")});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.out.startsWith(QStringLiteral("0 new, 40 already archived, 0 could not be read (1 folder)")))
        << imported.out.toStdString();
    EXPECT_EQ(blobs(), before);

    CliRun again = run({QStringLiteral("import"), mbox, QStringLiteral("--into"), QStringLiteral("Takeout")});
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains(QStringLiteral("40 messages stored by an earlier import, skipped.")))
        << again.out.toStdString();

    CliRun sync = run({QStringLiteral("sync"), QStringLiteral("--source"), QStringLiteral("Takeout")});
    EXPECT_EQ(sync.exitCode, 1);
    EXPECT_TRUE(sync.err.contains(QStringLiteral("no server to sync"))) << sync.err.toStdString();
    CliRun into = run({QStringLiteral("import"), mbox, QStringLiteral("--into"), QStringLiteral("Work")});
    EXPECT_EQ(into.exitCode, 1);

    CliRun missing = run({QStringLiteral("import"), m_directory.filePath(QStringLiteral("nothing.mbox"))});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("nothing.mbox: There is no such file or folder.")))
        << missing.err.toStdString();
    EXPECT_EQ(run({QStringLiteral("import")}).exitCode, 2);
}

TEST_F(CliTest, SourceEditChangesWhatIsGivenAndKeepsTheRest)
{
    ASSERT_EQ(run({QStringLiteral("source"),
                   QStringLiteral("add"),
                   QStringLiteral("--name"),
                   QStringLiteral("Work"),
                   QStringLiteral("--host"),
                   QStringLiteral("imap.example.test"),
                   QStringLiteral("--user"),
                   QStringLiteral("jane"),
                   QStringLiteral("--password-stdin")},
                  "first-secret\n")
                  .exitCode,
              0);
    CliRun edited = run({QStringLiteral("source"),
                         QStringLiteral("edit"),
                         QStringLiteral("Work"),
                         QStringLiteral("--name"),
                         QStringLiteral("Office"),
                         QStringLiteral("--security"),
                         QStringLiteral("starttls"),
                         QStringLiteral("--port"),
                         QStringLiteral("143"),
                         QStringLiteral("--interval"),
                         QStringLiteral("15")});
    ASSERT_EQ(edited.exitCode, 0) << edited.err.toStdString();
    EXPECT_TRUE(edited.out.contains(QStringLiteral("Updated source \"Office\""))) << edited.out.toStdString();

    CliRun listed = run({QStringLiteral("source"), QStringLiteral("list"), QStringLiteral("--json")});
    const QJsonObject office = QJsonDocument::fromJson(listed.out.toUtf8()).array().first().toObject();
    EXPECT_EQ(office.value(QStringLiteral("name")).toString(), QStringLiteral("Office"));
    EXPECT_EQ(office.value(QStringLiteral("host")).toString(), QStringLiteral("imap.example.test")); // kept
    EXPECT_EQ(office.value(QStringLiteral("username")).toString(), QStringLiteral("jane")); // kept
    EXPECT_EQ(office.value(QStringLiteral("security")).toString(), QStringLiteral("starttls"));
    EXPECT_EQ(office.value(QStringLiteral("port")).toInt(), 143);
    EXPECT_EQ(office.value(QStringLiteral("checkIntervalMinutes")).toInt(), 15);

    // The password is kept unless a new one comes on standard input.
    Archive archive(m_path);
    QString error;
    ASSERT_TRUE(archive.open(&error)) << error.toStdString();
    KeychainCredentialStore keychain(archive.identity());
    archive.closeConnection();
    const auto stored = [&] {
        QSignalSpy finished(&keychain, &CredentialStore::requestFinished);
        keychain.readPassword(static_cast<qint64>(office.value(QStringLiteral("id")).toInteger()));
        EXPECT_TRUE(finished.wait(20000));
        return finished.isEmpty() ? QString() : finished.first().at(3).value<CredentialResult>().password;
    };
    EXPECT_EQ(stored(), QStringLiteral("first-secret"));
    ASSERT_EQ(run({QStringLiteral("source"),
                   QStringLiteral("edit"),
                   QStringLiteral("Office"),
                   QStringLiteral("--password-stdin")},
                  "second-secret\n")
                  .exitCode,
              0);
    EXPECT_EQ(stored(), QStringLiteral("second-secret"));

    // Refusals, each with its reason.
    CliRun unknown = run({QStringLiteral("source"), QStringLiteral("edit"), QStringLiteral("Nope")});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("no source named"))) << unknown.err.toStdString();
    CliRun badPort = run({QStringLiteral("source"),
                          QStringLiteral("edit"),
                          QStringLiteral("Office"),
                          QStringLiteral("--port"),
                          QStringLiteral("0")});
    EXPECT_EQ(badPort.exitCode, 1);
    EXPECT_TRUE(badPort.err.contains(QStringLiteral("65535"))) << badPort.err.toStdString();
    CliRun blank = run({QStringLiteral("source"),
                        QStringLiteral("edit"),
                        QStringLiteral("Office"),
                        QStringLiteral("--password-stdin")},
                       "\n");
    EXPECT_EQ(blank.exitCode, 2);
    EXPECT_EQ(stored(), QStringLiteral("second-secret"));
}

TEST_F(CliTest, SourceAddKeepsThePasswordInTheKeychainOnly)
{
    const QByteArray password = "cli-sëcret-4711";
    CliRun added = run({QStringLiteral("source"),
                        QStringLiteral("add"),
                        QStringLiteral("--name"),
                        QStringLiteral("Work"),
                        QStringLiteral("--host"),
                        QStringLiteral("imap.example.test"),
                        QStringLiteral("--user"),
                        QStringLiteral("jane"),
                        QStringLiteral("--password-stdin")},
                       password + '\n');
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();

    CliRun listed = run({QStringLiteral("source"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(listed.exitCode, 0);
    const QJsonArray sources = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    ASSERT_EQ(sources.size(), 1);
    const QJsonObject work = sources.first().toObject();
    EXPECT_EQ(work.value(QStringLiteral("name")).toString(), QStringLiteral("Work"));
    EXPECT_EQ(work.value(QStringLiteral("port")).toInt(), 993);
    EXPECT_EQ(work.value(QStringLiteral("status")).toString(), QStringLiteral("importing"));

    for (const QString& file : {m_path, m_path + QStringLiteral("-wal")}) {
        QFile archiveFile(file);
        if (archiveFile.open(QIODevice::ReadOnly)) {
            EXPECT_FALSE(archiveFile.readAll().contains("cli-s")) << "the password reached " << file.toStdString();
        }
    }
    Archive archive(m_path);
    QString error;
    ASSERT_TRUE(archive.open(&error)) << error.toStdString();
    KeychainCredentialStore keychain(archive.identity());
    archive.closeConnection();
    QSignalSpy finished(&keychain, &CredentialStore::requestFinished);
    keychain.readPassword(static_cast<qint64>(work.value(QStringLiteral("id")).toInteger()));
    ASSERT_TRUE(finished.wait(20000));
    const auto result = finished.first().at(3).value<CredentialResult>();
    EXPECT_EQ(result.status, CredentialResult::Status::Ok) << result.message.toStdString();
    EXPECT_EQ(result.password, QString::fromUtf8(password));

    CliRun duplicate = run({QStringLiteral("source"),
                            QStringLiteral("add"),
                            QStringLiteral("--name"),
                            QStringLiteral("Work"),
                            QStringLiteral("--host"),
                            QStringLiteral("imap.example.test"),
                            QStringLiteral("--user"),
                            QStringLiteral("jane"),
                            QStringLiteral("--password-stdin")},
                           "x\n");
    EXPECT_EQ(duplicate.exitCode, 1);
    EXPECT_TRUE(duplicate.err.contains(QStringLiteral("already exists"))) << duplicate.err.toStdString();

    EXPECT_EQ(run({QStringLiteral("source"), QStringLiteral("pause"), QStringLiteral("Work")}).exitCode, 0);
    CliRun removed = run({QStringLiteral("source"), QStringLiteral("remove"), QStringLiteral("Work")});
    EXPECT_EQ(removed.exitCode, 0) << removed.err.toStdString();
    EXPECT_TRUE(run({QStringLiteral("source"), QStringLiteral("list")}).out.contains(QStringLiteral("No sources")));
}

// `source remove NAME --purge`: the source goes with the mail only it held;
// what another source also holds stays, and so does its search entry.
TEST_F(CliTest, SourceRemovePurgeDeletesTheMailOnlyThatSourceHeld)
{
    CliRun added = run({QStringLiteral("source"),
                        QStringLiteral("add"),
                        QStringLiteral("--name"),
                        QStringLiteral("Work"),
                        QStringLiteral("--host"),
                        QStringLiteral("imap.example.test"),
                        QStringLiteral("--user"),
                        QStringLiteral("jane"),
                        QStringLiteral("--password-stdin")},
                       "purge-sëcret\n");
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const qint64 workId = static_cast<qint64>(
        QJsonDocument::fromJson(
            run({QStringLiteral("source"), QStringLiteral("list"), QStringLiteral("--json")}).out.toUtf8())
            .array()
            .first()
            .toObject()
            .value(QStringLiteral("id"))
            .toInteger());

    // Work holds 40 messages; Home holds 10 of them and 5 of its own.
    MailGeneratorOptions options;
    options.seed = 62;
    options.attachmentScale = 0.02;
    const QList<GeneratedMessage> messages = MailGenerator(options).next(45);
    QString identity;
    {
        Archive archive(m_path);
        QString error;
        ASSERT_TRUE(archive.open(&error)) << error.toStdString();
        identity = archive.identity();
        MessageStore store = archive.store();
        const auto storeInto = [&](const QString& source, const QList<GeneratedMessage>& batch) {
            const qint64 sourceId = store.ensureSource(source, &error);
            const qint64 folderId =
                store.ensureFolder(sourceId, "INBOX", QStringLiteral("INBOX"), QStringLiteral("/"), &error);
            FolderCheckpoint checkpoint = store.checkpoint(folderId);
            QList<PreparedMessage> prepared;
            for (const GeneratedMessage& message : batch) {
                FetchedMessage fetched;
                fetched.uid = ++checkpoint.lastUid;
                fetched.raw = message.raw;
                prepared << MessageStore::prepare(fetched);
            }
            EXPECT_TRUE(store.storeBatch(prepared, checkpoint, nullptr, &error)) << error.toStdString();
        };
        storeInto(QStringLiteral("Work"), messages.mid(0, 40));
        storeInto(QStringLiteral("Home"), messages.mid(30, 15));
        store = MessageStore(QSqlDatabase());
        archive.closeConnection();
    }

    CliRun noName = run({QStringLiteral("source"), QStringLiteral("remove"), QStringLiteral("--purge")});
    EXPECT_EQ(noName.exitCode, 2);
    CliRun unknown =
        run({QStringLiteral("source"), QStringLiteral("remove"), QStringLiteral("Nope"), QStringLiteral("--purge")});
    EXPECT_EQ(unknown.exitCode, 1);

    CliRun purged =
        run({QStringLiteral("source"), QStringLiteral("remove"), QStringLiteral("Work"), QStringLiteral("--purge")});
    ASSERT_EQ(purged.exitCode, 0) << purged.err.toStdString();
    EXPECT_TRUE(purged.err.isEmpty()) << purged.err.toStdString(); // the password was removed without complaint
    // "message(s)" untranslated, "messages" once an English catalogue has the plural.
    EXPECT_TRUE(purged.out.contains(
        QRegularExpression(QStringLiteral("Work was removed with its mail: 30 message(\\(s\\)|s) deleted"))))
        << purged.out.toStdString();
    EXPECT_TRUE(purged.out.contains(
        QRegularExpression(QStringLiteral("10 message(\\(s\\)|s) stay because another source also holds them"))))
        << purged.out.toStdString();

    {
        Archive archive(m_path);
        QString error;
        ASSERT_TRUE(archive.open(&error)) << error.toStdString();
        QSqlQuery query(archive.connection());
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*) FROM messages")) && query.next());
        EXPECT_EQ(query.value(0).toInt(), 15);
        query.finish();
        archive.closeConnection();
    }
    CliRun verified = run({QStringLiteral("verify")});
    EXPECT_EQ(verified.exitCode, 0) << verified.out.toStdString();
    EXPECT_TRUE(verified.out.contains(QRegularExpression(QStringLiteral("15 message(\\(s\\)|s) read back"))))
        << verified.out.toStdString();
    CliRun listed = run({QStringLiteral("source"), QStringLiteral("list")});
    EXPECT_FALSE(listed.out.contains(QStringLiteral("Work"))) << listed.out.toStdString();

    KeychainCredentialStore keychain(identity);
    QSignalSpy finished(&keychain, &CredentialStore::requestFinished);
    keychain.readPassword(workId);
    ASSERT_TRUE(finished.wait(20000));
    EXPECT_EQ(finished.first().at(3).value<CredentialResult>().status, CredentialResult::Status::NotFound);

    // Home removed with its mail kept: listed as removed, its mail deleted later.
    CliRun kept = run({QStringLiteral("source"), QStringLiteral("remove"), QStringLiteral("Home")});
    ASSERT_EQ(kept.exitCode, 0) << kept.err.toStdString();
    EXPECT_TRUE(kept.out.contains(QStringLiteral("its mail stays in the archive"))) << kept.out.toStdString();
    const QJsonArray removed =
        QJsonDocument::fromJson(
            run({QStringLiteral("source"), QStringLiteral("removed"), QStringLiteral("--json")}).out.toUtf8())
            .array();
    ASSERT_EQ(removed.size(), 1);
    const QString removedName = removed.first().toObject().value(QStringLiteral("name")).toString();
    EXPECT_TRUE(removedName.startsWith(QStringLiteral("Home (removed "))) << removedName.toStdString();
    EXPECT_EQ(removed.first().toObject().value(QStringLiteral("messagesOnlyHere")).toInteger(), 15);
    CliRun purgedLater = run({QStringLiteral("source"), QStringLiteral("purge"), removedName});
    ASSERT_EQ(purgedLater.exitCode, 0) << purgedLater.err.toStdString();
    EXPECT_TRUE(purgedLater.out.contains(QRegularExpression(QStringLiteral("15 message(\\(s\\)|s)\\."))))
        << purgedLater.out.toStdString();
    EXPECT_TRUE(QJsonDocument::fromJson(
                    run({QStringLiteral("source"), QStringLiteral("removed"), QStringLiteral("--json")}).out.toUtf8())
                    .array()
                    .isEmpty());
    CliRun again = run({QStringLiteral("source"), QStringLiteral("purge"), removedName});
    EXPECT_EQ(again.exitCode, 1);
    {
        Archive archive(m_path);
        QString error;
        ASSERT_TRUE(archive.open(&error)) << error.toStdString();
        QSqlQuery query(archive.connection());
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*) FROM messages")) && query.next());
        EXPECT_EQ(query.value(0).toInt(), 0);
        query.finish();
        archive.closeConnection();
    }
}

// Every subcommand's --help prints its usage and touches nothing: before,
// `verify --help` ran the verification and created an archive.
TEST_F(CliTest, EverySubcommandsHelpPrintsUsageAndTouchesNothing)
{
    for (const QString& command : {QStringLiteral("verify"),
                                   QStringLiteral("backup"),
                                   QStringLiteral("status"),
                                   QStringLiteral("sync"),
                                   QStringLiteral("export"),
                                   QStringLiteral("search"),
                                   QStringLiteral("source")}) {
        for (const QString& flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
            CliRun help = run({command, flag});
            EXPECT_EQ(help.exitCode, 0) << command.toStdString();
            EXPECT_TRUE(help.out.contains(QStringLiteral("Usage:"))) << help.out.toStdString();
            EXPECT_TRUE(help.out.contains(QStringLiteral("  ") + command)) << help.out.toStdString();
            EXPECT_FALSE(QFile::exists(m_path)) << command.toStdString() << " " << flag.toStdString();
        }
    }
    CliRun sourceAddHelp = run({QStringLiteral("source"), QStringLiteral("add"), QStringLiteral("--help")});
    EXPECT_TRUE(sourceAddHelp.out.contains(QStringLiteral("--trust-fingerprint"))) << sourceAddHelp.out.toStdString();
    EXPECT_FALSE(QFile::exists(m_path));
}

// A mistyped --archive says so: only `source add` starts an archive, and
// nothing else leaves an empty one behind to report "0 messages" from.
TEST_F(CliTest, OnlySourceAddStartsAnArchive)
{
    for (const QStringList& command : {QStringList {QStringLiteral("status")},
                                       QStringList {QStringLiteral("search"), QStringLiteral("invoice")},
                                       QStringList {QStringLiteral("verify")},
                                       QStringList {QStringLiteral("sync")},
                                       QStringList {QStringLiteral("source"), QStringLiteral("list")}}) {
        CliRun missing = run(command);
        EXPECT_EQ(missing.exitCode, 1) << command.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(missing.err.contains(QStringLiteral("There is no archive at"))) << missing.err.toStdString();
        EXPECT_FALSE(QFile::exists(m_path)) << command.join(QLatin1Char(' ')).toStdString();
    }
}

TEST_F(CliTest, AFingerprintMustBeASha256AndNoEncryptionIsWarnedAbout)
{
    const auto add = [&](const QString& name, const QStringList& extra) {
        return run(QStringList {QStringLiteral("source"),
                                QStringLiteral("add"),
                                QStringLiteral("--name"),
                                name,
                                QStringLiteral("--host"),
                                QStringLiteral("127.0.0.1"),
                                QStringLiteral("--user"),
                                QStringLiteral("someone"),
                                QStringLiteral("--password-stdin")}
                       + extra,
                   "secret\n");
    };
    for (const QString& bad : {QStringLiteral("zz-not-hex"),
                               QStringLiteral("abcd"),
                               QString(63, QLatin1Char('a')),
                               QString(65, QLatin1Char('a'))}) {
        CliRun refused = add(QStringLiteral("Bad"), {QStringLiteral("--trust-fingerprint"), bad});
        EXPECT_EQ(refused.exitCode, 2) << bad.toStdString();
        EXPECT_TRUE(refused.err.contains(QStringLiteral("64 hexadecimal digits"))) << refused.err.toStdString();
    }
    CliRun listed = run({QStringLiteral("source"), QStringLiteral("list")});
    EXPECT_FALSE(listed.out.contains(QStringLiteral("Bad"))) << "nothing half-made";

    // Upper case with colons, as browsers show it, is the same fingerprint.
    QStringList pairs;
    for (int i = 0; i < 32; ++i) {
        pairs << QStringLiteral("AB");
    }
    CliRun pinned =
        add(QStringLiteral("Pinned"), {QStringLiteral("--trust-fingerprint"), pairs.join(QLatin1Char(':'))});
    EXPECT_EQ(pinned.exitCode, 0) << pinned.err.toStdString();
    EXPECT_FALSE(pinned.err.contains(QStringLiteral("clear text")));

    CliRun plain =
        add(QStringLiteral("Plain"),
            {QStringLiteral("--security"), QStringLiteral("none"), QStringLiteral("--port"), QStringLiteral("143")});
    EXPECT_EQ(plain.exitCode, 0) << plain.err.toStdString();
    EXPECT_TRUE(plain.err.contains(QStringLiteral("Warning: without encryption the password and the mail travel in "
                                                  "clear text")))
        << plain.err.toStdString();
}

TEST_F(CliTest, RefusesAPasswordOnTheCommandLine)
{
    CliRun refused = run({QStringLiteral("source"),
                          QStringLiteral("add"),
                          QStringLiteral("--name"),
                          QStringLiteral("Work"),
                          QStringLiteral("--host"),
                          QStringLiteral("h"),
                          QStringLiteral("--user"),
                          QStringLiteral("u"),
                          QStringLiteral("--password"),
                          QStringLiteral("visible")});
    EXPECT_EQ(refused.exitCode, 2);
    CliRun unknown = run({QStringLiteral("frobnicate")});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("unknown command")));
}

} // namespace

TEST_F(CliTest, SearchFindsByTheSearchLanguageAndSaysWhyAQueryIsWrong)
{
    fill(30);
    const QByteArray raw = QByteArrayLiteral("From: Zora Quill <zora@example.test>\r\nTo: a@example.test\r\n"
                                             "Subject: Quokka census\r\nMessage-ID: <census-1@example.test>\r\n"
                                             "Date: Thu, 02 May 2024 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                                             "Content-Type: text/plain; charset=utf-8\r\n\r\nCounting quokkas on "
                                             "Rottnest.\r\n");
    ASSERT_NO_FATAL_FAILURE(storeOne(raw));

    CliRun json = run({QStringLiteral("search"), QStringLiteral("quokka*"), QStringLiteral("--json")});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonArray results = QJsonDocument::fromJson(json.out.toUtf8()).array();
    ASSERT_EQ(results.size(), 1) << json.out.toStdString();
    const QJsonObject found = results.first().toObject();
    EXPECT_GT(found.value(QStringLiteral("id")).toInteger(), 30);
    EXPECT_EQ(found.value(QStringLiteral("sha256")).toString(),
              QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex()));
    EXPECT_EQ(found.value(QStringLiteral("message_id")).toString(), QStringLiteral("census-1@example.test"));
    EXPECT_EQ(found.value(QStringLiteral("date")).toString(), QStringLiteral("2024-05-02T09:00:00Z"));
    EXPECT_EQ(found.value(QStringLiteral("from")).toString(), QStringLiteral("Zora Quill <zora@example.test>"));
    EXPECT_EQ(found.value(QStringLiteral("subject")).toString(), QStringLiteral("Quokka census"));
    EXPECT_TRUE(found.value(QStringLiteral("snippet")).toString().contains(QStringLiteral("Counting quokkas")));
    const QJsonArray locations = found.value(QStringLiteral("locations")).toArray();
    ASSERT_EQ(locations.size(), 1);
    EXPECT_EQ(locations.first().toObject().value(QStringLiteral("source")).toString(), QStringLiteral("Work"));
    EXPECT_EQ(locations.first().toObject().value(QStringLiteral("folder")).toString(), QStringLiteral("INBOX"));

    // Several words on the command line are one query.
    CliRun text = run({QStringLiteral("search"), QStringLiteral("from:zora"), QStringLiteral("rottnest")});
    EXPECT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("Quokka census"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("1 message found."))) << text.out.toStdString();
    CliRun none = run({QStringLiteral("search"), QStringLiteral("quokka"), QStringLiteral("-census")});
    EXPECT_EQ(none.exitCode, 0);
    EXPECT_TRUE(none.out.contains(QStringLiteral("0 messages found."))) << none.out.toStdString();
    CliRun elsewhere = run({QStringLiteral("search"),
                            QStringLiteral("quokka"),
                            QStringLiteral("--json"),
                            QStringLiteral("--source"),
                            QStringLiteral("Work"),
                            QStringLiteral("--folder"),
                            QStringLiteral("Sent")});
    EXPECT_EQ(elsewhere.exitCode, 0) << elsewhere.err.toStdString();
    EXPECT_TRUE(QJsonDocument::fromJson(elsewhere.out.toUtf8()).array().isEmpty()) << elsewhere.out.toStdString();

    CliRun badDate = run({QStringLiteral("search"), QStringLiteral("before:someday")});
    EXPECT_EQ(badDate.exitCode, 2);
    EXPECT_TRUE(badDate.err.contains(QStringLiteral("needs a date like 2021-06-30"))) << badDate.err.toStdString();
    CliRun unbalanced = run({QStringLiteral("search"), QStringLiteral("(quokka")});
    EXPECT_EQ(unbalanced.exitCode, 2);
    EXPECT_FALSE(unbalanced.err.contains(QStringLiteral("fts5"), Qt::CaseInsensitive)) << unbalanced.err.toStdString();
    EXPECT_EQ(
        run({QStringLiteral("search"), QStringLiteral("quokka"), QStringLiteral("--source"), QStringLiteral("Nope")})
            .exitCode,
        2);
    EXPECT_EQ(run({QStringLiteral("search"), QStringLiteral("quokka"), QStringLiteral("--limit"), QStringLiteral("0")})
                  .exitCode,
              2);
}

TEST_F(CliTest, ShowGivesTheExactBytesTheTextAndTheViewersHtml)
{
    const QList<GeneratedMessage> messages = fill(30);
    // An HTML message: what --html prints is what the viewer shows, and
    // nothing in it can reach a server.
    const QByteArray html = QByteArrayLiteral("From: News <news@example.test>\r\nTo: a@example.test\r\n"
                                              "Subject: Offers\r\nDate: Thu, 02 May 2024 09:00:00 +0000\r\n"
                                              "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                                              "<p onclick=\"steal()\">Sale <b>today</b></p>"
                                              "<img src=\"http://tracker.example/p.gif\"><script>x()</script>\r\n");
    ASSERT_NO_FATAL_FAILURE(storeOne(html));

    // --raw by id: the archived bytes, exactly.
    QProcess raw;
    raw.start(
        QStringLiteral(OPENARCHIVER_CLI),
        {QStringLiteral("--archive"), m_path, QStringLiteral("show"), QStringLiteral("7"), QStringLiteral("--raw")});
    ASSERT_TRUE(raw.waitForFinished(60000));
    EXPECT_EQ(raw.exitCode(), 0) << raw.readAllStandardError().toStdString();
    const QByteArray rawBytes = raw.readAllStandardOutput();
    EXPECT_EQ(rawBytes, messages.at(6).raw);

    // By SHA-256 of the bytes: the same message.
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(messages.at(6).raw, QCryptographicHash::Sha256).toHex());
    const CliRun bySha = run({QStringLiteral("show"), sha});
    EXPECT_EQ(bySha.exitCode, 0) << bySha.err.toStdString();
    EXPECT_TRUE(bySha.out.contains(QStringLiteral("Message:  7"))) << bySha.out.toStdString();
    EXPECT_TRUE(bySha.out.contains(QStringLiteral("Found in: Work › INBOX (UID 7)"))) << bySha.out.toStdString();

    const CliRun text = run({QStringLiteral("show"), QStringLiteral("31"), QStringLiteral("--text")});
    EXPECT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("Sale today"))) << text.out.toStdString();

    const CliRun sanitized = run({QStringLiteral("show"), QStringLiteral("31"), QStringLiteral("--html")});
    EXPECT_EQ(sanitized.exitCode, 0) << sanitized.err.toStdString();
    EXPECT_TRUE(sanitized.out.contains(QStringLiteral("<b>today</b>"))) << sanitized.out.toStdString();
    for (const char* forbidden : {"onclick", "tracker.example", "<script", "x()"}) {
        EXPECT_FALSE(sanitized.out.contains(QLatin1String(forbidden)))
            << forbidden << " in " << sanitized.out.toStdString();
    }

    // Words, not a crash, for what does not exist or is not an id.
    const CliRun missing = run({QStringLiteral("show"), QStringLiteral("999")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("no message 999"))) << missing.err.toStdString();
    const CliRun bad = run({QStringLiteral("show"), QStringLiteral("inbox")});
    EXPECT_EQ(bad.exitCode, 2);
    const CliRun noHtml = run({QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--html")});
    EXPECT_EQ(noHtml.exitCode,
              messages.at(0).kind == GeneratedMessage::Kind::Alternative
                      || messages.at(0).kind == GeneratedMessage::Kind::AlternativeInline
                  ? 0
                  : 1);
}
