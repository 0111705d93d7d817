#pragma once

#include <QSqlDatabase>
#include <QString>

// A connection to an archive file that does not go through Archive: to
// write a file as an older version of the app left it (the migrations up to
// that version, then the rows a test needs), or to change what Archive
// would refuse to. Closed and removed when it goes out of scope, so the
// file can then be opened with Archive.
class RawArchiveConnection
{
public:
    explicit RawArchiveConnection(const QString& path);
    ~RawArchiveConnection();
    RawArchiveConnection(const RawArchiveConnection&) = delete;
    RawArchiveConnection& operator=(const RawArchiveConnection&) = delete;

    bool isOpen() const;
    QSqlDatabase& database();
    // Runs the migrations up to `version` (ArchiveSchema::migrate).
    bool migrateTo(int version, QString* error);

private:
    QString m_name;
    QSqlDatabase m_db;
};
