#include "QtSocketFactory.h"

#include "CancelToken.h"

QtSocketFactory::QtSocketFactory(TlsPolicy policy, std::shared_ptr<CancelToken> token)
    : m_policy(std::move(policy))
    , m_token(token ? std::move(token) : std::make_shared<CancelToken>())
{
}

QtSocketFactory::~QtSocketFactory() = default;

std::shared_ptr<vmime::net::socket> QtSocketFactory::create()
{
    return create(nullptr);
}

std::shared_ptr<vmime::net::socket> QtSocketFactory::create(std::shared_ptr<vmime::net::timeoutHandler> th)
{
    auto report = std::make_shared<QtVmimeSocket::Report>();
    auto socket = std::make_shared<QtVmimeSocket>(m_policy, m_token, std::move(th), report);
    m_sockets.push_back(socket);
    m_reports.push_back(std::move(report));
    return socket;
}

int QtSocketFactory::createdCount() const
{
    return static_cast<int>(m_reports.size());
}

std::vector<std::shared_ptr<QtVmimeSocket>> QtSocketFactory::sockets() const
{
    std::vector<std::shared_ptr<QtVmimeSocket>> alive;
    for (const auto& weak : m_sockets) {
        if (auto socket = weak.lock()) {
            alive.push_back(std::move(socket));
        }
    }
    return alive;
}

QList<QtVmimeSocket::Report> QtSocketFactory::reports() const
{
    QList<QtVmimeSocket::Report> result;
    for (const auto& report : m_reports) {
        result << *report;
    }
    return result;
}
