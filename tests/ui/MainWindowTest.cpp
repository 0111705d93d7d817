#include "MainWindow.h"
#include "about/AboutDialog.h"
#include "sources/IngestionsPage.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QStackedWidget>
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
    }
};

TEST_F(MainWindowTest, OpensOnTheEmptyIngestionsPage)
{
    MainWindow window;
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
}

TEST_F(MainWindowTest, AboutBoxShowsVersionAndLibraries)
{
    MainWindow window;
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
        MainWindow window;
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        window.resize(812, 533);
        QTest::qWait(10);
        window.close();
    }
    MainWindow reopened;
    reopened.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&reopened));
    EXPECT_EQ(reopened.size(), QSize(812, 533));
}

} // namespace
