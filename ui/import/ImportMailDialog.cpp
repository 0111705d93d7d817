#include "ImportMailDialog.h"

#include "archive/Archive.h"
#include "archive/ArchiveQueryRunner.h"
#include "archive/ArchiveReader.h"
#include "common/ThemeColors.h"
#include "sources/SourceRepository.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

ImportMailDialog::ImportMailDialog(QString archivePath, ArchiveQueryRunner* queries, QWidget* parent)
    : TaskDialog(parent)
    , m_archivePath(std::move(archivePath))
    , m_paths(new QListWidget(this))
    , m_addFiles(new QPushButton(tr("Add &Files…"), this))
    , m_addFolder(new QPushButton(tr("Add F&older…"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_source(new QComboBox(this))
    , m_progress(new QProgressBar(this))
    , m_problems(new QPlainTextEdit(this))
    , m_import(new QPushButton(tr("&Import"), this))
{
    setObjectName(QStringLiteral("ImportMailDialog"));
    setWindowTitle(tr("Import Mail"));
    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->setSpacing(10);

    auto* intro = new QLabel(tr("Bring in mail kept in files: mbox files (Thunderbird, Google Takeout, Apple Mail), "
                                ".eml messages, and Maildir folders. Each file or folder becomes a folder of its own; "
                                "mail that is archived already is not stored twice. The files are only read."),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setMinimumWidth(fontMetrics().height() * 36);
    layout->addWidget(intro);

    auto* pathsLabel = new QLabel(tr("Files and folders to i&mport:"), this);
    pathsLabel->setBuddy(m_paths);
    layout->addWidget(pathsLabel);
    auto* pathsRow = new QHBoxLayout;
    m_paths->setObjectName(QStringLiteral("importPathsList"));
    m_paths->setAccessibleName(tr("Files and folders to import"));
    m_paths->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_paths->setMinimumHeight(fontMetrics().height() * 6);
    pathsRow->addWidget(m_paths, 1);
    auto* pathButtons = new QVBoxLayout;
    m_addFiles->setObjectName(QStringLiteral("importAddFilesButton"));
    m_addFiles->setToolTip(tr("mbox files and .eml messages"));
    m_addFolder->setObjectName(QStringLiteral("importAddFolderButton"));
    m_addFolder->setToolTip(tr("A Maildir, a folder of .eml files, or a folder of mbox files (Thunderbird's profile "
                               "folder, an unpacked Takeout)"));
    m_remove->setObjectName(QStringLiteral("importRemoveButton"));
    m_remove->setAccessibleName(tr("Remove the selected files from the list"));
    pathButtons->addWidget(m_addFiles);
    pathButtons->addWidget(m_addFolder);
    pathButtons->addWidget(m_remove);
    pathButtons->addStretch(1);
    pathsRow->addLayout(pathButtons);
    layout->addLayout(pathsRow);

    auto* form = new QFormLayout;
    m_source->setObjectName(QStringLiteral("importSourceCombo"));
    m_source->setEditable(true);
    m_source->setInsertPolicy(QComboBox::NoInsert);
    m_source->setAccessibleName(tr("Import into"));
    m_source->addItem(MailFileImport::DefaultSourceName);
    m_source->setToolTip(tr("The imported mail is shown under this name on the Archive page. Choose a name used "
                            "before to add to that mail, or type a new one."));
    form->addRow(tr("Import i&nto:"), m_source);
    layout->addLayout(form);

    addTaskRows(layout,
                m_progress,
                m_import,
                {QStringLiteral("importProgress"),
                 tr("Import progress"),
                 QStringLiteral("importMessage"),
                 tr("Import status"),
                 QStringLiteral("importButton"),
                 QStringLiteral("closeImportButton")});
    // The messages that could not be read, one a line, after an import.
    m_problems->setObjectName(QStringLiteral("importProblems"));
    m_problems->setAccessibleName(tr("Messages that could not be imported"));
    m_problems->setReadOnly(true);
    m_problems->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_problems->setMinimumHeight(fontMetrics().height() * 6);
    m_problems->setVisible(false);
    layout->insertWidget(layout->indexOf(messageLabel()) + 1, m_problems);

    connect(m_addFiles, &QPushButton::clicked, this, &ImportMailDialog::chooseFiles);
    connect(m_addFolder, &QPushButton::clicked, this, &ImportMailDialog::chooseFolder);
    connect(m_remove, &QPushButton::clicked, this, &ImportMailDialog::removeSelected);
    connect(m_import, &QPushButton::clicked, this, &ImportMailDialog::startImport);
    connect(m_paths, &QListWidget::itemSelectionChanged, this, &ImportMailDialog::updateButtons);
    connect(m_source->lineEdit(), &QLineEdit::textChanged, this, &ImportMailDialog::updateButtons);
    updateButtons();
    m_addFiles->setFocus();

    if (queries != nullptr) {
        queries->run(
            ArchiveQueryRunner::Lane::Interactive,
            this,
            [](const ArchiveReader& reader) {
                QStringList names;
                for (const IngestionSource& source : SourceRepository(reader.database()).list()) {
                    if (source.isLocal() && source.name != MailFileImport::DefaultSourceName) {
                        names << source.name;
                    }
                }
                return names;
            },
            [this](const QStringList& names) {
                const QString typed = m_source->currentText();
                m_source->addItems(names);
                m_source->setCurrentText(typed);
            });
    }
}

ImportMailDialog::~ImportMailDialog() = default;

QStringList ImportMailDialog::paths() const
{
    QStringList paths;
    for (int row = 0; row < m_paths->count(); ++row) {
        paths << m_paths->item(row)->data(Qt::UserRole).toString();
    }
    return paths;
}

void ImportMailDialog::addPaths(const QStringList& paths)
{
    for (const QString& given : paths) {
        const QString path = QFileInfo(given).absoluteFilePath();
        if (path.isEmpty() || this->paths().contains(path)) {
            continue;
        }
        auto* item = new QListWidgetItem(QDir::toNativeSeparators(path), m_paths);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    updateButtons();
    if (m_paths->count() > 0 && !m_running) {
        m_import->setFocus();
    }
}

QString ImportMailDialog::sourceName() const
{
    return m_source->currentText().trimmed();
}

void ImportMailDialog::setSourceName(const QString& name)
{
    m_source->setCurrentText(name);
}

QStringList ImportMailDialog::problemLines() const
{
    const QString text = m_problems->toPlainText();
    return text.isEmpty() ? QStringList() : text.split(QLatin1Char('\n'));
}

void ImportMailDialog::chooseFiles()
{
    QString start = QFileInfo(paths().value(0)).absolutePath();
    if (paths().isEmpty()) {
        start = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    }
    auto* chooser = new QFileDialog(this, tr("Add Mail Files"), start);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFiles);
    // Thunderbird's and many mbox files have no suffix at all.
    chooser->setNameFilters({tr("All files (*)"), tr("mbox files and messages (*.mbox *.mbx *.eml)")});
    connect(chooser, &QFileDialog::filesSelected, this, &ImportMailDialog::addPaths);
    chooser->open();
}

void ImportMailDialog::chooseFolder()
{
    auto* chooser = new QFileDialog(this, tr("Add a Folder of Mail"), QDir::homePath());
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::Directory);
    chooser->setOption(QFileDialog::ShowDirsOnly);
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString& folder) { addPaths({folder}); });
    chooser->open();
}

void ImportMailDialog::removeSelected()
{
    qDeleteAll(m_paths->selectedItems());
    updateButtons();
}

void ImportMailDialog::updateButtons()
{
    const bool running = m_running;
    m_remove->setEnabled(!running && !m_paths->selectedItems().isEmpty());
    m_import->setEnabled(!running && m_paths->count() > 0 && !sourceName().isEmpty());
}

void ImportMailDialog::startImport()
{
    if (m_running || paths().isEmpty() || sourceName().isEmpty()) {
        return;
    }
    setRunning(true);
    m_problems->clear();
    m_problems->setVisible(false);
    m_progress->setValue(0);
    m_progress->setFormat(QString());
    showMessage(tr("Looking at the files…"), false);
    auto summary = std::make_shared<MailFileImport::Summary>();
    startTask(
        [this, archivePath = m_archivePath, paths = paths(), name = sourceName(), summary] {
            Archive archive(archivePath);
            MailFileImport import(archive, name);
            *summary = import.run(paths, [this](const MailFileImport::Step& step) {
                QMetaObject::invokeMethod(
                    this,
                    [this, step] {
                        showProgress(step);
                        emit mailStored();
                    },
                    Qt::QueuedConnection);
                return !QThread::currentThread()->isInterruptionRequested();
            });
            archive.closeConnection();
        },
        [this, summary] { showResult(*summary); });
}

void ImportMailDialog::showProgress(const MailFileImport::Step& step)
{
    showByteProgress(m_progress, step.bytesDone, step.bytesTotal);
    const QLocale locale;
    //: Progress of an import: "1.2 GB of 10.2 GB · 12,345 messages".
    const QString text = tr("%1 · %Ln message(s)", nullptr, static_cast<int>(std::min<qint64>(step.messages, INT_MAX)))
                             .arg(m_progress->format());
    m_progress->setFormat(text);
    m_progress->setAccessibleDescription(text);
    if (!closeButton()->isEnabled()) {
        return; // "Cancelling…" stays until the import has stopped
    }
    //: %1 is the file being read.
    showMessage(tr("Importing %1…").arg(QFileInfo(step.file).fileName()), false);
}

void ImportMailDialog::showResult(const MailFileImport::Summary& summary)
{
    setRunning(false);
    QStringList lines;
    for (const MailFileImport::Problem& problem : summary.problems) {
        lines << MailFileImport::problemText(problem);
    }
    m_problems->setPlainText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!lines.isEmpty());
    const QString counts = MailFileImport::summaryText(summary);
    const bool succeeded = summary.error.isEmpty() && !summary.cancelled;
    if (!summary.error.isEmpty()) {
        showMessage(summary.error + QLatin1Char('\n') + counts, true);
    } else if (summary.cancelled) {
        showMessage(tr("Stopped. What was imported is kept: import the same files again to go on from there.")
                        + QLatin1Char('\n') + counts,
                    false);
    } else if (summary.folders == 0) {
        m_progress->setValue(0);
        m_progress->setFormat(QString());
        showMessage(tr("Nothing was imported: none of these looks like mail."), true);
    } else {
        m_progress->setValue(ProgressSteps);
        //: %1 says how many messages were new, archived already or unreadable.
        showMessage(tr("Imported into “%1”: %2").arg(sourceName(), counts), !summary.problems.isEmpty());
        if (summary.problems.isEmpty()) {
            ThemeColors::apply(messageLabel(), ThemeColors::Role::Success);
        }
    }
    emit mailStored();
    emit importEnded(succeeded);
}

void ImportMailDialog::setRunning(bool running)
{
    m_running = running;
    for (QWidget* input : {static_cast<QWidget*>(m_paths),
                           static_cast<QWidget*>(m_addFiles),
                           static_cast<QWidget*>(m_addFolder),
                           static_cast<QWidget*>(m_source)}) {
        input->setEnabled(!running);
    }
    setTaskRunning(running);
    updateButtons();
    (running ? static_cast<QWidget*>(closeButton()) : m_import)->setFocus();
}
