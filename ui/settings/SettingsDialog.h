#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class ArchiveMoveDialog;
class SyncManager;

// File → Settings…: the app's settings (AppSettings) in one dialog — how
// often a new source checks for mail, how many sources sync at once, start
// at login, start in the tray, notifications, the language. OK saves and
// applies them at once (the sync manager's limit, the login entry; the
// language at the next start, since the open windows were built in the old
// one); Cancel changes nothing.
// Not modal: syncing and the window go on meanwhile.
class SettingsDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // `manager` gets the new limit of sources syncing at once (may be null).
    explicit SettingsDialog(SyncManager* manager, QWidget* parent = nullptr);

    // The archive in use, shown with a Move… button when it is the user's
    // own (the one the setting names); one opened with --archive is moved
    // by hand.
    void setArchive(const QString& path, bool movable);
    // Settings → Archive → Move…, non-modal, one at a time.
    ArchiveMoveDialog* showArchiveMove();

public slots:
    void accept() override;

signals:
    // The archive moved: the application restarts to use it.
    void archiveMoved(const QString& path);

private:
    SyncManager* m_manager;
    QSpinBox* m_interval;
    QSpinBox* m_concurrent;
    QComboBox* m_language; // data: "de", or empty for the system's
    QLabel* m_archivePath;
    QPushButton* m_moveArchive;
    QLabel* m_languageNote;
    QCheckBox* m_startAtLogin;
    QCheckBox* m_startMinimized;
    QCheckBox* m_notifications;
    QLabel* m_message;
};
