#include "common/SerialThread.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

TEST(SerialThread, RunsTasksOneAfterAnotherInTheOrderGiven)
{
    std::vector<int> order;
    std::atomic<int> running = 0;
    std::atomic<bool> overlapped = false;
    std::vector<std::future<int>> results;
    {
        SerialThread thread;
        for (int i = 0; i < 50; ++i) {
            results.push_back(thread.run([&, i] {
                if (++running > 1) {
                    overlapped = true;
                }
                if (i % 10 == 0) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(2));
                }
                order.push_back(i); // safe only if tasks never overlap
                --running;
                return i * i;
            }));
        }
    } // runs what was given, then stops
    EXPECT_FALSE(overlapped);
    ASSERT_EQ(order.size(), 50u);
    for (int i = 0; i < 50; ++i) {
        EXPECT_EQ(order[static_cast<size_t>(i)], i);
        EXPECT_EQ(results[static_cast<size_t>(i)].get(), i * i);
    }
}

TEST(SerialThread, RunsEveryTaskOnTheSameThreadButNotTheCaller)
{
    SerialThread thread;
    const std::thread::id first = thread.run([] { return std::this_thread::get_id(); }).get();
    const std::thread::id second = thread.run([] { return std::this_thread::get_id(); }).get();
    EXPECT_EQ(first, second);
    EXPECT_NE(first, std::this_thread::get_id());
}

TEST(SerialThread, HandsATasksExceptionToItsFuture)
{
    SerialThread thread;
    std::future<int> failed = thread.run([]() -> int { throw std::runtime_error("broken"); });
    EXPECT_THROW(failed.get(), std::runtime_error);
    EXPECT_EQ(thread.run([] { return 7; }).get(), 7) << "the thread goes on after a failed task";
}
