// The prefix rule of the search index (SearchIndexEntry::IndexedBodyChars):
// the store, which parses only the start of a huge body, and the removal,
// which parses the stored bytes again, must give the index the very same
// text, or a removal leaves words behind in the contentless index.
#include "archive/SearchIndexEntry.h"
#include "archive/MessageStore.h"
#include "mime/MimeParser.h"

#include <gtest/gtest.h>

namespace {

constexpr qsizetype Limit = SearchIndexEntry::IndexedBodyChars;

QByteArray mail(const QByteArray& contentType, const QByteArray& body)
{
    return "From: Long Writer <long@example.test>\r\nTo: reader@example.test\r\nSubject: A long one\r\n"
           "Date: Mon, 3 Jun 2024 10:00:00 +0200\r\nMIME-Version: 1.0\r\nContent-Type: "
        + contentType + "\r\n\r\n" + body;
}

// What the store indexes (a parse of the body's start), what a removal
// binds (the stored bytes parsed again) and the rule applied to a whole
// parse agree; the parse of the start reports what a whole parse reports.
void expectOneIndexedText(const QByteArray& raw, const char* what)
{
    SCOPED_TRACE(what);
    const ParsedMessage whole = MimeParser::parse(raw, {});
    const ParsedMessage start = MimeParser::parse(raw, {}, Limit);
    EXPECT_EQ(start.problems, whole.problems);
    EXPECT_EQ(start.status, whole.status);
    EXPECT_EQ(start.attachments.size(), whole.attachments.size());

    FetchedMessage fetched;
    fetched.raw = raw;
    const SearchIndexEntry stored = SearchIndexEntry::fromParsed(MessageStore::prepare(fetched).parsed);
    const SearchIndexEntry removed = SearchIndexEntry::fromRaw(raw);
    const SearchIndexEntry ruled = SearchIndexEntry::fromParsed(whole);
    // Not EXPECT_EQ: a failure would print megabytes.
    EXPECT_TRUE(stored.body == removed.body) << stored.body.size() << " against " << removed.body.size();
    EXPECT_TRUE(stored.body == ruled.body) << stored.body.size() << " against " << ruled.body.size();
    EXPECT_EQ(stored.subject, removed.subject);
    EXPECT_EQ(stored.sender, removed.sender);
    EXPECT_LE(stored.body.size(), Limit);
    EXPECT_TRUE(whole.bodyText.startsWith(stored.body));
    EXPECT_EQ(SearchIndexEntry::fromRaw(raw, SearchIndexEntry::BodyRule::Whole).body, whole.bodyText);
}

TEST(SearchIndexEntry, ABodyWithinTheLimitIsIndexedWhole)
{
    const QByteArray raw = mail("text/plain; charset=utf-8", "Short and sweet, grüße.\r\n\r\n");
    const SearchIndexEntry entry = SearchIndexEntry::fromRaw(raw);
    EXPECT_EQ(entry.body, QStringLiteral("Short and sweet, grüße."));
    EXPECT_EQ(entry.body, SearchIndexEntry::fromRaw(raw, SearchIndexEntry::BodyRule::Whole).body);
    const QString exactly(Limit, u'x');
    EXPECT_EQ(SearchIndexEntry::indexedBody(exactly), exactly);
    EXPECT_EQ(SearchIndexEntry::indexedBody(exactly + u'y').size(), Limit);
}

TEST(SearchIndexEntry, OnlyTheStartOfAHugeBodyIsIndexedAndBothSidesDeriveTheSameStart)
{
    // UTF-8 with CRLF line ends: the start is decoded in pieces, and neither
    // a character nor a CRLF cut between pieces may read differently.
    QByteArray line = "Grüße aus Köln, 東京 und 😀 – line of text\r\n";
    QByteArray body = line.repeated(Limit / line.size() * 2) + "closingword\r\n";
    const QByteArray utf8 = mail("text/plain; charset=utf-8", body);
    expectOneIndexedText(utf8, "UTF-8 with CRLF");
    const SearchIndexEntry entry = SearchIndexEntry::fromRaw(utf8);
    EXPECT_FALSE(entry.body.contains(QStringLiteral("closingword")));
    EXPECT_TRUE(entry.body.startsWith(QStringLiteral("Grüße aus Köln, 東京 und 😀")));

    // One byte that is no UTF-8, at the very end, makes the whole body read
    // as Windows-1252: the start too, with the same problem reported.
    expectOneIndexedText(mail("text/plain; charset=utf-8", body + "\xff\r\n"), "invalid UTF-8 at the end");
    expectOneIndexedText(mail("text/plain", body + "\xe9t\xe9\r\n"), "unlabelled 8-bit");
    expectOneIndexedText(mail("text/plain; charset=us-ascii", QByteArray("plain ascii words ").repeated(Limit / 9)),
                         "ASCII");

    // The cut falls inside a surrogate pair, or in white space.
    expectOneIndexedText(mail("text/plain; charset=utf-8", QByteArray(Limit - 1, 'a') + "😀 and more\r\n"),
                         "a surrogate pair at the limit");
    expectOneIndexedText(
        mail("text/plain; charset=utf-8", QByteArray(Limit - 3, 'a') + QByteArray(64, ' ') + "tail\r\n"),
        "white space at the limit");
    expectOneIndexedText(mail("text/plain; charset=utf-8", QByteArray(Limit - 2, 'a') + "\r\n\r\n\r\nb\r\n"),
                         "CRLFs at the limit");

    // Quoted-printable and base64 bodies are decoded before the cut.
    QByteArray encoded = QByteArray("Ein l\xc3\xa4ngerer Text. ").repeated(Limit / 20 + 1000).toBase64();
    QByteArray lines;
    for (qsizetype i = 0; i < encoded.size(); i += 76) {
        lines += encoded.mid(i, 76) + "\r\n";
    }
    expectOneIndexedText(mail("text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64", lines), "base64");
}

// Whether an HTML alternative replaces the text depends on all of the text:
// a start that is only white space must not decide it.
TEST(SearchIndexEntry, AHugeTextPartThatStartsBlankIsJudgedWhole)
{
    const QByteArray raw =
        mail("multipart/alternative; boundary=\"b\"",
             "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + QByteArray(Limit + 100, ' ') + "lateword\r\n"
                 + "--b\r\nContent-Type: text/html\r\n\r\n<p>htmlword</p>\r\n--b--\r\n");
    expectOneIndexedText(raw, "blank start");
    EXPECT_FALSE(SearchIndexEntry::fromRaw(raw).body.contains(QStringLiteral("htmlword")));
}

} // namespace
