#include "DovecotServer.h"
#include "WaitUntil.h"
#include "archive/Archive.h"
#include "imap/CancelToken.h"
#include "sources/SourceRepository.h"
#include "sync/ConnectionTester.h"
#include "sync/SourceSync.h"
#include "values/RemoteFolder.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <memory>

namespace {

const QString WrongPassword = QStringLiteral("not-the-password");

// Logging in as the user's sources do, against a Dovecot that keeps its
// normal delay after a failed login (auth_failure_delay = 2 s, not the
// fixture's fastAuthFailures): a wrong password must be reported after one
// attempt, not after every login method vmime knows (15.7 s before).
class LoginTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_directory.isValid());
        QString error;
        ASSERT_TRUE(m_archive.open(&error)) << error.toStdString();
    }
    void TearDown() override { m_archive.closeConnection(); }

    bool startServer(const QString& password = QStringLiteral("testpass123"),
                     const QString& mechanisms = QStringLiteral("plain login"))
    {
        DovecotServer::Options options;
        options.users = {{QStringLiteral("test"), password}};
        options.authMechanisms = mechanisms;
        // What a real server does: a failure is answered after a delay.
        options.fastAuthFailures = false;
        m_server = std::make_unique<DovecotServer>(std::move(options));
        QString error;
        EXPECT_TRUE(m_server->start(&error)) << error.toStdString();
        return error.isEmpty();
    }

    IngestionSource source() const
    {
        IngestionSource source;
        source.name = QStringLiteral("Test");
        source.host = m_server->host();
        source.port = m_server->imapsPort();
        source.username = QStringLiteral("test");
        source.pinnedSha256 = QString::fromLatin1(m_server->serverFingerprint());
        return source;
    }

    IngestionSource addSource()
    {
        QString error;
        const auto added = SourceRepository(m_archive.connection()).add(source(), &error);
        EXPECT_TRUE(added.has_value()) << error.toStdString();
        return added.value_or(source());
    }

    // Dovecot logs every password it checked (auth_verbose): one attempt
    // means one line, whatever the machine's speed. Written before the
    // delayed answer leaves, so it is there once the client has it.
    qsizetype passwordChecks() const
    {
        return m_server->logTail(200).count(QStringLiteral("Password mismatch"), Qt::CaseInsensitive);
    }

    // Dovecot names the method of every successful login.
    bool loggedInWith(const QString& method) const
    {
        return waitUntil([&] { return m_server->logTail(200).contains(QStringLiteral("method=%1,").arg(method)); },
                         5000);
    }

    static ConnectionTestResult test(const IngestionSource& source, const QString& password)
    {
        return ConnectionTester::run(source, password, {}, std::make_shared<CancelToken>());
    }

    QTemporaryDir m_directory;
    Archive m_archive {m_directory.filePath(QStringLiteral("archive.sqlite"))};
    std::unique_ptr<DovecotServer> m_server;
};

// What the user reads after a wrong password: a sentence that says what to
// check, with no protocol in it; the server's own words are technical.
void expectWrongPasswordReport(const QString& message, const QString& technical)
{
    EXPECT_TRUE(message.startsWith(QStringLiteral("The server rejected the user name or password.")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("app password"))) << message.toStdString();
    // No command tag (vmime's "a003", our "OA1"), no response code.
    EXPECT_FALSE(message.contains(QRegularExpression(QStringLiteral("\\b[A-Za-z]{1,2}\\d{1,4}\\b"))))
        << message.toStdString();
    EXPECT_FALSE(message.contains(QLatin1Char('['))) << message.toStdString();
    EXPECT_FALSE(message.contains(QStringLiteral("AUTHENTICATIONFAILED"))) << message.toStdString();
    EXPECT_FALSE(message.contains(QStringLiteral("too many connections"))) << message.toStdString();
    // Dovecot's words, without the tag of the command they answered.
    EXPECT_TRUE(technical.contains(QStringLiteral("[AUTHENTICATIONFAILED] Authentication failed.")))
        << technical.toStdString();
    EXPECT_FALSE(technical.contains(QRegularExpression(QStringLiteral("\\ba\\d{3} NO\\b")))) << technical.toStdString();
    EXPECT_FALSE(technical.contains(WrongPassword)) << technical.toStdString();
}

TEST_F(LoginTest, AWrongPasswordEndsASyncPassWithinThreeSeconds)
{
    ASSERT_TRUE(startServer());
    SourceSync pass(m_archive, addSource(), WrongPassword);
    QElapsedTimer elapsed;
    elapsed.start();
    const SourceSync::Result result = pass.run();
    const qint64 ms = elapsed.elapsed();
    std::cout << "sync pass with a wrong password: " << ms << " ms\n";
    ASSERT_FALSE(result.ok);
    EXPECT_FALSE(result.cancelled);
    EXPECT_EQ(result.failure.kind, SyncFailure::Kind::Authentication);
    EXPECT_FALSE(result.failure.isTransient()) << "a wrong password does not fix itself";
    EXPECT_LT(ms, 3000) << "one rejected login, not one per login method";
    EXPECT_EQ(passwordChecks(), 1) << m_server->logTail().toStdString();
    expectWrongPasswordReport(result.failure.message, result.failure.technical);
}

TEST_F(LoginTest, AWrongPasswordEndsTheConnectionTestWithinThreeSeconds)
{
    ASSERT_TRUE(startServer());
    QElapsedTimer elapsed;
    elapsed.start();
    const ConnectionTestResult result = test(source(), WrongPassword);
    const qint64 ms = elapsed.elapsed();
    std::cout << "connection test with a wrong password: " << ms << " ms\n";
    ASSERT_FALSE(result.ok);
    EXPECT_LT(ms, 3000) << "one rejected login, not one per login method";
    EXPECT_EQ(passwordChecks(), 1) << m_server->logTail().toStdString();
    expectWrongPasswordReport(result.message, result.failure.technical);
    EXPECT_EQ(result.failure.kind, SyncFailure::Kind::Authentication) << "the dialog puts the cursor in the password";
    EXPECT_EQ(result.failure.message, result.message);
    EXPECT_TRUE(result.failure.certificate.isNull());
}

// A server that offers SASL LOGIN only gets that mechanism, once.
TEST_F(LoginTest, AServerWithoutPlainGetsSaslLoginOnce)
{
    ASSERT_TRUE(startServer(QStringLiteral(u"pässwort"), QStringLiteral("login")));
    const ConnectionTestResult right = test(source(), QStringLiteral(u"pässwort"));
    EXPECT_TRUE(right.ok) << right.message.toStdString() << " / " << right.failure.technical.toStdString();
    EXPECT_TRUE(loggedInWith(QStringLiteral("LOGIN"))) << m_server->logTail().toStdString();

    QElapsedTimer elapsed;
    elapsed.start();
    const ConnectionTestResult wrong = test(source(), WrongPassword);
    EXPECT_LT(elapsed.elapsed(), 3000);
    EXPECT_EQ(passwordChecks(), 1) << m_server->logTail().toStdString();
    expectWrongPasswordReport(wrong.message, wrong.failure.technical);
}

// Neither PLAIN nor LOGIN: a mechanism that works from the password alone.
TEST_F(LoginTest, AServerWithCramMd5OnlyGetsThatOnce)
{
    ASSERT_TRUE(startServer(QStringLiteral("testpass123"), QStringLiteral("cram-md5")));
    const ConnectionTestResult right = test(source(), QStringLiteral("testpass123"));
    EXPECT_TRUE(right.ok) << right.message.toStdString() << " / " << right.failure.technical.toStdString();
    EXPECT_TRUE(loggedInWith(QStringLiteral("CRAM-MD5"))) << m_server->logTail().toStdString();

    const ConnectionTestResult wrong = test(source(), WrongPassword);
    EXPECT_EQ(passwordChecks(), 1) << m_server->logTail().toStdString();
    expectWrongPasswordReport(wrong.message, wrong.failure.technical);
}

TEST_F(LoginTest, TheRightPasswordStillLogsInOverStartTls)
{
    ASSERT_TRUE(startServer());
    IngestionSource viaStartTls = source();
    viaStartTls.security = ConnectionSecurity::StartTls;
    viaStartTls.port = m_server->imapPort();
    const ConnectionTestResult result = test(viaStartTls, QStringLiteral("testpass123"));
    EXPECT_TRUE(result.ok) << result.message.toStdString() << " / " << result.failure.technical.toStdString();
    EXPECT_TRUE(result.failure.technical.isEmpty());
}

TEST_F(LoginTest, ANonAsciiPasswordLogsIn)
{
    // Umlauts, a euro sign, a CJK character and a quote: every byte of the
    // UTF-8 must arrive as it is.
    const QString password = QStringLiteral(u"Grüße-€-日本\"pw");
    ASSERT_TRUE(startServer(password));
    const ConnectionTestResult tested = test(source(), password);
    EXPECT_TRUE(tested.ok) << tested.message.toStdString() << " / " << tested.failure.technical.toStdString();
    // AUTHENTICATE PLAIN, which carries UTF-8 by definition (RFC 4616).
    EXPECT_TRUE(loggedInWith(QStringLiteral("PLAIN"))) << m_server->logTail().toStdString();

    SourceSync pass(m_archive, addSource(), password);
    const SourceSync::Result synced = pass.run();
    EXPECT_TRUE(synced.ok) << synced.failure.message.toStdString() << " / " << synced.failure.technical.toStdString();

    // And the same characters in another normalization are a different
    // password: nothing rewrites what the user typed.
    const ConnectionTestResult decomposed = test(source(), password.normalized(QString::NormalizationForm_D));
    EXPECT_FALSE(decomposed.ok);
}

// The connection test names what a sync can archive: folders that hold
// messages, not the containers a hierarchy needs.
TEST_F(LoginTest, TheConnectionTestCountsOnlySelectableFolders)
{
    ASSERT_TRUE(startServer());
    // "Projects/2024" without "Projects": Dovecot lists the parent as a
    // container that cannot be selected.
    QByteArray output;
    ASSERT_EQ(m_server->doveadm({QStringLiteral("mailbox"),
                                 QStringLiteral("create"),
                                 QStringLiteral("-u"),
                                 QStringLiteral("test"),
                                 QStringLiteral("Projects/2024")},
                                &output),
              0)
        << output.constData();

    const ConnectionTestResult result = test(source(), QStringLiteral("testpass123"));
    ASSERT_TRUE(result.ok) << result.message.toStdString();
    QStringList listed;
    for (const RemoteFolder& folder : result.folders) {
        listed << folder.path + QLatin1Char(' ') + folder.flags.join(QLatin1Char(' '));
    }
    const auto parent = std::find_if(result.folders.cbegin(), result.folders.cend(), [](const RemoteFolder& f) {
        return f.path == QLatin1String("Projects");
    });
    ASSERT_NE(parent, result.folders.cend()) << listed.join(QStringLiteral("; ")).toStdString();
    EXPECT_FALSE(parent->isSelectable()) << listed.join(QStringLiteral("; ")).toStdString();
    // INBOX, Sent, Archive, Trash, Junk and Projects/2024; not Projects.
    EXPECT_EQ(result.folders.size(), 7) << listed.join(QStringLiteral("; ")).toStdString();
    // Of those, All folders takes INBOX, Sent, Archive and Projects/2024.
    EXPECT_TRUE(result.message.contains(
        QStringLiteral("The server has 6 folders, 4 of them archived with All folders (not Trash and Junk)")))
        << result.message.toStdString();
}

} // namespace
