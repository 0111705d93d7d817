#include "DovecotTest.h"
#include "ImapTestClient.h"
#include "MailGenerator.h"
#include "MaildirWriter.h"
#include "TestCertificates.h"

#include <QTcpSocket>
#include <QTemporaryDir>

namespace {

// A quick, small mix: the shapes of the real one with tiny attachments.
MailGeneratorOptions smallMail(quint64 seed)
{
    MailGeneratorOptions options;
    options.seed = seed;
    options.attachmentScale = 0.02;
    return options;
}

class DovecotSmokeTest : public DovecotTest
{
};

TEST_F(DovecotSmokeTest, ConnectsOverImplicitTlsListsFoldersAndCountsMessages)
{
    MailGenerator generator(smallMail(7));
    MaildirWriter writer = server().maildirWriter(QStringLiteral("test"));
    QString error;
    for (int i = 0; i < 25; ++i) {
        ASSERT_TRUE(writer.write(generator.next(QStringLiteral("INBOX")), &error)) << error.toStdString();
    }
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(writer.write(generator.next(QStringLiteral("Archive/2023")), &error)) << error.toStdString();
    }

    ImapTestClient client(server().host(), server().imapsPort(), server().caCertificatePath());
    ASSERT_TRUE(client.connect(QStringLiteral("test"), server().password(QStringLiteral("test")), &error))
        << error.toStdString();

    const QStringList folders = client.folders(&error);
    ASSERT_FALSE(folders.isEmpty()) << error.toStdString();
    EXPECT_EQ(folders.first(), QStringLiteral("INBOX"));
    for (const char* expected : {"Sent", "Archive", "Archive/2023", "Trash", "Junk"}) {
        EXPECT_TRUE(folders.contains(QString::fromLatin1(expected)))
            << expected << " missing from " << folders.join(QStringLiteral(", ")).toStdString();
    }
    EXPECT_EQ(client.messageCount(QStringLiteral("INBOX"), &error), 25) << error.toStdString();
    EXPECT_EQ(client.messageCount(QStringLiteral("Archive/2023"), &error), 3) << error.toStdString();
    EXPECT_EQ(client.messageCount(QStringLiteral("Sent"), &error), 0) << error.toStdString();
}

TEST_F(DovecotSmokeTest, ServesNonAsciiFolderNamesWrittenToDisk)
{
    MailGenerator generator(smallMail(8));
    MaildirWriter writer = server().maildirWriter(QStringLiteral("test"));
    QString error;
    const QString nonAscii = QStringLiteral("Archive/Grüße & Co");
    const QString nested = QStringLiteral("Projekte/Übersicht/2024");
    ASSERT_TRUE(writer.write(generator.next(nonAscii), &error)) << error.toStdString();
    ASSERT_TRUE(writer.write(generator.next(nested), &error)) << error.toStdString();

    ImapTestClient client(server().host(), server().imapsPort(), server().caCertificatePath());
    ASSERT_TRUE(client.connect(QStringLiteral("test"), server().password(QStringLiteral("test")), &error))
        << error.toStdString();
    const QStringList folders = client.folders(&error);
    EXPECT_TRUE(folders.contains(nonAscii)) << folders.join(QStringLiteral(", ")).toStdString();
    EXPECT_TRUE(folders.contains(nested)) << folders.join(QStringLiteral(", ")).toStdString();
    EXPECT_EQ(client.messageCount(nonAscii, &error), 1) << error.toStdString();
}

TEST_F(DovecotSmokeTest, ServesTheExactBytesWrittenToTheMaildir)
{
    MailGenerator generator(smallMail(9));
    MaildirWriter writer = server().maildirWriter(QStringLiteral("test"));
    QList<GeneratedMessage> messages;
    QString error;
    for (int i = 0; i < 5; ++i) {
        messages << generator.next();
        ASSERT_TRUE(writer.write(messages.last(), &error)) << error.toStdString();
    }
    ImapTestClient client(server().host(), server().imapsPort(), server().caCertificatePath());
    ASSERT_TRUE(client.connect(QStringLiteral("test"), server().password(QStringLiteral("test")), &error))
        << error.toStdString();
    for (int i = 0; i < messages.size(); ++i) {
        EXPECT_EQ(client.fetchRaw(QStringLiteral("INBOX"), i + 1, &error), messages[i].raw)
            << "message " << i + 1 << ": " << error.toStdString();
    }
}

TEST_F(DovecotSmokeTest, RejectsAWrongPassword)
{
    ImapTestClient client(server().host(), server().imapsPort(), server().caCertificatePath());
    QString error;
    EXPECT_FALSE(client.connect(QStringLiteral("test"), QStringLiteral("not-the-password"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("authentication"), Qt::CaseInsensitive)) << error.toStdString();
}

TEST_F(DovecotSmokeTest, RefusesAClientThatTrustsAnotherAuthority)
{
    // Proves the test client really checks the chain, so a passing
    // connection above means the fixture's CA and certificate are right.
    QTemporaryDir otherDirectory;
    ASSERT_TRUE(otherDirectory.isValid());
    TestCertificates other(otherDirectory.path());
    QString error;
    ASSERT_TRUE(other.createAuthority(&error)) << error.toStdString();

    ImapTestClient client(server().host(), server().imapsPort(), other.authorityPath());
    EXPECT_FALSE(client.connect(QStringLiteral("test"), server().password(QStringLiteral("test")), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("certificate"), Qt::CaseInsensitive)) << error.toStdString();
}

TEST_F(DovecotSmokeTest, ListensOnLoopbackOnlyAndFreesItsPortWhenStopped)
{
    const quint16 port = server().imapsPort();
    const qint64 pid = server().processId();
    ASSERT_GT(pid, 0);

    QByteArray config;
    ASSERT_EQ(server().doveadm({QStringLiteral("config"), QStringLiteral("-n")}, &config), 0) << config.constData();
    EXPECT_TRUE(config.contains("listen = 127.0.0.1")) << config.constData();

    server().stop();
    EXPECT_FALSE(server().isRunning());
    QTcpSocket probe;
    probe.connectToHost(QHostAddress(QStringLiteral("127.0.0.1")), port);
    EXPECT_FALSE(probe.waitForConnected(1000)) << "something still listens on " << port;
}

TEST(DovecotServerStart, ReportsWhyWhenDovecotIsMissing)
{
    qputenv("OPENARCHIVER_DOVECOT", "/nonexistent/dovecot");
    DovecotServer server;
    QString error;
    const bool started = server.start(&error);
    qunsetenv("OPENARCHIVER_DOVECOT");
    EXPECT_FALSE(started);
    EXPECT_TRUE(error.contains(QStringLiteral("/nonexistent/dovecot"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("dovecot-imapd"))) << error.toStdString();
}

} // namespace
