#pragma once

#include "archive/ArchiveReader.h"

#include <QStandardItemModel>

// The Archive page's tree: "All mail", then each source with its server
// folders as a tree (split at the server's delimiter), then "Removed
// sources" with the mail kept from deleted sources. Built from
// ArchiveReader::folderEntries(), read off the UI thread.
class FolderTreeModel : public QStandardItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FolderTreeModel)

public:
    enum class Kind { All, Source, Folder, Group, RemovedSources };
    enum Role {
        KindRole = Qt::UserRole + 1,
        IdRole, // source or folder id
        KeyRole, // stable across rebuilds: what selection is restored by
        SentRole, // a folder that holds sent mail (lists show "To")
        LocalSourceRole, // a source of mail imported from files (not removed)
    };
    enum Column { NameColumn, CountColumn, ColumnCount };

    explicit FolderTreeModel(QObject* parent = nullptr);

    // Rebuilds the tree. Nodes keep their keys, so a view can restore its
    // selection and expanded nodes with indexForKey().
    void setFolders(const QList<FolderEntry>& folders, qint64 allMessages);

    QModelIndex indexForKey(const QString& key) const;
    // What the message list shows for the node; nullopt for a node that
    // holds no mail of its own (a folder's parent the server cannot select).
    std::optional<MessageListQuery> queryFor(const QModelIndex& index) const;
    // A name for the list's accessible description and the window title.
    QString titleFor(const QModelIndex& index) const;
    // The node is Removed sources or lies under it: mail that can be deleted.
    bool isRemovedMail(const QModelIndex& index) const;

    // "Sent", "Sent Items", "[Gmail]/Sent Mail", "Gesendet"…, or \Sent.
    static bool isSentFolder(const FolderEntry& folder);

private:
    QList<QStandardItem*> makeRow(const QString& name, Kind kind, qint64 id, const QString& key, qint64 count);
    QString m_allTitle;
};
