#include "SyncManager.h"

#include "InboxWatchers.h"
#include "SyncRecorder.h"
#include "SyncWorker.h"
#include "credentials/CredentialStore.h"
#include "sources/CertificateExceptions.h"
#include "sources/SourceRepository.h"

#include <QStringList>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdint>
#include <utility>

namespace {

constexpr std::chrono::milliseconds MaxRetryDelay = std::chrono::minutes(60);

// A pass cancelled at quit, as the history records it. Whatever made it end
// after the cancel (the cut socket may surface as a lost connection or an
// unreadable answer) is the quit's doing, not the server's: the next start
// meets any real failure again and records it then.
SourceSync::Result asStopped(const SourceSync::Result& result)
{
    SourceSync::Result stopped;
    stopped.cancelled = true;
    stopped.counts = result.counts;
    return stopped;
}

} // namespace

SyncManager::SyncManager(Archive archive, CredentialStore* credentials, QObject* parent)
    : QObject(parent)
    , m_archive(std::move(archive))
    , m_credentials(credentials)
    , m_errorAfter(SyncRecorder::DefaultErrorAfter)
    , m_watchers(new InboxWatchers(m_archive, this))
{
    qRegisterMetaType<SourceSync::Result>();
    qRegisterMetaType<SyncFailure>();
    // New mail in a watched INBOX: a pass now rather than at the next check.
    connect(m_watchers, &InboxWatchers::newMail, this, &SyncManager::syncNow);
    connect(m_watchers, &InboxWatchers::watchingChanged, this, &SyncManager::sourceChanged);
    // A watch lost to a broken connection: find out now whether the server
    // is still there, rather than at the next check.
    connect(m_watchers, &InboxWatchers::watchLost, this, &SyncManager::syncNow);
    connect(m_watchers, &InboxWatchers::threadEnded, this, &SyncManager::reportIfStopped);
    connect(
        m_credentials,
        &CredentialStore::requestFinished,
        this,
        [this](
            quint64 requestId, qint64 sourceId, CredentialStore::Operation operation, const CredentialResult& result) {
            if (operation == CredentialStore::Operation::Read) {
                handlePassword(requestId, sourceId, result);
            }
        });
}

SyncManager::~SyncManager()
{
    // Cancel all first so the joins below each take milliseconds, not a
    // whole pass.
    for (auto& [id, sourceState] : m_states) {
        if (sourceState.worker) {
            sourceState.worker->cancel();
        }
    }
    m_watchers->stopAll();
    for (auto& [id, sourceState] : m_states) {
        sourceState.thread.reset();
    }
}

int SyncManager::concurrencyLimit() const
{
    return m_concurrencyLimit;
}

void SyncManager::setConcurrencyLimit(int limit)
{
    m_concurrencyLimit = std::max(1, limit);
    startQueued();
}

void SyncManager::setExtraCaCertificatesFile(const QString& path)
{
    m_extraCaFile = path;
    m_watchers->setExtraCaCertificatesFile(path);
}

void SyncManager::setInboxWatching(bool enabled)
{
    m_watchInboxes = enabled;
    if (!enabled) {
        m_watchers->stopAll();
    }
}

void SyncManager::setIdleRenewal(std::chrono::milliseconds renewAfter)
{
    m_watchers->setRenewAfter(renewAfter);
}

InboxWatchers* SyncManager::inboxWatchers() const
{
    return m_watchers;
}

void SyncManager::setCheckIntervalOverride(std::chrono::milliseconds interval)
{
    m_checkOverride = interval;
}

void SyncManager::setRetryBaseDelay(std::chrono::milliseconds delay)
{
    m_retryBase = delay;
}

void SyncManager::setErrorAfter(std::chrono::milliseconds duration)
{
    m_errorAfter = duration;
}

void SyncManager::start()
{
    scheduleAll(true);
}

void SyncManager::scheduleAll(bool withErrors)
{
    for (const IngestionSource& source : SourceRepository(m_archive.connection()).list()) {
        const bool error = source.status == IngestionSource::Status::Error;
        if (source.status != IngestionSource::Status::Paused && (withErrors || !error)) {
            schedule(source.id);
        }
    }
}

void SyncManager::setOnline(bool online)
{
    if (m_offline == !online) {
        return;
    }
    m_offline = !online;
    if (m_offline) {
        m_watchers->stopAll(); // their connections are gone or going
    }
    QList<qint64> ids;
    for (const auto& [id, sourceState] : m_states) {
        ids << id;
    }
    for (const qint64 id : ids) {
        emit sourceChanged(id); // Activity::offline changed
    }
    if (online) {
        scheduleAll(false);
        startQueued(); // what came due meanwhile, retries of Errors too
    }
}

bool SyncManager::isOnline() const
{
    return !m_offline;
}

void SyncManager::checkAfterWake()
{
    m_watchers->stopAll();
    scheduleAll(false);
}

void SyncManager::syncNow(qint64 sourceId)
{
    const auto source = SourceRepository(m_archive.connection()).find(sourceId);
    if (!source || source->status == IngestionSource::Status::Paused) {
        return;
    }
    state(sourceId).failures = 0;
    schedule(sourceId);
}

void SyncManager::pause(qint64 sourceId)
{
    SourceState& sourceState = state(sourceId);
    sourceState.again = false;
    sourceState.failures = 0;
    sourceState.passwordRequest = 0; // a read still under way is ignored
    sourceState.checkTimer->stop();
    sourceState.retryTimer->stop();
    sourceState.activity.nextCheckAt = {};
    m_queue.removeAll(sourceId);
    m_watchers->stop(sourceId); // Paused means no contact with the server
    if (sourceState.worker) {
        sourceState.worker->cancel(); // the activity ends when the worker reports
    } else {
        setActivity(sourceId, Activity::State::Idle);
    }
    emit sourceChanged(sourceId);
    startQueued();
}

void SyncManager::resume(qint64 sourceId)
{
    state(sourceId).failures = 0;
    emit sourceChanged(sourceId);
    schedule(sourceId);
}

void SyncManager::addSource(qint64 sourceId)
{
    emit sourceAdded(sourceId);
    syncNow(sourceId);
}

void SyncManager::updateSource(qint64 sourceId, bool freshImport)
{
    SourceState& sourceState = state(sourceId);
    // The watcher has the old server, login and scope; the next successful
    // pass starts one with the new ones.
    m_watchers->forget(sourceId);
    if (sourceState.thread) {
        // The running pass has the old settings; the checkpoint it writes
        // last must not undo a reset below, so wait for it to stop.
        sourceState.afterStop = [this, sourceId, freshImport] { updateSource(sourceId, freshImport); };
        if (sourceState.worker) {
            sourceState.worker->cancel();
        }
        return;
    }
    sourceState.passwordRequest = 0; // read again: the password may be new
    m_queue.removeAll(sourceId);
    if (freshImport) {
        QString error;
        SourceRepository(m_archive.connection()).restartImport(sourceId, &error);
    }
    sourceState.failures = 0;
    setActivity(sourceId, Activity::State::Idle);
    emit sourceChanged(sourceId);
    syncNow(sourceId);
}

void SyncManager::holdForRemoval(qint64 sourceId, std::function<void()> whenStopped)
{
    SourceState& sourceState = state(sourceId);
    sourceState.held = true;
    sourceState.again = false;
    sourceState.passwordRequest = 0;
    sourceState.checkTimer->stop();
    sourceState.retryTimer->stop();
    sourceState.activity.nextCheckAt = {};
    m_queue.removeAll(sourceId);
    m_watchers->forget(sourceId);
    if (sourceState.thread) {
        // Deleting mail under a pass that still stores some would race it.
        sourceState.afterStop = std::move(whenStopped);
        if (sourceState.worker) {
            sourceState.worker->cancel();
        }
        return;
    }
    setActivity(sourceId, Activity::State::Idle);
    whenStopped();
}

void SyncManager::releaseHold(qint64 sourceId)
{
    state(sourceId).held = false;
    const auto source = SourceRepository(m_archive.connection()).find(sourceId);
    if (source && source->status != IngestionSource::Status::Paused) {
        schedule(sourceId);
    }
    emit sourceChanged(sourceId);
}

void SyncManager::forgetSource(qint64 sourceId, const QString& summary)
{
    const auto found = m_states.find(sourceId);
    if (found != m_states.end()) {
        delete found->second.checkTimer;
        delete found->second.retryTimer;
        m_states.erase(found);
    }
    m_queue.removeAll(sourceId);
    m_watchers->forget(sourceId);
    emit sourceRemoved(sourceId, summary);
    startQueued();
}

void SyncManager::rescheduleCheck(qint64 sourceId)
{
    if (state(sourceId).checkTimer->isActive()) {
        armCheck(sourceId);
        emit sourceChanged(sourceId);
    }
}

void SyncManager::shutdown(std::function<void()> whenStopped)
{
    m_shuttingDown = true;
    m_whenStopped.push_back(std::move(whenStopped));
    m_queue.clear();
    m_watchers->stopAll();
    QList<qint64> notRunning;
    for (auto& [id, sourceState] : m_states) {
        sourceState.again = false;
        sourceState.passwordRequest = 0; // a read still under way is ignored
        sourceState.checkTimer->stop();
        sourceState.retryTimer->stop();
        sourceState.activity.nextCheckAt = {};
        if (sourceState.worker) {
            sourceState.worker->cancel(); // the activity ends when the worker reports
        } else if (!sourceState.thread) {
            sourceState.activity = Activity {}; // no retry, no check: Idle
            notRunning << id;
        }
    }
    // Announced after the loop: a receiver may ask for a source's activity,
    // which adds to m_states while it is walked.
    for (const qint64 id : notRunning) {
        emit sourceChanged(id);
    }
    if (!anyThreadRunning()) {
        reportIfStopped();
        return;
    }
    if (!m_shutdownGrace) {
        m_shutdownGrace = new QTimer(this);
        m_shutdownGrace->setSingleShot(true);
        connect(m_shutdownGrace, &QTimer::timeout, this, &SyncManager::warnStillStopping);
        m_shutdownGrace->start(ShutdownGrace);
    }
}

void SyncManager::restartAfterStop()
{
    if (!m_shuttingDown || anyThreadRunning()) {
        return; // not stopped, or not yet
    }
    m_shuttingDown = false;
    m_whenStopped.clear();
    start();
}

bool SyncManager::isStopped() const
{
    return m_shuttingDown;
}

SyncManager::Activity SyncManager::activity(qint64 sourceId) const
{
    const auto found = m_states.find(sourceId);
    Activity activity = found == m_states.end() ? Activity {} : found->second.activity;
    activity.watchingInbox = m_watchers->isWatching(sourceId);
    activity.offline = m_offline;
    return activity;
}

bool SyncManager::isSyncing() const
{
    return std::any_of(m_states.begin(), m_states.end(), [](const auto& entry) {
        const Activity::State state = entry.second.activity.state;
        return state == Activity::State::Syncing || state == Activity::State::Waiting;
    });
}

SyncManager::SourceState& SyncManager::state(qint64 sourceId)
{
    auto [found, inserted] = m_states.try_emplace(sourceId);
    SourceState& sourceState = found->second;
    if (inserted) {
        sourceState.checkTimer = new QTimer(this);
        sourceState.retryTimer = new QTimer(this);
        sourceState.checkTimer->setSingleShot(true);
        sourceState.retryTimer->setSingleShot(true);
        connect(sourceState.checkTimer, &QTimer::timeout, this, [this, sourceId] { schedule(sourceId); });
        connect(sourceState.retryTimer, &QTimer::timeout, this, [this, sourceId] { schedule(sourceId); });
    }
    return sourceState;
}

void SyncManager::setActivity(qint64 sourceId, Activity::State activity, const QDateTime& retryAt)
{
    SourceState& sourceState = state(sourceId);
    if (sourceState.activity.state == activity && sourceState.activity.retryAt == retryAt) {
        return;
    }
    sourceState.activity.state = activity;
    sourceState.activity.retryAt = retryAt;
    if (activity != Activity::State::Idle) {
        sourceState.activity.nextCheckAt = {};
    }
    emit sourceChanged(sourceId);
}

void SyncManager::schedule(qint64 sourceId)
{
    SourceState& sourceState = state(sourceId);
    if (sourceState.held || m_shuttingDown) {
        return;
    }
    // Mail imported from files has no server to check.
    if (const auto source = SourceRepository(m_archive.connection()).find(sourceId); source && source->isLocal()) {
        return;
    }
    if (sourceState.thread || sourceState.passwordRequest != 0) {
        sourceState.again = true;
        return;
    }
    sourceState.checkTimer->stop();
    sourceState.retryTimer->stop();
    if (!m_queue.contains(sourceId)) {
        m_queue.append(sourceId);
    }
    setActivity(sourceId, Activity::State::Waiting);
    startQueued();
}

int SyncManager::runningCount() const
{
    return static_cast<int>(std::count_if(m_states.begin(), m_states.end(), [](const auto& entry) {
        return entry.second.thread || entry.second.passwordRequest != 0;
    }));
}

void SyncManager::startQueued()
{
    if (m_shuttingDown || m_offline) {
        return;
    }
    while (!m_queue.isEmpty() && runningCount() < m_concurrencyLimit) {
        const qint64 sourceId = m_queue.takeFirst();
        // The reply comes through the event loop (CredentialStore contract).
        state(sourceId).passwordRequest = m_credentials->readPassword(sourceId);
    }
}

void SyncManager::handlePassword(quint64 requestId, qint64 sourceId, const CredentialResult& result)
{
    const auto found = m_states.find(sourceId);
    if (found == m_states.end() || found->second.passwordRequest != requestId || requestId == 0) {
        return; // not ours, or the source was paused meanwhile
    }
    found->second.passwordRequest = 0;
    const auto source = SourceRepository(m_archive.connection()).find(sourceId);
    if (!source || source->status == IngestionSource::Status::Paused) {
        setActivity(sourceId, Activity::State::Idle);
        startQueued();
        return;
    }
    if (result.status != CredentialResult::Status::Ok) {
        const SyncFailure failure = SyncRecorder(m_archive).passwordUnavailable(*source, result.message);
        emit sourceFailed(sourceId, failure);
        setActivity(sourceId, Activity::State::Idle);
        emit sourceChanged(sourceId);
        startQueued();
        return;
    }
    launch(*source, result.password);
}

void SyncManager::launch(const IngestionSource& source, const QString& password)
{
    SourceState& sourceState = state(source.id);
    sourceState.again = false;
    sourceState.password = password;
    sourceState.thread.reset(new QThread);
    sourceState.thread->setObjectName(QStringLiteral("sync-%1").arg(source.id));
    auto* worker = new SyncWorker(m_archive, m_extraCaFile);
    worker->moveToThread(sourceState.thread.get());
    sourceState.worker = worker;
    const qint64 sourceId = source.id;
    connect(sourceState.thread.get(), &QThread::finished, worker, &QObject::deleteLater);
    connect(sourceState.thread.get(), &QThread::finished, this, [this, sourceId] { handleThreadFinished(sourceId); });
    connect(worker, &SyncWorker::progress, this, &SyncManager::progress);
    connect(worker, &SyncWorker::finished, this, &SyncManager::handleFinished);
    SyncRecorder(m_archive).started(source);
    sourceState.thread->start();
    QMetaObject::invokeMethod(
        worker, [worker, source, password] { worker->run(source, password); }, Qt::QueuedConnection);
    setActivity(sourceId, Activity::State::Syncing);
}

void SyncManager::handleFinished(qint64 sourceId, const SourceSync::Result& result)
{
    SourceState& sourceState = state(sourceId);
    sourceState.worker = nullptr; // deleted with its thread
    sourceState.thread->quit();
    const QString password = std::exchange(sourceState.password, {});
    const auto source = SourceRepository(m_archive.connection()).find(sourceId);
    if (!source || sourceState.afterStop) {
        // Removed, or about to be changed: the pass's outcome is moot.
        setActivity(sourceId, Activity::State::Idle);
        return;
    }
    if (m_shuttingDown) {
        recordStoppedAtShutdown(*source, result);
        setActivity(sourceId, Activity::State::Idle);
        emit sourceChanged(sourceId);
        return;
    }
    const bool paused = source->status == IngestionSource::Status::Paused;
    bool retry = false;
    if (result.ok || result.cancelled) {
        sourceState.failures = 0;
        SyncRecorder(m_archive).record(*source, result);
    } else if (result.failure.isTransient()) {
        ++sourceState.failures;
        retry = !paused;
        SyncRecorder(m_archive).record(*source, result, m_errorAfter);
    } else {
        // Only the user can fix it (password, certificate, disk): no
        // retries and no checks until they act (syncNow, resume, edit).
        sourceState.failures = 0;
        sourceState.again = false;
        SyncRecorder(m_archive).record(*source, result);
    }
    if (!result.ok && !result.cancelled) {
        emit sourceFailed(sourceId, result.failure);
    }
    if (paused) {
        setActivity(sourceId, Activity::State::Idle);
    } else if (retry && !sourceState.again) {
        const std::chrono::milliseconds delay = retryDelay(sourceState.failures);
        sourceState.retryTimer->start(delay);
        setActivity(sourceId, Activity::State::RetryScheduled, QDateTime::currentDateTimeUtc().addMSecs(delay.count()));
    } else {
        if (result.ok) {
            armCheck(sourceId);
            watchInbox(sourceId, password);
        }
        setActivity(sourceId, Activity::State::Idle);
    }
    emit sourceChanged(sourceId); // the status may have changed as well
}

void SyncManager::recordStoppedAtShutdown(const IngestionSource& source, const SourceSync::Result& result)
{
    // A pass that got to its end before the cancel counts as it is (an
    // import that completed is Active now); any other ended because of the
    // quit and keeps its source's status, so an import resumes at the next
    // start from its checkpoint.
    SyncRecorder(m_archive).record(source, result.ok ? result : asStopped(result));
}

void SyncManager::handleThreadFinished(qint64 sourceId)
{
    SourceState& sourceState = state(sourceId);
    sourceState.thread.reset(); // finished already: the join is immediate
    if (sourceState.afterStop) {
        // Run at quit as well: an edit's fresh import must still reset the
        // checkpoints (its pass is not scheduled), a removal still removes.
        const std::function<void()> next = std::exchange(sourceState.afterStop, {});
        sourceState.again = false;
        next(); // may erase sourceState
    } else if (sourceState.again) {
        sourceState.again = false;
        schedule(sourceId);
    }
    startQueued();
    reportIfStopped();
}

bool SyncManager::anyThreadRunning() const
{
    return m_watchers->running() > 0 || std::any_of(m_states.begin(), m_states.end(), [](const auto& entry) {
               return entry.second.thread != nullptr;
           });
}

void SyncManager::reportIfStopped()
{
    if (!m_shuttingDown || m_whenStopped.empty() || anyThreadRunning()) {
        return;
    }
    if (m_shutdownGrace) {
        m_shutdownGrace->stop();
    }
    // Through the event loop, so a caller never runs its quit inside its own
    // call to shutdown(), nor inside one of our signal handlers.
    QMetaObject::invokeMethod(this, &SyncManager::runWhenStopped, Qt::QueuedConnection);
}

void SyncManager::runWhenStopped()
{
    // Taken first: a callback may delete this manager. A second queued call
    // finds nothing left to run.
    for (const std::function<void()>& callback : std::exchange(m_whenStopped, {})) {
        callback();
    }
}

void SyncManager::warnStillStopping() const
{
    QStringList sources;
    for (const auto& [id, sourceState] : m_states) {
        if (sourceState.thread) {
            sources << QString::number(id);
        }
    }
    if (!sources.isEmpty()) {
        qWarning("Quit: the passes of sources %s are still finishing their last batch after %lld ms; waiting for them",
                 qUtf8Printable(sources.join(QStringLiteral(", "))),
                 static_cast<long long>(ShutdownGrace.count()));
    }
}

void SyncManager::armCheck(qint64 sourceId)
{
    const auto source = SourceRepository(m_archive.connection()).find(sourceId);
    if (!source) {
        return;
    }
    const std::chrono::milliseconds interval = m_checkOverride.count() > 0
        ? m_checkOverride
        : std::chrono::milliseconds(std::chrono::minutes(std::max(1, source->checkIntervalMinutes)));
    SourceState& sourceState = state(sourceId);
    sourceState.checkTimer->start(interval);
    sourceState.activity.nextCheckAt = QDateTime::currentDateTimeUtc().addMSecs(interval.count());
}

void SyncManager::watchInbox(qint64 sourceId, const QString& password)
{
    if (!m_watchInboxes || m_shuttingDown || m_offline || state(sourceId).held) {
        return;
    }
    auto source = SourceRepository(m_archive.connection()).find(sourceId);
    // Only once the initial import is done: until then every pass runs to
    // the end of the mail anyway.
    if (!source || source->status != IngestionSource::Status::Active) {
        return;
    }
    // The watcher reads no archive while connecting: it gets the
    // certificate a pass would accept (the server's exception or the pin).
    source->pinnedSha256 = QString::fromLatin1(CertificateExceptions(m_archive.connection()).trustedSha256For(*source));
    m_watchers->watch(*source, password);
}

std::chrono::milliseconds SyncManager::retryDelay(int failures) const
{
    // 1, 2, 4, … times the base, capped.
    const int exponent = std::clamp(failures - 1, 0, 16);
    const std::chrono::milliseconds delay = m_retryBase * (std::int64_t {1} << exponent);
    return std::min(delay, MaxRetryDelay);
}
