#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

// How the connection to the IMAP server is protected.
enum class ConnectionSecurity {
    Tls, // implicit TLS, usually port 993
    StartTls, // plain connection upgraded with STARTTLS, usually port 143
    None, // plaintext; only when the user chose it, with a warning
};

// What the app knows about a mail provider: where its IMAP server is and how
// to get an app password for it. The "Create New" dialog fills its fields
// from these and shows the advice next to the password.
struct ProviderPreset
{
    QString id; // stable, stored with the source: "generic", "gmail", …
    QString displayName; // translated
    QString host; // empty for Generic IMAP: the user enters it
    quint16 port = 993;
    ConnectionSecurity security = ConnectionSecurity::Tls;
    QString usernameHint; // translated: what the provider calls the user name
    QString appPasswordHelp; // translated: how to get an app password there, and why
    QUrl helpUrl; // the provider's own page about app passwords

    bool isGeneric() const;

    // Generic IMAP first, then the providers by name.
    static QList<ProviderPreset> all();
    static std::optional<ProviderPreset> byId(const QString& id);
    // 993 for TLS, 143 otherwise.
    static quint16 defaultPort(ConnectionSecurity security);
    // Why an app password beats the account password, for every provider.
    static QString whyAppPasswords();
};
