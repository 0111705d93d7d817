#pragma once

class QSqlDatabase;
struct sqlite3;

// The sqlite3 handle under a Qt SQLite connection, for what Qt's driver does
// not offer (a progress handler, the online backup API). Null when the
// connection is closed or its driver is not Qt's SQLite driver. The handle
// belongs to the connection: use it on the connection's thread, and never
// after the connection closes.
sqlite3* sqliteHandle(const QSqlDatabase& db);
