#pragma once

#include "ArchiveQueryRunner.h"

// One kind of request whose newest one alone matters: the list's next page,
// the message being previewed, the folder tree. Asking again cancels the
// request before it, so a superseded answer never calls back; destroying the
// holder cancels the last one.
class LatestQuery
{
public:
    LatestQuery() = default;
    explicit LatestQuery(ArchiveQueryRunner* runner)
        : m_runner(runner)
    {
    }
    ~LatestQuery() { cancel(); }
    Q_DISABLE_COPY_MOVE(LatestQuery)

    void setRunner(ArchiveQueryRunner* runner)
    {
        cancel();
        m_runner = runner;
    }

    template<typename Query, typename Done>
    void run(ArchiveQueryRunner::Lane lane, QObject* context, Query query, Done done)
    {
        cancel();
        if (!m_runner) {
            return;
        }
        m_busy = true;
        m_ticket = m_runner->run(lane, context, std::move(query), [this, done = std::move(done)](auto result) mutable {
            m_busy = false;
            m_ticket = 0;
            done(std::move(result));
        });
    }

    void cancel()
    {
        if (m_runner && m_ticket != 0) {
            m_runner->cancel(m_ticket);
        }
        m_ticket = 0;
        m_busy = false;
    }

    // A request is on its way.
    bool isBusy() const { return m_busy; }

private:
    QPointer<ArchiveQueryRunner> m_runner;
    ArchiveQueryRunner::Ticket m_ticket = 0;
    bool m_busy = false;
};
