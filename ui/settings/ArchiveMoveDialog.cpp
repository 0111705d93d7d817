#include "ArchiveMoveDialog.h"

#include "archive/ArchiveMove.h"
#include "common/ThemeColors.h"
#include "sync/SyncManager.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace {

constexpr int RestartDelayMs = 1500;

} // namespace

ArchiveMoveDialog::ArchiveMoveDialog(QString archivePath, SyncManager* manager, QWidget* parent)
    : TaskDialog(parent)
    , m_archivePath(std::move(archivePath))
    , m_manager(manager)
    , m_path(new QLineEdit(this))
    , m_choose(new QPushButton(tr("&Choose…"), this))
    , m_progress(new QProgressBar(this))
    , m_move(new QPushButton(tr("&Move"), this))
{
    setObjectName(QStringLiteral("ArchiveMoveDialog"));
    setWindowTitle(tr("Move Archive"));
    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->setSpacing(10);

    auto* intro = new QLabel(tr("Your archive is %1.\n\nMoving it stops archiving for a moment, copies the archive "
                                "to the new file, checks the copy and restarts OpenArchiver with it. The old file "
                                "is removed once the new one is in use; if anything goes wrong, the archive stays "
                                "where it is.")
                                 .arg(QDir::toNativeSeparators(m_archivePath)),
                             this);
    intro->setObjectName(QStringLiteral("moveIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    intro->setMinimumWidth(fontMetrics().height() * 38);
    layout->addWidget(intro);

    auto* pathRow = new QHBoxLayout;
    auto* pathLabel = new QLabel(tr("Move &to:"), this);
    pathLabel->setBuddy(m_path);
    m_path->setObjectName(QStringLiteral("movePathEdit"));
    m_path->setAccessibleName(tr("New archive file"));
    m_choose->setObjectName(QStringLiteral("chooseMoveTargetButton"));
    m_choose->setAccessibleName(tr("Choose the new archive file"));
    pathRow->addWidget(pathLabel);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_choose);
    layout->addLayout(pathRow);

    addTaskRows(layout,
                m_progress,
                m_move,
                {QStringLiteral("moveProgress"),
                 tr("Copy progress"),
                 QStringLiteral("moveMessage"),
                 tr("Move status"),
                 QStringLiteral("moveButton"),
                 QStringLiteral("closeMoveButton")});

    connect(m_choose, &QPushButton::clicked, this, &ArchiveMoveDialog::chooseFile);
    connect(m_move, &QPushButton::clicked, this, &ArchiveMoveDialog::startMove);
    m_path->setFocus();
}

ArchiveMoveDialog::~ArchiveMoveDialog()
{
    // Closed while the syncs were stopping: nothing will be moved, so
    // they must not stay stopped.
    if (m_stopping && m_manager) {
        m_stopping = false;
        QPointer<SyncManager> manager(m_manager);
        m_manager->shutdown([manager] {
            if (manager) {
                manager->restartAfterStop();
            }
        });
    }
}

QString ArchiveMoveDialog::targetPath() const
{
    return QDir::fromNativeSeparators(m_path->text().trimmed());
}

void ArchiveMoveDialog::setTargetPath(const QString& path)
{
    m_path->setText(QDir::toNativeSeparators(path));
}

void ArchiveMoveDialog::failAfterCopyForTesting()
{
    m_failAfterCopy = true;
}

void ArchiveMoveDialog::chooseFile()
{
    const QString start = targetPath().isEmpty() ? m_archivePath : targetPath();
    chooseArchiveFile(tr("Move Archive To"), start, tr("Archives"), [this](const QString& file) {
        setTargetPath(file);
        m_move->setFocus();
    });
}

void ArchiveMoveDialog::startMove()
{
    if (isRunning() || m_stopping) {
        return;
    }
    const QString target = targetPath().isEmpty() ? QString() : QFileInfo(targetPath()).absoluteFilePath();
    if (const QString refused = ArchiveMove(m_archivePath, target).checkTarget(); !refused.isEmpty()) {
        showMessage(refused, true);
        return;
    }
    setRunning(true);
    showMessage(tr("Stopping the syncs…"), false);
    m_stopping = true;
    // A pass stops at its next batch; mail it stored is in the copy.
    QPointer<ArchiveMoveDialog> self(this);
    m_manager->shutdown([self, target] {
        if (self && self->m_stopping) {
            self->m_stopping = false;
            self->copy(target);
        }
    });
}

void ArchiveMoveDialog::copy(const QString& target)
{
    showMessage(tr("Copying the archive…"), false);
    auto result = std::make_shared<ArchiveMove::Result>();
    startTask(
        [this, archive = m_archivePath, target, result, failAfterCopy = std::exchange(m_failAfterCopy, false)] {
            ArchiveMove move(archive, target);
            if (failAfterCopy) {
                move.failAfterCopyForTesting();
            }
            int shown = -1;
            *result = move.copy([this, &shown](qint64 done, qint64 total, qint64 pageSize) {
                const int step = total > 0 ? static_cast<int>(done * ProgressSteps / total) : ProgressSteps;
                if (step != shown) {
                    shown = step;
                    QMetaObject::invokeMethod(
                        this,
                        [this, done, total, pageSize] {
                            showByteProgress(m_progress, done * pageSize, total * pageSize);
                        },
                        Qt::QueuedConnection);
                }
                return !QThread::currentThread()->isInterruptionRequested();
            });
        },
        [this, result, target] {
            setRunning(false);
            if (result->succeeded()) {
                *result = ArchiveMove(m_archivePath, target).switchToCopy(*result);
            }
            if (result->succeeded()) {
                m_move->setEnabled(false);
                m_progress->setValue(ProgressSteps);
                showMessage(tr("The archive is now %1. OpenArchiver restarts to use it.")
                                .arg(QDir::toNativeSeparators(result->target)),
                            false);
                ThemeColors::apply(messageLabel(), ThemeColors::Role::Success);
                // A moment to read it before the window goes and comes back;
                // closing the dialog meanwhile restarts at once.
                m_movedTo = result->target;
                QTimer::singleShot(RestartDelayMs, this, &ArchiveMoveDialog::finishMove);
                return;
            }
            m_progress->setValue(0);
            m_progress->setFormat(QString());
            m_manager->restartAfterStop();
            showMessage(result->cancelled
                            ? tr("The move was cancelled. The archive stays where it is, and archiving goes on.")
                            : tr("%1\n\nThe archive stays where it is, and archiving goes on.").arg(result->error),
                        !result->cancelled);
            emit moveFailed();
        });
}

void ArchiveMoveDialog::reject()
{
    if (!m_movedTo.isEmpty()) {
        finishMove();
        return;
    }
    TaskDialog::reject();
}

void ArchiveMoveDialog::finishMove()
{
    if (!m_movedTo.isEmpty()) {
        emit moved(std::exchange(m_movedTo, {}));
    }
}

void ArchiveMoveDialog::setRunning(bool running)
{
    m_path->setEnabled(!running);
    m_choose->setEnabled(!running);
    m_move->setEnabled(!running);
    setTaskRunning(running);
    (running ? static_cast<QWidget*>(closeButton()) : m_move)->setFocus();
}
