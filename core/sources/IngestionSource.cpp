#include "IngestionSource.h"

#include <QCoreApplication>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(IngestionSource)
};

} // namespace

QString IngestionSource::securityText(ConnectionSecurity security)
{
    switch (security) {
    case ConnectionSecurity::Tls:
        return Tr::tr("SSL/TLS");
    case ConnectionSecurity::StartTls:
        return Tr::tr("STARTTLS");
    case ConnectionSecurity::None:
        return Tr::tr("None");
    }
    return {};
}

QString IngestionSource::statusText(Status status)
{
    switch (status) {
    case Status::Importing:
        return Tr::tr("Importing");
    case Status::Active:
        return Tr::tr("Active");
    case Status::Paused:
        return Tr::tr("Paused");
    case Status::Error:
        return Tr::tr("Error");
    }
    return {};
}

bool IngestionSource::isLocal() const
{
    return providerId == LocalProvider;
}

bool IngestionSource::isFailing() const
{
    // Paused says enough, and an Error says more.
    return failingSince.isValid() && status != Status::Paused && status != Status::Error;
}

QString IngestionSource::accountText() const
{
    return host.isEmpty() ? username : QStringLiteral("%1@%2").arg(username, host);
}

// The keys are what the archive stores: never rename one.
QString IngestionSource::statusKey(Status status)
{
    switch (status) {
    case Status::Importing:
        return QStringLiteral("importing");
    case Status::Active:
        return QStringLiteral("active");
    case Status::Paused:
        return QStringLiteral("paused");
    case Status::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

IngestionSource::Status IngestionSource::statusFromKey(const QString& key)
{
    for (const Status status : {Status::Importing, Status::Active, Status::Paused, Status::Error}) {
        if (statusKey(status) == key) {
            return status;
        }
    }
    return Status::Error;
}

QString IngestionSource::securityKey(ConnectionSecurity security)
{
    switch (security) {
    case ConnectionSecurity::Tls:
        return QStringLiteral("tls");
    case ConnectionSecurity::StartTls:
        return QStringLiteral("starttls");
    case ConnectionSecurity::None:
        return QStringLiteral("none");
    }
    return QStringLiteral("tls");
}

ConnectionSecurity IngestionSource::securityFromKey(const QString& key)
{
    // An unknown key falls back to the safest choice, never to plaintext.
    if (key == QLatin1String("starttls")) {
        return ConnectionSecurity::StartTls;
    }
    if (key == QLatin1String("none")) {
        return ConnectionSecurity::None;
    }
    return ConnectionSecurity::Tls;
}

QString IngestionSource::scopeKey(FolderScope scope)
{
    switch (scope) {
    case FolderScope::InboxOnly:
        return QStringLiteral("inbox");
    case FolderScope::AllFolders:
        return QStringLiteral("all");
    case FolderScope::Chosen:
        return QStringLiteral("chosen");
    }
    return QStringLiteral("inbox");
}

IngestionSource::FolderScope IngestionSource::scopeFromKey(const QString& key)
{
    if (key == QLatin1String("all")) {
        return FolderScope::AllFolders;
    }
    if (key == QLatin1String("chosen")) {
        return FolderScope::Chosen;
    }
    return FolderScope::InboxOnly;
}
