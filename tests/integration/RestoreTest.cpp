// Restore against a real Dovecot: archived mail goes back onto a second
// user's account byte for byte, with its flags and INTERNALDATE, into the
// folders it came from or one chosen; stopped or run again, it never
// creates a duplicate.
#include "CliRunner.h"
#include "DovecotTest.h"
#include "MailGenerator.h"
#include "TemporaryArchive.h"
#include "imap/CancelToken.h"
#include "imap/ImapConnector.h"
#include "imap/ImapSession.h"
#include "restore/ImapWriter.h"
#include "restore/MessageRestore.h"

#include <QCryptographicHash>
#include <QMap>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace {

const QString RestoreUser = QStringLiteral("restore");
const QString RestorePassword = QStringLiteral("restore-pass-456");

struct ServerMessage
{
    QByteArray sha256;
    QStringList flags;
    QDateTime internalDate;
};

class RestoreTest : public DovecotTest
{
protected:
    void SetUp() override
    {
        DovecotTest::SetUp();
        QString error;
        ASSERT_TRUE(server().setUser(RestoreUser, RestorePassword, &error)) << error.toStdString();
        ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString();
    }

    // `count` messages in Work › `folder`, with flags of every kind on
    // some: \Seen, \Flagged, \Answered, a keyword, and \Deleted (which a
    // restore must not carry: the message would be expunged).
    void archive(const QString& folder, int count, quint64 seed)
    {
        const qint64 folderId = m_archive.folder(QStringLiteral("Work"), folder);
        QList<GeneratedMessage> messages = MailGenerator::smallMessages(count, seed);
        for (int i = 0; i < messages.size(); ++i) {
            messages[i].seen = i % 2 == 0;
        }
        ASSERT_TRUE(m_archive.store(folderId, messages)) << m_archive.error().toStdString();
        QSqlQuery query(m_archive.archive().connection());
        ASSERT_TRUE(query.exec(QStringLiteral("UPDATE locations SET flags = flags || ' \\Flagged $Forwarded' "
                                              "WHERE folder_id = %1 AND uid % 3 = 0")
                                   .arg(folderId)));
        ASSERT_TRUE(query.exec(QStringLiteral("UPDATE locations SET flags = trim(flags || ' \\Answered \\Deleted') "
                                              "WHERE folder_id = %1 AND uid % 5 = 0")
                                   .arg(folderId)));
    }

    RestoreRequest request() const
    {
        RestoreRequest request;
        request.target.host = server().host();
        request.target.port = server().imapsPort();
        request.target.security = ConnectionSecurity::Tls;
        request.target.username = RestoreUser;
        request.password = RestorePassword;
        request.extraCaFile = server().caCertificatePath();
        return request;
    }

    // What the archive holds, by SHA-256: the flags and date a restore must give.
    QMap<QByteArray, ServerMessage> archived()
    {
        QMap<QByteArray, ServerMessage> result;
        QSqlQuery query(m_archive.archive().connection());
        EXPECT_TRUE(
            query.exec(QStringLiteral("SELECT lower(hex(b.sha256)), l.flags, l.internal_date FROM messages m "
                                      "JOIN blobs b ON b.id = m.blob_id JOIN locations l ON l.message_id = m.id")));
        while (query.next()) {
            ServerMessage message;
            message.sha256 = query.value(0).toByteArray();
            message.flags = ImapWriter::appendableFlags(query.value(1).toString().split(u' ', Qt::SkipEmptyParts));
            message.flags.sort();
            message.internalDate = QDateTime::fromSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC);
            result.insert(message.sha256, message);
        }
        return result;
    }

    // What the restore user's folder holds, read with BODY.PEEK[].
    QList<ServerMessage> onServer(const QString& folder)
    {
        QList<ServerMessage> messages;
        try {
            TlsPolicy policy;
            policy.extraCaCertificates = QSslCertificate::fromPath(server().caCertificatePath());
            ImapConnector connector(policy, std::make_shared<CancelToken>());
            const std::unique_ptr<ImapSession> session =
                connector.openSession(server().host(), server().imapsPort(), RestoreUser, RestorePassword);
            session->examine(folder);
            const QList<quint32> uids = session->uidsFrom(1);
            for (qsizetype start = 0; start < uids.size(); start += 100) {
                for (const FetchedMessage& fetched : session->fetch(uids.mid(start, 100))) {
                    ServerMessage message;
                    message.sha256 = QCryptographicHash::hash(fetched.raw, QCryptographicHash::Sha256).toHex();
                    message.flags = fetched.flags;
                    message.flags.removeAll(QStringLiteral("\\Recent"));
                    message.flags.sort();
                    message.internalDate = fetched.internalDate;
                    messages << message;
                }
            }
        } catch (const std::exception& e) {
            ADD_FAILURE() << folder.toStdString() << ": " << e.what();
        }
        return messages;
    }

    TemporaryArchive m_archive;
};

} // namespace

TEST(RestoreNames, FoldersKeepTheirLevelsOnAnotherServer)
{
    EXPECT_EQ(MessageRestore::mailboxName(QStringLiteral("Projects/2019"), u'/', u'.'), QByteArray("Projects.2019"));
    EXPECT_EQ(MessageRestore::mailboxName(QStringLiteral("a.b/c"), u'/', u'.'), QByteArray("a_b.c"))
        << "a level's own dot does not make a new level";
    EXPECT_EQ(MessageRestore::mailboxName(QStringLiteral("Entwürfe"), u'/', u'/'), QByteArray("Entw&APw-rfe"));
    EXPECT_EQ(MessageRestore::mailboxName(QString(), u'/', u'/'), QByteArray("INBOX"));
    EXPECT_EQ(MessageRestore::mailboxName(QStringLiteral("x/y"), QChar(), u'/'), QByteArray("x_y"))
        << "a flat name stays one level";
}

TEST(RestoreFlags, OnlyWhatAnAppendMayCarry)
{
    EXPECT_EQ(ImapWriter::appendableFlags({QStringLiteral("\\Seen"),
                                           QStringLiteral("\\Deleted"),
                                           QStringLiteral("\\Recent"),
                                           QStringLiteral("\\flagged"),
                                           QStringLiteral("$Forwarded"),
                                           QStringLiteral("bad(keyword"),
                                           QStringLiteral("\\Seen")}),
              (QStringList {QStringLiteral("\\Seen"), QStringLiteral("\\Flagged"), QStringLiteral("$Forwarded")}));
    EXPECT_EQ(ImapWriter::internalDateText(QDateTime(QDate(2019, 3, 5), QTime(14, 23, 7), Qt::UTC)),
              QByteArray("05-Mar-2019 14:23:07 +0000"));
}

TEST(RestoreIdentity, FoldingAndLineEndsDoNotChangeAMessagesKey)
{
    const QByteArray folded = "Message-ID:\r\n <a@b>\r\nDate: Tue, 5 Mar 2019\r\n 14:23:00 +0000\r\n\r\nbody\r\n";
    const QByteArray key = ImapWriter::identityKeyOf(folded);
    EXPECT_EQ(key, ImapWriter::identityKey("<a@b>", "Tue, 5 Mar 2019 14:23:00 +0000", folded.size()));
    EXPECT_TRUE(ImapWriter::identityKeyOf("Subject: no id, no date\r\n\r\nbody").isEmpty())
        << "a size alone says nothing";
    EXPECT_TRUE(ImapWriter::identityKeyOf("Subject: x\r\n\r\nMessage-ID: <in@body>\r\n").isEmpty())
        << "a Message-ID in the body is not the message's";
}

// The round trip: every message byte-identical on the server (the
// SHA-256 of BODY.PEEK[]), with its flags and INTERNALDATE, in the folder
// it came from, the missing folder created; APPENDs pipelined.
TEST_F(RestoreTest, KeepsBytesFlagsDatesAndFolders)
{
    archive(QStringLiteral("INBOX"), 40, 301);
    archive(QStringLiteral("Projects/2019"), 25, 302);
    RestoreRequest request = this->request();
    request.keepFolders = true;
    const RestoreResult result = MessageRestore(m_archive.path(), request).run();
    ASSERT_TRUE(result.succeeded()) << result.summary(request.target).toStdString();
    EXPECT_EQ(result.total, 65);
    EXPECT_EQ(result.appended, 65);
    EXPECT_EQ(result.alreadyThere, 0);
    EXPECT_TRUE(result.pipelined) << "Dovecot offers LITERAL+";
    EXPECT_EQ(result.foldersCreated, QStringList {QStringLiteral("Projects/2019")});

    const QMap<QByteArray, ServerMessage> expected = archived();
    int compared = 0;
    for (const QString& folder : {QStringLiteral("INBOX"), QStringLiteral("Projects/2019")}) {
        const QList<ServerMessage> messages = onServer(folder);
        EXPECT_EQ(messages.size(), folder == QStringLiteral("INBOX") ? 40 : 25) << folder.toStdString();
        for (const ServerMessage& message : messages) {
            ASSERT_TRUE(expected.contains(message.sha256)) << "bytes changed in " << folder.toStdString();
            const ServerMessage& want = expected.value(message.sha256);
            EXPECT_EQ(message.flags, want.flags) << message.flags.join(u' ').toStdString();
            EXPECT_EQ(message.internalDate, want.internalDate);
            ++compared;
        }
    }
    EXPECT_EQ(compared, 65);
    EXPECT_TRUE(result.summary(request.target).startsWith(QStringLiteral("Restored 65 messages")))
        << result.summary(request.target).toStdString();
}

// Stopped at several points — politely, and by dropping the connection with
// APPENDs on the wire — then run again: every message once, never twice.
// With one message an APPEND (pipelined) and with MULTIAPPEND batches.
TEST_F(RestoreTest, StoppedOrRunAgainItCreatesNoDuplicates)
{
    archive(QStringLiteral("INBOX"), 120, 303);
    for (const int batch : {1, 7}) {
        SCOPED_TRACE(batch);
        RestoreRequest request = this->request();
        request.folder = QStringLiteral("Restored/In batches of %1").arg(batch);
        const auto restore = [&](const MessageRestore::Progress& progress, std::shared_ptr<CancelToken> token = {}) {
            MessageRestore run(m_archive.path(), request);
            run.setBatchMessages(batch);
            return run.run(progress, std::move(token));
        };
        for (const int stopAt : {7, 33}) {
            const RestoreResult stopped = restore([stopAt](qint64 done, qint64, qint64) { return done < stopAt; });
            EXPECT_TRUE(stopped.cancelled);
            EXPECT_GE(stopped.appended + stopped.alreadyThere, stopAt);
            EXPECT_LT(stopped.appended + stopped.alreadyThere, 120);
        }
        {
            auto token = std::make_shared<CancelToken>();
            const RestoreResult dropped = restore(
                [&token](qint64 done, qint64, qint64) {
                    if (done >= 61) {
                        token->cancel(); // the connection goes with answers outstanding
                    }
                    return true;
                },
                token);
            EXPECT_TRUE(dropped.cancelled || dropped.failure) << dropped.summary(request.target).toStdString();
        }
        const RestoreResult rest = restore({});
        ASSERT_TRUE(rest.succeeded()) << rest.summary(request.target).toStdString();
        EXPECT_GE(rest.alreadyThere, 61);
        EXPECT_EQ(rest.appended + rest.alreadyThere, 120);

        const QList<ServerMessage> messages = onServer(request.folder);
        QSet<QByteArray> distinct;
        for (const ServerMessage& message : messages) {
            distinct.insert(message.sha256);
        }
        EXPECT_EQ(messages.size(), 120) << "no duplicates";
        EXPECT_EQ(distinct.size(), 120);

        const RestoreResult again = restore({});
        EXPECT_EQ(again.appended, 0);
        EXPECT_EQ(again.alreadyThere, 120);
        EXPECT_TRUE(again.summary(request.target)
                        .startsWith(QStringLiteral("Nothing to restore: all 120 messages are in the folder already.")))
            << again.summary(request.target).toStdString();
        EXPECT_EQ(onServer(request.folder).size(), 120);
    }
}

TEST_F(RestoreTest, AWrongPasswordSaysSoAndSendsNothing)
{
    archive(QStringLiteral("INBOX"), 5, 304);
    RestoreRequest request = this->request();
    request.password = QStringLiteral("not-it");
    const RestoreResult result = MessageRestore(m_archive.path(), request).run();
    ASSERT_TRUE(result.failure.has_value());
    EXPECT_EQ(result.failure->kind, SyncFailure::Kind::Authentication);
    EXPECT_EQ(result.appended, 0);
    EXPECT_TRUE(result.summary(request.target).startsWith(QStringLiteral("Restore stopped:")))
        << result.summary(request.target).toStdString();
}

// The command line, as a script would call it, twice.
TEST_F(RestoreTest, TheCommandRestoresASearchAndRunsAgainSafely)
{
    archive(QStringLiteral("INBOX"), 30, 305);
    const QStringList arguments {QStringLiteral("restore"),
                                 QStringLiteral("--host"),
                                 server().host(),
                                 QStringLiteral("--port"),
                                 QString::number(server().imapsPort()),
                                 QStringLiteral("--user"),
                                 RestoreUser,
                                 QStringLiteral("--password-stdin"),
                                 QStringLiteral("--trust-fingerprint"),
                                 QString::fromLatin1(server().serverFingerprint()),
                                 QStringLiteral("--to-folder"),
                                 QStringLiteral("From the archive"),
                                 QStringLiteral("--source"),
                                 QStringLiteral("Work")};
    const QByteArray password = RestorePassword.toUtf8() + '\n';
    const CliRun first = runCli(m_archive.path(), arguments, password);
    EXPECT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.out.contains(QStringLiteral("Restored 30 messages"))) << first.out.toStdString();
    EXPECT_TRUE(first.out.contains(QStringLiteral("Created the folder \"From the archive\"")))
        << first.out.toStdString();
    const CliRun second = runCli(m_archive.path(), arguments, password);
    EXPECT_EQ(second.exitCode, 0) << second.err.toStdString();
    EXPECT_TRUE(second.out.contains(QStringLiteral("Nothing to restore: all 30 messages are in the folder already.")))
        << second.out.toStdString();
    EXPECT_EQ(onServer(QStringLiteral("From the archive")).size(), 30);

    const CliRun bad = runCli(m_archive.path(), {QStringLiteral("restore"), QStringLiteral("--keep-folders")});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("--to NAME"))) << bad.err.toStdString();
}
