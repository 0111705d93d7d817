#include "RawMessageDialog.h"

#include "common/ThemeColors.h"
#include "mime/SafeFileName.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QVBoxLayout>

RawMessageDialog::RawMessageDialog(ArchiveQueryRunner* runner,
                                   qint64 messageId,
                                   const QString& subject,
                                   QWidget* parent)
    : QDialog(parent)
    , m_load(runner)
{
    build(subject);
    m_note->setText(tr("Reading the message…"));
    m_load.run(
        ArchiveQueryRunner::Lane::Interactive,
        this,
        [messageId](const ArchiveReader& reader) {
            std::pair<QByteArray, QString> result;
            reader.rawMessage(messageId, &result.first, &result.second);
            return result;
        },
        [this](const std::pair<QByteArray, QString>& result) { showBytes(result.first, result.second); });
}

RawMessageDialog::RawMessageDialog(const QByteArray& raw, const QString& subject, QWidget* parent)
    : QDialog(parent)
{
    build(subject);
    showBytes(raw, {});
}

void RawMessageDialog::build(const QString& subject)
{
    m_subject = subject;
    setObjectName(QStringLiteral("RawMessageDialog"));
    setWindowTitle(subject.isEmpty() ? tr("Original Message") : tr("Original Message: %1").arg(subject));
    auto* layout = new QVBoxLayout(this);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("rawNote"));
    m_note->setWordWrap(true);
    ThemeColors::apply(m_note, ThemeColors::Role::Secondary);
    layout->addWidget(m_note);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("rawText"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("Original message"));
    layout->addWidget(m_text, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("&Save as .eml…"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("saveEmlButton"));
    m_save->setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, &RawMessageDialog::saveAs);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 36);
}

void RawMessageDialog::showBytes(const QByteArray& raw, const QString& error)
{
    if (!error.isEmpty()) {
        m_note->setText(error);
        ThemeColors::apply(m_note, ThemeColors::Role::Error);
        return;
    }
    m_raw = raw;
    const QByteArray shown = raw.left(MaxShownBytes);
    // Mail is ASCII with 8-bit parts in any charset: UTF-8 where it is
    // valid, else Latin-1, which shows every byte as some character.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(shown);
    if (utf8.hasError()) {
        text = QString::fromLatin1(shown);
    }
    m_text->setPlainText(text);
    const QString size = QLocale().formattedDataSize(raw.size(), 1, QLocale::DataSizeTraditionalFormat);
    m_note->setText(
        raw.size() > MaxShownBytes
            ? tr("The first %1 of %2 are shown. Save as .eml keeps every byte.")
                  .arg(QLocale().formattedDataSize(MaxShownBytes, 0, QLocale::DataSizeTraditionalFormat), size)
            : tr("%1, exactly as archived.").arg(size));
    m_save->setEnabled(true);
}

QByteArray RawMessageDialog::rawBytes() const
{
    return m_raw;
}

bool RawMessageDialog::saveTo(const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_raw) != m_raw.size() || !file.commit()) {
        QMessageBox::warning(
            this, tr("Cannot Save the Message"), tr("%1 could not be written: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

void RawMessageDialog::saveAs()
{
    const QString name = SafeFileName::fromAttachmentName((m_subject.isEmpty() ? tr("message") : m_subject.left(80))
                                                          + QStringLiteral(".eml"));
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Message"), QDir(folder).filePath(name), tr("Email messages (*.eml)"));
    if (!path.isEmpty()) {
        saveTo(path);
    }
}
