#include "DovecotServer.h"
#include "ImapTestClient.h"
#include "MailGenerator.h"
#include "MaildirWriter.h"
#include "archive/Archive.h"
#include "archive/ArchiveDatabase.h"
#include "archive/ArchiveVerifier.h"
#include "archive/MessageStore.h"
#include "sources/SourceRepository.h"
#include "sync/SourceSync.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace {

// Failures a user must understand, each against the real server: what the
// app says, and whether it tries again by itself.
class SyncErrorTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_directory.isValid());
        QString error;
        ASSERT_TRUE(m_archive.open(&error)) << error.toStdString();
    }
    void TearDown() override { m_archive.closeConnection(); }

    bool startServer(DovecotServer::Options options = {})
    {
        m_server = std::make_unique<DovecotServer>(std::move(options));
        QString error;
        EXPECT_TRUE(m_server->start(&error)) << error.toStdString();
        return error.isEmpty();
    }

    IngestionSource addSource()
    {
        IngestionSource source;
        source.name = QStringLiteral("Test");
        source.host = m_server->host();
        source.port = m_server->imapsPort();
        source.username = QStringLiteral("test");
        source.pinnedSha256 = QString::fromLatin1(m_server->serverFingerprint());
        QString error;
        const auto added = SourceRepository(m_archive.connection()).add(source, &error);
        EXPECT_TRUE(added.has_value()) << error.toStdString();
        return added.value_or(source);
    }

    SourceSync::Result sync(const IngestionSource& source)
    {
        SourceSync pass(m_archive, source, m_server->password(QStringLiteral("test")));
        return pass.run();
    }

    QTemporaryDir m_directory;
    Archive m_archive {m_directory.filePath(QStringLiteral("archive.sqlite"))};
    std::unique_ptr<DovecotServer> m_server;
};

TEST_F(SyncErrorTest, TooManyConnectionsIsToldApartFromAWrongPasswordAndRetried)
{
    DovecotServer::Options options;
    options.maxConnectionsPerUserAndIp = 1;
    ASSERT_TRUE(startServer(options));
    // Another mail app holds the only connection the server allows.
    ImapTestClient other(m_server->host(), m_server->imapsPort(), m_server->caCertificatePath());
    QString error;
    ASSERT_TRUE(other.connect(QStringLiteral("test"), m_server->password(QStringLiteral("test")), &error))
        << error.toStdString();

    const SourceSync::Result result = sync(addSource());
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.failure.message.contains(QStringLiteral("too many connections open")))
        << result.failure.message.toStdString();
    EXPECT_FALSE(result.failure.message.contains(QStringLiteral("app password")))
        << result.failure.message.toStdString();
    // Dovecot's own words are on the technical line, not in the sentence.
    EXPECT_FALSE(result.failure.message.contains(QStringLiteral("[UNAVAILABLE]")))
        << result.failure.message.toStdString();
    EXPECT_TRUE(result.failure.technical.contains(QStringLiteral("Maximum number of connections")))
        << result.failure.technical.toStdString();
    EXPECT_EQ(result.failure.kind, SyncFailure::Kind::ServerBusy);
    EXPECT_TRUE(result.failure.isTransient()) << "connections close by themselves: worth retrying";
    other.disconnect();
}

TEST_F(SyncErrorTest, AFullDiskSaysSoAndLosesNothing)
{
    ASSERT_TRUE(startServer());
    MailGeneratorOptions generator;
    generator.seed = 601;
    generator.attachmentScale = 0.5;
    MaildirWriter writer = m_server->maildirWriter(QStringLiteral("test"));
    for (const GeneratedMessage& message : MailGenerator(generator).next(300, QStringLiteral("INBOX"))) {
        QString error;
        ASSERT_TRUE(writer.write(message, &error)) << error.toStdString();
    }
    const IngestionSource source = addSource();
    // SQLite's own quota on the connections the pass opens: about a
    // megabyte more than the empty archive, far less than the mail.
    QSqlQuery query(m_archive.connection());
    ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA page_count")) && query.next());
    const qint64 pages = query.value(0).toLongLong();
    query.finish();
    ArchiveDatabase::limitPagesOfNewConnections(m_archive.path(), pages + 256);

    const SourceSync::Result result = sync(source);
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.failure.kind, SyncFailure::Kind::DiskFull);
    EXPECT_FALSE(result.failure.isTransient()) << "a full disk needs the user";
    EXPECT_TRUE(result.failure.message.contains(QStringLiteral("disk that holds the archive is full")))
        << result.failure.message.toStdString();

    // What was stored is whole: every stored batch with its checkpoint.
    EXPECT_TRUE(ArchiveVerifier(m_archive.connection()).run().isClean());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*), coalesce(max(uid), 0), "
                                          "(SELECT last_uid FROM folders) FROM locations"))
                && query.next());
    EXPECT_EQ(query.value(1).toLongLong(), query.value(2).toLongLong())
        << "the checkpoint covers exactly what is stored";
    EXPECT_LT(query.value(0).toLongLong(), 300);
    query.finish();

    // Space again: the next pass completes from the checkpoint.
    ArchiveDatabase::limitPagesOfNewConnections(m_archive.path(), 0);
    const SourceSync::Result after = sync(source);
    EXPECT_TRUE(after.ok) << after.failure.message.toStdString();
    EXPECT_EQ(after.counts.archivedMessages, 300);
}

} // namespace
