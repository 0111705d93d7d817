#include "MailGenerator.h"
#include "MainWindow.h"
#include "WaitUntil.h"
#include "archive/Archive.h"
#include "archive/ArchivePage.h"
#include "archive/MessageStore.h"
#include "credentials/SessionCredentialStore.h"
#include "sources/IngestionsPage.h"
#include "sources/SourceRepository.h"
#include "sources/SourceTableModel.h"
#include "sync/SourceService.h"
#include "sync/SyncManager.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include "common/AppInfo.h"

namespace {

using Status = IngestionSource::Status;

// What the Ingestions page, the status bar and the Archive page tell the
// user, against a real archive file filled as a sync would fill it. No
// server: the sync manager is there, but passes start only where a test
// asks for one.
class IngestionsTruthTest : public ::testing::Test
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
        m_window.reset();
        m_service.reset();
        m_manager.reset();
        m_archive.closeConnection();
    }

    qint64 addSource(const QString& name, Status status = Status::Active, const QString& lastError = {})
    {
        IngestionSource source;
        source.name = name;
        source.host = QStringLiteral("imap.example.com");
        source.username = QStringLiteral("jane.doe@example.com");
        QString error;
        const auto added = SourceRepository(m_archive.connection()).add(source, &error);
        EXPECT_TRUE(added.has_value()) << error.toStdString();
        if (added && status != Status::Importing) {
            EXPECT_TRUE(SourceRepository(m_archive.connection())
                            .setStatus(added->id, status, lastError, SyncFailure::Kind::Other, &error));
        }
        return added ? added->id : 0;
    }

    static QList<GeneratedMessage> generate(int count)
    {
        MailGeneratorOptions options;
        options.seed = 91;
        options.attachmentScale = 0.02;
        return MailGenerator(options).next(count);
    }

    // Stores the messages into the source's INBOX, as a sync's batch would.
    void store(qint64 sourceId, const QList<GeneratedMessage>& messages)
    {
        QString error;
        MessageStore store = m_archive.store();
        const qint64 folderId =
            store.ensureFolder(sourceId, "INBOX", QStringLiteral("INBOX"), QStringLiteral("/"), &error);
        ASSERT_NE(folderId, 0) << error.toStdString();
        FolderCheckpoint checkpoint = store.checkpoint(folderId);
        QList<PreparedMessage> prepared;
        for (const GeneratedMessage& message : messages) {
            FetchedMessage fetched;
            fetched.uid = ++checkpoint.lastUid;
            fetched.raw = message.raw;
            prepared << MessageStore::prepare(fetched);
        }
        checkpoint.uidValidity = 1;
        checkpoint.uidNext = checkpoint.lastUid + 1;
        ASSERT_TRUE(store.storeBatch(prepared, checkpoint, nullptr, &error)) << error.toStdString();
    }

    MainWindow& openWindow()
    {
        m_window = std::make_unique<MainWindow>(m_archive, m_manager.get(), m_service.get(), &m_credentials);
        m_window->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        return *m_window;
    }

    SourceTableModel* model() const { return m_window->ingestionsPage()->model(); }
    QString cell(qint64 sourceId, int column) const
    {
        const int row = model()->rowOf(sourceId);
        return row < 0 ? QString() : model()->index(row, column).data().toString();
    }
    QString statusBar() const { return m_window->findChild<QLabel*>(QStringLiteral("syncSummary"))->text(); }
    QString archiveSummary() const
    {
        return m_window->archivePage()->findChild<QLabel*>(QStringLiteral("archiveSummary"))->text();
    }

    QTemporaryDir m_directory;
    Archive m_archive {m_directory.filePath(QStringLiteral("archive.sqlite"))};
    SessionCredentialStore m_credentials;
    std::unique_ptr<SyncManager> m_manager = std::make_unique<SyncManager>(m_archive, &m_credentials);
    std::unique_ptr<SourceService> m_service =
        std::make_unique<SourceService>(m_archive, &m_credentials, m_manager.get());
    std::unique_ptr<MainWindow> m_window;
};

// Plural forms: "(s)" until the English catalogue has the string, "s" after;
// both contain these words.

// Two sources on one server share mail. The archive holds each message
// once; the status bar once summed the sources' totals (10,550 where the
// archive held 5,550) and said "all idle" beside a source in Error.
TEST_F(IngestionsTruthTest, StatusBarAndArchivePageCountEachMessageOnce)
{
    const QList<GeneratedMessage> messages = generate(45);
    const qint64 work = addSource(QStringLiteral("Work"));
    const qint64 shared = addSource(QStringLiteral("Shared"), Status::Error, QStringLiteral("Cannot log in"));
    addSource(QStringLiteral("Old"), Status::Paused);
    store(work, messages.mid(0, 40));
    store(shared, messages.mid(30, 15)); // 10 of Work's and 5 of its own

    MainWindow& window = openWindow();
    ASSERT_TRUE(waitUntil([&] { return statusBar().contains(QStringLiteral("45 message")); }, 10000))
        << statusBar().toStdString();
    EXPECT_TRUE(statusBar().startsWith(QStringLiteral("3 source"))) << statusBar().toStdString();
    EXPECT_TRUE(statusBar().contains(QStringLiteral("1 need"))) << statusBar().toStdString();
    EXPECT_TRUE(statusBar().contains(QStringLiteral("1 paused"))) << statusBar().toStdString();
    EXPECT_FALSE(statusBar().contains(QStringLiteral("idle"))) << statusBar().toStdString();
    EXPECT_FALSE(statusBar().contains(QStringLiteral("55"))) << statusBar().toStdString();
    // Each source's Archived column says what it holds.
    EXPECT_TRUE(cell(work, SourceTableModel::Archived).startsWith(QStringLiteral("40 · ")))
        << cell(work, SourceTableModel::Archived).toStdString();
    EXPECT_TRUE(cell(shared, SourceTableModel::Archived).startsWith(QStringLiteral("15 · ")))
        << cell(shared, SourceTableModel::Archived).toStdString();

    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return archiveSummary().contains(QStringLiteral("45 message")); }, 10000))
        << archiveSummary().toStdString();
    EXPECT_TRUE(archiveSummary().contains(QStringLiteral("from 3 source"))) << archiveSummary().toStdString();
    EXPECT_FALSE(archiveSummary().contains(QStringLiteral("removed"))) << archiveSummary().toStdString();

    // Work is removed and its mail kept: still in the archive, no longer in
    // the list; the Archive page says where that mail comes from.
    QString error;
    ASSERT_TRUE(SourceRepository(m_archive.connection()).removeKeepingMail(work, &error)) << error.toStdString();
    emit m_manager->sourceRemoved(work, QString());
    ASSERT_TRUE(waitUntil([&] { return archiveSummary().contains(QStringLiteral("(and 1 removed source")); }, 10000))
        << archiveSummary().toStdString();
    EXPECT_TRUE(archiveSummary().contains(QStringLiteral("45 message"))) << archiveSummary().toStdString();
    EXPECT_TRUE(archiveSummary().contains(QStringLiteral("from 2 source"))) << archiveSummary().toStdString();
    EXPECT_TRUE(statusBar().startsWith(QStringLiteral("2 source"))) << statusBar().toStdString();
    EXPECT_TRUE(statusBar().contains(QStringLiteral("45 message"))) << statusBar().toStdString();
}

TEST_F(IngestionsTruthTest, AnAllIdleBarSaysSoAndARemovedSourceAloneIsNamed)
{
    const QList<GeneratedMessage> messages = generate(5);
    const qint64 only = addSource(QStringLiteral("Only"));
    store(only, messages);
    MainWindow& window = openWindow();
    ASSERT_TRUE(waitUntil([&] { return statusBar().contains(QStringLiteral("5 message")); }, 10000))
        << statusBar().toStdString();
    EXPECT_TRUE(statusBar().contains(QStringLiteral("all idle"))) << statusBar().toStdString();

    QString error;
    ASSERT_TRUE(SourceRepository(m_archive.connection()).removeKeepingMail(only, &error)) << error.toStdString();
    emit m_manager->sourceRemoved(only, QString());
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    ASSERT_TRUE(waitUntil([&] { return archiveSummary().contains(QStringLiteral("from 1 removed source")); }, 10000))
        << archiveSummary().toStdString();
    EXPECT_TRUE(statusBar().startsWith(QStringLiteral("No ingestion sources"))) << statusBar().toStdString();
    EXPECT_TRUE(statusBar().contains(QStringLiteral("5 message"))) << statusBar().toStdString();
}

// A server that accepts the connection and never says a word: the pass
// stays in its greeting wait, so the source is Syncing for as long as the
// test needs.
class SilentServer
{
public:
    SilentServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                socket->setParent(&m_server);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
};

// The first import of a big mailbox: the Archived column follows it. It
// said "none yet" beside "INBOX: 960 of 5,000" because the totals were only
// counted when a progress signal happened to land on every eighth repaint.
TEST_F(IngestionsTruthTest, TheArchivedColumnFollowsTheImport)
{
    SilentServer server;
    IngestionSource source;
    source.name = QStringLiteral("Big mailbox");
    source.host = QStringLiteral("127.0.0.1");
    source.port = server.port();
    source.username = QStringLiteral("jane");
    QString error;
    const auto added = SourceRepository(m_archive.connection()).add(source, &error);
    ASSERT_TRUE(added.has_value()) << error.toStdString();
    const qint64 id = added->id;
    QSignalSpy written(&m_credentials, &CredentialStore::requestFinished);
    m_credentials.writePassword(id, QStringLiteral("secret"));
    ASSERT_TRUE(written.wait(5000));

    openWindow();
    m_manager->start();
    ASSERT_TRUE(
        waitUntil([&] { return m_manager->activity(id).state == SyncManager::Activity::State::Syncing; }, 10000));
    ASSERT_TRUE(waitUntil([&] { return cell(id, SourceTableModel::Archived) == QStringLiteral("none yet"); }, 10000))
        << cell(id, SourceTableModel::Archived).toStdString();

    // The import stores its first batches; the worker reports once, as a
    // slow server's import does between two batches.
    store(id, generate(24));
    emit m_manager->progress(id, QStringLiteral("INBOX"), 24, 5000);
    EXPECT_TRUE(waitUntil(
        [&] { return cell(id, SourceTableModel::Progress).startsWith(QStringLiteral("INBOX: 24 of 5")); }, 3000))
        << cell(id, SourceTableModel::Progress).toStdString();
    EXPECT_TRUE(
        waitUntil([&] { return cell(id, SourceTableModel::Archived).startsWith(QStringLiteral("24 · ")); }, 3000))
        << cell(id, SourceTableModel::Archived).toStdString();
    // More batches, no signal at all: still followed.
    store(id, generate(30).mid(24));
    EXPECT_TRUE(
        waitUntil([&] { return cell(id, SourceTableModel::Archived).startsWith(QStringLiteral("30 · ")); }, 3000))
        << cell(id, SourceTableModel::Archived).toStdString();
    EXPECT_TRUE(waitUntil([&] { return statusBar().contains(QStringLiteral("30 message")); }, 3000))
        << statusBar().toStdString();
    EXPECT_TRUE(statusBar().contains(QStringLiteral("1 syncing"))) << statusBar().toStdString();
}

// Every menu and every item in it can be reached with Alt and a letter, and
// no two in one menu share it.
TEST_F(IngestionsTruthTest, EveryMenuAndItemHasItsOwnMnemonic)
{
    addSource(QStringLiteral("Work"));
    MainWindow& window = openWindow();
    const auto mnemonic = [](const QString& text) -> QChar {
        const qsizetype at = text.indexOf(QLatin1Char('&'));
        return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toLower() : QChar();
    };
    QSet<QChar> menuLetters;
    for (QAction* menuAction : window.menuBar()->actions()) {
        const QChar letter = mnemonic(menuAction->text());
        EXPECT_FALSE(letter.isNull()) << "menu without a mnemonic: " << menuAction->text().toStdString();
        EXPECT_FALSE(menuLetters.contains(letter)) << menuAction->text().toStdString();
        menuLetters.insert(letter);
        ASSERT_NE(menuAction->menu(), nullptr);
        QSet<QChar> itemLetters;
        for (QAction* item : menuAction->menu()->actions()) {
            if (item->isSeparator()) {
                continue;
            }
            const QChar itemLetter = mnemonic(item->text());
            EXPECT_FALSE(itemLetter.isNull()) << "item without a mnemonic: " << item->text().toStdString();
            EXPECT_FALSE(itemLetters.contains(itemLetter)) << item->text().toStdString();
            itemLetters.insert(itemLetter);
        }
    }
    EXPECT_GE(menuLetters.size(), 4);
}

// One action, one name: "Sync now" in sentence case everywhere; Create New
// is "Create New…" wherever a dialog follows (menu, context menu, empty
// state), and the page's own button keeps its short "Create New"; Edit is a
// pencil, not the magnifier Qt offers when there is no icon theme.
TEST_F(IngestionsTruthTest, ActionsHaveOneNameAndTheRightIcons)
{
    MainWindow& window = openWindow();
    IngestionsPage* page = window.ingestionsPage();
    auto* emptyButton = page->findChild<QPushButton*>(QStringLiteral("emptyStateCreateButton"));
    auto* headerButton = page->findChild<QPushButton*>(QStringLiteral("createNewButton"));
    ASSERT_NE(emptyButton, nullptr);
    ASSERT_NE(headerButton, nullptr);
    EXPECT_EQ(headerButton->text(), QStringLiteral("Create New"));
    EXPECT_EQ(emptyButton->text(), QStringLiteral("Create New…"));
    EXPECT_EQ(page->createNewAction()->text().remove(QLatin1Char('&')), QStringLiteral("Create New…"));

    auto* syncNow = page->findChild<QAction*>(QStringLiteral("syncNowAction"));
    ASSERT_NE(syncNow, nullptr);
    EXPECT_EQ(syncNow->text().remove(QLatin1Char('&')), QStringLiteral("Sync now"));
    // The user guide's F5, whatever key scheme the desktop has (on a plain
    // X11 session QKeySequence::Refresh is Ctrl+R alone).
    EXPECT_TRUE(syncNow->shortcuts().contains(QKeySequence(Qt::Key_F5)));

    auto* edit = page->findChild<QAction*>(QStringLiteral("editAction"));
    ASSERT_NE(edit, nullptr);
    ASSERT_FALSE(edit->icon().isNull());
    const QImage pencil = edit->icon().pixmap(24, 24).toImage();
    const QImage magnifier = window.style()->standardIcon(QStyle::SP_FileDialogContentsView).pixmap(24, 24).toImage();
    EXPECT_NE(pencil.convertToFormat(QImage::Format_ARGB32), magnifier.convertToFormat(QImage::Format_ARGB32));
    // Something is drawn.
    int opaque = 0;
    for (int y = 0; y < pencil.height(); ++y) {
        for (int x = 0; x < pencil.width(); ++x) {
            opaque += qAlpha(pencil.pixel(x, y)) > 128 ? 1 : 0;
        }
    }
    EXPECT_GT(opaque, 20);
}

// Without a file manager, Open Archive Folder used to do nothing at all.
// Where opening fails, a box shows the folder's path, selectable.
// Keyboard only: Tab leaves the sources table (it moved between cells and
// wrapped, a trap), the row stays selected, and Shift+F10 opens the context
// menu with the source's actions.
TEST_F(IngestionsTruthTest, TabLeavesTheTableAndShiftF10OpensTheContextMenu)
{
    addSource(QStringLiteral("One"));
    addSource(QStringLiteral("Two"));
    MainWindow& window = openWindow();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    QTableView* table = window.ingestionsPage()->table();
    table->setFocus();
    table->selectRow(1);
    ASSERT_TRUE(table->hasFocus());

    bool menuShown = false;
    QStringList menuItems;
    QTimer::singleShot(200, &window, [&] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        menuShown = menu && menu->objectName() == QStringLiteral("sourceContextMenu");
        if (menu) {
            for (QAction* action : menu->actions()) {
                if (!action->isSeparator()) {
                    menuItems << action->text().remove(QLatin1Char('&'));
                }
            }
            menu->close();
        }
    });
    QTest::keyClick(table, Qt::Key_F10, Qt::ShiftModifier);
    EXPECT_TRUE(menuShown);
    EXPECT_TRUE(menuItems.contains(QStringLiteral("Sync now"))) << menuItems.join(QStringLiteral(", ")).toStdString();

    table->setFocus();
    QTest::keyClick(table, Qt::Key_Tab);
    EXPECT_FALSE(table->hasFocus()) << "Tab must leave the table";
    EXPECT_EQ(table->selectionModel()->selectedRows().size(), 1) << "the row stays selected";
    EXPECT_EQ(table->selectionModel()->selectedRows().first().row(), 1);
}

TEST_F(IngestionsTruthTest, OpenArchiveFolderShowsThePathWhenNothingOpensIt)
{
    MainWindow& window = openWindow();
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    auto* open = window.archivePage()->findChild<QPushButton*>(QStringLiteral("openFolderButton"));
    ASSERT_NE(open, nullptr);
    EXPECT_EQ(open->text(), QStringLiteral("Open Archive Fol&der"));
    // As on a desktop without a file manager: opening a file URL fails.
    // (A handler whose method does not exist makes openUrl() return false.)
    QObject nothing;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &nothing, "noFileManager");
    QTest::mouseClick(open, Qt::LeftButton);
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QMessageBox* box = nullptr;
    ASSERT_TRUE(waitUntil(
        [&] { return (box = window.findChild<QMessageBox*>(QStringLiteral("archiveFolderBox"))) != nullptr; }, 5000));
    EXPECT_EQ(box->informativeText(), QDir::toNativeSeparators(m_directory.path()));
    EXPECT_TRUE(box->textInteractionFlags() & Qt::TextSelectableByMouse);
    box->close();
}

} // namespace
