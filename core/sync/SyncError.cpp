#include "SyncError.h"

#include "imap/ConnectError.h"
#include "imap/ServerText.h"
#include "imap/TlsError.h"

#include <QCoreApplication>

#include <vmime/vmime.hpp>

namespace {

// The context stays "SourceSync", where these texts were first translated.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SourceSync)
};

// Messages from the socket and TLS layers end without a full stop; a hint
// appended after them must start a new sentence.
QString asSentence(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || QStringLiteral(".!?").contains(trimmed.back())) {
        return trimmed;
    }
    return trimmed + QLatin1Char('.');
}

// Dovecot: "[UNAVAILABLE] Maximum number of connections from user+IP
// exceeded"; Gmail: "[UNAVAILABLE] Too many simultaneous connections";
// Exchange/Outlook: "User is authenticated but not connected" after a limit.
bool isTooManyConnections(const QString& serverReply)
{
    return serverReply.contains(QLatin1String("connections"), Qt::CaseInsensitive)
        && (serverReply.contains(QLatin1String("UNAVAILABLE"), Qt::CaseInsensitive)
            || serverReply.contains(QLatin1String("too many"), Qt::CaseInsensitive)
            || serverReply.contains(QLatin1String("maximum"), Qt::CaseInsensitive));
}

// The server's reply is not repeated here: it goes into the technical line.
QString tooManyConnectionsText()
{
    return Tr::tr("The server turned the login away because this account has too many connections open (other "
                  "mail apps or devices). Close some, or wait: the app tries again by itself.");
}

QString describeUnsafe(const vmime::exception& e, const QString& host);

} // namespace

namespace SyncError {

QString describe(const vmime::exception& e, const QString& host)
{
    // Server words go into every branch below; none may drive a terminal.
    return ServerText::printable(describeUnsafe(e, host));
}

} // namespace SyncError

namespace {

QString describeUnsafe(const vmime::exception& e, const QString& host)
{
    if (const auto* tls = dynamic_cast<const TlsError*>(&e)) {
        if (tls->kind() == TlsError::Kind::Untrusted && !tls->sha256Fingerprint().isEmpty()) {
            CertificateInfo certificate;
            certificate.sha256 = tls->sha256Fingerprint();
            //: %2 is the fingerprint as AB:CD:…, the way browsers and providers show it
            return Tr::tr("%1 Its SHA-256 fingerprint is %2; trust it for this server only if it matches the one "
                          "your provider publishes.")
                .arg(asSentence(tls->message()), certificate.formattedFingerprint());
        }
        return tls->message();
    }
    if (const auto* denied = dynamic_cast<const vmime::exceptions::authentication_error*>(&e)) {
        // The server's own words matter: "[UNAVAILABLE] too many
        // connections" is not a wrong password.
        const QString server = QString::fromStdString(denied->response()).trimmed();
        if (isTooManyConnections(server)) {
            return tooManyConnectionsText();
        }
        // A sentence only: the server's words, with their response code,
        // are for the technical line (technical()).
        return Tr::tr("The server rejected the user name or password. Check both; many providers require an app "
                      "password here instead of the password you sign in with on the web.");
    }
    if (dynamic_cast<const vmime::exceptions::operation_timed_out*>(&e)) {
        return Tr::tr("The server %1 did not answer in time.").arg(host);
    }
    if (dynamic_cast<const vmime::exceptions::connection_error*>(&e)) {
        // Our socket's message already names host and port and the reason.
        const QString text = QString::fromStdString(e.what());
        switch (SyncError::kindOf(e)) {
        case SyncFailure::Kind::Refused:
            return Tr::tr("%1 Check the port (993 for SSL/TLS, 143 for STARTTLS) and the security setting.")
                .arg(asSentence(text));
        case SyncFailure::Kind::HostNotFound:
            return Tr::tr("%1 Check the server name.").arg(asSentence(text));
        default:
            return text;
        }
    }
    if (const auto* refused = dynamic_cast<const vmime::exceptions::command_error*>(&e)) {
        const QString server = QString::fromStdString(refused->response()).trimmed();
        return Tr::tr("The server refused the command %1: %2")
            .arg(QString::fromStdString(refused->command()), server.isEmpty() ? Tr::tr("no reason given") : server);
    }
    if (const auto* unreadable = dynamic_cast<const vmime::exceptions::invalid_response*>(&e)) {
        // Our reader's own words say what was wrong with it.
        return Tr::tr("The server %1 sent an answer the app cannot read (%2). Nothing archived was lost.")
            .arg(host, QString::fromStdString(unreadable->response()));
    }
    const QString text = QString::fromStdString(e.what());
    if (isTooManyConnections(text)) {
        // Dovecot accepts the login, then says BYE and hangs up.
        return tooManyConnectionsText();
    }
    return Tr::tr("The connection failed: %1").arg(text);
}

} // namespace

namespace SyncError {

QString technical(const vmime::exception& e)
{
    const QString what = QString::fromStdString(e.what()).trimmed();
    QString response;
    if (const auto* denied = dynamic_cast<const vmime::exceptions::authentication_error*>(&e)) {
        // what() is only "Authentication error."; ImapConnector put the
        // server's answer into response().
        response = QString::fromStdString(denied->response()).trimmed();
    } else if (const auto* refused = dynamic_cast<const vmime::exceptions::command_error*>(&e)) {
        response = QString::fromStdString(refused->response()).trimmed();
    }
    if (response.isEmpty() || what.contains(response)) {
        return what;
    }
    return QStringLiteral("%1 %2").arg(what, response);
}

SyncFailure::Kind kindOf(const vmime::exception& e)
{
    using Kind = SyncFailure::Kind;
    if (const auto* tls = dynamic_cast<const TlsError*>(&e)) {
        const bool certificate =
            tls->kind() == TlsError::Kind::Untrusted || tls->kind() == TlsError::Kind::HostNameMismatch;
        return certificate ? Kind::Certificate : Kind::Security;
    }
    if (dynamic_cast<const vmime::exceptions::tls_exception*>(&e)) {
        return Kind::Security;
    }
    if (const auto* denied = dynamic_cast<const vmime::exceptions::authentication_error*>(&e)) {
        // Connections close by themselves; a wrong password does not fix itself.
        return isTooManyConnections(QString::fromStdString(denied->response())) ? Kind::ServerBusy
                                                                                : Kind::Authentication;
    }
    if (isTooManyConnections(QString::fromStdString(e.what()))) {
        return Kind::ServerBusy;
    }
    if (dynamic_cast<const vmime::exceptions::operation_timed_out*>(&e)) {
        return Kind::TimedOut;
    }
    if (const auto* connect = dynamic_cast<const ConnectError*>(&e)) {
        switch (connect->reason()) {
        case ConnectError::Reason::HostNotFound:
            return Kind::HostNotFound;
        case ConnectError::Reason::Refused:
            return Kind::Refused;
        case ConnectError::Reason::TimedOut:
            return Kind::TimedOut;
        case ConnectError::Reason::Other:
            break;
        }
        return Kind::ConnectionLost; // no route, a proxy: the network may come back
    }
    if (dynamic_cast<const vmime::exceptions::connection_error*>(&e)
        || dynamic_cast<const vmime::exceptions::socket_exception*>(&e)
        || dynamic_cast<const vmime::exceptions::not_connected*>(&e)) {
        return Kind::ConnectionLost;
    }
    if (dynamic_cast<const vmime::exceptions::command_error*>(&e)) {
        return Kind::ServerRefused;
    }
    if (dynamic_cast<const vmime::exceptions::invalid_response*>(&e)) {
        return Kind::ServerUnreadable;
    }
    return Kind::Other;
}

SyncFailure failure(const vmime::exception& e, const QString& host, const QString& password)
{
    SyncFailure failure;
    failure.kind = kindOf(e);
    // A server that echoes the LOGIN command or the password back must not
    // put it into the history, the source's last error or the terminal.
    failure.message = ServerText::redact(describe(e, host), password);
    failure.technical = ServerText::redact(ServerText::printable(technical(e)), password);
    const auto* tls = dynamic_cast<const TlsError*>(&e);
    if (tls && tls->kind() == TlsError::Kind::Untrusted && !tls->sha256Fingerprint().isEmpty()) {
        failure.certificate = {
            tls->subject(), tls->issuer(), tls->validFrom(), tls->validUntil(), tls->sha256Fingerprint()};
    }
    return failure;
}

QString describeStorage(const QString& error, const QString& folder)
{
    // SQLite's and the C++ library's words are for the technical line of the
    // event; people get a sentence that says what failed, where, and what
    // happens next.
    const QString where = folder.isEmpty() ? Tr::tr("this source") : Tr::tr("the folder %1").arg(folder);
    switch (storageKindOf(error)) {
    case SyncFailure::Kind::DiskFull:
        return Tr::tr("The disk that holds the archive is full. Free some space, then sync again: the import "
                      "continues where it stopped and nothing archived was lost.");
    case SyncFailure::Kind::ArchiveDamaged:
        return Tr::tr("The archive file is damaged, so nothing more was stored. Check it with \"openarchiver-cli "
                      "verify\" and restore it from your latest backup.");
    default:
        break;
    }
    if (error.contains(QLatin1String("FOREIGN KEY constraint failed"), Qt::CaseInsensitive)) {
        return Tr::tr("The source was removed while %1 was being archived, so nothing more was stored for it.")
            .arg(where);
    }
    if (error.contains(QLatin1String("string or blob too big"), Qt::CaseInsensitive)) {
        return Tr::tr("A message in %1 is larger than the archive can store. The other messages were archived; "
                      "the next sync tries again.")
            .arg(where);
    }
    if (error.contains(QLatin1String("bad_alloc"), Qt::CaseInsensitive)) {
        return Tr::tr("The server sent more for %1 than the app can hold in memory, so the sync stopped. Nothing "
                      "archived was lost; the next sync tries again.")
            .arg(where);
    }
    if (error.contains(QLatin1String("constraint failed"), Qt::CaseInsensitive)) {
        return Tr::tr("The archive refused what the server sent for %1 (a value it needs was missing or clashed). "
                      "Nothing archived was lost; the next sync tries again.")
            .arg(where);
    }
    return Tr::tr("Mail of %1 could not be stored in the archive: %2. Nothing archived was lost; the next sync "
                  "tries again.")
        .arg(where, error);
}

SyncFailure::Kind storageKindOf(const QString& error)
{
    // SQLITE_FULL ("database or disk is full") and ENOSPC as the OS says it.
    if (error.contains(QLatin1String("disk is full"), Qt::CaseInsensitive)
        || error.contains(QLatin1String("No space left"), Qt::CaseInsensitive)) {
        return SyncFailure::Kind::DiskFull;
    }
    // SQLITE_CORRUPT and SQLITE_NOTADB.
    if (error.contains(QLatin1String("disk image is malformed"), Qt::CaseInsensitive)
        || error.contains(QLatin1String("file is not a database"), Qt::CaseInsensitive)) {
        return SyncFailure::Kind::ArchiveDamaged;
    }
    return SyncFailure::Kind::Storage;
}

SyncFailure storageFailure(const QString& error, const QString& folder, const QString& password)
{
    SyncFailure failure;
    failure.kind = storageKindOf(error);
    failure.message = ServerText::redact(describeStorage(error, folder), password);
    failure.technical = ServerText::redact(ServerText::printable(error), password);
    return failure;
}

} // namespace SyncError
