#include "FolderChooserDialog.h"

#include <QAccessible>
#include <QCollator>
#include <QDialogButtonBox>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <algorithm>

namespace {

const int PathRole = Qt::UserRole;

bool isInbox(const QString& path)
{
    return path.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0;
}

// INBOX first, then by name as people sort (case and accents folded).
void sortFolders(QList<RemoteFolder>& folders)
{
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::stable_sort(folders.begin(), folders.end(), [&collator](const RemoteFolder& a, const RemoteFolder& b) {
        const bool aInbox = isInbox(a.path);
        const bool bInbox = isInbox(b.path);
        if (aInbox != bInbox) {
            return aInbox;
        }
        return collator.compare(a.path, b.path) < 0;
    });
}

void collect(const QTreeWidgetItem* item, QStringList& chosen)
{
    if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState(0) == Qt::Checked) {
        chosen << item->data(0, PathRole).toString();
    }
    for (int i = 0; i < item->childCount(); ++i) {
        collect(item->child(i), chosen);
    }
}

} // namespace

FolderChooserDialog::FolderChooserDialog(const QList<RemoteFolder>& folders,
                                         const QStringList& checked,
                                         QWidget* parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this))
{
    setWindowTitle(tr("Choose Folders to Archive"));
    setObjectName(QStringLiteral("FolderChooserDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Only the checked folders are archived. New folders on the server are not added "
                                "by themselves; come back here to add them."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_tree->setObjectName(QStringLiteral("folderTree"));
    m_tree->setAccessibleName(tr("Folders on the server"));
    m_tree->setAccessibleDescription(tr("Space checks or unchecks the current folder."));
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    m_tree->setUniformRowHeights(true);

    // Parents sort before their children ("A" < "A/B"), so each folder's
    // parent node exists when the folder is placed; a parent the server did
    // not list is made as a plain node.
    QList<RemoteFolder> sorted = folders;
    sortFolders(sorted);
    QHash<QString, QTreeWidgetItem*> nodes;
    const auto nodeFor = [&](const QString& path, QChar delimiter, auto& self) -> QTreeWidgetItem* {
        if (QTreeWidgetItem* existing = nodes.value(path)) {
            return existing;
        }
        QTreeWidgetItem* parentItem = nullptr;
        QString leaf = path;
        const qsizetype cut = delimiter.isNull() ? -1 : path.lastIndexOf(delimiter);
        if (cut > 0) {
            parentItem = self(path.left(cut), delimiter, self);
            leaf = path.mid(cut + 1);
        }
        auto* item = parentItem ? new QTreeWidgetItem(parentItem) : new QTreeWidgetItem(m_tree);
        item->setText(0, leaf);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        nodes.insert(path, item);
        return item;
    };
    for (const RemoteFolder& folder : std::as_const(sorted)) {
        QTreeWidgetItem* item = nodeFor(folder.path, folder.delimiter, nodeFor);
        if (!folder.isSelectable()) {
            item->setToolTip(0, tr("Holds folders only, no mail."));
            continue;
        }
        QString text = item->text(0);
        if (folder.flags.contains(QLatin1String("\\Trash")) || folder.flags.contains(QLatin1String("\\Junk"))) {
            //: A Trash or Junk folder; "All folders" is the choice in the Folders to archive list
            text = tr("%1 (not in All folders)").arg(text);
        }
        item->setText(0, text);
        item->setToolTip(0, folder.path);
        item->setData(0, PathRole, folder.path);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, checked.contains(folder.path) ? Qt::Checked : Qt::Unchecked);
    }
    m_tree->expandAll();
    if (m_tree->topLevelItemCount() > 0) {
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    }
    layout->addWidget(m_tree, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto updateOk = [this, buttons] { buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosenFolders().isEmpty()); };
    connect(m_tree, &QTreeWidget::itemChanged, this, updateOk);
    connect(m_tree, &QTreeWidget::itemChanged, this, &FolderChooserDialog::announceCheckState);
    updateOk();
    layout->addWidget(buttons);
    m_tree->setFocus();
    resize(420, 480);
}

FolderChooserDialog::~FolderChooserDialog() = default;

void FolderChooserDialog::announceCheckState(QTreeWidgetItem* item)
{
    if (!QAccessible::isActive() || !(item->flags() & Qt::ItemIsUserCheckable)) {
        return;
    }
    QAccessibleInterface* tree = QAccessible::queryAccessibleInterface(m_tree);
    QAccessibleTableInterface* table = tree ? tree->tableInterface() : nullptr;
    if (!table) {
        return;
    }
    // The accessible tree counts the rows on screen: those whose parents are
    // all expanded.
    int row = 0;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        bool shown = !(*it)->isHidden();
        for (const QTreeWidgetItem* parent = (*it)->parent(); shown && parent; parent = parent->parent()) {
            shown = parent->isExpanded();
        }
        if (*it == item) {
            break;
        }
        row += shown ? 1 : 0;
    }
    if (QAccessibleInterface* cell = table->cellAt(row, 0)) {
        QAccessible::State changed;
        changed.checked = true;
        QAccessibleStateChangeEvent event(cell, changed);
        QAccessible::updateAccessibility(&event);
    }
}

QStringList FolderChooserDialog::chosenFolders() const
{
    QStringList chosen;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        collect(m_tree->topLevelItem(i), chosen);
    }
    return chosen;
}
