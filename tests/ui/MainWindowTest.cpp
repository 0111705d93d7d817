#include "MainWindow.h"
#include "WaitUntil.h"
#include "about/AboutDialog.h"
#include "archive/Archive.h"
#include "archive/ArchivePage.h"
#include "credentials/SessionCredentialStore.h"
#include "sources/IngestionsPage.h"
#include "sources/SourceDialog.h"
#include "sync/SourceService.h"
#include "sync/SyncManager.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include "common/AppInfo.h"

namespace {

class MainWindowTest : public ::testing::Test
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

    void TearDown() override { m_archive.closeConnection(); }

    QTemporaryDir m_directory;
    Archive m_archive {m_directory.filePath(QStringLiteral("archive.sqlite"))};
    SessionCredentialStore m_credentials;
    SyncManager m_manager {m_archive, &m_credentials};
    SourceService m_service {m_archive, &m_credentials, &m_manager};
};

TEST_F(MainWindowTest, OpensOnTheEmptyIngestionsPage)
{
    MainWindow window(m_archive, &m_manager, &m_service, &m_credentials);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));

    EXPECT_EQ(window.windowTitle(), QStringLiteral("OpenArchiver Desktop"));
    auto* pages = window.findChild<QStackedWidget*>();
    ASSERT_NE(pages, nullptr);
    EXPECT_EQ(pages->currentWidget(), window.ingestionsPage());

    auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    ASSERT_NE(navigation, nullptr);
    ASSERT_GE(navigation->count(), 1);
    EXPECT_EQ(navigation->item(0)->text(), QStringLiteral("Ingestions"));

    ASSERT_NE(window.ingestionsPage()->emptyState(), nullptr);
    EXPECT_TRUE(window.ingestionsPage()->emptyState()->isVisible());
    auto* heading = window.findChild<QLabel*>(QStringLiteral("emptyStateHeading"));
    ASSERT_NE(heading, nullptr);
    EXPECT_EQ(heading->text(), QStringLiteral("No ingestion sources yet"));
    auto* demoHint = window.findChild<QLabel*>(QStringLiteral("demoHint"));
    ASSERT_NE(demoHint, nullptr);
    EXPECT_TRUE(demoHint->text().contains(QStringLiteral("demo")));
    auto* summary = window.findChild<QLabel*>(QStringLiteral("syncSummary"));
    ASSERT_NE(summary, nullptr);
    EXPECT_EQ(summary->text(), QStringLiteral("No ingestion sources"));

    // The empty state's own button opens the Create New dialog.
    auto* create = window.findChild<QPushButton*>(QStringLiteral("emptyStateCreateButton"));
    ASSERT_NE(create, nullptr);
    QTest::mouseClick(create, Qt::LeftButton);
    auto* dialog = window.findChild<SourceDialog*>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    EXPECT_EQ(dialog->windowTitle(), QStringLiteral("Create New Ingestion Source"));
    QTest::keyClick(dialog, Qt::Key_Escape);
    EXPECT_FALSE(dialog->isVisible());
}

TEST_F(MainWindowTest, NavigatesToTheArchivePageByListAndShortcut)
{
    MainWindow window(m_archive, &m_manager, &m_service, &m_credentials);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    ASSERT_NE(navigation, nullptr);
    ASSERT_EQ(navigation->count(), 2);
    EXPECT_EQ(navigation->item(1)->text(), QStringLiteral("Archive"));

    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    auto* pages = window.findChild<QStackedWidget*>();
    EXPECT_EQ(pages->currentWidget(), window.archivePage());
    auto* summary = window.archivePage()->findChild<QLabel*>(QStringLiteral("archiveSummary"));
    ASSERT_NE(summary, nullptr);
    // Counted off the UI thread. "(s)" until the English catalogue has the
    // plural, "s" after.
    EXPECT_TRUE(waitUntil([&] { return summary->text().contains(QStringLiteral("0 message")); }, 5000))
        << summary->text().toStdString();
    EXPECT_TRUE(summary->text().contains(QStringLiteral("from 0 source"))) << summary->text().toStdString();

    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    EXPECT_EQ(pages->currentWidget(), window.ingestionsPage());
}

TEST_F(MainWindowTest, AboutBoxShowsVersionAndLibraries)
{
    MainWindow window(m_archive, &m_manager, &m_service, &m_credentials);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));

    auto* about = window.findChild<QAction*>(QStringLiteral("aboutAction"));
    ASSERT_NE(about, nullptr);
    about->trigger();

    auto* dialog = window.findChild<AboutDialog*>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    EXPECT_TRUE(dialog->isModal());

    auto* version = dialog->findChild<QLabel*>(QStringLiteral("versionLabel"));
    ASSERT_NE(version, nullptr);
    EXPECT_TRUE(version->text().contains(AppInfo::version())) << version->text().toStdString();
    auto* libraries = dialog->findChild<QLabel*>(QStringLiteral("libraryVersions"));
    ASSERT_NE(libraries, nullptr);
    EXPECT_TRUE(libraries->text().contains(QStringLiteral("vmime"))) << libraries->text().toStdString();

    QTest::keyClick(dialog, Qt::Key_Escape);
    EXPECT_FALSE(dialog->isVisible());
}

TEST_F(MainWindowTest, RemembersItsGeometry)
{
    {
        MainWindow window(m_archive, &m_manager, &m_service, &m_credentials);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        window.resize(812, 533);
        QTest::qWait(10);
        window.close();
    }
    MainWindow reopened(m_archive, &m_manager, &m_service, &m_credentials);
    reopened.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&reopened));
    EXPECT_EQ(reopened.size(), QSize(812, 533));
}

} // namespace
