#pragma once

#include "ShortcutCatalog.h"

#include <QDialog>

class QTreeWidget;

// Help → Keyboard shortcuts: every key of the app, grouped by where it
// works, in a list the arrows move through and a screen reader reads
// ("Keys" and "Does" columns). Not modal: it can stay open next to the
// window whose keys it lists.
class ShortcutsWindow : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsWindow)

public:
    explicit ShortcutsWindow(const QList<ShortcutCatalog::Group>& groups, QWidget* parent = nullptr);
    ~ShortcutsWindow() override;

    QTreeWidget* list() const;

private:
    QTreeWidget* m_list;
};
