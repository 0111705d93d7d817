#include "SourceSync.h"

#include "SyncError.h"

#include "archive/Archive.h"
#include "archive/MessageStore.h"
#include "imap/CancelToken.h"
#include "imap/ImapConnector.h"
#include "imap/ImapSession.h"
#include "imap/ServerText.h"
#include "sources/CertificateExceptions.h"
#include "values/RemoteFolder.h"

#include <QSslCertificate>

#include <vmime/vmime.hpp>

namespace {

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

void SourceSync::setMaxMessageBytes(qint64 bytes)
{
    m_maxMessageBytes = bytes;
}

std::shared_ptr<CancelToken> SourceSync::cancelToken() const
{
    return m_token;
}

TlsPolicy SourceSync::tlsPolicy(const IngestionSource& source, const QString& extraCaFile)
{
    TlsPolicy policy;
    policy.mode = tlsMode(source.security);
    policy.pinnedSha256 = source.pinnedSha256.toLatin1();
    if (!extraCaFile.isEmpty()) {
        policy.extraCaCertificates = QSslCertificate::fromPath(extraCaFile);
    }
    return policy;
}

QList<RemoteFolder> SourceSync::foldersInScope(const IngestionSource& source, const QList<RemoteFolder>& all)
{
    QList<RemoteFolder> folders;
    for (const RemoteFolder& folder : all) {
        if (!folder.isSelectable()) {
            continue;
        }
        const bool inbox = folder.path.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0;
        switch (source.folderScope) {
        case IngestionSource::FolderScope::InboxOnly:
            if (inbox) {
                folders << folder;
            }
            break;
        case IngestionSource::FolderScope::AllFolders:
            // Trash and Junk hold what the user threw away; they come in
            // only when chosen by name.
            if (!folder.flags.contains(QLatin1String("\\Trash")) && !folder.flags.contains(QLatin1String("\\Junk"))) {
                folders << folder;
            }
            break;
        case IngestionSource::FolderScope::Chosen:
            if (source.chosenFolders.contains(folder.path)) {
                folders << folder;
            }
            break;
        }
    }
    return folders;
}

void SourceSync::folderFailed(MessageStore& store, const RemoteFolder& folder, const QString& error, Result& result)
{
    result.counts.foldersChecked += 1;
    result.counts.failedFolders += 1;
    result.counts.problems << tr("%1: could not be archived on this pass (%2)").arg(folder.path, error);
    // Recorded on the folder for Details and `status`; a folder the archive
    // cannot even record is named in the pass's result all the same.
    QString ignored;
    const qint64 folderId = store.ensureFolder(m_source.id,
                                               folder.name,
                                               folder.path,
                                               folder.delimiter.isNull() ? QString() : QString(folder.delimiter),
                                               &ignored);
    if (folderId != 0) {
        store.setFolderError(folderId, error, &ignored);
    }
}

SourceSync::Result SourceSync::run(const FolderImporter::Progress& progress)
{
    Result result;
    SyncCounts stored; // what was committed, whatever ends the pass
    TlsPolicy policy = tlsPolicy(m_source, m_extraCaFile);
    // The server's certificate exception, which any source on it may have
    // added, before the source's own pin.
    policy.pinnedSha256 = CertificateExceptions(m_archive.connection()).trustedSha256For(m_source);
    MessageStore store = m_archive.store();
    try {
        ImapConnector connector(policy, m_token);
        const std::unique_ptr<ImapSession> opened =
            connector.openSession(m_source.host, m_source.port, m_source.username, m_password);
        ImapSession& session = *opened;
        FolderImporter importer(session, store);
        importer.setMaxMessageBytes(m_maxMessageBytes);
        importer.setStoredTally(&stored);
        for (const RemoteFolder& folder : foldersInScope(m_source, session.listFolders())) {
            m_currentFolder = folder.path;
            bool stopped = false;
            try {
                QString error;
                const qint64 folderId =
                    store.ensureFolder(m_source.id,
                                       folder.name,
                                       folder.path,
                                       folder.delimiter.isNull() ? QString() : QString(folder.delimiter),
                                       &error);
                if (folderId == 0) {
                    throw std::runtime_error(error.toStdString());
                }
                result.counts += importer.importFolder(
                    folderId, folder.name, folder.path, [&](const QString& name, qint64 done, qint64 total) {
                        stopped = m_token->isCancelled() || (progress && !progress(name, done, total));
                        return !stopped;
                    });
                if (!stopped && !store.setFolderError(folderId, QString(), &error)) {
                    throw std::runtime_error(error.toStdString());
                }
            } catch (const vmime::exceptions::command_error& e) {
                // The server refused something for this folder only (EXAMINE
                // answered NO, a FETCH failed): the others still get their turn.
                folderFailed(store, folder, SyncError::describe(e, m_source.host), result);
                session.discardOutstanding();
            } catch (const vmime::exceptions::invalid_response& e) {
                // What the server sent about this folder cannot be read. When
                // our reader took whole responses the connection is in step
                // and the next folder gets its turn; past a cap it is not,
                // and the pass ends here.
                if (!session.isInStep()) {
                    throw;
                }
                folderFailed(store, folder, SyncError::describe(e, m_source.host), result);
                session.discardOutstanding();
            }
            if (stopped) {
                result.cancelled = true;
                return result;
            }
        }
        result.ok = true;
    } catch (const vmime::exceptions::operation_cancelled&) {
        result.cancelled = true;
    } catch (const vmime::exception& e) {
        result.failure = SyncError::failure(e, m_source.host, m_password);
    } catch (const std::bad_alloc&) {
        result.failure = SyncError::storageFailure(QStringLiteral("std::bad_alloc"), m_currentFolder, m_password);
    } catch (const std::exception& e) {
        // The importer throws what the archive could not store.
        result.failure = SyncError::storageFailure(QString::fromStdString(e.what()), m_currentFolder, m_password);
    }
    if (!result.ok) {
        // A folder cut short by an exception never returned its counts; the
        // history must still say what the pass stored.
        result.counts.newMessages = stored.newMessages;
        result.counts.duplicates = stored.duplicates;
    }
    // A server that echoes the LOGIN command or the password back must not
    // put it into the history or the terminal (the failure is redacted
    // where it is made).
    for (QString& problem : result.counts.problems) {
        problem = ServerText::redact(problem, m_password);
    }
    return result;
}
