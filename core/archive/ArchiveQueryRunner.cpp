#include "ArchiveQueryRunner.h"

#include "ArchiveDatabase.h"
#include "SqliteHandle.h"
#include "common/BackgroundPriority.h"

#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace {

const QString BackgroundRole = QStringLiteral("background");

} // namespace

// One thread with its read-only connection, running requests in order.
class QueryLane
{
public:
    QueryLane(QString path, QString role, std::shared_ptr<QueryTickets> tickets)
        : m_path(std::move(path))
        , m_role(std::move(role))
        , m_tickets(std::move(tickets))
        , m_thread([this] { loop(); })
    {
    }

    ~QueryLane()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
            for (const Task& task : m_tasks) {
                m_tickets->forget(task.ticket);
            }
            m_tasks.clear();
        }
        m_wake.notify_one();
        m_thread.join();
    }
    Q_DISABLE_COPY_MOVE(QueryLane)

    void add(QueryTickets::Ticket ticket, std::function<void(const ArchiveReader&)> work)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_tasks.push_back({ticket, std::move(work)});
        }
        m_wake.notify_one();
    }

    // Drops the request if it waits. One that runs stops at SQLite's next
    // progress check (stopHere), its ticket being cancelled already.
    void cancel(QueryTickets::Ticket ticket)
    {
        const std::lock_guard lock(m_mutex);
        for (auto it = m_tasks.begin(); it != m_tasks.end(); ++it) {
            if (it->ticket == ticket) {
                m_tickets->forget(ticket);
                m_tasks.erase(it);
                return;
            }
        }
    }

private:
    struct Task
    {
        QueryTickets::Ticket ticket = 0;
        std::function<void(const ArchiveReader&)> work;
    };

    // SQLite's progress handler, every 1,000 virtual machine steps of a
    // statement on this lane: non-zero interrupts it. Unlike
    // sqlite3_interrupt, which does nothing between two statements, this
    // also catches a cancel that came before the statement began.
    static int stopHere(void* lane)
    {
        const auto* self = static_cast<const QueryLane*>(lane);
        return self->m_stopping.load() || self->m_tickets->isCancelled(self->m_running.load()) ? 1 : 0;
    }

    void loop()
    {
        // Counts can wait; what the user waits on (the Interactive lane)
        // keeps its priority.
        if (m_role == BackgroundRole) {
            BackgroundPriority::applyToCurrentThread();
        }
        {
            // Opened at the first request, not when the thread starts: the
            // runner may be built before the archive file exists (a test
            // fixture, a window built while the archive is created), and a
            // connection that could not open is tried again at the next one.
            QSqlDatabase db;
            std::optional<ArchiveReader> reader;
            for (;;) {
                Task task;
                {
                    std::unique_lock lock(m_mutex);
                    m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
                    if (m_stopping) {
                        break;
                    }
                    task = std::move(m_tasks.front());
                    m_tasks.pop_front();
                    m_running = task.ticket;
                }
                if (m_tickets->isCancelled(task.ticket)) {
                    m_tickets->forget(task.ticket);
                } else {
                    if (!db.isOpen()) {
                        reader.reset();
                        db = QSqlDatabase(); // no handle left on the one that failed
                        db = open();
                        reader.emplace(db);
                    }
                    task.work(*reader);
                }
                m_running = 0;
            }
            if (sqlite3* handle = sqliteHandle(db)) {
                sqlite3_progress_handler(handle, 0, nullptr, nullptr);
            }
        }
        ArchiveDatabase::closeReadOnlyConnection(m_path, m_role);
    }

    QSqlDatabase open()
    {
        ArchiveDatabase::closeReadOnlyConnection(m_path, m_role); // one that failed before
        QString error;
        QSqlDatabase db = ArchiveDatabase::readOnlyConnection(m_path, m_role, &error);
        if (!error.isEmpty()) {
            qWarning("Archive queries cannot open the archive: %s", qUtf8Printable(error));
        }
        if (sqlite3* handle = sqliteHandle(db)) {
            sqlite3_progress_handler(handle, 1000, &QueryLane::stopHere, this);
        }
        return db;
    }

    const QString m_path;
    const QString m_role;
    const std::shared_ptr<QueryTickets> m_tickets;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Task> m_tasks;
    std::atomic_bool m_stopping = false;
    std::atomic<QueryTickets::Ticket> m_running = 0;
    std::thread m_thread; // last: starts once everything above is built
};

struct ArchiveQueryRunner::Private
{
    std::unique_ptr<QueryLane> interactive;
    std::unique_ptr<QueryLane> background;

    QueryLane& lane(Lane which) const { return which == Lane::Interactive ? *interactive : *background; }
};

ArchiveQueryRunner::ArchiveQueryRunner(Archive archive, QObject* parent)
    : QObject(parent)
    , m_tickets(std::make_shared<QueryTickets>())
    , d(std::make_unique<Private>())
{
    d->interactive = std::make_unique<QueryLane>(archive.path(), QStringLiteral("interactive"), m_tickets);
    d->background = std::make_unique<QueryLane>(archive.path(), BackgroundRole, m_tickets);
}

ArchiveQueryRunner::~ArchiveQueryRunner()
{
    m_tickets->cancelAll();
    d.reset();
}

void ArchiveQueryRunner::cancel(Ticket ticket)
{
    if (!m_tickets->cancel(ticket)) {
        return;
    }
    d->interactive->cancel(ticket);
    d->background->cancel(ticket);
}

int ArchiveQueryRunner::pendingCount() const
{
    return m_tickets->count();
}

void ArchiveQueryRunner::enqueue(Lane lane, Ticket ticket, std::function<void(const ArchiveReader&)> task)
{
    d->lane(lane).add(ticket, std::move(task));
}
