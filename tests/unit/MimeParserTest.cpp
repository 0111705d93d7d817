#include "mime/MimeParser.h"

#include "MailGenerator.h"

#include <QByteArray>
#include <QDateTime>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include <vmime/platform.hpp>
#include <vmime/platforms/posix/posixHandler.hpp>

namespace {

// Test messages are written with "\n"; mail has CRLF.
QByteArray crlf(const char* text)
{
    QByteArray data(text);
    data.replace("\n", "\r\n");
    return data;
}

const QDateTime Fallback(QDate(2024, 2, 1), QTime(12, 0), Qt::UTC);

ParsedMessage parseText(const char* text, const QDateTime& fallback = Fallback)
{
    return MimeParser::parse(crlf(text), fallback);
}

// A text/plain message with the given Subject header value.
ParsedMessage parseSubject(const QByteArray& subject)
{
    QByteArray raw =
        "From: a@example.org\r\nDate: Mon, 4 Mar 2024 10:00:00 +0000\r\nSubject: " + subject + "\r\n\r\nBody\r\n";
    return MimeParser::parse(raw, Fallback);
}

// A single-part text/plain message with that charset label and encoding.
ParsedMessage parseBody(const QByteArray& charset, const QByteArray& encoding, const QByteArray& body)
{
    QByteArray raw = "From: a@example.org\r\nDate: Mon, 4 Mar 2024 10:00:00 +0000\r\nSubject: Charset\r\n"
                     "Content-Type: text/plain; charset="
        + charset + "\r\nContent-Transfer-Encoding: " + encoding + "\r\n\r\n" + body + "\r\n";
    return MimeParser::parse(raw, Fallback);
}

} // namespace

TEST(MimeParser, DecodesEncodedWordSubjects)
{
    EXPECT_EQ(parseSubject("=?UTF-8?B?w5xiZXJzaWNodA==?=").subject, QStringLiteral("Übersicht"));
    EXPECT_EQ(parseSubject("=?utf-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=").subject, QStringLiteral("Grüße aus Köln"));
    EXPECT_EQ(parseSubject("=?iso-8859-1?q?Gr=FC=DFe?=").subject, QStringLiteral("Grüße"));
    EXPECT_EQ(parseSubject("Re: =?utf-8?q?caf=C3=A9?= time").subject, QStringLiteral("Re: café time"));
    // White space between adjacent encoded words is not part of the text.
    EXPECT_EQ(parseSubject("=?utf-8?q?a?= =?utf-8?q?b?=").subject, QStringLiteral("ab"));
    // A UTF-8 character split across two encoded words.
    EXPECT_EQ(parseSubject("=?UTF-8?B?ww==?= =?UTF-8?B?pA==?=").subject, QStringLiteral("ä"));
    EXPECT_EQ(parseSubject("=?koi8-r?B?8NLJ18XULCDNydI=?=").subject, QStringLiteral("Привет, мир"));
    EXPECT_EQ(parseSubject("=?iso-2022-jp?B?GyRCJDMkcyRLJEEkT0AkMyYbKEI=?=").subject, QStringLiteral("こんにちは世界"));
    EXPECT_EQ(parseSubject("Folded\r\n  subject").subject, QStringLiteral("Folded  subject"));
    EXPECT_EQ(parseSubject("Plain subject").status, ParsedMessage::Status::Ok);
}

TEST(MimeParser, KeepsBrokenEncodedWordsReadable)
{
    EXPECT_EQ(parseSubject("=?UTF-8?B?broken").subject, QStringLiteral("=?UTF-8?B?broken"));
    EXPECT_EQ(parseSubject("=?utf-8?x?abc?=").subject, QStringLiteral("=?utf-8?x?abc?="));
    EXPECT_EQ(parseSubject("ok =?utf-8?q?caf=C3=A9").subject, QStringLiteral("ok =?utf-8?q?caf=C3=A9"));
    const ParsedMessage unknown = parseSubject("=?x-no-such-charset?q?Gr=FC=DFe?=");
    EXPECT_EQ(unknown.subject, QStringLiteral("Grüße"));
    EXPECT_EQ(unknown.status, ParsedMessage::Status::Partial);
    EXPECT_FALSE(unknown.problems.isEmpty());
}

TEST(MimeParser, DecodesRawEightBitHeaders)
{
    const ParsedMessage utf8 = parseSubject("Gr\xc3\xbc\xc3\x9f"
                                            "e \xe4\xb8\x96\xe7\x95\x8c");
    EXPECT_EQ(utf8.subject, QStringLiteral("Grüße 世界"));
    EXPECT_EQ(utf8.status, ParsedMessage::Status::Ok);
    const ParsedMessage latin1 = parseSubject("Gr\xfc\xdf"
                                              "e aus K\xf6ln \x93quoted\x94");
    EXPECT_EQ(latin1.subject, QStringLiteral("Grüße aus Köln “quoted”"));
    EXPECT_EQ(latin1.status, ParsedMessage::Status::Partial);
}

TEST(MimeParser, ReadsAddressesAndGroups)
{
    const ParsedMessage m =
        parseText("From: \"Doe, Jane\" <jane@example.org>\n"
                  "To: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <jm@example.de>, plain@example.net,\n"
                  " Team: anna@example.org, \"B\" <b@example.org>;, bob@example.com (Bob Builder)\n"
                  "To: second-to@example.org\n"
                  "Cc: undisclosed-recipients:;\n"
                  "Bcc: <@relay.example:routed@example.org>, \"Quoted \\\"Name\\\"\" <q@example.org>\n"
                  "Subject: Addresses\n"
                  "Date: Mon, 4 Mar 2024 10:00:00 +0000\n\nBody\n");
    EXPECT_EQ(m.from.name, QStringLiteral("Doe, Jane"));
    EXPECT_EQ(m.from.address, QStringLiteral("jane@example.org"));
    ASSERT_EQ(m.to.size(), 6);
    EXPECT_EQ(m.to[0].name, QStringLiteral("Jürgen Müller"));
    EXPECT_EQ(m.to[0].address, QStringLiteral("jm@example.de"));
    EXPECT_EQ(m.to[1].address, QStringLiteral("plain@example.net"));
    EXPECT_TRUE(m.to[1].name.isEmpty());
    EXPECT_EQ(m.to[2].address, QStringLiteral("anna@example.org"));
    EXPECT_EQ(m.to[3].name, QStringLiteral("B"));
    EXPECT_EQ(m.to[4].name, QStringLiteral("Bob Builder"));
    EXPECT_EQ(m.to[4].address, QStringLiteral("bob@example.com"));
    EXPECT_EQ(m.to[5].address, QStringLiteral("second-to@example.org"));
    EXPECT_TRUE(m.cc.isEmpty());
    ASSERT_EQ(m.bcc.size(), 2);
    EXPECT_EQ(m.bcc[0].address, QStringLiteral("routed@example.org"));
    EXPECT_EQ(m.bcc[1].name, QStringLiteral("Quoted \"Name\""));
    EXPECT_EQ(m.status, ParsedMessage::Status::Ok);
}

TEST(MimeParser, FallsBackToSenderWithoutFrom)
{
    const ParsedMessage m = parseText("Sender: List <list@example.org>\nSubject: x\n\nBody\n");
    EXPECT_EQ(m.from.address, QStringLiteral("list@example.org"));
}

TEST(MimeParser, ReadsMessageIdsWithoutBrackets)
{
    const ParsedMessage m = parseText("Message-ID: <abc.123@example.org>\n"
                                      "In-Reply-To: <parent@example.org> (the parent)\n"
                                      "References: <root@example.org>\n <mid@example.org>\t<parent@example.org>\n"
                                      "Date: Mon, 4 Mar 2024 10:00:00 +0000\n\nBody\n");
    EXPECT_EQ(m.messageId, QStringLiteral("abc.123@example.org"));
    EXPECT_EQ(m.inReplyTo, QStringLiteral("parent@example.org"));
    EXPECT_EQ(m.references,
              QStringList({QStringLiteral("root@example.org"),
                           QStringLiteral("mid@example.org"),
                           QStringLiteral("parent@example.org")}));
    EXPECT_EQ(parseText("Message-ID: bare@example.org\n\nx\n").messageId, QStringLiteral("bare@example.org"));
}

TEST(MimeParser, ParsesDatesToUtc)
{
    const ParsedMessage m = parseText("Date: Tue, 5 Mar 2024 14:30:15 +0130 (CET)\n\nBody\n");
    EXPECT_TRUE(m.dateFromHeader);
    EXPECT_EQ(m.date, QDateTime(QDate(2024, 3, 5), QTime(13, 0, 15), Qt::UTC));
    EXPECT_EQ(m.date.timeSpec(), Qt::UTC);
    EXPECT_EQ(parseText("Date: 5 Mar 24 14:30 EST\n\nx\n").date, QDateTime(QDate(2024, 3, 5), QTime(19, 30), Qt::UTC));
    EXPECT_EQ(parseText("Date: Tuesday, 05-Mar-2024 14:30:00 GMT\n\nx\n").date,
              QDateTime(QDate(2024, 3, 5), QTime(14, 30), Qt::UTC));
    EXPECT_EQ(parseText("Date: 2024-03-05T14:30:00Z\n\nx\n").date,
              QDateTime(QDate(2024, 3, 5), QTime(14, 30), Qt::UTC));
    EXPECT_EQ(parseText("Date: Tue Mar  5 14:30:00 2024\n\nx\n").date,
              QDateTime(QDate(2024, 3, 5), QTime(14, 30), Qt::UTC));
}

TEST(MimeParser, FallsBackForMissingOrAbsurdDates)
{
    const char* const cases[] = {
        "Subject: no date\n\nx\n",
        "Date: sometime last week\n\nx\n",
        "Date: Mon, 1 Jan 1900 00:00:00 +0000\n\nx\n",
        "Date: Fri, 1 Jan 2999 00:00:00 +0000\n\nx\n",
        "Date: Mon, 31 Feb 2024 10:00:00 +0000\n\nx\n",
    };
    for (const char* text : cases) {
        const ParsedMessage m = parseText(text);
        EXPECT_EQ(m.date, Fallback) << text;
        EXPECT_FALSE(m.dateFromHeader) << text;
        EXPECT_EQ(m.status, ParsedMessage::Status::Partial) << text;
    }
    // Without a usable fallback an absurd header date still beats nothing.
    const ParsedMessage absurd = parseText("Date: Mon, 1 Jan 1900 00:00:00 +0000\n\nx\n", QDateTime());
    EXPECT_EQ(absurd.date, QDateTime(QDate(1900, 1, 1), QTime(0, 0), Qt::UTC));
    EXPECT_TRUE(absurd.dateFromHeader);
    const ParsedMessage nothing = parseText("Subject: x\n\nx\n", QDateTime());
    EXPECT_EQ(nothing.date, QDateTime::fromSecsSinceEpoch(0, Qt::UTC));
    EXPECT_FALSE(nothing.dateFromHeader);
    // The fallback comes back in UTC whatever its time spec.
    const QDateTime offset(QDate(2024, 2, 1), QTime(13, 0), QTimeZone(3600));
    const ParsedMessage converted = parseText("Subject: x\n\nx\n", offset);
    EXPECT_EQ(converted.date.timeSpec(), Qt::UTC);
    EXPECT_EQ(converted.date, Fallback);
}

TEST(MimeParser, DecodesBodyCharsets)
{
    EXPECT_EQ(parseBody("iso-8859-1",
                        "8bit",
                        "Gr\xfc\xdf"
                        "e")
                  .bodyText,
              QStringLiteral("Grüße"));
    EXPECT_EQ(parseBody("windows-1252",
                        "8bit",
                        "\x84"
                        "Anf\xfchrung\x93 \x96 5 \x80")
                  .bodyText,
              QStringLiteral("„Anführung“ – 5 €"));
    EXPECT_EQ(parseBody("koi8-r", "base64", "8NLJ18XULCDNydI=").bodyText, QStringLiteral("Привет, мир"));
    EXPECT_EQ(parseBody("iso-2022-jp", "base64", "GyRCJDMkcyRLJEEkT0AkMyYbKEI=").bodyText,
              QStringLiteral("こんにちは世界"));
    EXPECT_EQ(parseBody("shift_jis", "base64", "k/qWe4zqg2WDTINYg2c=").bodyText, QStringLiteral("日本語テキスト"));
    EXPECT_EQ(parseBody("\"gb2312\"", "base64", "1tDOxLLiytQ=").bodyText, QStringLiteral("中文测试"));
    EXPECT_EQ(parseBody("utf-8", "quoted-printable", "caf=C3=A9 =\r\nna=C3=AFve").bodyText,
              QStringLiteral("café naïve"));
    for (const char* charset : {"iso-8859-1", "koi8-r", "utf-8"}) {
        EXPECT_EQ(parseBody(charset, "7bit", "ascii").status, ParsedMessage::Status::Ok) << charset;
    }
}

TEST(MimeParser, SurvivesWrongCharsetLabels)
{
    const ParsedMessage utf8 = parseBody("utf-8", "8bit", "Caf\xe9 cr\xe8me");
    EXPECT_EQ(utf8.bodyText, QStringLiteral("Café crème"));
    EXPECT_EQ(utf8.status, ParsedMessage::Status::Partial);
    const ParsedMessage unknown = parseBody("x-unknown-charset", "8bit", "Na\xefve");
    EXPECT_EQ(unknown.bodyText, QStringLiteral("Naïve"));
    EXPECT_EQ(unknown.status, ParsedMessage::Status::Partial);
    EXPECT_FALSE(unknown.problems.isEmpty());
}

TEST(MimeParser, PrefersPlainTextInAlternative)
{
    const ParsedMessage m = parseText("Subject: alt\nContent-Type: multipart/alternative; boundary=\"b\"\n\n"
                                      "--b\nContent-Type: text/html; charset=utf-8\n\n<p>HTML text</p>\n"
                                      "--b\nContent-Type: text/plain; charset=utf-8\n\nPlain text\n--b--\n");
    EXPECT_EQ(m.bodyText, QStringLiteral("Plain text"));
    EXPECT_TRUE(m.hasHtmlBody);
    EXPECT_TRUE(m.attachments.isEmpty());
}

TEST(MimeParser, ConvertsHtmlOnlyBodies)
{
    const ParsedMessage m = parseText("Subject: html\nContent-Type: text/html; charset=iso-8859-1\n\n"
                                      "<html><head><title>T</title></head><body><p>Gr&uuml;&szlig;e</p>"
                                      "<p>Second&nbsp;line</p></body></html>\n");
    EXPECT_EQ(m.bodyText, QStringLiteral("Grüße\n\nSecond line"));
    EXPECT_TRUE(m.hasHtmlBody);
    EXPECT_EQ(m.snippet, QStringLiteral("Grüße Second line"));
    // An empty text/plain beside HTML is a placeholder.
    const ParsedMessage placeholder =
        parseText("Content-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\n \n"
                  "--b\nContent-Type: text/html\n\n<div>Real text</div>\n--b--\n");
    EXPECT_EQ(placeholder.bodyText, QStringLiteral("Real text"));
}

TEST(MimeParser, ReturnsHtmlBody)
{
    const QByteArray raw = crlf("Content-Type: multipart/alternative; boundary=b\n\n"
                                "--b\nContent-Type: text/plain\n\nplain\n"
                                "--b\nContent-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: "
                                "quoted-printable\n\n<p>Gr=FC=DFe</p>\n--b--\n");
    EXPECT_EQ(MimeParser::htmlBody(raw), QStringLiteral("<p>Grüße</p>"));
    EXPECT_TRUE(MimeParser::htmlBody(crlf("Subject: x\n\nno html\n")).isEmpty());
    EXPECT_TRUE(MimeParser::htmlBody(QByteArray()).isEmpty());
}

TEST(MimeParser, BuildsSnippets)
{
    const ParsedMessage quoted = parseText("Subject: re\n\nThanks, agreed.\n\nOn Monday Jane wrote:\n"
                                           "> Shall we meet?\n> Regards\n");
    EXPECT_EQ(quoted.snippet, QStringLiteral("Thanks, agreed."));
    const ParsedMessage onlyQuotes = parseText("Subject: re\n\n> only a quote\n");
    EXPECT_EQ(onlyQuotes.snippet, QStringLiteral("> only a quote"));

    QByteArray longBody = "Subject: long\r\n\r\n";
    for (int i = 0; i < 100; ++i) {
        longBody += "word" + QByteArray::number(i) + "   \r\n";
    }
    const ParsedMessage longMessage = MimeParser::parse(longBody, Fallback);
    EXPECT_LE(longMessage.snippet.size(), 200);
    EXPECT_GE(longMessage.snippet.size(), 150);
    EXPECT_TRUE(longMessage.snippet.startsWith(QStringLiteral("word0 word1 word2")));
    EXPECT_FALSE(longMessage.snippet.endsWith(u' '));
    EXPECT_TRUE(longMessage.bodyText.startsWith(QStringLiteral("word0")));
    // Cut at a word boundary: the last word is whole.
    const QString lastWord = longMessage.snippet.section(u' ', -1);
    EXPECT_TRUE(longMessage.bodyText.contains(lastWord + QStringLiteral("   \n")));
}

TEST(MimeParser, NeverFailsOnEmptyOrHeaderlessInput)
{
    const ParsedMessage empty = MimeParser::parse(QByteArray(), Fallback);
    EXPECT_EQ(empty.status, ParsedMessage::Status::Failed);
    EXPECT_EQ(empty.date, Fallback);
    const ParsedMessage bodyOnly = parseText("Just some text, no header at all.\nSecond line.\n");
    EXPECT_EQ(bodyOnly.status, ParsedMessage::Status::Partial);
    EXPECT_EQ(bodyOnly.bodyText, QStringLiteral("Just some text, no header at all.\nSecond line."));
    const ParsedMessage fromLine = parseText("From the desk of the editor\nDear reader,\n");
    EXPECT_EQ(fromLine.bodyText, QStringLiteral("From the desk of the editor\nDear reader,"));
}

TEST(MimeParser, SettingThePlatformHandlerTwiceIsHarmless)
{
    vmime::platform::setHandler<vmime::platforms::posix::posixHandler>();
    EXPECT_EQ(parseSubject("=?utf-8?q?caf=C3=A9?=").subject, QStringLiteral("café"));
    vmime::platform::setHandler<vmime::platforms::posix::posixHandler>();
    EXPECT_EQ(parseBody("koi8-r", "base64", "8NLJ18XULCDNydI=").bodyText, QStringLiteral("Привет, мир"));
}

TEST(MimeParser, ParsesTheGeneratedMix)
{
    MailGenerator generator(MailGeneratorOptions {7, 0.05});
    for (int i = 0; i < 300; ++i) {
        const GeneratedMessage message = generator.next();
        const ParsedMessage parsed = MimeParser::parse(message.raw, message.internalDate.addDays(-3));
        ASSERT_EQ(parsed.status, ParsedMessage::Status::Ok) << parsed.problems.join(u'\n').toStdString();
        EXPECT_EQ(parsed.messageId, QString::fromLatin1(message.messageId));
        EXPECT_EQ(parsed.date, message.internalDate);
        EXPECT_TRUE(parsed.dateFromHeader);
        EXPECT_FALSE(parsed.subject.isEmpty());
        EXPECT_FALSE(parsed.from.address.isEmpty());
        EXPECT_FALSE(parsed.bodyText.trimmed().isEmpty());
        EXPECT_FALSE(parsed.snippet.isEmpty());
        EXPECT_FALSE(parsed.subject.contains(QChar::ReplacementCharacter)) << parsed.subject.toStdString();
        EXPECT_FALSE(parsed.bodyText.contains(QChar::ReplacementCharacter));
        const bool hasAttachments = message.kind == GeneratedMessage::Kind::Attachments
            || message.kind == GeneratedMessage::Kind::LargeAttachment
            || message.kind == GeneratedMessage::Kind::AlternativeInline;
        EXPECT_EQ(!parsed.attachments.isEmpty(), hasAttachments) << static_cast<int>(message.kind);
    }
}

TEST(MimeParser, ParsesConcurrently)
{
    MailGenerator generator(MailGeneratorOptions {11, 0.02});
    QList<QByteArray> raws;
    for (int i = 0; i < 200; ++i) {
        raws.append(generator.next().raw);
    }
    std::atomic<int> failures {0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&raws, &failures] {
            for (const QByteArray& raw : raws) {
                if (MimeParser::parse(raw, Fallback).status != ParsedMessage::Status::Ok) {
                    ++failures;
                }
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures.load(), 0);
}
