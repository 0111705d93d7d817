#pragma once

#include <QSqlDatabase>
#include <QString>

// Opening the archive file, with the same settings for every connection.
// SQLite connections must not be shared between threads, so each thread
// gets its own, named after the archive path and the thread
// (qBittorrent's dbresumedatastorage does the same).
namespace ArchiveDatabase {

// The user's archive: where Settings moved it (AppSettings::archiveLocation),
// else standardPath(). The GUI and the CLI both open this one.
QString defaultPath();
// <AppDataLocation>/archive.sqlite.
QString standardPath();

// This thread's connection to `path`, opened and configured on first use
// (WAL, synchronous=NORMAL, foreign keys, busy timeout). Returns an invalid
// or closed database with *error set when the file cannot be opened.
QSqlDatabase connection(const QString& path, QString* error);

// A read-only connection to `path` for this thread, named after `role` too
// (a thread may hold one of each): the archive browser's queries run on one,
// so no read can ever change the file. query_only on top of the open flag
// also refuses writes to the temporary schema.
QSqlDatabase readOnlyConnection(const QString& path, const QString& role, QString* error);

// Opens an existing file read-only and checks it is an archive this build
// can open (an SQLite database whose schema version is at most
// `newestVersion`). Changes nothing in the file.
bool checkReadable(const QString& path, int newestVersion, QString* error);
// The format version of an existing archive (PRAGMA user_version), read
// without writing anything; -1 (and `error`) when it cannot be read.
int storedVersion(const QString& path, QString* error);

// Connections to `path` opened from now on refuse to grow the file beyond
// `pages` pages, exactly as SQLite reports a full disk; 0 lifts the limit.
// For tests of the full-disk path: an import stores on threads of its own,
// which a PRAGMA on the test's connection would not reach.
void limitPagesOfNewConnections(const QString& path, qint64 pages);

// Closes and removes every connection this thread holds to `path`.
void closeConnection(const QString& path);
// Closes this thread's read-only connection of `role`.
void closeReadOnlyConnection(const QString& path, const QString& role);

// Creates the directory (0700) and the file (0600) if missing and tightens
// their permissions: the archive holds a person's whole mail.
bool ensureFilePermissions(const QString& path, QString* error);

} // namespace ArchiveDatabase
