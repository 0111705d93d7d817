#include "credentials/KeychainCredentialStore.h"

#include "common/AppInfo.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

namespace {

// qtkeychain reports an unreachable Secret Service only as OtherError; its
// text (from GDBus or libsecret) is the one hint that no keychain is there.
bool looksUnreachable(const QString& errorText)
{
    static const QLatin1String markers[] = {
        QLatin1String("autolaunch"),
        QLatin1String("does not exist"),
        QLatin1String("org.freedesktop.DBus.Error"),
        QLatin1String("not provided by any"),
        QLatin1String("Could not connect"),
        QLatin1String("No such file or directory"),
        // Without libsecret-1.so.0 every call fails with just this text.
        QLatin1String("Unknown error"),
    };
    for (const QLatin1String& marker : markers) {
        if (errorText.contains(marker, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

CredentialResult::Status
statusFor(QKeychain::Error error, const QString& errorText, CredentialStore::Operation operation)
{
    switch (error) {
    case QKeychain::NoError:
        return CredentialResult::Status::Ok;
    case QKeychain::EntryNotFound:
        // Removing what is not there has reached its goal (header contract).
        return operation == CredentialStore::Operation::Remove ? CredentialResult::Status::Ok
                                                               : CredentialResult::Status::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return CredentialResult::Status::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return CredentialResult::Status::KeychainUnavailable;
    case QKeychain::OtherError:
        return looksUnreachable(errorText) ? CredentialResult::Status::KeychainUnavailable
                                           : CredentialResult::Status::Failed;
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    return CredentialResult::Status::Failed;
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(const QString& archiveIdentity, QObject* parent)
    : KeychainCredentialStore(archiveIdentity, DefaultWatchdog, parent)
{
}

KeychainCredentialStore::KeychainCredentialStore(const QString& archiveIdentity,
                                                 std::chrono::milliseconds watchdog,
                                                 QObject* parent)
    : CredentialStore(parent)
    , m_archiveIdentity(archiveIdentity)
    , m_watchdog(watchdog)
{
    Q_ASSERT(!m_archiveIdentity.isEmpty());
}

QString KeychainCredentialStore::keyFor(qint64 sourceId) const
{
    return QStringLiteral("%1/source-%2").arg(m_archiveIdentity).arg(sourceId);
}

KeychainCredentialStore::~KeychainCredentialStore()
{
    // libsecret's callbacks keep a raw pointer into a running job, so deleting
    // one before it finishes would crash later; let each delete itself instead.
    const auto jobs = m_pending.keys();
    for (QKeychain::Job* job : jobs)
        abandon(job);
}

quint64 KeychainCredentialStore::readPassword(qint64 sourceId)
{
    return start(new QKeychain::ReadPasswordJob(AppInfo::keychainService()), sourceId, Operation::Read);
}

quint64 KeychainCredentialStore::writePassword(qint64 sourceId, const QString& password)
{
    auto* job = new QKeychain::WritePasswordJob(AppInfo::keychainService());
    job->setTextData(password);
    return start(job, sourceId, Operation::Write);
}

quint64 KeychainCredentialStore::removePassword(qint64 sourceId)
{
    return start(new QKeychain::DeletePasswordJob(AppInfo::keychainService()), sourceId, Operation::Remove);
}

quint64 KeychainCredentialStore::start(QKeychain::Job* job, qint64 sourceId, Operation operation)
{
    const quint64 requestId = nextRequestId();
    if (m_unansweredJobs > 0) {
        // qtkeychain's single job queue is stuck behind the unanswered job.
        delete job;
        finishLater(requestId,
                    sourceId,
                    operation,
                    failureResult(CredentialResult::Status::KeychainUnavailable,
                                  tr("an earlier request to the keychain is still unanswered")));
        return requestId;
    }

    // Jobs stay parentless so that an abandoned one can outlive this store.
    job->setAutoDelete(false);
    job->setKey(keyFor(sourceId));

    auto* watchdog = new QTimer(this);
    watchdog->setSingleShot(true);
    watchdog->setInterval(m_watchdog);
    connect(watchdog, &QTimer::timeout, this, [this, job] { handleWatchdog(job); });
    connect(job, &QKeychain::Job::finished, this, &KeychainCredentialStore::handleJobFinished);

    m_pending.insert(job, PendingJob {requestId, sourceId, operation, watchdog});
    watchdog->start();
    job->start();
    return requestId;
}

void KeychainCredentialStore::handleJobFinished(QKeychain::Job* job)
{
    const auto it = m_pending.find(job);
    if (it == m_pending.end())
        return;
    const PendingJob pending = *it;
    m_pending.erase(it);
    pending.watchdog->deleteLater();

    const CredentialResult::Status status = statusFor(job->error(), job->errorString(), pending.operation);
    CredentialResult result;
    if (status == CredentialResult::Status::Ok) {
        const auto* readJob = qobject_cast<const QKeychain::ReadPasswordJob*>(job);
        result = okResult(readJob != nullptr ? readJob->textData() : QString());
    } else {
        result = failureResult(status, job->errorString());
    }
    // The job is still emitting finished() to qtkeychain's executor.
    job->deleteLater();
    emit requestFinished(pending.requestId, pending.sourceId, pending.operation, result);
}

void KeychainCredentialStore::handleWatchdog(QKeychain::Job* job)
{
    const auto it = m_pending.find(job);
    if (it == m_pending.end())
        return;
    const PendingJob pending = *it;
    abandon(job);
    ++m_unansweredJobs;
    connect(job, &QObject::destroyed, this, [this] { --m_unansweredJobs; });

    const auto seconds = static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(m_watchdog).count());
    emit requestFinished(pending.requestId,
                         pending.sourceId,
                         pending.operation,
                         failureResult(CredentialResult::Status::KeychainUnavailable,
                                       tr("the keychain did not answer within %n second(s)", nullptr, seconds)));
}

void KeychainCredentialStore::abandon(QKeychain::Job* job)
{
    const auto it = m_pending.find(job);
    if (it == m_pending.end())
        return;
    it->watchdog->deleteLater();
    m_pending.erase(it);
    disconnect(job, nullptr, this, nullptr);
    // Deletes the job once it finishes; that also frees qtkeychain's queue.
    job->setAutoDelete(true);
}
