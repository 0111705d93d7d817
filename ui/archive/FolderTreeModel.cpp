#include "FolderTreeModel.h"

#include <QApplication>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QStyle>

namespace {

QString folderKey(qint64 sourceId, const QStringList& segments)
{
    return QStringLiteral("folder:%1:%2").arg(sourceId).arg(segments.join(QChar(0x1f)));
}

} // namespace

FolderTreeModel::FolderTreeModel(QObject* parent)
    : QStandardItemModel(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels({tr("Folder"), tr("Messages")});
}

bool FolderTreeModel::isSentFolder(const FolderEntry& folder)
{
    if (folder.specialUse.contains(QStringLiteral("\\Sent"), Qt::CaseInsensitive)) {
        return true;
    }
    // Servers without SPECIAL-USE name them by convention; these are the
    // names the common clients and providers create.
    static const QSet<QString> names = {
        QStringLiteral("sent"),
        QStringLiteral("sent items"),
        QStringLiteral("sent mail"),
        QStringLiteral("sent messages"),
        QStringLiteral("gesendet"),
        QStringLiteral("gesendete elemente"),
        QStringLiteral("gesendete objekte"),
        QStringLiteral("envoyés"),
        QStringLiteral("éléments envoyés"),
        QStringLiteral("enviados"),
        QStringLiteral("elementos enviados"),
        QStringLiteral("posta inviata"),
        QStringLiteral("verzonden"),
        QStringLiteral("verzonden items"),
        QStringLiteral("skickat"),
    };
    const QString last = folder.delimiter.isEmpty() ? folder.path : folder.path.section(folder.delimiter, -1);
    return names.contains(last.trimmed().toLower());
}

QList<QStandardItem*>
FolderTreeModel::makeRow(const QString& name, Kind kind, qint64 id, const QString& key, qint64 count)
{
    auto* nameItem = new QStandardItem(name);
    nameItem->setEditable(false);
    nameItem->setToolTip(name); // the name in full where the column cuts it
    nameItem->setData(static_cast<int>(kind), KindRole);
    nameItem->setData(id, IdRole);
    nameItem->setData(key, KeyRole);
    auto* countItem = new QStandardItem(count >= 0 ? QLocale().toString(count) : QString());
    countItem->setEditable(false);
    countItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    countItem->setData(static_cast<int>(kind), KindRole);
    countItem->setData(id, IdRole);
    countItem->setData(key, KeyRole);
    if (count >= 0) {
        //: Read by screen readers for the count column of the folder tree.
        countItem->setData(tr("%Ln message(s)", nullptr, static_cast<int>(qMin<qint64>(count, INT_MAX))),
                           Qt::AccessibleTextRole);
    }
    return {nameItem, countItem};
}

void FolderTreeModel::setFolders(const QList<FolderEntry>& folders, qint64 allMessages)
{
    const QStyle* style = QApplication::style();
    const QIcon folderIcon = style->standardIcon(QStyle::SP_DirIcon);
    const QIcon sourceIcon = style->standardIcon(QStyle::SP_DriveNetIcon);
    const QIcon allIcon = style->standardIcon(QStyle::SP_DirHomeIcon);
    const QIcon removedIcon = style->standardIcon(QStyle::SP_TrashIcon);

    removeRows(0, rowCount());
    QList<QStandardItem*> all = makeRow(tr("All mail"), Kind::All, 0, QStringLiteral("all"), allMessages);
    all.first()->setIcon(allIcon);
    appendRow(all);

    QStandardItem* removedGroup = nullptr;
    QHash<qint64, QStandardItem*> sourceItems;
    // A removed source appears only while it still holds mail.
    QHash<qint64, qint64> sourceMessages;
    for (const FolderEntry& folder : folders) {
        sourceMessages[folder.sourceId] += folder.messageCount;
    }
    // Parents found by (source, path so far): "[Gmail]" for "[Gmail]/Sent Mail".
    QHash<QString, QStandardItem*> nodes;
    for (const FolderEntry& folder : folders) {
        if (folder.sourceRemoved && sourceMessages.value(folder.sourceId) == 0) {
            continue;
        }
        QStandardItem* sourceItem = sourceItems.value(folder.sourceId);
        if (!sourceItem) {
            QList<QStandardItem*> row = makeRow(
                folder.sourceName, Kind::Source, folder.sourceId, QStringLiteral("source:%1").arg(folder.sourceId), -1);
            row.first()->setIcon(folder.sourceRemoved ? removedIcon : sourceIcon);
            if (folder.sourceLocal && !folder.sourceRemoved) {
                row.first()->setData(true, LocalSourceRole);
                row.first()->setToolTip(tr("Mail imported from files"));
            }
            if (folder.sourceRemoved) {
                if (!removedGroup) {
                    QList<QStandardItem*> group =
                        makeRow(tr("Removed sources"), Kind::RemovedSources, 0, QStringLiteral("removed"), -1);
                    group.first()->setIcon(removedIcon);
                    group.first()->setToolTip(tr("Mail kept from sources that were removed"));
                    appendRow(group);
                    removedGroup = group.first();
                }
                removedGroup->appendRow(row);
            } else {
                appendRow(row);
            }
            sourceItem = row.first();
            sourceItems.insert(folder.sourceId, sourceItem);
        }
        const QStringList segments = folder.delimiter.isEmpty()
            ? QStringList {folder.path}
            : folder.path.split(folder.delimiter, Qt::KeepEmptyParts);
        QStandardItem* parent = sourceItem;
        QStringList sofar;
        for (qsizetype i = 0; i + 1 < segments.size(); ++i) {
            sofar << segments.at(i);
            const QString key = folderKey(folder.sourceId, sofar);
            QStandardItem* node = nodes.value(key);
            if (!node) {
                QList<QStandardItem*> row = makeRow(segments.at(i), Kind::Group, 0, key, -1);
                row.first()->setIcon(folderIcon);
                parent->appendRow(row);
                node = row.first();
                nodes.insert(key, node);
            }
            parent = node;
        }
        sofar << segments.last();
        QString name = segments.last();
        QString key = folderKey(folder.sourceId, sofar);
        if (folder.retired) {
            //: A folder the server renumbered: its old messages are kept apart. %1 is the folder name.
            name = tr("%1 (before renumbering, UIDVALIDITY %2)").arg(name).arg(folder.uidValidity);
            key = QStringLiteral("retired:%1").arg(folder.id);
        }
        QStandardItem* existing = folder.retired ? nullptr : nodes.value(key);
        if (existing && static_cast<Kind>(existing->data(KindRole).toInt()) == Kind::Group) {
            // Listed after a child made a placeholder for it: it is a folder after all.
            existing->setData(static_cast<int>(Kind::Folder), KindRole);
            existing->setData(folder.id, IdRole);
            existing->setData(isSentFolder(folder), SentRole);
            QStandardItem* count = existing->parent() ? existing->parent()->child(existing->row(), CountColumn)
                                                      : item(existing->row(), CountColumn);
            count->setText(QLocale().toString(folder.messageCount));
            count->setData(static_cast<int>(Kind::Folder), KindRole);
            count->setData(folder.id, IdRole);
            continue;
        }
        QList<QStandardItem*> row = makeRow(name, Kind::Folder, folder.id, key, folder.messageCount);
        row.first()->setIcon(folderIcon);
        row.first()->setData(isSentFolder(folder), SentRole);
        if (name != folder.path) {
            row.first()->setToolTip(folder.path);
        }
        parent->appendRow(row);
        nodes.insert(key, row.first());
    }
}

QModelIndex FolderTreeModel::indexForKey(const QString& key) const
{
    const QModelIndexList found = match(index(0, NameColumn), KeyRole, key, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}

bool FolderTreeModel::isRemovedMail(const QModelIndex& index) const
{
    for (QModelIndex node = index.siblingAtColumn(NameColumn); node.isValid(); node = node.parent()) {
        if (static_cast<Kind>(node.data(KindRole).toInt()) == Kind::RemovedSources) {
            return true;
        }
    }
    return false;
}

std::optional<MessageListQuery> FolderTreeModel::queryFor(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return std::nullopt;
    }
    const QModelIndex name = index.siblingAtColumn(NameColumn);
    MessageListQuery query;
    switch (static_cast<Kind>(name.data(KindRole).toInt())) {
    case Kind::All:
        query.scope = MessageListQuery::Scope::All;
        return query;
    case Kind::Source:
        query.scope = MessageListQuery::Scope::Source;
        query.id = name.data(IdRole).toLongLong();
        return query;
    case Kind::Folder:
        query.scope = MessageListQuery::Scope::Folder;
        query.id = name.data(IdRole).toLongLong();
        query.byRecipients = name.data(SentRole).toBool();
        return query;
    case Kind::RemovedSources:
        query.scope = MessageListQuery::Scope::RemovedSources;
        return query;
    case Kind::Group:
        return std::nullopt;
    }
    return std::nullopt;
}

QString FolderTreeModel::titleFor(const QModelIndex& index) const
{
    QStringList parts;
    for (QModelIndex at = index.siblingAtColumn(NameColumn); at.isValid(); at = at.parent()) {
        parts.prepend(at.data().toString());
    }
    return parts.join(QStringLiteral(" › "));
}
