#include "DeleteSourceDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

DeleteSourceDialog::DeleteSourceDialog(const QString& sourceName, qint64 archivedMessages, QWidget* parent)
    : QDialog(parent)
    , m_keep(new QRadioButton(this))
    , m_remove(new QRadioButton(this))
{
    setObjectName(QStringLiteral("DeleteSourceDialog"));
    setWindowTitle(tr("Delete %1?").arg(sourceName));
    auto* layout = new QVBoxLayout(this);
    auto* question = new QLabel(tr("<b>Delete the source \"%1\"?</b><br>It will no longer be synced and its "
                                   "password is removed from the keychain.")
                                    .arg(sourceName.toHtmlEscaped()),
                                this);
    question->setWordWrap(true);
    layout->addWidget(question);

    const QString count = QLocale().toString(archivedMessages);
    m_keep->setObjectName(QStringLiteral("keepMailRadio"));
    m_keep->setText(tr("&Keep its %1 archived messages (still searchable)").arg(count));
    m_keep->setChecked(true);
    m_remove->setObjectName(QStringLiteral("removeMailRadio"));
    m_remove->setText(tr("&Delete its %1 archived messages too").arg(count));
    layout->addWidget(m_keep);
    layout->addWidget(m_remove);

    auto* warning = new QLabel(tr("Deleted mail cannot be brought back from the archive. Messages that another "
                                  "source also holds are kept."),
                               this);
    warning->setWordWrap(true);
    warning->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    warning->setVisible(false);
    layout->addWidget(warning);
    connect(m_remove, &QRadioButton::toggled, warning, &QWidget::setVisible);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* remove = buttons->addButton(tr("De&lete source"), QDialogButtonBox::AcceptRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

DeleteSourceDialog::~DeleteSourceDialog() = default;

bool DeleteSourceDialog::deleteMail() const
{
    return m_remove->isChecked();
}
