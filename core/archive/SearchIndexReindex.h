#pragma once

#include <QSqlDatabase>
#include <QString>

// Archive format 10's migration step: the search index now takes only the
// start of a huge body (SearchIndexEntry::IndexedBodyChars). The index is
// contentless, so an entry added under the old rule (the whole body) can
// only be taken out with the whole body; left as it was, removing its
// message later would bind the new, shorter values and leave the words past
// the limit behind. Each such entry is therefore deleted with the old
// values and added again with the new ones, in the migration's transaction.
namespace SearchIndexReindex {

// Returns false with the database's words in *error; the caller rolls back.
bool run(QSqlDatabase& db, QString* error);

} // namespace SearchIndexReindex
