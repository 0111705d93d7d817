#pragma once

#include <QSqlDatabase>
#include <QString>

// The archive's schema, as an ordered list of migrations. The version lives
// in PRAGMA user_version; each migration runs in its own transaction with the
// version bump, so an interrupted upgrade leaves the previous version intact.
namespace ArchiveSchema {

// The version this build writes.
int currentVersion();

// Brings `db` from whatever version it has up to `targetVersion` (default:
// the current one). A file newer than this build understands is refused and
// left untouched. Returns false with a message the user can read.
bool migrate(QSqlDatabase& db, QString* error, int targetVersion = -1);

int version(QSqlDatabase& db);

// What to tell the user about an archive of format `found`, newer than this build.
QString tooNewMessage(int found);

} // namespace ArchiveSchema
