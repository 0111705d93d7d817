#include "QueryTickets.h"

QueryTickets::Ticket QueryTickets::add()
{
    const std::lock_guard lock(m_mutex);
    const Ticket ticket = ++m_next;
    m_cancelled.emplace(ticket, false);
    return ticket;
}

bool QueryTickets::cancel(Ticket ticket)
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_cancelled.find(ticket);
    if (found == m_cancelled.end()) {
        return false;
    }
    found->second = true;
    return true;
}

bool QueryTickets::isCancelled(Ticket ticket) const
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_cancelled.find(ticket);
    // Forgotten means answered or dropped: either way, nothing more to do.
    return found == m_cancelled.end() || found->second;
}

void QueryTickets::forget(Ticket ticket)
{
    const std::lock_guard lock(m_mutex);
    m_cancelled.erase(ticket);
}

int QueryTickets::count() const
{
    const std::lock_guard lock(m_mutex);
    return static_cast<int>(m_cancelled.size());
}

void QueryTickets::cancelAll()
{
    const std::lock_guard lock(m_mutex);
    for (auto& entry : m_cancelled) {
        entry.second = true;
    }
}
