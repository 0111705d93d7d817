#include "WalCheckpointer.h"

#include "ArchiveDatabase.h"

#include <QSqlError>
#include <QSqlQuery>

#include <map>

std::shared_ptr<WalCheckpointer> WalCheckpointer::forArchive(const QString& path)
{
    static std::mutex registryMutex;
    static std::map<QString, std::weak_ptr<WalCheckpointer>> registry;
    const std::lock_guard lock(registryMutex);
    std::weak_ptr<WalCheckpointer>& slot = registry[path];
    std::shared_ptr<WalCheckpointer> checkpointer = slot.lock();
    if (!checkpointer) {
        checkpointer = std::make_shared<WalCheckpointer>(path);
        slot = checkpointer;
    }
    return checkpointer;
}

WalCheckpointer::WalCheckpointer(const QString& path)
    : m_path(path)
    , m_thread(&WalCheckpointer::run, this)
{
}

WalCheckpointer::~WalCheckpointer()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void WalCheckpointer::requestCheckpoint()
{
    {
        const std::lock_guard lock(m_mutex);
        ++m_requested;
    }
    m_wake.notify_one();
}

void WalCheckpointer::waitIdle()
{
    std::unique_lock lock(m_mutex);
    const quint64 target = m_requested;
    m_idle.wait(lock, [&] { return m_done >= target || m_stopping; });
}

int WalCheckpointer::checkpointsDone() const
{
    const std::lock_guard lock(m_mutex);
    return m_checkpoints;
}

QString WalCheckpointer::lastError() const
{
    const std::lock_guard lock(m_mutex);
    return m_lastError;
}

void WalCheckpointer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stopping || m_requested > m_done; });
        if (m_stopping) {
            break;
        }
        // Requests that arrive while a checkpoint runs are served by the
        // next one; several commits cost one checkpoint.
        const quint64 serving = m_requested;
        lock.unlock();
        checkpoint();
        lock.lock();
        m_done = serving;
        ++m_checkpoints;
        m_idle.notify_all();
    }
    lock.unlock();
    ArchiveDatabase::closeConnection(m_path);
    m_idle.notify_all();
}

void WalCheckpointer::checkpoint()
{
    QString error;
    QSqlDatabase db = ArchiveDatabase::connection(m_path, &error);
    if (db.isOpen()) {
        QSqlQuery query(db);
        // PASSIVE: copies what it can without waiting for, or blocking,
        // the writer and the readers.
        if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"))) {
            error = query.lastError().text();
        }
    }
    const std::lock_guard lock(m_mutex);
    m_lastError = error;
}
