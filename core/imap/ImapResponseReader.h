#pragma once

#include <QByteArray>
#include <QList>

#include <functional>
#include <string>

// One whole IMAP response as it came off the wire: its text lines and,
// between them, the literals they announced ("{n}" at the end of a line,
// then exactly n bytes, then the response goes on). A response without
// literals is one line.
struct ImapResponse
{
    QList<QByteArray> lines; // without CRLF and without the "{n}"s
    QList<QByteArray> literals; // literals[i] came after lines[i]

    // The first line as the server sent it, for error messages.
    QByteArray firstLine() const;
};

// Cuts what the server sends into whole responses, reading literals by
// count, so a message body is never searched for line ends and is copied
// once, into its own buffer.
//
// It is the reading half of the raw channel (ImapSession): vmime 0.9.2
// cannot parse INTERNALDATE and checks every tagged reply against the tag of
// the command it sent last, so it can neither read our FETCH responses nor
// keep two FETCH commands in flight.
class ImapResponseReader
{
public:
    // Blocks until the connection has more bytes, and returns them (never
    // empty); throws when the connection fails, times out or is cancelled.
    // A std::string, as vmime's socket hands them over: kept as it is, a
    // chunk is copied once, into the line or literal it belongs to.
    using Receive = std::function<std::string()>;

    explicit ImapResponseReader(Receive receive);

    // A line outside literals longer than this fails the read: no answer we
    // ask for comes near it (a UID SEARCH answer is cut to ~1 MB by
    // ImapSession::SearchChunk), and a server sending an endless line must
    // not take all memory.
    static constexpr qsizetype MaxLineBytes = 8 * 1024 * 1024;
    // A literal may be a whole message; past SQLite's blob limit it could
    // not be stored anyway.
    static constexpr qsizetype MaxLiteralBytes = 1000 * 1000 * 1000;
    static constexpr qsizetype InitialLiteralReserve = 16 * 1024 * 1024;

    // Throws vmime::exceptions::invalid_response past the caps above.
    ImapResponse next();
    // Whatever is buffered and not yet handed out.
    qsizetype buffered() const;

private:
    QByteArray readLine();
    QByteArray readBytes(qsizetype count);
    void fill();

    Receive m_receive;
    std::string m_buffer;
    qsizetype m_offset = 0; // m_buffer before m_offset is consumed
};
