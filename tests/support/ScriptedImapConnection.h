#pragma once

#include "ScriptedCommand.h"
#include "ScriptedMailbox.h"
#include "ScriptedReply.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>

#include <optional>

class QSslSocket;
class QTimer;
class ScriptedImapServer;

// One client of a ScriptedImapServer, on the server's thread: reads its
// commands (literals included), runs them one at a time in order through
// the test's handler or the default, and writes the answers with flow
// control. Deletes itself when the client goes.
class ScriptedImapConnection : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedImapConnection)

public:
    ScriptedImapConnection(ScriptedImapServer& server, qintptr descriptor, QObject* parent);
    ~ScriptedImapConnection() override;

    ScriptedImapServer& server() const;

    // Writes everything unless the connection closes meanwhile; waits while
    // more than a few megabytes are queued, so big answers stream.
    void write(QByteArrayView bytes);
    void writeRepeated(char c, qint64 count);
    void close();
    bool isClosed() const;
    void setContinuation(const ScriptedCommand& command, ScriptedReply::ContinuationHandler next);

    bool isAuthenticated() const;
    void setAuthenticated(bool authenticated);
    bool isEncrypted() const;
    const ScriptedFolder* selected() const;
    const ScriptedFolder* select(const QByteArray& name);
    void deselect();
    void startTls();

    // Closes at once: the server is stopping.
    void shutdown();

private:
    void onReadyRead();
    void onEncrypted();
    void onGone();
    void processInput();
    bool readInput();
    void handleLine(const QByteArray& line);
    void dispatch(const ScriptedCommand& command);
    void runHandler(const ScriptedCommand& command);
    bool waitForRoom(qint64 limit);
    void refuse(const QByteArray& why);

    ScriptedImapServer& m_server;
    QSslSocket* m_socket = nullptr;
    QTimer* m_handshakeTimer = nullptr;
    bool m_closed = false;
    bool m_busy = false; // a handler runs: input waits (waits inside may re-enter)
    bool m_greeted = false;
    bool m_authenticated = false;

    QByteArray m_input; // received, not yet consumed
    QByteArray m_command; // the command being assembled across literals
    qint64 m_literalRemaining = 0;
    std::optional<ScriptedCommand> m_continuationCommand;
    ScriptedReply::ContinuationHandler m_continuation;

    QByteArray m_selectedName;
    std::optional<ScriptedFolder> m_selected; // refreshed from the model before each command
};
