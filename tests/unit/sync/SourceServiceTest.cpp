#include "sync/SourceService.h"
#include "TemporaryArchive.h"
#include "archive/EventLog.h"
#include "credentials/CredentialStore.h"
#include "sources/SourceRepository.h"

#include <QSignalSpy>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace {

// A keychain that counts what it is asked and refuses writes on demand.
class ScriptedKeychain final : public CredentialStore
{
public:
    bool refuseWrites = false;
    int writes = 0;
    int removes = 0;

    quint64 readPassword(qint64 sourceId) override
    {
        const quint64 id = nextRequestId();
        CredentialResult result;
        result.status = CredentialResult::Status::Ok;
        result.password = m_passwords.value(sourceId);
        finishLater(id, sourceId, Operation::Read, result);
        return id;
    }
    quint64 writePassword(qint64 sourceId, const QString& password) override
    {
        ++writes;
        const quint64 id = nextRequestId();
        if (refuseWrites) {
            finishLater(id,
                        sourceId,
                        Operation::Write,
                        failureResult(CredentialResult::Status::Failed, QStringLiteral("the keychain is locked")));
            return id;
        }
        m_passwords.insert(sourceId, password);
        CredentialResult result;
        result.status = CredentialResult::Status::Ok;
        finishLater(id, sourceId, Operation::Write, result);
        return id;
    }
    quint64 removePassword(qint64 sourceId) override
    {
        ++removes;
        m_passwords.remove(sourceId);
        const quint64 id = nextRequestId();
        CredentialResult result;
        result.status = CredentialResult::Status::Ok;
        finishLater(id, sourceId, Operation::Remove, result);
        return id;
    }
    bool has(qint64 sourceId) const { return m_passwords.contains(sourceId); }

private:
    QHash<qint64, QString> m_passwords;
};

class SourceServiceTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString(); }

    static IngestionSource sample(const QString& name = QStringLiteral("Work"))
    {
        IngestionSource source;
        source.name = name;
        source.host = QStringLiteral("imap.example.com");
        source.username = QStringLiteral("jane");
        return source;
    }

    SourceOutcome wait(quint64 requestId)
    {
        QSignalSpy finished(&m_service, &SourceService::finished);
        for (int attempt = 0; attempt < 50; ++attempt) {
            for (const QList<QVariant>& call : std::as_const(finished)) {
                if (call.at(0).toULongLong() == requestId) {
                    return call.at(1).value<SourceOutcome>();
                }
            }
            finished.wait(100);
        }
        ADD_FAILURE() << "request " << requestId << " never finished";
        return SourceOutcome::failed(SourceOutcome::Kind::ArchiveFailed, 0, QStringLiteral("timeout"));
    }

    qint64 rows()
    {
        QSqlQuery query(m_archive.archive().connection());
        query.exec(QStringLiteral("SELECT count(*) FROM sources"));
        return query.next() ? query.value(0).toLongLong() : -1;
    }

    QStringList eventKinds(qint64 sourceId)
    {
        QStringList kinds;
        for (const ArchiveEvent& event : m_archive.archive().events().recent(sourceId)) {
            kinds.prepend(event.kind);
        }
        return kinds;
    }

    TemporaryArchive m_archive;
    ScriptedKeychain m_keychain;
    SourceService m_service {m_archive.archive(), &m_keychain};
};

TEST_F(SourceServiceTest, AddingStoresTheSourceThenThePasswordAndLogsIt)
{
    const SourceOutcome added = wait(m_service.addSource(sample(), QStringLiteral("secret")));
    ASSERT_TRUE(added.ok()) << added.message.toStdString();
    EXPECT_TRUE(m_keychain.has(added.sourceId));
    ASSERT_TRUE(m_service.find(added.sourceId).has_value());
    EXPECT_EQ(eventKinds(added.sourceId), QStringList {QStringLiteral("source.created")});
}

// Rollback, one way: the keychain refuses the password, so no source row is
// left behind (a source without its password could never sync).
TEST_F(SourceServiceTest, AKeychainThatRefusesThePasswordLeavesNoSourceRow)
{
    m_keychain.refuseWrites = true;
    const SourceOutcome added = wait(m_service.addSource(sample(), QStringLiteral("secret")));
    EXPECT_EQ(added.kind, SourceOutcome::Kind::KeychainFailed);
    EXPECT_TRUE(added.message.contains(QStringLiteral("the keychain is locked"))) << added.message.toStdString();
    EXPECT_EQ(m_keychain.writes, 1);
    EXPECT_EQ(rows(), 0) << "no half-made source";
    EXPECT_TRUE(m_archive.archive().events().recent().isEmpty());
    // The name is free for the next attempt.
    m_keychain.refuseWrites = false;
    EXPECT_TRUE(wait(m_service.addSource(sample(), QStringLiteral("secret"))).ok());
}

// Rollback, the other way: the archive refuses the row, so the keychain is
// never written.
TEST_F(SourceServiceTest, AnArchiveThatRefusesTheRowWritesNoPassword)
{
    QSqlQuery trigger(m_archive.archive().connection());
    ASSERT_TRUE(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER refuse BEFORE INSERT ON sources BEGIN "
                                            "SELECT RAISE(ABORT, 'database or disk is full'); END")));
    const SourceOutcome added = wait(m_service.addSource(sample(), QStringLiteral("secret")));
    EXPECT_EQ(added.kind, SourceOutcome::Kind::ArchiveFailed);
    EXPECT_TRUE(added.message.contains(QStringLiteral("full"))) << added.message.toStdString();
    EXPECT_EQ(m_keychain.writes, 0) << "no password without its source";
    EXPECT_EQ(rows(), 0);
}

TEST_F(SourceServiceTest, AnInvalidOrDuplicateSourceIsRefusedBeforeAnythingIsWritten)
{
    ASSERT_TRUE(wait(m_service.addSource(sample(), QStringLiteral("secret"))).ok());
    const SourceOutcome duplicate = wait(m_service.addSource(sample(), QStringLiteral("other")));
    EXPECT_EQ(duplicate.kind, SourceOutcome::Kind::Invalid);
    IngestionSource noHost = sample(QStringLiteral("Home"));
    noHost.host.clear();
    EXPECT_EQ(wait(m_service.addSource(noHost, QStringLiteral("secret"))).kind, SourceOutcome::Kind::Invalid);
    EXPECT_EQ(m_keychain.writes, 1);
    EXPECT_EQ(rows(), 1);
}

// Every change is in the history, with the same kinds whoever made it.
TEST_F(SourceServiceTest, EditPauseResumeTrustAndIntervalAreEachLogged)
{
    const SourceOutcome added = wait(m_service.addSource(sample(), QStringLiteral("secret")));
    ASSERT_TRUE(added.ok());
    const qint64 id = added.sourceId;

    IngestionSource changed = *m_service.find(id);
    changed.host = QStringLiteral("mail.example.org");
    changed.username = QStringLiteral("jane.doe");
    ASSERT_TRUE(wait(m_service.editSource(changed, QStringLiteral("new-secret"), true)).ok());
    EXPECT_EQ(m_service.find(id)->host, QStringLiteral("mail.example.org"));
    const ArchiveEvent edited = m_archive.archive().events().recent(id).first();
    EXPECT_EQ(edited.kind, QStringLiteral("source.edited"));
    for (const char* word : {"server", "user name", "password", "fresh import"}) {
        EXPECT_TRUE(edited.message.contains(QString::fromLatin1(word))) << edited.message.toStdString();
    }

    EXPECT_TRUE(m_service.pause(id).ok());
    EXPECT_EQ(m_service.find(id)->status, IngestionSource::Status::Paused);
    EXPECT_EQ(m_service.syncNow(id).kind, SourceOutcome::Kind::Invalid) << "a paused source does not sync";
    EXPECT_TRUE(m_service.pause(id).ok()) << "pausing twice is no error and no second event";
    EXPECT_TRUE(m_service.resume(id).ok());
    EXPECT_EQ(m_service.find(id)->status, IngestionSource::Status::Importing) << "never completed an import";
    EXPECT_TRUE(m_service.setCheckInterval(id, 30).ok());
    EXPECT_EQ(m_service.find(id)->checkIntervalMinutes, 30);
    CertificateInfo certificate;
    certificate.sha256 = QByteArray(64, 'a');
    certificate.subject = QStringLiteral("CN=mail.example.org");
    EXPECT_TRUE(m_service.trustCertificate(QStringLiteral("Mail.Example.org"), 993, certificate, id).ok());
    EXPECT_EQ(m_service.trustedSha256For(*m_service.find(id)), QByteArray(64, 'a'));
    // Trust belongs to the server: a second source there has it too.
    IngestionSource second = sample(QStringLiteral("Second"));
    second.host = QStringLiteral("mail.example.org");
    EXPECT_EQ(m_service.trustedSha256For(second), QByteArray(64, 'a'));

    EXPECT_EQ(eventKinds(id),
              (QStringList {QStringLiteral("source.created"),
                            QStringLiteral("source.edited"),
                            QStringLiteral("source.paused"),
                            QStringLiteral("source.resumed"),
                            QStringLiteral("source.edited"),
                            QStringLiteral("source.trusted")}));
}

TEST_F(SourceServiceTest, RemovingKeepsTheMailLogsItAndRemovesThePasswordLast)
{
    const qint64 inbox = m_archive.folder(QStringLiteral("Old"), QStringLiteral("INBOX"));
    ASSERT_GT(inbox, 0);
    const qint64 id = SourceRepository(m_archive.archive().connection()).findByName(QStringLiteral("Old"))->id;
    const SourceOutcome removed = wait(m_service.removeSource(id, false));
    ASSERT_TRUE(removed.ok()) << removed.message.toStdString();
    EXPECT_FALSE(m_service.find(id).has_value());
    EXPECT_EQ(m_keychain.removes, 1);
    EXPECT_EQ(eventKinds(id).last(), QStringLiteral("source.removed"));
    EXPECT_TRUE(removed.message.contains(QStringLiteral("stays"))) << removed.message.toStdString();
}

} // namespace

// Mail imported from files has no server: nothing to pause, resume or edit,
// and each says why instead of doing something meaningless.
TEST_F(SourceServiceTest, ALocalSourceIsNotPausedResumedOrEdited)
{
    QString error;
    const auto local =
        SourceRepository(m_archive.archive().connection()).addLocal(QStringLiteral("Local files"), &error);
    ASSERT_TRUE(local.has_value()) << error.toStdString();
    for (const SourceOutcome& outcome : {m_service.pause(local->id), m_service.resume(local->id)}) {
        EXPECT_EQ(outcome.kind, SourceOutcome::Kind::Invalid);
        EXPECT_TRUE(outcome.message.contains(QStringLiteral("imported from files"))) << outcome.message.toStdString();
    }
    IngestionSource changed = sample(QStringLiteral("Local files"));
    changed.id = local->id;
    const SourceOutcome edited = wait(m_service.editSource(changed, QString(), false));
    EXPECT_EQ(edited.kind, SourceOutcome::Kind::Invalid);
    const auto after = m_service.find(local->id);
    ASSERT_TRUE(after.has_value());
    EXPECT_TRUE(after->isLocal());
    EXPECT_EQ(after->status, IngestionSource::Status::Active);
    EXPECT_TRUE(after->host.isEmpty());
}
