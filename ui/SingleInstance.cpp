#include "SingleInstance.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <optional>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace {

// A request is one line of compact JSON, {"activate": [arguments]}: JSON
// escapes newlines inside the arguments, so the line ends where it says.
constexpr QLatin1String ActivateKey("activate");
const QByteArray Reply = QByteArrayLiteral("ok\n");
// The socket is the user's own, but what comes through it is still input:
// a longer request, or one that is never finished, is dropped.
constexpr qint64 MaxRequestBytes = qint64 {64} * 1024;
constexpr int RequestTimeoutMs = 5000;
constexpr int RetryIntervalMs = 100;

QString userIdentity()
{
#ifdef Q_OS_UNIX
    return QString::number(getuid());
#else
    return qEnvironmentVariable("USERNAME");
#endif
}

// The same archive by any spelling: relative, through a symlink, or not yet
// created (the first launch creates it, and a second launch after that must
// still find the first).
QString canonicalArchivePath(const QString& archivePath)
{
    const QFileInfo file(archivePath);
    if (QString canonical = file.canonicalFilePath(); !canonical.isEmpty()) {
        return canonical;
    }
    if (const QString directory = file.absoluteDir().canonicalPath(); !directory.isEmpty()) {
        return QDir(directory).filePath(file.fileName());
    }
    return file.absoluteFilePath();
}

// "openarchiver-" and 16 hex digits of a SHA-256 over user and archive.
QString instanceName(const QString& archivePath)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(userIdentity().toUtf8());
    hash.addData(QByteArrayView("\0", 1)); // ("ab", "c") and ("a", "bc") differ
    hash.addData(canonicalArchivePath(archivePath).toUtf8());
    return QStringLiteral("openarchiver-") + QString::fromLatin1(hash.result().toHex().left(16));
}

QDir instanceDirectory()
{
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    return QDir(runtime.isEmpty() ? QDir::tempPath() : runtime);
}

QString serverNameFor(const QString& archivePath)
{
#ifdef Q_OS_UNIX
    // A bare name puts the socket in /tmp, where any user could take the
    // name first; the runtime directory is this user's alone.
    return instanceDirectory().filePath(instanceName(archivePath));
#else
    return instanceName(archivePath); // a pipe name, not a path
#endif
}

QByteArray encodeRequest(const QStringList& arguments)
{
    const QJsonObject request {{ActivateKey, QJsonArray::fromStringList(arguments)}};
    return QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<QStringList> decodeRequest(const QByteArray& line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return std::nullopt;
    }
    const QJsonValue arguments = document.object().value(ActivateKey);
    if (!arguments.isArray()) {
        return std::nullopt;
    }
    QStringList decoded;
    for (const auto& argument : arguments.toArray()) {
        if (!argument.isString()) {
            return std::nullopt;
        }
        decoded << argument.toString();
    }
    return decoded;
}

int remainingMs(const QDeadlineTimer& deadline)
{
    return static_cast<int>(std::max<qint64>(0, deadline.remainingTime()));
}

// One connected attempt: the request out, "ok" back.
bool askToActivate(QLocalSocket& socket, const QByteArray& request, const QDeadlineTimer& deadline)
{
    if (socket.write(request) != request.size()) {
        return false;
    }
    socket.waitForBytesWritten(remainingMs(deadline)); // the answer below is what counts
    while (!socket.canReadLine()) {
        if (deadline.hasExpired() || !socket.waitForReadyRead(remainingMs(deadline))) {
            return false;
        }
    }
    return socket.readLine(Reply.size() + 1) == Reply; // + 1: readLine() counts a terminating zero
}

void drop(QLocalSocket* socket)
{
    socket->abort();
    socket->deleteLater();
}

} // namespace

SingleInstance::SingleInstance(const QString& archivePath, QObject* parent)
    : QObject(parent)
    , m_serverName(serverNameFor(archivePath))
    , m_lock(instanceDirectory().filePath(instanceName(archivePath) + QStringLiteral(".lock")))
{
    // Never stale by age, only when the PID in it is gone: the running one
    // may hold it for weeks, and a crashed one's is taken over at once.
    m_lock.setStaleLockTime(0);
}

SingleInstance::~SingleInstance()
{
    // The server first: closing it deletes the socket file, which after the
    // unlock could already be the next running one's.
    if (m_server) {
        m_server->close();
    }
    m_lock.unlock();
}

bool SingleInstance::claim()
{
    if (m_server) {
        return true;
    }
    if (!m_lock.tryLock(0)) {
        return false;
    }
    // A crashed run leaves its socket file behind. Qt documents this call
    // for it; with UserAccessOption, Qt 6.4's listen() would also replace it.
    QLocalServer::removeServer(m_serverName);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    if (!m_server->listen(m_serverName)) {
        // Still the running one, as the lock says; a second launch finds
        // nobody answering and says so.
        qWarning("Single instance: cannot listen on %s: %s",
                 qUtf8Printable(m_serverName),
                 qUtf8Printable(m_server->errorString()));
    }
    return true;
}

bool SingleInstance::activateRunning(const QStringList& arguments, int timeoutMs)
{
    QByteArray request = encodeRequest(arguments);
    if (request.size() > MaxRequestBytes) {
        request = encodeRequest({}); // coming forward matters more than the arguments
    }
    const QDeadlineTimer deadline(std::max(0, timeoutMs));
    do {
        QLocalSocket socket;
        socket.connectToServer(m_serverName);
        if (socket.waitForConnected(remainingMs(deadline))) {
            // Asked once only: asking again could bring it forward twice.
            return askToActivate(socket, request, deadline);
        }
        // Nobody listens yet: the running one may still be starting.
        QThread::msleep(static_cast<unsigned long>(std::min(RetryIntervalMs, remainingMs(deadline))));
    } while (!deadline.hasExpired());
    return false;
}

QString SingleInstance::lockFilePath() const
{
    return m_lock.fileName();
}

QString SingleInstance::serverName() const
{
    return m_serverName;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        // Bounds what Qt buffers: a line that has not ended by then never will.
        socket->setReadBufferSize(MaxRequestBytes + 1);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { handleRequest(socket); });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        // A request that is never finished does not hold the socket open.
        auto* timeout = new QTimer(socket);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, socket, [socket] { drop(socket); });
        timeout->start(RequestTimeoutMs);
    }
}

void SingleInstance::handleRequest(QLocalSocket* socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > MaxRequestBytes) {
            drop(socket);
        }
        return;
    }
    // One request per connection: whatever follows it is not read.
    disconnect(socket, nullptr, this, nullptr);
    const QByteArray line = socket->readLine();
    const std::optional<QStringList> arguments = line.size() <= MaxRequestBytes ? decodeRequest(line) : std::nullopt;
    if (!arguments) {
        drop(socket);
        return;
    }
    emit activationRequested(*arguments);
    socket->write(Reply);
    socket->disconnectFromServer(); // once the reply is written
}
