#include "ShortcutsWindow.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

ShortcutsWindow::ShortcutsWindow(const QList<ShortcutCatalog::Group>& groups, QWidget* parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("ShortcutsWindow"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    setModal(false);

    auto* intro = new QLabel(tr("Menus and dialog fields also have mnemonics: the underlined letter, with Alt."), this);
    intro->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("shortcutList"));
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setAccessibleDescription(tr("Grouped by where the keys work; the arrows move through the list."));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Keys"), tr("Does")});
    m_list->setRootIsDecorated(false);
    m_list->setItemsExpandable(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (const ShortcutCatalog::Group& group : groups) {
        auto* heading = new QTreeWidgetItem(m_list, {group.title});
        heading->setFirstColumnSpanned(true);
        QFont bold = heading->font(0);
        bold.setBold(true);
        heading->setFont(0, bold);
        // A screen reader says the group with each of its keys' rows.
        heading->setFlags(Qt::ItemIsEnabled);
        for (const ShortcutCatalog::Entry& entry : group.entries) {
            new QTreeWidgetItem(heading, {entry.keys, entry.description});
        }
    }
    m_list->expandAll();
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    if (m_list->topLevelItemCount() > 0 && m_list->topLevelItem(0)->childCount() > 0) {
        m_list->setCurrentItem(m_list->topLevelItem(0)->child(0));
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    m_list->setFocus();
    const int line = fontMetrics().height();
    resize(line * 44, line * 36);
}

ShortcutsWindow::~ShortcutsWindow() = default;

QTreeWidget* ShortcutsWindow::list() const
{
    return m_list;
}
