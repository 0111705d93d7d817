#include "SerialThread.h"

#include "BackgroundPriority.h"

SerialThread::SerialThread()
    : m_thread(&SerialThread::loop, this)
{
}

SerialThread::~SerialThread()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void SerialThread::enqueue(std::function<void()> task)
{
    {
        const std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
    }
    m_wake.notify_one();
}

void SerialThread::loop()
{
    // Every SerialThread does background work: an import's stages, WAL
    // checkpoints.
    BackgroundPriority::applyToCurrentThread();
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_tasks.empty(); });
            if (m_tasks.empty()) {
                return; // stopping, and every task given has run
            }
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        task();
    }
}
