#include "SyncFailure.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SyncFailure)
};

// Written into the archive (sources.last_error_kind, the sync.failed
// event's details): never rename a key.
constexpr std::array<std::pair<SyncFailure::Kind, const char*>, 16> Keys {{
    {SyncFailure::Kind::None, ""},
    {SyncFailure::Kind::Authentication, "authentication"},
    {SyncFailure::Kind::Credentials, "credentials"},
    {SyncFailure::Kind::Certificate, "certificate"},
    {SyncFailure::Kind::Security, "security"},
    {SyncFailure::Kind::HostNotFound, "host-not-found"},
    {SyncFailure::Kind::Refused, "refused"},
    {SyncFailure::Kind::TimedOut, "timed-out"},
    {SyncFailure::Kind::ConnectionLost, "connection-lost"},
    {SyncFailure::Kind::ServerBusy, "server-busy"},
    {SyncFailure::Kind::ServerRefused, "server-refused"},
    {SyncFailure::Kind::ServerUnreadable, "server-unreadable"},
    {SyncFailure::Kind::DiskFull, "disk-full"},
    {SyncFailure::Kind::ArchiveDamaged, "archive-damaged"},
    {SyncFailure::Kind::Storage, "storage"},
    {SyncFailure::Kind::Other, "other"},
}};

} // namespace

bool SyncFailure::isFailure() const
{
    return kind != Kind::None;
}

bool SyncFailure::isTransient() const
{
    return isTransient(kind);
}

bool SyncFailure::isTransient(Kind kind)
{
    switch (kind) {
    case Kind::HostNotFound: // a resolver that is down, a network not up yet
    case Kind::Refused: // a server restarting
    case Kind::TimedOut:
    case Kind::ConnectionLost:
    case Kind::ServerBusy: // connections close by themselves
        return true;
    default:
        return false;
    }
}

QString SyncFailure::title(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Authentication:
        return Tr::tr("Password rejected");
    case Kind::Credentials:
        return Tr::tr("Password not available");
    case Kind::Certificate:
        return Tr::tr("Certificate not trusted");
    case Kind::Security:
        return Tr::tr("Connection not secured");
    case Kind::HostNotFound:
        return Tr::tr("Server not found");
    case Kind::Refused:
        return Tr::tr("Connection refused");
    case Kind::TimedOut:
        return Tr::tr("Server not answering");
    case Kind::ConnectionLost:
        return Tr::tr("Connection lost");
    case Kind::ServerBusy:
        return Tr::tr("Too many connections");
    case Kind::ServerRefused:
        return Tr::tr("Server refused a request");
    case Kind::ServerUnreadable:
        return Tr::tr("Unreadable server reply");
    case Kind::DiskFull:
        return Tr::tr("Disk full");
    case Kind::ArchiveDamaged:
        return Tr::tr("Archive damaged");
    case Kind::Storage:
        return Tr::tr("Mail not stored");
    case Kind::Other:
        break;
    }
    return Tr::tr("Sync failed");
}

QString SyncFailure::key(Kind kind)
{
    for (const auto& [each, key] : Keys) {
        if (each == kind) {
            return QString::fromLatin1(key);
        }
    }
    return QStringLiteral("other");
}

SyncFailure::Kind SyncFailure::fromKey(const QString& key)
{
    for (const auto& [kind, each] : Keys) {
        if (key == QLatin1String(each)) {
            return kind;
        }
    }
    return Kind::Other; // written by a newer version: a failure all the same
}
