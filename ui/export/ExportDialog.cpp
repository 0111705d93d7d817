#include "ExportDialog.h"

#include "OfferChoice.h"
#include "common/ThemeColors.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QThread>
#include <QVBoxLayout>

ExportDialog::ExportDialog(QString archivePath, Offer offer, QWidget* parent)
    : TaskDialog(parent)
    , m_archivePath(std::move(archivePath))
    , m_offer(std::move(offer))
    , m_what(new OfferChoice(
          tr("Export:"), QStringLiteral("export"), m_offer.selected, m_offer.listDescription, m_offer.preferList, this))
    , m_format(new QComboBox(this))
    , m_keepFolders(new QCheckBox(tr("In a &folder for each source and folder"), this))
    , m_path(new QLineEdit(this))
    , m_choose(new QPushButton(tr("&Choose…"), this))
    , m_progress(new QProgressBar(this))
    , m_export(new QPushButton(tr("&Export"), this))
{
    setObjectName(QStringLiteral("ExportDialog"));
    setWindowTitle(tr("Export Messages"));
    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->setSpacing(10);

    layout->addWidget(m_what);

    auto* form = new QFormLayout;
    m_format->setObjectName(QStringLiteral("exportFormatCombo"));
    m_format->setAccessibleName(tr("Format"));
    m_format->addItem(tr("One mbox file (Thunderbird, Apple Mail, mutt…)"),
                      static_cast<int>(ExportRequest::Format::Mbox));
    m_format->addItem(tr("An .eml file for each message, in a folder"), static_cast<int>(ExportRequest::Format::Eml));
    form->addRow(tr("F&ormat:"), m_format);
    m_keepFolders->setObjectName(QStringLiteral("exportKeepFoldersCheck"));
    m_keepFolders->setChecked(true);
    form->addRow(QString(), m_keepFolders);
    auto* pathRow = new QHBoxLayout;
    m_path->setObjectName(QStringLiteral("exportPathEdit"));
    m_path->setAccessibleName(tr("Export to"));
    m_choose->setObjectName(QStringLiteral("chooseExportTargetButton"));
    m_choose->setAccessibleName(tr("Choose where to export to"));
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_choose);
    auto* pathLabel = new QLabel(tr("Export &to:"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    layout->addLayout(form);

    addTaskRows(layout,
                m_progress,
                m_export,
                {QStringLiteral("exportProgress"),
                 tr("Export progress"),
                 QStringLiteral("exportMessage"),
                 tr("Export status"),
                 QStringLiteral("exportButton"),
                 QStringLiteral("closeExportButton")});
    messageLabel()->setMinimumWidth(fontMetrics().height() * 34);

    m_path->setText(defaultTarget(format(), QDate::currentDate()));
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_choose, &QPushButton::clicked, this, &ExportDialog::chooseTarget);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_path, &QLineEdit::textEdited, this, [this] {
        m_replaceConfirmed.clear();
        m_export->setText(tr("&Export"));
    });
    formatChanged();
    m_export->setFocus();
}

ExportDialog::~ExportDialog() = default;

QString ExportDialog::defaultTarget(ExportRequest::Format format, const QDate& date)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
        folder = QDir::homePath();
    }
    //: The suggested name of an export; %1 is the date as 2026-12-07.
    QString name = tr("OpenArchiver export %1").arg(date.toString(Qt::ISODate));
    if (format == ExportRequest::Format::Mbox) {
        name += QStringLiteral(".mbox");
    }
    return QDir::toNativeSeparators(QDir(folder).filePath(name));
}

ExportRequest::Format ExportDialog::format() const
{
    return static_cast<ExportRequest::Format>(m_format->currentData().toInt());
}

void ExportDialog::setFormat(ExportRequest::Format format)
{
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(format)));
}

void ExportDialog::setExportSelection(bool selection)
{
    m_what->chooseSelection(selection);
}

QString ExportDialog::targetPath() const
{
    return QDir::fromNativeSeparators(m_path->text().trimmed());
}

void ExportDialog::setTargetPath(const QString& path)
{
    m_path->setText(QDir::toNativeSeparators(path));
    m_replaceConfirmed.clear();
    m_export->setText(tr("&Export"));
}

ExportRequest ExportDialog::request() const
{
    ExportRequest request;
    request.format = format();
    request.target = QFileInfo(targetPath()).absoluteFilePath();
    request.keepFolders = m_keepFolders->isChecked();
    request.list = m_offer.list;
    if (m_what->selectionChosen()) {
        request.messageIds = m_offer.selected;
    }
    request.replace = request.format == ExportRequest::Format::Mbox && m_replaceConfirmed == request.target;
    return request;
}

void ExportDialog::formatChanged()
{
    const bool mbox = format() == ExportRequest::Format::Mbox;
    m_keepFolders->setEnabled(!mbox);
    // The suggested name follows the format while the user kept it.
    const QString other =
        defaultTarget(mbox ? ExportRequest::Format::Eml : ExportRequest::Format::Mbox, QDate::currentDate());
    if (m_path->text() == other) {
        setTargetPath(defaultTarget(format(), QDate::currentDate()));
    }
}

void ExportDialog::chooseTarget()
{
    const bool mbox = format() == ExportRequest::Format::Mbox;
    auto* chooser = new QFileDialog(
        this, mbox ? tr("Export to mbox File") : tr("Export to Folder"), QFileInfo(targetPath()).absolutePath());
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    if (mbox) {
        chooser->setAcceptMode(QFileDialog::AcceptSave);
        chooser->setFileMode(QFileDialog::AnyFile);
        chooser->setDefaultSuffix(QStringLiteral("mbox"));
        chooser->setNameFilters({tr("mbox files (*.mbox)"), tr("All files (*)")});
        chooser->selectFile(QFileInfo(targetPath()).fileName());
    } else {
        chooser->setFileMode(QFileDialog::Directory);
        chooser->setOption(QFileDialog::ShowDirsOnly);
    }
    connect(chooser, &QFileDialog::fileSelected, this, [this, mbox](const QString& file) {
        setTargetPath(file);
        if (mbox) {
            m_replaceConfirmed = QFileInfo(file).absoluteFilePath(); // the chooser asked
        }
        m_export->setFocus();
    });
    chooser->open();
}

void ExportDialog::startExport()
{
    if (isRunning()) {
        return;
    }
    const QString target = QFileInfo(targetPath()).absoluteFilePath();
    if (targetPath().isEmpty()) {
        showMessage(tr("Choose where to export to."), true);
        return;
    }
    if (format() == ExportRequest::Format::Mbox && QFileInfo(target).isFile() && m_replaceConfirmed != target) {
        m_replaceConfirmed = target;
        m_export->setText(tr("&Replace"));
        showMessage(
            tr("%1 exists. Choose Replace to overwrite it, or another name.").arg(QDir::toNativeSeparators(target)),
            false);
        return;
    }
    const ExportRequest request = this->request();
    if (const QString refused = MessageExporter(m_archivePath, request).checkTarget(); !refused.isEmpty()) {
        showMessage(refused, true);
        return;
    }
    setRunning(true);
    m_progress->setValue(0);
    m_progress->setFormat(QString());
    showMessage(tr("Exporting…"), false);
    auto result = std::make_shared<ExportResult>();
    startTask(
        [this, archive = m_archivePath, request, result] {
            int shown = -1;
            *result = MessageExporter(archive, request).run([this, &shown](qint64 done, qint64 total, qint64) {
                const int step = total > 0 ? static_cast<int>(done * ProgressSteps / total) : ProgressSteps;
                if (step != shown) {
                    shown = step;
                    QMetaObject::invokeMethod(
                        this, [this, done, total] { showProgress(done, total); }, Qt::QueuedConnection);
                }
                return !QThread::currentThread()->isInterruptionRequested();
            });
        },
        [this, result] { showResult(*result); });
}

void ExportDialog::showProgress(qint64 done, qint64 total)
{
    m_progress->setValue(total > 0 ? static_cast<int>(done * ProgressSteps / total) : ProgressSteps);
    const QLocale locale;
    //: Progress of an export: "1,204 of 5,000 messages".
    const QString text = tr("%1 of %2 messages").arg(locale.toString(done), locale.toString(total));
    m_progress->setFormat(text);
    m_progress->setAccessibleDescription(text);
}

void ExportDialog::showResult(const ExportResult& result)
{
    setRunning(false);
    m_replaceConfirmed.clear();
    m_export->setText(tr("&Export"));
    if (result.succeeded()) {
        m_progress->setValue(ProgressSteps);
        showMessage(result.summary(), result.unreadable > 0);
        if (result.unreadable == 0) {
            ThemeColors::apply(messageLabel(), ThemeColors::Role::Success);
        }
    } else {
        m_progress->setValue(0);
        m_progress->setFormat(QString());
        showMessage(result.summary(), !result.cancelled);
    }
    emit exportEnded(result.succeeded());
}

void ExportDialog::setRunning(bool running)
{
    for (QWidget* input : {static_cast<QWidget*>(m_what),
                           static_cast<QWidget*>(m_format),
                           static_cast<QWidget*>(m_path),
                           static_cast<QWidget*>(m_choose),
                           static_cast<QWidget*>(m_export)}) {
        input->setEnabled(!running);
    }
    m_keepFolders->setEnabled(!running && format() == ExportRequest::Format::Eml);
    setTaskRunning(running);
    (running ? static_cast<QWidget*>(closeButton()) : m_export)->setFocus();
}
