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
{
}

WalCheckpointer::~WalCheckpointer()
{
    // The connection closes on the thread that opened it.
    m_thread.run([this] { ArchiveDatabase::closeConnection(m_path); }).wait();
}

void WalCheckpointer::requestCheckpoint()
{
    if (!m_queued.exchange(true)) {
        m_thread.run([this] {
            // From here on a commit queues the next checkpoint: this one
            // may already be past its pages.
            m_queued = false;
            checkpoint();
        });
    }
}

void WalCheckpointer::waitIdle()
{
    // Runs after every checkpoint queued so far.
    m_thread.run([] {}).wait();
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
    ++m_checkpoints;
}
