#include "credentials/SessionCredentialStore.h"

SessionCredentialStore::SessionCredentialStore(QObject* parent)
    : CredentialStore(parent)
{
}

SessionCredentialStore::~SessionCredentialStore() = default;

quint64 SessionCredentialStore::readPassword(qint64 sourceId)
{
    const quint64 id = nextRequestId();
    const auto it = m_passwords.constFind(sourceId);
    // The result is copied now, so a write queued after this read cannot change
    // what the read reports.
    finishLater(id,
                sourceId,
                Operation::Read,
                it != m_passwords.cend() ? okResult(*it)
                                         : failureResult(CredentialResult::Status::NotFound, QString()));
    return id;
}

quint64 SessionCredentialStore::writePassword(qint64 sourceId, const QString& password)
{
    const quint64 id = nextRequestId();
    m_passwords.insert(sourceId, password);
    finishLater(id, sourceId, Operation::Write, okResult());
    return id;
}

quint64 SessionCredentialStore::removePassword(qint64 sourceId)
{
    const quint64 id = nextRequestId();
    m_passwords.remove(sourceId);
    finishLater(id, sourceId, Operation::Remove, okResult());
    return id;
}
