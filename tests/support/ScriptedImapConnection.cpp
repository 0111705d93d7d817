#include "ScriptedImapConnection.h"

#include "ScriptedImapDefaults.h"
#include "ScriptedImapServer.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSslSocket>
#include <QTimer>

#include <exception>
#include <utility>

namespace {

// Bounds on what a client can make the server hold: a line without an end,
// a literal announced as huge. Past them the client gets BYE and is dropped.
constexpr qsizetype MaxLineBytes = qsizetype {1024} * 1024;
constexpr qint64 MaxCommandBytes = qint64 {64} * 1024 * 1024;
constexpr qint64 ReadBufferBytes = qint64 {4} * 1024 * 1024;
// Answers are written in pieces, and the next piece waits while this much
// is queued: big bodies and sendRepeated() stream instead of piling up.
constexpr qsizetype WriteChunkBytes = qsizetype {1024} * 1024;
constexpr qint64 MaxQueuedBytes = qint64 {4} * 1024 * 1024;
constexpr int WaitSliceMs = 100;
// A client that reads nothing for this long is not coming back.
constexpr int StallTimeoutMs = 30000;
constexpr int HandshakeTimeoutMs = 10000;

// "{123}" or "{123+}" ending a line: the size and whether the client waits
// for a continuation (a synchronising literal).
bool literalAtEnd(const QByteArray& line, qint64* size, bool* synchronising)
{
    if (!line.endsWith('}')) {
        return false;
    }
    const qsizetype open = line.lastIndexOf('{');
    if (open < 0) {
        return false;
    }
    QByteArray digits = line.mid(open + 1, line.size() - open - 2);
    *synchronising = !digits.endsWith('+');
    if (!*synchronising) {
        digits.chop(1);
    }
    if (digits.isEmpty() || digits.size() > 18) {
        return false;
    }
    for (const char c : std::as_const(digits)) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    *size = digits.toLongLong();
    return true;
}

} // namespace

ScriptedImapConnection::ScriptedImapConnection(ScriptedImapServer& server, qintptr descriptor, QObject* parent)
    : QObject(parent)
    , m_server(server)
    , m_socket(new QSslSocket(this))
    , m_handshakeTimer(new QTimer(this))
{
    m_server.countConnection();
    // Bounded, so a client sending a gigabyte without a line end is cut off
    // instead of filling the server's memory.
    m_socket->setReadBufferSize(ReadBufferBytes);
    if (!m_socket->setSocketDescriptor(descriptor)) {
        m_closed = true;
        deleteLater();
        return;
    }
    connect(m_socket, &QSslSocket::readyRead, this, &ScriptedImapConnection::onReadyRead);
    connect(m_socket, &QSslSocket::encrypted, this, &ScriptedImapConnection::onEncrypted);
    connect(m_socket, &QSslSocket::disconnected, this, &ScriptedImapConnection::onGone);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        // A client that rejects the certificate ends the handshake; nothing
        // more can be said on that connection.
        if (error == QAbstractSocket::SslHandshakeFailedError || m_socket->state() != QAbstractSocket::ConnectedState) {
            shutdown();
        }
    });
    m_handshakeTimer->setSingleShot(true);
    m_handshakeTimer->setInterval(HandshakeTimeoutMs);
    connect(m_handshakeTimer, &QTimer::timeout, this, [this] {
        if (!m_socket->isEncrypted()) {
            shutdown();
        }
    });

    if (m_server.security() != ScriptedImapServer::Security::Plain) {
        m_socket->setSslConfiguration(m_server.tlsConfiguration());
    }
    if (m_server.security() == ScriptedImapServer::Security::Tls) {
        m_socket->startServerEncryption();
        m_handshakeTimer->start();
    } else {
        m_greeted = true;
        runHandler(ScriptedCommand {QByteArray(), "GREETING", {}, QByteArray()});
    }
}

ScriptedImapConnection::~ScriptedImapConnection() = default;

ScriptedImapServer& ScriptedImapConnection::server() const
{
    return m_server;
}

void ScriptedImapConnection::onReadyRead()
{
    processInput();
}

void ScriptedImapConnection::onEncrypted()
{
    m_handshakeTimer->stop();
    // After STARTTLS the client goes on with a command; implicit TLS greets first.
    if (!m_greeted) {
        m_greeted = true;
        runHandler(ScriptedCommand {QByteArray(), "GREETING", {}, QByteArray()});
    }
    processInput();
}

void ScriptedImapConnection::onGone()
{
    m_closed = true;
    m_handshakeTimer->stop();
    deleteLater();
}

void ScriptedImapConnection::shutdown()
{
    m_closed = true;
    m_socket->abort();
    onGone();
}

void ScriptedImapConnection::processInput()
{
    // Waiting for the client to read a big answer emits readyRead from
    // inside the handler; the commands that came meanwhile wait their turn.
    if (m_busy) {
        return;
    }
    m_busy = true;
    const auto idle = qScopeGuard([this] { m_busy = false; });
    while (!m_closed) {
        if (m_literalRemaining > 0) {
            if (m_input.isEmpty() && !readInput()) {
                return;
            }
            const qsizetype take = static_cast<qsizetype>(qMin<qint64>(m_literalRemaining, m_input.size()));
            m_command += m_input.left(take);
            m_input.remove(0, take);
            m_literalRemaining -= take;
            continue;
        }
        const qsizetype end = m_input.indexOf('\n');
        if (end < 0) {
            if (m_input.size() > MaxLineBytes) {
                refuse("BYE Command line too long");
                return;
            }
            if (!readInput()) {
                return;
            }
            continue;
        }
        QByteArray line = m_input.left(end);
        m_input.remove(0, end + 1);
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        handleLine(line);
    }
}

bool ScriptedImapConnection::readInput()
{
    if (m_closed || m_socket->bytesAvailable() <= 0) {
        return false;
    }
    m_input += m_socket->read(ReadBufferBytes);
    return true;
}

void ScriptedImapConnection::handleLine(const QByteArray& line)
{
    if (m_continuation) {
        const auto next = std::exchange(m_continuation, nullptr);
        const ScriptedCommand command = *std::exchange(m_continuationCommand, std::nullopt);
        m_server.recordCommand(line);
        ScriptedReply reply(*this, command);
        try {
            next(line, reply);
        } catch (const std::exception& e) {
            qWarning("ScriptedImapServer: a continuation handler threw: %s", e.what());
            close();
        }
        return;
    }

    m_command += line;
    qint64 size = 0;
    bool synchronising = false;
    if (literalAtEnd(line, &size, &synchronising)) {
        if (size > MaxCommandBytes - m_command.size()) {
            refuse("BYE Literal too big");
            return;
        }
        m_command += "\r\n";
        m_literalRemaining = size;
        if (synchronising) {
            write("+ Ready for literal data\r\n");
        }
        return;
    }
    if (m_command.size() > MaxCommandBytes) {
        refuse("BYE Command too long");
        return;
    }
    const ScriptedCommand command = ScriptedCommand::parse(std::exchange(m_command, QByteArray()));
    m_server.recordCommand(command.line);
    dispatch(command);
}

void ScriptedImapConnection::dispatch(const ScriptedCommand& command)
{
    // The model may have changed since the last command (the test thread
    // adds mail while the client is connected).
    if (!m_selectedName.isEmpty()) {
        m_selected = m_server.folder(m_selectedName);
    }
    runHandler(command);
}

void ScriptedImapConnection::runHandler(const ScriptedCommand& command)
{
    ScriptedReply reply(*this, command);
    const ScriptedImapServer::Handler handler = m_server.handler(command.verb);
    // An exception must not unwind through Qt's event loop: the client
    // sees the connection close instead.
    try {
        if (handler) {
            handler(command, reply);
        } else {
            ScriptedImapDefaults::answer(command, reply);
        }
    } catch (const std::exception& e) {
        qWarning("ScriptedImapServer: the handler for %s threw: %s", command.verb.constData(), e.what());
        close();
    }
}

void ScriptedImapConnection::refuse(const QByteArray& why)
{
    write("* " + why + "\r\n");
    m_input.clear();
    m_command.clear();
    m_literalRemaining = 0;
    close();
}

void ScriptedImapConnection::write(QByteArrayView bytes)
{
    while (!bytes.isEmpty() && !m_closed) {
        const qsizetype chunk = qMin(bytes.size(), WriteChunkBytes);
        m_socket->write(bytes.data(), chunk);
        bytes = bytes.sliced(chunk);
        if (!waitForRoom(MaxQueuedBytes)) {
            return;
        }
    }
}

void ScriptedImapConnection::writeRepeated(char c, qint64 count)
{
    const QByteArray block(static_cast<qsizetype>(qMin<qint64>(count, WriteChunkBytes)), c);
    while (count > 0 && !m_closed) {
        const qsizetype chunk = static_cast<qsizetype>(qMin<qint64>(count, block.size()));
        write(QByteArrayView(block).first(chunk));
        count -= chunk;
    }
}

bool ScriptedImapConnection::waitForRoom(qint64 limit)
{
    QElapsedTimer stalled;
    stalled.start();
    qint64 queued = m_socket->bytesToWrite();
    while (!m_closed && queued > limit) {
        if (m_server.isStopping()) {
            shutdown();
            return false;
        }
        // Blocking on this thread only; the test's thread runs the client.
        m_socket->waitForBytesWritten(WaitSliceMs);
        if (m_closed || m_socket->state() != QAbstractSocket::ConnectedState) {
            shutdown();
            return false;
        }
        const qint64 now = m_socket->bytesToWrite();
        if (now < queued) {
            stalled.restart();
        } else if (stalled.hasExpired(StallTimeoutMs)) {
            qWarning("ScriptedImapServer: the client read nothing for %d ms; dropping it", StallTimeoutMs);
            shutdown();
            return false;
        }
        queued = now;
    }
    return !m_closed;
}

void ScriptedImapConnection::close()
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    // What is queued still goes out first, unless the client stops reading.
    m_socket->disconnectFromHost();
    if (m_socket->state() != QAbstractSocket::UnconnectedState) {
        QTimer::singleShot(StallTimeoutMs, this, [this] { shutdown(); });
    }
}

bool ScriptedImapConnection::isClosed() const
{
    return m_closed;
}

void ScriptedImapConnection::setContinuation(const ScriptedCommand& command, ScriptedReply::ContinuationHandler next)
{
    m_continuationCommand = command;
    m_continuation = std::move(next);
}

bool ScriptedImapConnection::isAuthenticated() const
{
    return m_authenticated;
}

void ScriptedImapConnection::setAuthenticated(bool authenticated)
{
    m_authenticated = authenticated;
}

bool ScriptedImapConnection::isEncrypted() const
{
    return m_socket->isEncrypted();
}

const ScriptedFolder* ScriptedImapConnection::selected() const
{
    return m_selected ? &*m_selected : nullptr;
}

const ScriptedFolder* ScriptedImapConnection::select(const QByteArray& name)
{
    m_selected = m_server.folder(name);
    if (!m_selected) {
        m_selectedName.clear();
        return nullptr;
    }
    m_selectedName = m_selected->name;
    return &*m_selected;
}

void ScriptedImapConnection::deselect()
{
    m_selectedName.clear();
    m_selected.reset();
}

void ScriptedImapConnection::startTls()
{
    // Whatever the client pipelined after STARTTLS came in plaintext and must
    // not be run as if it came over TLS.
    m_input.clear();
    m_command.clear();
    m_literalRemaining = 0;
    if (m_closed) {
        return;
    }
    // Unencrypted writes went straight to the plain socket, so the OK goes
    // out in plaintext before the handshake.
    m_socket->flush();
    m_socket->startServerEncryption();
    m_handshakeTimer->start();
}
