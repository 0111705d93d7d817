#pragma once

#include "TrayState.h"

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;
class SourceTableModel;
class SyncManager;

// The application's icon in the system tray: its look and tooltip follow
// the sources (TrayState), its menu opens the window, syncs, pauses or
// resumes every source and quits. It only says what the user asked for
// (the signals); the application object does it.
class TrayIcon : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    // `model` is the Ingestions table's: the tray reads no archive itself.
    TrayIcon(SourceTableModel* model, SyncManager* manager, QObject* parent = nullptr);
    ~TrayIcon() override;

    void show();
    bool isVisible() const;
    TrayState state() const;
    QSystemTrayIcon* systemTrayIcon() const;
    QMenu* menu() const;
    QAction* openAction() const;
    QAction* syncAllAction() const;
    QAction* pauseResumeAction() const;
    QAction* quitAction() const;
    // The setting that turns notifications off (Notifier::isEnabled).
    QAction* notificationsAction() const;

    // A desktop notification where the platform has them (the tray's
    // balloon elsewhere).
    void notify(const QString& title, const QString& text);

signals:
    void openRequested();
    // A click on the icon: the window comes forward, or goes when it is
    // in front already.
    void toggleWindowRequested();
    void syncAllRequested();
    void pauseAllRequested();
    void resumeAllRequested();
    void quitRequested();
    // notify() was called (tests; the deduplication of the notifications).
    void notificationShown(const QString& title, const QString& text);

private:
    void refresh();

    SourceTableModel* m_model;
    SyncManager* m_manager;
    QSystemTrayIcon* m_icon;
    QMenu* m_menu;
    QAction* m_open;
    QAction* m_syncAll;
    QAction* m_pauseResume;
    QAction* m_quit;
    QAction* m_notifications;
    TrayState m_state;
    bool m_hasLook = false;
};
