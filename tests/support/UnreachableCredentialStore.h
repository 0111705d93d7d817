#pragma once

#include "credentials/CredentialStore.h"

// A keychain that is not there, as on a desktop without a Secret Service:
// every request fails with KeychainUnavailable, through the event loop.
class UnreachableCredentialStore final : public CredentialStore
{
public:
    quint64 readPassword(qint64 sourceId) override { return fail(sourceId, Operation::Read); }
    quint64 writePassword(qint64 sourceId, const QString&) override { return fail(sourceId, Operation::Write); }
    quint64 removePassword(qint64 sourceId) override { return fail(sourceId, Operation::Remove); }

private:
    quint64 fail(qint64 sourceId, Operation operation)
    {
        const quint64 id = nextRequestId();
        finishLater(id,
                    sourceId,
                    operation,
                    failureResult(CredentialResult::Status::KeychainUnavailable, QStringLiteral("no Secret Service")));
        return id;
    }
};
