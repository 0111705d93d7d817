#include "SingleInstance.h"
#include "WaitUntil.h"

#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace {

// single-instance-probe's exit codes (tests/tools/single_instance_probe.cpp).
constexpr int ProbeClaimed = 0;
constexpr int ProbeActivated = 3;

class SingleInstanceTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_directory.isValid()); }

    QString archive(const char* name) const { return m_directory.filePath(QString::fromUtf8(name)); }

    // Runs the probe to its end while this process's event loop runs, so a
    // SingleInstance here can answer it. Its exit code, or -1 if it crashed.
    static int runProbe(const QStringList& arguments)
    {
        QProcess probe;
        probe.setProcessChannelMode(QProcess::ForwardedChannels);
        probe.start(QStringLiteral(SINGLE_INSTANCE_PROBE), arguments);
        if (!probe.waitForStarted() || !waitUntil([&] { return probe.state() == QProcess::NotRunning; })) {
            return -1;
        }
        return probe.exitStatus() == QProcess::NormalExit ? probe.exitCode() : -1;
    }

    // Starts a probe that holds on until it is killed, once it says `state`.
    static std::unique_ptr<QProcess>
    startHoldingProbe(const QString& mode, const QString& archivePath, const char* state)
    {
        auto probe = std::make_unique<QProcess>();
        probe->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        probe->start(QStringLiteral(SINGLE_INSTANCE_PROBE), {mode, archivePath});
        const bool said = waitUntil([&] { return probe->canReadLine() || probe->state() == QProcess::NotRunning; });
        EXPECT_TRUE(said && probe->readLine().trimmed() == state) << "the probe did not say " << state;
        return probe;
    }

    static void kill(QProcess& probe)
    {
        probe.kill(); // SIGKILL: no destructor runs, the lock file and socket stay
        EXPECT_TRUE(probe.waitForFinished());
    }

    QTemporaryDir m_directory;
};

// Sends `request` as a second launch would, and waits for the running one
// to answer a line or hang up. What it answered.
QByteArray sendRaw(const QString& serverName, const QByteArray& request)
{
    QLocalSocket socket;
    socket.connectToServer(serverName);
    if (!waitUntil([&] { return socket.state() == QLocalSocket::ConnectedState; }, 5000)) {
        ADD_FAILURE() << "cannot connect to " << serverName.toStdString();
        return {};
    }
    socket.write(request);
    QByteArray answer;
    const bool ended = waitUntil(
        [&] {
            answer += socket.readAll();
            return answer.endsWith('\n') || socket.state() == QLocalSocket::UnconnectedState;
        },
        15000);
    EXPECT_TRUE(ended) << "still connected after " << request.left(40).toStdString();
    return answer + socket.readAll();
}

} // namespace

// One running instance per archive: the first claim wins, a second for the
// same archive by another spelling loses, another archive runs beside it,
// and the lock goes with the instance.
TEST_F(SingleInstanceTest, TheFirstClaimPerArchiveWins)
{
    {
        SingleInstance first(archive("a.sqlite"));
        ASSERT_TRUE(first.claim());
        EXPECT_TRUE(QFileInfo::exists(first.lockFilePath()));
        EXPECT_TRUE(QRegularExpression(QStringLiteral("^openarchiver-[0-9a-f]{16}\\.lock$"))
                        .match(QFileInfo(first.lockFilePath()).fileName())
                        .hasMatch())
            << first.lockFilePath().toStdString();

        SingleInstance second(m_directory.path() + QStringLiteral("/./a.sqlite"));
        EXPECT_EQ(second.lockFilePath(), first.lockFilePath());
        EXPECT_EQ(second.serverName(), first.serverName());
        EXPECT_FALSE(second.claim()) << "the lock is held by a live process, this one";

        SingleInstance other(archive("b.sqlite"));
        EXPECT_NE(other.lockFilePath(), first.lockFilePath());
        EXPECT_NE(other.serverName(), first.serverName());
        EXPECT_TRUE(other.claim());
    }
    SingleInstance next(archive("a.sqlite"));
    EXPECT_FALSE(QFileInfo::exists(next.lockFilePath())) << "unlocked when the first one went";
    EXPECT_TRUE(next.claim());
}

// A second launch hands its arguments over, newlines and all, and is told
// "ok"; a launch for another archive claims its own.
TEST_F(SingleInstanceTest, ASecondLaunchBringsTheRunningOneForward)
{
    SingleInstance running(archive("a.sqlite"));
    ASSERT_TRUE(running.claim());
    QSignalSpy activated(&running, &SingleInstance::activationRequested);

    const QStringList arguments {
        QStringLiteral("--minimized"), QStringLiteral("two\nlines"), QStringLiteral("Grüße"), QString()};
    EXPECT_EQ(runProbe(QStringList {QStringLiteral("--launch"), archive("a.sqlite")} + arguments), ProbeActivated);
    ASSERT_EQ(activated.count(), 1);
    EXPECT_EQ(activated.at(0).at(0).toStringList(), arguments);

    EXPECT_EQ(runProbe({QStringLiteral("--launch"), archive("b.sqlite")}), ProbeClaimed);
    EXPECT_EQ(activated.count(), 1) << "another archive is not this one's business";
}

// A killed run leaves its lock file and socket behind; the next launch takes
// both over and answers the launch after it.
TEST_F(SingleInstanceTest, AKilledRunsLockIsTakenOver)
{
    const std::unique_ptr<QProcess> crashed =
        startHoldingProbe(QStringLiteral("--claim-and-wait"), archive("a.sqlite"), "claimed");
    SingleInstance instance(archive("a.sqlite"));
    EXPECT_FALSE(instance.claim()) << "held while the probe lives";
    kill(*crashed);
    ASSERT_TRUE(QFileInfo::exists(instance.lockFilePath()));
    ASSERT_TRUE(QFileInfo::exists(instance.serverName())) << "the stale socket file";

    ASSERT_TRUE(instance.claim());
    QSignalSpy activated(&instance, &SingleInstance::activationRequested);
    EXPECT_EQ(runProbe({QStringLiteral("--launch"), archive("a.sqlite"), QStringLiteral("--again")}), ProbeActivated);
    ASSERT_EQ(activated.count(), 1);
    EXPECT_EQ(activated.at(0).at(0).toStringList(), QStringList {QStringLiteral("--again")});
}

// The lock is held by a live process that does not listen: nobody answers.
TEST_F(SingleInstanceTest, NobodyAnsweringIsAFailure)
{
    const std::unique_ptr<QProcess> silent =
        startHoldingProbe(QStringLiteral("--lock-only"), archive("a.sqlite"), "locked");
    SingleInstance instance(archive("a.sqlite"));
    EXPECT_FALSE(instance.claim());
    EXPECT_FALSE(instance.activateRunning({QStringLiteral("--minimized")}, 300));
    kill(*silent);
}

// A running one that accepts but never answers (hung): the connection
// succeeds in the kernel's backlog, the answer never comes.
TEST_F(SingleInstanceTest, AHungRunningOneIsAFailure)
{
    SingleInstance instance(archive("a.sqlite"));
    QLocalServer hung;
    ASSERT_TRUE(hung.listen(instance.serverName())) << hung.errorString().toStdString();
    EXPECT_FALSE(instance.activateRunning({QStringLiteral("--minimized")}, 300));
}

// What reaches the socket is input: anything but a whole, well-formed
// request within 64 KiB is hung up on, and nothing is emitted; the running
// one still answers a good request afterwards.
TEST_F(SingleInstanceTest, MalformedRequestsAreHungUpOn)
{
    SingleInstance running(archive("a.sqlite"));
    ASSERT_TRUE(running.claim());
    QSignalSpy activated(&running, &SingleInstance::activationRequested);

    const QList<QByteArray> malformed {
        QByteArrayLiteral("nonsense\n"),
        QByteArrayLiteral("{\"activate\": \"--minimized\"}\n"),
        QByteArrayLiteral("{\"activate\": [1, 2]}\n"),
        QByteArrayLiteral("[\"activate\"]\n"),
        QByteArrayLiteral("{\"something\": []}\n"),
        QByteArray(70000, 'x'),
        QByteArrayLiteral("{\"activate\": [\"") + QByteArray(70000, 'y') + QByteArrayLiteral("\"]}\n"),
        QByteArrayLiteral("{\"activate\": []}"), // never finished: dropped after a while
    };
    for (const QByteArray& request : malformed) {
        EXPECT_EQ(sendRaw(running.serverName(), request), QByteArray()) << request.left(40).toStdString();
    }
    EXPECT_EQ(activated.count(), 0);

    EXPECT_EQ(sendRaw(running.serverName(), QByteArrayLiteral("{\"activate\": [\"--minimized\"]}\n")),
              QByteArrayLiteral("ok\n"));
    ASSERT_EQ(activated.count(), 1);
    EXPECT_EQ(activated.at(0).at(0).toStringList(), QStringList {QStringLiteral("--minimized")});
}
