#include "MainWindow.h"
#include "WaitUntil.h"
#include "about/AboutDialog.h"
#include "archive/Archive.h"
#include "archive/ArchivePage.h"
#include "archive/SearchBar.h"
#include "backup/BackupDialog.h"
#include "credentials/SessionCredentialStore.h"
#include "export/ExportDialog.h"
#include "help/ShortcutsWindow.h"
#include "sources/IngestionsPage.h"
#include "sources/SourceDialog.h"
#include "sync/SourceService.h"
#include "sync/SyncManager.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

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

// Ctrl+K (and Ctrl+F) from any page puts the keys in the search box; inside
// it, Ctrl+K (which a line edit takes on X11: delete to the end) stays the
// window's. Ctrl+Shift+E exports (Ctrl+E edits a source).
TEST_F(MainWindowTest, CtrlKSearchesFromAnywhereAndCtrlShiftEExports)
{
    MainWindow window(m_archive, &m_manager, &m_service, &m_credentials);
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    auto* pages = window.findChild<QStackedWidget*>();
    EXPECT_EQ(pages->currentWidget(), window.ingestionsPage());

    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    EXPECT_EQ(pages->currentWidget(), window.archivePage());
    QLineEdit* edit = window.archivePage()->searchBar()->edit();
    ASSERT_TRUE(waitUntil([&] { return edit->hasFocus(); }, 5000));
    QTest::keyClicks(edit, QStringLiteral("invoice"));
    edit->setCursorPosition(2);
    QTest::keyClick(edit, Qt::Key_K, Qt::ControlModifier);
    EXPECT_EQ(edit->text(), QStringLiteral("invoice"));
    EXPECT_EQ(edit->selectedText(), QStringLiteral("invoice"));

    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    EXPECT_EQ(pages->currentWidget(), window.archivePage());
    ASSERT_TRUE(waitUntil([&] { return edit->hasFocus(); }, 5000));

    QTest::keyClick(edit, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    auto* dialog = window.findChild<ExportDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_FALSE(dialog->isModal());
    dialog->close();
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

// File → Back Up Archive… opens one non-modal dialog on this window's
// archive; asking again raises the same one.
TEST_F(MainWindowTest, FileMenuBacksUpTheWindowsArchive)
{
    MainWindow window(m_archive, &m_manager, &m_service, &m_credentials);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto* action = window.findChild<QAction*>(QStringLiteral("backupAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->text(), QStringLiteral("&Back Up Archive…"));
    action->trigger();
    auto* dialog = window.findChild<BackupDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->windowModality(), Qt::NonModal);
    EXPECT_FALSE(dialog->isModal());
    EXPECT_EQ(window.showBackup(), dialog);
    EXPECT_EQ(window.findChildren<BackupDialog*>().size(), 1);

    const QString target = m_directory.filePath(QStringLiteral("copy.sqlite"));
    dialog->setTargetPath(target);
    QSignalSpy ended(dialog, &BackupDialog::backupEnded);
    dialog->startBackup();
    ASSERT_TRUE(ended.count() == 1 || ended.wait(60000));
    EXPECT_TRUE(ended.at(0).at(0).toBool());
    EXPECT_TRUE(QFile::exists(target));
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

// The keys the README's "Keyboard shortcuts" table lists, one per entry
// ("F5, Ctrl+R" is two).
QStringList readmeShortcutKeys()
{
    QFile readme(QStringLiteral(OPENARCHIVER_SOURCE_DIR "/README.md"));
    if (!readme.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QString text = QString::fromUtf8(readme.readAll());
    const qsizetype start = text.indexOf(QStringLiteral("### Keyboard shortcuts"));
    const qsizetype end = text.indexOf(QStringLiteral("\n### "), start + 1);
    QStringList keys;
    const QStringList lines = text.mid(start, end - start).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QStringList cells = line.split(QLatin1Char('|'));
        // "| Where | Keys | Does |": the header and the "---" row are no keys.
        if (cells.size() < 4 || cells.at(2).trimmed() == QStringLiteral("Keys") || cells.at(2).contains(u'-')) {
            continue;
        }
        for (const QString& key : cells.at(2).split(QLatin1Char(','))) {
            keys << key.trimmed();
        }
    }
    return keys;
}

// Issue 19 point 6: F1 opens the user guide.
TEST_F(MainWindowTest, F1OpensTheUserGuide)
{
    MainWindow window(m_archive, &m_manager, &m_service, &m_credentials);
    auto* guide = window.findChild<QAction*>(QStringLiteral("userGuideAction"));
    ASSERT_NE(guide, nullptr);
    EXPECT_EQ(guide->shortcut(), QKeySequence(Qt::Key_F1));
    EXPECT_TRUE(AppInfo::userGuideUrl().startsWith(QStringLiteral("https://")))
        << AppInfo::userGuideUrl().toStdString();
    EXPECT_TRUE(AppInfo::userGuideUrl().endsWith(QStringLiteral("#user-guide")));
}

// Help → Keyboard shortcuts lists every key the README documents and every
// shortcut of the main window's actions, grouped, in a named list.
TEST_F(MainWindowTest, TheShortcutsWindowListsEveryShortcut)
{
    MainWindow window(m_archive, &m_manager, &m_service, &m_credentials);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto* open = window.findChild<QAction*>(QStringLiteral("shortcutsAction"));
    ASSERT_NE(open, nullptr);
    open->trigger();
    auto* shortcuts = window.findChild<ShortcutsWindow*>();
    ASSERT_NE(shortcuts, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(shortcuts));
    EXPECT_FALSE(shortcuts->isModal());
    QTreeWidget* list = shortcuts->list();
    EXPECT_EQ(list->accessibleName(), QStringLiteral("Keyboard shortcuts"));
    EXPECT_EQ(shortcuts->focusWidget(), list);

    QStringList groups;
    QStringList listed; // each key on its own
    QStringList entries; // "keys = does"
    for (int g = 0; g < list->topLevelItemCount(); ++g) {
        const QTreeWidgetItem* group = list->topLevelItem(g);
        groups << group->text(0);
        for (int i = 0; i < group->childCount(); ++i) {
            const QTreeWidgetItem* entry = group->child(i);
            EXPECT_FALSE(entry->text(1).isEmpty()) << entry->text(0).toStdString();
            EXPECT_FALSE(entry->text(1).contains(u'&')) << entry->text(1).toStdString();
            entries << entry->text(0) + QStringLiteral(" = ") + entry->text(1);
            for (const QString& key : entry->text(0).split(QStringLiteral(", "))) {
                listed << key;
            }
        }
    }
    const std::string all = entries.join(QLatin1Char('\n')).toStdString();
    for (const char* group : {"Main window", "Ingestions", "Create New / Edit", "Details"}) {
        EXPECT_TRUE(groups.contains(QString::fromLatin1(group))) << group;
    }

    const QStringList readme = readmeShortcutKeys();
    ASSERT_GE(readme.size(), 15) << "the README's table was not found";
    for (const QString& key : readme) {
        EXPECT_TRUE(listed.contains(key)) << key.toStdString() << " is in the README, not in the window:\n" << all;
    }
    // Every action of the window with a key, by its key.
    for (const QAction* action : window.findChildren<QAction*>()) {
        for (const QKeySequence& sequence : action->shortcuts()) {
            const QString key = sequence.toString(QKeySequence::NativeText);
            EXPECT_TRUE(listed.contains(key))
                << action->text().toStdString() << " (" << key.toStdString() << ") is not listed:\n"
                << all;
        }
    }

    // Opening it again raises the same window.
    open->trigger();
    EXPECT_EQ(window.findChildren<ShortcutsWindow*>().size(), 1);
    QTest::keyClick(shortcuts, Qt::Key_Escape);
    EXPECT_FALSE(shortcuts->isVisible());
}

} // namespace
