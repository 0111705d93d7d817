#pragma once

#include "common/TaskDialog.h"

#include <functional>
#include <memory>

class QDate;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
struct BackupResult;

// File → Back Up Archive…: a consistent copy of the archive in one file
// (ArchiveBackup), taken on a thread of its own while syncs go on. Not
// modal: the main window stays usable during a copy that can take minutes.
// Escape or Cancel during a copy cancels it and leaves no file; closing the
// dialog waits for the cancel (between two steps of 4 MB).
class BackupDialog : public TaskDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupDialog)

public:
    explicit BackupDialog(QString archivePath, QWidget* parent = nullptr);
    ~BackupDialog() override;

    // "OpenArchiver backup 2026-12-07.sqlite" in the Documents folder.
    static QString defaultTarget(const QDate& date);

    QString targetPath() const;
    void setTargetPath(const QString& path);
    // Called on the copy's thread after each step with the pages done, before
    // the step's cancel check: tests act there at a known point of a copy
    // that would otherwise race them.
    void setStepObserver(std::function<void(qint64 pagesDone)> observer);
    // Pages per step of the next copy (ArchiveBackup's default otherwise).
    void setPagesPerStep(int pages);

public slots:
    // Starts the copy (or, when the file exists, first asks in the dialog
    // whether to replace it: a second Back Up replaces it).
    void startBackup();
signals:
    // The copy ended: finished, failed or cancelled; the dialog says which.
    void backupEnded(bool succeeded);

private:
    void chooseFile();
    void showProgress(qint64 doneBytes, qint64 totalBytes);
    void showResult(const BackupResult& result);
    void setRunning(bool running);

    QString m_archivePath;
    QLineEdit* m_path;
    QPushButton* m_choose;
    QProgressBar* m_progress;
    QPushButton* m_backUp;
    // The path whose replacement the user confirmed (a second Back Up, or
    // the file chooser's own question).
    QString m_replaceConfirmed;
    std::function<void(qint64)> m_stepObserver;
    int m_pagesPerStep = 0;
};
