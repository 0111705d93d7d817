#pragma once

#include <QDialog>

#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;
class QThread;

// A dialog that runs one long task at a time on a thread of its own (a
// backup, an export) and stays non-modal meanwhile: its message line says
// how it goes and how it ended, its Close button is Cancel while the task
// runs, and Escape or closing the window cancels the task (the task checks
// QThread::isInterruptionRequested between steps) rather than leaving it.
class TaskDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskDialog)

public:
    ~TaskDialog() override;

    bool isRunning() const;

public slots:
    // Cancels a running task (the dialog stays to say it has); without
    // one, closes the dialog.
    void reject() override;

protected:
    explicit TaskDialog(QWidget* parent = nullptr);

    // Runs `work` on a new thread; `done` runs on this dialog's thread once
    // the thread has ended (never after the dialog is gone: the destructor
    // cancels and waits).
    void startTask(std::function<void()> work, std::function<void()> done);
    // The line under the progress: plain text, selectable, read out.
    QLabel* messageLabel() const;
    // Close, or Cancel while a task runs.
    QPushButton* closeButton() const;
    void showMessage(const QString& text, bool isError);
    // The progress bars count in thousandths: a QProgressBar's range is an
    // int, an archive's bytes are not. showByteProgress() fills such a bar
    // and says "1.2 GB of 10.2 GB".
    static constexpr int ProgressSteps = 1000;
    static void showByteProgress(QProgressBar* bar, qint64 doneBytes, qint64 totalBytes);

    // The object names (for tests) and the names read out of the rows every
    // task dialog ends with.
    struct TaskRowNames
    {
        QString progress;
        QString progressSpoken;
        QString message;
        QString messageSpoken;
        QString action; // the button that starts the task
        QString close;
    };
    // A "save as" chooser for an archive file, opened with open() (the
    // static getSaveFileName runs a nested event loop): it starts at
    // `startFile` and hands the file picked to `chosen`.
    void chooseArchiveFile(const QString& title,
                           const QString& startFile,
                           const QString& filterName,
                           std::function<void(const QString&)> chosen);
    // Adds them to `layout`: `progress` (empty, ProgressSteps long),
    // the message line, then `action` (the default button) and Close.
    void addTaskRows(QVBoxLayout* layout, QProgressBar* progress, QPushButton* action, const TaskRowNames& names);
    // Close becomes Cancel and back; subclasses enable their own inputs
    // and call this.
    void setTaskRunning(bool running);

    void closeEvent(QCloseEvent* event) override;

private:
    struct ThreadStop
    {
        void operator()(QThread* thread) const;
    };

    QLabel* m_message;
    QPushButton* m_close;
    std::unique_ptr<QThread, ThreadStop> m_thread;
};
