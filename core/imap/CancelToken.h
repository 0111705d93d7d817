#pragma once

#include <QtGlobal>

#include <atomic>
#include <map>
#include <mutex>

// The only object shared between a worker and the thread that cancels it
// (socket-lab notes §1.6, pitfall 15). cancel() sets a flag that every wait
// slice checks and, on POSIX, shuts down duplicates of the published socket
// descriptors so a blocked poll() returns at once. A duplicate is used
// because the descriptor number Qt owns may already be closed and reused
// (pitfall 16). Elsewhere cancellation is flag-only (latency ≤ one slice).
class CancelToken
{
public:
    CancelToken();
    ~CancelToken();
    Q_DISABLE_COPY_MOVE(CancelToken)

    // Any thread.
    void cancel();
    bool isCancelled() const;
    // Clears the flag for the next job; published descriptors stay.
    void reset();

    // Worker thread: a socket publishes its connected descriptor after
    // connecting and withdraws it before closing. Several sockets may be
    // published at once (vmime opens one connection per opened folder).
    void publish(qintptr descriptor);
    void unpublish(qintptr descriptor);

private:
    std::atomic_bool m_cancelled {false};
    std::mutex m_mutex;
    // Original descriptor → our dup() of it.
    std::map<qintptr, int> m_duplicates;
};
