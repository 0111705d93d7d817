#pragma once

#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>

// One thread that runs the tasks given to it one after another, in the
// order given, and hands back each result as a future.
//
// The import's stages use it instead of std::async: a long-lived thread
// keeps what it needs between tasks (a database connection, warm caches)
// and reuses one malloc arena, where a new thread per batch left glibc
// spreading freed batches over many arenas (about 20 MB more resident
// memory over an import, docs/benchmarks.md).
class SerialThread
{
public:
    SerialThread();
    // Runs the tasks already given, then stops.
    ~SerialThread();
    Q_DISABLE_COPY_MOVE(SerialThread)

    template<typename Task>
    auto run(Task task) -> std::future<std::invoke_result_t<Task>>
    {
        using Result = std::invoke_result_t<Task>;
        auto packaged = std::make_shared<std::packaged_task<Result()>>(std::move(task));
        std::future<Result> result = packaged->get_future();
        enqueue([packaged] { (*packaged)(); });
        return result;
    }

private:
    void enqueue(std::function<void()> task);
    void loop();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    bool m_stopping = false;
    std::thread m_thread;
};
