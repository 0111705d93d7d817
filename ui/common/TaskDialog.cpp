#include "TaskDialog.h"

#include "ThemeColors.h"

#include <QCloseEvent>
#include <QLabel>
#include <QPushButton>
#include <QThread>

void TaskDialog::ThreadStop::operator()(QThread* thread) const
{
    // The task checks between steps and removes what it left half done
    // before its thread ends.
    thread->requestInterruption();
    thread->wait();
    delete thread;
}

TaskDialog::TaskDialog(QWidget* parent)
    : QDialog(parent)
    , m_message(new QLabel(this))
    , m_close(new QPushButton(tr("Close"), this))
{
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Room for a two-line answer from the start: the result arriving moves
    // no button from under the pointer.
    m_message->setMinimumHeight(m_message->fontMetrics().height() * 3);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    connect(m_close, &QPushButton::clicked, this, &TaskDialog::reject);
}

TaskDialog::~TaskDialog() = default;

bool TaskDialog::isRunning() const
{
    return m_thread != nullptr;
}

QLabel* TaskDialog::messageLabel() const
{
    return m_message;
}

QPushButton* TaskDialog::closeButton() const
{
    return m_close;
}

void TaskDialog::startTask(std::function<void()> work, std::function<void()> done)
{
    m_thread.reset(QThread::create(std::move(work)));
    // Queued to this dialog: the destructor waits for the thread before the
    // dialog goes, and an event for a deleted object is never delivered.
    connect(m_thread.get(), &QThread::finished, this, [this, done = std::move(done)] {
        m_thread.reset();
        done();
    });
    m_thread->start();
}

void TaskDialog::reject()
{
    if (isRunning()) {
        m_thread->requestInterruption();
        m_close->setEnabled(false);
        showMessage(tr("Cancelling…"), false);
        return;
    }
    QDialog::reject();
}

void TaskDialog::closeEvent(QCloseEvent* event)
{
    if (isRunning()) {
        // Closing means stop: the dialog stays to say it has.
        reject();
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void TaskDialog::showMessage(const QString& text, bool isError)
{
    m_message->setText(text);
    m_message->setAccessibleDescription(text);
    if (isError) {
        ThemeColors::apply(m_message, ThemeColors::Role::Error);
    } else {
        ThemeColors::clear(m_message);
    }
}

void TaskDialog::setTaskRunning(bool running)
{
    m_close->setEnabled(true);
    m_close->setText(running ? tr("Cancel") : tr("Close"));
}
