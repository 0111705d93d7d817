#include "ScriptedImapListener.h"

#include "ScriptedImapConnection.h"
#include "ScriptedImapServer.h"

ScriptedImapListener::ScriptedImapListener(ScriptedImapServer& server)
    : m_server(server)
{
}

void ScriptedImapListener::shutdown()
{
    close();
    for (ScriptedImapConnection* connection : findChildren<ScriptedImapConnection*>(Qt::FindDirectChildrenOnly)) {
        connection->shutdown();
    }
}

void ScriptedImapListener::incomingConnection(qintptr descriptor)
{
    // Not through nextPendingConnection(): the socket must be a QSslSocket
    // from the start to be able to speak TLS.
    new ScriptedImapConnection(m_server, descriptor, this);
}
