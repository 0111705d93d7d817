#include "ScriptedSyncTest.h"
#include "archive/Archive.h"
#include "sources/SourceRepository.h"
#include "sync/SourceSync.h"

#include <QMap>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>

namespace {

// The real sync engine against ScriptedImapServer: first that it imports
// from the server's default answers (so a test that changes one answer
// tests exactly that change), then one example of each kind of override.
class ScriptedServerSmokeTest : public ScriptedSyncTest
{
protected:
    void importsOverTls(ScriptedImapServer::Security security, ConnectionSecurity clientSecurity);
};

TEST_F(ScriptedServerSmokeTest, PlainImportsEveryFolderThenNothingNew)
{
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain,
                            {folder("INBOX", 5, "\\HasNoChildren"),
                             folder("Archive", 2, "\\HasChildren"),
                             folder("Archive/2023", 1, "\\HasNoChildren")}));
    const IngestionSource source = addSource(ConnectionSecurity::None);

    const SourceSync::Result first = sync(source);
    ASSERT_TRUE(first.ok) << first.failure.message.toStdString() << transcript();
    EXPECT_EQ(first.counts.foldersChecked, 3);
    EXPECT_EQ(first.counts.newMessages, 8);
    EXPECT_EQ(first.counts.serverMessages, 8);
    EXPECT_EQ(first.counts.archivedMessages, 8);
    const QMap<QString, QList<quint32>> expected {{QStringLiteral("INBOX"), {1, 2, 3, 4, 5}},
                                                  {QStringLiteral("Archive"), {1, 2}},
                                                  {QStringLiteral("Archive/2023"), {1}}};
    EXPECT_EQ(storedUids(), expected);

    const qsizetype fetchesBefore = bodyFetches();
    const SourceSync::Result second = sync(source);
    ASSERT_TRUE(second.ok) << second.failure.message.toStdString();
    EXPECT_EQ(second.counts.newMessages, 0);
    EXPECT_EQ(second.counts.duplicates, 0);
    EXPECT_EQ(second.counts.archivedMessages, 8);
    EXPECT_EQ(storedUids(), expected);
    EXPECT_EQ(bodyFetches(), fetchesBefore) << "unchanged folders cost no body FETCH";
    EXPECT_EQ(m_server->connectionCount(), 2);
}

// Both TLS modes: the client trusts the server's test CA and logs in only
// over TLS. The LOGIN handler wraps the default answer to look.
void ScriptedServerSmokeTest::importsOverTls(ScriptedImapServer::Security security, ConnectionSecurity clientSecurity)
{
    ASSERT_TRUE(startServer(security, {folder("INBOX", 3, "\\HasNoChildren")}));
    ASSERT_FALSE(m_server->caCertificatePath().isEmpty());
    // Shared with the handler, which the server keeps after this returns.
    const auto encryptedLogins = std::make_shared<std::atomic<int>>(0);
    const auto plainLogins = std::make_shared<std::atomic<int>>(0);
    m_server->setHandler("LOGIN", [=](const ScriptedCommand&, ScriptedReply& reply) {
        ++*(reply.isEncrypted() ? encryptedLogins : plainLogins);
        reply.defaultAnswer();
    });

    const SourceSync::Result result = sync(addSource(clientSecurity));
    ASSERT_TRUE(result.ok) << result.failure.message.toStdString() << transcript();
    EXPECT_EQ(result.counts.newMessages, 3);
    EXPECT_EQ(storedUids().value(QStringLiteral("INBOX")), QList<quint32>({1, 2, 3}));
    EXPECT_EQ(*encryptedLogins, 1);
    EXPECT_EQ(*plainLogins, 0);
}

TEST_F(ScriptedServerSmokeTest, TlsImportsWithTheTestCaTrusted)
{
    importsOverTls(ScriptedImapServer::Security::Tls, ConnectionSecurity::Tls);
}

TEST_F(ScriptedServerSmokeTest, StartTlsImportsWithTheTestCaTrusted)
{
    importsOverTls(ScriptedImapServer::Security::StartTls, ConnectionSecurity::StartTls);
    const QList<QByteArray> commands = m_server->receivedCommands();
    ASSERT_FALSE(commands.isEmpty());
    EXPECT_TRUE(commands.first().endsWith(" STARTTLS")) << commands.first().toStdString();
}

TEST_F(ScriptedServerSmokeTest, AConnectionDroppedMidFetchFailsThePassAndTheNextOneCompletes)
{
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, {folder("INBOX", 5, "\\HasNoChildren")}));
    m_server->setHandler("UID FETCH", [](const ScriptedCommand& command, ScriptedReply& reply) {
        const QByteArray items = command.arguments.value(1);
        if (!items.toUpper().contains("BODY")) {
            reply.defaultAnswer();
            return;
        }
        // Half of the first message, then the connection is gone.
        const ScriptedFolder* folder = reply.selected();
        const QByteArray first = ScriptedImapServer::fetchItem(*folder, folder->messages.first(), 1, items);
        reply.send(first.left(first.size() / 2));
        reply.close();
    });
    const IngestionSource source = addSource(ConnectionSecurity::None);

    const SourceSync::Result broken = sync(source);
    EXPECT_FALSE(broken.ok);
    EXPECT_FALSE(broken.failure.message.isEmpty());
    EXPECT_TRUE(broken.failure.isTransient()) << broken.failure.message.toStdString();
    EXPECT_TRUE(storedUids().isEmpty()) << "half a message is never stored";

    m_server->setHandler("UID FETCH", {});
    const SourceSync::Result after = sync(source);
    ASSERT_TRUE(after.ok) << after.failure.message.toStdString();
    EXPECT_EQ(storedUids().value(QStringLiteral("INBOX")), QList<quint32>({1, 2, 3, 4, 5}));
    EXPECT_EQ(after.counts.archivedMessages, 5);
}

} // namespace
