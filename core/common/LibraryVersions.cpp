#include "LibraryVersions.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <vmime/config.hpp>
#include <zstd.h>

namespace {

QString sqliteVersion()
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return QCoreApplication::translate("LibraryVersions", "not available");
    }
    // A private in-memory connection: asking the library itself tells the
    // version actually loaded, not the one we were compiled against.
    const QString name = QStringLiteral("versions-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT sqlite_version()")) && query.next()) {
                version = query.value(0).toString();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

} // namespace

LibraryVersions LibraryVersions::current()
{
    LibraryVersions versions;
    versions.qt = QString::fromLatin1(qVersion());
    versions.vmime = QStringLiteral(VMIME_VERSION);
    versions.sqlite = sqliteVersion();
    versions.zstd = QString::fromLatin1(ZSTD_versionString());
    return versions;
}

QString LibraryVersions::toText() const
{
    return QStringLiteral("Qt %1\nvmime %2\nSQLite %3\nzstd %4").arg(qt, vmime, sqlite, zstd);
}
