#include "SourceSync.h"

#include "archive/Archive.h"
#include "archive/MessageStore.h"
#include "imap/CancelToken.h"
#include "imap/ImapConnector.h"
#include "imap/ImapSession.h"
#include "imap/QtSocketFactory.h"
#include "imap/QtVmimeSocket.h"
#include "imap/RemoteFolder.h"
#include "imap/TlsError.h"

#include <QCoreApplication>
#include <QSslCertificate>

#include <vmime/vmime.hpp>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SourceSync)
};

TlsPolicy::Mode tlsMode(ConnectionSecurity security)
{
    switch (security) {
    case ConnectionSecurity::Tls:
        return TlsPolicy::Mode::Implicit;
    case ConnectionSecurity::StartTls:
        return TlsPolicy::Mode::StartTls;
    case ConnectionSecurity::None:
        return TlsPolicy::Mode::Plain;
    }
    return TlsPolicy::Mode::Implicit;
}

// Says what went wrong in words a user can act on.
QString describe(const vmime::exception& e, const IngestionSource& source)
{
    if (const auto* tls = dynamic_cast<const TlsError*>(&e)) {
        if (tls->kind() == TlsError::Kind::Untrusted && !tls->sha256Fingerprint().isEmpty()) {
            return Tr::tr("%1 Its SHA-256 fingerprint is %2; trust it for this source only if it matches the one "
                          "your provider publishes.")
                .arg(tls->message(), QString::fromLatin1(tls->sha256Fingerprint()));
        }
        return tls->message();
    }
    if (const auto* denied = dynamic_cast<const vmime::exceptions::authentication_error*>(&e)) {
        // The server's own words matter: "[UNAVAILABLE] too many
        // connections" is not a wrong password.
        const QString server = QString::fromStdString(denied->response()).trimmed();
        const QString message = Tr::tr("Authentication failed: check the username and use an app password.");
        return server.isEmpty() ? message : Tr::tr("%1 (The server said: %2)").arg(message, server);
    }
    if (dynamic_cast<const vmime::exceptions::operation_timed_out*>(&e)) {
        return Tr::tr("The server %1 did not answer in time.").arg(source.host);
    }
    if (dynamic_cast<const vmime::exceptions::connection_error*>(&e)) {
        // Our socket's message already names host and port and the reason.
        const QString text = QString::fromStdString(e.what());
        if (text.contains(QLatin1String("refused"), Qt::CaseInsensitive)) {
            return Tr::tr("%1 Check the port (993 for SSL/TLS, 143 for STARTTLS) and the security setting.").arg(text);
        }
        if (text.contains(QLatin1String("not found"), Qt::CaseInsensitive)) {
            return Tr::tr("%1 Check the server name.").arg(text);
        }
        return text;
    }
    if (dynamic_cast<const vmime::exceptions::command_error*>(&e)) {
        return Tr::tr("The server refused a command: %1").arg(QString::fromStdString(e.what()));
    }
    return Tr::tr("The connection failed: %1").arg(QString::fromStdString(e.what()));
}

// The network may come back by itself; a wrong password or an untrusted
// certificate does not.
bool isTransient(const vmime::exception& e)
{
    if (dynamic_cast<const vmime::exceptions::tls_exception*>(&e)) {
        return false;
    }
    return dynamic_cast<const vmime::exceptions::operation_timed_out*>(&e)
        || dynamic_cast<const vmime::exceptions::connection_error*>(&e)
        || dynamic_cast<const vmime::exceptions::socket_exception*>(&e)
        || dynamic_cast<const vmime::exceptions::not_connected*>(&e);
}

} // namespace

SourceSync::SourceSync(Archive& archive, IngestionSource source, QString password)
    : m_archive(archive)
    , m_source(std::move(source))
    , m_password(std::move(password))
    , m_token(std::make_shared<CancelToken>())
{
}

void SourceSync::setExtraCaCertificatesFile(const QString& path)
{
    m_extraCaFile = path;
}

std::shared_ptr<CancelToken> SourceSync::cancelToken() const
{
    return m_token;
}

QStringList SourceSync::foldersInScope(const IngestionSource& source, const QList<RemoteFolder>& all)
{
    QStringList folders;
    for (const RemoteFolder& folder : all) {
        if (!folder.isSelectable()) {
            continue;
        }
        const bool inbox = folder.path.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0;
        switch (source.folderScope) {
        case IngestionSource::FolderScope::InboxOnly:
            if (inbox) {
                folders << folder.path;
            }
            break;
        case IngestionSource::FolderScope::AllFolders:
            // Trash and Junk hold what the user threw away; they come in
            // only when chosen by name.
            if (!folder.flags.contains(QLatin1String("\\Trash")) && !folder.flags.contains(QLatin1String("\\Junk"))) {
                folders << folder.path;
            }
            break;
        case IngestionSource::FolderScope::Chosen:
            if (source.chosenFolders.contains(folder.path)) {
                folders << folder.path;
            }
            break;
        }
    }
    return folders;
}

SourceSync::Result SourceSync::run(const FolderImporter::Progress& progress)
{
    Result result;
    TlsPolicy policy;
    policy.mode = tlsMode(m_source.security);
    policy.pinnedSha256 = m_source.pinnedSha256.toLatin1();
    if (!m_extraCaFile.isEmpty()) {
        policy.extraCaCertificates = QSslCertificate::fromPath(m_extraCaFile);
    }
    MessageStore store = m_archive.store();
    try {
        ImapConnector connector(policy, m_token);
        ImapSession session(connector.connect(m_source.host, m_source.port, m_source.username, m_password));
        // INTERNALDATE goes past vmime, on our own socket (socket-lab §4).
        if (const auto sockets = connector.socketFactory()->sockets(); !sockets.empty()) {
            session.setRawChannel(sockets.front());
        }
        FolderImporter importer(session, store);
        for (const QString& path : foldersInScope(m_source, session.listFolders())) {
            QString error;
            const qint64 folderId = store.ensureFolder(m_source.id, path, QStringLiteral("/"), &error);
            if (folderId == 0) {
                result.error = error;
                return result;
            }
            bool stopped = false;
            result.counts +=
                importer.importFolder(folderId, path, [&](const QString& folder, qint64 done, qint64 total) {
                    stopped = m_token->isCancelled() || (progress && !progress(folder, done, total));
                    return !stopped;
                });
            if (stopped) {
                result.cancelled = true;
                return result;
            }
        }
        result.ok = true;
    } catch (const vmime::exceptions::operation_cancelled&) {
        result.cancelled = true;
    } catch (const vmime::exception& e) {
        result.error = describe(e, m_source);
        result.transient = isTransient(e);
    } catch (const std::exception& e) {
        result.error = QString::fromStdString(e.what());
    }
    return result;
}
