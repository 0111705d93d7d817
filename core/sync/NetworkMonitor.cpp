#include "NetworkMonitor.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkInformation>
#include <QTimer>

namespace {

// Local and Site still reach a server on the LAN or through a VPN; only
// Disconnected means no server can answer. Unknown: the backend cannot
// tell, so checks go on as without one.
bool canReachServers(QNetworkInformation::Reachability reachability)
{
    return reachability != QNetworkInformation::Reachability::Disconnected;
}

} // namespace

NetworkMonitor::NetworkMonitor(QObject* parent)
    : QObject(parent)
    , m_ticker(new QTimer(this))
    , m_wall([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    // QElapsedTimer's clock is the monotonic one, which sleeps with the
    // machine.
    auto since = std::make_shared<QElapsedTimer>();
    since->start();
    m_monotonic = [since] { return since->elapsed(); };
    m_ticker->setTimerType(Qt::VeryCoarseTimer);
    m_ticker->setInterval(TickInterval);
    connect(m_ticker, &QTimer::timeout, this, &NetworkMonitor::tick);
}

NetworkMonitor::~NetworkMonitor() = default;

void NetworkMonitor::start()
{
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        QNetworkInformation* information = QNetworkInformation::instance();
        connect(information,
                &QNetworkInformation::reachabilityChanged,
                this,
                [this](QNetworkInformation::Reachability reachability) { setOnline(canReachServers(reachability)); });
        setOnline(canReachServers(information->reachability()));
    }
    rememberClocks();
    m_ticker->start();
}

bool NetworkMonitor::isOnline() const
{
    return m_online;
}

void NetworkMonitor::setOnline(bool online)
{
    if (m_online == online) {
        return;
    }
    m_online = online;
    emit onlineChanged(online);
}

void NetworkMonitor::tick()
{
    const qint64 wall = m_wall() - m_lastWall;
    const qint64 monotonic = m_monotonic() - m_lastMonotonic;
    rememberClocks();
    const qint64 asleep = wall - monotonic;
    if (asleep > std::chrono::milliseconds(SleepThreshold).count()) {
        emit woke(asleep);
    }
}

void NetworkMonitor::setClocks(Clock wall, Clock monotonic)
{
    m_wall = std::move(wall);
    m_monotonic = std::move(monotonic);
    rememberClocks();
}

void NetworkMonitor::rememberClocks()
{
    m_lastWall = m_wall();
    m_lastMonotonic = m_monotonic();
}
