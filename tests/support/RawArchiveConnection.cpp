#include "RawArchiveConnection.h"

#include "archive/ArchiveSchema.h"

#include <atomic>

namespace {

std::atomic_int connections {0};

} // namespace

RawArchiveConnection::RawArchiveConnection(const QString& path)
    : m_name(QStringLiteral("raw-archive-%1").arg(++connections))
    , m_db(QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name))
{
    m_db.setDatabaseName(path);
    m_db.open();
}

RawArchiveConnection::~RawArchiveConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

bool RawArchiveConnection::isOpen() const
{
    return m_db.isOpen();
}

QSqlDatabase& RawArchiveConnection::database()
{
    return m_db;
}

bool RawArchiveConnection::migrateTo(int version, QString* error)
{
    return ArchiveSchema::migrate(m_db, error, version);
}
