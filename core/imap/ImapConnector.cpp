#include "ImapConnector.h"

#include "CancelToken.h"
#include "ImapSession.h"
#include "QtSocketFactory.h"

#include <QElapsedTimer>

#include <mutex>

#include <vmime/platforms/posix/posixHandler.hpp>
#include <vmime/vmime.hpp>

namespace {

// vmime's inactivity timer: its IMAP parser resets it whenever data arrives,
// and QtVmimeSocket consults it inside its waits (socket-lab notes §2.5).
class InactivityTimeout : public vmime::net::timeoutHandler
{
public:
    explicit InactivityTimeout(int milliseconds)
        : m_milliseconds(milliseconds)
    {
        m_elapsed.start();
    }

    bool isTimeOut() override { return m_elapsed.elapsed() >= m_milliseconds; }
    void resetTimeOut() override { m_elapsed.restart(); }
    bool handleTimeOut() override { return false; }

private:
    int m_milliseconds;
    QElapsedTimer m_elapsed;
};

class InactivityTimeoutFactory : public vmime::net::timeoutHandlerFactory
{
public:
    explicit InactivityTimeoutFactory(int milliseconds)
        : m_milliseconds(milliseconds)
    {
    }

    std::shared_ptr<vmime::net::timeoutHandler> create() override
    {
        return std::make_shared<InactivityTimeout>(m_milliseconds);
    }

private:
    int m_milliseconds;
};

// One login attempt, chosen once the server's capabilities are known.
//
// vmime's default tries every SASL mechanism the server offers and then the
// LOGIN command, so a wrong password costs one rejection per method, and a
// server waits after each one (Dovecot's auth_failure_delay is 2 s, and its
// penalty grows with each failure: AUTHENTICATE PLAIN, AUTHENTICATE LOGIN and
// LOGIN took 13.6 to 15.7 s in all). A password rejected by one method is
// rejected by every method, so one attempt decides:
//
//  - AUTHENTICATE PLAIN when offered: it carries the password as UTF-8 by
//    definition (RFC 4616), so a non-ASCII password means the same bytes to
//    every server. The LOGIN command would send it as 8-bit text inside a
//    quoted string, which RFC 3501 does not allow (vmime does not switch to
//    a literal) and a strict server refuses;
//  - else SASL LOGIN when offered (the password as bytes, base64 encoded);
//  - else a challenge-response mechanism that works from the password alone
//    (SCRAM, CRAM-MD5, DIGEST-MD5), in that order;
//  - with none of these the LOGIN command, vmime's fallback, once. Not what
//    vmime would suggest: it may be GSSAPI, NTLM or XOAUTH2, which need a
//    ticket, a domain or a token, and fail whatever the password.
//
// Once a mechanism is chosen, the fallback to the LOGIN command is switched
// off: it would only repeat the same password after the rejection.
// (vmime 0.9.2 passes `suggested` by value; the signature must match.)
class OneAttemptAuthenticator : public vmime::security::sasl::defaultSASLAuthenticator
{
public:
    const std::vector<std::shared_ptr<vmime::security::sasl::SASLMechanism>>
    getAcceptableMechanisms(const std::vector<std::shared_ptr<vmime::security::sasl::SASLMechanism>>& available,
                            std::shared_ptr<vmime::security::sasl::SASLMechanism> /*suggested*/) const override
    {
        for (const char* preferred : {"PLAIN", "LOGIN", "SCRAM-SHA-256", "SCRAM-SHA-1", "CRAM-MD5", "DIGEST-MD5"}) {
            for (const auto& mechanism : available) {
                if (QByteArray::fromStdString(mechanism->getName()).compare(preferred, Qt::CaseInsensitive) == 0) {
                    if (const auto service = getService().lock()) {
                        service->setProperty("options.sasl.fallback", false);
                    }
                    return {mechanism};
                }
            }
        }
        // vmime then says "no SASL mechanism" and falls back to LOGIN.
        return {};
    }
};

void initializeVmime()
{
    // vmime needs its platform handler once per process.
    static std::once_flag once;
    std::call_once(once, [] { vmime::platform::setHandler<vmime::platforms::posix::posixHandler>(); });
}

} // namespace

ImapConnector::ImapConnector(TlsPolicy policy, std::shared_ptr<CancelToken> token, int inactivityTimeoutMs)
    : m_policy(std::move(policy))
    , m_token(token ? std::move(token) : std::make_shared<CancelToken>())
    , m_inactivityTimeoutMs(inactivityTimeoutMs)
{
    initializeVmime();
}

ImapConnector::~ImapConnector() = default;

std::shared_ptr<vmime::net::store>
ImapConnector::connect(const QString& host, quint16 port, const QString& user, const QString& password)
{
    m_session = vmime::net::session::create();
    m_factory = std::make_shared<QtSocketFactory>(m_policy, m_token);
    // Plain "imap" and connection.tls=false whatever the policy: TLS is the
    // socket's job, and vmime would otherwise wrap it in gnutls (pitfall 14).
    auto store = m_session->getStore(vmime::utility::url("imap", host.toStdString(), port),
                                     std::make_shared<OneAttemptAuthenticator>());
    store->setProperty("connection.tls", false);
    store->setProperty("options.need-authentication", true);
    store->setProperty("auth.username", user.toStdString());
    store->setProperty("auth.password", password.toStdString());
    // The fallback stays on only until a SASL mechanism is chosen: a server
    // that offers none still gets the LOGIN command (OneAttemptAuthenticator).
    store->setProperty("options.sasl", true);
    store->setProperty("options.sasl.fallback", true);
    // Both before connect(): vmime hands each connection's handler to create(th).
    store->setSocketFactory(m_factory);
    store->setTimeoutHandlerFactory(std::make_shared<InactivityTimeoutFactory>(m_inactivityTimeoutMs));
    try {
        store->connect();
    } catch (const vmime::exceptions::authentication_error&) {
        // vmime says "all mechanisms failed" after a rejected AUTHENTICATE,
        // or repeats the whole tagged line of LOGIN; the server's own words
        // (without our tag) are what tells a wrong password from a limit on
        // connections (SyncError).
        const auto reports = m_factory->reports();
        const QByteArray words = reports.isEmpty() ? QByteArray() : reports.constLast().lastRefusal;
        if (words.isEmpty()) {
            throw;
        }
        throw vmime::exceptions::authentication_error(words.toStdString());
    }
    return store;
}

std::unique_ptr<ImapSession>
ImapConnector::openSession(const QString& host, quint16 port, const QString& user, const QString& password)
{
    auto session = std::make_unique<ImapSession>(connect(host, port, user, password));
    // Every command after the login runs on our own reader, on the socket
    // the store logged in on (one per store: vmime opens no folder).
    const auto sockets = m_factory->sockets();
    if (sockets.empty()) {
        throw vmime::exceptions::not_connected();
    }
    session->setRawChannel(sockets.front());
    return session;
}

std::shared_ptr<QtSocketFactory> ImapConnector::socketFactory() const
{
    return m_factory;
}
