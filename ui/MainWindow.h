#pragma once

#include "archive/Archive.h"
#include "help/ShortcutCatalog.h"

#include <QMainWindow>

#include <functional>

class ArchivePage;
class BackupDialog;
class ImportMailDialog;
class RestoreDialog;
class ArchiveQueryRunner;
class CredentialStore;
class SourceService;
class IngestionsPage;
class QListWidget;
class QStackedWidget;
class QLabel;
class SettingsDialog;
class ShortcutsWindow;
class StatusMessageLabel;
class SyncManager;

// The window the user lives in: a navigation list on the left (Ingestions,
// Archive), the selected page on the right, a toolbar with the actions on
// sources, and a status bar that sums up what is syncing.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // The archive must be open; manager and credentials must outlive this.
    MainWindow(Archive archive,
               SyncManager* manager,
               SourceService* service,
               CredentialStore* credentials,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    IngestionsPage* ingestionsPage() const;
    ArchivePage* archivePage() const;
    // Every read of the archive the windows make goes through it.
    ArchiveQueryRunner* queries() const;
    // The Ingestions page with the source's details open (a notification
    // was clicked).
    void showSourceDetails(qint64 sourceId);

    // Asked when the user closes the window: true lets it close, false
    // keeps it (the guard hid it to the tray, or asks first). Without a
    // guard the window closes.
    void setCloseGuard(std::function<bool()> guard);

signals:
    // File → Quit: the application decides (it stops the syncs first).
    void quitRequested();
    // The archive moved (Settings): the application restarts to use it.
    void restartRequested();

public slots:
    void showAbout();
    // F1: the user guide in the browser.
    void showUserGuide();
    // Help → Keyboard shortcuts; raises the window when it is open.
    ShortcutsWindow* showShortcuts();
    // File → Settings…: non-modal, one at a time.
    SettingsDialog* showSettings();
    // File → Back Up Archive…; raises the dialog when it is open.
    BackupDialog* showBackup();
    // File → Import Mail…, or files dropped on the window: the paths are
    // added to the dialog's list (one dialog at a time).
    ImportMailDialog* showImport(const QStringList& paths = {});
    // File → Restore to Server…: the Archive page's selection or list.
    RestoreDialog* showRestore();

protected:
    void closeEvent(QCloseEvent* event) override;
    // Mail files dropped on the window open the import.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void createToolBar();
    void createPages();
    void updateSummary();
    // Read from this window, the Ingestions page and each dialog as built,
    // so the list says what the keys do today.
    QList<ShortcutCatalog::Group> shortcutGroups();
    void restoreWindowState();
    void saveWindowState() const;

    Archive m_archive;
    SyncManager* m_manager;
    SourceService* m_service;
    CredentialStore* m_credentials;
    ArchiveQueryRunner* m_queries;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    IngestionsPage* m_ingestionsPage = nullptr;
    ArchivePage* m_archivePage = nullptr;
    QLabel* m_summary = nullptr;
    StatusMessageLabel* m_statusMessage = nullptr;
    std::function<bool()> m_closeGuard;
};
