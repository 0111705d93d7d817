// A failure is a value with a kind: what the layers below threw is sorted
// into kinds the program acts on (retry by itself, or wait for the user and
// offer the fix), and the kinds' keys are kept in the archive.
#include "imap/ConnectError.h"
#include "imap/TlsError.h"
#include "sync/SyncError.h"
#include "values/SyncFailure.h"

#include <QSet>

#include <gtest/gtest.h>

#include <vmime/vmime.hpp>

namespace {

using Kind = SyncFailure::Kind;

const QList<Kind> AllKinds {Kind::None,
                            Kind::Authentication,
                            Kind::Credentials,
                            Kind::Certificate,
                            Kind::Security,
                            Kind::HostNotFound,
                            Kind::Refused,
                            Kind::TimedOut,
                            Kind::ConnectionLost,
                            Kind::ServerBusy,
                            Kind::ServerRefused,
                            Kind::ServerUnreadable,
                            Kind::DiskFull,
                            Kind::ArchiveDamaged,
                            Kind::Storage,
                            Kind::Other};

} // namespace

TEST(SyncFailureKind, EveryKindHasItsOwnKeyThatReadsBack)
{
    QSet<QString> keys;
    for (const Kind kind : AllKinds) {
        const QString key = SyncFailure::key(kind);
        EXPECT_FALSE(keys.contains(key)) << key.toStdString();
        keys.insert(key);
        EXPECT_EQ(SyncFailure::fromKey(key), kind) << key.toStdString();
        EXPECT_EQ(SyncFailure::title(kind).isEmpty(), kind == Kind::None) << key.toStdString();
    }
    EXPECT_EQ(SyncFailure::key(Kind::None), QString());
    EXPECT_EQ(SyncFailure::fromKey(QString()), Kind::None) << "a NULL column: no failure";
    EXPECT_EQ(SyncFailure::fromKey(QStringLiteral("written-by-a-newer-version")), Kind::Other);
    // Stored in archives: these may never change.
    EXPECT_EQ(SyncFailure::key(Kind::Authentication), QStringLiteral("authentication"));
    EXPECT_EQ(SyncFailure::key(Kind::DiskFull), QStringLiteral("disk-full"));
}

TEST(SyncFailureKind, OnlyWhatMayPassByItselfIsRetried)
{
    const QSet<Kind> transient {
        Kind::HostNotFound, Kind::Refused, Kind::TimedOut, Kind::ConnectionLost, Kind::ServerBusy};
    for (const Kind kind : AllKinds) {
        EXPECT_EQ(SyncFailure::isTransient(kind), transient.contains(kind)) << SyncFailure::key(kind).toStdString();
    }
}

TEST(SyncFailureKind, ConnectFailuresAreSortedByTheSocketsCodeNotItsWords)
{
    // The words are what a German Qt would say: the kind must not depend on them.
    const ConnectError notFound(ConnectError::Reason::HostNotFound, "Host nicht gefunden");
    const ConnectError refused(ConnectError::Reason::Refused, "Verbindung verweigert");
    const ConnectError slow(ConnectError::Reason::TimedOut, "Zeitüberschreitung");
    const ConnectError other(ConnectError::Reason::Other, "Netzwerk nicht erreichbar");
    EXPECT_EQ(SyncError::kindOf(notFound), Kind::HostNotFound);
    EXPECT_EQ(SyncError::kindOf(refused), Kind::Refused);
    EXPECT_EQ(SyncError::kindOf(slow), Kind::TimedOut);
    EXPECT_EQ(SyncError::kindOf(other), Kind::ConnectionLost);
    // The sentence's advice follows the kind too.
    EXPECT_TRUE(SyncError::describe(notFound, QStringLiteral("imap.example.org"))
                    .contains(QStringLiteral("Check the server name")));
    EXPECT_TRUE(SyncError::describe(refused, QStringLiteral("imap.example.org")).contains(QStringLiteral("993")));
    // vmime rethrows through clone(): the kind survives the copy.
    const std::unique_ptr<vmime::exception> copy(notFound.clone());
    EXPECT_EQ(SyncError::kindOf(*copy), Kind::HostNotFound);
}

TEST(SyncFailureKind, ProtocolAndTlsFailuresHaveTheirKinds)
{
    EXPECT_EQ(SyncError::kindOf(vmime::exceptions::operation_timed_out()), Kind::TimedOut);
    EXPECT_EQ(SyncError::kindOf(vmime::exceptions::socket_exception("The connection was closed")),
              Kind::ConnectionLost);
    EXPECT_EQ(SyncError::kindOf(vmime::exceptions::not_connected()), Kind::ConnectionLost);
    EXPECT_EQ(SyncError::kindOf(vmime::exceptions::command_error("EXAMINE", "NO [NONEXISTENT] Unknown Mailbox")),
              Kind::ServerRefused);
    EXPECT_EQ(SyncError::kindOf(vmime::exceptions::invalid_response("FETCH", "a literal without its bytes")),
              Kind::ServerUnreadable);
    EXPECT_EQ(SyncError::kindOf(TlsError(TlsError::Kind::Untrusted, QStringLiteral("self-signed"))), Kind::Certificate);
    EXPECT_EQ(SyncError::kindOf(TlsError(TlsError::Kind::HostNameMismatch, QStringLiteral("other.example.org"))),
              Kind::Certificate);
    EXPECT_EQ(SyncError::kindOf(TlsError(TlsError::Kind::StartTlsNotOffered, QString())), Kind::Security);
    EXPECT_EQ(SyncError::kindOf(TlsError(TlsError::Kind::HandshakeFailed, QStringLiteral("no shared cipher"))),
              Kind::Security);
    EXPECT_EQ(SyncError::kindOf(vmime::exceptions::system_error("something else")), Kind::Other);
}

TEST(SyncFailureKind, TheValueCarriesRedactedWordsAndNoCertificateUnlessOneIsUntrusted)
{
    const vmime::exceptions::command_error echoed("LOGIN", "BAD LOGIN alice s3cret-pass: syntax error");
    const SyncFailure failure =
        SyncError::failure(echoed, QStringLiteral("imap.example.org"), QStringLiteral("s3cret-pass"));
    EXPECT_EQ(failure.kind, Kind::ServerRefused);
    EXPECT_TRUE(failure.isFailure());
    EXPECT_FALSE(failure.message.contains(QStringLiteral("s3cret-pass"))) << failure.message.toStdString();
    EXPECT_FALSE(failure.technical.contains(QStringLiteral("s3cret-pass"))) << failure.technical.toStdString();
    EXPECT_TRUE(failure.technical.contains(QStringLiteral("syntax error"))) << failure.technical.toStdString();
    EXPECT_TRUE(failure.certificate.isNull());
}

TEST(SyncFailureKind, StorageFailuresAreDiskFullDamagedOrOther)
{
    EXPECT_EQ(SyncError::storageKindOf(QStringLiteral("database or disk is full Unable to fetch row")), Kind::DiskFull);
    EXPECT_EQ(SyncError::storageKindOf(QStringLiteral("write: No space left on device")), Kind::DiskFull);
    EXPECT_EQ(SyncError::storageKindOf(QStringLiteral("database disk image is malformed")), Kind::ArchiveDamaged);
    EXPECT_EQ(SyncError::storageKindOf(QStringLiteral("file is not a database")), Kind::ArchiveDamaged);
    EXPECT_EQ(SyncError::storageKindOf(QStringLiteral("std::bad_alloc")), Kind::Storage);
    const SyncFailure damaged =
        SyncError::storageFailure(QStringLiteral("database disk image is malformed"), QStringLiteral("INBOX"), {});
    EXPECT_EQ(damaged.kind, Kind::ArchiveDamaged);
    EXPECT_TRUE(damaged.message.contains(QStringLiteral("openarchiver-cli verify"))) << damaged.message.toStdString();
    EXPECT_EQ(damaged.technical, QStringLiteral("database disk image is malformed"));
}
