#include "SourceRepository.h"

#include "archive/SqlTransaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SourceRepository)
};

const QString Columns = QStringLiteral(
    "id, name, provider, host, port, security, username, folder_scope, chosen_folders, check_interval_minutes, "
    "status, last_error, pinned_sha256, created_at, updated_at, last_sync_at, failing_since, last_error_kind");

QDateTime fromSeconds(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// Folder names may hold any character but a line break.
QString joinFolders(const QStringList& folders)
{
    return folders.join(QLatin1Char('\n'));
}

IngestionSource readSource(const QSqlQuery& query)
{
    IngestionSource source;
    source.id = query.value(0).toLongLong();
    source.name = query.value(1).toString();
    source.providerId = query.value(2).toString();
    source.host = query.value(3).toString();
    source.port = static_cast<quint16>(query.value(4).toUInt());
    source.security = IngestionSource::securityFromKey(query.value(5).toString());
    source.username = query.value(6).toString();
    source.folderScope = IngestionSource::scopeFromKey(query.value(7).toString());
    const QString folders = query.value(8).toString();
    source.chosenFolders = folders.isEmpty() ? QStringList() : folders.split(QLatin1Char('\n'));
    source.checkIntervalMinutes = query.value(9).toInt();
    source.status = IngestionSource::statusFromKey(query.value(10).toString());
    source.lastError = query.value(11).toString();
    source.pinnedSha256 = query.value(12).toString();
    source.createdAt = fromSeconds(query.value(13));
    source.updatedAt = fromSeconds(query.value(14));
    source.lastSyncAt = fromSeconds(query.value(15));
    source.failingSince = fromSeconds(query.value(16));
    source.lastErrorKind = SyncFailure::fromKey(query.value(17).toString());
    return source;
}

// NULL for no failure, as a source that never failed has.
QVariant kindValue(SyncFailure::Kind kind)
{
    return kind == SyncFailure::Kind::None ? QVariant() : QVariant(SyncFailure::key(kind));
}

QString nonNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

void bindFields(QSqlQuery& query, const IngestionSource& source)
{
    query.addBindValue(source.name.trimmed());
    query.addBindValue(source.providerId);
    query.addBindValue(nonNull(source.host.trimmed()));
    query.addBindValue(source.port);
    query.addBindValue(IngestionSource::securityKey(source.security));
    query.addBindValue(nonNull(source.username));
    query.addBindValue(IngestionSource::scopeKey(source.folderScope));
    query.addBindValue(nonNull(joinFolders(source.chosenFolders)));
    query.addBindValue(source.checkIntervalMinutes);
    query.addBindValue(IngestionSource::statusKey(source.status));
    query.addBindValue(source.lastError.isEmpty() ? QVariant() : QVariant(source.lastError));
    query.addBindValue(kindValue(source.lastErrorKind));
    query.addBindValue(source.pinnedSha256.isEmpty() ? QVariant() : QVariant(source.pinnedSha256));
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
}

bool isNameTaken(const QSqlError& error)
{
    return error.nativeErrorCode() == QLatin1String("2067") // SQLITE_CONSTRAINT_UNIQUE
        || error.text().contains(QLatin1String("UNIQUE"));
}

} // namespace

SourceRepository::SourceRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool SourceRepository::validate(const IngestionSource& source, QString* error)
{
    if (source.name.trimmed().isEmpty()) {
        *error = Tr::tr("Give the source a name.");
        return false;
    }
    if (source.host.trimmed().isEmpty()) {
        *error = Tr::tr("Enter the IMAP server's host name.");
        return false;
    }
    if (source.port == 0) {
        *error = Tr::tr("The port must be between 1 and 65535.");
        return false;
    }
    if (source.username.isEmpty()) {
        *error = Tr::tr("Enter the user name for the mail account.");
        return false;
    }
    if (source.checkIntervalMinutes < 1) {
        *error = Tr::tr("Check for new mail at least once in a while: the interval must be one minute or more.");
        return false;
    }
    return true;
}

std::optional<IngestionSource> SourceRepository::add(const IngestionSource& source, QString* error)
{
    if (!validate(source, error)) {
        return std::nullopt;
    }
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO sources (name, provider, host, port, security, username, folder_scope, chosen_folders, "
        "check_interval_minutes, status, last_error, last_error_kind, pinned_sha256, updated_at, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%s','now'))"));
    bindFields(query, source);
    if (!query.exec()) {
        *error = isNameTaken(query.lastError())
            ? Tr::tr("A source named \"%1\" already exists. Choose another name.").arg(source.name.trimmed())
            : Tr::tr("Cannot save the source: %1").arg(query.lastError().text());
        return std::nullopt;
    }
    return find(query.lastInsertId().toLongLong());
}

std::optional<IngestionSource> SourceRepository::addLocal(const QString& name, QString* error)
{
    if (name.trimmed().isEmpty()) {
        *error = Tr::tr("Give the source a name.");
        return std::nullopt;
    }
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO sources (name, provider, status, updated_at, created_at) "
                                 "VALUES (?, ?, 'active', strftime('%s','now'), strftime('%s','now'))"));
    query.addBindValue(name.trimmed());
    query.addBindValue(IngestionSource::LocalProvider);
    if (!query.exec()) {
        *error = isNameTaken(query.lastError())
            ? Tr::tr("A source named \"%1\" already exists. Choose another name.").arg(name.trimmed())
            : Tr::tr("Cannot save the source: %1").arg(query.lastError().text());
        return std::nullopt;
    }
    return find(query.lastInsertId().toLongLong());
}

bool SourceRepository::update(const IngestionSource& source, QString* error)
{
    if (!validate(source, error)) {
        return false;
    }
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("UPDATE sources SET name = ?, provider = ?, host = ?, port = ?, security = ?, username = ?, "
                       "folder_scope = ?, chosen_folders = ?, check_interval_minutes = ?, status = ?, last_error = ?, "
                       "last_error_kind = ?, pinned_sha256 = ?, updated_at = ? WHERE id = ? AND removed_at IS NULL"));
    bindFields(query, source);
    query.addBindValue(source.id);
    if (!query.exec()) {
        *error = isNameTaken(query.lastError())
            ? Tr::tr("A source named \"%1\" already exists. Choose another name.").arg(source.name.trimmed())
            : Tr::tr("Cannot save the source: %1").arg(query.lastError().text());
        return false;
    }
    if (query.numRowsAffected() != 1) {
        *error = Tr::tr("The source no longer exists.");
        return false;
    }
    return true;
}

bool SourceRepository::setStatus(qint64 id,
                                 IngestionSource::Status status,
                                 const QString& lastError,
                                 SyncFailure::Kind lastErrorKind,
                                 QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE sources SET status = ?, last_error = ?, last_error_kind = ?, "
                                 "updated_at = strftime('%s','now') WHERE id = ?"));
    query.addBindValue(IngestionSource::statusKey(status));
    query.addBindValue(lastError.isEmpty() ? QVariant() : QVariant(lastError));
    query.addBindValue(kindValue(lastErrorKind));
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        *error = Tr::tr("Cannot save the source's status: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

bool SourceRepository::recordFailure(
    qint64 id, const QString& lastError, SyncFailure::Kind kind, const QDateTime& at, bool makeError, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE sources SET last_error = ?, last_error_kind = ?, "
                                 "failing_since = coalesce(failing_since, ?), "
                                 "status = CASE WHEN ? AND status <> 'paused' THEN 'error' ELSE status END, "
                                 "updated_at = strftime('%s','now') WHERE id = ? AND removed_at IS NULL"));
    query.addBindValue(lastError);
    query.addBindValue(kindValue(kind == SyncFailure::Kind::None ? SyncFailure::Kind::Other : kind));
    query.addBindValue(at.toSecsSinceEpoch());
    query.addBindValue(makeError);
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        *error = Tr::tr("Cannot save the source's status: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

bool SourceRepository::discardNew(qint64 id, QString* error)
{
    // Only a row nothing refers to yet: no folder, no event. Anything else
    // has a history and is removed with removeKeepingMail().
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM sources WHERE id = ? AND NOT EXISTS (SELECT 1 FROM folders WHERE "
                                 "source_id = ?) AND NOT EXISTS (SELECT 1 FROM events WHERE source_id = ?)"));
    query.addBindValue(id);
    query.addBindValue(id);
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        *error = Tr::tr("Cannot take back the new source: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

bool SourceRepository::restartImport(qint64 id, QString* error)
{
    SqlTransaction transaction(m_db);
    QSqlQuery query(m_db);
    // The old server's UIDs mean nothing on the new one: they go, as after a
    // UIDVALIDITY change. The messages stay, and the next pass re-links each
    // one the new server still has by its SHA-256.
    query.prepare(
        QStringLiteral("DELETE FROM locations WHERE folder_id IN (SELECT id FROM folders WHERE source_id = ?)"));
    query.addBindValue(id);
    bool ok = transaction.isActive() && query.exec();
    if (ok) {
        query.prepare(QStringLiteral("UPDATE folders SET uidvalidity = 0, last_uid = 0, uidnext = NULL, "
                                     "highestmodseq = NULL, server_count = NULL, archived_of_server = NULL, "
                                     "verified_at = NULL WHERE source_id = ?"));
        query.addBindValue(id);
        ok = query.exec();
    }
    if (ok) {
        query.prepare(QStringLiteral(
            "UPDATE sources SET last_sync_at = NULL, status = CASE status WHEN 'paused' "
            "THEN 'paused' ELSE 'importing' END, last_error = NULL, last_error_kind = NULL WHERE id = ?"));
        query.addBindValue(id);
        ok = query.exec() && transaction.commit();
    }
    if (!ok) {
        *error = Tr::tr("Cannot save the source's status: %1").arg(query.lastError().text() + transaction.errorText());
    }
    return ok;
}

bool SourceRepository::markSynced(qint64 id, const QDateTime& at, QString* error)
{
    QSqlQuery query(m_db);
    // A pass that got through ends the run of failures.
    query.prepare(QStringLiteral("UPDATE sources SET last_sync_at = ?, failing_since = NULL WHERE id = ?"));
    query.addBindValue(at.toSecsSinceEpoch());
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        *error = Tr::tr("Cannot save the source's status: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

std::optional<IngestionSource> SourceRepository::find(qint64 id) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM sources WHERE id = ? AND removed_at IS NULL").arg(Columns));
    query.addBindValue(id);
    if (query.exec() && query.next()) {
        return readSource(query);
    }
    return std::nullopt;
}

std::optional<IngestionSource> SourceRepository::findByName(const QString& name) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM sources WHERE name = ? AND removed_at IS NULL").arg(Columns));
    query.addBindValue(name.trimmed());
    if (query.exec() && query.next()) {
        return readSource(query);
    }
    return std::nullopt;
}

QList<IngestionSource> SourceRepository::list() const
{
    QList<IngestionSource> sources;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT %1 FROM sources WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE")
                        .arg(Columns))) {
        return sources;
    }
    while (query.next()) {
        sources << readSource(query);
    }
    return sources;
}

bool SourceRepository::removeKeepingMail(qint64 id, QString* error)
{
    // The row stays, so its folders and their mail stay; the name gets the
    // removal date and the id so that a new source may take the old name.
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE sources SET removed_at = strftime('%s','now'), status = 'paused', "
                                 "name = name || ' (removed ' || date('now') || ', #' || id || ')' "
                                 "WHERE id = ? AND removed_at IS NULL"));
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        *error = Tr::tr("Cannot remove the source: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

QList<IngestionSource> SourceRepository::listRemovedWithMail() const
{
    QList<IngestionSource> sources;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT %1 FROM sources s WHERE removed_at IS NOT NULL AND EXISTS (SELECT 1 FROM "
                                   "folders f JOIN locations l ON l.folder_id = f.id WHERE f.source_id = s.id) "
                                   "ORDER BY name COLLATE NOCASE")
                        .arg(Columns))) {
        return sources;
    }
    while (query.next()) {
        sources << readSource(query);
    }
    return sources;
}
