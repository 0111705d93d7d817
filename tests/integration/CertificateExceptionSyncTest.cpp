#include "DovecotTest.h"
#include "MailGenerator.h"
#include "MaildirWriter.h"
#include "archive/Archive.h"
#include "sources/CertificateExceptions.h"
#include "sources/SourceRepository.h"
#include "sync/SourceSync.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

// Trust kept per server, against the real Dovecot and its certificate from a
// private CA (no extra CA file here: the system does not trust it). What the
// sync reads is what SyncManager and the CLI give it: the source as stored.
class CertificateExceptionSyncTest : public DovecotTest
{
protected:
    void SetUp() override
    {
        DovecotTest::SetUp();
        ASSERT_TRUE(m_directory.isValid());
        QString error;
        ASSERT_TRUE(m_archive.open(&error)) << error.toStdString();
        MailGeneratorOptions options;
        options.seed = 8;
        MaildirWriter writer = server().maildirWriter(QStringLiteral("test"));
        for (const GeneratedMessage& message : MailGenerator(options).next(3, QStringLiteral("INBOX"))) {
            ASSERT_TRUE(writer.write(message, &error)) << error.toStdString();
        }
    }
    void TearDown() override
    {
        m_archive.closeConnection();
        DovecotTest::TearDown();
    }

    qint64 addSource(const QString& name)
    {
        IngestionSource source;
        source.name = name;
        source.host = server().host();
        source.port = server().imapsPort();
        source.username = QStringLiteral("test");
        QString error;
        const auto added = SourceRepository(m_archive.connection()).add(source, &error);
        EXPECT_TRUE(added.has_value()) << error.toStdString();
        return added ? added->id : 0;
    }

    SourceSync::Result sync(qint64 id)
    {
        const auto source = SourceRepository(m_archive.connection()).find(id);
        EXPECT_TRUE(source.has_value());
        SourceSync pass(m_archive, source.value_or(IngestionSource {}), server().password(QStringLiteral("test")));
        return pass.run();
    }

    QTemporaryDir m_directory;
    Archive m_archive {m_directory.filePath(QStringLiteral("archive.sqlite"))};
};

TEST_F(CertificateExceptionSyncTest, ASecondSourceOnTheServerIsNotAskedAgainUntilTheTrustIsRemoved)
{
    const qint64 first = addSource(QStringLiteral("First"));
    const SourceSync::Result untrusted = sync(first);
    ASSERT_FALSE(untrusted.ok);
    ASSERT_FALSE(untrusted.failure.certificate.isNull()) << untrusted.failure.message.toStdString();
    EXPECT_EQ(untrusted.failure.kind, SyncFailure::Kind::Certificate);
    EXPECT_EQ(untrusted.failure.certificate.sha256, server().serverFingerprint());
    // The fingerprint is shown as everywhere else: AB:CD:…
    EXPECT_TRUE(untrusted.failure.message.contains(untrusted.failure.certificate.formattedFingerprint()))
        << untrusted.failure.message.toStdString();
    EXPECT_TRUE(untrusted.failure.certificate.formattedFingerprint().contains(QLatin1Char(':')));

    // The user trusts what the first source was shown, for its server.
    QString error;
    CertificateExceptions exceptions(m_archive.connection());
    ASSERT_TRUE(exceptions.add(server().host(), server().imapsPort(), untrusted.failure.certificate, &error))
        << error.toStdString();
    const SourceSync::Result firstAgain = sync(first);
    EXPECT_TRUE(firstAgain.ok) << firstAgain.failure.message.toStdString();

    // A second source on the same host and port connects without asking.
    const qint64 second = addSource(QStringLiteral("Second"));
    const SourceSync::Result secondResult = sync(second);
    EXPECT_TRUE(secondResult.ok) << secondResult.failure.message.toStdString();
    EXPECT_TRUE(secondResult.failure.certificate.isNull());
    EXPECT_EQ(secondResult.counts.foldersChecked, 1);

    // Removing the exception: the next sync is refused as untrusted again.
    ASSERT_TRUE(exceptions.remove(server().host(), server().imapsPort(), &error)) << error.toStdString();
    const SourceSync::Result refused = sync(second);
    EXPECT_FALSE(refused.ok);
    EXPECT_FALSE(refused.failure.isTransient()) << "the user must act";
    EXPECT_EQ(refused.failure.certificate.sha256, server().serverFingerprint())
        << refused.failure.message.toStdString();
    EXPECT_FALSE(sync(first).ok);
}

// A pin a source brought from before format 8 (or the CLI's
// --trust-fingerprint) still works, and goes with its server's trust.
TEST_F(CertificateExceptionSyncTest, ASourcesOwnPinWorksAndGoesWhenTheServersTrustIsRemoved)
{
    const qint64 id = addSource(QStringLiteral("Pinned"));
    auto source = SourceRepository(m_archive.connection()).find(id);
    ASSERT_TRUE(source.has_value());
    source->pinnedSha256 = QString::fromLatin1(server().serverFingerprint());
    QString error;
    ASSERT_TRUE(SourceRepository(m_archive.connection()).update(*source, &error)) << error.toStdString();
    const SourceSync::Result pinned = sync(id);
    EXPECT_TRUE(pinned.ok) << pinned.failure.message.toStdString();

    ASSERT_TRUE(CertificateExceptions(m_archive.connection()).remove(server().host(), server().imapsPort(), &error));
    const SourceSync::Result refused = sync(id);
    EXPECT_FALSE(refused.ok);
    EXPECT_FALSE(refused.failure.certificate.isNull()) << refused.failure.message.toStdString();
}

} // namespace
