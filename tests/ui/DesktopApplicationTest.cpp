#include "DesktopApplication.h"
#include "MainWindow.h"
#include "WaitUntil.h"
#include "archive/Archive.h"
#include "common/AppInfo.h"
#include "credentials/SessionCredentialStore.h"
#include "sources/IngestionsPage.h"
#include "sources/SourceRepository.h"
#include "sources/SourceTableModel.h"
#include "sync/SyncManager.h"
#include "tray/Notifier.h"
#include "tray/TrayIcon.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace {

using Status = IngestionSource::Status;

// The application object on the offscreen platform, with a tray that is
// there or not as each test says (the real tray is tests/tray's business).
class DesktopApplicationTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        AppInfo::configure();
        QSettings().clear();
        ASSERT_TRUE(m_directory.isValid());
        QString error;
        ASSERT_TRUE(m_archive.open(&error)) << error.toStdString();
    }

    void TearDown() override
    {
        m_app.reset();
        m_archive.closeConnection();
        QApplication::setQuitOnLastWindowClosed(true);
    }

    // A source on a closed loopback port: a pass fails at once and retries
    // much later, so nothing syncs for long in these tests.
    qint64 addSource(const QString& name, Status status)
    {
        IngestionSource source;
        source.name = name;
        source.host = QStringLiteral("127.0.0.1");
        source.port = 9;
        source.username = QStringLiteral("jane");
        QString error;
        SourceRepository repository(m_archive.connection());
        const auto added = repository.add(source, &error);
        EXPECT_TRUE(added.has_value()) << error.toStdString();
        if (added && status != Status::Importing) {
            EXPECT_TRUE(repository.setStatus(added->id, status, QString(), SyncFailure::Kind::None, &error))
                << error.toStdString();
        }
        return added ? added->id : 0;
    }

    Status statusOf(qint64 sourceId)
    {
        return SourceRepository(m_archive.connection()).find(sourceId).value_or(IngestionSource {}).status;
    }

    DesktopApplication* makeApp(bool trayAvailable)
    {
        m_trayAvailable = trayAvailable;
        m_app = std::make_unique<DesktopApplication>(m_archive, std::make_unique<SessionCredentialStore>());
        m_app->setTrayProbe([this] { return m_trayAvailable; });
        return m_app.get();
    }

    bool sourcesLoaded() const { return m_app->window()->ingestionsPage()->model()->isLoaded(); }

    QTemporaryDir m_directory;
    Archive m_archive {m_directory.filePath(QStringLiteral("archive.sqlite"))};
    std::unique_ptr<DesktopApplication> m_app;
    bool m_trayAvailable = false;
};

TEST_F(DesktopApplicationTest, WithoutATrayClosingTheWindowQuits)
{
    DesktopApplication* app = makeApp(false);
    QSignalSpy finished(app, &DesktopApplication::finished);
    app->start(false);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(app->window()));
    EXPECT_FALSE(app->isInTray());
    EXPECT_FALSE(QApplication::quitOnLastWindowClosed()) << "windows come and go; the app decides";

    EXPECT_TRUE(app->window()->close());
    EXPECT_TRUE(app->isQuitting());
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(finished.count(), 1);
}

TEST_F(DesktopApplicationTest, WithATrayClosingTheWindowKeepsTheAppAndSaysSoOnce)
{
    const qint64 paused = addSource(QStringLiteral("Paused"), Status::Paused);
    DesktopApplication* app = makeApp(true);
    QSignalSpy finished(app, &DesktopApplication::finished);
    QSignalSpy notices(app->tray(), &TrayIcon::notificationShown);
    app->start(false);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(app->window()));
    EXPECT_TRUE(app->isInTray());
    ASSERT_TRUE(waitUntil([&] { return sourcesLoaded(); }));

    EXPECT_FALSE(app->window()->close()) << "hidden, not closed";
    EXPECT_FALSE(app->window()->isVisible());
    EXPECT_FALSE(app->isQuitting());
    ASSERT_EQ(notices.count(), 1);
    EXPECT_EQ(notices.first().at(0).toString(), QStringLiteral("OpenArchiver Desktop keeps archiving"));

    // The tray brings it back; the second close says nothing again, also
    // after a restart (the notice is remembered).
    app->tray()->openAction()->trigger();
    EXPECT_TRUE(app->window()->isVisible());
    auto* closeWindow = app->window()->findChild<QAction*>(QStringLiteral("closeWindowAction"));
    ASSERT_NE(closeWindow, nullptr);
    EXPECT_EQ(closeWindow->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_W));
    closeWindow->trigger(); // File → Close Window, as Ctrl+W does
    EXPECT_FALSE(app->window()->isVisible());
    EXPECT_FALSE(app->isQuitting());
    EXPECT_EQ(notices.count(), 1);
    EXPECT_EQ(finished.count(), 0);
    EXPECT_EQ(statusOf(paused), Status::Paused);
}

TEST_F(DesktopApplicationTest, QuitFromTheTrayOrTheMenuStopsAndFinishes)
{
    DesktopApplication* app = makeApp(true);
    QSignalSpy finished(app, &DesktopApplication::finished);
    app->start(false);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(app->window()));
    app->tray()->quitAction()->trigger();
    EXPECT_TRUE(app->isQuitting());
    EXPECT_FALSE(app->window()->isVisible());
    EXPECT_FALSE(app->tray()->isVisible());
    ASSERT_TRUE(finished.wait(10000));
    // Once: a second quit (the window's menu) changes nothing.
    app->window()->findChild<QAction*>(QStringLiteral("quitAction"))->trigger();
    QTest::qWait(50);
    EXPECT_EQ(finished.count(), 1);
}

TEST_F(DesktopApplicationTest, TheWindowMenusQuitQuitsTheApp)
{
    DesktopApplication* app = makeApp(true);
    QSignalSpy finished(app, &DesktopApplication::finished);
    app->start(false);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(app->window()));
    app->window()->findChild<QAction*>(QStringLiteral("quitAction"))->trigger();
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_TRUE(app->isQuitting());
}

TEST_F(DesktopApplicationTest, MinimizedStartsInTheTrayOnlyWhenThereIsOne)
{
    DesktopApplication* inTray = makeApp(true);
    inTray->start(true);
    QTest::qWait(50);
    EXPECT_TRUE(inTray->isInTray());
    EXPECT_FALSE(inTray->window()->isVisible()) << "only the icon";
    inTray->tray()->toggleWindowRequested();
    EXPECT_TRUE(inTray->window()->isVisible());
    m_app.reset();

    DesktopApplication* noTray = makeApp(false);
    noTray->start(true);
    EXPECT_TRUE(noTray->window()->isVisible()) << "with no tray to come back from, the window shows";
}

// Desktop sessions start their tray late: the app looks again for a while,
// and a minimized start goes to the tray once it is there.
TEST_F(DesktopApplicationTest, ATrayThatAppearsLateIsUsed)
{
    DesktopApplication* app = makeApp(false);
    app->start(true);
    EXPECT_TRUE(app->window()->isVisible());
    EXPECT_FALSE(app->isInTray());
    QTest::qWait(600);
    m_trayAvailable = true;
    ASSERT_TRUE(waitUntil([&] { return app->isInTray(); }, DesktopApplication::TrayWatchMs));
    EXPECT_FALSE(app->window()->isVisible()) << "started minimized: now in the tray";
}

TEST_F(DesktopApplicationTest, TheTraysMenuPausesAndResumesEverySource)
{
    const qint64 first = addSource(QStringLiteral("First"), Status::Active);
    const qint64 second = addSource(QStringLiteral("Second"), Status::Paused);
    DesktopApplication* app = makeApp(true);
    app->start(false);
    ASSERT_TRUE(
        waitUntil([&] { return sourcesLoaded() && app->window()->ingestionsPage()->model()->rowCount() == 2; }));
    QAction* pauseResume = app->tray()->pauseResumeAction();
    ASSERT_TRUE(waitUntil([&] { return pauseResume->text() == QStringLiteral("&Pause All"); }));

    pauseResume->trigger();
    EXPECT_EQ(statusOf(first), Status::Paused);
    EXPECT_EQ(statusOf(second), Status::Paused);
    ASSERT_TRUE(waitUntil([&] { return pauseResume->text() == QStringLiteral("&Resume All"); }));
    EXPECT_EQ(app->tray()->state().look, TrayState::Look::Paused);
    EXPECT_TRUE(app->tray()->systemTrayIcon()->toolTip().contains(QStringLiteral("all paused")))
        << app->tray()->systemTrayIcon()->toolTip().toStdString();
    EXPECT_FALSE(app->tray()->syncAllAction()->isEnabled()) << "nothing to sync while all are paused";

    pauseResume->trigger();
    EXPECT_NE(statusOf(first), Status::Paused);
    EXPECT_NE(statusOf(second), Status::Paused);
    ASSERT_TRUE(waitUntil([&] { return pauseResume->text() == QStringLiteral("&Pause All"); }));
    EXPECT_TRUE(app->tray()->syncAllAction()->isEnabled());
}

TEST_F(DesktopApplicationTest, TheTrayMenuHasItsEntries)
{
    DesktopApplication* app = makeApp(true);
    app->start(false);
    QStringList entries;
    for (const QAction* action : app->tray()->menu()->actions()) {
        if (!action->isSeparator()) {
            entries << action->text();
        }
    }
    EXPECT_EQ(entries,
              QStringList({QStringLiteral("&Open OpenArchiver Desktop"),
                           QStringLiteral("&Sync All Now"),
                           QStringLiteral("&Pause All"),
                           QStringLiteral("Show &Notifications"),
                           QStringLiteral("&Quit")}));
    EXPECT_FALSE(app->tray()->systemTrayIcon()->icon().isNull());
    EXPECT_TRUE(app->tray()->notificationsAction()->isChecked());
}

// A source that comes to need the user is notified once, however often the
// table is read again; with notifications turned off in the tray menu, a
// new problem is not.
TEST_F(DesktopApplicationTest, ANewProblemIsNotifiedOnceAndNotAtAllWhenTurnedOff)
{
    const qint64 work = addSource(QStringLiteral("Work"), Status::Paused);
    DesktopApplication* app = makeApp(true);
    app->start(false);
    SourceTableModel* model = app->window()->ingestionsPage()->model();
    ASSERT_TRUE(waitUntil([&] { return model->isLoaded() && model->rowCount() == 1; }));
    QSignalSpy shown(app->tray(), &TrayIcon::notificationShown);
    // Read again until the table shows `problem` and the notifier has
    // shown (or dropped) what it made of it.
    const auto readAgain = [&](const QString& problem) {
        model->reload();
        return waitUntil(
            [&] {
                const auto source = model->source(work);
                return source && source->status == Status::Error && source->lastError == problem
                    && !app->notifier()->hasPending();
            },
            20000);
    };

    QString error;
    ASSERT_TRUE(SourceRepository(m_archive.connection())
                    .setStatus(work,
                               Status::Error,
                               QStringLiteral("The server refused the password."),
                               SyncFailure::Kind::Other,
                               &error))
        << error.toStdString();
    ASSERT_TRUE(readAgain(QStringLiteral("The server refused the password.")));
    ASSERT_EQ(shown.count(), 1);
    EXPECT_EQ(shown.first().at(0).toString(), QStringLiteral("Work needs attention"));
    EXPECT_EQ(shown.first().at(1).toString(), QStringLiteral("Work: The server refused the password."));
    ASSERT_TRUE(readAgain(QStringLiteral("The server refused the password.")));
    ASSERT_TRUE(readAgain(QStringLiteral("The server refused the password.")));
    EXPECT_EQ(shown.count(), 1);

    app->tray()->notificationsAction()->trigger();
    EXPECT_FALSE(Notifier::isEnabled());
    ASSERT_TRUE(
        SourceRepository(m_archive.connection())
            .setStatus(
                work, Status::Error, QStringLiteral("The certificate changed."), SyncFailure::Kind::Other, &error));
    ASSERT_TRUE(readAgain(QStringLiteral("The certificate changed.")));
    EXPECT_EQ(shown.count(), 1);
    app->tray()->notificationsAction()->trigger();
    EXPECT_TRUE(Notifier::isEnabled());
}

} // namespace
