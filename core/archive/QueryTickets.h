#pragma once

#include <QtGlobal>

#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>

// The requests of an ArchiveQueryRunner that have not called back yet, each
// with its "cancelled" flag. Shared (by shared_ptr) between the runner and
// the results on their way to a receiver, so a result that arrives after
// the runner is gone finds the table still there.
class QueryTickets
{
public:
    using Ticket = quint64;

    Ticket add();
    // Marks the ticket cancelled; false when it is unknown (done already).
    bool cancel(Ticket ticket);
    bool isCancelled(Ticket ticket) const;
    void forget(Ticket ticket);
    // Every request still open will never call back (the runner is going).
    void cancelAll();
    int count() const;

    // Forgets the ticket when the last copy of the request lets go of it:
    // answered, cancelled, or dropped with a receiver that was destroyed.
    class Release
    {
    public:
        Release(std::shared_ptr<QueryTickets> tickets, Ticket ticket)
            : m_tickets(std::move(tickets))
            , m_ticket(ticket)
        {
        }
        ~Release() { m_tickets->forget(m_ticket); }
        Q_DISABLE_COPY_MOVE(Release)

    private:
        std::shared_ptr<QueryTickets> m_tickets;
        Ticket m_ticket;
    };

private:
    mutable std::mutex m_mutex;
    Ticket m_next = 0;
    std::unordered_map<Ticket, bool> m_cancelled;
};
