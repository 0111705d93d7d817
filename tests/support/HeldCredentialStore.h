#pragma once

#include "credentials/CredentialStore.h"

#include <QList>
#include <QString>

#include <utility>

// A keychain that is slow to answer, as one waiting for the user to unlock
// it: password reads stay open until the test calls answerReads(); writes
// and removals succeed through the event loop as usual.
class HeldCredentialStore final : public CredentialStore
{
public:
    explicit HeldCredentialStore(QString password)
        : m_password(std::move(password))
    {
    }

    quint64 readPassword(qint64 sourceId) override
    {
        const quint64 id = nextRequestId();
        m_heldReads.append({id, sourceId});
        return id;
    }
    quint64 writePassword(qint64 sourceId, const QString&) override { return succeed(sourceId, Operation::Write); }
    quint64 removePassword(qint64 sourceId) override { return succeed(sourceId, Operation::Remove); }

    qsizetype heldReads() const { return m_heldReads.size(); }
    // Every held read succeeds now, through the event loop.
    void answerReads()
    {
        for (const HeldRead& read : std::exchange(m_heldReads, {})) {
            finishLater(read.requestId, read.sourceId, Operation::Read, okResult(m_password));
        }
    }

private:
    struct HeldRead
    {
        quint64 requestId;
        qint64 sourceId;
    };

    quint64 succeed(qint64 sourceId, Operation operation)
    {
        const quint64 id = nextRequestId();
        finishLater(id, sourceId, operation, okResult());
        return id;
    }

    QString m_password;
    QList<HeldRead> m_heldReads;
};
