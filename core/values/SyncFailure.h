#pragma once

#include "CertificateInfo.h"

#include <QMetaType>
#include <QString>

// Why a pass (or a connection test) failed, as a value: a kind the program
// acts on (retry or wait for the user, which field or button to offer, when
// a notification is news), a sentence for people, the server's or library's
// own words and, for an untrusted certificate, the certificate. SyncError
// makes one from what the IMAP or storage layer threw; SyncManager hands
// each to the GUI through its sourceFailed() signal, and the archive keeps
// the kind with the source's last error.
struct SyncFailure
{
    enum class Kind {
        None, // no failure (a pass that got through)
        Authentication, // the server rejected the user name or password
        Credentials, // the password could not be read from the keychain
        Certificate, // the server's certificate is not trusted (see certificate)
        Security, // the connection could not be secured (TLS handshake, STARTTLS)
        HostNotFound, // the server's name does not resolve
        Refused, // nothing listens on the port
        TimedOut, // the server did not answer in time
        ConnectionLost, // the connection broke during the pass
        ServerBusy, // too many connections for the account
        ServerRefused, // the server answered NO or BAD to what the pass needed
        ServerUnreadable, // the server sent what the app cannot read
        DiskFull, // the disk that holds the archive is full
        ArchiveDamaged, // the archive file is damaged
        Storage, // the archive could not store what was fetched, for another reason
        Other, // anything else; the message says what
    };

    Kind kind = Kind::None;
    QString message; // for people: what failed and what to do
    QString technical; // the library's or server's words, escaped and redacted
    CertificateInfo certificate; // Certificate: what the user may choose to trust

    bool isFailure() const;
    // It may go away by itself (the network, the server, its connection
    // limit): worth retrying. The other kinds wait for the user.
    bool isTransient() const;

    static bool isTransient(Kind kind);
    // Short words for a notification's or a dialog's title: "Password
    // rejected", "Disk full", translated.
    static QString title(Kind kind);
    // Stable keys for the archive and the CLI's JSON ("authentication",
    // "disk-full", …); None is the empty string, an unknown key is Other.
    static QString key(Kind kind);
    static Kind fromKey(const QString& key);
};

Q_DECLARE_METATYPE(SyncFailure)
