#include "sync/NetworkMonitor.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

namespace {

// The sleep detector with both clocks in the test's hands: a minute of
// ticking is a minute on both, a sleep is wall-clock time the monotonic
// clock did not see.
class NetworkMonitorTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_monitor.setClocks([this] { return m_wall; }, [this] { return m_monotonic; });
    }

    void pass(qint64 awakeMs, qint64 asleepMs = 0)
    {
        m_monotonic += awakeMs;
        m_wall += awakeMs + asleepMs;
        m_monitor.tick();
    }

    qint64 m_wall = 1'800'000'000'000;
    qint64 m_monotonic = 5'000;
    NetworkMonitor m_monitor;
};

TEST_F(NetworkMonitorTest, MinutesAwakeAreNoSleep)
{
    QSignalSpy woke(&m_monitor, &NetworkMonitor::woke);
    for (int minute = 0; minute < 10; ++minute) {
        pass(60'000, 200); // a late timer and a little clock drift
    }
    EXPECT_EQ(woke.count(), 0);
}

TEST_F(NetworkMonitorTest, ASleepBetweenTwoTicksIsReportedOnceWithItsLength)
{
    QSignalSpy woke(&m_monitor, &NetworkMonitor::woke);
    pass(60'000);
    pass(20'000, 8 * 3600 * 1000); // the lid closed for a night
    ASSERT_EQ(woke.count(), 1);
    EXPECT_EQ(woke.first().at(0).toLongLong(), 8 * 3600 * 1000);
    pass(60'000);
    EXPECT_EQ(woke.count(), 1) << "the next minute is an ordinary one";
}

TEST_F(NetworkMonitorTest, TheThresholdSeparatesDriftFromSleep)
{
    QSignalSpy woke(&m_monitor, &NetworkMonitor::woke);
    const qint64 threshold = std::chrono::milliseconds(NetworkMonitor::SleepThreshold).count();
    pass(60'000, threshold);
    EXPECT_EQ(woke.count(), 0);
    pass(60'000, threshold + 1);
    EXPECT_EQ(woke.count(), 1);
}

TEST_F(NetworkMonitorTest, TheClockSetBackIsNoSleep)
{
    QSignalSpy woke(&m_monitor, &NetworkMonitor::woke);
    pass(60'000, -3600 * 1000);
    EXPECT_EQ(woke.count(), 0);
}

TEST_F(NetworkMonitorTest, OnlineChangesAreSignalledOnlyWhenTheyChange)
{
    QSignalSpy changed(&m_monitor, &NetworkMonitor::onlineChanged);
    EXPECT_TRUE(m_monitor.isOnline()) << "without a backend the network counts as up";
    m_monitor.setOnline(true);
    EXPECT_EQ(changed.count(), 0);
    m_monitor.setOnline(false);
    m_monitor.setOnline(false);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_FALSE(changed.first().at(0).toBool());
    EXPECT_FALSE(m_monitor.isOnline());
    m_monitor.setOnline(true);
    EXPECT_EQ(changed.count(), 2);
    EXPECT_TRUE(m_monitor.isOnline());
}

} // namespace
