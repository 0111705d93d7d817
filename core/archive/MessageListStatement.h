#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

struct MessageListQuery;
struct PageCursor;

// The SQL for one page of a message list (ArchiveReader::page), chosen so
// that the first rows of any list come at once however big the archive is.
//
// All mail walks an index in the sort order and stops after a page (format
// 10 added one index per sort key). A narrower list — a source, a folder
// sorted by anything but its date, Removed sources — can be read two ways:
//  - Walk: the same index walk, keeping the messages found in the scope. It
//    costs about (page size / the scope's share of the archive) lookups, so
//    it is quick for a big scope and slow for a small one (a 100-message
//    source in a million walks the million).
//  - Gather: collect the scope's message ids and sort them. It costs the
//    scope's size, so it is quick for a small scope and slow for a big one.
// Auto picks Gather when the scope holds at most 1/50 of the archive
// (counting stops there, so deciding costs at most that much): either way
// the worst case is then about 50 × the page size of index steps.
// A folder by date has its own index (locations_folder_date) and needs
// neither.
class MessageListStatement
{
public:
    enum class Strategy { Auto, Walk, Gather };

    static MessageListStatement build(QSqlDatabase db,
                                      const QString& columns,
                                      const MessageListQuery& list,
                                      const PageCursor& after,
                                      int limit,
                                      Strategy strategy = Strategy::Auto);

    QString sql; // selects `columns`, then the sort key
    QVariantList bindings;
    Strategy strategy = Strategy::Auto; // what was used (never Auto for a scope that needs a choice)

private:
    static Strategy choose(QSqlDatabase db, const QString& scopeIds, const QVariantList& scopeBindings);
};
