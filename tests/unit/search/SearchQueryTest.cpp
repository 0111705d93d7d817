#include "TemporaryArchive.h"

#include "DeterministicRandom.h"
#include "GeneratedMessage.h"
#include "search/SearchQuery.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace {

QByteArray message(const QByteArray& headers, const QByteArray& body)
{
    return headers + "MIME-Version: 1.0\r\n" + body;
}

GeneratedMessage mail(const QByteArray& raw, const QDateTime& date)
{
    GeneratedMessage generated;
    generated.raw = raw;
    generated.internalDate = date;
    return generated;
}

QDateTime utc(int year, int month, int day, int hour = 10, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
}

// A corpus with planted values and decoys: each query below must find
// exactly its set, by subject.
class SearchQueryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString();
        const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
        const qint64 archive2023 = m_archive.folder(QStringLiteral("Work"), QStringLiteral("Archive/2023"));
        const qint64 home = m_archive.folder(QStringLiteral("Home"), QStringLiteral("INBOX"));
        ASSERT_TRUE(inbox && archive2023 && home) << m_archive.error().toStdString();

        const QByteArray pdf = QByteArray(3000, 'x').toBase64();
        ASSERT_TRUE(m_archive.store(
            inbox,
            {
                mail(
                    message(
                        "From: Anna Berg <anna@example.org>\r\nTo: ben@example.com\r\nSubject: Quarterly "
                        "invoice\r\nDate: Tue, 05 Mar 2019 10:00:00 +0000\r\n",
                        "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n"
                        "Please find the invoice attached.\r\n--b1\r\nContent-Type: application/pdf; "
                        "name=\"report-2019.pdf\"\r\nContent-Disposition: attachment; filename=\"report-2019.pdf\"\r\n"
                        "Content-Transfer-Encoding: base64\r\n\r\n"
                            + pdf + "\r\n--b1--\r\n"),
                    utc(2019, 3, 5)),
                // Anna only in the body: no from:anna.
                mail(message("From: Ben Stone <ben@example.com>\r\nTo: anna@example.org\r\nSubject: Lunch\r\nDate: "
                             "Fri, 10 Jan 2020 12:00:00 +0000\r\n",
                             "Content-Type: text/plain\r\n\r\nanna said the invoice is late\r\n"),
                     utc(2020, 1, 10, 12)),
                // An RFC 2047 sender, a diacritic subject, a quoted-printable body.
                mail(message("From: =?UTF-8?B?SsO8cmdlbiBXZWnDnw==?= <juergen@example.de>\r\nTo: "
                             "anna@example.org\r\nSubject: =?UTF-8?Q?Caf=C3=A9_meeting?=\r\nDate: Wed, 30 Jun 2021 "
                             "09:00:00 +0000\r\n",
                             "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: "
                             "quoted-printable\r\n\r\nViele Gr=C3=BC=C3=9Fe aus Berlin\r\n"),
                     utc(2021, 6, 30, 9)),
                // The reminder: "invoice" in the subject only.
                mail(message("From: Anna Berg <anna@example.org>\r\nTo: ben@example.com\r\nSubject: invoice "
                             "reminder\r\nDate: Mon, 01 Feb 2021 08:00:00 +0000\r\n",
                             "Content-Type: text/plain\r\n\r\nA gentle nudge.\r\n"),
                     utc(2021, 2, 1, 8)),
            }))
            << m_archive.error().toStdString();
        // ISO-8859-1, 8-bit, with Cc and a big body.
        QByteArray latin = "Sehr geehrter Herr M\xfcller,\r\n";
        latin += QByteArray(70 * 1024, 'z') + "\r\n";
        ASSERT_TRUE(m_archive.store(
            archive2023,
            {mail(message("From: Eva <eva@example.org>\r\nTo: carol@example.org\r\nCc: dave@example.org\r\nSubject: "
                          "=?ISO-8859-1?Q?=DCbersicht?=\r\nDate: Thu, 12 Jan 2023 10:00:00 +0000\r\n",
                          "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                              + latin),
                  utc(2023, 1, 12))}))
            << m_archive.error().toStdString();
        // A word only inside a base64 body, late on New Year's Eve.
        ASSERT_TRUE(m_archive.store(
            home,
            {mail(message("From: Finn <finn@example.net>\r\nTo: anna@example.org\r\nSubject: Travel\r\nDate: Tue, 31 "
                          "Dec 2019 23:30:00 +0000\r\n",
                          "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                              + QByteArray("We fly to Zanzibar on Monday.\r\n").toBase64() + "\r\n"),
                  utc(2019, 12, 31, 23, 30))}))
            << m_archive.error().toStdString();
    }

    // The subjects the query finds, or an error.
    QSet<QString> find(const QString& text, QString* error = nullptr)
    {
        const SearchQuery parsed = SearchQuery::parse(text, QTimeZone::utc());
        if (!parsed.isValid()) {
            if (error) {
                *error = parsed.error();
            }
            ADD_FAILURE() << text.toStdString() << ": " << parsed.error().toStdString();
            return {};
        }
        QSqlQuery query(m_archive.archive().connection());
        query.prepare(QStringLiteral("SELECT m.subject FROM messages m WHERE ") + parsed.condition());
        for (const QVariant& value : parsed.bindings()) {
            query.addBindValue(value);
        }
        QSet<QString> subjects;
        if (!query.exec()) {
            ADD_FAILURE() << text.toStdString() << ": " << query.lastError().text().toStdString() << "\n"
                          << parsed.condition().toStdString();
            return subjects;
        }
        while (query.next()) {
            subjects << query.value(0).toString();
        }
        return subjects;
    }

    static QSet<QString> set(std::initializer_list<const char*> subjects)
    {
        QSet<QString> out;
        for (const char* subject : subjects) {
            out << QString::fromUtf8(subject);
        }
        return out;
    }

    TemporaryArchive m_archive;
};

TEST_F(SearchQueryTest, WordsMatchEveryPartAndOperatorsOnlyTheirOwn)
{
    EXPECT_EQ(find(QStringLiteral("invoice")), set({"Quarterly invoice", "Lunch", "invoice reminder"}));
    EXPECT_EQ(find(QStringLiteral("subject:invoice")), set({"Quarterly invoice", "invoice reminder"}));
    EXPECT_EQ(find(QStringLiteral("body:invoice")), set({"Quarterly invoice", "Lunch"}));
    EXPECT_EQ(find(QStringLiteral("from:anna")), set({"Quarterly invoice", "invoice reminder"}));
    EXPECT_EQ(find(QStringLiteral("FROM:anna@example.org")), set({"Quarterly invoice", "invoice reminder"}));
    EXPECT_EQ(find(QStringLiteral("to:dave")), set({"Übersicht"})); // Cc counts as to:
    EXPECT_EQ(find(QStringLiteral("filename:report")), set({"Quarterly invoice"}));
    EXPECT_EQ(find(QStringLiteral("zanzibar")), set({"Travel"})); // only in a base64 body
    EXPECT_EQ(find(QStringLiteral("berlin")), set({"Café meeting"})); // quoted-printable
}

TEST_F(SearchQueryTest, DiacriticsAndEncodedHeadersAreFolded)
{
    EXPECT_EQ(find(QStringLiteral("from:jürgen")), set({"Café meeting"}));
    EXPECT_EQ(find(QStringLiteral("from:jurgen")), set({"Café meeting"}));
    EXPECT_EQ(find(QStringLiteral("cafe")), set({"Café meeting"}));
    EXPECT_EQ(find(QStringLiteral("CAFÉ")), set({"Café meeting"}));
    EXPECT_EQ(find(QStringLiteral("muller")), set({"Übersicht"})); // ISO-8859-1 body
    EXPECT_EQ(find(QStringLiteral("subject:ubersicht")), set({"Übersicht"}));
}

TEST_F(SearchQueryTest, PhrasesPrefixesNegationOrAndParentheses)
{
    EXPECT_EQ(find(QStringLiteral("\"the invoice is late\"")), set({"Lunch"}));
    EXPECT_EQ(find(QStringLiteral("\"invoice late\"")), set({}));
    EXPECT_EQ(find(QStringLiteral("inv*")), set({"Quarterly invoice", "Lunch", "invoice reminder"}));
    EXPECT_EQ(find(QStringLiteral("subject:remind*")), set({"invoice reminder"}));
    EXPECT_EQ(find(QStringLiteral("invoice -from:anna")), set({"Lunch"}));
    EXPECT_EQ(find(QStringLiteral("-invoice")), set({"Café meeting", "Übersicht", "Travel"}));
    EXPECT_EQ(find(QStringLiteral("from:anna OR from:ben")), set({"Quarterly invoice", "Lunch", "invoice reminder"}));
    // OR binds tighter than terms side by side.
    EXPECT_EQ(find(QStringLiteral("invoice from:ben OR subject:reminder")), set({"Lunch", "invoice reminder"}));
    EXPECT_EQ(find(QStringLiteral("(invoice anna) OR zanzibar")),
              set({"Quarterly invoice", "Lunch", "invoice reminder", "Travel"}));
    EXPECT_EQ(find(QStringLiteral("-(invoice OR cafe)")), set({"Übersicht", "Travel"}));
    EXPECT_EQ(find(QStringLiteral("has:attachment OR larger:50K")), set({"Quarterly invoice", "Übersicht"}));
    EXPECT_EQ(find(QStringLiteral("invoice AND -has:attachment")), set({"Lunch", "invoice reminder"}));
    // "or" in lower case is a word; "Re:" is not an operator.
    EXPECT_EQ(find(QStringLiteral("nudge or")), set({}));
    EXPECT_EQ(find(QStringLiteral("gentle")), set({"invoice reminder"}));
}

TEST_F(SearchQueryTest, DatesSizesFoldersAndSources)
{
    EXPECT_EQ(find(QStringLiteral("date:2019")), set({"Quarterly invoice", "Travel"}));
    EXPECT_EQ(find(QStringLiteral("date:2019-03")), set({"Quarterly invoice"}));
    EXPECT_EQ(find(QStringLiteral("date:2019-03-05")), set({"Quarterly invoice"}));
    EXPECT_EQ(find(QStringLiteral("date:2019-03..2020-01")), set({"Quarterly invoice", "Travel", "Lunch"}));
    EXPECT_EQ(find(QStringLiteral("before:2020-01-01")), set({"Quarterly invoice", "Travel"}));
    EXPECT_EQ(find(QStringLiteral("after:2021-06-30")), set({"Café meeting", "Übersicht"}));
    EXPECT_EQ(find(QStringLiteral("after:2021 before:2022")), set({"Café meeting", "invoice reminder"}));
    EXPECT_EQ(find(QStringLiteral("larger:50K")), set({"Übersicht"}));
    EXPECT_EQ(find(QStringLiteral("smaller:50k")),
              set({"Quarterly invoice", "Lunch", "Café meeting", "invoice reminder", "Travel"}));
    EXPECT_EQ(find(QStringLiteral("has:attachment")), set({"Quarterly invoice"}));
    EXPECT_EQ(find(QStringLiteral("in:2023")), set({"Übersicht"}));
    EXPECT_EQ(find(QStringLiteral("in:archive/2023")), set({"Übersicht"}));
    EXPECT_EQ(find(QStringLiteral("in:inbox source:home")), set({"Travel"}));
    EXPECT_EQ(find(QStringLiteral("source:\"Work\" zanzibar")), set({}));
}

TEST_F(SearchQueryTest, AMistypedQueryIsToldInWords)
{
    const std::pair<const char*, const char*> cases[] = {
        {"before:yesterday", "\"before:\" needs a date like 2021-06-30"},
        {"after:2021-13-01", "\"after:\" needs a date like 2021-06-30"},
        {"date:2020..2019", "ends before it begins"},
        {"date:soon", "\"date:\" needs a year, a month or a day"},
        {"larger:big", "\"larger:\" needs a size like 5M"},
        {"has:pdf", "\"has:\" knows only has:attachment"},
        {"from:", "\"from:\" needs a word"},
        {"in:", "\"in:\" needs a folder"},
        {"(invoice", "A \"(\" is not closed"},
        {"invoice)", "A \")\" has no matching \"(\""},
        {"()", "nothing between"},
        {"\"open phrase", "A quotation mark is not closed"},
        {"OR invoice", "\"OR\" needs a search term on both sides"},
        {"invoice OR", "\"OR\" needs a search term on both sides"},
        {"a OR OR b", "\"OR\" needs a search term on both sides"},
        {"invoice -", ""}, // a lone "-" is punctuation: nothing to look for
    };
    for (const auto& [text, expected] : cases) {
        const SearchQuery query = SearchQuery::parse(QString::fromUtf8(text), QTimeZone::utc());
        if (*expected == '\0') {
            EXPECT_TRUE(query.isValid()) << text;
            continue;
        }
        EXPECT_FALSE(query.isValid()) << text;
        EXPECT_TRUE(query.error().contains(QString::fromUtf8(expected))) << text << ": " << query.error().toStdString();
        EXPECT_FALSE(query.error().contains(QStringLiteral("fts5"), Qt::CaseInsensitive)) << text;
    }
    EXPECT_TRUE(SearchQuery::parse(QStringLiteral("   ")).isEmpty());
    EXPECT_TRUE(SearchQuery::parse(QStringLiteral("& , ;")).isEmpty());
}

TEST_F(SearchQueryTest, HighlightsWhatIsLookedForNotWhatIsExcluded)
{
    const SearchQuery query =
        SearchQuery::parse(QStringLiteral("invoice \"late payment\" from:anna -spam inv* larger:1M"));
    ASSERT_TRUE(query.isValid());
    EXPECT_EQ(query.highlightTerms(),
              (QStringList {QStringLiteral("invoice"),
                            QStringLiteral("late payment"),
                            QStringLiteral("anna"),
                            QStringLiteral("inv*")}));
}

// Whatever is typed, the archive never sees an FTS5 or SQL syntax error: a
// query is either refused in words or runs.
TEST_F(SearchQueryTest, AnyTextEitherRunsOrIsRefusedInWords)
{
    const QString alphabet = QStringLiteral("ab \"()-*:OR AND from:to:date:2019 in:x ^{}+~@.,;'\\\u00e9");
    DeterministicRandom random(7);
    int ran = 0;
    for (int i = 0; i < 3000; ++i) {
        QString text;
        const int length = static_cast<int>(random.between(1, 24));
        for (int j = 0; j < length; ++j) {
            text += alphabet.at(static_cast<qsizetype>(random.below(static_cast<quint64>(alphabet.size()))));
        }
        const SearchQuery query = SearchQuery::parse(text, QTimeZone::utc());
        if (!query.isValid()) {
            EXPECT_FALSE(query.error().isEmpty()) << text.toStdString();
            continue;
        }
        if (query.isEmpty()) {
            continue;
        }
        QSqlQuery sql(m_archive.archive().connection());
        ASSERT_TRUE(sql.prepare(QStringLiteral("SELECT count(*) FROM messages m WHERE ") + query.condition()))
            << text.toStdString();
        for (const QVariant& value : query.bindings()) {
            sql.addBindValue(value);
        }
        EXPECT_TRUE(sql.exec()) << text.toStdString() << ": " << sql.lastError().text().toStdString() << "\n"
                                << query.condition().toStdString() << " "
                                << query.bindings().value(0).toString().toStdString();
        ++ran;
    }
    EXPECT_GT(ran, 500);
}

} // namespace

// The message list of the Archive page with a search: scoped, paged, counted
// with a cap, and ranked.
TEST_F(SearchQueryTest, AListNarrowedByASearchIsPagedCountedAndRanked)
{
    ArchiveReader reader = m_archive.archive().reader();
    const auto subjects = [&reader](MessageListQuery list, int pageSize) {
        QStringList out;
        PageCursor cursor;
        for (int guard = 0; guard < 50; ++guard) {
            const MessagePage page = reader.page(list, cursor, pageSize);
            EXPECT_TRUE(page.error.isEmpty()) << page.error.toStdString();
            for (const MessageSummary& message : page.messages) {
                out << message.subject;
            }
            if (page.atEnd) {
                break;
            }
            cursor = page.next;
        }
        return out;
    };
    MessageListQuery list;
    list.search = SearchQuery::parse(QStringLiteral("invoice"), QTimeZone::utc());
    // Newest first, one at a time or all at once.
    const QStringList newestFirst = {
        QStringLiteral("invoice reminder"), QStringLiteral("Lunch"), QStringLiteral("Quarterly invoice")};
    EXPECT_EQ(subjects(list, 1), newestFirst);
    EXPECT_EQ(subjects(list, 50), newestFirst);
    EXPECT_EQ(reader.count(list, 100), 3);
    EXPECT_EQ(reader.count(list, 2), 3); // "more than 2"
    EXPECT_EQ(reader.count(list, 1), 2);

    // Within a source (by id, as the tree selects it, and by name, as the
    // CLI names it) and a folder.
    const qint64 home = m_archive.folder(QStringLiteral("Home"), QStringLiteral("INBOX"));
    list.search = SearchQuery::parse(QStringLiteral("anna OR zanzibar"), QTimeZone::utc());
    MessageListQuery inHome = list;
    inHome.scope = MessageListQuery::Scope::Folder;
    inHome.id = home;
    EXPECT_EQ(subjects(inHome, 10), QStringList {QStringLiteral("Travel")});
    MessageListQuery named = list;
    named.within.sourceName = QStringLiteral("Work");
    named.within.folderPath = QStringLiteral("INBOX");
    EXPECT_EQ(subjects(named, 10).size(), 4);
    EXPECT_EQ(reader.count(named, 100), 4);

    // By relevance: the message that says it most comes first, and paging
    // by relevance lists each match once.
    const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    ASSERT_TRUE(m_archive.store(
        inbox,
        {mail(message("From: x@example.org\r\nSubject: once\r\nDate: Mon, 01 Mar 2021 08:00:00 +0000\r\n",
                      "Content-Type: text/plain\r\n\r\nThe walrus appears once in a long line of other words "
                      "about the sea, the sand, the sky and the ships.\r\n"),
              utc(2021, 3, 1)),
         mail(message("From: x@example.org\r\nSubject: often\r\nDate: Sun, 28 Feb 2021 08:00:00 +0000\r\n",
                      "Content-Type: text/plain\r\n\r\nWalrus, walrus, walrus.\r\n"),
              utc(2021, 2, 28))}))
        << m_archive.error().toStdString();
    MessageListQuery ranked;
    ranked.search = SearchQuery::parse(QStringLiteral("walrus"), QTimeZone::utc());
    EXPECT_EQ(subjects(ranked, 10), (QStringList {QStringLiteral("once"), QStringLiteral("often")}));
    ranked.sort = MessageListQuery::Sort::Relevance;
    EXPECT_EQ(subjects(ranked, 10), (QStringList {QStringLiteral("often"), QStringLiteral("once")}));
    EXPECT_EQ(subjects(ranked, 1), (QStringList {QStringLiteral("often"), QStringLiteral("once")}));
    // A search of operators alone cannot be ranked: newest first.
    ranked.search = SearchQuery::parse(QStringLiteral("has:attachment OR larger:50K"), QTimeZone::utc());
    EXPECT_EQ(ranked.effectiveSort(), MessageListQuery::Sort::Date);
    EXPECT_EQ(subjects(ranked, 1), (QStringList {QStringLiteral("Übersicht"), QStringLiteral("Quarterly invoice")}));
}

TEST_F(SearchQueryTest, AResultShowsTheLineOfItsBodyWhereTheWordIs)
{
    ArchiveReader reader = m_archive.archive().reader();
    MessageListQuery list;
    list.search = SearchQuery::parse(QStringLiteral("zanzibar OR reminder"), QTimeZone::utc());
    QList<qint64> ids;
    QHash<qint64, QString> subjectOf;
    for (const MessageSummary& message : reader.page(list, {}, 10).messages) {
        ids << message.id;
        subjectOf.insert(message.id, message.subject);
    }
    ASSERT_EQ(ids.size(), 2);
    const QHash<qint64, QString> excerpts = reader.matchExcerpts(ids, list.search->highlightTerms(), 80);
    // Found in the (base64) body: that line. Found in the subject only: none.
    ASSERT_EQ(excerpts.size(), 1);
    EXPECT_EQ(subjectOf.value(excerpts.keys().first()), QStringLiteral("Travel"));
    EXPECT_EQ(excerpts.values().first(), QStringLiteral("We fly to Zanzibar on Monday."));
}
