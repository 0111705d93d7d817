#include "MainWindow.h"

#include "AppIcon.h"
#include "about/AboutDialog.h"
#include "sources/IngestionsPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

#include "common/AppInfo.h"

namespace {
// Window state lives apart from preferences (STYLE.md): it is not a setting
// the user chose, and losing it must never reset one.
const auto GeometryKey = QStringLiteral("WindowState/mainGeometry");
const auto StateKey = QStringLiteral("WindowState/mainState");
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(AppInfo::displayName());
    setWindowIcon(appIcon());
    setObjectName(QStringLiteral("MainWindow"));

    createPages();
    createMenus();
    statusBar()->showMessage(tr("No ingestion sources"));
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

IngestionsPage* MainWindow::ingestionsPage() const
{
    return m_ingestionsPage;
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
    m_navigation->setMaximumWidth(200);
    m_navigation->setMinimumWidth(150);

    m_pages = new QStackedWidget(central);
    m_ingestionsPage = new IngestionsPage(m_pages);
    m_pages->addWidget(m_ingestionsPage);

    auto* ingestionsItem = new QListWidgetItem(
        QIcon::fromTheme(QStringLiteral("mail-receive"), style()->standardIcon(QStyle::SP_DriveNetIcon)),
        tr("Ingestions"),
        m_navigation);
    ingestionsItem->setToolTip(tr("The email accounts this archive imports from"));

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quitAction = fileMenu->addAction(tr("&Quit"));
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);
    connect(quitAction, &QAction::triggered, qApp, &QApplication::quit);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
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

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray())) {
        resize(1000, 640);
    }
    restoreState(settings.value(StateKey).toByteArray());
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
}
