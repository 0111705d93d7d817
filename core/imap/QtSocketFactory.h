#pragma once

#include "QtVmimeSocket.h"
#include "TlsPolicy.h"

#include <QList>

#include <memory>
#include <vector>

#include <vmime/net/socket.hpp>

class CancelToken;

// Hands vmime a QtVmimeSocket per connection (store, and each opened folder).
// It keeps the report of every socket it made: vmime's own
// IMAPConnection::getSocket() returns its SASL wrapper after AUTHENTICATE,
// not our class (pitfall 13). Used on the worker thread only.
class QtSocketFactory : public vmime::net::socketFactory
{
public:
    QtSocketFactory(TlsPolicy policy, std::shared_ptr<CancelToken> token);
    ~QtSocketFactory() override;
    Q_DISABLE_COPY_MOVE(QtSocketFactory)

    std::shared_ptr<vmime::net::socket> create() override;
    std::shared_ptr<vmime::net::socket> create(std::shared_ptr<vmime::net::timeoutHandler> th) override;

    int createdCount() const;
    // Sockets still alive, oldest first.
    std::vector<std::shared_ptr<QtVmimeSocket>> sockets() const;
    // Reports of every socket created, alive or not, oldest first.
    QList<QtVmimeSocket::Report> reports() const;

private:
    TlsPolicy m_policy;
    std::shared_ptr<CancelToken> m_token;
    std::vector<std::weak_ptr<QtVmimeSocket>> m_sockets;
    std::vector<std::shared_ptr<QtVmimeSocket::Report>> m_reports;
};
