#include "MessageListStatement.h"

#include "ArchiveReader.h"

#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace {

// Below this the archive is small enough for either way to be instant.
constexpr qint64 SmallestGatherLimit = 2000;
// A scope of at most 1/GatherShare of the archive is gathered.
constexpr qint64 GatherShare = 50;

// How SearchQuery::condition() writes the words a query must contain
// (compile() in core/search/SearchQuery.cpp), alone or first in an AND;
// its first binding is then the FTS5 expression.
const QString IndexedWords = QStringLiteral("m.id IN (SELECT rowid FROM message_fts WHERE message_fts MATCH ?)");
// About how many steps of a walk down the date index (each a look-up in the
// set of matches) cost as much as gathering one match (a look-up of the
// message by id, then sorting it in): a rough figure from bench/search at
// 100k and 1M (docs/benchmarks.md); the choice is not sensitive to it.
constexpr double WalkStepsPerGather = 20;
// Relevance scores every match (bm25 reads each one's positions): above this
// many matches of its words, only the most recently archived matches of the
// whole query are ranked.
constexpr qint64 RankedMatches = 10000;

// The sort key, written exactly as the index of format 10 that serves it
// (SQLite uses an expression index only for the same expression).
QString sortKey(const MessageListQuery& list, bool folderByDate)
{
    using Sort = MessageListQuery::Sort;
    switch (list.sort) {
    case Sort::Date:
        return folderByDate ? QStringLiteral("l.message_date") : QStringLiteral("m.date");
    case Sort::Correspondent:
        return list.byRecipients
            ? QStringLiteral("m.recipients COLLATE NOCASE")
            : QStringLiteral("(CASE WHEN m.from_name <> '' THEN m.from_name ELSE m.from_address END) COLLATE NOCASE");
    case Sort::Subject:
        return QStringLiteral("m.subject COLLATE NOCASE");
    case Sort::Size:
        return QStringLiteral("m.size");
    case Sort::Relevance:
        return QStringLiteral("r.score");
    }
    return {};
}

// A scope's message ids (may repeat), and the same as a test on m.id.
struct ScopeSql
{
    QString ids;
    QString contains;
};

ScopeSql scopeSql(MessageListQuery::Scope scope)
{
    using Scope = MessageListQuery::Scope;
    switch (scope) {
    case Scope::Folder:
        // The unary + keeps SQLite from answering the EXISTS through the
        // (folder, date) index, which would scan the whole folder for every
        // message walked instead of looking the message up.
        return {QStringLiteral("SELECT l.message_id FROM locations l WHERE l.folder_id = ?"),
                QStringLiteral("EXISTS (SELECT 1 FROM locations l WHERE l.message_id = m.id AND +l.folder_id = ?)")};
    case Scope::Source:
        return {QStringLiteral("SELECT l.message_id FROM locations l JOIN folders f ON f.id = l.folder_id "
                               "WHERE f.source_id = ?"),
                QStringLiteral("EXISTS (SELECT 1 FROM locations l JOIN folders f ON f.id = l.folder_id "
                               "WHERE l.message_id = m.id AND f.source_id = ?)")};
    case Scope::RemovedSources:
        return {QStringLiteral("SELECT l.message_id FROM locations l JOIN folders f ON f.id = l.folder_id "
                               "JOIN sources s ON s.id = f.source_id WHERE s.removed_at IS NOT NULL"),
                QStringLiteral("EXISTS (SELECT 1 FROM locations l JOIN folders f ON f.id = l.folder_id "
                               "JOIN sources s ON s.id = f.source_id "
                               "WHERE l.message_id = m.id AND s.removed_at IS NOT NULL)")};
    case Scope::All:
        break;
    }
    return {};
}

// The FTS5 expression that every match of `search` satisfies and through
// which SQLite reads the matches (it looks each one up by id): empty when
// the condition has no such term (only operators, or words under OR or NOT
// beside other operators).
QString drivingMatch(const SearchQuery& search)
{
    const QString condition = search.condition();
    if (condition == IndexedWords || condition.startsWith(QLatin1Char('(') + IndexedWords + QLatin1Char(' '))) {
        return search.bindings().value(0).toString();
    }
    return {};
}

// The matches of an FTS5 expression, counting at most `cap` + 1.
qint64 cappedMatches(QSqlDatabase db, const QString& match, qint64 cap)
{
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT count(*) FROM (SELECT rowid FROM message_fts WHERE message_fts MATCH ? LIMIT ?)"));
    query.addBindValue(match);
    query.addBindValue(cap + 1);
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

qint64 largestMessageId(QSqlDatabase db)
{
    QSqlQuery query(db);
    // The largest id stands in for the message count: COUNT(*) would read
    // the whole table, and ids only grow.
    return query.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM messages")) && query.next()
        ? query.value(0).toLongLong()
        : 0;
}

} // namespace

MessageListStatement::Strategy
MessageListStatement::choose(QSqlDatabase db, const QString& scopeIds, const QVariantList& scopeBindings)
{
    const qint64 limit = std::max(SmallestGatherLimit, largestMessageId(db) / GatherShare);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM (%1 LIMIT ?)").arg(scopeIds));
    for (const QVariant& binding : scopeBindings) {
        query.addBindValue(binding);
    }
    query.addBindValue(limit + 1);
    if (!query.exec() || !query.next()) {
        return Strategy::Walk;
    }
    return query.value(0).toLongLong() <= limit ? Strategy::Gather : Strategy::Walk;
}

MessageListStatement MessageListStatement::build(QSqlDatabase db,
                                                 const QString& columns,
                                                 const MessageListQuery& list,
                                                 const PageCursor& after,
                                                 int limit,
                                                 Strategy strategy)
{
    using Scope = MessageListQuery::Scope;
    using Sort = MessageListQuery::Sort;
    MessageListQuery effective = list;
    effective.sort = list.effectiveSort();
    if (effective.sort != list.sort) {
        effective.order = Qt::DescendingOrder; // unrankable: newest first
    }
    const bool relevance = effective.sort == Sort::Relevance;
    const bool folderByDate = list.scope == Scope::Folder && effective.sort == Sort::Date;
    const QString key = sortKey(effective, folderByDate);
    const QString id = folderByDate ? QStringLiteral("l.message_id") : QStringLiteral("m.id");
    // bm25 is lower for a better match.
    const bool descending = !relevance && effective.order == Qt::DescendingOrder;

    MessageListStatement statement;
    QString from = QStringLiteral("messages m");
    QStringList where;
    QString condition = list.search ? list.search->condition() : QString();
    const QString driving = list.search ? drivingMatch(*list.search) : QString();
    bool conditionInRanking = false;
    // The ranked set: the newest RankedMatches matches only (see below).
    bool rankNewest = false;
    qsizetype skippedBindings = 0; // of the search's, for a term left out of its condition
    if (relevance) {
        // Words only: the ranked set holds exactly the query's matches, so
        // it is the whole condition.
        conditionInRanking = !driving.isEmpty() && condition == IndexedWords;
        const QString ranking = driving.isEmpty() ? list.search->rankingMatch() : driving;
        rankNewest = cappedMatches(db, ranking, RankedMatches) > RankedMatches;
        if (rankNewest) {
            statement.bindings << ranking;
            const QString wordsFirst = QLatin1Char('(') + IndexedWords + QLatin1String(" AND ");
            if (!conditionInRanking && condition.startsWith(wordsFirst)) {
                // The ranked set is read through the words already: testing
                // them again would build the set of all their matches.
                condition.remove(1, wordsFirst.size() - 1);
                skippedBindings = 1;
            }
        } else {
            // Every match is scored; the page is the best of them.
            from = QStringLiteral("messages m JOIN (SELECT rowid AS rid, bm25(message_fts) AS score FROM message_fts "
                                  "WHERE message_fts MATCH ?) r ON r.rid = m.id");
            statement.bindings << list.search->rankingMatch();
            conditionInRanking = false;
        }
    } else if (!driving.isEmpty()) {
        // SQLite reads the matches and sorts them (Gather): quick for a few,
        // slow for half the archive. Walking the sort order's index instead
        // and keeping the rows in the (precomputed) set of matches costs
        // about the rows walked before `limit` are found: archive / matches
        // × limit. Counting the matches up to where both cost the same
        // decides; the count reads only the index's list of ids.
        const double walked = static_cast<double>(limit + 1) * static_cast<double>(largestMessageId(db));
        const auto balance = static_cast<qint64>(std::sqrt(walked / WalkStepsPerGather));
        if (cappedMatches(db, driving, balance) > balance) {
            // The unary + keeps SQLite from reading the set by id.
            condition.insert(condition.indexOf(IndexedWords), QLatin1Char('+'));
        }
    }
    if (folderByDate) {
        // One row per location: a message the server holds twice in the
        // folder is listed twice, as the server lists it.
        from = QStringLiteral("locations l JOIN messages m ON m.id = l.message_id");
        where << QStringLiteral("l.folder_id = ?");
        statement.bindings << list.id;
    } else if (list.scope != Scope::All) {
        const ScopeSql scope = scopeSql(list.scope);
        QVariantList scopeBindings;
        if (list.scope != Scope::RemovedSources) {
            scopeBindings << list.id;
        }
        statement.strategy = strategy == Strategy::Auto ? choose(db, scope.ids, scopeBindings) : strategy;
        where << (statement.strategy == Strategy::Gather ? QStringLiteral("m.id IN (%1)").arg(scope.ids)
                                                         : scope.contains);
        statement.bindings << scopeBindings;
    }
    if (!list.within.isEverything()) {
        QString named = QStringLiteral("EXISTS (SELECT 1 FROM locations l2 JOIN folders f2 ON f2.id = l2.folder_id "
                                       "JOIN sources s2 ON s2.id = f2.source_id WHERE l2.message_id = m.id");
        if (!list.within.sourceName.isEmpty()) {
            named += QStringLiteral(" AND s2.name = ?");
            statement.bindings << list.within.sourceName;
        }
        if (!list.within.folderPath.isEmpty()) {
            named += QStringLiteral(" AND f2.path = ?");
            statement.bindings << list.within.folderPath;
        }
        where << named + QLatin1Char(')');
    }
    if (list.search && !conditionInRanking) {
        where << QLatin1Char('(') + condition + QLatin1Char(')');
        statement.bindings << list.search->bindings().mid(skippedBindings);
    }
    if (rankNewest) {
        // Too many matches to score them all at once (bm25 reads each one's
        // positions): the best of the newest archived ones, read in the
        // index's own order (rowid, newest first) until RankedMatches of
        // them are in the list.
        const QString ranked = QStringLiteral(
            "(SELECT rowid AS rid, bm25(message_fts) AS score FROM message_fts WHERE message_fts MATCH ? "
            "ORDER BY rowid DESC");
        if (where.isEmpty()) {
            from = QStringLiteral("messages m JOIN %1 LIMIT %2) r ON r.rid = m.id")
                       .arg(ranked, QString::number(RankedMatches));
        } else {
            from = QStringLiteral("messages m JOIN (SELECT r.rid, r.score FROM %1) r JOIN messages m ON m.id = r.rid "
                                  "WHERE %2 ORDER BY r.rid DESC LIMIT %3) r ON r.rid = m.id")
                       .arg(ranked, where.join(QStringLiteral(" AND ")), QString::number(RankedMatches));
            where.clear();
        }
    }
    if (!after.isStart()) {
        // Spelt out rather than as a row value, (key, id) < (?, ?): SQLite
        // seeks in the index for this form, but scans from the start for a
        // row value whose key has a collation.
        const QString beyond = descending ? QStringLiteral("<") : QStringLiteral(">");
        where << QStringLiteral("%1 %2= ? AND (%1 %2 ? OR %3 %2 ?)").arg(key, beyond, id);
        statement.bindings << after.key << after.key << after.id;
    }
    const QString direction = descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    statement.sql =
        QStringLiteral("SELECT %1, %2 FROM %3 %4 ORDER BY %2 %5, %6 %5 LIMIT ?")
            .arg(columns,
                 key,
                 from,
                 where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")),
                 direction,
                 id);
    statement.bindings << limit + 1;
    return statement;
}
