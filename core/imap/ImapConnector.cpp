#include "ImapConnector.h"

#include "CancelToken.h"
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
    auto store = m_session->getStore(vmime::utility::url("imap", host.toStdString(), port));
    store->setProperty("connection.tls", false);
    store->setProperty("options.need-authentication", true);
    store->setProperty("auth.username", user.toStdString());
    store->setProperty("auth.password", password.toStdString());
    // Both before connect(): vmime hands each connection's handler to create(th).
    store->setSocketFactory(m_factory);
    store->setTimeoutHandlerFactory(std::make_shared<InactivityTimeoutFactory>(m_inactivityTimeoutMs));
    store->connect();
    return store;
}

std::shared_ptr<QtSocketFactory> ImapConnector::socketFactory() const
{
    return m_factory;
}
