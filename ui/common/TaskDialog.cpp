#include "TaskDialog.h"

#include "ThemeColors.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

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

void TaskDialog::showByteProgress(QProgressBar* bar, qint64 doneBytes, qint64 totalBytes)
{
    bar->setValue(totalBytes > 0 ? static_cast<int>(doneBytes * ProgressSteps / totalBytes) : ProgressSteps);
    const auto size = [](qint64 bytes) {
        return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
    };
    //: Progress of a copy: "1.2 GB of 10.2 GB".
    const QString text = tr("%1 of %2").arg(size(doneBytes), size(totalBytes));
    // A literal format: sizes hold no %p, %v or %m.
    bar->setFormat(text);
    bar->setAccessibleDescription(text);
}

void TaskDialog::addTaskRows(QVBoxLayout* layout,
                             QProgressBar* progress,
                             QPushButton* action,
                             const TaskRowNames& names)
{
    progress->setObjectName(names.progress);
    progress->setAccessibleName(names.progressSpoken);
    progress->setRange(0, ProgressSteps);
    progress->setValue(0);
    progress->setFormat(QString());
    layout->addWidget(progress);

    m_message->setObjectName(names.message);
    m_message->setAccessibleName(names.messageSpoken);
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(this);
    action->setObjectName(names.action);
    action->setDefault(true);
    m_close->setObjectName(names.close);
    buttons->addButton(action, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
}

void TaskDialog::chooseArchiveFile(const QString& title,
                                   const QString& startFile,
                                   const QString& filterName,
                                   std::function<void(const QString&)> chosen)
{
    auto* chooser = new QFileDialog(this, title, QFileInfo(startFile).absolutePath());
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setFileMode(QFileDialog::AnyFile);
    chooser->setDefaultSuffix(QStringLiteral("sqlite"));
    chooser->setNameFilters({filterName + QStringLiteral(" (*.sqlite)"), tr("All files (*)")});
    chooser->selectFile(QFileInfo(startFile).fileName());
    connect(chooser, &QFileDialog::fileSelected, this, std::move(chosen));
    chooser->open();
}

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
