#pragma once

#include "credentials/CredentialStore.h"

#include <QHash>

#include <chrono>

class QTimer;

namespace QKeychain {
class Job;
}

// Stores source passwords in the platform keychain (the Secret Service on
// Linux) under AppInfo::keychainService() and the key "source-<id>".
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

    explicit KeychainCredentialStore(QObject* parent = nullptr);
    explicit KeychainCredentialStore(std::chrono::milliseconds watchdog, QObject* parent = nullptr);
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
    void handleJobFinished(QKeychain::Job* job);
    void handleWatchdog(QKeychain::Job* job);
    void abandon(QKeychain::Job* job);

    std::chrono::milliseconds m_watchdog;
    QHash<QKeychain::Job*, PendingJob> m_pending;
    // Jobs given up by the watchdog that have not finished yet.
    int m_unansweredJobs = 0;
};
