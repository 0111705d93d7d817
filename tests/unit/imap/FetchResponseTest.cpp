#include "imap/FetchResponse.h"
#include "imap/ImapResponseReader.h"

#include <vmime/exception.hpp>

#include <gtest/gtest.h>

#include <stdexcept>

namespace {

// A connection that hands out `wire` in chunks of `chunk` bytes, so every
// boundary (inside a literal, between CR and LF, inside "{n}") is met.
ImapResponseReader::Receive chunked(const QByteArray& wire, qsizetype chunk)
{
    auto offset = std::make_shared<qsizetype>(0);
    return [wire, chunk, offset]() {
        if (*offset >= wire.size()) {
            throw std::runtime_error("connection closed");
        }
        const QByteArray part = wire.mid(*offset, chunk);
        *offset += part.size();
        return part.toStdString();
    };
}

const QByteArray Body = "From: a@example.org\r\nSubject: x\r\n\r\nLine one\r\n{5}\r\n) \"quoted\" \r\n.\r\n";

QByteArray literal(const QByteArray& bytes)
{
    return '{' + QByteArray::number(bytes.size()) + "}\r\n" + bytes;
}

} // namespace

TEST(ImapResponseReader, CutsResponsesWithLiteralsAtEveryChunkSize)
{
    const QByteArray wire = "* 3 EXISTS\r\n"
                            "* 1 FETCH (UID 7 BODY[] "
        + literal(Body) + " FLAGS (\\Seen))\r\n" + "OA1 OK Fetch completed.\r\n";
    for (qsizetype chunk : {1, 2, 3, 7, 64, 100000}) {
        ImapResponseReader reader(chunked(wire, chunk));
        const ImapResponse exists = reader.next();
        EXPECT_EQ(exists.lines, QList<QByteArray> {"* 3 EXISTS"}) << "chunk " << chunk;
        EXPECT_TRUE(exists.literals.isEmpty());
        const ImapResponse fetch = reader.next();
        ASSERT_EQ(fetch.lines.size(), 2) << "chunk " << chunk;
        EXPECT_EQ(fetch.lines[0], "* 1 FETCH (UID 7 BODY[] ");
        ASSERT_EQ(fetch.literals.size(), 1);
        EXPECT_EQ(fetch.literals[0], Body) << "chunk " << chunk;
        EXPECT_EQ(fetch.lines[1], " FLAGS (\\Seen))");
        EXPECT_EQ(reader.next().firstLine(), "OA1 OK Fetch completed.");
        EXPECT_EQ(reader.buffered(), 0);
    }
}

TEST(FetchResponse, ParsesInternalDates)
{
    const QDateTime expected(QDate(2019, 1, 1), QTime(4, 59, 29), Qt::UTC);
    EXPECT_EQ(FetchResponse::parseInternalDate("01-Jan-2019 04:59:29 +0000"), expected);
    EXPECT_EQ(FetchResponse::parseInternalDate("01-JAN-2019 06:59:29 +0200"), expected);
    EXPECT_EQ(FetchResponse::parseInternalDate(" 1-Jan-2019 04:59:29 +0000"), expected);
    EXPECT_EQ(FetchResponse::parseInternalDate("31-Dec-2018 23:29:29 -0530"), expected);
    EXPECT_FALSE(FetchResponse::parseInternalDate("01-Foo-2019 04:59:29 +0000").isValid());
    EXPECT_FALSE(FetchResponse::parseInternalDate("01-Jan-2019 04:59:29").isValid());
    EXPECT_FALSE(FetchResponse::parseInternalDate("").isValid());
}

TEST(FetchResponse, ReadsItemsInAnyOrderAroundTheLiteral)
{
    ImapResponse response;
    response.lines = {"* 12 FETCH (FLAGS (\\Seen $Forwarded) INTERNALDATE \" 1-Feb-2024 09:05:07 +0100\" BODY[] ",
                      " UID 4711 MODSEQ (99))"};
    response.literals = {Body};
    const std::optional<FetchResponse> fetch = FetchResponse::parse(response);
    ASSERT_TRUE(fetch.has_value());
    EXPECT_EQ(fetch->uid, 4711u);
    EXPECT_TRUE(fetch->hasFlags);
    EXPECT_EQ(fetch->flags, (QStringList {QStringLiteral("\\Seen"), QStringLiteral("$Forwarded")}));
    EXPECT_EQ(fetch->internalDate, QDateTime(QDate(2024, 2, 1), QTime(8, 5, 7), Qt::UTC));
    EXPECT_TRUE(fetch->hasBody);
    EXPECT_EQ(fetch->body, Body);
}

TEST(FetchResponse, AQuotedBodyAndNilAndUnsolicitedFlags)
{
    ImapResponse quoted;
    quoted.lines = {R"(* 1 FETCH (UID 3 BODY[] "a \"short\" one\\"))"};
    const auto fromQuoted = FetchResponse::parse(quoted);
    ASSERT_TRUE(fromQuoted.has_value());
    EXPECT_EQ(fromQuoted->body, R"(a "short" one\)");

    ImapResponse nil;
    nil.lines = {"* 2 FETCH (UID 4 BODY[] NIL FLAGS ())"};
    const auto fromNil = FetchResponse::parse(nil);
    ASSERT_TRUE(fromNil.has_value());
    EXPECT_FALSE(fromNil->hasBody);
    EXPECT_TRUE(fromNil->hasFlags);
    EXPECT_TRUE(fromNil->flags.isEmpty());

    ImapResponse flagsOnly;
    flagsOnly.lines = {"* 9 FETCH (FLAGS (\\Deleted))"};
    const auto update = FetchResponse::parse(flagsOnly);
    ASSERT_TRUE(update.has_value());
    EXPECT_EQ(update->uid, 0u);
    EXPECT_FALSE(update->hasBody);
}

TEST(FetchResponse, OtherResponsesAreNotFetchResponses)
{
    for (const QByteArray& line : {QByteArray("* 3 EXISTS"),
                                   QByteArray("* OK [UIDNEXT 9] Predicted"),
                                   QByteArray("* 2 EXPUNGE"),
                                   QByteArray("OA1 OK done"),
                                   QByteArray("* BYE going away (\"now")}) {
        ImapResponse response;
        response.lines = {line};
        EXPECT_FALSE(FetchResponse::parse(response).has_value()) << line.constData();
    }
}

TEST(FetchResponse, MalformedFetchResponsesThrowInsteadOfGuessing)
{
    for (const QByteArray& line : {QByteArray("* 1 FETCH (UID 3 BODY[] \"unterminated)"),
                                   QByteArray("* 1 FETCH (UID 3 FLAGS (\\Seen)"),
                                   QByteArray("* 1 FETCH (UID x)"),
                                   // Past 32 bits: never UID 1 by wrapping.
                                   QByteArray("* 1 FETCH (UID 4294967297)"),
                                   QByteArray("* 1 FETCH (UID 0)"),
                                   QByteArray("* 1 FETCH (UID 99999999999999999999)")}) {
        ImapResponse response;
        response.lines = {line};
        EXPECT_THROW(FetchResponse::parse(response), vmime::exceptions::invalid_response) << line.constData();
    }
}

TEST(FetchResponse, TheLastPossibleUidIsAUid)
{
    ImapResponse response;
    response.lines = {QByteArray("* 1 FETCH (UID 4294967295 RFC822.SIZE 12)")};
    const std::optional<FetchResponse> item = FetchResponse::parse(response);
    ASSERT_TRUE(item.has_value());
    EXPECT_EQ(item->uid, 4294967295U);
    EXPECT_EQ(item->size, 12);
}

// A garbled INTERNALDATE is no reason to lose the message: its bytes are
// kept and the date is left for the message's own Date: header.
TEST(FetchResponse, AnInternalDateThatIsNoDateKeepsTheMessage)
{
    ImapResponse response;
    response.lines = {QByteArray("* 1 FETCH (UID 3 INTERNALDATE \"yesterday\" BODY[]"), QByteArray(")")};
    response.literals = {QByteArray("Subject: hi\r\n\r\nbody\r\n")};
    const std::optional<FetchResponse> item = FetchResponse::parse(response);
    ASSERT_TRUE(item.has_value());
    EXPECT_EQ(item->uid, 3U);
    EXPECT_TRUE(item->badInternalDate);
    EXPECT_FALSE(item->internalDate.isValid());
    EXPECT_TRUE(item->hasBody);
    EXPECT_EQ(item->body, QByteArray("Subject: hi\r\n\r\nbody\r\n"));
}
