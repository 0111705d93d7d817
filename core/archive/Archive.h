#pragma once

#include <QSqlDatabase>
#include <QString>

class ArchiveReader;
class EventLog;
class MessageStore;

// One user's archive file. Cheap to copy around by path: every thread that
// uses it gets its own SQLite connection on first use (a sync worker writes,
// the browser reads, neither blocks the other in WAL mode).
class Archive
{
public:
    // An empty path means the per-user default location.
    explicit Archive(const QString& path = {});

    // Creates the file if needed (directory 0700, file 0600), opens it on
    // this thread and brings the schema up to date. A file written by a newer
    // version is refused and left untouched. Call once before other threads
    // use the archive.
    bool open(QString* error);
    // The file exists in an older format: open() will upgrade it first,
    // which can take a while for a big archive (format 10 indexes every
    // message: about 20 s per million on a slow machine).
    bool needsUpgrade() const;

    QString path() const;
    // A random id given to the archive when it was created (32 hex digits);
    // empty when the archive cannot be read.
    QString identity() const;
    // This thread's connection, opened on first use.
    QSqlDatabase connection(QString* error = nullptr) const;
    // Closes this thread's connection (a worker calls it before it ends).
    void closeConnection() const;

    MessageStore store() const;
    ArchiveReader reader() const;
    EventLog events() const;

private:
    QString m_path;
};
