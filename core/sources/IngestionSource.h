#pragma once

#include "ProviderPreset.h"
#include "values/SyncFailure.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

// One email account the archive imports from, as stored in the archive.
// The password is not here: it lives only in the OS keychain.
struct IngestionSource
{
    enum class Status {
        Importing, // the initial import of all mail is running or pending
        Active, // import done; checks for new mail on its interval
        Paused, // no checks until resumed
        Error, // could not sync; lastError says why
    };

    enum class FolderScope {
        InboxOnly, // the default, as the user guide says
        AllFolders, // everything but Trash and Junk
        Chosen, // exactly chosenFolders
    };

    qint64 id = 0;
    QString name;
    QString providerId = QStringLiteral("generic");
    QString host;
    quint16 port = 993;
    ConnectionSecurity security = ConnectionSecurity::Tls;
    QString username;
    FolderScope folderScope = FolderScope::InboxOnly;
    QStringList chosenFolders;
    int checkIntervalMinutes = 5;
    Status status = Status::Importing;
    QString lastError;
    // What kind of failure lastError is; None when it only says what a pass
    // that got through left out.
    SyncFailure::Kind lastErrorKind = SyncFailure::Kind::None;
    QString pinnedSha256; // lowercase hex of a certificate the user chose to trust
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastSyncAt;
    // The first failed pass of the current run of failures (UTC); invalid
    // while passes succeed. lastError says what the latest one met.
    QDateTime failingSince;

    // Mail imported from files (MailFileImport): no server, never synced.
    static inline const QString LocalProvider = QStringLiteral("local");
    bool isLocal() const;

    // Passes fail (the server cannot be reached, …) but the source is
    // neither an Error yet nor paused: the table shows a warning.
    bool isFailing() const;

    // "user@host", as the Ingestions table shows the account.
    QString accountText() const;

    // "Importing", "Active", "Paused", "Error", translated: what the user sees.
    static QString statusText(Status status);
    // "SSL/TLS", "STARTTLS", "None", translated.
    static QString securityText(ConnectionSecurity security);
    static QString statusKey(Status status);
    static Status statusFromKey(const QString& key);
    static QString securityKey(ConnectionSecurity security);
    static ConnectionSecurity securityFromKey(const QString& key);
    static QString scopeKey(FolderScope scope);
    static FolderScope scopeFromKey(const QString& key);
};
