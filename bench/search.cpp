// Searching a big archive the way the search box does: for each shape of
// query of issue 12 (a rare word, a common word, a phrase, a prefix, from:,
// a date range, has:attachment, two words with from:, a negation, a common
// word ranked by relevance), the first page of 50 results and the count
// capped at 10,000, through ArchiveReader on a read-only connection as
// ArchiveQueryRunner opens it. The words are chosen from the archive's own
// index so each shape is what it claims to be. Optionally the same shapes
// through notmuch's CLI on the same mail, for a ratio.
// See docs/benchmarks.md for the commands and the results.
#include "BrowseArchive.h"
#include "archive/Archive.h"
#include "archive/ArchiveDatabase.h"
#include "archive/ArchiveReader.h"
#include "archive/MessageListStatement.h"
#include "search/SearchQuery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace {

constexpr int PageSize = 50;
constexpr qint64 CountCap = 10000;
const QString ReaderRole = QStringLiteral("bench-search");
const QString VocabularyConnection = QStringLiteral("bench-search-vocabulary");

double msSince(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : (value < 100 ? 1 : 0));
}

// The value below which `share` of the values lie (nearest rank).
double percentile(QList<double> values, double share)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<qsizetype>(std::ceil(share * static_cast<double>(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

QString range(const QList<double>& values)
{
    return ms(percentile(values, 0.5)) + QStringLiteral(" / ") + ms(percentile(values, 0.95));
}

double loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly)) {
        return -1;
    }
    return file.readAll().split(' ').value(0).toDouble();
}

struct Shape
{
    QString name;
    QString text; // in the search box's language
    bool ranked = false;
    QString notmuch; // the same in notmuch's language; empty: none
    qint64 matches = 0; // every message it finds
    QList<double> pageMs;
    QList<double> countMs;
    QList<double> notmuchSearchMs;
    QList<double> notmuchCountMs;
    qint64 notmuchMatches = -1;
};

Shape shapeOf(const QString& name, const QString& text, bool ranked, const QString& notmuch)
{
    Shape shape;
    shape.name = name;
    shape.text = text;
    shape.ranked = ranked;
    shape.notmuch = notmuch;
    return shape;
}

MessageListQuery listOf(const Shape& shape)
{
    MessageListQuery list;
    list.search = SearchQuery::parse(shape.text);
    if (shape.ranked) {
        list.sort = MessageListQuery::Sort::Relevance;
    }
    return list;
}

// The first two pages of a list: read without error, the second after the
// first and none of its messages again; in a folder, every message there.
bool pagesFollow(const ArchiveReader& reader, const MessageListQuery& list, QString* error)
{
    const MessagePage firstPage = reader.page(list, PageCursor {}, PageSize);
    const MessagePage secondPage = firstPage.atEnd ? MessagePage() : reader.page(list, firstPage.next, PageSize);
    if (!firstPage.error.isEmpty() || !secondPage.error.isEmpty()) {
        *error = firstPage.error + secondPage.error;
        return false;
    }
    QSet<qint64> seen;
    for (const MessageSummary& message : firstPage.messages + secondPage.messages) {
        if (seen.contains(message.id)) {
            *error = QStringLiteral("message %1 is on both pages").arg(message.id);
            return false;
        }
        seen.insert(message.id);
        if (list.scope == MessageListQuery::Scope::Folder) {
            const QList<MessageLocation> locations = reader.locations(message.id);
            if (std::none_of(locations.begin(), locations.end(), [&list](const MessageLocation& location) {
                    return location.folderId == list.id;
                })) {
                *error = QStringLiteral("message %1 is not in the folder").arg(message.id);
                return false;
            }
        }
    }
    if (!firstPage.atEnd && secondPage.messages.isEmpty()) {
        *error = QStringLiteral("the second page is empty");
        return false;
    }
    return true;
}

// ---- Choosing the words from the index --------------------------------------------

struct Term
{
    QString text;
    qint64 documents = 0;
};

// Every term of the index with the number of messages it is in, read
// through fts5vocab on a connection of its own (the reader's refuses even
// temporary tables). `words` are of letters only; `tokens` may hold digits
// too (an invoice number is as likely a rare search as a name).
bool readVocabulary(const QString& path, QList<Term>* words, QList<Term>* tokens, QList<Term>* senders, QString* error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), VocabularyConnection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("CREATE VIRTUAL TABLE temp.bench_rows USING fts5vocab(main, 'message_fts', 'row')"))
        || !query.exec(
            QStringLiteral("CREATE VIRTUAL TABLE temp.bench_columns USING fts5vocab(main, 'message_fts', 'col')"))) {
        *error = query.lastError().text();
        return false;
    }
    const QString letters = QStringLiteral(" AND term NOT GLOB '*[^a-z]*' AND length(term) >= 4");
    if (!query.exec(QStringLiteral("SELECT term, doc, term NOT GLOB '*[^a-z]*' FROM temp.bench_rows "
                                   "WHERE term NOT GLOB '*[^a-z0-9]*' AND length(term) >= 4"))) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        const Term term {query.value(0).toString(), query.value(1).toLongLong()};
        tokens->append(term);
        if (query.value(2).toBool()) {
            words->append(term);
        }
    }
    if (!query.exec(QStringLiteral("SELECT term, doc FROM temp.bench_columns WHERE col = 'sender'") + letters)) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        senders->append({query.value(0).toString(), query.value(1).toLongLong()});
    }
    return true;
}

// The term whose message count is nearest `documents` (the first in the
// index's order on a tie), leaving out `taken`.
Term nearest(const QList<Term>& terms, double documents, const QStringList& taken = {})
{
    Term best;
    double distance = std::numeric_limits<double>::max();
    for (const Term& term : terms) {
        const double here = std::abs(static_cast<double>(term.documents) - documents);
        if (here < distance && !taken.contains(term.text)) {
            best = term;
            distance = here;
        }
    }
    return best;
}

int termsStartingWith(const QList<Term>& terms, const QString& prefix)
{
    return static_cast<int>(
        std::count_if(terms.begin(), terms.end(), [&](const Term& term) { return term.text.startsWith(prefix); }));
}

// The months holding the middle tenth of the archive's mail (from the
// message at 45 % to the one at 55 % in date order), as date:YYYY-MM..YYYY-MM.
// The generator's dates run far into the future, so a fixed range would
// find nearly nothing.
QString middleMonths(const QSqlDatabase& db, qint64 messages)
{
    const auto dateAt = [&db](qint64 offset) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT date FROM messages ORDER BY date DESC, id DESC LIMIT 1 OFFSET ?"));
        query.addBindValue(offset);
        return query.exec() && query.next() ? QDateTime::fromSecsSinceEpoch(query.value(0).toLongLong()).date()
                                            : QDate(2020, 1, 1);
    };
    const QDate last = dateAt(messages * 45 / 100);
    const QDate first = dateAt(messages * 55 / 100);
    const auto month = [](const QDate& date) { return date.toString(QStringLiteral("yyyy-MM")); };
    return QStringLiteral("date:%1..%2").arg(month(first), month(last));
}

// ---- notmuch ------------------------------------------------------------------------

// One notmuch command's wall time, process start included (as a script or
// a mail client calling it pays); -1 when it failed.
double runNotmuch(const QString& config, const QStringList& arguments, QByteArray* output)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral("notmuch"), QStringList {QStringLiteral("--config=") + config} + arguments);
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return -1;
    }
    const double elapsed = msSince(timer);
    *output = process.readAllStandardOutput();
    return elapsed;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Archive search benchmark"));
    parser.addHelpOption();
    const QCommandLineOption messagesOption(QStringLiteral("messages"),
                                            QStringLiteral("Messages to generate when the archive is built."),
                                            QStringLiteral("n"),
                                            QStringLiteral("100000"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QStringLiteral("Generator seed."), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption archiveOption(QStringLiteral("archive"),
                                           QStringLiteral("The archive file (default: a temporary one)."),
                                           QStringLiteral("path"));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Keep the archive, and reuse it when it exists."));
    const QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("Timed runs of each shape."), QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption explainOption(QStringLiteral("explain"),
                                           QStringLiteral("Print each shape's SQL query plan."));
    const QCommandLineOption sizesOption(QStringLiteral("no-sizes"),
                                         QStringLiteral("Skip measuring the index's size (reads the whole index)."));
    const QCommandLineOption notmuchOption(
        QStringLiteral("notmuch-config"),
        QStringLiteral("Also time notmuch (count, search --limit=50) with this config, whose database indexes the "
                       "same mail."),
        QStringLiteral("file"));
    parser.addOptions(
        {messagesOption, seedOption, archiveOption, keepOption, runsOption, explainOption, sizesOption, notmuchOption});
    parser.process(app);

    QTextStream out(stdout);
    const QTemporaryDir directory;
    const QString path =
        parser.isSet(archiveOption) ? parser.value(archiveOption) : directory.filePath(QStringLiteral("search.sqlite"));
    // Opened once read-write, as the app does at start: creates or upgrades
    // the file; the measuring is on a read-only connection.
    if (!BrowseArchive::openOrBuild(path,
                                    parser.isSet(keepOption),
                                    parser.value(messagesOption).toInt(),
                                    parser.value(seedOption).toULongLong(),
                                    out)) {
        return 1;
    }
    QString error;
    const QSqlDatabase db = ArchiveDatabase::readOnlyConnection(path, ReaderRole, &error);
    if (!db.isOpen()) {
        out << error << '\n';
        return 1;
    }
    const ArchiveReader reader(db);
    const qint64 messages = reader.messageCount();
    out << "archive: " << path << ", " << messages << " messages, "
        << QString::number(BrowseArchive::fileSize(path) / 1e9, 'f', 2) << " GB; load average " << loadAverage()
        << "\n";

    // ---- The shapes, with words from the index --------------------------------
    QElapsedTimer timer;
    timer.start();
    QList<Term> vocabulary;
    QList<Term> tokens;
    QList<Term> senders;
    if (!readVocabulary(path, &vocabulary, &tokens, &senders, &error)) {
        out << "cannot read the index's vocabulary: " << error << '\n';
        return 1;
    }
    out << "vocabulary: " << vocabulary.size() << " words, " << tokens.size() << " with numbers, " << senders.size()
        << " in senders, read in " << ms(msSince(timer)) << " ms\n";
    const double all = static_cast<double>(messages);
    // The generator's words are few and frequent: at 1M the rarest is in
    // hundreds of messages. Its numbers (order and invoice numbers) are rare.
    const Term rare = nearest(vocabulary, 30);
    QList<Term> numbers;
    std::copy_if(tokens.begin(), tokens.end(), std::back_inserter(numbers), [](const Term& term) {
        return term.text.contains(QRegularExpression(QStringLiteral("[0-9]")));
    });
    const Term number = nearest(numbers, 30);
    const Term common = nearest(vocabulary, all / 2);
    const Term second = nearest(vocabulary, all / 10, {common.text});
    const Term third = nearest(vocabulary, all / 5, {common.text, second.text});
    const Term sender = nearest(senders, all / 50);
    // What the box holds while "confirm" or "conference" is being typed:
    // a prefix of several words, most of the mail between them.
    const QString prefix = QStringLiteral("conf");
    const QString dates = middleMonths(db, messages);
    out << "words: rare " << rare.text << " (" << rare.documents << "), number " << number.text << " ("
        << number.documents << "), common " << common.text << " (" << common.documents << "), " << second.text << " ("
        << second.documents << "), " << third.text << " (" << third.documents << "), sender " << sender.text << " ("
        << sender.documents << "); " << prefix << "* stands for " << termsStartingWith(vocabulary, prefix)
        << " words\n";

    const QString notmuchDates = dates.mid(5); // notmuch reads date:A..B alike
    QList<Shape> shapes {
        shapeOf(QStringLiteral("rare word"), rare.text, false, rare.text),
        shapeOf(QStringLiteral("rare number"), number.text, false, number.text),
        shapeOf(QStringLiteral("common word"), common.text, false, common.text),
        shapeOf(QStringLiteral("phrase"),
                QStringLiteral("\"project update\""),
                false,
                QStringLiteral("\"project update\"")),
        shapeOf(QStringLiteral("prefix"), prefix + QLatin1Char('*'), false, prefix + QLatin1Char('*')),
        shapeOf(QStringLiteral("from:"),
                QStringLiteral("from:") + sender.text,
                false,
                QStringLiteral("from:") + sender.text),
        shapeOf(QStringLiteral("date range"), dates, false, QStringLiteral("date:") + notmuchDates),
        shapeOf(QStringLiteral("has:attachment"),
                QStringLiteral("has:attachment"),
                false,
                QStringLiteral("tag:attachment")),
        shapeOf(QStringLiteral("two words + from:"),
                QStringLiteral("from:%1 %2 %3").arg(sender.text, second.text, third.text),
                false,
                QStringLiteral("from:%1 and %2 and %3").arg(sender.text, second.text, third.text)),
        shapeOf(QStringLiteral("negation"),
                QStringLiteral("%1 -%2").arg(common.text, third.text),
                false,
                QStringLiteral("%1 and not %2").arg(common.text, third.text)),
        shapeOf(QStringLiteral("ranked common word"), common.text, true, QString()),
        shapeOf(
            QStringLiteral("ranked word + operator"), common.text + QStringLiteral(" has:attachment"), true, QString()),
    };

    // ---- Each shape's matches and plan ----------------------------------------
    qint64 biggestFolder = 0;
    qint64 biggestCount = 0;
    for (const FolderEntry& folder : reader.folderEntries()) {
        if (folder.messageCount > biggestCount) {
            biggestFolder = folder.id;
            biggestCount = folder.messageCount;
        }
    }
    for (Shape& shape : shapes) {
        const MessageListQuery list = listOf(shape);
        if (!list.search->isValid()) {
            out << shape.text << ": " << list.search->error() << '\n';
            return 1;
        }
        shape.matches = reader.count(list, std::numeric_limits<int>::max() - 1);
        // The second page follows the first (each plan's keyset cursor
        // works), and the same in the biggest folder, where ranking keeps to
        // the list.
        MessageListQuery inFolder = list;
        inFolder.scope = MessageListQuery::Scope::Folder;
        inFolder.id = biggestFolder;
        if (!pagesFollow(reader, list, &error) || !pagesFollow(reader, inFolder, &error)) {
            out << shape.text << ": " << error << '\n';
            return 1;
        }
        if (parser.isSet(explainOption)) {
            const MessageListStatement statement =
                MessageListStatement::build(db, QStringLiteral("m.id"), list, {}, PageSize);
            QSqlQuery query(db);
            query.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + statement.sql);
            for (const QVariant& binding : statement.bindings) {
                query.addBindValue(binding);
            }
            out << "\n" << shape.name << " [" << shape.text << "]\n  " << statement.sql << "\n";
            if (query.exec()) {
                while (query.next()) {
                    out << "  " << query.value(1).toInt() << " " << query.value(3).toString() << '\n';
                }
            }
        }
    }

    // ---- Timing -------------------------------------------------------------------
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const double loadBefore = loadAverage();
    timer.restart();
    // One warm-up round (not counted), then `runs` rounds over every shape, so
    // a busy moment of the machine spreads over all shapes instead of one.
    for (int round = 0; round <= runs; ++round) {
        for (Shape& shape : shapes) {
            const MessageListQuery list = listOf(shape);
            QElapsedTimer one;
            one.start();
            const MessagePage page = reader.page(list, PageCursor {}, PageSize);
            const double pageMs = msSince(one);
            if (!page.error.isEmpty()) {
                out << shape.text << ": " << page.error << '\n';
                return 1;
            }
            one.restart();
            const qint64 counted = reader.count(list, CountCap);
            const double countMs = msSince(one);
            if (counted != std::min(shape.matches, CountCap + 1)) {
                out << shape.text << ": counted " << counted << " of " << shape.matches << '\n';
                return 1;
            }
            if (round > 0) {
                shape.pageMs << pageMs;
                shape.countMs << countMs;
            }
        }
    }
    const double ourSeconds = msSince(timer) / 1000;
    const double loadAfter = loadAverage();

    out << "\n"
        << runs << " runs after one warm-up, warm page cache; load average " << loadBefore << " before, " << loadAfter
        << " after (" << QString::number(ourSeconds, 'f', 1) << " s)\n\n"
        << "| shape | query | matches | first page of 50 p50 / p95 (ms) | count to 10,000 p50 / p95 (ms) |\n"
        << "|---|---|---|---|---|\n";
    for (const Shape& shape : shapes) {
        out << "| " << shape.name << " | `" << shape.text << "`"
            << (shape.ranked ? QStringLiteral(", by relevance") : QString()) << " | " << shape.matches << " | "
            << range(shape.pageMs) << " | " << range(shape.countMs) << " |\n";
    }
    out.flush();

    // ---- The index's size against the blobs' --------------------------------------
    if (!parser.isSet(sizesOption)) {
        timer.restart();
        QSqlQuery query(QSqlDatabase::database(VocabularyConnection));
        qint64 index = 0;
        qint64 blobPages = 0;
        if (query.exec(QStringLiteral(
                "SELECT name, sum(pgsize) FROM dbstat WHERE name IN ('message_fts_data', 'message_fts_idx', "
                "'message_fts_docsize', 'message_fts_config', 'blobs') GROUP BY name"))) {
            while (query.next()) {
                out << "  " << query.value(0).toString() << ": " << query.value(1).toLongLong() << " bytes\n";
                if (query.value(0).toString() == QLatin1String("blobs")) {
                    blobPages = query.value(1).toLongLong();
                } else {
                    index += query.value(1).toLongLong();
                }
            }
        } else {
            out << "dbstat: " << query.lastError().text() << '\n';
        }
        qint64 blobData = 0;
        qint64 raw = 0;
        if (query.exec(QStringLiteral("SELECT sum(length(data)), sum(raw_size) FROM blobs")) && query.next()) {
            blobData = query.value(0).toLongLong();
            raw = query.value(1).toLongLong();
        }
        out << "index (message_fts_*): " << index << " bytes; blobs: " << blobData << " bytes of data (" << blobPages
            << " in pages), raw mail " << raw << " bytes\nindex ÷ blob data "
            << QString::number(static_cast<double>(index) / static_cast<double>(std::max<qint64>(1, blobData)), 'f', 3)
            << ", ÷ raw "
            << QString::number(static_cast<double>(index) / static_cast<double>(std::max<qint64>(1, raw)), 'f', 3)
            << " (" << ms(msSince(timer)) << " ms)\n";
    }

    // ---- notmuch on the same mail -------------------------------------------------
    if (parser.isSet(notmuchOption)) {
        const QString config = parser.value(notmuchOption);
        QByteArray output;
        // What starting notmuch and opening its database cost, for a query
        // that finds nothing.
        QList<double> startMs;
        for (int round = 0; round <= runs; ++round) {
            const double elapsed =
                runNotmuch(config, {QStringLiteral("count"), QStringLiteral("id:nothing@bench.invalid")}, &output);
            if (round > 0) {
                startMs << elapsed;
            }
        }
        for (int round = 0; round <= runs; ++round) {
            for (Shape& shape : shapes) {
                if (shape.notmuch.isEmpty()) {
                    continue;
                }
                const double search = runNotmuch(config,
                                                 {QStringLiteral("search"),
                                                  QStringLiteral("--output=summary"),
                                                  QStringLiteral("--limit=50"),
                                                  shape.notmuch},
                                                 &output);
                const double count = runNotmuch(config, {QStringLiteral("count"), shape.notmuch}, &output);
                if (search < 0 || count < 0) {
                    out << "notmuch failed on " << shape.notmuch << '\n';
                    return 1;
                }
                shape.notmuchMatches = output.trimmed().toLongLong();
                if (round > 0) {
                    shape.notmuchSearchMs << search;
                    shape.notmuchCountMs << count;
                }
            }
        }
        out << "\nnotmuch " << runs << " runs after one warm-up; a query finding nothing takes " << range(startMs)
            << " ms (process start and database open); load average " << loadAverage() << "\n\n"
            << "| shape | notmuch query | notmuch matches | search --limit=50 p50 / p95 (ms) | ÷ our first page (p50) "
               "| "
               "count p50 / p95 (ms) | ÷ our count (p50) |\n|---|---|---|---|---|---|---|\n";
        for (const Shape& shape : shapes) {
            if (shape.notmuch.isEmpty()) {
                continue;
            }
            const auto ratio = [](const QList<double>& theirs, const QList<double>& ours) {
                return QString::number(percentile(theirs, 0.5) / std::max(0.001, percentile(ours, 0.5)), 'f', 1);
            };
            out << "| " << shape.name << " | `" << shape.notmuch << "` | " << shape.notmuchMatches << " | "
                << range(shape.notmuchSearchMs) << " | " << ratio(shape.notmuchSearchMs, shape.pageMs) << " | "
                << range(shape.notmuchCountMs) << " | " << ratio(shape.notmuchCountMs, shape.countMs) << " |\n";
        }
    }
    return 0;
}
