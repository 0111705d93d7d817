#pragma once

#include "FolderStatus.h"
#include "RemoteFolder.h"
#include "archive/ArchiveTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>

namespace vmime::net {
class socket;
class store;
namespace imap {
class IMAPConnection;
} // namespace imap
} // namespace vmime::net

// The archiver's read-only IMAP conversation over ONE logged-in connection:
// LIST through vmime, then raw EXAMINE / UID SEARCH / UID FETCH on the
// store's own IMAPConnection (imap-lab notes §4 strategy (d); socket-lab notes
// §2.6: one socket, one login, no IMAPFolder objects and so none of vmime's
// O(n²) per-message bookkeeping, imap-lab §3).
//
// Blocking; create, use and destroy it on one worker thread (socket-lab
// pitfall 15). It owns the store and logs out when destroyed.
//
// Errors: vmime exceptions propagate unchanged for the caller to classify
// (timeouts, cancel, broken connection…). A tagged NO or BAD answer becomes
// vmime::exceptions::command_error whose response() is the server's text and
// whose what() includes it.
//
// Never selects read-write and only fetches BODY.PEEK[], so archiving never
// sets \Seen or changes anything else on the server.
class ImapSession
{
public:
    // `store` must be connected (ImapConnector::connect()).
    explicit ImapSession(std::shared_ptr<vmime::net::store> store);
    ~ImapSession();
    Q_DISABLE_COPY_MOVE(ImapSession)

    // Every folder on the server, INBOX included, including \Noselect
    // containers (callers skip those with RemoteFolder::isSelectable()).
    QList<RemoteFolder> listFolders();

    // EXAMINE `path` (UTF-8, components separated by the server's delimiter)
    // and make it the folder the calls below work on. A missing folder throws
    // command_error with the server's text; the previous folder is then no
    // longer selected either (RFC 3501 6.3.1).
    FolderStatus examine(const QString& path);

    // UIDs >= firstUid of the examined folder, ascending. Empty when
    // firstUid is beyond the highest UID (the server would otherwise report
    // the last message for "n:*", RFC 3501 6.4.8).
    QList<quint32> uidsFrom(quint32 firstUid);

    // One round trip: UID FETCH <uids> (UID FLAGS BODY.PEEK[]). Returns the
    // messages that still exist, in ascending UID order, with their exact
    // bytes. The whole answer is held in memory, so callers batch: 100-500
    // UIDs a call is the sweet spot on slow links (imap-lab §5).
    //
    // internalDate is left invalid: vmime 0.9.2 cannot parse INTERNALDATE
    // (socket-lab §4: the whole response would throw). Callers that want it
    // ask internalDates() for the same batch; otherwise the archive falls
    // back to the Date header.
    QList<FetchedMessage> fetch(const QList<quint32>& uids);

    // RFC822.SIZE of `uids` in the examined folder, in one round trip: the
    // light pass that lets callers bound a batch by bytes before fetching.
    // UIDs that no longer exist are absent.
    QMap<quint32, quint32> sizes(const QList<quint32>& uids);

    // The side channel of socket-lab §4: the socket the store talks through
    // (ImapConnector::socketFactory()->sockets(), one per session). Needed
    // only by internalDates().
    void setRawChannel(std::shared_ptr<vmime::net::socket> socket);

    // INTERNALDATE of `uids` in the examined folder, in UTC, written and read
    // past vmime on the raw channel between two vmime commands, when vmime's
    // parser has nothing buffered (no pipelining, so the server has sent
    // nothing beyond the last tagged reply). One small round trip (2,000
    // dates took 7-8 ms in the lab). UIDs that no longer exist are absent.
    // Throws invalid_response for anything it cannot read (a literal, a bad
    // date), command_error for NO/BAD, operation_timed_out after
    // `timeoutMs` of silence; after an invalid_response the connection may be
    // out of step, so discard the session.
    QMap<quint32, QDateTime> internalDates(const QList<quint32>& uids, int timeoutMs = 30000);

    // "01-Jan-2019 04:59:29 +0000" (RFC 3501 date-time; the day may be
    // space-padded) in UTC; invalid when malformed. Public for the tests.
    static QDateTime parseInternalDate(const QByteArray& text);

    // "1:3,7,9:10": UIDs sorted, duplicates dropped, runs collapsed. Public
    // for the tests.
    static QByteArray compactUidSet(QList<quint32> uids);
    // A quoted IMAP string of the mailbox name in modified UTF-7.
    static QByteArray quotedMailbox(const QString& path);

private:
    vmime::net::imap::IMAPConnection& connection();
    QByteArray readRawLine(int timeoutMs);

    std::shared_ptr<vmime::net::store> m_store;
    std::shared_ptr<vmime::net::socket> m_rawChannel;
    QByteArray m_rawBuffer; // received on the raw channel, not yet consumed
    int m_rawTag = 0;
};
