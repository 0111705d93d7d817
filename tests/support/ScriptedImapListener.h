#pragma once

#include <QTcpServer>

class ScriptedImapServer;

// The listening socket of a ScriptedImapServer, living on its thread; each
// client becomes a ScriptedImapConnection child of it.
class ScriptedImapListener : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedImapListener)

public:
    explicit ScriptedImapListener(ScriptedImapServer& server);

    // Stops listening and closes every connection at once.
    void shutdown();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    ScriptedImapServer& m_server;
};
