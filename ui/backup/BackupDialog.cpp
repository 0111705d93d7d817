#include "BackupDialog.h"

#include "archive/ArchiveBackup.h"
#include "common/ThemeColors.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QThread>
#include <QVBoxLayout>

BackupDialog::BackupDialog(QString archivePath, QWidget* parent)
    : TaskDialog(parent)
    , m_archivePath(std::move(archivePath))
    , m_path(new QLineEdit(this))
    , m_choose(new QPushButton(tr("&Choose…"), this))
    , m_progress(new QProgressBar(this))
    , m_backUp(new QPushButton(tr("&Back Up"), this))
{
    setObjectName(QStringLiteral("BackupDialog"));
    setWindowTitle(tr("Back Up Archive"));
    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->setSpacing(10);

    auto* intro = new QLabel(tr("A backup is a copy of your whole archive in one file. It is taken safely while "
                                "mail is being archived: it holds everything archived up to the moment it starts."),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    // Wide enough for the suggested path in the Documents folder.
    intro->setMinimumWidth(fontMetrics().height() * 38);
    layout->addWidget(intro);

    auto* pathRow = new QHBoxLayout;
    auto* pathLabel = new QLabel(tr("Back up &to:"), this);
    pathLabel->setBuddy(m_path);
    m_path->setObjectName(QStringLiteral("backupPathEdit"));
    m_path->setAccessibleName(tr("Backup file"));
    m_path->setText(defaultTarget(QDate::currentDate()));
    m_choose->setObjectName(QStringLiteral("chooseBackupFileButton"));
    m_choose->setAccessibleName(tr("Choose the backup file"));
    pathRow->addWidget(pathLabel);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_choose);
    layout->addLayout(pathRow);

    addTaskRows(layout,
                m_progress,
                m_backUp,
                {QStringLiteral("backupProgress"),
                 tr("Backup progress"),
                 QStringLiteral("backupMessage"),
                 tr("Backup status"),
                 QStringLiteral("backUpButton"),
                 QStringLiteral("closeBackupButton")});

    connect(m_choose, &QPushButton::clicked, this, &BackupDialog::chooseFile);
    connect(m_backUp, &QPushButton::clicked, this, &BackupDialog::startBackup);
    // Another file than the one whose replacement was confirmed asks again.
    connect(m_path, &QLineEdit::textEdited, this, [this] {
        m_replaceConfirmed.clear();
        m_backUp->setText(tr("&Back Up"));
    });
    m_path->setFocus();
}

BackupDialog::~BackupDialog() = default;

QString BackupDialog::defaultTarget(const QDate& date)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
        folder = QDir::homePath();
    }
    //: The suggested file name of a backup; %1 is the date as 2026-12-07.
    return QDir::toNativeSeparators(
        QDir(folder).filePath(tr("OpenArchiver backup %1.sqlite").arg(date.toString(Qt::ISODate))));
}

QString BackupDialog::targetPath() const
{
    return QDir::fromNativeSeparators(m_path->text().trimmed());
}

void BackupDialog::setTargetPath(const QString& path)
{
    m_path->setText(QDir::toNativeSeparators(path));
    m_replaceConfirmed.clear();
    m_backUp->setText(tr("&Back Up"));
}

void BackupDialog::setStepObserver(std::function<void(qint64)> observer)
{
    m_stepObserver = std::move(observer);
}

void BackupDialog::setPagesPerStep(int pages)
{
    m_pagesPerStep = pages;
}

void BackupDialog::chooseFile()
{
    chooseArchiveFile(tr("Back Up Archive To"), targetPath(), tr("Archive backups"), [this](const QString& file) {
        setTargetPath(file);
        // The chooser asked already whether to replace an existing file.
        m_replaceConfirmed = QFileInfo(file).absoluteFilePath();
        m_backUp->setFocus();
    });
}

void BackupDialog::startBackup()
{
    if (isRunning()) {
        return;
    }
    if (targetPath().isEmpty()) {
        showMessage(tr("Choose a file to back up to."), true);
        return;
    }
    const QString target = QFileInfo(targetPath()).absoluteFilePath();
    if (const QString refused = ArchiveBackup(m_archivePath, target).checkTarget(); !refused.isEmpty()) {
        showMessage(refused, true);
        return;
    }
    // Asked in the dialog itself rather than in a box over it: the answer
    // is the same button again, or another name.
    if (QFileInfo::exists(target) && m_replaceConfirmed != target) {
        m_replaceConfirmed = target;
        m_backUp->setText(tr("&Replace"));
        showMessage(tr("%1 exists. Choose Replace to overwrite it with a new backup, or another name.")
                        .arg(QDir::toNativeSeparators(target)),
                    false);
        return;
    }

    setRunning(true);
    m_progress->setValue(0);
    m_progress->setFormat(QString());
    showMessage(tr("Backing up…"), false);
    auto result = std::make_shared<BackupResult>();
    // The thread opens its own connection to the archive (ArchiveBackup
    // does, on the thread it runs on) and closes it before it ends.
    startTask(
        [this, archive = m_archivePath, target, result, observer = m_stepObserver, pagesPerStep = m_pagesPerStep] {
            ArchiveBackup backup(archive, target);
            if (pagesPerStep > 0) {
                backup.setPagesPerStep(pagesPerStep);
            }
            int shown = -1;
            *result = backup.run([this, &shown, &observer](qint64 done, qint64 total, qint64 pageSize) {
                if (observer) {
                    observer(done);
                }
                // Only what the bar can show crosses to the UI thread.
                const int step = total > 0 ? static_cast<int>(done * ProgressSteps / total) : ProgressSteps;
                if (step != shown) {
                    shown = step;
                    QMetaObject::invokeMethod(
                        this,
                        [this, done, total, pageSize] { showProgress(done * pageSize, total * pageSize); },
                        Qt::QueuedConnection);
                }
                return !QThread::currentThread()->isInterruptionRequested();
            });
        },
        [this, result] { showResult(*result); });
}

void BackupDialog::showProgress(qint64 doneBytes, qint64 totalBytes)
{
    showByteProgress(m_progress, doneBytes, totalBytes);
}

void BackupDialog::showResult(const BackupResult& result)
{
    setRunning(false);
    m_replaceConfirmed.clear();
    m_backUp->setText(tr("&Back Up"));
    if (result.succeeded()) {
        m_progress->setValue(ProgressSteps);
        showMessage(result.summary(), false);
        ThemeColors::apply(messageLabel(), ThemeColors::Role::Success);
    } else {
        m_progress->setValue(0);
        m_progress->setFormat(QString());
        showMessage(result.summary(), !result.cancelled);
    }
    emit backupEnded(result.succeeded());
}

void BackupDialog::setRunning(bool running)
{
    m_path->setEnabled(!running);
    m_choose->setEnabled(!running);
    m_backUp->setEnabled(!running);
    setTaskRunning(running);
    // Keyboard focus must not stay on a button that was just disabled.
    (running ? static_cast<QWidget*>(closeButton()) : m_backUp)->setFocus();
}
