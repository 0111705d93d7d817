#include "credentials/KeychainCredentialStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

#include <chrono>
#include <functional>

namespace {

using namespace std::chrono_literals;

// Set in the child process that checks an unreachable keychain.
const char* const ChildWatchdogVariable = "OPENARCHIVER_CREDENTIAL_CHILD_WATCHDOG_MS";

// Starts a request on store and waits (test code may spin a loop; the app
// never does) past the store's watchdog for its result.
CredentialResult
run(CredentialStore& store, const std::function<quint64()>& request, std::chrono::milliseconds wait = 25s)
{
    QSignalSpy spy(&store, &CredentialStore::requestFinished);
    const quint64 requestId = request();
    EXPECT_EQ(spy.count(), 0) << "the result must arrive through the event loop";
    while (spy.isEmpty()) {
        if (!spy.wait(static_cast<int>(wait.count()))) {
            ADD_FAILURE() << "the store gave no result: it hangs";
            return {};
        }
    }
    const QList<QVariant> arguments = spy.takeFirst();
    EXPECT_EQ(arguments.at(0).value<quint64>(), requestId);
    return arguments.at(3).value<CredentialResult>();
}

// The status name and message, never the password.
std::string describe(const CredentialResult& result)
{
    return QStringLiteral("status %1: %2").arg(static_cast<int>(result.status)).arg(result.message).toStdString();
}

class CredentialStoreTest : public ::testing::Test
{
protected:
    CredentialResult read(qint64 sourceId)
    {
        return run(m_store, [&] { return m_store.readPassword(sourceId); });
    }
    CredentialResult write(qint64 sourceId, const QString& password)
    {
        return run(m_store, [&] { return m_store.writePassword(sourceId, password); });
    }
    CredentialResult remove(qint64 sourceId)
    {
        return run(m_store, [&] { return m_store.removePassword(sourceId); });
    }

    // A fresh identity per test: tests run in parallel against one keyring.
    KeychainCredentialStore m_store {QUuid::createUuid().toString(QUuid::Id128)};
};

TEST_F(CredentialStoreTest, ReadsBackANonAsciiPassword)
{
    const QString secret = QStringLiteral("Pässwörd ✓ 密码 🔑");
    const CredentialResult written = write(101, secret);
    ASSERT_EQ(written.status, CredentialResult::Status::Ok)
        << "No usable keyring (run under scripts/with-test-session): " << describe(written);
    const CredentialResult result = read(101);
    ASSERT_EQ(result.status, CredentialResult::Status::Ok) << describe(result);
    EXPECT_TRUE(result.password == secret) << "the password read back differs";
    EXPECT_TRUE(result.message.isEmpty());
}

TEST_F(CredentialStoreTest, OverwriteReplacesThePassword)
{
    ASSERT_EQ(write(102, QStringLiteral("first")).status, CredentialResult::Status::Ok);
    ASSERT_EQ(write(102, QStringLiteral("second")).status, CredentialResult::Status::Ok);
    const CredentialResult result = read(102);
    ASSERT_EQ(result.status, CredentialResult::Status::Ok) << describe(result);
    EXPECT_TRUE(result.password == QStringLiteral("second"));
}

TEST_F(CredentialStoreTest, RemovedPasswordIsNotFound)
{
    ASSERT_EQ(write(103, QStringLiteral("gone soon")).status, CredentialResult::Status::Ok);
    const CredentialResult removed = remove(103);
    EXPECT_EQ(removed.status, CredentialResult::Status::Ok) << describe(removed);
    const CredentialResult result = read(103);
    EXPECT_EQ(result.status, CredentialResult::Status::NotFound) << describe(result);
    EXPECT_TRUE(result.password.isEmpty());
    EXPECT_FALSE(result.message.isEmpty());
    // Removing again is not an error (header contract).
    EXPECT_EQ(remove(103).status, CredentialResult::Status::Ok);
}

TEST_F(CredentialStoreTest, SourcesDoNotSeeEachOthersPasswords)
{
    ASSERT_EQ(write(104, QStringLiteral("for 104")).status, CredentialResult::Status::Ok);
    EXPECT_EQ(read(105).status, CredentialResult::Status::NotFound);
    ASSERT_EQ(write(105, QStringLiteral("for 105")).status, CredentialResult::Status::Ok);
    EXPECT_TRUE(read(104).password == QStringLiteral("for 104"));
    EXPECT_TRUE(read(105).password == QStringLiteral("for 105"));
    ASSERT_EQ(remove(104).status, CredentialResult::Status::Ok);
    EXPECT_EQ(read(104).status, CredentialResult::Status::NotFound);
    EXPECT_TRUE(read(105).password == QStringLiteral("for 105"));
}

// Source ids restart at 1 in every archive; the same id in two archives must
// be two keychain entries. (CI once saw one test's wrong password overwrite
// another's right one, both source 1, running in parallel.)
TEST_F(CredentialStoreTest, ArchivesDoNotSeeEachOthersPasswords)
{
    KeychainCredentialStore other {QUuid::createUuid().toString(QUuid::Id128)};
    ASSERT_EQ(write(1, QStringLiteral("mine")).status, CredentialResult::Status::Ok);
    ASSERT_EQ(run(other, [&] { return other.writePassword(1, QStringLiteral("theirs")); }).status,
              CredentialResult::Status::Ok);
    EXPECT_TRUE(read(1).password == QStringLiteral("mine"));
    EXPECT_TRUE(run(other, [&] { return other.readPassword(1); }).password == QStringLiteral("theirs"));
    EXPECT_EQ(remove(1).status, CredentialResult::Status::Ok);
    EXPECT_EQ(run(other, [&] { return other.removePassword(1); }).status, CredentialResult::Status::Ok);
}

// Runs CredentialStoreChildProcess in a fresh process with the given session
// bus address and no display. A fresh process because GDBus and qtkeychain
// pick the bus and the backend once per process.
void expectChildSeesNoKeychain(const QString& busAddress, int watchdogMs)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
    environment.insert(QString::fromLatin1(ChildWatchdogVariable), QString::number(watchdogMs));

    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer clock;
    clock.start();
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--gtest_filter=CredentialStoreChildProcess.*")});
    ASSERT_TRUE(child.waitForStarted(10000)) << child.errorString().toStdString();
    const bool finished = child.waitForFinished(watchdogMs * 3 + 20000);
    const QString output = QString::fromLocal8Bit(child.readAll());
    if (!finished) {
        child.kill();
        child.waitForFinished(5000);
    }
    ASSERT_TRUE(finished) << "the child hung; its output:\n" << output.toStdString();
    EXPECT_EQ(child.exitStatus(), QProcess::NormalExit) << output.toStdString();
    EXPECT_EQ(child.exitCode(), 0) << output.toStdString();
    EXPECT_TRUE(output.contains(QLatin1String("[  PASSED  ] 1 test"))) << output.toStdString();
    std::cout << "child finished in " << clock.elapsed() << " ms; its report:\n"
              << output.section(QLatin1String("[ RUN      ]"), 1).toStdString();
}

TEST(CredentialStoreUnavailableTest, ReportsNoKeychainWithoutASessionBus)
{
    expectChildSeesNoKeychain(QStringLiteral("unix:path=/nonexistent"), 5000);
}

TEST(CredentialStoreUnavailableTest, WatchdogEndsARequestTheBusNeverAnswers)
{
    // A socket that accepts connections (the kernel does, while this process
    // waits) and never answers: the D-Bus handshake waits forever.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QLocalServer silentBus;
    ASSERT_TRUE(silentBus.listen(dir.filePath(QStringLiteral("bus")))) << silentBus.errorString().toStdString();
    expectChildSeesNoKeychain(QStringLiteral("unix:path=") + silentBus.fullServerName(), 2000);
}

// Only does something inside the child process started above.
TEST(CredentialStoreChildProcess, ReportsKeychainUnavailableWithinTheWatchdog)
{
    const int watchdogMs = qEnvironmentVariableIntValue(ChildWatchdogVariable);
    if (watchdogMs <= 0)
        GTEST_SKIP() << "runs only as the child of CredentialStoreUnavailableTest";

    KeychainCredentialStore store {QStringLiteral("no-keychain-child"), std::chrono::milliseconds(watchdogMs)};
    // Margin for process start-up and a slow CI machine, far below a hang.
    const auto limit = std::chrono::milliseconds(watchdogMs + 3000);

    QElapsedTimer clock;
    clock.start();
    const CredentialResult readResult = run(
        store, [&] { return store.readPassword(1); }, limit);
    std::cout << "read after " << clock.elapsed() << " ms: " << describe(readResult) << '\n';
    EXPECT_EQ(readResult.status, CredentialResult::Status::KeychainUnavailable);
    EXPECT_FALSE(readResult.message.isEmpty());

    clock.restart();
    const CredentialResult writeResult = run(
        store, [&] { return store.writePassword(1, QStringLiteral("never stored")); }, limit);
    std::cout << "write after " << clock.elapsed() << " ms: " << describe(writeResult) << '\n';
    EXPECT_EQ(writeResult.status, CredentialResult::Status::KeychainUnavailable);
    EXPECT_FALSE(writeResult.message.isEmpty());
}

} // namespace
