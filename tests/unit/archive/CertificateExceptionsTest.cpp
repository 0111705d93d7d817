#include "RawArchiveConnection.h"
#include "TemporaryArchive.h"

#include "archive/ArchiveSchema.h"
#include "sources/CertificateExceptions.h"
#include "sources/SourceRepository.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <gtest/gtest.h>

namespace {

const QByteArray ShaA = QByteArray(64, 'a');
const QByteArray ShaB = QByteArray("0123456789abcdef").repeated(4);

CertificateInfo certificate(const QByteArray& sha256)
{
    CertificateInfo info;
    info.subject = QStringLiteral("CN=mail.example.test");
    info.issuer = QStringLiteral("CN=Example Test CA");
    info.validFrom = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    info.validUntil = QDateTime(QDate(2027, 1, 1), QTime(0, 0), QTimeZone::utc());
    info.sha256 = sha256;
    return info;
}

IngestionSource sourceOn(const QString& name, const QString& host, quint16 port)
{
    IngestionSource source;
    source.name = name;
    source.providerId = QStringLiteral("generic");
    source.host = host;
    source.port = port;
    source.username = QStringLiteral("jane");
    return source;
}

class CertificateExceptionsTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString(); }

    CertificateExceptions exceptions() { return CertificateExceptions(m_archive.archive().connection()); }
    SourceRepository repository() { return SourceRepository(m_archive.archive().connection()); }

    TemporaryArchive m_archive;
};

TEST_F(CertificateExceptionsTest, KeepsOneExceptionPerHostAndPortWithWhatToShow)
{
    QString error;
    ASSERT_TRUE(exceptions().add(QStringLiteral(" Mail.Example.TEST "), 993, certificate(ShaA), &error))
        << error.toStdString();
    const auto found = exceptions().find(QStringLiteral("mail.example.test"), 993);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->server(), QStringLiteral("mail.example.test:993"));
    EXPECT_EQ(found->certificate.sha256, ShaA);
    EXPECT_EQ(found->certificate.subject, QStringLiteral("CN=mail.example.test"));
    EXPECT_EQ(found->certificate.issuer, QStringLiteral("CN=Example Test CA"));
    EXPECT_EQ(found->certificate.validUntil, certificate(ShaA).validUntil);
    EXPECT_LE(std::abs(found->addedAt.secsTo(QDateTime::currentDateTimeUtc())), 5);

    EXPECT_FALSE(exceptions().find(QStringLiteral("mail.example.test"), 143).has_value()) << "another port";
    EXPECT_FALSE(exceptions().find(QStringLiteral("other.example.test"), 993).has_value()) << "another host";

    // A renewed certificate replaces the old one; colons and case do not matter.
    CertificateInfo renewed = certificate(ShaB);
    renewed.sha256 = CertificateInfo(certificate(ShaB)).formattedFingerprint().toLatin1();
    ASSERT_TRUE(exceptions().add(QStringLiteral("mail.example.test"), 993, renewed, &error)) << error.toStdString();
    ASSERT_TRUE(exceptions().add(QStringLiteral("mail.example.test"), 143, certificate(ShaA), &error));
    const QList<CertificateException> all = exceptions().list();
    ASSERT_EQ(all.size(), 2);
    EXPECT_EQ(all.at(0).port, 143);
    EXPECT_EQ(all.at(1).certificate.sha256, ShaB);

    EXPECT_FALSE(exceptions().add(QString(), 993, certificate(ShaA), &error));
    EXPECT_FALSE(exceptions().add(QStringLiteral("x.test"), 993, CertificateInfo {}, &error));
}

TEST_F(CertificateExceptionsTest, EverySourceOnTheServerTrustsItsExceptionUntilItIsRemoved)
{
    QString error;
    auto first = repository().add(sourceOn(QStringLiteral("First"), QStringLiteral("mail.example.test"), 993), &error);
    auto second =
        repository().add(sourceOn(QStringLiteral("Second"), QStringLiteral("MAIL.example.test"), 993), &error);
    auto elsewhere =
        repository().add(sourceOn(QStringLiteral("Other"), QStringLiteral("mail.example.test"), 994), &error);
    ASSERT_TRUE(first && second && elsewhere) << error.toStdString();
    // The GUI asks with exceptions it read earlier: the same answer.
    const auto trusted = [this](const IngestionSource& source) {
        const QByteArray answer = exceptions().trustedSha256For(source);
        EXPECT_EQ(CertificateExceptions::trustedSha256For(source, exceptions().list()), answer) << "from list()";
        return answer;
    };
    EXPECT_TRUE(trusted(*second).isEmpty());

    ASSERT_TRUE(exceptions().add(first->host, first->port, certificate(ShaA), &error)) << error.toStdString();
    EXPECT_EQ(trusted(*first), ShaA);
    EXPECT_EQ(trusted(*second), ShaA) << "same server, not asked again";
    EXPECT_TRUE(trusted(*elsewhere).isEmpty()) << "another port is another server";

    // A source's own pin (set before exceptions, or by the CLI) counts where
    // its server has no exception; removing the server's trust removes it too.
    second->pinnedSha256 = QString::fromLatin1(ShaB);
    elsewhere->pinnedSha256 = QString::fromLatin1(ShaB);
    ASSERT_TRUE(repository().update(*second, &error)) << error.toStdString();
    ASSERT_TRUE(repository().update(*elsewhere, &error)) << error.toStdString();
    EXPECT_EQ(trusted(*repository().find(second->id)), ShaA) << "the exception comes first";
    EXPECT_EQ(trusted(*repository().find(elsewhere->id)), ShaB);
    ASSERT_TRUE(exceptions().remove(QStringLiteral("Mail.Example.Test"), 993, &error)) << error.toStdString();
    EXPECT_FALSE(exceptions().find(QStringLiteral("mail.example.test"), 993).has_value());
    EXPECT_TRUE(trusted(*repository().find(first->id)).isEmpty());
    EXPECT_TRUE(trusted(*repository().find(second->id)).isEmpty());
    EXPECT_EQ(trusted(*repository().find(elsewhere->id)), ShaB) << "another server's pin stays";
    EXPECT_TRUE(exceptions().remove(QStringLiteral("mail.example.test"), 993, &error)) << "nothing to remove is fine";

    // Trusting a certificate for a server replaces what its sources pinned.
    ASSERT_TRUE(exceptions().add(QStringLiteral("mail.example.test"), 994, certificate(ShaA), &error));
    EXPECT_TRUE(repository().find(elsewhere->id)->pinnedSha256.isEmpty());
    EXPECT_EQ(trusted(*repository().find(elsewhere->id)), ShaA);
}

// Format 9: each live source's pin becomes the exception of its server;
// when two sources of one server disagree, the most recently changed wins.
TEST(CertificateExceptionsMigration, EachPinnedSourceBecomesItsServersException)
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("seven.sqlite"));
    {
        RawArchiveConnection connection(path);
        ASSERT_TRUE(connection.isOpen());
        QSqlDatabase& db = connection.database();
        QString error;
        ASSERT_TRUE(connection.migrateTo(7, &error)) << error.toStdString();
        QSqlQuery query(db);
        const QString a = QString::fromLatin1(ShaA);
        const QString b = QString::fromLatin1(ShaB);
        for (const QString& sql :
             {QStringLiteral("INSERT INTO sources (id, name, host, port, pinned_sha256, created_at, updated_at) "
                             "VALUES (1, 'Old', 'Mail.Example.Test', 993, '%1', 100, 100)")
                  .arg(a),
              QStringLiteral("INSERT INTO sources (id, name, host, port, pinned_sha256, created_at, updated_at) "
                             "VALUES (2, 'New', 'mail.example.test', 993, '%1', 100, 200)")
                  .arg(CertificateInfo {QString(), QString(), {}, {}, ShaB}.formattedFingerprint()),
              QStringLiteral("INSERT INTO sources (id, name, host, port, pinned_sha256, created_at) "
                             "VALUES (3, 'Plain', 'mail.example.test', 143, NULL, 100)"),
              QStringLiteral("INSERT INTO sources (id, name, host, port, pinned_sha256, created_at, removed_at) "
                             "VALUES (4, 'Gone', 'gone.example.test', 993, '%1', 100, 300)")
                  .arg(a)}) {
            ASSERT_TRUE(query.exec(sql)) << sql.toStdString();
        }
    }

    Archive archive(path);
    QString error;
    ASSERT_TRUE(archive.open(&error)) << error.toStdString();
    const CertificateExceptions exceptions(archive.connection());
    const QList<CertificateException> all = exceptions.list();
    ASSERT_EQ(all.size(), 1) << "one per live server; the removed source's is gone with it";
    EXPECT_EQ(all.first().server(), QStringLiteral("mail.example.test:993"));
    EXPECT_EQ(all.first().certificate.sha256, ShaB) << "the most recently changed source's";
    EXPECT_EQ(all.first().addedAt.toSecsSinceEpoch(), 200);

    SourceRepository repository(archive.connection());
    EXPECT_TRUE(repository.find(2)->pinnedSha256.isEmpty()) << "became the exception";
    EXPECT_TRUE(repository.find(1)->pinnedSha256.isEmpty()) << "the server's exception is what it uses";
    EXPECT_EQ(exceptions.trustedSha256For(*repository.find(1)), ShaB);
    EXPECT_EQ(exceptions.trustedSha256For(*repository.find(2)), ShaB);
    EXPECT_TRUE(exceptions.trustedSha256For(*repository.find(3)).isEmpty());
    archive.closeConnection();
}

} // namespace
