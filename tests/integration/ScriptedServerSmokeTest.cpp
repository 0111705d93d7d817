#include "ScriptedImapDefaults.h"
#include "ScriptedImapServer.h"
#include "ScriptedReply.h"
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
class ScriptedServerSmokeTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_directory.isValid());
        QString error;
        ASSERT_TRUE(m_archive.open(&error)) << error.toStdString();
    }
    void TearDown() override { m_archive.closeConnection(); }

    static QByteArray message(const QByteArray& folder, quint32 uid)
    {
        const QByteArray id = QByteArray::number(uid) + '.' + folder.toLower().replace('/', '-');
        return "From: Alice Example <alice@example.org>\r\n"
               "To: Bob Example <bob@example.net>\r\n"
               "Subject: Report "
            + id
            + "\r\n"
              "Date: Sat, 17 Jul 2021 02:44:25 +0000\r\n"
              "Message-ID: <scripted-"
            + id
            + "@example.org>\r\n"
              "MIME-Version: 1.0\r\n"
              "Content-Type: text/plain; charset=UTF-8\r\n"
              "\r\n"
              "Hello Bob,\r\n"
              "\r\n"
              "the figures for "
            + id + " are attached in spirit.\r\n";
    }

    static ScriptedFolder folder(const QByteArray& name, quint32 count, const QByteArray& attributes)
    {
        ScriptedFolder folder;
        folder.name = name;
        folder.attributes = attributes;
        folder.uidValidity = 1626489865;
        for (quint32 uid = 1; uid <= count; ++uid) {
            folder.messages << ScriptedMessage {uid, message(name, uid)};
        }
        return folder;
    }

    bool startServer(ScriptedImapServer::Security security, const QList<ScriptedFolder>& folders)
    {
        m_server = std::make_unique<ScriptedImapServer>(security);
        m_server->setFolders(folders);
        QString error;
        EXPECT_TRUE(m_server->start(&error)) << error.toStdString();
        return error.isEmpty();
    }

    IngestionSource addSource(ConnectionSecurity security)
    {
        IngestionSource source;
        source.name = QStringLiteral("Scripted");
        source.host = m_server->host();
        source.port = m_server->port();
        source.security = security;
        source.username = QStringLiteral("test");
        source.folderScope = IngestionSource::FolderScope::AllFolders;
        QString error;
        const auto added = SourceRepository(m_archive.connection()).add(source, &error);
        EXPECT_TRUE(added.has_value()) << error.toStdString();
        return added.value_or(source);
    }

    SourceSync::Result sync(const IngestionSource& source)
    {
        SourceSync pass(m_archive, source, QStringLiteral("testpass123"));
        if (!m_server->caCertificatePath().isEmpty()) {
            pass.setExtraCaCertificatesFile(m_server->caCertificatePath());
        }
        return pass.run();
    }

    // Folder path -> the UIDs the archive holds there.
    QMap<QString, QList<quint32>> storedUids()
    {
        QMap<QString, QList<quint32>> stored;
        QSqlQuery query(m_archive.connection());
        EXPECT_TRUE(query.exec(QStringLiteral("SELECT f.path, l.uid FROM locations l "
                                              "JOIN folders f ON f.id = l.folder_id ORDER BY f.path, l.uid")));
        while (query.next()) {
            stored[query.value(0).toString()] << query.value(1).toUInt();
        }
        return stored;
    }

    // What the client sent, for failure messages.
    std::string transcript() const
    {
        return "\nThe client sent:\n" + m_server->receivedCommands().join('\n').toStdString();
    }

    void importsOverTls(ScriptedImapServer::Security security, ConnectionSecurity clientSecurity);

    qsizetype bodyFetches() const
    {
        qsizetype count = 0;
        for (const QByteArray& line : m_server->receivedCommands()) {
            count += line.contains("UID FETCH") && line.contains("BODY.PEEK[]") ? 1 : 0;
        }
        return count;
    }

    QTemporaryDir m_directory;
    Archive m_archive {m_directory.filePath(QStringLiteral("archive.sqlite"))};
    std::unique_ptr<ScriptedImapServer> m_server;
};

// Answers a body FETCH the way the default does, for the messages `keep`
// lets through: the server says OK although it left some out.
ScriptedImapServer::Handler fetchKeeping(std::function<bool(quint32)> keep)
{
    return [keep = std::move(keep)](const ScriptedCommand& command, ScriptedReply& reply) {
        const QByteArray set = command.arguments.value(0);
        const QByteArray items = command.arguments.value(1);
        if (!items.toUpper().contains("BODY")) {
            reply.defaultAnswer(); // the size pass is answered in full
            return;
        }
        const ScriptedFolder* folder = reply.selected();
        for (qsizetype i = 0; folder != nullptr && i < folder->messages.size(); ++i) {
            const ScriptedMessage& message = folder->messages.at(i);
            if (ScriptedImapDefaults::inSequenceSet(set, message.uid, ScriptedImapDefaults::highestUid(*folder))
                && keep(message.uid)) {
                reply.send(ScriptedImapServer::fetchItem(*folder, message, static_cast<int>(i + 1), items));
            }
        }
        reply.ok("Fetch completed");
    };
}

TEST_F(ScriptedServerSmokeTest, PlainImportsEveryFolderThenNothingNew)
{
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain,
                            {folder("INBOX", 5, "\\HasNoChildren"),
                             folder("Archive", 2, "\\HasChildren"),
                             folder("Archive/2023", 1, "\\HasNoChildren")}));
    const IngestionSource source = addSource(ConnectionSecurity::None);

    const SourceSync::Result first = sync(source);
    ASSERT_TRUE(first.ok) << first.error.toStdString() << transcript();
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
    ASSERT_TRUE(second.ok) << second.error.toStdString();
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
    ASSERT_TRUE(result.ok) << result.error.toStdString() << transcript();
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

TEST_F(ScriptedServerSmokeTest, AMessageTheServerLeavesOutOfFetchIsNotStored)
{
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, {folder("INBOX", 5, "\\HasNoChildren")}));
    m_server->setHandler("UID FETCH", fetchKeeping([](quint32 uid) { return uid != 3; }));

    sync(addSource(ConnectionSecurity::None));
    // What today's engine makes of it (the data-loss bug another change
    // fixes): the pass reports ok, with counts.serverMessages 5,
    // archivedMessages 4 and refetched 1 (UID 3 is asked for once more and
    // withheld again). The checkpoint still moves past it (last_uid 5,
    // server_count 5), so the next pass, even against an honest server,
    // finds the folder unchanged, skips it, reports archivedMessages 5 and
    // never fetches UID 3. Only what must hold either way is asserted.
    EXPECT_EQ(storedUids().value(QStringLiteral("INBOX")), QList<quint32>({1, 2, 4, 5}));
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
    EXPECT_FALSE(broken.error.isEmpty());
    EXPECT_TRUE(broken.transient) << broken.error.toStdString();
    EXPECT_TRUE(storedUids().isEmpty()) << "half a message is never stored";

    m_server->setHandler("UID FETCH", {});
    const SourceSync::Result after = sync(source);
    ASSERT_TRUE(after.ok) << after.error.toStdString();
    EXPECT_EQ(storedUids().value(QStringLiteral("INBOX")), QList<quint32>({1, 2, 3, 4, 5}));
    EXPECT_EQ(after.counts.archivedMessages, 5);
}

} // namespace
