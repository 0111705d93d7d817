#include "credentials/SessionCredentialStore.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <functional>

namespace {

class SessionCredentialStoreTest : public ::testing::Test
{
protected:
    // Starts a request and waits for its result, checking that it did not
    // arrive inside the call.
    CredentialResult run(const std::function<quint64()>& request, CredentialStore::Operation expectedOperation)
    {
        QSignalSpy spy(&m_store, &CredentialStore::requestFinished);
        const quint64 requestId = request();
        EXPECT_EQ(spy.count(), 0) << "the result must arrive through the event loop";
        if (spy.count() == 0 && !spy.wait(1000)) {
            ADD_FAILURE() << "no result within 1 s";
            return {};
        }
        EXPECT_EQ(spy.count(), 1);
        const QList<QVariant> arguments = spy.takeFirst();
        EXPECT_EQ(arguments.at(0).value<quint64>(), requestId);
        EXPECT_EQ(arguments.at(2).value<CredentialStore::Operation>(), expectedOperation);
        return arguments.at(3).value<CredentialResult>();
    }

    CredentialResult read(qint64 sourceId)
    {
        return run([&] { return m_store.readPassword(sourceId); }, CredentialStore::Operation::Read);
    }
    CredentialResult write(qint64 sourceId, const QString& password)
    {
        return run([&] { return m_store.writePassword(sourceId, password); }, CredentialStore::Operation::Write);
    }
    CredentialResult remove(qint64 sourceId)
    {
        return run([&] { return m_store.removePassword(sourceId); }, CredentialStore::Operation::Remove);
    }

    SessionCredentialStore m_store;
};

TEST_F(SessionCredentialStoreTest, ReadsBackWhatWasWritten)
{
    EXPECT_EQ(write(1, QStringLiteral("geheim-ä€")).status, CredentialResult::Status::Ok);
    const CredentialResult result = read(1);
    EXPECT_EQ(result.status, CredentialResult::Status::Ok);
    EXPECT_EQ(result.password, QStringLiteral("geheim-ä€"));
    EXPECT_TRUE(result.message.isEmpty());
}

TEST_F(SessionCredentialStoreTest, OverwriteReplacesThePassword)
{
    write(1, QStringLiteral("old"));
    write(1, QStringLiteral("new"));
    EXPECT_EQ(read(1).password, QStringLiteral("new"));
}

TEST_F(SessionCredentialStoreTest, UnknownSourceIsNotFoundWithAMessage)
{
    const CredentialResult result = read(42);
    EXPECT_EQ(result.status, CredentialResult::Status::NotFound);
    EXPECT_TRUE(result.password.isEmpty());
    EXPECT_FALSE(result.message.isEmpty());
}

TEST_F(SessionCredentialStoreTest, RemoveForgetsOnlyThatSource)
{
    write(1, QStringLiteral("one"));
    write(2, QStringLiteral("two"));
    EXPECT_EQ(remove(1).status, CredentialResult::Status::Ok);
    EXPECT_EQ(read(1).status, CredentialResult::Status::NotFound);
    EXPECT_EQ(read(2).password, QStringLiteral("two"));
}

TEST_F(SessionCredentialStoreTest, RemovingAnAbsentPasswordIsOk)
{
    EXPECT_EQ(remove(7).status, CredentialResult::Status::Ok);
}

TEST_F(SessionCredentialStoreTest, RequestIdsAreDistinctAndResultsKeepTheirOrder)
{
    QSignalSpy spy(&m_store, &CredentialStore::requestFinished);
    const quint64 first = m_store.writePassword(3, QStringLiteral("x"));
    const quint64 second = m_store.readPassword(3);
    EXPECT_NE(first, second);
    EXPECT_NE(first, 0u);
    EXPECT_EQ(spy.count(), 0);
    ASSERT_TRUE(spy.wait(1000));
    if (spy.count() < 2) {
        ASSERT_TRUE(spy.wait(1000));
    }
    ASSERT_EQ(spy.count(), 2);
    EXPECT_EQ(spy.at(0).at(0).value<quint64>(), first);
    EXPECT_EQ(spy.at(1).at(0).value<quint64>(), second);
    EXPECT_EQ(spy.at(1).at(1).value<qint64>(), 3);
    EXPECT_EQ(spy.at(1).at(3).value<CredentialResult>().password, QStringLiteral("x"));
}

} // namespace
