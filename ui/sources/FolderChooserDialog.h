#pragma once

#include "values/RemoteFolder.h"

#include <QDialog>
#include <QStringList>

class QListWidget;

// "Folders to archive → Choose…": the server's folders with a check box
// each, Trash and Junk marked as such, containers that hold no mail left out.
class FolderChooserDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FolderChooserDialog)

public:
    FolderChooserDialog(const QList<RemoteFolder>& folders, const QStringList& chosen, QWidget* parent = nullptr);
    ~FolderChooserDialog() override;

    QStringList chosenFolders() const;

private:
    QListWidget* m_list;
};
