#pragma once

#include "SourceSync.h"
#include "archive/Archive.h"
#include "common/JoinedThread.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <vector>

class CredentialStore;
class InboxWatchers;
class QThread;
class QTimer;
class SyncWorker;
struct CredentialResult;
struct IngestionSource;

// Keeps every source current, on the main thread: schedules passes on each
// source's interval, on demand and after resume, at most `concurrencyLimit`
// at a time, each in a SyncWorker on its own QThread. Reads passwords through
// the injected store without waiting, retries transient failures with
// exponential backoff and records every outcome (status, last error, events).
// Nothing here blocks the thread it lives on except the destructor, which
// cancels every running pass first.
class SyncManager : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncManager)

public:
    struct Activity
    {
        enum class State {
            Idle,
            Waiting, // queued, or reading the password
            Syncing,
            RetryScheduled, // a transient failure; see retryAt
        };
        State state = State::Idle;
        QDateTime retryAt; // UTC; set for RetryScheduled
        QDateTime nextCheckAt; // UTC; when the periodic check is armed
        // New mail in the INBOX is archived as it arrives (IMAP IDLE), not
        // only at the next check.
        bool watchingInbox = false;
        // The network is down: a Waiting pass waits for it (setOnline).
        bool offline = false;
    };

    // The archive must already be open; credentials must outlive this.
    SyncManager(Archive archive, CredentialStore* credentials, QObject* parent = nullptr);
    ~SyncManager() override;

    void setConcurrencyLimit(int limit);
    int concurrencyLimit() const;
    // Tests and private servers: trusted in addition to the system CAs.
    void setExtraCaCertificatesFile(const QString& path);
    // Test hooks: a zero interval means each source's checkIntervalMinutes.
    void setCheckIntervalOverride(std::chrono::milliseconds interval);
    void setRetryBaseDelay(std::chrono::milliseconds delay);
    // How long transient failures may go on before the source shows Error
    // (SyncRecorder::DefaultErrorAfter); until then it shows a warning.
    void setErrorAfter(std::chrono::milliseconds duration);
    // Whether an Active source's INBOX is watched with IMAP IDLE where the
    // server offers it (on by default), and, for tests, how often the IDLE
    // is renewed.
    void setInboxWatching(bool enabled);
    void setIdleRenewal(std::chrono::milliseconds renewAfter);
    // Test hook: the IDLE watchers, for their renewed() signal and their
    // minimum watch before a lost one counts.
    InboxWatchers* inboxWatchers() const;

    // Schedules every source that is not paused.
    void start();

    // The network went away (false) or came back (NetworkMonitor). While
    // it is away no pass starts: checks and retries that come due wait in
    // the queue, so none fails for want of a network and no retry counts
    // towards Error; IDLE watches end. When it is back, the queue runs and
    // every source that is neither paused nor in Error checks, in the
    // usual turns.
    void setOnline(bool online);
    bool isOnline() const;
    // The machine woke from sleep: the checks' timers slept with it and the
    // connections are gone. Every source that is neither paused nor in
    // Error checks now, and IDLE watches start afresh after their pass.
    void checkAfterWake();
    // Runs a pass as soon as a slot is free (again after the running one).
    void syncNow(qint64 sourceId);
    // The scheduling side of the source's use cases: SourceService changes
    // the source in the archive, logs the event and then calls these.

    // The source is Paused: nothing is scheduled, a running pass stops at
    // its next batch boundary.
    void pause(qint64 sourceId);
    // The source is no longer Paused: a pass starts.
    void resume(qint64 sourceId);
    // A source the user just created: it starts importing at once.
    void addSource(qint64 sourceId);
    // The user edited the source: a running pass stops and a new one starts
    // with the new settings. With `freshImport` every folder checkpoint is
    // forgotten and the source imports again from the start (its mail stays;
    // what was archived already is not stored twice).
    void updateSource(qint64 sourceId, bool freshImport);
    // The source is being removed: nothing more is scheduled, a running pass
    // is cancelled, and `whenStopped` runs once no pass touches the source
    // (at once when none does). Then either forgetSource() or releaseHold().
    void holdForRemoval(qint64 sourceId, std::function<void()> whenStopped);
    // The removal failed: the source is scheduled again as before.
    void releaseHold(qint64 sourceId);
    // The removal is done: the state goes and sourceRemoved() is emitted.
    void forgetSource(qint64 sourceId, const QString& summary);

    // The check interval changed: a waiting check is re-armed with it.
    void rescheduleCheck(qint64 sourceId);

    // How long shutdown waits for running passes before it says, in the log,
    // which ones hold it up: the issue allows 5 s from Quit to the end, and
    // the application needs the last second for its own teardown.
    static constexpr std::chrono::milliseconds ShutdownGrace {4000};

    // Quit (menu, tray, session end). From now on nothing is scheduled:
    // checks and retries are stopped, the queue is cleared, password reads
    // under way are ignored, and syncNow, resume, addSource, releaseHold and
    // an edit start nothing (the next start picks up what they changed; an
    // edit's fresh import still resets the checkpoints). Every running pass
    // is cancelled as pause() does: its socket is shut down, the batch being
    // committed is stored and the ones behind it are dropped, so the
    // checkpoint says exactly what is archived. Such a pass keeps its
    // source's status (an import stays Importing and resumes at the next
    // start) and is logged as stopped (sync.cancelled), never as a failure,
    // whatever error the cut connection made it report. `whenStopped` then
    // runs once, on this thread and always through the event loop (never
    // inside this call), when every pass's thread has ended; at once when
    // none runs. A second call adds its own callback.
    //
    // There is no harder stop than the cancel: what may still run is the
    // disk and CPU work of the last batch (preparing or committing a huge
    // message, SQLite's busy timeout), which ends by itself. After
    // ShutdownGrace a warning names the sources still stopping, and
    // `whenStopped` keeps waiting for them: ending a thread from outside
    // would leave SQLite's write lock and the heap in an unknown state. If
    // a pass never ended, neither would the wait (nor the destructor, which
    // joins every thread).
    void shutdown(std::function<void()> whenStopped);
    // Undoes shutdown() once it has reported: scheduling works again and
    // every source that is not paused checks, as at start(). For a task
    // that needed every pass stopped and then failed (moving the archive).
    void restartAfterStop();
    // shutdown() was called and not undone.
    bool isStopped() const;

    Activity activity(qint64 sourceId) const;
    // A source is syncing or waiting for its turn: the app asks before
    // quitting where no tray keeps it running.
    bool isSyncing() const;

signals:
    // The status or the activity of the source changed.
    void sourceChanged(qint64 sourceId);
    // How a failure reaches the GUI: a pass of the source, or reading its
    // password, failed. Emitted once per failed pass, after the archive
    // recorded it (the source's lastError and lastErrorKind say the same,
    // and a sync.failed event holds the technical words and certificate)
    // and before the sourceChanged() that shows the new status. `failure`
    // says what kind it is (whether the source retries by itself or waits
    // for the user), the sentence for people, the server's words and, for
    // an untrusted certificate, the certificate. A pass that was stopped
    // (pause, edit, quit) is not a failure and emits nothing.
    void sourceFailed(qint64 sourceId, const SyncFailure& failure);
    void progress(qint64 sourceId, const QString& folder, qint64 done, qint64 total);
    void sourceAdded(qint64 sourceId);
    // `summary` says what was kept or deleted.
    void sourceRemoved(qint64 sourceId, const QString& summary);

private:
    struct SourceState
    {
        Activity activity;
        int failures = 0; // consecutive transient ones
        bool again = false; // syncNow or resume during a running pass
        bool held = false; // being removed: nothing may be scheduled
        // Runs once the running pass has stopped and its thread is gone.
        std::function<void()> afterStop;
        quint64 passwordRequest = 0;
        SyncWorker* worker = nullptr; // lives on thread
        JoinedThread thread;
        // The running pass's password, kept until it ends to start the
        // INBOX's IDLE watcher with.
        QString password;
        QTimer* checkTimer = nullptr;
        QTimer* retryTimer = nullptr;
    };

    SourceState& state(qint64 sourceId);
    void setActivity(qint64 sourceId, Activity::State activity, const QDateTime& retryAt = {});
    void schedule(qint64 sourceId);
    void startQueued();
    int runningCount() const;
    void handlePassword(quint64 requestId, qint64 sourceId, const CredentialResult& result);
    void launch(const IngestionSource& source, const QString& password);
    void handleFinished(qint64 sourceId, const SourceSync::Result& result);
    void recordStoppedAtShutdown(const IngestionSource& source, const SourceSync::Result& result);
    void handleThreadFinished(qint64 sourceId);
    bool anyThreadRunning() const;
    // Queues the shutdown callbacks once no pass's thread runs any more.
    void reportIfStopped();
    void runWhenStopped();
    void warnStillStopping() const;
    void armCheck(qint64 sourceId);
    // Every source that is not paused: a pass as soon as its turn comes.
    // Without `withErrors`, a source in Error is left to its own retries,
    // or (a password, a certificate) to the user.
    void scheduleAll(bool withErrors);
    // After a successful pass: an Active source's INBOX is watched.
    void watchInbox(qint64 sourceId, const QString& password);
    std::chrono::milliseconds retryDelay(int failures) const;

    Archive m_archive;
    CredentialStore* m_credentials;
    QString m_extraCaFile;
    int m_concurrencyLimit = 2;
    std::chrono::milliseconds m_checkOverride {0};
    std::chrono::milliseconds m_retryBase {60000};
    std::chrono::milliseconds m_errorAfter;
    QList<qint64> m_queue;
    std::map<qint64, SourceState> m_states; // node-stable: handlers keep references
    bool m_shuttingDown = false;
    std::vector<std::function<void()>> m_whenStopped; // shutdown callbacks not yet queued
    QTimer* m_shutdownGrace = nullptr;
    InboxWatchers* m_watchers = nullptr; // child
    bool m_watchInboxes = true;
    bool m_offline = false;
};
