// QtVmimeSocket, its factory and ImapConnector against a real Dovecot, and
// against tiny fake servers for the cases Dovecot cannot produce.
#include "DovecotTest.h"
#include "TestCertificates.h"

#include "imap/CancelToken.h"
#include "imap/ImapConnector.h"
#include "imap/QtSocketFactory.h"
#include "imap/QtVmimeSocket.h"
#include "imap/TlsError.h"
#include "imap/TlsPolicy.h"

#include <QElapsedTimer>
#include <QSslCertificate>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vmime/vmime.hpp>

namespace {

// A one-connection IMAP impostor on 127.0.0.1: accepts, optionally sends a
// greeting, then records every byte it receives until the client closes.
// It gives up by itself after `lifetime`, so a broken test cannot hang.
class FakeImapServer
{
public:
    explicit FakeImapServer(QByteArray greeting, std::chrono::milliseconds lifetime = std::chrono::seconds(20))
        : m_greeting(std::move(greeting))
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0
            || ::listen(m_listener, 1) != 0) {
            return;
        }
        socklen_t length = sizeof address;
        ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this, lifetime] { serve(std::chrono::steady_clock::now() + lifetime); });
    }

    ~FakeImapServer()
    {
        m_stop = true;
        if (m_thread.joinable()) {
            m_thread.join();
        }
        if (m_listener >= 0) {
            ::close(m_listener);
        }
    }
    Q_DISABLE_COPY_MOVE(FakeImapServer)

    quint16 port() const { return m_port; }

    // Waits (bounded) until the client has closed, then returns what it sent.
    QByteArray receivedAfterClose()
    {
        for (int i = 0; i < 100 && !m_clientClosed; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        const std::lock_guard lock(m_mutex);
        return m_received;
    }

    bool clientClosed() const { return m_clientClosed; }

private:
    void serve(std::chrono::steady_clock::time_point deadline)
    {
        int client = -1;
        while (client < 0 && !m_stop && std::chrono::steady_clock::now() < deadline) {
            pollfd waiting {m_listener, POLLIN, 0};
            if (::poll(&waiting, 1, 20) > 0) {
                client = ::accept(m_listener, nullptr, nullptr);
            }
        }
        if (client < 0) {
            return;
        }
        if (!m_greeting.isEmpty()) {
            ::send(client, m_greeting.constData(), static_cast<size_t>(m_greeting.size()), MSG_NOSIGNAL);
        }
        while (!m_stop && std::chrono::steady_clock::now() < deadline) {
            pollfd readable {client, POLLIN, 0};
            if (::poll(&readable, 1, 20) <= 0) {
                continue;
            }
            char buffer[4096];
            const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
            if (n <= 0) {
                m_clientClosed = true;
                break;
            }
            const std::lock_guard lock(m_mutex);
            m_received.append(buffer, n);
        }
        ::close(client);
    }

    QByteArray m_greeting;
    int m_listener = -1;
    quint16 m_port = 0;
    std::thread m_thread;
    std::atomic_bool m_stop {false};
    std::atomic_bool m_clientClosed {false};
    std::mutex m_mutex;
    QByteArray m_received;
};

class QtVmimeSocketTest : public DovecotTest
{
protected:
    TlsPolicy trustingPolicy(TlsPolicy::Mode mode) const
    {
        TlsPolicy policy;
        policy.mode = mode;
        policy.extraCaCertificates = QSslCertificate::fromPath(server().caCertificatePath());
        return policy;
    }

    QString password() const { return server().password(QStringLiteral("test")); }

    static QStringList folderNames(const std::shared_ptr<vmime::net::store>& store)
    {
        QStringList names;
        for (const auto& folder : store->getRootFolder()->getFolders(true)) {
            names << QString::fromStdString(folder->getName().getConvertedText(vmime::charsets::UTF_8));
        }
        return names;
    }

    // Connects and expects a TlsError; returns it (or fails the test).
    std::optional<TlsError> connectExpectingTlsError(const TlsPolicy& policy, const QString& host, quint16 port)
    {
        ImapConnector connector(policy, std::make_shared<CancelToken>());
        try {
            connector.connect(host, port, QStringLiteral("test"), password());
            ADD_FAILURE() << "connected although a TlsError was expected";
        } catch (const TlsError& e) {
            return e;
        } catch (const vmime::exception& e) {
            ADD_FAILURE() << "expected TlsError, got " << e.name() << ": " << e.what();
        }
        return std::nullopt;
    }
};

TEST_F(QtVmimeSocketTest, ImplicitTlsLogsInAndListsFolders)
{
    ImapConnector connector(trustingPolicy(TlsPolicy::Mode::Implicit), std::make_shared<CancelToken>());
    std::shared_ptr<vmime::net::store> store;
    try {
        store = connector.connect(server().host(), server().imapsPort(), QStringLiteral("test"), password());
        EXPECT_TRUE(folderNames(store).contains(QStringLiteral("INBOX")));
    } catch (const vmime::exception& e) {
        FAIL() << e.name() << ": " << e.what();
    }
    ASSERT_EQ(connector.socketFactory()->createdCount(), 1);
    const QtVmimeSocket::Report report = connector.socketFactory()->reports().first();
    EXPECT_TRUE(report.encrypted) << report.summary().toStdString();
    EXPECT_TRUE(report.protocol.startsWith(QStringLiteral("TLS"))) << report.summary().toStdString();
    EXPECT_EQ(report.noDelay, 1) << report.summary().toStdString();
    EXPECT_FALSE(report.startTls);
    EXPECT_FALSE(report.pinned);
    EXPECT_TRUE(report.summary().contains(QStringLiteral("NODELAY=1")));
    RecordProperty("report", report.summary().toStdString());
    store->disconnect();
}

TEST_F(QtVmimeSocketTest, StartTlsOnTheInsecureAddressLogsIn)
{
    ImapConnector connector(trustingPolicy(TlsPolicy::Mode::StartTls), std::make_shared<CancelToken>());
    try {
        auto store =
            connector.connect(QStringLiteral("127.0.0.2"), server().imapPort(), QStringLiteral("test"), password());
        EXPECT_TRUE(folderNames(store).contains(QStringLiteral("INBOX")));
        store->disconnect();
    } catch (const vmime::exception& e) {
        FAIL() << e.name() << ": " << e.what();
    }
    const QtVmimeSocket::Report report = connector.socketFactory()->reports().first();
    RecordProperty("report", report.summary().toStdString());
    RecordProperty("greeting", report.greeting.trimmed().toStdString());
    RecordProperty("replayed", report.replayedGreeting.trimmed().toStdString());
    EXPECT_TRUE(report.startTls);
    EXPECT_TRUE(report.encrypted) << report.summary().toStdString();
    // Dovecot insisted: plaintext login is disabled on 127.0.0.2.
    EXPECT_TRUE(report.greeting.contains("STARTTLS")) << report.greeting.constData();
    EXPECT_TRUE(report.greeting.contains("LOGINDISABLED")) << report.greeting.constData();
    // Replayed to vmime without the pre-TLS capabilities (pitfall 8).
    EXPECT_FALSE(report.replayedGreeting.contains("CAPABILITY")) << report.replayedGreeting.constData();
    EXPECT_TRUE(report.replayedGreeting.startsWith("* OK ")) << report.replayedGreeting.constData();
}

TEST_F(QtVmimeSocketTest, UnknownAuthorityIsUntrustedWithTheServerFingerprint)
{
    TlsPolicy policy; // system roots only
    const auto error = connectExpectingTlsError(policy, server().host(), server().imapsPort());
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind(), TlsError::Kind::Untrusted) << error->message().toStdString();
    EXPECT_EQ(error->sha256Fingerprint(), server().serverFingerprint());
    EXPECT_FALSE(error->sslErrors().isEmpty());
    EXPECT_FALSE(error->subject().isEmpty());
    EXPECT_TRUE(error->validUntil().isValid());
}

TEST_F(QtVmimeSocketTest, PinnedCertificateIsAcceptedWithoutTheAuthority)
{
    TlsPolicy policy;
    policy.pinnedSha256 = server().serverFingerprint();
    ImapConnector connector(policy, std::make_shared<CancelToken>());
    try {
        auto store = connector.connect(server().host(), server().imapsPort(), QStringLiteral("test"), password());
        EXPECT_TRUE(folderNames(store).contains(QStringLiteral("INBOX")));
        store->disconnect();
    } catch (const vmime::exception& e) {
        FAIL() << e.name() << ": " << e.what();
    }
    const QtVmimeSocket::Report report = connector.socketFactory()->reports().first();
    EXPECT_TRUE(report.pinned);
    EXPECT_FALSE(report.errorsSeen.isEmpty());
}

TEST_F(QtVmimeSocketTest, WrongPeerNameIsAHostNameMismatch)
{
    TlsPolicy policy = trustingPolicy(TlsPolicy::Mode::Implicit);
    policy.peerName = QStringLiteral("wrong.example.test");
    const auto error = connectExpectingTlsError(policy, server().host(), server().imapsPort());
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind(), TlsError::Kind::HostNameMismatch) << error->message().toStdString();
    EXPECT_EQ(error->sha256Fingerprint(), server().serverFingerprint());
}

TEST_F(QtVmimeSocketTest, StartTlsNotOfferedFailsBeforeSendingAnything)
{
    FakeImapServer fake("* OK [CAPABILITY IMAP4rev1] hi\r\n");
    ASSERT_NE(fake.port(), 0);
    const auto error =
        connectExpectingTlsError(trustingPolicy(TlsPolicy::Mode::StartTls), QStringLiteral("127.0.0.1"), fake.port());
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->kind(), TlsError::Kind::StartTlsNotOffered) << error->message().toStdString();
    EXPECT_TRUE(fake.receivedAfterClose().isEmpty()) << fake.receivedAfterClose().constData();
    EXPECT_TRUE(fake.clientClosed());
}

TEST_F(QtVmimeSocketTest, CancelFromAnotherThreadStopsASilentServerAtOnce)
{
    FakeImapServer silent {QByteArray()};
    ASSERT_NE(silent.port(), 0);
    auto token = std::make_shared<CancelToken>();
    TlsPolicy policy;
    policy.mode = TlsPolicy::Mode::Plain;
    // Slices longer than the bound below: only the shutdown() of the
    // published descriptor can wake the blocked read in time (§1.6).
    policy.sliceMs = 3000;
    // A 5 s inactivity timeout: returning before it fired proves the cancel did it.
    ImapConnector connector(policy, token, 5000);
    std::thread canceller([token] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        token->cancel();
    });
    QElapsedTimer elapsed;
    elapsed.start();
    bool cancelled = false;
    try {
        connector.connect(QStringLiteral("127.0.0.1"), silent.port(), QStringLiteral("test"), QStringLiteral("x"));
    } catch (const vmime::exceptions::operation_cancelled&) {
        cancelled = true;
    } catch (const vmime::exception& e) {
        ADD_FAILURE() << "expected operation_cancelled, got " << e.name() << ": " << e.what();
    }
    const qint64 ms = elapsed.elapsed();
    canceller.join();
    RecordProperty("elapsed_ms", std::to_string(ms));
    EXPECT_TRUE(cancelled);
    EXPECT_GE(ms, 150);
    EXPECT_LT(ms, 2500) << "the cancel did not wake the blocked read";
}

TEST_F(QtVmimeSocketTest, SilentServerTimesOutThroughVmimesHandler)
{
    FakeImapServer silent {QByteArray()};
    ASSERT_NE(silent.port(), 0);
    TlsPolicy policy;
    policy.mode = TlsPolicy::Mode::Plain;
    ImapConnector connector(policy, std::make_shared<CancelToken>(), 1000);
    QElapsedTimer elapsed;
    elapsed.start();
    bool timedOut = false;
    try {
        connector.connect(QStringLiteral("127.0.0.1"), silent.port(), QStringLiteral("test"), QStringLiteral("x"));
    } catch (const vmime::exceptions::operation_timed_out&) {
        timedOut = true;
    } catch (const vmime::exception& e) {
        ADD_FAILURE() << "expected operation_timed_out, got " << e.name() << ": " << e.what();
    }
    const qint64 ms = elapsed.elapsed();
    RecordProperty("elapsed_ms", std::to_string(ms));
    EXPECT_TRUE(timedOut);
    EXPECT_GE(ms, 900);
    // Far below vmime's 30 s default wait: the socket consults the handler.
    EXPECT_LT(ms, 15000);
}

} // namespace
