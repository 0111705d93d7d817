#pragma once

#include "TlsPolicy.h"

#include <QString>

#include <memory>

class CancelToken;
class ImapSession;
class QtSocketFactory;

namespace vmime::net {
class session;
class store;
} // namespace vmime::net

// Builds a logged-in vmime IMAP store that talks through QtVmimeSocket
// (socket-lab notes §1.1 "Wiring"), and hands out the ImapSession over it
// that sync and the connection test use. Create, use and destroy it, and
// what it returns, on one worker thread; only the CancelToken crosses
// threads (pitfall 15).
//
// Logging in is one attempt: a wrong password is known after the server's
// first refusal (see connect() in the .cpp for the method chosen and why).
class ImapConnector
{
public:
    // `inactivityTimeoutMs` feeds vmime's timeout handler: a connection that
    // stays silent that long fails with operation_timed_out.
    ImapConnector(TlsPolicy policy, std::shared_ptr<CancelToken> token, int inactivityTimeoutMs = 30000);
    ~ImapConnector();
    Q_DISABLE_COPY_MOVE(ImapConnector)

    // Connects and logs in. Throws vmime::exception: TlsError for TLS and
    // STARTTLS problems, operation_cancelled, operation_timed_out,
    // connection_error, authentication_error (its response() the server's
    // own words, without the command's tag, when the server gave any)…
    std::shared_ptr<vmime::net::store>
    connect(const QString& host, quint16 port, const QString& user, const QString& password);

    // connect(), then an ImapSession over the store with its raw channel
    // attached: ready for LIST, EXAMINE and FETCH. Throws what connect()
    // throws.
    std::unique_ptr<ImapSession>
    openSession(const QString& host, quint16 port, const QString& user, const QString& password);

    // The factory of the last connect(), for reports; null before.
    std::shared_ptr<QtSocketFactory> socketFactory() const;

private:
    TlsPolicy m_policy;
    std::shared_ptr<CancelToken> m_token;
    int m_inactivityTimeoutMs;
    std::shared_ptr<vmime::net::session> m_session;
    std::shared_ptr<QtSocketFactory> m_factory;
};
