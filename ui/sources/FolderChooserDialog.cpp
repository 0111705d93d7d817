#include "FolderChooserDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

FolderChooserDialog::FolderChooserDialog(const QList<RemoteFolder>& folders, const QStringList& chosen, QWidget* parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
{
    setWindowTitle(tr("Choose Folders to Archive"));
    setObjectName(QStringLiteral("FolderChooserDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Only the checked folders are archived. New folders on the server are not added "
                                "by themselves; come back here to add them."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_list->setObjectName(QStringLiteral("folderList"));
    m_list->setAccessibleName(tr("Folders on the server"));
    for (const RemoteFolder& folder : folders) {
        if (!folder.isSelectable()) {
            continue;
        }
        QString text = folder.path;
        if (folder.flags.contains(QLatin1String("\\Trash"))) {
            text = tr("%1 (Trash)").arg(folder.path);
        } else if (folder.flags.contains(QLatin1String("\\Junk"))) {
            text = tr("%1 (Junk)").arg(folder.path);
        }
        auto* item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, folder.path);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(folder.path) ? Qt::Checked : Qt::Unchecked);
    }
    layout->addWidget(m_list, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto updateOk = [this, buttons] { buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosenFolders().isEmpty()); };
    connect(m_list, &QListWidget::itemChanged, this, updateOk);
    updateOk();
    layout->addWidget(buttons);
    resize(420, 480);
}

FolderChooserDialog::~FolderChooserDialog() = default;

QStringList FolderChooserDialog::chosenFolders() const
{
    QStringList chosen;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem* item = m_list->item(row);
        if (item->checkState() == Qt::Checked) {
            chosen << item->data(Qt::UserRole).toString();
        }
    }
    return chosen;
}
