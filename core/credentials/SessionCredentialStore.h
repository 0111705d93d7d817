#pragma once

#include "credentials/CredentialStore.h"

#include <QHash>

// Keeps passwords in memory for this run only: the documented fallback when
// no keychain is reachable. Results still arrive through the event loop so
// callers behave the same with either store.
class SessionCredentialStore final : public CredentialStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionCredentialStore)

public:
    explicit SessionCredentialStore(QObject* parent = nullptr);
    ~SessionCredentialStore() override;

    quint64 readPassword(qint64 sourceId) override;
    quint64 writePassword(qint64 sourceId, const QString& password) override;
    quint64 removePassword(qint64 sourceId) override;

private:
    QHash<qint64, QString> m_passwords;
};
