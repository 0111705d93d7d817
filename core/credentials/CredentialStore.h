#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

// The outcome of one credential request, passed by value across signals.
struct CredentialResult
{
    enum class Status {
        Ok,
        NotFound,
        KeychainUnavailable,
        AccessDenied,
        Failed,
    };

    Status status = Status::Failed;
    // Only set by a successful read.
    QString password;
    // Empty on success; otherwise a translated sentence saying what is wrong
    // and what the user can do, ready for a banner or the log view.
    QString message;
};

Q_DECLARE_METATYPE(CredentialResult)

// Asynchronous storage of source passwords, keyed by source id. Abstract so
// the application can pick the keychain or the session store and tests can
// inject a fake.
//
// Contract: every call returns a request id (unique per store, never 0) and
// later emits exactly one requestFinished() with that id. The signal is never
// emitted from inside the call, so callers can connect or record the id first,
// and no implementation blocks or spins a nested event loop.
// Removing a password that is not stored reports Ok: the goal state is reached.
class CredentialStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    enum class Operation {
        Read,
        Write,
        Remove,
    };
    Q_ENUM(Operation)

    explicit CredentialStore(QObject* parent = nullptr);
    ~CredentialStore() override;

    virtual quint64 readPassword(qint64 sourceId) = 0;
    virtual quint64 writePassword(qint64 sourceId, const QString& password) = 0;
    virtual quint64 removePassword(qint64 sourceId) = 0;

signals:
    void requestFinished(quint64 requestId,
                         qint64 sourceId,
                         CredentialStore::Operation operation,
                         const CredentialResult& result);

protected:
    quint64 nextRequestId();
    // Emits requestFinished from the event loop, never from inside the caller.
    void finishLater(quint64 requestId, qint64 sourceId, Operation operation, const CredentialResult& result);

    static CredentialResult okResult(const QString& password = {});
    // detail is the backend's own explanation, shown in parentheses.
    static CredentialResult failureResult(CredentialResult::Status status, const QString& detail);

private:
    quint64 m_lastRequestId = 0;
};
