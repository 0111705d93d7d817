#include "TemporaryArchive.h"

#include "MailGenerator.h"
#include "archive/ArchiveReader.h"
#include "archive/MessageListStatement.h"
#include "search/SearchQuery.h"

#include <QSqlQuery>
#include <QStringList>

#include <gtest/gtest.h>

// These tests read SQLite's query plans rather than time the queries: a plan
// says whether the first rows of a list cost a page or the whole archive,
// and it says so on a small archive and a noisy machine.

namespace {

using Scope = MessageListQuery::Scope;
using Sort = MessageListQuery::Sort;
using Strategy = MessageListStatement::Strategy;

QString planOf(QSqlDatabase db, const MessageListStatement& statement)
{
    QSqlQuery query(db);
    EXPECT_TRUE(query.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + statement.sql)) << statement.sql.toStdString();
    for (const QVariant& binding : statement.bindings) {
        query.addBindValue(binding);
    }
    EXPECT_TRUE(query.exec()) << statement.sql.toStdString();
    QStringList steps;
    while (query.next()) {
        steps << query.value(3).toString();
    }
    return steps.join(QLatin1Char('\n'));
}

struct Listing
{
    Sort sort;
    bool byRecipients;
    const char* name;
};

const Listing EveryListing[] = {
    {Sort::Date, false, "date"},
    {Sort::Correspondent, false, "sender"},
    {Sort::Correspondent, true, "recipients"},
    {Sort::Subject, false, "subject"},
    {Sort::Size, false, "size"},
};

// A cursor in the middle of the list, as the second page gets it.
PageCursor middleOf(const ArchiveReader& reader, const MessageListQuery& list)
{
    const MessagePage first = reader.page(list, {}, 5);
    EXPECT_FALSE(first.atEnd);
    return first.next;
}

class MessageListStatementTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString();
        m_inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
        m_small = m_archive.folder(QStringLiteral("Work"), QStringLiteral("Receipts"));
        const QList<GeneratedMessage> messages = MailGenerator::smallMessages(40, 7);
        ASSERT_TRUE(m_archive.store(m_inbox, messages.mid(0, 30)));
        ASSERT_TRUE(m_archive.store(m_small, messages.mid(30)));
    }

    TemporaryArchive m_archive;
    qint64 m_inbox = 0;
    qint64 m_small = 0;
};

} // namespace

// All mail in any order is an index walk that stops after a page, and the
// next page seeks to where the last one ended instead of walking to it.
TEST_F(MessageListStatementTest, AllMailInEveryOrderIsAnIndexWalkThatSeeksToTheNextPage)
{
    const ArchiveReader reader = m_archive.archive().reader();
    for (const Listing& listing : EveryListing) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            MessageListQuery list;
            list.sort = listing.sort;
            list.byRecipients = listing.byRecipients;
            list.order = order;
            const std::string what =
                std::string(listing.name) + (order == Qt::AscendingOrder ? " ascending" : " descending");

            const QString first =
                planOf(reader.database(),
                       MessageListStatement::build(reader.database(), QStringLiteral("m.id"), list, {}, 200));
            EXPECT_FALSE(first.contains(QLatin1String("TEMP B-TREE"))) << what << ":\n" << first.toStdString();
            EXPECT_TRUE(first.contains(QLatin1String("INDEX messages_"))) << what << ":\n" << first.toStdString();

            const QString next =
                planOf(reader.database(),
                       MessageListStatement::build(
                           reader.database(), QStringLiteral("m.id"), list, middleOf(reader, list), 200));
            EXPECT_FALSE(next.contains(QLatin1String("TEMP B-TREE"))) << what << ":\n" << next.toStdString();
            EXPECT_TRUE(next.contains(QLatin1String("SEARCH m USING"))) << what << ":\n" << next.toStdString();
        }
    }
}

// Walking a narrow list looks each message up by its id; it never scans the
// folder's locations once per message, and it never sorts.
TEST_F(MessageListStatementTest, AWalkLooksEachMessageUpAndNeverSorts)
{
    const ArchiveReader reader = m_archive.archive().reader();
    const qint64 work = reader.folders().first().sourceId;
    for (const auto& [scope, id] : {std::pair {Scope::Folder, m_inbox},
                                    std::pair {Scope::Source, work},
                                    std::pair {Scope::RemovedSources, qint64(0)}}) {
        for (const Listing& listing : EveryListing) {
            if (scope == Scope::Folder && listing.sort == Sort::Date) {
                continue; // a folder by date reads its own index, tested below
            }
            MessageListQuery list;
            list.scope = scope;
            list.id = id;
            list.sort = listing.sort;
            list.byRecipients = listing.byRecipients;
            const MessageListStatement statement =
                MessageListStatement::build(reader.database(), QStringLiteral("m.id"), list, {}, 200, Strategy::Walk);
            const QString plan = planOf(reader.database(), statement);
            const std::string what = "scope " + std::to_string(int(scope)) + " " + listing.name;
            EXPECT_FALSE(plan.contains(QLatin1String("TEMP B-TREE"))) << what << ":\n" << plan.toStdString();
            EXPECT_TRUE(plan.contains(QLatin1String("INDEX locations_message"))) << what << ":\n" << plan.toStdString();
            EXPECT_FALSE(plan.contains(QLatin1String("locations_folder_date"))) << what << ":\n" << plan.toStdString();
        }
    }
}

TEST_F(MessageListStatementTest, AFolderByDateSeeksInItsOwnIndex)
{
    const ArchiveReader reader = m_archive.archive().reader();
    MessageListQuery list;
    list.scope = Scope::Folder;
    list.id = m_inbox;
    const QString plan = planOf(
        reader.database(),
        MessageListStatement::build(reader.database(), QStringLiteral("m.id"), list, middleOf(reader, list), 200));
    EXPECT_TRUE(plan.contains(QLatin1String("SEARCH l USING COVERING INDEX locations_folder_date")))
        << plan.toStdString();
    EXPECT_FALSE(plan.contains(QLatin1String("TEMP B-TREE"))) << plan.toStdString();
}

// A scope of at most 1/50 of the archive (and never less than 2,000
// messages) is gathered and sorted; a bigger one is walked.
TEST(MessageListStatement, AutoGathersASmallScopeAndWalksABigOne)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 inbox = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const qint64 small = archive.folder(QStringLiteral("Work"), QStringLiteral("Receipts"));
    const QList<GeneratedMessage> messages = MailGenerator::smallMessages(2030, 11);
    ASSERT_TRUE(archive.store(inbox, messages.mid(0, 2010)));
    ASSERT_TRUE(archive.store(small, messages.mid(2010)));
    const ArchiveReader reader = archive.archive().reader();
    const qint64 work = reader.folders().first().sourceId;

    const auto strategyFor = [&](Scope scope, qint64 id) {
        MessageListQuery list;
        list.scope = scope;
        list.id = id;
        list.sort = Sort::Subject;
        return MessageListStatement::build(reader.database(), QStringLiteral("m.id"), list, {}, 200).strategy;
    };
    EXPECT_EQ(strategyFor(Scope::Folder, inbox), Strategy::Walk);
    EXPECT_EQ(strategyFor(Scope::Source, work), Strategy::Walk);
    EXPECT_EQ(strategyFor(Scope::Folder, small), Strategy::Gather);
    EXPECT_EQ(strategyFor(Scope::RemovedSources, 0), Strategy::Gather);

    // A gathered list never walks the messages' own order.
    MessageListQuery list;
    list.scope = Scope::Folder;
    list.id = small;
    list.sort = Sort::Size;
    const QString plan = planOf(reader.database(),
                                MessageListStatement::build(reader.database(), QStringLiteral("m.id"), list, {}, 200));
    EXPECT_FALSE(plan.contains(QLatin1String("SCAN m"))) << plan.toStdString();
}

// A search of words: a word in few messages is read through the index's
// list of them (look each up, sort the few); a word in many walks the date
// index and keeps what matches, stopping after a page. Also pins how
// MessageListStatement recognises the words in SearchQuery's condition: if
// that text changed, every search would take the first way.
TEST_F(MessageListStatementTest, ARareWordIsGatheredAndACommonWordWalksTheDateIndex)
{
    GeneratedMessage planted;
    planted.raw = "From: a@example.test\r\nSubject: Zyxwvut\r\nDate: Mon, 01 Jan 2024 10:00:00 +0000\r\n\r\nhello\r\n";
    planted.internalDate = QDateTime(QDate(2024, 1, 1), QTime(10, 0), Qt::UTC);
    ASSERT_TRUE(m_archive.store(m_inbox, {planted}));
    const ArchiveReader reader = m_archive.archive().reader();

    MessageListQuery rare;
    rare.search = SearchQuery::parse(QStringLiteral("zyxwvut"));
    const MessageListStatement gathered =
        MessageListStatement::build(reader.database(), QStringLiteral("m.id"), rare, {}, 5);
    EXPECT_FALSE(gathered.sql.contains(QLatin1String("+m.id IN"))) << gathered.sql.toStdString();
    EXPECT_EQ(reader.page(rare, {}, 5).messages.size(), 1);

    MessageListQuery common;
    common.search = SearchQuery::parse(QStringLiteral("the"));
    const qint64 matches = reader.count(common, 1000);
    ASSERT_GT(matches, 10);
    const MessageListStatement walked =
        MessageListStatement::build(reader.database(), QStringLiteral("m.id"), common, {}, 5);
    EXPECT_TRUE(walked.sql.contains(QLatin1String("+m.id IN (SELECT rowid FROM message_fts")))
        << walked.sql.toStdString();
    const QString plan = planOf(reader.database(), walked);
    EXPECT_FALSE(plan.contains(QLatin1String("TEMP B-TREE"))) << plan.toStdString();
    // Either way the same messages in the same order, page after page.
    QList<qint64> paged;
    PageCursor cursor;
    for (int guard = 0; guard < 100; ++guard) {
        const MessagePage page = reader.page(common, cursor, 5);
        for (const MessageSummary& message : page.messages) {
            paged << message.id;
        }
        if (page.atEnd) {
            break;
        }
        cursor = page.next;
    }
    QList<qint64> expected;
    QSqlQuery query(reader.database());
    query.prepare(QStringLiteral("SELECT m.id FROM messages m WHERE %1 ORDER BY m.date DESC, m.id DESC")
                      .arg(common.search->condition()));
    for (const QVariant& binding : common.search->bindings()) {
        query.addBindValue(binding);
    }
    ASSERT_TRUE(query.exec());
    while (query.next()) {
        expected << query.value(0).toLongLong();
    }
    EXPECT_EQ(paged, expected);
}
