#pragma once

#include "ScriptedCommand.h"
#include "ScriptedMailbox.h"

#include <QByteArray>
#include <QtGlobal>

#include <functional>

class ScriptedImapConnection;
class ScriptedImapServer;

// How a handler answers one command of a ScriptedImapServer connection.
// Everything goes out exactly as given, in order; large answers are written
// in pieces as the client reads them, so the server never holds more than a
// few megabytes of it. Once the client has gone (or close() was called),
// writing does nothing: a handler can carry on without checking.
class ScriptedReply
{
public:
    using ContinuationHandler = std::function<void(const QByteArray& line, ScriptedReply& reply)>;

    ScriptedReply(ScriptedImapConnection& connection, const ScriptedCommand& command);
    Q_DISABLE_COPY_MOVE(ScriptedReply)

    // Raw bytes, nothing added.
    void send(const QByteArray& bytes);
    // `count` times `c`, streamed: a 1 GB line costs the server no memory.
    void sendRepeated(char c, qint64 count);
    // "* text\r\n"
    void untagged(const QByteArray& text);
    // "tag OK text\r\n" and so on; with no tag (the greeting) "* OK text".
    void ok(const QByteArray& text = "done");
    void no(const QByteArray& text);
    void bad(const QByteArray& text);
    // Drops the connection once what was sent has gone out.
    void close();
    bool isClosed() const;

    // Sends "+ text\r\n"; the client's next line goes to `next` instead of
    // being read as a command (AUTHENTICATE's exchange).
    void continuation(const QByteArray& text, ContinuationHandler next);

    // What the server would have answered: lets a handler wrap the default.
    void defaultAnswer();

    const ScriptedCommand& command() const;
    ScriptedImapServer& server() const;
    // The folder EXAMINE or SELECT chose, as the model holds it now; null
    // when none is.
    const ScriptedFolder* selected() const;

    // The connection state the default answers keep, open to handlers that
    // replace them.
    bool isAuthenticated() const;
    void setAuthenticated(bool authenticated);
    bool isEncrypted() const;
    // Selects the model's folder `name` (INBOX in any case); null and
    // nothing selected when there is none.
    const ScriptedFolder* select(const QByteArray& name);
    void deselect();
    // Begins the TLS handshake after what was sent so far (STARTTLS).
    void startTls();
    // The capabilities this connection announces now.
    QByteArray capabilities() const;

private:
    void tagged(const QByteArray& status, const QByteArray& text);

    ScriptedImapConnection& m_connection;
    const ScriptedCommand& m_command;
};
