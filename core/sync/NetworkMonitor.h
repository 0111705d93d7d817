#pragma once

#include <QObject>

#include <chrono>
#include <functional>

class QTimer;

// Tells the sync when checking makes no sense and when it should check
// soon: the network went away or came back (QNetworkInformation, where the
// platform has a backend: NetworkManager on Linux, the system's own
// elsewhere), and the machine woke from sleep.
//
// Sleep is seen as the wall clock jumping ahead of the monotonic one, which
// stands still while the machine sleeps (CLOCK_MONOTONIC on Linux,
// QElapsedTimer elsewhere): one coarse timer a minute, no other wake-ups.
class NetworkMonitor : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkMonitor)

public:
    // Milliseconds; injectable so tests can make time pass.
    using Clock = std::function<qint64()>;

    static constexpr std::chrono::seconds TickInterval {60};
    // More than this between the clocks over one tick is a sleep (or the
    // clock set forward by hand: either way the timers are late).
    static constexpr std::chrono::seconds SleepThreshold {30};

    explicit NetworkMonitor(QObject* parent = nullptr);
    ~NetworkMonitor() override;

    // Loads the reachability backend, reads the state and starts the sleep
    // detector. Without a backend the network counts as always up.
    void start();
    bool isOnline() const;

    // What the backend reports, and one tick of the sleep detector: public
    // for the tests, which drive them by hand.
    void setOnline(bool online);
    void tick();
    void setClocks(Clock wall, Clock monotonic);

signals:
    void onlineChanged(bool online);
    // The machine was asleep (or the clock jumped forward) for `asleepMs`.
    void woke(qint64 asleepMs);

private:
    void rememberClocks();

    QTimer* m_ticker = nullptr;
    Clock m_wall;
    Clock m_monotonic;
    qint64 m_lastWall = 0;
    qint64 m_lastMonotonic = 0;
    bool m_online = true;
};
