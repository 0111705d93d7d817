#include "MainWindow.h"

#include "AppIcon.h"
#include "about/AboutDialog.h"
#include "archive/ArchiveDatabase.h"
#include "archive/ArchivePage.h"
#include "archive/ArchiveQueryRunner.h"
#include "archive/MessageListView.h"
#include "archive/MessageWindow.h"
#include "backup/BackupDialog.h"
#include "common/StatusMessageLabel.h"
#include "help/ShortcutsWindow.h"
#include "import/ImportMailDialog.h"
#include "restore/RestoreDialog.h"
#include "settings/SettingsDialog.h"
#include "sources/IngestionsPage.h"
#include "sources/SourceDetailsDialog.h"
#include "sources/SourceDialog.h"
#include "sources/SourceTableModel.h"
#include "sync/SyncManager.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>

#include <algorithm>
#include <climits>

#include "common/AppInfo.h"

namespace {
// Window state lives apart from preferences (STYLE.md): it is not a setting
// the user chose, and losing it must never reset one.
const auto GeometryKey = QStringLiteral("WindowState/mainGeometry");
const auto StateKey = QStringLiteral("WindowState/mainState");
} // namespace

MainWindow::MainWindow(
    Archive archive, SyncManager* manager, SourceService* service, CredentialStore* credentials, QWidget* parent)
    : QMainWindow(parent)
    , m_archive(std::move(archive))
    , m_manager(manager)
    , m_service(service)
    , m_credentials(credentials)
    , m_queries(new ArchiveQueryRunner(m_archive, this))
{
    setWindowTitle(AppInfo::displayName());
    // Mail files dropped anywhere on the window open File → Import Mail….
    setAcceptDrops(true);
    setWindowIcon(appIcon());
    setObjectName(QStringLiteral("MainWindow"));

    createPages();
    createMenus();
    createToolBar();
    // Messages go to a label of their own, not QStatusBar::showMessage():
    // a screen reader is told when it changes (issue 19, point 10).
    m_statusMessage = new StatusMessageLabel(this);
    statusBar()->addWidget(m_statusMessage, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("syncSummary"));
    statusBar()->addPermanentWidget(m_summary);
    connect(m_ingestionsPage->model(), &SourceTableModel::summaryChanged, this, &MainWindow::updateSummary);
    connect(m_ingestionsPage, &IngestionsPage::message, m_statusMessage, [this](const QString& text) {
        m_statusMessage->showMessage(text);
    });
    updateSummary();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

IngestionsPage* MainWindow::ingestionsPage() const
{
    return m_ingestionsPage;
}

ArchiveQueryRunner* MainWindow::queries() const
{
    return m_queries;
}

ArchivePage* MainWindow::archivePage() const
{
    return m_archivePage;
}

void MainWindow::updateSummary()
{
    const SourceTableModel* model = m_ingestionsPage->model();
    const ArchiveTotals totals = model->archiveTotals();
    m_archivePage->setTotals(totals);
    const int sources = model->rowCount();
    if (!model->isLoaded()) {
        m_summary->clear(); // not "no sources" before they are read
        return;
    }
    if (sources == 0) {
        m_summary->setText(totals.messages > 0 ? tr("No ingestion sources · %Ln message(s) archived",
                                                    nullptr,
                                                    static_cast<int>(std::min<qint64>(totals.messages, INT_MAX)))
                                               : tr("No ingestion sources"));
        return;
    }
    // What is true of the sources, each part only when it applies: a source
    // in Error must never hide behind "all idle".
    QStringList parts {tr("%n source(s)", nullptr, sources)};
    const int syncing = model->syncingCount();
    const int failing = model->statusCount(IngestionSource::Status::Error);
    const int paused = model->statusCount(IngestionSource::Status::Paused);
    if (syncing > 0) {
        parts << tr("%n syncing", nullptr, syncing);
    }
    if (failing > 0) {
        parts << tr("%n need(s) attention", nullptr, failing);
    }
    if (const int unreachable = model->failingCount(); unreachable > 0) {
        parts << tr("%n can't reach the server", nullptr, unreachable);
    }
    if (paused > 0) {
        parts << tr("%n paused", nullptr, paused);
    }
    if (parts.size() == 1) {
        parts << tr("all idle");
    }
    // The archive's own count: mail two sources share is stored, and
    // counted, once.
    parts << (totals.messages < 0 ? tr("counting messages…")
                                  : tr("%Ln message(s) archived",
                                       nullptr,
                                       static_cast<int>(std::min<qint64>(totals.messages, INT_MAX))));
    //: Separates the parts of the status bar's summary, e.g. "2 sources · 1 syncing".
    m_summary->setText(parts.join(tr(" · ")));
}

void MainWindow::createToolBar()
{
    QToolBar* toolBar = addToolBar(tr("Main Toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addAction(m_ingestionsPage->createNewAction());
    toolBar->addSeparator();
    for (QAction* action : m_ingestionsPage->sourceActions()) {
        toolBar->addAction(action);
    }
}

void MainWindow::createPages()
{
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(24, 24));

    m_pages = new QStackedWidget(central);
    m_ingestionsPage = new IngestionsPage(m_manager, m_service, m_credentials, m_queries, m_pages);
    m_pages->addWidget(m_ingestionsPage);
    m_archivePage = new ArchivePage(m_archive, m_queries, m_pages);
    m_archivePage->setSourceService(m_service);
    m_pages->addWidget(m_archivePage);

    auto* ingestionsItem = new QListWidgetItem(
        QIcon::fromTheme(QStringLiteral("mail-receive"), style()->standardIcon(QStyle::SP_DriveNetIcon)),
        tr("Ingestions"),
        m_navigation);
    ingestionsItem->setToolTip(tr("The email accounts this archive imports from"));
    auto* archiveItem =
        new QListWidgetItem(QIcon::fromTheme(QStringLiteral("folder-mail"), style()->standardIcon(QStyle::SP_DirIcon)),
                            tr("Archive"),
                            m_navigation);
    archiveItem->setToolTip(tr("What the archive holds"));

    // As wide as its longest entry, no wider: at 800 px every pixel it
    // does not need goes to the Ingestions table.
    const QAbstractItemView* navigationView = m_navigation;
    m_navigation->setFixedWidth(navigationView->sizeHintForColumn(0) + 2 * m_navigation->frameWidth()
                                + m_navigation->fontMetrics().averageCharWidth() * 3);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_pages->widget(row) == m_archivePage) {
            m_ingestionsPage->model()->recountArchive();
        }
    });
    m_navigation->setCurrentRow(0);

    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
}

void MainWindow::showSourceDetails(qint64 sourceId)
{
    m_navigation->setCurrentRow(0);
    m_ingestionsPage->showDetailsOf(sourceId);
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_ingestionsPage->createNewAction());
    fileMenu->addSeparator();
    QAction* importAction = fileMenu->addAction(tr("&Import Mail…"));
    importAction->setObjectName(QStringLiteral("importAction"));
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    importAction->setProperty(ShortcutCatalog::DescriptionProperty,
                              tr("Import mbox files, .eml messages or Maildir folders"));
    connect(importAction, &QAction::triggered, this, [this] { showImport(); });
    QAction* exportAction = fileMenu->addAction(tr("&Export Messages…"));
    exportAction->setObjectName(QStringLiteral("exportAction"));
    // Ctrl+E edits the selected source.
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportAction->setProperty(ShortcutCatalog::DescriptionProperty,
                              tr("Export the selected messages or the list shown (a folder, a search)"));
    connect(exportAction, &QAction::triggered, this, [this] {
        m_navigation->setCurrentRow(1);
        m_archivePage->showExport();
    });
    QAction* restoreAction = fileMenu->addAction(tr("&Restore to Server…"));
    restoreAction->setObjectName(QStringLiteral("restoreAction"));
    restoreAction->setProperty(ShortcutCatalog::DescriptionProperty,
                               tr("Put the selected messages or the list shown back on an IMAP account"));
    connect(restoreAction, &QAction::triggered, this, [this] { showRestore(); });
    QAction* settingsAction = fileMenu->addAction(tr("Se&ttings…"));
    settingsAction->setObjectName(QStringLiteral("settingsAction"));
    settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    QAction* backupAction = fileMenu->addAction(tr("&Back Up Archive…"));
    backupAction->setObjectName(QStringLiteral("backupAction"));
    connect(backupAction, &QAction::triggered, this, &MainWindow::showBackup);
    fileMenu->addSeparator();
    // The window goes; with a tray the app goes on there (DesktopApplication).
    QAction* closeAction = fileMenu->addAction(tr("C&lose Window"));
    closeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    closeAction->setObjectName(QStringLiteral("closeWindowAction"));
    connect(closeAction, &QAction::triggered, this, &QWidget::close);
    QAction* quitAction = fileMenu->addAction(tr("&Quit"));
    // Ctrl+Q on every desktop, as the user guide says: QKeySequence::Quit
    // has no key on Windows or where Qt knows no key scheme.
    quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quitAction->setObjectName(QStringLiteral("quitAction"));
    quitAction->setMenuRole(QAction::QuitRole);
    connect(quitAction, &QAction::triggered, this, &MainWindow::quitRequested);

    QMenu* sourceMenu = menuBar()->addMenu(tr("&Source"));
    sourceMenu->addActions(m_ingestionsPage->sourceActions());

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    const QString pageNames[] = {tr("&Ingestions"), tr("&Archive")};
    for (int page = 0; page < 2; ++page) {
        QAction* show = viewMenu->addAction(pageNames[page]);
        show->setProperty(ShortcutCatalog::DescriptionProperty,
                          page == 0 ? tr("Show the Ingestions page") : tr("Show the Archive page"));
        show->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + page)));
        connect(show, &QAction::triggered, this, [this, page] {
            m_navigation->setCurrentRow(page);
            // The keys go where the page's work is: the sources' table, or
            // the message list, as a mail client opens.
            if (page == 0) {
                m_ingestionsPage->table()->setFocus(Qt::ShortcutFocusReason);
            } else {
                m_archivePage->messageListView()->setFocus(Qt::ShortcutFocusReason);
            }
        });
    }

    viewMenu->addSeparator();
    QAction* searchAction = viewMenu->addAction(tr("&Search Mail"));
    searchAction->setObjectName(QStringLiteral("searchAction"));
    // Ctrl+K from anywhere in the window, Ctrl+F as in every program that
    // finds things: both go to the Archive page's search box.
    searchAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_F)});
    searchAction->setProperty(ShortcutCatalog::DescriptionProperty, tr("Search the archive"));
    connect(searchAction, &QAction::triggered, this, [this] {
        m_navigation->setCurrentRow(1);
        m_archivePage->focusSearch();
    });

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* guideAction = helpMenu->addAction(tr("&User Guide"));
    guideAction->setObjectName(QStringLiteral("userGuideAction"));
    // F1 on every desktop, like F5: QKeySequence::HelpContents is Ctrl+? on macOS.
    guideAction->setShortcut(QKeySequence(Qt::Key_F1));
    guideAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(guideAction, &QAction::triggered, this, &MainWindow::showUserGuide);
    QAction* shortcutsAction = helpMenu->addAction(tr("&Keyboard Shortcuts…"));
    shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    connect(shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    helpMenu->addSeparator();
    QAction* aboutAction = helpMenu->addAction(tr("&About %1").arg(AppInfo::displayName()));
    aboutAction->setMenuRole(QAction::AboutRole);
    aboutAction->setObjectName(QStringLiteral("aboutAction"));
    connect(aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    QAction* aboutQtAction = helpMenu->addAction(tr("About &Qt"));
    aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::showAbout()
{
    // open(), not exec(): the main loop keeps running (syncs keep reporting).
    auto* dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showUserGuide()
{
    if (!QDesktopServices::openUrl(QUrl(AppInfo::userGuideUrl()))) {
        m_statusMessage->showMessage(
            tr("No web browser opened the user guide. It is at %1").arg(AppInfo::userGuideUrl()), 0);
    }
}

BackupDialog* MainWindow::showBackup()
{
    // One at a time: a second would copy the same archive again.
    if (auto* open = findChild<BackupDialog*>()) {
        open->raise();
        open->activateWindow();
        return open;
    }
    // Not modal: a backup of a large archive takes minutes, and the window
    // stays usable meanwhile (syncs go on; the copy is a snapshot).
    auto* dialog = new BackupDialog(m_archive.path(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

ImportMailDialog* MainWindow::showImport(const QStringList& paths)
{
    auto* dialog = findChild<ImportMailDialog*>();
    if (dialog == nullptr) {
        // Not modal: a big mbox takes minutes; the window shows the mail as
        // it comes in.
        dialog = new ImportMailDialog(m_archive.path(), m_queries, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ImportMailDialog::mailStored, m_ingestionsPage->model(), &SourceTableModel::recountArchive);
    }
    dialog->addPaths(paths);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

RestoreDialog* MainWindow::showRestore()
{
    m_navigation->setCurrentRow(1);
    const std::optional<ExportDialog::Offer> offer = m_archivePage->listOffer();
    if (!offer) {
        m_statusMessage->showMessage(tr("Choose the messages to restore on the Archive page first."), 0);
        return nullptr;
    }
    auto* dialog = new RestoreDialog(m_archive.path(), *offer, m_queries, m_credentials, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool local =
        !urls.isEmpty() && std::all_of(urls.cbegin(), urls.cend(), [](const QUrl& url) { return url.isLocalFile(); });
    if (local) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            paths << url.toLocalFile();
        }
    }
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        showImport(paths);
    }
}

SettingsDialog* MainWindow::showSettings()
{
    if (auto* open = findChild<SettingsDialog*>()) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* dialog = new SettingsDialog(m_manager, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setArchive(m_archive.path(), m_archive.path() == ArchiveDatabase::defaultPath());
    connect(dialog, &SettingsDialog::archiveMoved, this, &MainWindow::restartRequested);
    dialog->show();
    return dialog;
}

ShortcutsWindow* MainWindow::showShortcuts()
{
    if (auto* open = findChild<ShortcutsWindow*>()) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* window = new ShortcutsWindow(shortcutGroups(), this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
}

QList<ShortcutCatalog::Group> MainWindow::shortcutGroups()
{
    using ShortcutCatalog::Entry;
    // Keys Qt handles itself (no QAction says them): named by hand.
    const QString enter = tr("Enter");
    const QString escape = tr("Escape");

    QList<ShortcutCatalog::Group> groups;
    groups.append({tr("Main window"), ShortcutCatalog::shortcuts(this, m_ingestionsPage)});

    QList<Entry> ingestions = ShortcutCatalog::shortcuts(m_ingestionsPage);
    ingestions << Entry {enter, tr("View details of the selected source")}
               << Entry {tr("Menu key"), tr("The selected source's actions as a menu")}
               << Entry {tr("Tab"), tr("Leaves the table (the arrows move between rows; the selection stays)")};
    groups.append({tr("Ingestions"), ingestions});

    // A dialog's keys are read from a dialog built for the purpose and never
    // shown: its buttons and labels are the ones the user will get.
    {
        SourceDialog dialog(m_service, m_credentials, m_queries);
        QList<Entry> entries = ShortcutCatalog::shortcuts(&dialog);
        entries << ShortcutCatalog::mnemonics(&dialog) << Entry {enter, tr("Save changes (also right after a test)")}
                << Entry {escape, tr("Cancel")};
        groups.append({tr("Create New / Edit"), entries});
    }
    {
        SourceDetailsDialog dialog(m_queries, m_manager, m_service, 0);
        QList<Entry> entries = ShortcutCatalog::mnemonics(&dialog);
        entries << Entry {escape, tr("Close")};
        groups.append({tr("Details"), entries});
    }
    {
        QList<Entry> archive = ShortcutCatalog::mnemonics(m_archivePage);
        archive << Entry {tr("Tab, Shift+Tab"), tr("Between the folders, the message list and the message")}
                << Entry {tr("Arrows, Page Up/Down, Home, End"),
                          tr("Move in the folders or the messages (the message shows below)")}
                << Entry {enter, tr("Open the message in its own window")}
                << Entry {tr("Down"), tr("In the search box: to the results")}
                << Entry {escape, tr("In the search box: clear the search; again: to the results")};
        groups.append({tr("Archive"), archive});
    }
    {
        MessageWindow window(m_queries);
        QList<Entry> entries = ShortcutCatalog::shortcuts(&window);
        groups.append({tr("Message window"), entries});
    }
    groups.append({tr("Any dialog"), {Entry {escape, tr("Close it")}}});
    return groups;
}

void MainWindow::setCloseGuard(std::function<bool()> guard)
{
    m_closeGuard = std::move(guard);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWindowState();
    if (m_closeGuard && !m_closeGuard()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray())) {
        resize(1240, 740);
    }
    restoreState(settings.value(StateKey).toByteArray());
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
}
