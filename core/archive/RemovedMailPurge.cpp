#include "RemovedMailPurge.h"

#include "Archive.h"
#include "MessageDeletion.h"
#include "SqlTransaction.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RemovedMailPurge)
};

constexpr int PageSize = 2000;

const QString HeldByRemoved = QStringLiteral(
    "EXISTS (SELECT 1 FROM locations l JOIN folders f ON f.id = l.folder_id JOIN sources s ON s.id = f.source_id "
    "WHERE l.message_id = ? AND s.removed_at IS NOT NULL)");
const QString HeldByCurrent = QStringLiteral(
    "EXISTS (SELECT 1 FROM locations l JOIN folders f ON f.id = l.folder_id JOIN sources s ON s.id = f.source_id "
    "WHERE l.message_id = ? AND s.removed_at IS NULL)");

} // namespace

RemovedMailPurge::RemovedMailPurge(const Archive& archive)
    : m_db(archive.connection())
{
}

RemovedMailPurge::RemovedMailPurge(QSqlDatabase database)
    : m_db(std::move(database))
{
}

QList<qint64> RemovedMailPurge::chosen(const Selection& selection, QString* error) const
{
    QList<qint64> candidates = selection.ids;
    if (candidates.isEmpty()) {
        // Read in full first: ids of a million messages are 8 MB, and the
        // list must not change under its own cursor while rows go.
        const ArchiveReader reader(m_db);
        MessageListQuery list = selection.list;
        list.sort = MessageListQuery::Sort::Date;
        PageCursor cursor;
        while (true) {
            const MessagePage page = reader.page(list, cursor, PageSize);
            if (!page.error.isEmpty()) {
                *error = page.error;
                return {};
            }
            for (const MessageSummary& message : page.messages) {
                candidates << message.id;
            }
            if (page.atEnd) {
                break;
            }
            cursor = page.next;
        }
    }
    QSqlQuery held(m_db);
    held.setForwardOnly(true);
    held.prepare(QStringLiteral("SELECT ") + HeldByRemoved);
    QList<qint64> ids;
    QSet<qint64> seen;
    for (const qint64 id : std::as_const(candidates)) {
        if (seen.contains(id)) {
            continue;
        }
        seen.insert(id);
        held.addBindValue(id);
        if (!held.exec() || !held.next()) {
            *error = held.lastError().text();
            return {};
        }
        if (held.value(0).toBool()) {
            ids << id;
        }
    }
    return ids;
}

RemovedMailPurge::Preview RemovedMailPurge::preview(const Selection& selection, QString* error) const
{
    Preview preview;
    QString problem;
    const QList<qint64> ids = chosen(selection, &problem);
    if (!problem.isEmpty()) {
        *error = Tr::tr("Cannot count the mail: %1").arg(problem);
        return {};
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1, m.size FROM messages m WHERE m.id = ?").arg(HeldByCurrent));
    for (const qint64 id : ids) {
        query.addBindValue(id);
        query.addBindValue(id);
        if (!query.exec() || !query.next()) {
            *error = Tr::tr("Cannot count the mail: %1").arg(query.lastError().text());
            return {};
        }
        ++preview.messages;
        if (query.value(0).toBool()) {
            ++preview.kept;
        } else {
            ++preview.deleted;
            preview.bytes += query.value(1).toLongLong();
        }
    }
    return preview;
}

RemovedMailPurge::Result RemovedMailPurge::run(const Selection& selection,
                                               QString* error,
                                               const Progress& progress,
                                               const BeforeCommit& beforeCommit)
{
    Result result;
    SqlTransaction transaction(m_db);
    if (!transaction.isActive()) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(transaction.errorText());
        return {};
    }
    QString problem;
    const QList<qint64> ids = chosen(selection, &problem);
    if (!problem.isEmpty()) {
        *error = Tr::tr("Cannot delete the mail: %1").arg(problem);
        return {};
    }
    QSqlQuery removeLocations(m_db);
    removeLocations.prepare(QStringLiteral(
        "DELETE FROM locations WHERE message_id = ? AND folder_id IN (SELECT f.id FROM folders f JOIN sources s "
        "ON s.id = f.source_id WHERE s.removed_at IS NOT NULL)"));
    QSqlQuery stillHeld(m_db);
    stillHeld.setForwardOnly(true);
    stillHeld.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM locations WHERE message_id = ?)"));
    QList<qint64> orphans;
    for (const qint64 id : ids) {
        removeLocations.addBindValue(id);
        stillHeld.addBindValue(id);
        if (!removeLocations.exec() || !stillHeld.exec() || !stillHeld.next()) {
            *error = Tr::tr("Cannot delete the mail: %1")
                         .arg(removeLocations.lastError().isValid() ? removeLocations.lastError().text()
                                                                    : stillHeld.lastError().text());
            return {};
        }
        result.locationsRemoved += removeLocations.numRowsAffected();
        if (stillHeld.value(0).toBool()) {
            ++result.kept;
        } else {
            orphans << id;
        }
        stillHeld.finish();
    }
    bool cancelled = false;
    if (!MessageDeletion(m_db).run(orphans, &result.bytesFreed, error, progress, &cancelled)) {
        if (cancelled) {
            *error = Tr::tr("Deleting was cancelled; nothing was changed.");
        }
        return {};
    }
    result.deleted = orphans.size();
    if (beforeCommit && !beforeCommit(result, error)) {
        return {};
    }
    if (!transaction.commit()) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(transaction.errorText());
        return {};
    }
    return result;
}
