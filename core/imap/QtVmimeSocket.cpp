#include "QtVmimeSocket.h"

#include "CancelToken.h"
#include "ConnectError.h"
#include "TlsError.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>
#include <cstring>

#include <vmime/exception.hpp>

namespace {

constexpr size_t BlockSize = 64 * 1024;
// Coalesced writes are pushed out before this much piles up (§1.5).
constexpr qint64 FlushThreshold = 256 * 1024;
constexpr qint64 MaxGreetingLength = 8 * 1024;
// A tag vmime never uses ("a001"…), so our exchange cannot be confused with its.
constexpr char StartTlsCommand[] = "S0 STARTTLS\r\n";

// Parsing the OS store costs ~80–95 ms per call (pitfall 6): once per process.
const QList<QSslCertificate>& systemCaCertificates()
{
    static const QList<QSslCertificate> certificates = QSslConfiguration::systemCaCertificates();
    return certificates;
}

QByteArray normalizedPin(const QByteArray& pin)
{
    if (pin.size() == 32) {
        return pin; // raw digest
    }
    QByteArray hex = pin;
    hex.replace(':', QByteArray());
    return QByteArray::fromHex(hex.trimmed());
}

// "[CAPABILITY a b c]" from a greeting, or an empty list without that code.
QList<QByteArray> greetingCapabilities(const QByteArray& greeting, qsizetype* start, qsizetype* end)
{
    const qsizetype open = greeting.toUpper().indexOf("[CAPABILITY ");
    if (open < 0) {
        return {};
    }
    const qsizetype close = greeting.indexOf(']', open);
    if (close < 0) {
        return {};
    }
    *start = open;
    *end = close + 1;
    return greeting.mid(open + 12, close - open - 12).toUpper().split(' ');
}

QString printable(const QByteArray& line)
{
    return QString::fromLatin1(line.trimmed());
}

// What the user can do about a failed connect depends on this, not on Qt's
// words for it.
ConnectError::Reason connectReason(QAbstractSocket::SocketError code)
{
    switch (code) {
    case QAbstractSocket::HostNotFoundError:
        return ConnectError::Reason::HostNotFound;
    case QAbstractSocket::ConnectionRefusedError:
        return ConnectError::Reason::Refused;
    case QAbstractSocket::SocketTimeoutError:
        return ConnectError::Reason::TimedOut;
    default:
        return ConnectError::Reason::Other;
    }
}

} // namespace

QString QtVmimeSocket::Report::summary() const
{
    return QStringLiteral("TLS=%1 cipher=%2 starttls=%3 pinned=%4 errors=%5 NODELAY=%6")
        .arg(encrypted ? protocol : QStringLiteral("none"), cipher)
        .arg(startTls ? 1 : 0)
        .arg(pinned ? 1 : 0)
        .arg(errorsSeen.size())
        .arg(noDelay);
}

QtVmimeSocket::QtVmimeSocket(TlsPolicy policy,
                             std::shared_ptr<CancelToken> token,
                             std::shared_ptr<vmime::net::timeoutHandler> timeoutHandler,
                             std::shared_ptr<Report> report)
    : m_policy(std::move(policy))
    , m_token(std::move(token))
    , m_timeoutHandler(std::move(timeoutHandler))
    , m_report(report ? std::move(report) : std::make_shared<Report>())
    , m_pinnedSha256(normalizedPin(m_policy.pinnedSha256))
{
    if (!m_token) {
        m_token = std::make_shared<CancelToken>();
    }
    m_policy.sliceMs = std::max(1, m_policy.sliceMs);
}

QtVmimeSocket::~QtVmimeSocket()
{
    close();
}

void QtVmimeSocket::connect(const vmime::string& address, const vmime::port_t port)
{
    close();
    m_peerName = address;
    m_pending.clear();
    m_tlsName = m_policy.peerName.isEmpty() ? QString::fromStdString(address) : m_policy.peerName;
    *m_report = Report();
    if (m_timeoutHandler) {
        m_timeoutHandler->resetTimeOut();
    }

    connectTcp(QString::fromStdString(address), port);
    // Only effective once connected (pitfall 4); read back for the report.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    m_report->noDelay = m_socket->socketOption(QAbstractSocket::LowDelayOption).toInt();
    m_publishedDescriptor = m_socket->socketDescriptor();
    m_token->publish(m_publishedDescriptor);

    switch (m_policy.mode) {
    case TlsPolicy::Mode::Implicit:
        waitEncrypted();
        break;
    case TlsPolicy::Mode::StartTls:
        startTls();
        break;
    case TlsPolicy::Mode::Plain:
        break;
    }
}

void QtVmimeSocket::connectTcp(const QString& host, quint16 port)
{
    // The loop comes first: it gives a std::thread an event dispatcher, which
    // the socket needs for its notifiers (pitfall 3).
    QEventLoop loop;
    m_socket = std::make_unique<QSslSocket>();
    configureTls();

    // waitForConnected() can neither be sliced nor woken (pitfall 2), so the
    // connect runs in a local event loop that a timer checks every slice.
    enum class Outcome { Pending, Cancelled, TimedOut, ConnectTimeout } outcome = Outcome::Pending;
    QObject::connect(m_socket.get(), &QAbstractSocket::stateChanged, &loop, [&loop](QAbstractSocket::SocketState s) {
        if (s == QAbstractSocket::ConnectedState || s == QAbstractSocket::UnconnectedState) {
            loop.quit();
        }
    });
    QElapsedTimer elapsed;
    elapsed.start();
    QTimer slice;
    slice.setInterval(m_policy.sliceMs);
    QObject::connect(&slice, &QTimer::timeout, &loop, [&] {
        if (m_token->isCancelled()) {
            outcome = Outcome::Cancelled;
        } else if (elapsed.elapsed() >= m_policy.connectTimeoutMs) {
            outcome = Outcome::ConnectTimeout;
        } else if (m_timeoutHandler && m_timeoutHandler->isTimeOut()) {
            if (m_timeoutHandler->handleTimeOut()) {
                m_timeoutHandler->resetTimeOut();
            } else {
                outcome = Outcome::TimedOut;
            }
        }
        if (outcome != Outcome::Pending) {
            loop.quit();
        }
    });

    if (m_policy.mode == TlsPolicy::Mode::Implicit) {
        m_socket->connectToHostEncrypted(host, port, m_tlsName); // m_tlsName: SNI and name check
    } else {
        m_socket->connectToHost(host, port);
    }
    if (m_token->isCancelled()) {
        outcome = Outcome::Cancelled;
    }
    if (outcome == Outcome::Pending && m_socket->state() != QAbstractSocket::ConnectedState
        && m_socket->state() != QAbstractSocket::UnconnectedState) {
        slice.start();
        loop.exec();
    }

    switch (outcome) {
    case Outcome::Cancelled:
        m_socket->abort();
        throw vmime::exceptions::operation_cancelled();
    case Outcome::TimedOut:
        m_socket->abort();
        throw vmime::exceptions::operation_timed_out();
    case Outcome::ConnectTimeout:
        m_socket->abort();
        throw ConnectError(ConnectError::Reason::TimedOut,
                           tr("Could not connect to %1:%2 in time.").arg(host).arg(port).toStdString());
    case Outcome::Pending:
        break;
    }
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        const QString reason = m_socket->errorString();
        const QAbstractSocket::SocketError code = m_socket->error();
        m_socket->abort();
        throw ConnectError(connectReason(code),
                           tr("Could not connect to %1:%2: %3").arg(host).arg(port).arg(reason).toStdString());
    }
}

void QtVmimeSocket::configureTls()
{
    if (m_policy.mode == TlsPolicy::Mode::Plain) {
        return;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_policy.extraCaCertificates.isEmpty()) {
        // setCaCertificates(system + extra), never addCaCertificates(): the
        // latter disables on-demand loading of the system roots (pitfall 5).
        configuration.setCaCertificates(systemCaCertificates() + m_policy.extraCaCertificates);
    }
    m_socket->setSslConfiguration(configuration);
    m_socket->setPeerVerifyName(m_tlsName);
    m_report->peerVerifyName = m_tlsName;

    // Direct connection: in blocking mode the signal is emitted inside
    // waitForEncrypted(), and ignoring must happen right there (pitfall 7).
    QObject::connect(
        m_socket.get(),
        &QSslSocket::sslErrors,
        m_socket.get(),
        [this](const QList<QSslError>& errors) {
            m_report->errorsSeen = errors;
            m_report->peerChain = m_socket->peerCertificateChain();
            // A matching pin overrides every error, a name mismatch included.
            if (!m_pinnedSha256.isEmpty()
                && m_socket->peerCertificate().digest(QCryptographicHash::Sha256) == m_pinnedSha256) {
                m_socket->ignoreSslErrors();
                m_report->pinned = true;
            }
        },
        Qt::DirectConnection);
}

void QtVmimeSocket::waitEncrypted()
{
    // Slicing waitForEncrypted() is safe once TCP is up: a timed-out slice
    // leaves the socket connected (pitfall 2).
    while (!m_socket->isEncrypted()) {
        checkAbort();
        if (m_socket->waitForEncrypted(m_policy.sliceMs)) {
            break;
        }
        if (m_token->isCancelled()) {
            throw vmime::exceptions::operation_cancelled();
        }
        if (m_socket->state() == QAbstractSocket::ConnectedState
            && m_socket->error() == QAbstractSocket::SocketTimeoutError) {
            continue;
        }
        QList<QSslError> errors = m_report->errorsSeen;
        if (errors.isEmpty()) {
            errors = m_socket->sslHandshakeErrors();
        }
        QList<QSslCertificate> chain = m_report->peerChain;
        if (chain.isEmpty()) {
            chain = m_socket->peerCertificateChain();
        }
        const QString reason = m_socket->errorString();
        close();
        if (errors.isEmpty()) {
            throw TlsError(TlsError::Kind::HandshakeFailed, reason, errors, chain);
        }
        const bool onlyName = std::all_of(errors.cbegin(), errors.cend(), [](const QSslError& e) {
            return e.error() == QSslError::HostNameMismatch;
        });
        if (onlyName) {
            throw TlsError(TlsError::Kind::HostNameMismatch, m_tlsName, errors, chain);
        }
        QStringList texts;
        for (const QSslError& e : errors) {
            texts << e.errorString();
        }
        throw TlsError(TlsError::Kind::Untrusted, texts.join(QStringLiteral("; ")), errors, chain);
    }
    m_report->encrypted = true;
    m_report->protocol = m_socket->sessionCipher().protocolString();
    m_report->cipher = m_socket->sessionCipher().name();
    if (m_report->peerChain.isEmpty()) {
        m_report->peerChain = m_socket->peerCertificateChain();
    }
}

void QtVmimeSocket::startTls()
{
    m_report->startTls = true;
    const QByteArray greeting = readLine();
    m_report->greeting = greeting;
    const QByteArray upper = greeting.toUpper();
    if (upper.startsWith("* PREAUTH")) {
        // Already authenticated in plaintext: STARTTLS is no longer allowed.
        throw TlsError(TlsError::Kind::StartTlsProtocol, tr("unexpected PREAUTH greeting"));
    }
    if (!upper.startsWith("* OK")) {
        throw TlsError(TlsError::Kind::StartTlsProtocol, printable(greeting));
    }
    qsizetype capabilityStart = -1;
    qsizetype capabilityEnd = -1;
    const QList<QByteArray> capabilities = greetingCapabilities(greeting, &capabilityStart, &capabilityEnd);
    if (capabilityStart >= 0 && !capabilities.contains("STARTTLS")) {
        // Fail before sending anything: no command, no credentials.
        throw TlsError(TlsError::Kind::StartTlsNotOffered, printable(greeting));
    }

    sendRaw(reinterpret_cast<const vmime::byte_t*>(StartTlsCommand), std::strlen(StartTlsCommand));
    flushOut();
    for (;;) {
        const QByteArray line = readLine();
        if (line.startsWith("* ")) {
            continue; // e.g. Dovecot's "Waiting for authentication process" (pitfall 8)
        }
        if (line.toUpper().startsWith("S0 OK")) {
            break;
        }
        if (line.startsWith("S0 ")) {
            throw TlsError(TlsError::Kind::StartTlsRefused, printable(line));
        }
        throw TlsError(TlsError::Kind::StartTlsProtocol, printable(line));
    }
    // Anything after "S0 OK" was sent in plaintext and would be read as if it
    // came over TLS: a command-injection attempt. Only what Qt has already
    // read can be seen here (pitfall 17).
    if (m_socket->bytesAvailable() > 0) {
        throw TlsError(TlsError::Kind::StartTlsProtocol, tr("plaintext data after the STARTTLS reply"));
    }
    m_socket->startClientEncryption();
    waitEncrypted();

    // vmime must not trust the pre-TLS capabilities (RFC 3501; pitfall 8):
    // without the code it asks for CAPABILITY again, now over TLS.
    QByteArray replay = greeting;
    if (capabilityStart >= 0) {
        qsizetype end = capabilityEnd;
        if (end < replay.size() && replay.at(end) == ' ') {
            ++end;
        }
        replay.remove(capabilityStart, end - capabilityStart);
    }
    m_report->replayedGreeting = replay;
    m_pending = replay;
}

QByteArray QtVmimeSocket::readLine()
{
    // canReadLine() plus waits for *new* data; "bytes available" alone would
    // spin forever on a partial line (pitfall 9).
    while (!m_socket->canReadLine()) {
        if (m_socket->bytesAvailable() > MaxGreetingLength) {
            throw TlsError(TlsError::Kind::StartTlsProtocol, tr("line too long"));
        }
        waitSlice(m_policy.sliceMs);
    }
    return m_socket->readLine(MaxGreetingLength + 1);
}

bool QtVmimeSocket::waitSlice(int msecs)
{
    checkAbort();
    const bool ready = m_socket->waitForReadyRead(msecs);
    checkAbort();
    // Closed: even with a partial line buffered, no more data can come, and
    // waiting again would return at once and spin. The error says so even
    // if the state still says "connected" for a moment. (Suspected, not
    // proven, of a CI run where an IDLE watch missed its server stopping
    // for 15 s; never reproduced here.)
    if (!ready
        && (m_socket->state() != QAbstractSocket::ConnectedState
            || m_socket->error() == QAbstractSocket::RemoteHostClosedError)) {
        throwClosed();
    }
    return ready;
}

void QtVmimeSocket::checkAbort()
{
    if (m_token->isCancelled()) {
        throw vmime::exceptions::operation_cancelled();
    }
    if (m_timeoutHandler && m_timeoutHandler->isTimeOut()) {
        if (!m_timeoutHandler->handleTimeOut()) {
            throw vmime::exceptions::operation_timed_out();
        }
        m_timeoutHandler->resetTimeOut();
    }
}

void QtVmimeSocket::rememberRefusal(QByteArrayView data)
{
    // Only short reads: a refusal comes alone, bulk mail comes in full
    // blocks, and scanning those would cost time and risk matching a body.
    if (data.size() > 1024) {
        return;
    }
    // "* BYE <text>", or "<tag> NO <text>" (vmime may go on to try another
    // login method, and the server then hangs up).
    qsizetype at = -1;
    if (data.startsWith("* BYE ")) {
        at = 6;
    } else if (const qsizetype space = data.indexOf(' ');
               space > 0 && data.sliced(space).startsWith(" NO ") && !data.startsWith("* ")) {
        at = space + 4;
    } else if (const qsizetype bye = data.indexOf("\n* BYE "); bye >= 0) {
        at = bye + 7;
    }
    if (at < 0) {
        return;
    }
    qsizetype end = data.indexOf('\r', at);
    if (end < 0) {
        end = data.size();
    }
    m_lastRefusal = data.sliced(at, std::min<qsizetype>(end - at, 300)).toByteArray().trimmed();
    m_report->lastRefusal = m_lastRefusal;
}

void QtVmimeSocket::throwClosed()
{
    // A cancel shuts the socket down, which Qt reports as "remote closed".
    if (m_token->isCancelled()) {
        throw vmime::exceptions::operation_cancelled();
    }
    if (!m_lastRefusal.isEmpty()) {
        // The server said why before it hung up ("Maximum number of
        // connections…"); vmime drops that line, so it is kept here.
        throw vmime::exceptions::socket_exception(
            tr("The server closed the connection: %1").arg(QString::fromUtf8(m_lastRefusal)).toStdString());
    }
    throw vmime::exceptions::socket_exception(
        tr("The connection was closed: %1").arg(m_socket ? m_socket->errorString() : QString()).toStdString());
}

void QtVmimeSocket::flushOut()
{
    if (!m_unflushed || !m_socket) {
        return;
    }
    m_socket->flush();
    // bytesToWrite() counts only cleartext on an encrypted socket (pitfall 10).
    while (m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() > 0) {
        checkAbort();
        if (m_socket->state() != QAbstractSocket::ConnectedState) {
            throwClosed();
        }
        m_socket->waitForBytesWritten(m_policy.sliceMs);
    }
    m_unflushed = false;
}

void QtVmimeSocket::close()
{
    if (!m_socket) {
        return;
    }
    if (m_publishedDescriptor >= 0) {
        m_token->unpublish(m_publishedDescriptor);
        m_publishedDescriptor = -1;
    }
    m_socket->abort();
    m_socket.reset();
    m_unflushed = false;
}

void QtVmimeSocket::disconnect()
{
    if (!m_socket) {
        return;
    }
    if (m_socket->state() == QAbstractSocket::ConnectedState && !m_token->isCancelled()) {
        try {
            // vmime writes LOGOUT and disconnects at once: without this flush
            // the coalesced command would be lost (pitfall 11).
            flushOut();
            m_socket->disconnectFromHost(); // sends close_notify
            if (m_socket->state() != QAbstractSocket::UnconnectedState) {
                m_socket->waitForDisconnected(300);
            }
        } catch (const vmime::exception&) {
            // Closing anyway.
        }
    }
    close();
}

bool QtVmimeSocket::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool QtVmimeSocket::waitForRead(const int msecs)
{
    if (!m_socket) {
        throw vmime::exceptions::not_connected();
    }
    flushOut();
    if (!m_pending.isEmpty() || m_socket->bytesAvailable() > 0) {
        return true;
    }
    // vmime always asks for 30 s and checks its timeout handler only between
    // receives, so the handler is consulted here, every slice (§2.5).
    QElapsedTimer elapsed;
    elapsed.start();
    for (;;) {
        const qint64 left = msecs - elapsed.elapsed();
        if (left <= 0) {
            return false;
        }
        if (waitSlice(static_cast<int>(std::min<qint64>(left, m_policy.sliceMs)))) {
            return true;
        }
    }
}

bool QtVmimeSocket::waitForWrite(const int msecs)
{
    Q_UNUSED(msecs)
    if (!m_socket) {
        throw vmime::exceptions::not_connected();
    }
    // Writes are buffered by Qt: there is always room.
    flushOut();
    return true;
}

void QtVmimeSocket::receive(vmime::string& buffer)
{
    vmime::byte_t data[BlockSize];
    const size_t n = receiveRaw(data, sizeof data);
    buffer.assign(reinterpret_cast<const char*>(data), n);
}

size_t QtVmimeSocket::receiveRaw(vmime::byte_t* buffer, const size_t count)
{
    m_status = 0;
    if (!m_socket) {
        throw vmime::exceptions::not_connected();
    }
    if (!m_pending.isEmpty()) {
        const size_t n = std::min(count, static_cast<size_t>(m_pending.size()));
        std::memcpy(buffer, m_pending.constData(), n);
        m_pending.remove(0, static_cast<qsizetype>(n));
        return n;
    }
    if (m_token->isCancelled()) {
        throw vmime::exceptions::operation_cancelled();
    }
    flushOut();
    if (m_socket->bytesAvailable() == 0) {
        m_socket->waitForReadyRead(0); // pull in what the kernel already has
    }
    if (m_socket->bytesAvailable() == 0) {
        if (m_socket->state() != QAbstractSocket::ConnectedState) {
            throwClosed();
        }
        // WANT_READ only: STATUS_WOULDBLOCK includes WANT_WRITE, which makes
        // vmime's parser call waitForWrite() and spin (pitfall 1).
        m_status = STATUS_WANT_READ;
        return 0;
    }
    const qint64 n = m_socket->read(reinterpret_cast<char*>(buffer), static_cast<qint64>(std::min(count, BlockSize)));
    if (n < 0) {
        throwClosed();
    }
    rememberRefusal(QByteArrayView(reinterpret_cast<const char*>(buffer), n));
    if (m_timeoutHandler) {
        m_timeoutHandler->resetTimeOut();
    }
    return static_cast<size_t>(n);
}

void QtVmimeSocket::send(const vmime::string& buffer)
{
    sendRaw(reinterpret_cast<const vmime::byte_t*>(buffer.data()), buffer.size());
}

void QtVmimeSocket::send(const char* str)
{
    sendRaw(reinterpret_cast<const vmime::byte_t*>(str), std::strlen(str));
}

void QtVmimeSocket::sendRaw(const vmime::byte_t* buffer, const size_t count)
{
    if (m_token->isCancelled()) {
        throw vmime::exceptions::operation_cancelled();
    }
    if (!isConnected()) {
        throwClosed();
    }
    // Only buffered here: vmime's four send() calls per command then leave
    // as one TLS record / segment when the next read flushes (§1.5).
    const qint64 written = m_socket->write(reinterpret_cast<const char*>(buffer), static_cast<qint64>(count));
    if (written != static_cast<qint64>(count)) {
        throwClosed();
    }
    m_unflushed = true;
    if (m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() > FlushThreshold) {
        flushOut();
    }
}

size_t QtVmimeSocket::sendRawNonBlocking(const vmime::byte_t* buffer, const size_t count)
{
    sendRaw(buffer, count);
    return count;
}

size_t QtVmimeSocket::getBlockSize() const
{
    return BlockSize;
}

unsigned int QtVmimeSocket::getStatus() const
{
    return m_status;
}

const vmime::string QtVmimeSocket::getPeerName() const
{
    return m_peerName;
}

const vmime::string QtVmimeSocket::getPeerAddress() const
{
    return m_socket ? m_socket->peerAddress().toString().toStdString() : vmime::string();
}

std::shared_ptr<vmime::net::timeoutHandler> QtVmimeSocket::getTimeoutHandler()
{
    return m_timeoutHandler;
}

void QtVmimeSocket::setTracer(std::shared_ptr<vmime::net::tracer> tracer)
{
    m_tracer = std::move(tracer);
}

std::shared_ptr<vmime::net::tracer> QtVmimeSocket::getTracer()
{
    return m_tracer;
}

const QtVmimeSocket::Report& QtVmimeSocket::report() const
{
    return *m_report;
}
