#include "ScriptedImapServer.h"

#include "ScriptedImapDefaults.h"
#include "ScriptedImapListener.h"
#include "TestCertificates.h"

#include <QFile>
#include <QHostAddress>
#include <QMutexLocker>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QThread>

namespace {

QByteArray canonicalVerb(const QByteArray& verb)
{
    return verb.trimmed().toUpper();
}

} // namespace

void ScriptedImapServer::ThreadStopper::operator()(QThread* thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

ScriptedImapServer::ScriptedImapServer(Security security)
    : m_security(security)
{
}

ScriptedImapServer::~ScriptedImapServer()
{
    if (!m_thread) {
        return;
    }
    // Handlers waiting for a slow client give up at once.
    m_stopping = true;
    if (m_listener != nullptr) {
        QMetaObject::invokeMethod(
            m_listener, [listener = m_listener] { listener->shutdown(); }, Qt::BlockingQueuedConnection);
    }
    // The listener and its connections are deleted on their thread as it
    // finishes (finished() -> deleteLater()).
    m_thread.reset();
}

bool ScriptedImapServer::start(QString* error)
{
    if (m_thread) {
        *error = QStringLiteral("the scripted IMAP server is already started");
        return false;
    }
    if (m_security != Security::Plain && !createCertificates(error)) {
        return false;
    }
    m_thread.reset(new QThread);
    m_thread->setObjectName(QStringLiteral("ScriptedImapServer"));
    m_listener = new ScriptedImapListener(*this);
    m_listener->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_listener, &QObject::deleteLater);
    m_thread->start();

    bool listening = false;
    QString reason;
    // listen() creates the socket notifier, which belongs to the thread that
    // serves it.
    QMetaObject::invokeMethod(
        m_listener,
        [&] {
            listening = m_listener->listen(QHostAddress::LocalHost, 0);
            reason = m_listener->errorString();
            m_port = m_listener->serverPort();
        },
        Qt::BlockingQueuedConnection);
    if (!listening) {
        *error = QStringLiteral("the scripted IMAP server cannot listen on 127.0.0.1: %1").arg(reason);
        return false;
    }
    return true;
}

bool ScriptedImapServer::createCertificates(QString* error)
{
    m_directory = std::make_unique<QTemporaryDir>();
    if (!m_directory->isValid()) {
        *error = QStringLiteral("cannot create a temporary directory: %1").arg(m_directory->errorString());
        return false;
    }
    TestCertificates certificates(m_directory->path());
    if (!certificates.createAuthority(error)
        || !certificates.createLeaf(QStringLiteral("server"),
                                    QStringLiteral("localhost"),
                                    {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")},
                                    error)) {
        return false;
    }
    QFile keyFile(certificates.keyPath(QStringLiteral("server")));
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(keyFile.fileName(), keyFile.errorString());
        return false;
    }
    const QSslKey key(&keyFile, QSsl::Ec, QSsl::Pem);
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificates.chainPath(QStringLiteral("server")));
    if (key.isNull() || chain.isEmpty()) {
        *error = QStringLiteral("the test certificate or key in %1 cannot be read").arg(m_directory->path());
        return false;
    }
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setLocalCertificateChain(chain);
    m_tls.setPrivateKey(key);
    // The server does not ask for client certificates.
    m_tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_caPath = certificates.authorityPath();
    return true;
}

ScriptedImapServer::Security ScriptedImapServer::security() const
{
    return m_security;
}

QString ScriptedImapServer::host() const
{
    return QStringLiteral("127.0.0.1");
}

quint16 ScriptedImapServer::port() const
{
    return m_port;
}

QString ScriptedImapServer::caCertificatePath() const
{
    return m_caPath;
}

void ScriptedImapServer::setUser(QByteArray user, QByteArray password)
{
    const QMutexLocker lock(&m_mutex);
    m_user = std::move(user);
    m_password = std::move(password);
}

QByteArray ScriptedImapServer::user() const
{
    const QMutexLocker lock(&m_mutex);
    return m_user;
}

QByteArray ScriptedImapServer::password() const
{
    const QMutexLocker lock(&m_mutex);
    return m_password;
}

void ScriptedImapServer::setCapabilities(QByteArray capabilities)
{
    const QMutexLocker lock(&m_mutex);
    m_capabilities = std::move(capabilities);
}

QByteArray ScriptedImapServer::capabilities() const
{
    const QMutexLocker lock(&m_mutex);
    return m_capabilities;
}

void ScriptedImapServer::setFolders(QList<ScriptedFolder> folders)
{
    const QMutexLocker lock(&m_mutex);
    m_folders = std::move(folders);
}

QList<ScriptedFolder> ScriptedImapServer::folders() const
{
    const QMutexLocker lock(&m_mutex);
    return m_folders;
}

namespace {

bool sameFolder(const QByteArray& folder, const QByteArray& name)
{
    // INBOX is case-insensitive (RFC 3501 5.1); every other name is exact.
    return folder == name
        || (folder.compare("INBOX", Qt::CaseInsensitive) == 0 && name.compare("INBOX", Qt::CaseInsensitive) == 0);
}

} // namespace

std::optional<ScriptedFolder> ScriptedImapServer::folder(const QByteArray& name) const
{
    const QMutexLocker lock(&m_mutex);
    for (const ScriptedFolder& folder : m_folders) {
        if (sameFolder(folder.name, name)) {
            return folder;
        }
    }
    return std::nullopt;
}

bool ScriptedImapServer::updateFolder(const QByteArray& name, const std::function<void(ScriptedFolder&)>& change)
{
    const QMutexLocker lock(&m_mutex);
    for (ScriptedFolder& folder : m_folders) {
        if (sameFolder(folder.name, name)) {
            change(folder);
            return true;
        }
    }
    return false;
}

void ScriptedImapServer::setHandler(const QByteArray& verb, Handler handler)
{
    const QMutexLocker lock(&m_mutex);
    if (handler) {
        m_handlers[canonicalVerb(verb)] = std::move(handler);
    } else {
        m_handlers.remove(canonicalVerb(verb));
    }
}

ScriptedImapServer::Handler ScriptedImapServer::handler(const QByteArray& verb) const
{
    const QMutexLocker lock(&m_mutex);
    return m_handlers.value(verb);
}

void ScriptedImapServer::setFetchFilter(std::function<bool(quint32 uid)> filter)
{
    const QMutexLocker lock(&m_mutex);
    m_fetchFilter = std::move(filter);
}

std::function<bool(quint32 uid)> ScriptedImapServer::fetchFilter() const
{
    const QMutexLocker lock(&m_mutex);
    return m_fetchFilter;
}

QList<QByteArray> ScriptedImapServer::receivedCommands() const
{
    const QMutexLocker lock(&m_mutex);
    return m_received;
}

void ScriptedImapServer::clearReceivedCommands()
{
    const QMutexLocker lock(&m_mutex);
    m_received.clear();
}

void ScriptedImapServer::recordCommand(const QByteArray& line)
{
    const QMutexLocker lock(&m_mutex);
    m_received << line;
}

int ScriptedImapServer::connectionCount() const
{
    return m_connections;
}

void ScriptedImapServer::countConnection()
{
    ++m_connections;
}

bool ScriptedImapServer::isStopping() const
{
    return m_stopping;
}

const QSslConfiguration& ScriptedImapServer::tlsConfiguration() const
{
    return m_tls;
}

QByteArray ScriptedImapServer::fetchItem(const ScriptedFolder& folder,
                                         const ScriptedMessage& message,
                                         int seq,
                                         const QByteArray& items)
{
    if (seq <= 0) {
        for (qsizetype i = 0; i < folder.messages.size(); ++i) {
            if (folder.messages.at(i).uid == message.uid) {
                seq = static_cast<int>(i + 1);
            }
        }
    }
    QList<QByteArray> parsed;
    // Unknown items are dropped, not refused: a handler may ask for less.
    for (const QByteArray& item : ScriptedCommand::tokens(items)) {
        QList<QByteArray> one;
        if (ScriptedImapDefaults::fetchItems(item, &one)) {
            parsed << one;
        }
    }
    return ScriptedImapDefaults::fetchResponse(message, seq, parsed, false).join();
}
