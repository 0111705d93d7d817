#include "DeleteSourceDialog.h"

#include "archive/ArchiveQueryRunner.h"
#include "archive/ArchiveReader.h"

#include "common/ThemeColors.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {

QLabel* wrappedLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// "Work (1,200), Old mail (removed, 300)".
QString holderList(const QList<SourcePurge::Preview::Holder>& holders)
{
    QStringList names;
    for (const SourcePurge::Preview::Holder& holder : holders) {
        names << (holder.removed ? DeleteSourceDialog::tr("%1 (removed source, %2)")
                                 : DeleteSourceDialog::tr("%1 (%2)"))
                     .arg(holder.name, QLocale().toString(holder.messages));
    }
    return QLocale().createSeparatedList(names);
}

} // namespace

DeleteSourceDialog::DeleteSourceDialog(const QString& sourceName, QWidget* parent)
    : QDialog(parent)
    , m_keep(new QRadioButton(this))
    , m_remove(new QRadioButton(this))
    , m_keepDetail(wrappedLabel(tr("Counting its archived mail…"), this))
    , m_removeDetail(wrappedLabel(tr("Counting what only this source holds…"), this))
    , m_warning(nullptr)
{
    setObjectName(QStringLiteral("DeleteSourceDialog"));
    setWindowTitle(tr("Delete %1?").arg(sourceName));
    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->setSpacing(10);

    auto* question = new QLabel(tr("<b>Delete the source \"%1\"?</b><br>It will no longer be synced and its "
                                   "password is removed from the keychain.")
                                    .arg(sourceName.toHtmlEscaped()),
                                this);
    question->setObjectName(QStringLiteral("deleteQuestion"));
    question->setWordWrap(true);
    // Wide enough for the sentences, in the font's own units so it follows
    // the scale; the layout (SetMinimumSize) grows the height to what the
    // wrapped text needs and never lets the dialog be smaller.
    question->setMinimumWidth(fontMetrics().height() * 28);
    layout->addWidget(question);

    m_keep->setObjectName(QStringLiteral("keepMailRadio"));
    m_keep->setText(tr("&Keep its mail in the archive"));
    m_keep->setChecked(true);
    layout->addWidget(m_keep);
    m_keepDetail->setObjectName(QStringLiteral("keepMailDetail"));
    m_keepDetail->setIndent(24);
    m_keepDetail->setMinimumHeight(m_keepDetail->fontMetrics().height() * 2);
    ThemeColors::apply(m_keepDetail, ThemeColors::Role::Secondary);
    layout->addWidget(m_keepDetail);

    m_remove->setObjectName(QStringLiteral("removeMailRadio"));
    m_remove->setText(tr("&Delete the mail only this source holds"));
    // Not before the user can see what it deletes.
    m_remove->setEnabled(false);
    m_remove->setAccessibleDescription(m_removeDetail->text());
    layout->addWidget(m_remove);
    m_removeDetail->setObjectName(QStringLiteral("removeMailDetail"));
    m_removeDetail->setIndent(24);
    ThemeColors::apply(m_removeDetail, ThemeColors::Role::Secondary);
    // Room for the longest answer's first lines, so the count arriving
    // moves no button from under the pointer.
    m_removeDetail->setMinimumHeight(m_removeDetail->fontMetrics().height() * 2);
    layout->addWidget(m_removeDetail);

    // Always laid out, so choosing Delete changes no geometry; the text
    // appears only then.
    m_warning = wrappedLabel(QString(), this);
    m_warning->setObjectName(QStringLiteral("deleteWarning"));
    // A red that keeps 4.5:1 on the window's own background, light or dark.
    ThemeColors::apply(m_warning, ThemeColors::Role::Error);
    QFont warningFont = m_warning->font();
    warningFont.setBold(true);
    m_warning->setFont(warningFont);
    const QString warningText = tr("Deleted mail cannot be brought back from the archive.");
    m_warning->setMinimumHeight(m_warning->fontMetrics().height() * 2);
    layout->addWidget(m_warning);
    connect(m_remove, &QRadioButton::toggled, this, [this, warningText](bool checked) {
        m_warning->setText(checked ? warningText : QString());
    });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* remove = buttons->addButton(tr("De&lete source"), QDialogButtonBox::AcceptRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

DeleteSourceDialog::~DeleteSourceDialog() = default;

DeleteSourceDialog*
DeleteSourceDialog::ask(qint64 sourceId, const QString& sourceName, ArchiveQueryRunner* queries, QWidget* parent)
{
    auto* dialog = new DeleteSourceDialog(sourceName, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // What goes and what stays, counted the way the removal will count it,
    // off this thread (seconds at a million messages).
    const ArchiveQueryRunner::Ticket counting = queries->run(
        ArchiveQueryRunner::Lane::Interactive,
        dialog,
        [sourceId](const ArchiveReader& reader) {
            std::pair<SourcePurge::Preview, QString> result;
            result.first = SourcePurge(reader.database()).preview(sourceId, &result.second);
            return result;
        },
        [dialog](const std::pair<SourcePurge::Preview, QString>& result) {
            if (result.second.isEmpty()) {
                dialog->setPreview(result.first);
            } else {
                dialog->setPreviewError(result.second);
            }
        });
    QObject::connect(dialog, &QObject::destroyed, queries, [queries, counting] { queries->cancel(counting); });
    dialog->open();
    return dialog;
}

void DeleteSourceDialog::setPreview(const SourcePurge::Preview& preview)
{
    m_hasPreview = true;
    const qint64 total = preview.messagesOnlyHere + preview.messagesShared;
    m_keepDetail->setText(total == 0 ? tr("It has no archived mail.")
                                     : tr("All %Ln message(s) stay searchable and are listed under Removed "
                                          "sources; you can delete them later.",
                                          nullptr,
                                          static_cast<int>(total)));
    QString removeText = preview.messagesOnlyHere == 0
        ? tr("No message is deleted: this source holds none of its own.")
        : tr("%Ln message(s) are deleted (%1).", nullptr, static_cast<int>(preview.messagesOnlyHere))
              .arg(QLocale().formattedDataSize(preview.bytesOnlyHere, 1, QLocale::DataSizeTraditionalFormat));
    if (preview.messagesShared > 0) {
        removeText += QLatin1Char(' ')
            + tr("%Ln message(s) stay because other sources also hold them: %1.",
                 nullptr,
                 static_cast<int>(preview.messagesShared))
                  .arg(holderList(preview.sharedWith));
    }
    m_removeDetail->setText(removeText);
    m_remove->setAccessibleDescription(
        tr("%Ln message(s) are deleted", nullptr, static_cast<int>(preview.messagesOnlyHere)));
    m_remove->setEnabled(true);
    fitText();
}

void DeleteSourceDialog::fitText()
{
    // The answer may take more lines than "Counting…" did: grow, never clip.
    layout()->activate();
    const int needed = layout()->heightForWidth(width());
    if (needed > height()) {
        resize(width(), needed);
    }
}

void DeleteSourceDialog::setPreviewError(const QString& error)
{
    m_keepDetail->setText(tr("Its mail stays searchable and is listed under Removed sources."));
    m_removeDetail->setText(error);
    m_remove->setAccessibleDescription(m_removeDetail->text());
    m_remove->setEnabled(false);
    fitText();
}

bool DeleteSourceDialog::hasPreview() const
{
    return m_hasPreview;
}

bool DeleteSourceDialog::deleteMail() const
{
    return m_remove->isChecked();
}
