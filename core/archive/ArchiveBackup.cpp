#include "ArchiveBackup.h"

#include "ArchiveDatabase.h"
#include "SqliteHandle.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryFile>

#include <sqlite3.h>

#include <atomic>
#include <climits>
#include <filesystem>
#include <system_error>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveBackup)
};

const QString SourceRole = QStringLiteral("backup");
// A busy step is retried this often, 100 ms apart (the archive's own busy
// timeout is 10 s). With the snapshot held, the source is never busy in WAL
// mode; this is for the unexpected, not the usual.
constexpr int MaxBusyRetries = 100;

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// The path SQLite and the file system use for `path`, with symbolic links
// of its folder resolved (the file itself may not exist yet).
QString resolvedPath(const QString& path)
{
    const QFileInfo info(path);
    if (info.exists()) {
        return info.canonicalFilePath();
    }
    const QString directory = info.absoluteDir().canonicalPath();
    return directory.isEmpty() ? info.absoluteFilePath() : QDir(directory).filePath(info.fileName());
}

// The files a database at `path` may have next to it.
QStringList sideFiles(const QString& path)
{
    return {path + QStringLiteral("-journal"), path + QStringLiteral("-wal"), path + QStringLiteral("-shm")};
}

// The temporary copy: removed with its side files unless kept, so no exit
// from run() can leave half a backup behind.
class PartialFile
{
public:
    explicit PartialFile(QString path)
        : m_path(std::move(path))
    {
    }
    ~PartialFile()
    {
        if (m_keep) {
            return;
        }
        QFile::remove(m_path);
        for (const QString& side : sideFiles(m_path)) {
            QFile::remove(side);
        }
    }
    Q_DISABLE_COPY_MOVE(PartialFile)

    const QString& path() const { return m_path; }
    void keep() { m_keep = true; }

private:
    QString m_path;
    bool m_keep = false;
};

// A connection of this run to the copy, closed and removed however run()
// ends. Named uniquely: two backups may run at once on different threads.
class TargetConnection
{
public:
    explicit TargetConnection(const QString& path)
        : m_name(QStringLiteral("archive-backup-target-%1").arg(nextId++))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~TargetConnection() { close(); }
    Q_DISABLE_COPY_MOVE(TargetConnection)

    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }
    void close()
    {
        if (!QSqlDatabase::contains(m_name)) {
            return;
        }
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }

private:
    static inline std::atomic<int> nextId {0};
    QString m_name;
};

// One read transaction held on the source for the whole copy. SQLite's
// backup otherwise begins a read transaction for each step, and a write by
// any other connection between two steps (a sync commits a batch every
// second or so) makes it start over from the first page: a busy archive
// would never finish. Held, the copy is one snapshot — the archive as it was
// at BEGIN — and later commits simply wait in the WAL for the next backup.
// The price: the WAL cannot be checkpointed past the snapshot until it ends,
// so it grows by what is written meanwhile.
class Snapshot
{
public:
    explicit Snapshot(QSqlDatabase db)
        : m_db(std::move(db))
    {
    }
    ~Snapshot() { end(); }
    Q_DISABLE_COPY_MOVE(Snapshot)

    // BEGIN alone takes nothing; the first read fixes the snapshot.
    bool begin(QString* error)
    {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("BEGIN"))) {
            *error = query.lastError().text();
            return false;
        }
        m_open = true;
        if (!query.exec(QStringLiteral("SELECT count(*) FROM messages")) || !query.next()) {
            *error = query.lastError().text();
            return false;
        }
        messages = query.value(0).toLongLong();
        query.finish();
        return readPragma(QStringLiteral("user_version"), &userVersion, error)
            && readPragma(QStringLiteral("page_count"), &pageCount, error)
            && readPragma(QStringLiteral("page_size"), &pageSize, error);
    }
    void end()
    {
        if (m_open) {
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
            m_open = false;
        }
    }

    qint64 messages = 0;
    qint64 userVersion = 0;
    qint64 pageCount = 0;
    qint64 pageSize = 0;

private:
    bool readPragma(const QString& name, qint64* value, QString* error)
    {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next()) {
            *error = query.lastError().text();
            return false;
        }
        *value = query.value(0).toLongLong();
        return true;
    }

    QSqlDatabase m_db;
    bool m_open = false;
};

// Flushes a file (or, on POSIX, a folder's entry list) to the disk.
bool syncToDisk(const QString& path, bool directory)
{
#ifdef Q_OS_WIN
    if (directory) {
        return true; // NTFS journals the rename itself
    }
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && ::_commit(file.handle()) == 0;
#else
    const int descriptor = ::open(QFile::encodeName(path).constData(), directory ? O_RDONLY | O_DIRECTORY : O_RDWR);
    if (descriptor < 0) {
        return false;
    }
    const bool synced = ::fsync(descriptor) == 0;
    ::close(descriptor);
    return synced;
#endif
}

// Puts `from` in the place of `to` in one step: readers see the old file or
// the new one, never neither. QFile::rename refuses an existing target.
bool replaceFile(const QString& from, const QString& to, QString* error)
{
#ifdef Q_OS_WIN
    const std::filesystem::path source(from.toStdWString());
    const std::filesystem::path target(to.toStdWString());
#else
    const std::filesystem::path source(QFile::encodeName(from).toStdString());
    const std::filesystem::path target(QFile::encodeName(to).toStdString());
#endif
    std::error_code code;
    std::filesystem::rename(source, target, code);
    if (code) {
        *error = QString::fromLocal8Bit(code.message());
        return false;
    }
    return true;
}

QString statementError(const QSqlQuery& query)
{
    return query.lastError().text();
}

} // namespace

bool BackupResult::succeeded() const
{
    return error.isEmpty() && !cancelled;
}

QString BackupResult::summary() const
{
    if (cancelled) {
        return Tr::tr("The backup was cancelled; nothing was written to %1.").arg(QDir::toNativeSeparators(target));
    }
    if (!error.isEmpty()) {
        return error;
    }
    //: %2 is a size such as "12.4 MB", %3 the backup file.
    return Tr::tr("Backed up %Ln message(s) (%2) to %3.", nullptr, static_cast<int>(qMin<qint64>(messages, INT_MAX)))
        .arg(sizeText(bytes), QDir::toNativeSeparators(target));
}

ArchiveBackup::ArchiveBackup(QString archivePath, QString targetPath)
    : m_archivePath(std::move(archivePath))
    , m_targetPath(std::move(targetPath))
{
}

void ArchiveBackup::setPagesPerStep(int pages)
{
    m_pagesPerStep = qMax(1, pages);
}

void ArchiveBackup::setTargetPageLimit(qint64 pages)
{
    m_targetPageLimit = qMax<qint64>(0, pages);
}

QString ArchiveBackup::checkTarget() const
{
    const QFileInfo target(m_targetPath);
    const QString shown = QDir::toNativeSeparators(target.absoluteFilePath());
    if (m_targetPath.isEmpty()) {
        return Tr::tr("Choose a file to back up to.");
    }
    const QString resolvedTarget = resolvedPath(m_targetPath);
    const QString archive = resolvedPath(m_archivePath);
    if (resolvedTarget == archive || sideFiles(archive).contains(resolvedTarget)) {
        return Tr::tr("%1 is the archive itself. Choose another file for the backup.").arg(shown);
    }
    if (!target.absoluteDir().exists()) {
        return Tr::tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(target.absolutePath()));
    }
    if (target.isDir()) {
        return Tr::tr("%1 is a folder. Choose a file name for the backup.").arg(shown);
    }
    return {};
}

BackupResult ArchiveBackup::run(const Progress& progress)
{
    BackupResult result;
    result.target = QFileInfo(m_targetPath).absoluteFilePath();
    result.error = checkTarget();
    if (!result.error.isEmpty()) {
        return result;
    }
    const QString shownTarget = QDir::toNativeSeparators(result.target);

    // However run() ends, this thread keeps no connection of the backup's
    // (declared first, so it runs after every handle on it is gone).
    const auto closeSource =
        qScopeGuard([this] { ArchiveDatabase::closeReadOnlyConnection(m_archivePath, SourceRole); });
    QString error;
    QSqlDatabase source = ArchiveDatabase::readOnlyConnection(m_archivePath, SourceRole, &error);
    if (!source.isOpen()) {
        result.error = Tr::tr("Cannot read the archive: %1").arg(error);
        return result;
    }
    Snapshot snapshot(source);
    if (!snapshot.begin(&error)) {
        result.error = Tr::tr("Cannot read the archive: %1").arg(error);
        return result;
    }

    // The copy is as large as the snapshot's pages; a rollback journal for
    // the empty file it starts as adds next to nothing. Checked first, so a
    // disk that cannot take it is said before minutes of copying, not after.
    const qint64 needed = snapshot.pageCount * snapshot.pageSize;
    const QStorageInfo storage(QFileInfo(result.target).absolutePath());
    if (storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < needed) {
        result.error = Tr::tr("The backup needs about %1; the disk has %2 free.")
                           .arg(sizeText(needed), sizeText(storage.bytesAvailable()));
        return result;
    }

    // Next to the target, so the final rename stays on one file system and
    // is atomic; a hidden name that says it is unfinished, created 0600.
    QTemporaryFile reserved(
        QDir(QFileInfo(result.target).absolutePath())
            .filePath(QStringLiteral(".%1.XXXXXX.partial").arg(QFileInfo(result.target).fileName())));
    reserved.setAutoRemove(false);
    if (!reserved.open()) {
        result.error = Tr::tr("Cannot write to the folder of %1: %2").arg(shownTarget, reserved.errorString());
        return result;
    }
    PartialFile partial(reserved.fileName());
    reserved.close();
    // It is someone's whole mail: only its owner may read it.
    QFile::setPermissions(partial.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    TargetConnection target(partial.path());
    QSqlDatabase targetDb = target.database();
    sqlite3* sourceHandle = sqliteHandle(source);
    sqlite3* targetHandle = sqliteHandle(targetDb);
    if (!sourceHandle || !targetHandle) {
        result.error =
            Tr::tr("Cannot write the backup %1: %2")
                .arg(shownTarget,
                     targetDb.isOpen() ? Tr::tr("the SQLite driver is not Qt's own") : targetDb.lastError().text());
        return result;
    }
    if (m_targetPageLimit > 0) {
        QSqlQuery(targetDb).exec(QStringLiteral("PRAGMA max_page_count=%1").arg(m_targetPageLimit));
    }

    sqlite3_backup* backup = sqlite3_backup_init(targetHandle, "main", sourceHandle, "main");
    if (!backup) {
        result.error = Tr::tr("Cannot start the backup: %1").arg(QString::fromUtf8(sqlite3_errmsg(targetHandle)));
        return result;
    }
    int code = SQLITE_OK;
    int busyRetries = 0;
    if (progress && !progress(0, snapshot.pageCount, snapshot.pageSize)) {
        result.cancelled = true;
    }
    while (!result.cancelled && code != SQLITE_DONE) {
        code = sqlite3_backup_step(backup, m_pagesPerStep);
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
            if (++busyRetries > MaxBusyRetries) {
                break;
            }
            sqlite3_sleep(100);
            continue;
        }
        if (code != SQLITE_OK && code != SQLITE_DONE) {
            break;
        }
        busyRetries = 0;
        const qint64 total = sqlite3_backup_pagecount(backup);
        const qint64 done = total - sqlite3_backup_remaining(backup);
        result.pages = done;
        if (progress && !progress(done, total, snapshot.pageSize) && code != SQLITE_DONE) {
            result.cancelled = true;
        }
    }
    // finish() rolls back an unfinished copy's transaction on the target.
    const int finished = sqlite3_backup_finish(backup);
    snapshot.end(); // the WAL may be checkpointed again
    if (result.cancelled) {
        return result;
    }
    if (code != SQLITE_DONE || finished != SQLITE_OK) {
        const int failure = code != SQLITE_DONE ? code : finished;
        result.error = (failure & 0xff) == SQLITE_FULL
            ? Tr::tr("The disk is full: the backup %1 could not be written.").arg(shownTarget)
            : Tr::tr("The backup %1 could not be written: %2")
                  .arg(shownTarget, QString::fromUtf8(sqlite3_errstr(failure)));
        return result;
    }

    // The copy's header still says WAL, as the archive's does: switched to
    // a rollback journal it is one self-contained file, with no -wal that a
    // copy to a stick or a mail to oneself would leave behind.
    QSqlQuery query(targetDb);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=DELETE")) || !query.next()
        || query.value(0).toString().compare(QLatin1String("delete"), Qt::CaseInsensitive) != 0) {
        result.error =
            Tr::tr("The backup %1 could not be made self-contained: %2").arg(shownTarget, statementError(query));
        return result;
    }
    // quick_check reads every page and checks the b-trees' structure:
    // what a copy can get wrong. Blob hashes are verify's work, not ours.
    if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next()
        || query.value(0).toString() != QLatin1String("ok")) {
        result.error = Tr::tr("The backup %1 is damaged (%2); it was not kept.")
                           .arg(shownTarget, query.isActive() ? query.value(0).toString() : statementError(query));
        return result;
    }
    query.finish();
    qint64 copiedVersion = -1;
    qint64 copiedMessages = -1;
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
        copiedVersion = query.value(0).toLongLong();
    }
    query.finish();
    if (query.exec(QStringLiteral("SELECT count(*) FROM messages")) && query.next()) {
        copiedMessages = query.value(0).toLongLong();
    }
    query.finish();
    if (copiedVersion != snapshot.userVersion || copiedMessages != snapshot.messages) {
        result.error = Tr::tr("The backup %1 does not match the archive (format %2 of %3, %4 of %5 messages); "
                              "it was not kept.")
                           .arg(shownTarget)
                           .arg(copiedVersion)
                           .arg(snapshot.userVersion)
                           .arg(copiedMessages)
                           .arg(snapshot.messages);
        return result;
    }
    query = QSqlQuery();
    targetDb = QSqlDatabase();
    target.close();

    // Leaving WAL removes the -wal; one still there would hold pages the
    // file lacks.
    if (QFileInfo::exists(partial.path() + QStringLiteral("-wal"))) {
        result.error =
            Tr::tr("The backup %1 could not be made self-contained: its log file remained.").arg(shownTarget);
        return result;
    }
    QFile::remove(partial.path() + QStringLiteral("-shm"));
    // On the disk before it takes the target's name: after a power loss the
    // name must not point at pages still in the cache.
    if (!syncToDisk(partial.path(), false)) {
        result.error = Tr::tr("The backup %1 could not be written to the disk.").arg(shownTarget);
        return result;
    }
    result.bytes = QFileInfo(partial.path()).size();
    if (!replaceFile(partial.path(), result.target, &error)) {
        result.error = Tr::tr("Cannot put the backup in place as %1: %2").arg(shownTarget, error);
        return result;
    }
    partial.keep();
    syncToDisk(QFileInfo(result.target).absolutePath(), true);
    result.messages = snapshot.messages;
    return result;
}
