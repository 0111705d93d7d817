#include "ArchiveQueryRunner.h"

#include "ArchiveDatabase.h"

#include <QSqlDriver>

#include <sqlite3.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace {

// The connection's sqlite3 handle, for sqlite3_interrupt (which SQLite
// allows from any thread). Null when the driver is not Qt's SQLite driver.
sqlite3* sqliteHandle(const QSqlDatabase& db)
{
    if (!db.isOpen() || !db.driver()) {
        return nullptr;
    }
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3* const*>(handle.constData());
}

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
            if (m_running != 0 && m_handle) {
                sqlite3_interrupt(m_handle);
            }
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

    // Drops the request if it waits; interrupts it if it runs.
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
        if (m_running == ticket && m_handle) {
            sqlite3_interrupt(m_handle);
        }
    }

private:
    struct Task
    {
        QueryTickets::Ticket ticket = 0;
        std::function<void(const ArchiveReader&)> work;
    };

    void loop()
    {
        QString error;
        QSqlDatabase db = ArchiveDatabase::readOnlyConnection(m_path, m_role, &error);
        if (!error.isEmpty()) {
            qWarning("Archive queries cannot open the archive: %s", qUtf8Printable(error));
        }
        {
            ArchiveReader reader(db);
            {
                const std::lock_guard lock(m_mutex);
                m_handle = sqliteHandle(db);
            }
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
                    task.work(reader);
                }
                const std::lock_guard lock(m_mutex);
                m_running = 0;
            }
            const std::lock_guard lock(m_mutex);
            m_handle = nullptr;
        }
        db = QSqlDatabase();
        ArchiveDatabase::closeReadOnlyConnection(m_path, m_role);
    }

    const QString m_path;
    const QString m_role;
    const std::shared_ptr<QueryTickets> m_tickets;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Task> m_tasks;
    bool m_stopping = false;
    QueryTickets::Ticket m_running = 0;
    sqlite3* m_handle = nullptr;
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
    d->background = std::make_unique<QueryLane>(archive.path(), QStringLiteral("background"), m_tickets);
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
