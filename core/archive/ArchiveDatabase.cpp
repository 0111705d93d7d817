#include "ArchiveDatabase.h"

#include "ArchiveSchema.h"
#include "common/AppSettings.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

#include <map>
#include <mutex>

namespace ArchiveDatabase {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveDatabase)
};

QString connectionName(const QString& path)
{
    const QByteArray key = QFileInfo(path).absoluteFilePath().toUtf8();
    return QStringLiteral("archive-%1-%2")
        .arg(QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(12)))
        .arg(reinterpret_cast<quintptr>(QThread::currentThread()), 0, 16);
}

std::mutex pageLimitsMutex;
std::map<QString, qint64> pageLimits; // by absolute path

qint64 pageLimit(const QString& path)
{
    const std::lock_guard lock(pageLimitsMutex);
    const auto found = pageLimits.find(QFileInfo(path).absoluteFilePath());
    return found == pageLimits.end() ? 0 : found->second;
}

bool execute(QSqlDatabase& db, const QString& statement, QString* error)
{
    QSqlQuery query(db);
    if (!query.exec(statement)) {
        *error = Tr::tr("Cannot configure the archive (%1): %2").arg(statement, query.lastError().text());
        return false;
    }
    return true;
}

} // namespace

QString defaultPath()
{
    const QString moved = AppSettings::archiveLocation();
    return moved.isEmpty() ? standardPath() : moved;
}

QString standardPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("archive.sqlite"));
}

bool ensureFilePermissions(const QString& path, QString* error)
{
    const QFileInfo info(path);
    QDir directory = info.absoluteDir();
    if (!directory.exists() && !QDir().mkpath(directory.absolutePath())) {
        *error = Tr::tr("Cannot create the archive folder %1.").arg(directory.absolutePath());
        return false;
    }
    // Only the directory we own is tightened: a path the user chose may sit
    // in a shared folder whose permissions are not ours to change.
    if (directory.absolutePath() == QFileInfo(standardPath()).absolutePath()) {
        QFile::setPermissions(directory.absolutePath(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    if (!info.exists()) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            *error = Tr::tr("Cannot create the archive %1: %2").arg(path, file.errorString());
            return false;
        }
    }
    if (!QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = Tr::tr("Cannot restrict access to the archive %1.").arg(path);
        return false;
    }
    return true;
}

namespace {

// The named connection of this thread, reused while open; otherwise a new
// one opened with `options`. `opened` tells the caller to configure it.
QSqlDatabase
namedConnection(const QString& name, const QString& path, const QString& options, bool* opened, QString* error)
{
    *opened = false;
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase existing = QSqlDatabase::database(name, false);
        if (existing.isOpen()) {
            return existing;
        }
        QSqlDatabase::removeDatabase(name);
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        *error = Tr::tr("The SQLite driver for Qt is missing (Debian package libqt6sql6-sqlite).");
        return {};
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(options);
    if (!db.open()) {
        *error = Tr::tr("Cannot open the archive %1: %2").arg(path, db.lastError().text());
        return db;
    }
    *opened = true;
    return db;
}

} // namespace

QSqlDatabase connection(const QString& path, QString* error)
{
    bool opened = false;
    // The busy timeout covers a reader and the writer meeting on a checkpoint.
    QSqlDatabase db =
        namedConnection(connectionName(path), path, QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"), &opened, error);
    if (!opened) {
        return db;
    }
    // WAL: readers (the browser) never block the writer (a sync). NORMAL is
    // durable in WAL mode except for the last transactions before a power
    // loss, and never corrupts; a folder's checkpoint commits with its
    // messages, so what is lost is simply fetched again.
    if (!execute(db, QStringLiteral("PRAGMA journal_mode=WAL"), error)
        || !execute(db, QStringLiteral("PRAGMA synchronous=NORMAL"), error)
        || !execute(db, QStringLiteral("PRAGMA foreign_keys=ON"), error)
        || !execute(db, QStringLiteral("PRAGMA temp_store=MEMORY"), error)) {
        db.close();
        return db;
    }
    if (const qint64 pages = pageLimit(path);
        pages > 0 && !execute(db, QStringLiteral("PRAGMA max_page_count=%1").arg(pages), error)) {
        db.close();
    }
    return db;
}

QSqlDatabase readOnlyConnection(const QString& path, const QString& role, QString* error)
{
    bool opened = false;
    QSqlDatabase db = namedConnection(connectionName(path) + QLatin1Char('-') + role,
                                      path,
                                      QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"),
                                      &opened,
                                      error);
    if (opened
        && (!execute(db, QStringLiteral("PRAGMA query_only=ON"), error)
            || !execute(db, QStringLiteral("PRAGMA temp_store=MEMORY"), error))) {
        db.close();
    }
    return db;
}

void closeReadOnlyConnection(const QString& path, const QString& role)
{
    const QString name = connectionName(path) + QLatin1Char('-') + role;
    if (!QSqlDatabase::contains(name)) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

int storedVersion(const QString& path, QString* error)
{
    const QString name = connectionName(path) + QStringLiteral("-check");
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            *error = Tr::tr("Cannot open the archive %1: %2").arg(path, db.lastError().text());
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
                *error = Tr::tr("%1 is not an OpenArchiver archive (%2).").arg(path, query.lastError().text());
            } else {
                version = query.value(0).toInt();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

bool checkReadable(const QString& path, int newestVersion, QString* error)
{
    const int version = storedVersion(path, error);
    if (version > newestVersion) {
        *error = ArchiveSchema::tooNewMessage(version);
        return false;
    }
    return version >= 0;
}

void limitPagesOfNewConnections(const QString& path, qint64 pages)
{
    const std::lock_guard lock(pageLimitsMutex);
    if (pages > 0) {
        pageLimits[QFileInfo(path).absoluteFilePath()] = pages;
    } else {
        pageLimits.erase(QFileInfo(path).absoluteFilePath());
    }
}

void closeConnection(const QString& path)
{
    const QString name = connectionName(path);
    if (!QSqlDatabase::contains(name)) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace ArchiveDatabase
