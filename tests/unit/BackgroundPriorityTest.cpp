#include "common/BackgroundPriority.h"
#include "common/SerialThread.h"

#include <QtGlobal>

#include <gtest/gtest.h>

#include <thread>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

int niceOfThisThread()
{
    return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
}

int niceOfANewThreadThatApplies()
{
    int nice = -100;
    std::thread thread([&] {
        BackgroundPriority::applyToCurrentThread();
        nice = niceOfThisThread();
    });
    thread.join();
    return nice;
}

// Restores the switch whatever a test leaves it at.
class BackgroundPriorityTest : public ::testing::Test
{
protected:
    void TearDown() override { BackgroundPriority::setEnabled(false); }
};

} // namespace

// Off (the CLI), a background thread keeps the priority it was born with.
TEST_F(BackgroundPriorityTest, OffItChangesNothing)
{
    BackgroundPriority::setEnabled(false);
    EXPECT_EQ(niceOfANewThreadThatApplies(), niceOfThisThread());
}

// On (the GUI), a background thread gives way to the GUI thread, and only
// that thread: the caller's priority stays.
TEST_F(BackgroundPriorityTest, OnItLowersOnlyTheBackgroundThread)
{
    const int before = niceOfThisThread();
    BackgroundPriority::setEnabled(true);
    EXPECT_GT(niceOfANewThreadThatApplies(), before);
    EXPECT_EQ(niceOfThisThread(), before);
}

// The import's stages and the checkpoints run on SerialThreads: each lowers
// itself when it starts.
TEST_F(BackgroundPriorityTest, ASerialThreadRunsItsTasksLowered)
{
    const int before = niceOfThisThread();
    BackgroundPriority::setEnabled(true);
    SerialThread thread;
    EXPECT_GT(thread.run([] { return niceOfThisThread(); }).get(), before);
}

#endif
