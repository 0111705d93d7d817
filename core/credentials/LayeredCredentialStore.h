#pragma once

#include "credentials/CredentialStore.h"

#include <QHash>
#include <QSet>

// What the app uses: the keychain first, and passwords the user chose to
// keep for this session only when no keychain was reachable. Reads look in
// the session first (it only holds what the keychain could not take), writes
// and removals go to the keychain. Owns neither store.
class LayeredCredentialStore final : public CredentialStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayeredCredentialStore)

public:
    LayeredCredentialStore(CredentialStore* keychain, CredentialStore* session, QObject* parent = nullptr);
    ~LayeredCredentialStore() override;

    quint64 readPassword(qint64 sourceId) override;
    // A successful write also drops a session copy: the keychain has it now.
    quint64 writePassword(qint64 sourceId, const QString& password) override;
    // Removes from both.
    quint64 removePassword(qint64 sourceId) override;

    // The user's choice after the keychain failed: keep it until the app quits.
    quint64 keepForSession(qint64 sourceId, const QString& password);
    bool isKeptForSession(qint64 sourceId) const;

private:
    struct Forwarded
    {
        quint64 ourId = 0;
        CredentialStore* store = nullptr;
    };

    quint64 forward(CredentialStore* store, quint64 theirId);
    void handleFinished(
        CredentialStore* store, quint64 theirId, qint64 sourceId, Operation operation, const CredentialResult& result);

    CredentialStore* m_keychain;
    CredentialStore* m_session;
    QHash<quint64, Forwarded> m_keychainRequests; // their id -> ours
    QHash<quint64, Forwarded> m_sessionRequests;
    QSet<qint64> m_inSession; // source ids with a session password
};
