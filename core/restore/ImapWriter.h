#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QStringList>

class ImapSession;

// The one part of the app that writes to an IMAP server: restore puts
// archived messages back with APPEND and creates the folders they go to.
// Sync never uses it (ImapSession stays read-only for sync); it works over
// the session's raw channel, and only the restore constructs one.
//
// APPENDs are pipelined where the server allows (LITERAL+ or LITERAL-,
// RFC 7888): the next message is on the wire while the server stores the
// previous one, so a restore is not one round trip per message. Without
// them each literal waits for the server's go-ahead. With MULTIAPPEND
// (RFC 3502) one APPEND carries several messages, which the server stores
// in one transaction: all of them or none.
//
// Blocking, on one worker thread, like the session. Errors are vmime
// exceptions (command_error with the server's words for NO/BAD).
class ImapWriter
{
public:
    explicit ImapWriter(ImapSession& session);
    Q_DISABLE_COPY_MOVE(ImapWriter)

    // Whether APPENDs can be sent without waiting (LITERAL+/LITERAL-, the
    // latter for literals up to 4 KB only: bigger ones wait), and whether
    // APPENDUID tells where a message went (UIDPLUS).
    bool canPipeline() const { return m_literalPlus || m_literalMinus; }
    bool hasUidPlus() const { return m_uidPlus; }
    bool hasMultiAppend() const { return m_multiAppend; }

    // CREATE the folder (name as the server spells it: modified UTF-7 and
    // its delimiter). A folder that exists already is no error.
    void createFolder(const QByteArray& name);

    // What the folder holds, as identity keys (identityKey()): read with
    // ENVELOPE and RFC822.SIZE in chunks, so a big folder costs a few
    // round trips and about 100 bytes a message. EXAMINEs the folder.
    QSet<QByteArray> existingKeys(const QByteArray& name);

    // A message's identity as the destination can tell it without reading
    // its bytes: its Message-ID and Date header values (whitespace removed,
    // so folding cannot differ) and its size.
    static QByteArray identityKey(const QByteArray& messageId, const QByteArray& date, qint64 size);
    // The same read from a message's own bytes.
    static QByteArray identityKeyOf(const QByteArray& raw);

    struct Append
    {
        QByteArray mailbox; // as the server spells it
        QStringList flags; // \Seen, \Answered, \Flagged, \Draft, keywords
        QDateTime internalDate; // invalid: the server's now
        QByteArray bytes;
        qint64 token = 0; // the caller's, handed back with the answer
    };
    struct Appended
    {
        QList<qint64> tokens; // of the messages the APPEND carried
        qint64 bytes = 0;
        bool ok = false;
        QString error; // the server's words when !ok
        quint32 uidValidity = 0; // from APPENDUID, 0 when not given
        QByteArray uids; // the UID set APPENDUID gave
    };
    // Sends one APPEND with these messages, all for the same mailbox (more
    // than one only with MULTIAPPEND); with pipelining, returns without
    // waiting for the answer (receive() reads the answers in the order
    // sent).
    void send(const QList<Append>& messages);
    int outstanding() const { return static_cast<int>(m_outstanding.size()); }
    qint64 outstandingBytes() const { return m_outstandingBytes; }
    // The answer to the oldest APPEND sent. Throws when the connection
    // fails; a NO for one message is an Appended with ok = false.
    Appended receive();

    // The flags an APPEND may carry: system flags but \Deleted and
    // \Recent (a restored message marked deleted would be expunged), and
    // keywords that are valid atoms.
    static QStringList appendableFlags(const QStringList& flags);
    // "05-Mar-2019 14:23:00 +0000".
    static QByteArray internalDateText(const QDateTime& date);

private:
    struct Pending
    {
        QByteArray tag;
        QList<qint64> tokens;
        qint64 bytes = 0;
    };
    ImapSession& m_session;
    bool m_literalPlus = false;
    bool m_literalMinus = false;
    bool m_uidPlus = false;
    bool m_multiAppend = false;
    QList<Pending> m_outstanding;
    qint64 m_outstandingBytes = 0;
    // Tagged answers that came for an APPEND other than the oldest.
    QList<QPair<QByteArray, QByteArray>> m_early;
};
