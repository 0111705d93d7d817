#pragma once

#include "common/TaskDialog.h"

class QLineEdit;
class QProgressBar;
class QPushButton;
class SyncManager;

// Settings → Archive → Move…: moves the user's archive to another file
// (ArchiveMove). The syncs stop first (SyncManager::shutdown), the copy runs
// on a thread of its own with progress and Cancel, and then either the
// application restarts with the archive in its new place (moved()), or —
// cancelled or failed at any step — the old archive stays in use, untouched,
// and the syncs start again.
class ArchiveMoveDialog : public TaskDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArchiveMoveDialog)

public:
    ArchiveMoveDialog(QString archivePath, SyncManager* manager, QWidget* parent = nullptr);
    ~ArchiveMoveDialog() override;

    QString targetPath() const;
    void setTargetPath(const QString& path);
    // Test hook: ArchiveMove::failAfterCopyForTesting for the next move only.
    void failAfterCopyForTesting();

public slots:
    void startMove();
    // After a move the restart comes at once; otherwise TaskDialog's.
    void reject() override;

signals:
    // The archive is at `path` now and the setting names it: the
    // application restarts to use it.
    void moved(const QString& path);
    // The move ended without moving (failed or cancelled); syncing goes on.
    void moveFailed();

private:
    void chooseFile();
    void copy(const QString& target);
    void setRunning(bool running);
    void finishMove();

    QString m_archivePath;
    SyncManager* m_manager;
    QLineEdit* m_path;
    QPushButton* m_choose;
    QProgressBar* m_progress;
    QPushButton* m_move;
    bool m_failAfterCopy = false;
    bool m_stopping = false; // waiting for the syncs to stop
    QString m_movedTo; // moved; the restart is still to be asked for
};
