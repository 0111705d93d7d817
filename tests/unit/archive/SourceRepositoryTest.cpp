#include "TemporaryArchive.h"

#include "GeneratedMessage.h"
#include "sources/SourceRepository.h"

#include <gtest/gtest.h>

namespace {

IngestionSource workAccount()
{
    IngestionSource source;
    source.name = QStringLiteral("Work");
    source.providerId = QStringLiteral("fastmail");
    source.host = QStringLiteral("imap.fastmail.com");
    source.port = 993;
    source.username = QStringLiteral("jane@example.test");
    source.folderScope = IngestionSource::FolderScope::Chosen;
    source.chosenFolders = {QStringLiteral("INBOX"), QStringLiteral("Archive/Grüße & Co")};
    source.checkIntervalMinutes = 15;
    return source;
}

class SourceRepositoryTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString(); }

    SourceRepository repository() { return SourceRepository(m_archive.archive().connection()); }

    TemporaryArchive m_archive;
};

TEST_F(SourceRepositoryTest, StoresEveryFieldAndReadsItBack)
{
    QString error;
    const auto added = repository().add(workAccount(), &error);
    ASSERT_TRUE(added.has_value()) << error.toStdString();
    EXPECT_GT(added->id, 0);
    EXPECT_TRUE(added->createdAt.isValid());

    const auto found = repository().find(added->id);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->name, QStringLiteral("Work"));
    EXPECT_EQ(found->providerId, QStringLiteral("fastmail"));
    EXPECT_EQ(found->host, QStringLiteral("imap.fastmail.com"));
    EXPECT_EQ(found->port, 993);
    EXPECT_EQ(found->security, ConnectionSecurity::Tls);
    EXPECT_EQ(found->username, QStringLiteral("jane@example.test"));
    EXPECT_EQ(found->folderScope, IngestionSource::FolderScope::Chosen);
    EXPECT_EQ(found->chosenFolders, workAccount().chosenFolders);
    EXPECT_EQ(found->checkIntervalMinutes, 15);
    EXPECT_EQ(found->status, IngestionSource::Status::Importing);
    EXPECT_EQ(found->accountText(), QStringLiteral("jane@example.test@imap.fastmail.com"));
}

TEST_F(SourceRepositoryTest, RefusesADuplicateNameAndInvalidFields)
{
    QString error;
    ASSERT_TRUE(repository().add(workAccount(), &error).has_value()) << error.toStdString();
    IngestionSource same = workAccount();
    same.name = QStringLiteral("  Work ");
    EXPECT_FALSE(repository().add(same, &error).has_value());
    EXPECT_TRUE(error.contains(QStringLiteral("already exists"))) << error.toStdString();

    IngestionSource noHost = workAccount();
    noHost.name = QStringLiteral("Other");
    noHost.host.clear();
    EXPECT_FALSE(repository().add(noHost, &error).has_value());
    EXPECT_TRUE(error.contains(QStringLiteral("host"))) << error.toStdString();

    IngestionSource noPort = noHost;
    noPort.host = QStringLiteral("imap.example.test");
    noPort.port = 0;
    EXPECT_FALSE(repository().add(noPort, &error).has_value());
    EXPECT_TRUE(error.contains(QStringLiteral("65535"))) << error.toStdString();
}

TEST_F(SourceRepositoryTest, UpdatesStatusAndFields)
{
    QString error;
    auto source = repository().add(workAccount(), &error);
    ASSERT_TRUE(source.has_value()) << error.toStdString();
    ASSERT_TRUE(repository().setStatus(source->id,
                                       IngestionSource::Status::Error,
                                       QStringLiteral("Authentication failed"),
                                       SyncFailure::Kind::Other,
                                       &error));
    EXPECT_EQ(repository().find(source->id)->status, IngestionSource::Status::Error);
    EXPECT_EQ(repository().find(source->id)->lastError, QStringLiteral("Authentication failed"));

    source->security = ConnectionSecurity::StartTls;
    source->port = 143;
    source->pinnedSha256 = QStringLiteral("ab12");
    source->status = IngestionSource::Status::Active;
    source->lastError.clear();
    ASSERT_TRUE(repository().update(*source, &error)) << error.toStdString();
    const auto saved = repository().find(source->id);
    EXPECT_EQ(saved->security, ConnectionSecurity::StartTls);
    EXPECT_EQ(saved->port, 143);
    EXPECT_EQ(saved->pinnedSha256, QStringLiteral("ab12"));
    EXPECT_TRUE(saved->lastError.isEmpty());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ASSERT_TRUE(repository().markSynced(source->id, now, &error));
    EXPECT_EQ(repository().find(source->id)->lastSyncAt.toSecsSinceEpoch(), now.toSecsSinceEpoch());
}

TEST_F(SourceRepositoryTest, RemovingASourceKeepsItsMailAndFreesTheName)
{
    QString error;
    const auto source = repository().add(workAccount(), &error);
    ASSERT_TRUE(source.has_value()) << error.toStdString();
    MessageStore store = m_archive.archive().store();
    const qint64 folder = store.ensureFolder(source->id, "INBOX", QStringLiteral("INBOX"), QStringLiteral("/"), &error);
    ASSERT_GT(folder, 0) << error.toStdString();
    ASSERT_TRUE(m_archive.store(folder, {}));

    ASSERT_TRUE(repository().removeKeepingMail(source->id, &error)) << error.toStdString();
    EXPECT_TRUE(repository().list().isEmpty());
    EXPECT_FALSE(repository().find(source->id).has_value());
    EXPECT_EQ(m_archive.archive().reader().folders().size(), 1) << "the folder and its mail stay";
    EXPECT_TRUE(repository().add(workAccount(), &error).has_value()) << error.toStdString();
    EXPECT_EQ(repository().list().size(), 1);
}

TEST_F(SourceRepositoryTest, ListsByNameIgnoringCase)
{
    QString error;
    for (const char* name : {"work", "Home", "archive"}) {
        IngestionSource source = workAccount();
        source.name = QString::fromLatin1(name);
        ASSERT_TRUE(repository().add(source, &error).has_value()) << error.toStdString();
    }
    QStringList names;
    for (const IngestionSource& source : repository().list()) {
        names << source.name;
    }
    EXPECT_EQ(names, (QStringList {QStringLiteral("archive"), QStringLiteral("Home"), QStringLiteral("work")}));
}

} // namespace
