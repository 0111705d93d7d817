#include "credentials/LayeredCredentialStore.h"
#include "UnreachableCredentialStore.h"
#include "credentials/SessionCredentialStore.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <functional>

namespace {

CredentialResult run(CredentialStore& store, const std::function<quint64()>& request)
{
    QSignalSpy spy(&store, &CredentialStore::requestFinished);
    const quint64 requestId = request();
    EXPECT_EQ(spy.count(), 0) << "the result must arrive through the event loop";
    if (spy.count() == 0 && !spy.wait(1000)) {
        ADD_FAILURE() << "no result within 1 s";
        return {};
    }
    const QList<QVariant> arguments = spy.takeFirst();
    EXPECT_EQ(arguments.at(0).value<quint64>(), requestId);
    return arguments.at(3).value<CredentialResult>();
}

TEST(LayeredCredentialStore, WithoutAKeychainAPasswordCanBeKeptForTheSession)
{
    UnreachableCredentialStore keychain;
    SessionCredentialStore session;
    LayeredCredentialStore store(&keychain, &session);

    EXPECT_EQ(run(store, [&] { return store.writePassword(7, QStringLiteral("pw")); }).status,
              CredentialResult::Status::KeychainUnavailable);
    EXPECT_EQ(run(store, [&] { return store.keepForSession(7, QStringLiteral("pw")); }).status,
              CredentialResult::Status::Ok);
    EXPECT_TRUE(store.isKeptForSession(7));
    const CredentialResult read = run(store, [&] { return store.readPassword(7); });
    EXPECT_EQ(read.status, CredentialResult::Status::Ok);
    EXPECT_EQ(read.password, QStringLiteral("pw"));
    // Other sources still ask the keychain, and hear it is not there.
    EXPECT_EQ(run(store, [&] { return store.readPassword(8); }).status, CredentialResult::Status::KeychainUnavailable);

    run(store, [&] { return store.removePassword(7); });
    EXPECT_FALSE(store.isKeptForSession(7));
    EXPECT_EQ(run(store, [&] { return store.readPassword(7); }).status, CredentialResult::Status::KeychainUnavailable);
}

TEST(LayeredCredentialStore, OnceTheKeychainTakesThePasswordTheSessionCopyGoes)
{
    SessionCredentialStore keychain; // stands in for a keychain that works
    SessionCredentialStore session;
    LayeredCredentialStore store(&keychain, &session);
    run(store, [&] { return store.keepForSession(3, QStringLiteral("old")); });
    EXPECT_EQ(run(store, [&] { return store.writePassword(3, QStringLiteral("new")); }).status,
              CredentialResult::Status::Ok);
    EXPECT_FALSE(store.isKeptForSession(3));
    EXPECT_EQ(run(store, [&] { return store.readPassword(3); }).password, QStringLiteral("new"));
    EXPECT_EQ(run(session, [&] { return session.readPassword(3); }).status, CredentialResult::Status::NotFound);
}

} // namespace
