#pragma once

#include <QString>

#include "common/SerialThread.h"

#include <atomic>
#include <memory>
#include <mutex>

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
    void checkpoint(); // on m_thread

    const QString m_path;
    // A checkpoint is queued and has not started: later commits need no
    // other, it will copy them too.
    std::atomic<bool> m_queued = false;
    mutable std::mutex m_mutex;
    int m_checkpoints = 0;
    QString m_lastError;
    SerialThread m_thread; // last: stops first, after the destructor's task
};
