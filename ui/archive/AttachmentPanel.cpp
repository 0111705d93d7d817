#include "AttachmentPanel.h"

#include "mime/MimeParser.h"
#include "mime/SafeFileName.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QPushButton>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

AttachmentPanel::AttachmentPanel(ArchiveQueryRunner* runner, QWidget* parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_read(runner)
    , m_list(new QTreeWidget(this))
    , m_save(new QPushButton(tr("Sav&e…"), this))
    , m_saveAll(new QPushButton(tr("Save A&ll…"), this))
    , m_open(new QPushButton(tr("O&pen"), this))
{
    setObjectName(QStringLiteral("AttachmentPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("&Attachments"), this);
    label->setBuddy(m_list);
    layout->addWidget(label);
    m_list->setObjectName(QStringLiteral("attachmentList"));
    m_list->setAccessibleName(tr("Attachments"));
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({tr("Name"), tr("Type"), tr("Size")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->setTabKeyNavigation(false);
    layout->addWidget(m_list, 1);
    auto* buttons = new QHBoxLayout;
    m_save->setObjectName(QStringLiteral("saveAttachmentButton"));
    m_saveAll->setObjectName(QStringLiteral("saveAllAttachmentsButton"));
    m_open->setObjectName(QStringLiteral("openAttachmentButton"));
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    buttons->addWidget(m_saveAll);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, &AttachmentPanel::saveSelected);
    connect(m_saveAll, &QPushButton::clicked, this, &AttachmentPanel::saveAll);
    connect(m_open, &QPushButton::clicked, this, &AttachmentPanel::openSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &AttachmentPanel::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { openSelected(); });
    updateButtons();
}

AttachmentPanel::~AttachmentPanel() = default;

QString AttachmentPanel::displayName(const AttachmentInfo& attachment) const
{
    if (!attachment.fileName.isEmpty()) {
        return attachment.fileName;
    }
    if (attachment.mimeType == QLatin1String("message/rfc822")) {
        return tr("Attached message");
    }
    return tr("Unnamed attachment");
}

void AttachmentPanel::setAttachments(qint64 messageId, const QList<AttachmentInfo>& attachments, const QByteArray& raw)
{
    m_read.cancel();
    m_messageId = messageId;
    m_raw = raw;
    m_attachments = attachments;
    m_list->clear();
    const QMimeDatabase mimes;
    for (const AttachmentInfo& attachment : attachments) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, displayName(attachment));
        const QMimeType type = mimes.mimeTypeForName(attachment.mimeType);
        item->setText(1, type.isValid() && !type.comment().isEmpty() ? type.comment() : attachment.mimeType);
        item->setToolTip(1, attachment.mimeType);
        item->setText(2, QLocale().formattedDataSize(attachment.size, 1, QLocale::DataSizeTraditionalFormat));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    if (m_list->topLevelItemCount() > 0) {
        m_list->setCurrentItem(m_list->topLevelItem(0), 0, QItemSelectionModel::NoUpdate);
    }
    const int rows = qMin(m_list->topLevelItemCount(), 4);
    m_list->setFixedHeight(
        m_list->header()->sizeHint().height() + 2 * m_list->frameWidth()
        + qMax(1, rows) * (m_list->sizeHintForRow(0) > 0 ? m_list->sizeHintForRow(0) : fontMetrics().height() + 6));
    updateButtons();
}

int AttachmentPanel::count() const
{
    return static_cast<int>(m_attachments.size());
}

QList<int> AttachmentPanel::selectedRows() const
{
    QList<int> rows;
    for (QTreeWidgetItem* item : m_list->selectedItems()) {
        rows << m_list->indexOfTopLevelItem(item);
    }
    if (rows.isEmpty() && m_list->currentItem()) {
        rows << m_list->indexOfTopLevelItem(m_list->currentItem());
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

void AttachmentPanel::updateButtons()
{
    const bool any = !m_attachments.isEmpty();
    m_saveAll->setEnabled(any);
    m_save->setEnabled(any && !selectedRows().isEmpty());
    m_open->setEnabled(any && selectedRows().size() == 1);
}

void AttachmentPanel::withContents(const QList<int>& rows, std::function<void(const QList<Part>&)> done)
{
    QList<AttachmentInfo> wanted;
    for (const int row : rows) {
        if (row >= 0 && row < m_attachments.size()) {
            wanted << m_attachments.at(row);
        }
    }
    // Off the UI thread, and the message decoded once however many parts
    // are wanted (Save All on a 20 MB message read it once per part before).
    const qint64 messageId = m_messageId;
    const QByteArray given = m_raw; // a message attached to another: no row to read
    m_read.run(
        ArchiveQueryRunner::Lane::Interactive,
        this,
        [messageId, given, wanted](const ArchiveReader& reader) {
            QByteArray raw = given;
            QString readError;
            if (messageId != 0) {
                reader.rawMessage(messageId, &raw, &readError);
            }
            QList<Part> parts;
            for (const AttachmentInfo& info : wanted) {
                Part part {info, {}, readError};
                if (readError.isEmpty() && !MimeParser::partContent(raw, info.partPath, &part.content)) {
                    part.error = tr("The message has no part %1.").arg(info.partPath);
                }
                parts << part;
            }
            return parts;
        },
        std::move(done));
}

void AttachmentPanel::saveInto(const QString& folder, const QList<int>& rows)
{
    withContents(rows, [this, folder](const QList<Part>& parts) {
        QStringList written;
        QStringList problems;
        for (const Part& part : parts) {
            if (!part.error.isEmpty()) {
                problems << part.error;
                continue;
            }
            const QString path = SafeFileName::pathIn(folder, part.info.fileName, part.info.mimeType);
            QFile file(path);
            if (path.isEmpty() || !file.open(QIODevice::WriteOnly | QIODevice::NewOnly)
                || file.write(part.content) != part.content.size() || !file.flush()) {
                problems << tr("%1 could not be saved in %2: %3")
                                .arg(displayName(part.info),
                                     QDir::toNativeSeparators(folder),
                                     path.isEmpty() ? tr("the folder is missing") : file.errorString());
                continue;
            }
            written << path;
        }
        const QString error = problems.join(QLatin1Char('\n'));
        if (!error.isEmpty() && isVisible()) {
            QMessageBox::warning(this, tr("Cannot Save Attachments"), error);
        }
        emit saved(written, error);
    });
}

void AttachmentPanel::saveSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    const QString start = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (rows.size() == 1) {
        const AttachmentInfo& info = m_attachments.at(rows.first());
        const QString suggested = QDir(start).filePath(SafeFileName::fromAttachmentName(info.fileName, info.mimeType));
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Attachment"), suggested);
        if (path.isEmpty()) {
            return;
        }
        // The user chose this exact name: write it there (replacing what
        // they agreed to replace in the dialog).
        withContents(rows, [this, path](const QList<Part>& parts) {
            const Part& part = parts.first();
            QFile file(path);
            if (!part.error.isEmpty() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                || file.write(part.content) != part.content.size()) {
                const QString error = part.error.isEmpty() ? file.errorString() : part.error;
                QMessageBox::warning(this, tr("Cannot Save the Attachment"), tr("%1: %2").arg(path, error));
                emit saved({}, error);
                return;
            }
            emit saved({path}, {});
        });
        return;
    }
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Save Attachments In"), start);
    if (!folder.isEmpty()) {
        saveInto(folder, rows);
    }
}

void AttachmentPanel::saveAll()
{
    QList<int> rows;
    for (int row = 0; row < m_attachments.size(); ++row) {
        rows << row;
    }
    const QString start = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Save All Attachments In"), start);
    if (!folder.isEmpty()) {
        saveInto(folder, rows);
    }
}

void AttachmentPanel::openSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.size() != 1) {
        return;
    }
    withContents(rows, [this](const QList<Part>& parts) {
        const Part& part = parts.first();
        if (!part.error.isEmpty()) {
            QMessageBox::warning(this, tr("Cannot Open the Attachment"), part.error);
            return;
        }
        if (part.info.mimeType == QLatin1String("message/rfc822")
            || part.info.mimeType == QLatin1String("message/global")) {
            emit openMessageRequested(part.content, displayName(part.info));
            return;
        }
        // A private copy (the directory is 0700) that goes with the panel.
        if (!m_openedCopies) {
            m_openedCopies = std::make_unique<QTemporaryDir>();
        }
        const QString path = SafeFileName::pathIn(m_openedCopies->path(), part.info.fileName, part.info.mimeType);
        QFile file(path);
        if (path.isEmpty() || !file.open(QIODevice::WriteOnly | QIODevice::NewOnly)
            || file.write(part.content) != part.content.size()) {
            QMessageBox::warning(this, tr("Cannot Open the Attachment"), file.errorString());
            return;
        }
        file.close();
        file.setPermissions(QFileDevice::ReadOwner);
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path))) {
            QMessageBox::information(this,
                                     tr("No Program to Open It"),
                                     tr("No program on this computer opens %1. Save it and open it from there.")
                                         .arg(displayName(part.info)));
        }
    });
}
