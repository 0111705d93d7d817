#pragma once

#include "values/RemoteFolder.h"

#include <QDialog>
#include <QStringList>

class QTreeWidget;
class QTreeWidgetItem;

// "Folders to archive → Choose…": the server's folders as a tree (split at
// the server's delimiter), INBOX first and the rest by name, each with a
// check box; containers that hold no mail (\Noselect) are nodes without one.
// Trash and Junk say that "All folders" leaves them out.
class FolderChooserDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FolderChooserDialog)

public:
    // `checked`: the paths checked at first (the current scope's folders).
    FolderChooserDialog(const QList<RemoteFolder>& folders, const QStringList& checked, QWidget* parent = nullptr);
    ~FolderChooserDialog() override;

    // The checked folders, in the tree's order.
    QStringList chosenFolders() const;

private:
    // Qt exposes the check box as the cell's checkable/checked state but
    // sends no event when it flips; a screen reader would say nothing.
    void announceCheckState(QTreeWidgetItem* item);

    QTreeWidget* m_tree;
};
