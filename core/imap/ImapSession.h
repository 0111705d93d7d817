#pragma once

#include "FetchResponse.h"
#include "FolderStatus.h"
#include "ImapResponseReader.h"
#include "values/FetchedMessage.h"
#include "values/RemoteFolder.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace vmime::net {
class socket;
class store;
} // namespace vmime::net

// The archiver's read-only IMAP conversation over ONE logged-in connection:
// vmime connects and logs in; every command after that (LIST, EXAMINE,
// UID SEARCH, the size pass, UID FETCH) goes over the raw channel on the
// same socket (setRawChannel()) and is read by our own ImapResponseReader
// and ImapTokenizer: folder names stay the server's bytes, a UID past 32
// bits is an error, and a line or literal past the reader's caps fails
// the command instead of exhausting memory (socket-lab notes §2.6: one
// socket, one login, no IMAPFolder objects).
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
// sets \Seen or changes anything else on the server. Writing (restore) is
// ImapWriter's, over the same channel, and only restore makes one.
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

    // EXAMINE the folder named by exactly these bytes (RemoteFolder::name)
    // and make it the folder the calls below work on. A missing folder throws
    // command_error with the server's text; the previous folder is then no
    // longer selected either (RFC 3501 6.3.1).
    FolderStatus examine(const QByteArray& name);
    // The same for a name given as text (encoded to modified UTF-7).
    FolderStatus examine(const QString& path);

    // UIDs >= firstUid of the examined folder, ascending. Empty when
    // firstUid is beyond the highest UID (the server would otherwise report
    // the last message for "n:*", RFC 3501 6.4.8).
    QList<quint32> uidsFrom(quint32 firstUid);

    // One round trip: UID FETCH <uids> (UID FLAGS INTERNALDATE BODY.PEEK[])
    // on the raw channel. Returns the messages that still exist, in
    // ascending UID order, with their exact bytes, flags and INTERNALDATE
    // (UTC). The whole answer is held in memory, so callers batch.
    QList<FetchedMessage> fetch(const QList<quint32>& uids, int timeoutMs = 30000);

    // fetch() in two halves, so the next batch's command can be on the wire
    // while this one's answer is read: the round trip is paid once, not per
    // batch (docs/benchmarks.md). Several may be sent before the first is
    // received; receive them in the order sent, and send no vmime command
    // (listFolders, examine, uidsFrom, sizes) while any is outstanding.
    struct PendingFetch
    {
        QByteArray tag; // empty: nothing was asked
        QList<quint32> uids; // sorted
        qint64 byteBudget = 0; // 0: no limit
    };
    // `byteBudget` bounds the bodies kept for this command by what actually
    // arrives, not by what the server announced: a body past it (after the
    // first) is dropped as it arrives and its UID reported by
    // takeOverBudget(), to be fetched again on its own.
    PendingFetch sendFetch(const QList<quint32>& uids, qint64 byteBudget = 0);
    // False once a response could not be read to its end (a line or literal
    // past the reader's caps): the connection is out of step and only good
    // for closing.
    bool isInStep() const { return m_inStep; }

    // UIDs whose bodies were dropped for a budget since the last call.
    QSet<quint32> takeOverBudget();
    // UIDs whose FETCH answer could not be read, with why, since the last
    // call: receiveFetch() leaves them out instead of failing the command.
    QMap<quint32, QString> takeUnreadable();
    // Throws command_error for NO/BAD or BYE, invalid_response for a FETCH
    // response it cannot read, operation_timed_out after `timeoutMs` of
    // silence; after invalid_response the connection may be out of step, so
    // discard the session.
    QList<FetchedMessage> receiveFetch(const PendingFetch& pending, int timeoutMs = 30000);

    // Reads and drops the answers of every FETCH still outstanding, so the
    // connection is in step for the next folder after one failed. Throws
    // only when the connection itself fails.
    void discardOutstanding();

    // RFC822.SIZE of `uids` in the examined folder, in one round trip: the
    // light pass that lets callers bound a batch by bytes before fetching.
    // UIDs that no longer exist are absent.
    QMap<quint32, quint32> sizes(const QList<quint32>& uids);

    // The capabilities the server announces now (CAPABILITY), upper-cased:
    // "IDLE", "UIDPLUS", …
    QSet<QByteArray> capabilities();

    // IDLE (RFC 2177) on the examined folder: the server then tells of new
    // and expunged mail as it happens, until stopIdle(). No other command
    // may be sent meanwhile.
    struct IdleNews
    {
        // The folder's message count the server last announced (EXISTS),
        // when it announced one; EXPUNGEs after it are already subtracted.
        std::optional<quint32> messages;
        int expunged = 0; // EXPUNGE responses seen
        bool isEmpty() const { return !messages && expunged == 0; }
    };
    // Sends IDLE and waits for the server's go-ahead. Throws command_error
    // when the server refuses it.
    void startIdle();
    // Waits up to `timeoutMs` for the server to say something, and returns
    // as soon as it has told of new or expunged mail, or when the time is
    // up (empty news). Keep-alives ("* OK Still here") are read and
    // dropped. A BYE, a tagged end of the IDLE or a broken connection throw.
    IdleNews waitIdle(int timeoutMs);
    // Ends the IDLE (DONE) and reads the server's tagged answer; news that
    // came just before it is returned.
    IdleNews stopIdle();

    // The raw channel: the socket the store talks through
    // (ImapConnector::socketFactory()->sockets(), one per session), on which
    // fetch() writes its commands and reads their answers past vmime.
    // vmime 0.9.2 cannot parse INTERNALDATE (socket-lab §4) and only
    // accepts a tagged reply to the command it sent last, so it can keep
    // neither a date nor two commands in flight. Between two vmime commands
    // vmime's parser has nothing buffered (it never pipelines), so the
    // channel is in step for both.
    void setRawChannel(std::shared_ptr<vmime::net::socket> socket);

    // "1:3,7,9:10": UIDs sorted, duplicates dropped, runs collapsed. Public
    // for the tests.
    static QByteArray compactUidSet(QList<quint32> uids);
    // The server's text after "<tag> NO " or "* BYE " (given without the
    // tag): shown to people later, so cut to a sane length here.
    static std::string serverText(const QByteArray& statusLine);
    // A quoted IMAP string of the mailbox name in modified UTF-7.
    static QByteArray quotedMailbox(const QString& path);
    // `bytes` as a quoted string, or unchanged with *needsLiteral set when
    // a quoted string cannot carry them (NUL, CR, LF, 8-bit).
    static QByteArray astring(const QByteArray& bytes, bool* needsLiteral);

    // UIDs asked for in one UID SEARCH: its answer stays about 1 MB.
    static constexpr quint32 SearchChunk = 100000;

private:
    // Restore's APPEND and CREATE go over this session's raw channel; sync
    // never makes one, so for sync the session stays read-only.
    friend class ImapWriter;

    struct RawAnswer
    {
        QList<ImapResponse> untagged;
        QByteArray status; // "OK ..." after the tag
    };
    // Sends one command (parts joined by spaces; a part that starts with
    // LiteralMark is sent as a literal after the server's go-ahead) and
    // reads its whole answer. NO, BAD or BYE throw command_error with the
    // server's text.
    RawAnswer runRaw(const char* verb, const QList<QByteArray>& parts);
    static QByteArray mailboxArgument(const QByteArray& name);
    QList<quint32> searchUids(const QByteArray& criteria);
    ImapResponse readRawResponse(int timeoutMs);
    void keepWithinBudget(const PendingFetch& owner, FetchResponse& item);
    static inline const QByteArray LiteralMark = QByteArrayLiteral("\0literal:");

    std::shared_ptr<vmime::net::store> m_store;
    std::shared_ptr<vmime::net::socket> m_rawChannel;
    std::unique_ptr<ImapResponseReader> m_reader; // over m_rawChannel
    // Raw FETCH commands sent and not yet received, the tagged replies that
    // came before their turn, and messages that arrived for them meanwhile.
    struct RawFetchResults
    {
        QMap<quint32, FetchedMessage> byUid;
        QSet<quint32> withBody;
        void merge(FetchResponse item);
    };
    QList<PendingFetch> m_outstanding;
    QMap<QByteArray, QByteArray> m_finished; // tag -> "OK ..." / "NO ..."
    RawFetchResults m_unclaimed;
    QMap<QByteArray, qint64> m_bodyBytes; // tag -> bodies kept for it
    QSet<quint32> m_overBudget;
    QMap<quint32, QString> m_unreadable;
    bool m_inStep = true;
    int m_rawTimeoutMs = 30000;
    int m_commandTimeoutMs = 60000;
    quint32 m_examinedMessages = 0; // EXISTS of the examined folder
    int m_rawTag = 0;
    QByteArray m_idleTag; // the IDLE under way, if any
};
