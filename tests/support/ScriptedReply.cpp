#include "ScriptedReply.h"

#include "ScriptedImapConnection.h"
#include "ScriptedImapDefaults.h"
#include "ScriptedImapServer.h"

ScriptedReply::ScriptedReply(ScriptedImapConnection& connection, const ScriptedCommand& command)
    : m_connection(connection)
    , m_command(command)
{
}

void ScriptedReply::send(const QByteArray& bytes)
{
    m_connection.write(bytes);
}

void ScriptedReply::sendRepeated(char c, qint64 count)
{
    m_connection.writeRepeated(c, count);
}

void ScriptedReply::untagged(const QByteArray& text)
{
    m_connection.write("* " + text + "\r\n");
}

void ScriptedReply::ok(const QByteArray& text)
{
    tagged("OK", text);
}

void ScriptedReply::no(const QByteArray& text)
{
    tagged("NO", text);
}

void ScriptedReply::bad(const QByteArray& text)
{
    tagged("BAD", text);
}

void ScriptedReply::tagged(const QByteArray& status, const QByteArray& text)
{
    const QByteArray tag = m_command.tag.isEmpty() ? QByteArray("*") : m_command.tag;
    m_connection.write(tag + ' ' + status + (text.isEmpty() ? QByteArray() : ' ' + text) + "\r\n");
}

void ScriptedReply::close()
{
    m_connection.close();
}

bool ScriptedReply::isClosed() const
{
    return m_connection.isClosed();
}

void ScriptedReply::continuation(const QByteArray& text, ContinuationHandler next)
{
    m_connection.write("+ " + text + "\r\n");
    m_connection.setContinuation(m_command, std::move(next));
}

void ScriptedReply::defaultAnswer()
{
    ScriptedImapDefaults::answer(m_command, *this);
}

const ScriptedCommand& ScriptedReply::command() const
{
    return m_command;
}

ScriptedImapServer& ScriptedReply::server() const
{
    return m_connection.server();
}

const ScriptedFolder* ScriptedReply::selected() const
{
    return m_connection.selected();
}

bool ScriptedReply::isAuthenticated() const
{
    return m_connection.isAuthenticated();
}

void ScriptedReply::setAuthenticated(bool authenticated)
{
    m_connection.setAuthenticated(authenticated);
}

bool ScriptedReply::isEncrypted() const
{
    return m_connection.isEncrypted();
}

const ScriptedFolder* ScriptedReply::select(const QByteArray& name)
{
    return m_connection.select(name);
}

void ScriptedReply::deselect()
{
    m_connection.deselect();
}

void ScriptedReply::startTls()
{
    m_connection.startTls();
}

QByteArray ScriptedReply::capabilities() const
{
    QByteArray capabilities = server().capabilities();
    if (server().security() == ScriptedImapServer::Security::StartTls && !isEncrypted()) {
        capabilities += " STARTTLS";
    }
    return capabilities;
}
