#include "DesktopApplication.h"

#include "MainWindow.h"
#include "common/AppInfo.h"
#include "common/AppSettings.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/LayeredCredentialStore.h"
#include "credentials/SessionCredentialStore.h"
#include "sources/IngestionsPage.h"
#include "sources/SourceTableModel.h"
#include "sync/NetworkMonitor.h"
#include "sync/SourceService.h"
#include "sync/SyncManager.h"
#include "tray/Notifier.h"
#include "tray/TrayIcon.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTimer>

namespace {

// How often the tray is looked for while TrayWatchMs runs.
constexpr int TrayCheckIntervalMs = 500;
// Set once the user has been told that closing the window keeps the app.
const auto CloseNoticeKey = QStringLiteral("Tray/closeNoticeShown");

} // namespace

DesktopApplication::DesktopApplication(Archive archive, std::unique_ptr<CredentialStore> credentials, QObject* parent)
    : QObject(parent)
    , m_archive(std::move(archive))
    , m_credentials(std::move(credentials))
    , m_manager(std::make_unique<SyncManager>(m_archive, m_credentials.get()))
    , m_service(std::make_unique<SourceService>(m_archive, m_credentials.get(), m_manager.get()))
    , m_window(std::make_unique<MainWindow>(m_archive, m_manager.get(), m_service.get(), m_credentials.get()))
    , m_trayProbe([] { return QSystemTrayIcon::isSystemTrayAvailable(); })
{
    m_manager->setConcurrencyLimit(AppSettings::concurrentSources());
    m_tray = new TrayIcon(m_window->ingestionsPage()->model(), m_manager.get(), this);
    m_window->setCloseGuard([this] { return handleWindowClose(); });
    connect(m_window.get(), &MainWindow::quitRequested, this, &DesktopApplication::quit);
    connect(m_window.get(), &MainWindow::restartRequested, this, &DesktopApplication::restart);
    connect(m_tray, &TrayIcon::openRequested, this, &DesktopApplication::showWindow);
    connect(m_tray, &TrayIcon::toggleWindowRequested, this, &DesktopApplication::toggleWindow);
    connect(m_tray, &TrayIcon::syncAllRequested, this, &DesktopApplication::syncAll);
    connect(m_tray, &TrayIcon::pauseAllRequested, this, &DesktopApplication::pauseAll);
    connect(m_tray, &TrayIcon::resumeAllRequested, this, &DesktopApplication::resumeAll);
    connect(m_tray, &TrayIcon::quitRequested, this, &DesktopApplication::quit);
    m_notifier = new Notifier(m_window->ingestionsPage()->model(), m_window->queries(), m_tray, this);
    connect(m_notifier, &Notifier::openRequested, this, [this](qint64 sourceId) {
        showWindow();
        if (sourceId != 0) {
            m_window->showSourceDetails(sourceId);
        }
    });
    // The session is ending: quit, never hide to the tray.
    connect(qApp, &QGuiApplication::commitDataRequest, this, [this] {
        m_sessionEnding = true;
        quit();
    });

    m_network = new NetworkMonitor(this);
    connect(m_network, &NetworkMonitor::onlineChanged, m_manager.get(), &SyncManager::setOnline);
    connect(m_network, &NetworkMonitor::woke, m_manager.get(), [this] { m_manager->checkAfterWake(); });

    m_trayWatch = new QTimer(this);
    m_trayWatch->setInterval(TrayCheckIntervalMs);
    connect(m_trayWatch, &QTimer::timeout, this, &DesktopApplication::showTrayWhenAvailable);
}

// Members go in reverse: the tray, the window, the service, then the
// manager (its destructor stops what still runs), then the credentials.
DesktopApplication::~DesktopApplication()
{
    delete m_notifier; // it follows the window's model and the tray
    m_notifier = nullptr;
    delete m_tray;
    m_tray = nullptr;
}

std::unique_ptr<CredentialStore> DesktopApplication::systemCredentials(const Archive& archive)
{
    auto* keychain = new KeychainCredentialStore(archive.identity());
    auto* session = new SessionCredentialStore;
    auto layered = std::make_unique<LayeredCredentialStore>(keychain, session);
    keychain->setParent(layered.get());
    session->setParent(layered.get());
    return layered;
}

void DesktopApplication::start(bool minimized)
{
    // Windows come and go; the app ends when the user quits.
    QApplication::setQuitOnLastWindowClosed(false);
    m_startMinimized = minimized;
    m_trayChecks = 0;
    showTrayWhenAvailable();
    if (!m_tray->isVisible()) {
        m_trayWatch->start();
    }
    // Minimized needs a tray to come back from; without one (yet) the window
    // shows, and hides again if a tray turns up while the watch runs.
    if (!minimized || !isInTray()) {
        showWindow();
    }
    // Before the first passes: offline, they wait for the network.
    m_network->start();
    m_manager->setOnline(m_network->isOnline());
    m_manager->start();
}

MainWindow* DesktopApplication::window() const
{
    return m_window.get();
}

Notifier* DesktopApplication::notifier() const
{
    return m_notifier;
}

TrayIcon* DesktopApplication::tray() const
{
    return m_tray;
}

SyncManager* DesktopApplication::syncManager() const
{
    return m_manager.get();
}

NetworkMonitor* DesktopApplication::networkMonitor() const
{
    return m_network;
}

SourceService* DesktopApplication::sourceService() const
{
    return m_service.get();
}

bool DesktopApplication::isInTray() const
{
    return m_tray->isVisible();
}

void DesktopApplication::setTrayProbe(std::function<bool()> probe)
{
    m_trayProbe = std::move(probe);
}

void DesktopApplication::showTrayWhenAvailable()
{
    if (m_tray->isVisible() || m_quitting) {
        m_trayWatch->stop();
        return;
    }
    if (m_trayProbe()) {
        m_trayWatch->stop();
        m_tray->show();
        // Started minimized before the tray was up: now it can go there.
        if (m_startMinimized && m_window->isVisible() && m_trayChecks > 0) {
            m_window->hide();
        }
        return;
    }
    if (++m_trayChecks * TrayCheckIntervalMs >= TrayWatchMs) {
        m_trayWatch->stop();
    }
}

void DesktopApplication::showWindow()
{
    if (m_quitting) {
        return;
    }
    if (m_window->isMinimized()) {
        m_window->showNormal();
    } else {
        m_window->show();
    }
    m_window->raise();
    m_window->activateWindow();
}

void DesktopApplication::toggleWindow()
{
    if (m_window->isVisible() && m_window->isActiveWindow()) {
        m_window->hide();
    } else {
        showWindow();
    }
}

bool DesktopApplication::handleWindowClose()
{
    if (m_quitting || m_sessionEnding) {
        return true;
    }
    if (isInTray()) {
        m_window->hide();
        noticeStillRunning();
        return false;
    }
    if (m_manager->isSyncing()) {
        askBeforeQuitting();
        return false;
    }
    quit();
    return true;
}

void DesktopApplication::noticeStillRunning()
{
    QSettings settings;
    if (settings.value(CloseNoticeKey, false).toBool()) {
        return;
    }
    settings.setValue(CloseNoticeKey, true);
    m_tray->notify(tr("%1 keeps archiving").arg(AppInfo::displayName()),
                   tr("It goes on checking your sources in the background. Open it or quit it from this icon."));
}

void DesktopApplication::askBeforeQuitting()
{
    // Not exec(): a tray click or a second launch must not wait behind it.
    auto* box = new QMessageBox(QMessageBox::Question,
                                tr("Quit %1?").arg(AppInfo::displayName()),
                                tr("A sync is running. Quitting stops it at the next batch; it continues where it "
                                   "stopped the next time %1 starts.")
                                    .arg(AppInfo::displayName()),
                                QMessageBox::NoButton,
                                m_window.get());
    box->setObjectName(QStringLiteral("quitWhileSyncingBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* quitButton = box->addButton(tr("&Quit"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, quitButton] {
        if (box->clickedButton() == quitButton) {
            quit();
        }
    });
    box->open();
}

void DesktopApplication::quit()
{
    if (m_quitting) {
        return;
    }
    m_quitting = true;
    m_trayWatch->stop();
    m_window->hide();
    m_tray->systemTrayIcon()->hide();
    // Every pass stops at its next batch boundary; what it stored stays, and
    // the next start goes on from there.
    m_manager->shutdown([this] { emit finished(); });
}

bool DesktopApplication::isQuitting() const
{
    return m_quitting;
}

void DesktopApplication::restart()
{
    m_restartRequested = true;
    quit();
}

bool DesktopApplication::isRestartRequested() const
{
    return m_restartRequested;
}

void DesktopApplication::syncAll()
{
    SourceTableModel* model = m_window->ingestionsPage()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto source = model->source(model->sourceIdAt(row));
        if (source && source->status != IngestionSource::Status::Paused) {
            m_service->syncNow(source->id);
        }
    }
}

void DesktopApplication::pauseAll()
{
    setAllPaused(true);
}

void DesktopApplication::resumeAll()
{
    setAllPaused(false);
}

void DesktopApplication::setAllPaused(bool paused)
{
    SourceTableModel* model = m_window->ingestionsPage()->model();
    QStringList failures;
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto source = model->source(model->sourceIdAt(row));
        if (!source || (source->status == IngestionSource::Status::Paused) == paused) {
            continue;
        }
        const SourceOutcome outcome = paused ? m_service->pause(source->id) : m_service->resume(source->id);
        if (!outcome.ok()) {
            failures << outcome.message;
        }
    }
    if (!failures.isEmpty()) {
        m_tray->notify(paused ? tr("Cannot pause every source") : tr("Cannot resume every source"),
                       failures.join(QLatin1Char('\n')));
    }
}
