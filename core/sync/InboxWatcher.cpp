#include "InboxWatcher.h"

#include "SourceSync.h"
#include "SyncError.h"

#include "archive/MessageStore.h"
#include "imap/CancelToken.h"
#include "imap/ImapConnector.h"
#include "imap/ImapSession.h"
#include "values/RemoteFolder.h"

#include <QElapsedTimer>

#include <vmime/vmime.hpp>

#include <algorithm>

namespace {

// How long one wait for the server lasts before it looks at the cancel flag
// again. Where cancel() shuts the socket down (POSIX) the wait ends at once
// anyway, so it can be long and the thread stays asleep; elsewhere the flag
// is all there is, and Quit must not wait long for it.
#ifdef Q_OS_UNIX
constexpr int WaitSliceMs = 60 * 1000;
#else
constexpr int WaitSliceMs = 500;
#endif

// The connection's inactivity limit: an IDLE is quiet for up to renewAfter
// (Dovecot says "Still here" every 2 minutes, other servers nothing).
constexpr std::chrono::milliseconds SilenceAllowance = std::chrono::minutes(5);

} // namespace

InboxWatcher::InboxWatcher(Archive archive, QString extraCaCertificatesFile, std::chrono::milliseconds renewAfter)
    : m_archive(std::move(archive))
    , m_extraCaFile(std::move(extraCaCertificatesFile))
    , m_renewAfter(renewAfter)
{
}

InboxWatcher::~InboxWatcher() = default;

void InboxWatcher::cancel()
{
    std::lock_guard lock(m_mutex);
    m_cancelled = true; // a cancel before run() has its token still counts
    if (m_token) {
        m_token->cancel();
    }
}

void InboxWatcher::run(const IngestionSource& source, const QString& password)
{
    auto token = std::make_shared<CancelToken>();
    {
        std::lock_guard lock(m_mutex);
        m_token = token;
        if (m_cancelled) {
            token->cancel();
        }
    }
    End end = End::Cancelled;
    QString why;
    try {
        TlsPolicy policy = SourceSync::tlsPolicy(source, m_extraCaFile);
        policy.sliceMs = WaitSliceMs;
        const auto inactivity = std::chrono::duration_cast<std::chrono::milliseconds>(m_renewAfter + SilenceAllowance);
        ImapConnector connector(policy, token, static_cast<int>(inactivity.count()));
        const std::unique_ptr<ImapSession> session =
            connector.openSession(source.host, source.port, source.username, password);
        if (!session->capabilities().contains("IDLE")) {
            end = End::Unsupported;
            why = tr("The server does not offer IDLE; new mail is found at each check.");
        } else {
            const QList<RemoteFolder> inScope = SourceSync::foldersInScope(source, session->listFolders());
            const auto inbox = std::find_if(inScope.begin(), inScope.end(), [](const RemoteFolder& folder) {
                return folder.path.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0;
            });
            if (inbox == inScope.end()) {
                end = End::NoInbox;
                why = tr("The source does not archive an INBOX.");
            } else {
                const FolderStatus status = session->examine(inbox->name);
                if (hasUnarchivedMail(source.id, inbox->name, status.uidValidity, status.uidNext)) {
                    emit newMail(source.id);
                }
                watch(*session, source.id, status.messages); // returns only by an exception
            }
        }
    } catch (const vmime::exception& e) {
        if (!token->isCancelled()) {
            end = End::Failed;
            why = SyncError::describe(e, source.host);
        }
    } catch (const std::exception& e) {
        if (!token->isCancelled()) {
            end = End::Failed;
            why = QString::fromLocal8Bit(e.what());
        }
    }
    {
        std::lock_guard lock(m_mutex);
        m_token.reset();
    }
    emit ended(source.id, end, why);
}

bool InboxWatcher::hasUnarchivedMail(qint64 sourceId,
                                     const QByteArray& inbox,
                                     quint32 uidValidity,
                                     quint32 uidNext) const
{
    // Mail may have come between the last pass's look at the INBOX and
    // this EXAMINE: IDLE only tells of what comes later.
    QString error;
    const MessageStore store = m_archive.store();
    const qint64 folderId = store.findFolder(sourceId, inbox, &error);
    bool unarchived = true; // a folder the archive does not know yet
    if (folderId > 0) {
        const FolderCheckpoint checkpoint = store.checkpoint(folderId);
        const quint32 covered = std::max(checkpoint.uidNext, checkpoint.lastUid + 1);
        unarchived = checkpoint.uidValidity != uidValidity || (uidNext != 0 && uidNext > covered);
    } else if (folderId < 0) {
        unarchived = false; // unreadable: the next check will tell
    }
    // This thread idles from now on and holds no database connection.
    m_archive.closeConnection();
    return unarchived;
}

void InboxWatcher::watch(ImapSession& session, qint64 sourceId, quint32 messages)
{
    // What the INBOX holds as far as we know: the count EXAMINE gave is
    // archived already, or about to be by the pass that started us, so only
    // a higher count is news.
    quint32 known = messages;
    const auto take = [&](const ImapSession::IdleNews& news) {
        if (news.messages) {
            if (*news.messages > known) {
                emit newMail(sourceId);
            }
            known = *news.messages;
        } else {
            known -= std::min<quint32>(known, static_cast<quint32>(news.expunged));
        }
    };
    bool first = true;
    for (;;) {
        session.startIdle();
        if (first) {
            emit watching(sourceId);
            first = false;
        }
        QElapsedTimer idling;
        idling.start();
        for (;;) {
            const qint64 left = m_renewAfter.count() - idling.elapsed();
            if (left <= 0) {
                break;
            }
            take(session.waitIdle(static_cast<int>(left)));
        }
        take(session.stopIdle());
        emit renewed(sourceId);
    }
}
