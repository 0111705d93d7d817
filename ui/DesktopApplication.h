#pragma once

#include "archive/Archive.h"
#include "credentials/CredentialStore.h"

#include <QObject>

#include <functional>
#include <memory>

class MainWindow;
class NetworkMonitor;
class Notifier;
class QTimer;
class SourceService;
class SyncManager;
class TrayIcon;

// The GUI as an application rather than a window: it owns the archive, the
// credential store, the sync manager, the source service, the main window
// and the tray icon. Closing the window hides it while a tray exists, and
// syncing goes on; the process ends only when the user quits (window menu,
// tray menu, session end), and only after every running pass has stopped.
//
// Where no tray exists, closing the window quits, after asking when a sync
// is running. Desktop sessions often start their tray after the apps of the
// session, so the tray is looked for again for TrayWatchMs after start.
class DesktopApplication : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopApplication)

public:
    static constexpr int TrayWatchMs = 10000;

    // The archive must be open.
    DesktopApplication(Archive archive, std::unique_ptr<CredentialStore> credentials, QObject* parent = nullptr);
    ~DesktopApplication() override;

    // The system keychain for this archive, with the passwords the user
    // chose to keep for this session only when no keychain answers.
    static std::unique_ptr<CredentialStore> systemCredentials(const Archive& archive);

    // Shows the window (or, with `minimized` and a tray, only the icon) and
    // starts syncing.
    void start(bool minimized);

    MainWindow* window() const;
    TrayIcon* tray() const;
    Notifier* notifier() const;
    SyncManager* syncManager() const;
    NetworkMonitor* networkMonitor() const;
    SourceService* sourceService() const;
    // The icon is in a tray the user can reach.
    bool isInTray() const;

    // Brings the window forward (a second launch, the tray's Open).
    void showWindow();
    // Stops every pass (at a batch boundary) and then emits finished().
    void quit();
    bool isQuitting() const;
    // quit(), after which the process starts itself again (the archive
    // moved); main() does the start once everything here has closed.
    void restart();
    bool isRestartRequested() const;

    // Tests: replaces QSystemTrayIcon::isSystemTrayAvailable().
    void setTrayProbe(std::function<bool()> probe);

signals:
    // Quit has stopped every sync: the event loop may end.
    void finished();

private:
    // MainWindow's close guard: true lets the window close (and the app quit).
    bool handleWindowClose();
    void showTrayWhenAvailable();
    void noticeStillRunning();
    void askBeforeQuitting();
    void toggleWindow();
    void syncAll();
    void pauseAll();
    void resumeAll();
    void setAllPaused(bool paused);

    Archive m_archive;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<SyncManager> m_manager;
    std::unique_ptr<SourceService> m_service;
    std::unique_ptr<MainWindow> m_window;
    TrayIcon* m_tray = nullptr;
    Notifier* m_notifier = nullptr;
    NetworkMonitor* m_network = nullptr; // offline, back online, woke from sleep
    bool m_restartRequested = false;
    QTimer* m_trayWatch = nullptr;
    std::function<bool()> m_trayProbe;
    int m_trayChecks = 0;
    bool m_startMinimized = false;
    bool m_quitting = false;
    bool m_sessionEnding = false;
};
