#pragma once

#include "credentials/CredentialStore.h"

#include <QHash>

#include <chrono>

class QTimer;

namespace QKeychain {
class Job;
}

// Stores source passwords in the platform keychain (the Secret Service on
// Linux) under AppInfo::keychainService() and the key
// "<archive identity>/source-<id>": source ids are only unique within one
// archive, and two archives (a second one opened with --archive, parallel
// test runs) must never read or overwrite each other's passwords.
//
// A watchdog turns a request the keychain never answers (for example a
// password prompt nobody sees) into KeychainUnavailable. qtkeychain runs all
// jobs of a process one after another, so while such a job is still pending
// every later request would wait behind it; they fail at once instead.
class KeychainCredentialStore final : public CredentialStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainCredentialStore)

public:
    static constexpr std::chrono::milliseconds DefaultWatchdog {20000};

    // `archiveIdentity` is Archive::identity() of the archive the sources live in.
    explicit KeychainCredentialStore(const QString& archiveIdentity, QObject* parent = nullptr);
    KeychainCredentialStore(const QString& archiveIdentity,
                            std::chrono::milliseconds watchdog,
                            QObject* parent = nullptr);
    ~KeychainCredentialStore() override;

    quint64 readPassword(qint64 sourceId) override;
    quint64 writePassword(qint64 sourceId, const QString& password) override;
    quint64 removePassword(qint64 sourceId) override;

private:
    struct PendingJob
    {
        quint64 requestId = 0;
        qint64 sourceId = 0;
        Operation operation = Operation::Read;
        QTimer* watchdog = nullptr;
    };

    quint64 start(QKeychain::Job* job, qint64 sourceId, Operation operation);
    QString keyFor(qint64 sourceId) const;
    void handleJobFinished(QKeychain::Job* job);
    void handleWatchdog(QKeychain::Job* job);
    void abandon(QKeychain::Job* job);

    QString m_archiveIdentity;
    std::chrono::milliseconds m_watchdog;
    QHash<QKeychain::Job*, PendingJob> m_pending;
    // Jobs given up by the watchdog that have not finished yet.
    int m_unansweredJobs = 0;
};
