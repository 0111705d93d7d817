#include "Archive.h"

#include "ArchiveDatabase.h"
#include "ArchiveReader.h"
#include "ArchiveSchema.h"
#include "EventLog.h"
#include "MessageStore.h"

#include <QFileInfo>
#include <QSqlQuery>

Archive::Archive(const QString& path)
    : m_path(path.isEmpty() ? ArchiveDatabase::defaultPath() : QFileInfo(path).absoluteFilePath())
{
}

bool Archive::open(QString* error)
{
    // Look before writing anything: an archive from a newer version must be
    // left exactly as it is, and even switching it to WAL would change it.
    if (QFileInfo::exists(m_path) && !ArchiveDatabase::checkReadable(m_path, ArchiveSchema::currentVersion(), error)) {
        return false;
    }
    if (!ArchiveDatabase::ensureFilePermissions(m_path, error)) {
        return false;
    }
    QSqlDatabase db = ArchiveDatabase::connection(m_path, error);
    if (!db.isOpen()) {
        return false;
    }
    if (!ArchiveSchema::migrate(db, error)) {
        ArchiveDatabase::closeConnection(m_path);
        return false;
    }
    return true;
}

bool Archive::needsUpgrade() const
{
    if (!QFileInfo::exists(m_path)) {
        return false;
    }
    QString ignored;
    const int version = ArchiveDatabase::storedVersion(m_path, &ignored);
    // 0 is a file with no archive in it yet: creating one is quick.
    return version > 0 && version < ArchiveSchema::currentVersion();
}

QString Archive::path() const
{
    return m_path;
}

QString Archive::identity() const
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("SELECT value FROM archive_info WHERE key = 'archive_id'")) && query.next()) {
        return query.value(0).toString();
    }
    return {};
}

QSqlDatabase Archive::connection(QString* error) const
{
    QString ignored;
    return ArchiveDatabase::connection(m_path, error ? error : &ignored);
}

void Archive::closeConnection() const
{
    ArchiveDatabase::closeConnection(m_path);
}

MessageStore Archive::store() const
{
    return MessageStore(connection());
}

ArchiveReader Archive::reader() const
{
    return ArchiveReader(connection());
}

EventLog Archive::events() const
{
    return EventLog(connection());
}
