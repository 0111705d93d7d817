#pragma once

#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

// Copies the write-ahead log back into the archive file on a thread of its
// own, so the thread that stores mail does not wait for it.
//
// In WAL mode every committed page is written twice: into the log, and
// later, by a checkpoint, into the database file, each followed by an fsync.
// SQLite's automatic checkpoint runs inside the COMMIT of whichever
// connection crosses the threshold, i.e. on the import's storing thread: it
// took a quarter of the store time (docs/benchmarks.md). Here the writer
// only nudges this thread after a commit; a PASSIVE checkpoint on another
// connection never blocks the writer, and the log restarts from its
// beginning once everything in it is copied. The writer's own automatic
// checkpoint stays as a backstop at a higher threshold, should this thread
// ever fall behind.
//
// One per archive file in the process, shared by every store writing to it.
class WalCheckpointer
{
public:
    // The checkpointer for the archive at `path`, started on first use and
    // stopped when the last store using it is gone.
    static std::shared_ptr<WalCheckpointer> forArchive(const QString& path);

    // The writer's automatic checkpoint threshold (pages) while a
    // checkpointer serves it: the log may grow to about 64 MB before the
    // writer checkpoints by itself.
    static constexpr int BackstopPages = 16384;

    explicit WalCheckpointer(const QString& path);
    ~WalCheckpointer();
    Q_DISABLE_COPY_MOVE(WalCheckpointer)

    // Something was committed: checkpoint soon. Cheap; never blocks.
    void requestCheckpoint();

    // Blocks until every checkpoint requested so far has run. For tests and
    // for measurements.
    void waitIdle();

    // Checkpoints that ran, and the last error (empty when none). A failed
    // checkpoint loses nothing: the pages stay in the log.
    int checkpointsDone() const;
    QString lastError() const;

private:
    void run();
    void checkpoint();

    const QString m_path;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    quint64 m_requested = 0;
    quint64 m_done = 0;
    int m_checkpoints = 0;
    bool m_stopping = false;
    QString m_lastError;
    std::thread m_thread;
};
