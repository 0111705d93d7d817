#include "CancelToken.h"

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

CancelToken::CancelToken() = default;

CancelToken::~CancelToken()
{
#ifdef Q_OS_UNIX
    const std::lock_guard lock(m_mutex);
    for (const auto& [descriptor, duplicate] : m_duplicates) {
        ::close(duplicate);
    }
#endif
}

void CancelToken::cancel()
{
    m_cancelled = true;
#ifdef Q_OS_UNIX
    const std::lock_guard lock(m_mutex);
    for (const auto& [descriptor, duplicate] : m_duplicates) {
        // shutdown() acts on the socket behind every descriptor of it, so the
        // worker's poll() on Qt's descriptor wakes up with "remote closed".
        ::shutdown(duplicate, SHUT_RDWR);
    }
#endif
}

bool CancelToken::isCancelled() const
{
    return m_cancelled;
}

void CancelToken::reset()
{
    m_cancelled = false;
}

void CancelToken::publish(qintptr descriptor)
{
#ifdef Q_OS_UNIX
    if (descriptor < 0) {
        return;
    }
    const int duplicate = ::dup(static_cast<int>(descriptor));
    if (duplicate < 0) {
        return; // flag-only cancellation for this socket
    }
    const std::lock_guard lock(m_mutex);
    if (const auto old = m_duplicates.find(descriptor); old != m_duplicates.end()) {
        ::close(old->second);
    }
    m_duplicates[descriptor] = duplicate;
    if (m_cancelled) {
        // Cancelled between the worker's last check and now.
        ::shutdown(duplicate, SHUT_RDWR);
    }
#else
    Q_UNUSED(descriptor)
#endif
}

void CancelToken::unpublish(qintptr descriptor)
{
#ifdef Q_OS_UNIX
    const std::lock_guard lock(m_mutex);
    if (const auto it = m_duplicates.find(descriptor); it != m_duplicates.end()) {
        ::close(it->second);
        m_duplicates.erase(it);
    }
#else
    Q_UNUSED(descriptor)
#endif
}
