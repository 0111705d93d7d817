#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <QUuid>

#include <qt6keychain/keychain.h>

#include <gtest/gtest.h>

#include <memory>

namespace {

const auto Service = QStringLiteral("OpenArchiver Desktop Tests");

// Runs a keychain job to its end. Test code may wait in a local loop; the
// app never does (STYLE.md). The timeout turns a hanging keyring (a prompt
// nobody answers) into a failure instead of a stuck CI run.
QKeychain::Error runJob(QKeychain::Job& job, QString* errorText)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (!finished) {
        *errorText = QStringLiteral("the keyring did not answer within 20 s");
        return QKeychain::OtherError;
    }
    *errorText = job.errorString();
    return job.error();
}

TEST(KeyringSmokeTest, StoresReadsAndDeletesAPasswordInTheSecretService)
{
    const QString key = QStringLiteral("smoke-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    const QString secret = QStringLiteral("app-pässwörd %1").arg(key);
    QString errorText;

    QKeychain::WritePasswordJob write(Service);
    write.setKey(key);
    write.setTextData(secret);
    ASSERT_EQ(runJob(write, &errorText), QKeychain::NoError)
        << "No usable keyring (the test command starts gnome-keyring under dbus-run-session): "
        << errorText.toStdString();

    QKeychain::ReadPasswordJob read(Service);
    read.setKey(key);
    ASSERT_EQ(runJob(read, &errorText), QKeychain::NoError) << errorText.toStdString();
    EXPECT_EQ(read.textData(), secret);

    QKeychain::DeletePasswordJob remove(Service);
    remove.setKey(key);
    ASSERT_EQ(runJob(remove, &errorText), QKeychain::NoError) << errorText.toStdString();

    QKeychain::ReadPasswordJob readAgain(Service);
    readAgain.setKey(key);
    EXPECT_EQ(runJob(readAgain, &errorText), QKeychain::EntryNotFound) << errorText.toStdString();
}

} // namespace
