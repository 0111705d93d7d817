#include "SourcePurge.h"

#include "Archive.h"
#include "MessageDeletion.h"
#include "SqlTransaction.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlError>
#include <QVariant>

#include <algorithm>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SourcePurge)
};

// A source's messages, each once, and whether a folder of another source
// (a removed one too: its mail stays reachable) holds it as well. run()
// deletes the ones nobody else holds; preview() counts the same rows, so the
// promise and the result cannot disagree.
const QString OwnMessages = QStringLiteral(
    "SELECT own.message_id, EXISTS (SELECT 1 FROM locations other JOIN folders f ON f.id = other.folder_id "
    "WHERE other.message_id = own.message_id AND f.source_id <> :source) AS shared "
    "FROM (SELECT DISTINCT l.message_id FROM folders f JOIN locations l ON l.folder_id = f.id "
    "WHERE f.source_id = :source) own");

QString queryError(const QSqlQuery& query)
{
    return query.lastError().text();
}

} // namespace

SourcePurge::SourcePurge(const Archive& archive)
    : m_db(archive.connection())
{
}

SourcePurge::SourcePurge(QSqlDatabase database)
    : m_db(std::move(database))
{
}

SourcePurge::Result
SourcePurge::run(qint64 sourceId, QString* error, const Progress& progress, const BeforeCommit& beforeCommit)
{
    Result result;
    SqlTransaction transaction(m_db);
    if (!transaction.isActive()) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(transaction.errorText());
        return {};
    }
    const auto failed = [&](const QSqlQuery& query) {
        *error = Tr::tr("Cannot remove the source's mail: %1").arg(queryError(query));
        return Result();
    };

    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT name FROM sources WHERE id = ?"));
    query.addBindValue(sourceId);
    if (!query.exec()) {
        return failed(query);
    }
    if (!query.next()) {
        *error = Tr::tr("There is no source %1 in the archive.").arg(sourceId);
        return {};
    }
    result.sourceName = query.value(0).toString();
    query.finish();

    // Which of the source's messages another source holds too. Read in full
    // before anything is deleted: 100,000 ids are under a megabyte.
    query.prepare(OwnMessages);
    query.bindValue(QStringLiteral(":source"), sourceId);
    if (!query.exec()) {
        return failed(query);
    }
    QList<qint64> onlyHere;
    while (query.next()) {
        if (query.value(1).toBool()) {
            ++result.messagesKept;
        } else {
            onlyHere << query.value(0).toLongLong();
        }
    }
    query.finish();

    // Locations first: they refer to the messages about to go.
    query.prepare(
        QStringLiteral("DELETE FROM locations WHERE folder_id IN (SELECT id FROM folders WHERE source_id = ?)"));
    query.addBindValue(sourceId);
    if (!query.exec()) {
        return failed(query);
    }

    bool cancelled = false;
    if (!MessageDeletion(m_db).run(onlyHere, &result.bytesFreed, error, progress, &cancelled)) {
        if (cancelled) {
            *error = Tr::tr("Removing the source was cancelled; nothing was changed.");
        }
        return {};
    }
    result.messagesRemoved = onlyHere.size();

    query.prepare(QStringLiteral("DELETE FROM folders WHERE source_id = ?"));
    query.addBindValue(sourceId);
    if (!query.exec()) {
        return failed(query);
    }
    result.foldersRemoved = query.numRowsAffected();

    // The caller's last word inside the same transaction: marking the
    // source removed and logging it (SourceService).
    if (beforeCommit && !beforeCommit(result, error)) {
        return {};
    }
    if (!transaction.commit()) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(transaction.errorText());
        return {};
    }
    return result;
}

SourcePurge::Preview SourcePurge::preview(qint64 sourceId, QString* error) const
{
    Preview preview;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT count(*), coalesce(sum(NOT own.shared), 0), "
                                 "coalesce(sum(CASE WHEN own.shared THEN 0 ELSE m.size END), 0) FROM (%1) own "
                                 "JOIN messages m ON m.id = own.message_id")
                      .arg(OwnMessages));
    query.bindValue(QStringLiteral(":source"), sourceId);
    if (!query.exec() || !query.next()) {
        *error = Tr::tr("Cannot count the source's mail: %1").arg(queryError(query));
        return {};
    }
    preview.messagesOnlyHere = query.value(1).toLongLong();
    preview.messagesShared = query.value(0).toLongLong() - preview.messagesOnlyHere;
    preview.bytesOnlyHere = query.value(2).toLongLong();
    query.finish();
    if (preview.messagesShared == 0) {
        return preview;
    }
    query.prepare(QStringLiteral("SELECT f.source_id, s.name, s.removed_at IS NOT NULL, count(DISTINCT own.message_id) "
                                 "FROM (%1) own JOIN locations o ON o.message_id = own.message_id "
                                 "JOIN folders f ON f.id = o.folder_id JOIN sources s ON s.id = f.source_id "
                                 "WHERE own.shared AND f.source_id <> :source "
                                 "GROUP BY f.source_id ORDER BY s.name COLLATE NOCASE")
                      .arg(OwnMessages));
    query.bindValue(QStringLiteral(":source"), sourceId);
    if (!query.exec()) {
        *error = Tr::tr("Cannot count the source's mail: %1").arg(queryError(query));
        return {};
    }
    while (query.next()) {
        preview.sharedWith.append({query.value(0).toLongLong(),
                                   query.value(1).toString(),
                                   query.value(2).toBool(),
                                   query.value(3).toLongLong()});
    }
    return preview;
}
