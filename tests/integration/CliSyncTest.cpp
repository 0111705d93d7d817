#include "CliRunner.h"
#include "DovecotTest.h"
#include "MailGenerator.h"
#include "MaildirWriter.h"
#include "archive/Archive.h"
#include "archive/ArchiveVerifier.h"
#include "archive/BlobCodec.h"
#include "values/CertificateInfo.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <csignal>
#include <iostream>

namespace {

// The import as a user runs it from a terminal: `openarchiver-cli sync`
// against a real Dovecot, with the password in the real keyring.
class CliSyncTest : public DovecotTest
{
protected:
    void SetUp() override
    {
        DovecotTest::SetUp();
        ASSERT_TRUE(m_directory.isValid());
        m_archivePath = m_directory.filePath(QStringLiteral("archive.sqlite"));
    }

    CliRun run(const QStringList& arguments, const QByteArray& input = {})
    {
        return runCli(m_archivePath, arguments, input);
    }

    CliRun addSource(const QByteArray& password, bool pin = true, const QString& folders = QStringLiteral("inbox"))
    {
        QStringList arguments {QStringLiteral("source"),
                               QStringLiteral("add"),
                               QStringLiteral("--name"),
                               QStringLiteral("Test"),
                               QStringLiteral("--host"),
                               server().host(),
                               QStringLiteral("--port"),
                               QString::number(server().imapsPort()),
                               QStringLiteral("--user"),
                               QStringLiteral("test"),
                               QStringLiteral("--folders"),
                               folders,
                               QStringLiteral("--password-stdin")};
        if (pin) {
            // The fixture's CA is private: the user trusts this certificate.
            arguments << QStringLiteral("--trust-fingerprint") << QString::fromLatin1(server().serverFingerprint());
        }
        return run(arguments, password + '\n');
    }

    QList<GeneratedMessage> deliver(int count, const QString& folder, quint64 seed)
    {
        MailGeneratorOptions options;
        options.seed = seed;
        options.attachmentScale = 0.03;
        const QList<GeneratedMessage> messages = MailGenerator(options).next(count, folder);
        MaildirWriter writer = server().maildirWriter(QStringLiteral("test"));
        QString error;
        for (const GeneratedMessage& message : messages) {
            EXPECT_TRUE(writer.write(message, &error)) << error.toStdString();
        }
        return messages;
    }

    QSet<QByteArray> archivedHashes()
    {
        QSet<QByteArray> hashes;
        Archive archive(m_archivePath);
        QString error;
        EXPECT_TRUE(archive.open(&error)) << error.toStdString();
        QSqlQuery query(archive.connection());
        query.exec(QStringLiteral("SELECT sha256 FROM blobs"));
        while (query.next()) {
            hashes.insert(query.value(0).toByteArray());
        }
        query.finish();
        archive.closeConnection();
        return hashes;
    }

    QString sourceStatus()
    {
        const CliRun listed = run({QStringLiteral("source"), QStringLiteral("list"), QStringLiteral("--json")});
        return QJsonDocument::fromJson(listed.out.toUtf8())
            .array()
            .first()
            .toObject()
            .value(QStringLiteral("status"))
            .toString();
    }

    QTemporaryDir m_directory;
    QString m_archivePath;
};

QSet<QByteArray> hashesOf(const QList<GeneratedMessage>& messages)
{
    QSet<QByteArray> hashes;
    for (const GeneratedMessage& message : messages) {
        hashes.insert(BlobCodec::sha256(message.raw));
    }
    return hashes;
}

TEST_F(CliSyncTest, ImportsEveryMessageExactlyThenOnlyWhatIsNew)
{
    const QList<GeneratedMessage> inbox = deliver(250, QStringLiteral("INBOX"), 71);
    deliver(20, QStringLiteral("Archive/2023"), 72); // out of the default scope
    ASSERT_EQ(addSource("testpass123").exitCode, 0);

    CliRun first = run({QStringLiteral("sync")});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.out.contains(QStringLiteral("250 new messages; server 250, archived 250")))
        << first.out.toStdString();
    EXPECT_TRUE(first.out.contains(QStringLiteral("complete")));
    EXPECT_EQ(archivedHashes(), hashesOf(inbox)) << "byte-identical, and nothing from other folders";
    EXPECT_EQ(sourceStatus(), QStringLiteral("active"));
    {
        // INTERNALDATE, read past vmime, is kept for every location.
        Archive archive(m_archivePath);
        QString error;
        ASSERT_TRUE(archive.open(&error));
        QSqlQuery query(archive.connection());
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT min(internal_date), max(internal_date), "
                                              "sum(internal_date IS NULL) FROM locations"))
                    && query.next());
        EXPECT_EQ(query.value(0).toLongLong(), inbox.first().internalDate.toSecsSinceEpoch());
        EXPECT_EQ(query.value(1).toLongLong(), inbox.last().internalDate.toSecsSinceEpoch());
        EXPECT_EQ(query.value(2).toInt(), 0);
        query.finish();
        archive.closeConnection();
    }

    CliRun unchanged = run({QStringLiteral("sync")});
    ASSERT_EQ(unchanged.exitCode, 0) << unchanged.err.toStdString();
    EXPECT_TRUE(unchanged.out.contains(QStringLiteral("0 new messages"))) << unchanged.out.toStdString();

    const QList<GeneratedMessage> later = deliver(7, QStringLiteral("INBOX"), 73);
    CliRun second = run({QStringLiteral("sync")});
    ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
    EXPECT_TRUE(second.out.contains(QStringLiteral("7 new messages; server 257, archived 257")))
        << second.out.toStdString();
    EXPECT_EQ(archivedHashes(), hashesOf(inbox) + hashesOf(later));
}

TEST_F(CliSyncTest, MailDeletedOnTheServerStaysArchived)
{
    const QList<GeneratedMessage> inbox = deliver(30, QStringLiteral("INBOX"), 74);
    ASSERT_EQ(addSource("testpass123").exitCode, 0);
    ASSERT_EQ(run({QStringLiteral("sync")}).exitCode, 0);

    QByteArray output;
    ASSERT_EQ(server().doveadm({QStringLiteral("expunge"),
                                QStringLiteral("-u"),
                                QStringLiteral("test"),
                                QStringLiteral("mailbox"),
                                QStringLiteral("INBOX"),
                                QStringLiteral("uid"),
                                QStringLiteral("1:10")},
                               &output),
              0)
        << output.constData();
    CliRun after = run({QStringLiteral("sync")});
    ASSERT_EQ(after.exitCode, 0) << after.err.toStdString();
    EXPECT_TRUE(after.out.contains(QStringLiteral("server 20, archived 20"))) << after.out.toStdString();
    EXPECT_EQ(archivedHashes(), hashesOf(inbox));

    // status shows the proof per folder; the deleted ten stay archived.
    CliRun status = run({QStringLiteral("status")});
    EXPECT_EQ(status.exitCode, 0);
    EXPECT_TRUE(status.out.contains(QStringLiteral("INBOX: server 20 · archived 30 · complete")))
        << status.out.toStdString();
    CliRun json = run({QStringLiteral("status"), QStringLiteral("--json")});
    const QJsonObject folder = QJsonDocument::fromJson(json.out.toUtf8())
                                   .object()
                                   .value(QStringLiteral("sources"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QStringLiteral("folders"))
                                   .toArray()
                                   .first()
                                   .toObject();
    EXPECT_EQ(folder.value(QStringLiteral("server")).toInt(), 20);
    EXPECT_EQ(folder.value(QStringLiteral("archivedOfServer")).toInt(), 20);
    EXPECT_TRUE(folder.value(QStringLiteral("complete")).toBool());
    Archive archive(m_archivePath);
    QString error;
    ASSERT_TRUE(archive.open(&error));
    QSqlQuery query(archive.connection());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*) FROM locations WHERE server_deleted_at IS NOT NULL"))
                && query.next());
    EXPECT_EQ(query.value(0).toInt(), 10);
    query.finish();
    archive.closeConnection();
}

// A new UIDVALIDITY renumbers the folder: nothing is stored twice, and
// every message archived before stays reachable, also those the server
// deleted before it renumbered (their old locations are kept in a retired
// copy of the folder). Before, the old locations were dropped and export
// held only what was still on the server.
TEST_F(CliSyncTest, UidValidityChangeStoresNothingTwiceAndForgetsNothing)
{
    const QList<GeneratedMessage> inbox = deliver(43, QStringLiteral("INBOX"), 75);
    ASSERT_EQ(addSource("testpass123").exitCode, 0);
    ASSERT_EQ(run({QStringLiteral("sync")}).exitCode, 0);

    QByteArray output;
    ASSERT_EQ(server().doveadm({QStringLiteral("expunge"),
                                QStringLiteral("-u"),
                                QStringLiteral("test"),
                                QStringLiteral("mailbox"),
                                QStringLiteral("INBOX"),
                                QStringLiteral("uid"),
                                QStringLiteral("5:7")},
                               &output),
              0)
        << output.constData();
    ASSERT_EQ(server().doveadm({QStringLiteral("mailbox"),
                                QStringLiteral("update"),
                                QStringLiteral("-u"),
                                QStringLiteral("test"),
                                QStringLiteral("--uid-validity"),
                                QStringLiteral("4242"),
                                QStringLiteral("INBOX")},
                               &output),
              0)
        << output.constData();
    CliRun after = run({QStringLiteral("sync")});
    ASSERT_EQ(after.exitCode, 0) << after.err.toStdString();
    EXPECT_TRUE(after.out.contains(QStringLiteral("0 new messages; server 40, archived 40 · complete")))
        << after.out.toStdString();
    EXPECT_EQ(archivedHashes(), hashesOf(inbox));

    {
        Archive archive(m_archivePath);
        QString error;
        ASSERT_TRUE(archive.open(&error));
        QSqlQuery query(archive.connection());
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT (SELECT count(*) FROM blobs), "
                                              "(SELECT count(*) FROM locations l JOIN folders f ON f.id = l.folder_id "
                                              "WHERE f.retired_at IS NULL), "
                                              "(SELECT count(*) FROM locations l JOIN folders f ON f.id = l.folder_id "
                                              "WHERE f.retired_at IS NOT NULL), "
                                              "(SELECT uidvalidity FROM folders WHERE retired_at IS NULL)"))
                    && query.next());
        EXPECT_EQ(query.value(0).toInt(), 43);
        EXPECT_EQ(query.value(1).toInt(), 40);
        EXPECT_EQ(query.value(2).toInt(), 43);
        EXPECT_EQ(query.value(3).toUInt(), 4242u);
        EXPECT_TRUE(ArchiveVerifier(archive.connection()).run().isClean());
        query.finish();
        archive.closeConnection();
    }

    // Export, status and a third pass all still reach the 43.
    const QString exportDir = m_directory.filePath(QStringLiteral("export"));
    CliRun exported = run({QStringLiteral("export"), QStringLiteral("--out"), exportDir});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    // 83 locations (43 kept from the old numbering, 40 of the new) are 43
    // messages in one folder: each written once.
    EXPECT_TRUE(exported.out.startsWith(QStringLiteral("Exported 43 messages ("))) << exported.out.toStdString();
    QSet<QByteArray> exportedHashes;
    QDirIterator files(exportDir, {QStringLiteral("*.eml")}, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        exportedHashes.insert(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    EXPECT_EQ(exportedHashes, hashesOf(inbox));
    CliRun status = run({QStringLiteral("status")});
    EXPECT_TRUE(status.out.contains(QStringLiteral("INBOX: server 40 · archived 40 · complete")))
        << status.out.toStdString();
    EXPECT_TRUE(status.out.contains(QStringLiteral("UIDVALIDITY"))) << status.out.toStdString();
    CliRun third = run({QStringLiteral("sync")});
    ASSERT_EQ(third.exitCode, 0) << third.err.toStdString();
    EXPECT_TRUE(third.out.contains(QStringLiteral("0 new messages; server 40, archived 40 · complete")))
        << third.out.toStdString();
}

// The import killed with SIGKILL at random moments, several times; each
// restart continues from the checkpoint. The final archive must hold every
// server message exactly once, byte for byte, and verify clean.
TEST_F(CliSyncTest, AnImportKilledAtRandomMomentsEndsExact)
{
    const QList<GeneratedMessage> inbox = deliver(4000, QStringLiteral("INBOX"), 78);
    ASSERT_EQ(addSource("testpass123").exitCode, 0);

    const quint32 seed = static_cast<quint32>(QDateTime::currentMSecsSinceEpoch());
    SCOPED_TRACE(::testing::Message() << "kill timing seed " << seed);
    QRandomGenerator random(seed);
    int kills = 0;
    for (int round = 0; round < 8; ++round) {
        QProcess cli;
        cli.start(QStringLiteral(OPENARCHIVER_CLI),
                  {QStringLiteral("--archive"), m_archivePath, QStringLiteral("sync")});
        ASSERT_TRUE(cli.waitForStarted());
        if (cli.waitForFinished(static_cast<int>(random.bounded(100, 450)))) {
            break; // it finished the whole import before the kill
        }
        ::kill(static_cast<pid_t>(cli.processId()), SIGKILL);
        cli.waitForFinished();
        ++kills;
    }
    EXPECT_GE(kills, 2) << "the import was too fast to be interrupted";

    const CliRun last = run({QStringLiteral("sync")});
    ASSERT_EQ(last.exitCode, 0) << last.err.toStdString() << "\nDovecot's log:\n" << server().logTail(30).toStdString();
    EXPECT_TRUE(last.out.contains(QStringLiteral("server 4000, archived 4000 · complete"))) << last.out.toStdString();
    EXPECT_EQ(archivedHashes(), hashesOf(inbox));

    Archive archive(m_archivePath);
    QString error;
    ASSERT_TRUE(archive.open(&error));
    QSqlQuery query(archive.connection());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*), count(DISTINCT uid) FROM locations")) && query.next());
    EXPECT_EQ(query.value(0).toInt(), 4000);
    EXPECT_EQ(query.value(1).toInt(), 4000);
    query.finish();
    const VerifyReport report = ArchiveVerifier(archive.connection()).run();
    EXPECT_TRUE(report.isClean()) << report.summary().toStdString();
    archive.closeConnection();
}

// `openarchiver-cli backup` while `openarchiver-cli sync` imports: each copy
// is the archive at one moment of the import, never a mix. Backups are taken
// one after the other for as long as the import runs, so at least one meets
// it mid-way however fast this machine is.
TEST_F(CliSyncTest, BackupsTakenDuringAnImportAreConsistentPrefixes)
{
    const QList<GeneratedMessage> inbox = deliver(4000, QStringLiteral("INBOX"), 84);
    const QSet<QByteArray> delivered = hashesOf(inbox);
    ASSERT_EQ(addSource("testpass123").exitCode, 0);

    QProcess sync;
    sync.start(QStringLiteral(OPENARCHIVER_CLI), {QStringLiteral("--archive"), m_archivePath, QStringLiteral("sync")});
    ASSERT_TRUE(sync.waitForStarted());
    QStringList copies;
    int takenMidway = 0;
    while (sync.state() != QProcess::NotRunning && copies.size() < 200) {
        const QString copy = m_directory.filePath(QStringLiteral("copy-%1.sqlite").arg(copies.size()));
        const bool syncRanBefore = sync.state() != QProcess::NotRunning;
        const CliRun backup = run({QStringLiteral("backup"), QStringLiteral("--to"), copy});
        ASSERT_EQ(backup.exitCode, 0) << backup.err.toStdString();
        EXPECT_TRUE(backup.out.startsWith(QStringLiteral("Backed up "))) << backup.out.toStdString();
        copies << copy;
        sync.waitForFinished(0); // takes note of an exit without waiting
        takenMidway += syncRanBefore && sync.state() != QProcess::NotRunning ? 1 : 0;
    }
    // (waitForFinished says false for a process that has ended already.)
    ASSERT_TRUE(sync.state() == QProcess::NotRunning || sync.waitForFinished(240000));
    ASSERT_EQ(sync.exitStatus(), QProcess::NormalExit);
    ASSERT_EQ(sync.exitCode(), 0) << sync.readAllStandardError().toStdString();
    EXPECT_GE(takenMidway, 1) << "no backup ran while the import did";

    int partial = 0;
    for (const QString& path : copies) {
        SCOPED_TRACE(path.toStdString());
        // Opened as the app would (it switches the copy to WAL; the copy is
        // ours to change).
        Archive copy(path);
        QString error;
        ASSERT_TRUE(copy.open(&error)) << error.toStdString();
        const VerifyReport report = ArchiveVerifier(copy.connection()).run();
        EXPECT_TRUE(report.isClean()) << report.summary().toStdString();
        QSqlQuery query(copy.connection());
        // The folder's checkpoint covers exactly what is stored: UIDs
        // 1..last_uid (Dovecot numbers the delivered mail from 1), no gap,
        // nothing beyond.
        // (A copy taken before the import created the folder has none.)
        ASSERT_TRUE(query.exec(QStringLiteral(
                        "SELECT coalesce((SELECT last_uid FROM folders WHERE path = 'INBOX'), 0), "
                        "(SELECT count(*) FROM locations), (SELECT coalesce(max(uid), 0) FROM locations), "
                        "(SELECT count(DISTINCT uid) FROM locations)"))
                    && query.next());
        const qint64 lastUid = query.value(0).toLongLong();
        EXPECT_EQ(query.value(1).toLongLong(), lastUid);
        EXPECT_EQ(query.value(2).toLongLong(), lastUid);
        EXPECT_EQ(query.value(3).toLongLong(), lastUid);
        query.finish();
        if (lastUid > 0 && lastUid < 4000) {
            ++partial;
        }
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT sha256 FROM blobs")));
        qint64 blobs = 0;
        while (query.next()) {
            ++blobs;
            EXPECT_TRUE(delivered.contains(query.value(0).toByteArray())) << "only delivered mail";
        }
        EXPECT_EQ(blobs, lastUid) << "every stored location has its message";
        query.finish();
        copy.closeConnection();
    }
    EXPECT_GE(partial, 1) << "at least one copy caught the import half way";
    std::cout << copies.size() << " backups, " << takenMidway << " while the import ran, " << partial
              << " holding part of it\n";
    EXPECT_EQ(archivedHashes(), delivered) << "the import itself went on undisturbed";
}

TEST_F(CliSyncTest, AllFoldersTakesNestedAndNonAsciiFoldersButNotTrashOrJunk)
{
    const QList<GeneratedMessage> inbox = deliver(5, QStringLiteral("INBOX"), 79);
    const QList<GeneratedMessage> umlauts = deliver(4, QStringLiteral("Archive/Grüße & Co"), 80);
    const QList<GeneratedMessage> nested = deliver(3, QStringLiteral("Projekte/Übersicht/2024"), 81);
    deliver(2, QStringLiteral("Trash"), 82);
    deliver(2, QStringLiteral("Junk"), 83);
    ASSERT_EQ(addSource("testpass123", true, QStringLiteral("all")).exitCode, 0);

    CliRun synced = run({QStringLiteral("sync")});
    ASSERT_EQ(synced.exitCode, 0) << synced.err.toStdString();
    EXPECT_EQ(archivedHashes(), hashesOf(inbox) + hashesOf(umlauts) + hashesOf(nested));
    CliRun status = run({QStringLiteral("status")});
    EXPECT_TRUE(status.out.contains(QStringLiteral("Archive/Grüße & Co: server 4 · archived 4 · complete")))
        << status.out.toStdString();
    EXPECT_TRUE(status.out.contains(QStringLiteral("Projekte/Übersicht/2024: server 3 · archived 3 · complete")))
        << status.out.toStdString();
    EXPECT_FALSE(status.out.contains(QStringLiteral("Trash")));
}

// "~" and "\\" are legal and common in folder names; with vmime's LIST a
// Dovecot folder "back~up" stopped the sync and every folder after it was
// never archived. Names now go back as the server's bytes, and each folder
// records the delimiter the server listed. Dovecot lists "~backup" but
// refuses to open it ("Invalid mailbox name: Begins with '~'"): that folder
// is named as failed, with the server's words, and the pass goes on.
TEST_F(CliSyncTest, OddFolderNamesAreArchivedAndOneFolderTheServerRefusesStopsNothing)
{
    const QList<GeneratedMessage> inbox = deliver(2, QStringLiteral("INBOX"), 90);
    const QList<GeneratedMessage> tilde = deliver(3, QStringLiteral("back~up"), 91);
    const QList<GeneratedMessage> backslash = deliver(2, QStringLiteral("Projects\\2024"), 92);
    deliver(2, QStringLiteral("~backup"), 93);
    const QList<GeneratedMessage> after = deliver(2, QStringLiteral("Zeta"), 94);
    ASSERT_EQ(addSource("testpass123", true, QStringLiteral("all")).exitCode, 0);

    CliRun synced = run({QStringLiteral("sync")});
    EXPECT_EQ(synced.exitCode, 1) << "a pass that left a folder out is no success";
    EXPECT_TRUE(synced.out.contains(QStringLiteral("9 new messages; server 9, archived 9 · incomplete")))
        << synced.out.toStdString();
    EXPECT_TRUE(synced.out.contains(QStringLiteral("~backup: could not be archived on this pass (The server refused "
                                                   "the command EXAMINE: [CANNOT] Invalid mailbox name")))
        << synced.out.toStdString();
    EXPECT_EQ(archivedHashes(), hashesOf(inbox) + hashesOf(tilde) + hashesOf(backslash) + hashesOf(after));
    CliRun status = run({QStringLiteral("status")});
    for (const QString& line : {QStringLiteral("back~up: server 3 · archived 3 · complete"),
                                QStringLiteral("Projects\\2024: server 2 · archived 2 · complete"),
                                QStringLiteral("~backup: server ? · archived 0 · could not be read on the last pass: "
                                               "The server refused the command EXAMINE"),
                                QStringLiteral("Zeta: server 2 · archived 2 · complete")}) {
        EXPECT_TRUE(status.out.contains(line)) << line.toStdString() << "\n" << status.out.toStdString();
    }
    // Not skipped as "unchanged" next time: the failed folder is tried again.
    CliRun again = run({QStringLiteral("sync")});
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.out.contains(QStringLiteral("~backup: could not be archived"))) << again.out.toStdString();

    Archive archive(m_archivePath);
    QString error;
    ASSERT_TRUE(archive.open(&error));
    QSqlQuery query(archive.connection());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*), count(DISTINCT delimiter), min(delimiter), "
                                          "sum(name = CAST('back~up' AS BLOB)) FROM folders"))
                && query.next());
    EXPECT_GE(query.value(0).toInt(), 5); // the fixture's own folders, these five, the refused one too
    EXPECT_EQ(query.value(1).toInt(), 1);
    EXPECT_EQ(query.value(2).toString(), QStringLiteral("/")); // as Dovecot's LIST says
    EXPECT_EQ(query.value(3).toInt(), 1);
    query.finish();
    archive.closeConnection();
}

TEST_F(CliSyncTest, AFiftyMegabyteMessageArrivesExactly)
{
    deliver(2, QStringLiteral("INBOX"), 84);
    GeneratedMessage big;
    big.folder = QStringLiteral("INBOX");
    big.internalDate = QDateTime(QDate(2024, 2, 2), QTime(9, 0), Qt::UTC);
    big.raw = QByteArrayLiteral("From: Scanner <scan@example.test>\r\nTo: test@example.test\r\n"
                                "Subject: Big scan\r\nDate: Fri, 2 Feb 2024 10:00:00 +0100\r\n"
                                "Message-ID: <big-scan@example.test>\r\nMIME-Version: 1.0\r\n"
                                "Content-Type: application/octet-stream; name=scan.bin\r\n"
                                "Content-Transfer-Encoding: base64\r\n\r\n");
    const QByteArray line = QByteArray(57, 'x').toBase64() + "\r\n";
    big.raw.reserve(52 * 1024 * 1024);
    while (big.raw.size() < 50 * 1024 * 1024) {
        big.raw += line;
    }
    QString error;
    ASSERT_TRUE(server().maildirWriter(QStringLiteral("test")).write(big, &error)) << error.toStdString();
    ASSERT_EQ(addSource("testpass123").exitCode, 0);

    CliRun synced = run({QStringLiteral("sync")});
    ASSERT_EQ(synced.exitCode, 0) << synced.err.toStdString();
    EXPECT_TRUE(archivedHashes().contains(BlobCodec::sha256(big.raw)));
    EXPECT_TRUE(synced.out.contains(QStringLiteral("server 3, archived 3"))) << synced.out.toStdString();
}

TEST_F(CliSyncTest, AWrongPasswordPutsTheSourceInErrorWithAHint)
{
    deliver(3, QStringLiteral("INBOX"), 76);
    ASSERT_EQ(addSource("not-the-password").exitCode, 0);
    CliRun failed = run({QStringLiteral("sync")});
    EXPECT_EQ(failed.exitCode, 1);
    EXPECT_TRUE(failed.err.contains(QStringLiteral("rejected the user name or password"))) << failed.err.toStdString();
    EXPECT_TRUE(failed.err.contains(QStringLiteral("app password")));
    // Dovecot's words on a line of their own, without the command's tag.
    EXPECT_TRUE(
        failed.err.contains(QStringLiteral("\n  Technical details: Authentication error. [AUTHENTICATIONFAILED]")))
        << failed.err.toStdString();
    EXPECT_EQ(sourceStatus(), QStringLiteral("error"));
}

TEST_F(CliSyncTest, AClosedPortIsReportedWithWhatToCheck)
{
    const quint16 closedPort = server().imapsPort();
    server().stop();
    QStringList arguments {QStringLiteral("source"),
                           QStringLiteral("add"),
                           QStringLiteral("--name"),
                           QStringLiteral("Closed"),
                           QStringLiteral("--host"),
                           QStringLiteral("127.0.0.1"),
                           QStringLiteral("--port"),
                           QString::number(closedPort),
                           QStringLiteral("--user"),
                           QStringLiteral("test"),
                           QStringLiteral("--password-stdin")};
    ASSERT_EQ(run(arguments, "testpass123\n").exitCode, 0);
    CliRun failed = run({QStringLiteral("sync")});
    EXPECT_EQ(failed.exitCode, 1);
    EXPECT_TRUE(failed.err.contains(QStringLiteral("refused"), Qt::CaseInsensitive)) << failed.err.toStdString();
    EXPECT_TRUE(failed.err.contains(QStringLiteral("Check the port"))) << failed.err.toStdString();
}

TEST_F(CliSyncTest, AnUntrustedCertificateIsRefusedWithItsFingerprint)
{
    deliver(3, QStringLiteral("INBOX"), 77);
    ASSERT_EQ(addSource("testpass123", false).exitCode, 0);
    CliRun failed = run({QStringLiteral("sync")});
    EXPECT_EQ(failed.exitCode, 1);
    CertificateInfo certificate;
    certificate.sha256 = server().serverFingerprint();
    // AB:CD:…, as the dialogs, Details and `source list` show it.
    EXPECT_TRUE(failed.err.contains(certificate.formattedFingerprint())) << failed.err.toStdString();
    EXPECT_TRUE(archivedHashes().isEmpty()) << "nothing may be fetched over an untrusted connection";
}

// `source list` shows the trusted fingerprint the way the dialogs do, in text
// and in JSON; `--trust-fingerprint` took it in lowercase without colons.
TEST_F(CliSyncTest, SourceListShowsTheTrustedFingerprint)
{
    ASSERT_EQ(addSource("testpass123", true).exitCode, 0);
    CertificateInfo certificate;
    certificate.sha256 = server().serverFingerprint();
    const QString formatted = certificate.formattedFingerprint();
    ASSERT_EQ(formatted.size(), 95);
    const CliRun text = run({QStringLiteral("source"), QStringLiteral("list")});
    EXPECT_TRUE(text.out.contains(QStringLiteral("SHA-256 ") + formatted)) << text.out.toStdString();
    const CliRun json = run({QStringLiteral("source"), QStringLiteral("list"), QStringLiteral("--json")});
    const QJsonObject listed = QJsonDocument::fromJson(json.out.toUtf8()).array().first().toObject();
    EXPECT_EQ(listed.value(QStringLiteral("pinnedFingerprint")).toString(), formatted) << json.out.toStdString();
}

} // namespace
