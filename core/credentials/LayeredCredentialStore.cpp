#include "LayeredCredentialStore.h"

LayeredCredentialStore::LayeredCredentialStore(CredentialStore* keychain, CredentialStore* session, QObject* parent)
    : CredentialStore(parent)
    , m_keychain(keychain)
    , m_session(session)
{
    connect(m_keychain,
            &CredentialStore::requestFinished,
            this,
            [this](quint64 id, qint64 sourceId, Operation operation, const CredentialResult& result) {
                handleFinished(m_keychain, id, sourceId, operation, result);
            });
    connect(m_session,
            &CredentialStore::requestFinished,
            this,
            [this](quint64 id, qint64 sourceId, Operation operation, const CredentialResult& result) {
                handleFinished(m_session, id, sourceId, operation, result);
            });
}

LayeredCredentialStore::~LayeredCredentialStore() = default;

quint64 LayeredCredentialStore::forward(CredentialStore* store, quint64 theirId)
{
    const quint64 ourId = nextRequestId();
    (store == m_keychain ? m_keychainRequests : m_sessionRequests).insert(theirId, Forwarded {ourId, store});
    return ourId;
}

quint64 LayeredCredentialStore::readPassword(qint64 sourceId)
{
    if (m_inSession.contains(sourceId)) {
        return forward(m_session, m_session->readPassword(sourceId));
    }
    return forward(m_keychain, m_keychain->readPassword(sourceId));
}

quint64 LayeredCredentialStore::writePassword(qint64 sourceId, const QString& password)
{
    return forward(m_keychain, m_keychain->writePassword(sourceId, password));
}

quint64 LayeredCredentialStore::removePassword(qint64 sourceId)
{
    if (m_inSession.remove(sourceId)) {
        // Answered by the keychain's request below; this one only cleans up.
        m_session->removePassword(sourceId);
    }
    return forward(m_keychain, m_keychain->removePassword(sourceId));
}

quint64 LayeredCredentialStore::keepForSession(qint64 sourceId, const QString& password)
{
    m_inSession.insert(sourceId);
    return forward(m_session, m_session->writePassword(sourceId, password));
}

bool LayeredCredentialStore::isKeptForSession(qint64 sourceId) const
{
    return m_inSession.contains(sourceId);
}

void LayeredCredentialStore::handleFinished(
    CredentialStore* store, quint64 theirId, qint64 sourceId, Operation operation, const CredentialResult& result)
{
    auto& requests = store == m_keychain ? m_keychainRequests : m_sessionRequests;
    const auto found = requests.find(theirId);
    if (found == requests.end()) {
        return; // a clean-up request of our own, or not ours
    }
    const quint64 ourId = found->ourId;
    requests.erase(found);
    if (store == m_keychain && operation == Operation::Write && result.status == CredentialResult::Status::Ok
        && m_inSession.remove(sourceId)) {
        m_session->removePassword(sourceId);
    }
    // Already delivered through the event loop by the inner store.
    emit requestFinished(ourId, sourceId, operation, result);
}
