#include "mime/MimeParser.h"

#include <QByteArray>
#include <QDateTime>

#include <gtest/gtest.h>

namespace {

QByteArray crlf(const char* text)
{
    QByteArray data(text);
    data.replace("\n", "\r\n");
    return data;
}

QByteArray allBytes()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i) {
        bytes.append(static_cast<char>(i));
    }
    return bytes;
}

// Base64 in 76-column lines joined by CRLF, without a final line break.
QByteArray wrappedBase64(const QByteArray& data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray wrapped;
    for (qsizetype i = 0; i < encoded.size(); i += 76) {
        if (!wrapped.isEmpty()) {
            wrapped += "\r\n";
        }
        wrapped += encoded.mid(i, 76);
    }
    return wrapped;
}

// mixed [ alternative [ plain, related [ html, png ] ], bin, pdf, message [ text, txt ], jpeg ]
QByteArray structuredMessage()
{
    return crlf("From: a@example.org\n"
                "Subject: Parts\n"
                "Date: Mon, 4 Mar 2024 10:00:00 +0000\n"
                "MIME-Version: 1.0\n"
                "Content-Type: multipart/mixed; boundary=\"mixed\"\n"
                "\n"
                "This is a multi-part message in MIME format.\n"
                "--mixed\n"
                "Content-Type: multipart/alternative; boundary=\"alt\"\n"
                "\n"
                "--alt\n"
                "Content-Type: text/plain; charset=utf-8\n"
                "\n"
                "Plain body\n"
                "--alt\n"
                "Content-Type: multipart/related; boundary=\"rel\"\n"
                "\n"
                "--rel\n"
                "Content-Type: text/html; charset=utf-8\n"
                "\n"
                "<p>HTML body <img src=\"cid:logo@x\"></p>\n"
                "--rel\n"
                "Content-Type: image/png\n"
                "Content-ID: <logo@x>\n"
                "Content-Transfer-Encoding: base64\n"
                "\n"
                "iVBORw0KGgo=\n"
                "--rel--\n"
                "--alt--\n"
                "--mixed\n"
                "Content-Type: application/octet-stream; name=\"bytes.bin\"\n"
                "Content-Disposition: attachment; filename*=utf-8''%C3%BCber%20all.bin\n"
                "Content-Transfer-Encoding: base64\n"
                "\n")
        + wrappedBase64(allBytes())
        + crlf("\n"
               "--mixed\n"
               "Content-Type: application/vnd.ms-excel; name=\"=?UTF-8?B?S8OkdWZlIDIwMjQueGxz?=\"\n"
               "Content-Transfer-Encoding: base64\n"
               "\n"
               "0M8R4KGxGuE=\n"
               "--mixed\n"
               "Content-Type: message/rfc822\n"
               "\n"
               "From: inner@example.org\n"
               "Subject: Inner: subject/with slash\n"
               "Content-Type: multipart/mixed; boundary=\"inner\"\n"
               "\n"
               "--inner\n"
               "Content-Type: text/plain\n"
               "\n"
               "Inner text\n"
               "--inner\n"
               "Content-Type: text/plain; name=\"inner.txt\"\n"
               "Content-Disposition: attachment; filename=\"inner.txt\"\n"
               "\n"
               "Inner attachment\n"
               "--inner--\n"
               "--mixed\n"
               "Content-Type: image/jpeg\n"
               "Content-Disposition: inline\n"
               "Content-Transfer-Encoding: base64\n"
               "\n"
               "/9j/\n"
               "--mixed--\n"
               "epilogue\n");
}

} // namespace

TEST(MimeParts, ListsAttachmentsWithPartPaths)
{
    const ParsedMessage m = MimeParser::parse(structuredMessage(), QDateTime());
    EXPECT_EQ(m.status, ParsedMessage::Status::Ok) << m.problems.join(u'\n').toStdString();
    EXPECT_EQ(m.bodyText, QStringLiteral("Plain body"));
    EXPECT_TRUE(m.hasHtmlBody);
    ASSERT_EQ(m.attachments.size(), 5);

    const AttachmentInfo& png = m.attachments[0];
    EXPECT_EQ(png.partPath, QStringLiteral("1.2.2"));
    EXPECT_EQ(png.mimeType, QStringLiteral("image/png"));
    EXPECT_TRUE(png.isInline);
    EXPECT_EQ(png.contentId, QStringLiteral("logo@x"));
    EXPECT_EQ(png.size, 12);

    const AttachmentInfo& bin = m.attachments[1];
    EXPECT_EQ(bin.partPath, QStringLiteral("2"));
    EXPECT_EQ(bin.fileName, QStringLiteral("über all.bin")); // RFC 2231 beats the plain name
    EXPECT_EQ(bin.mimeType, QStringLiteral("application/octet-stream"));
    EXPECT_EQ(bin.size, wrappedBase64(allBytes()).size());
    EXPECT_FALSE(bin.isInline);

    const AttachmentInfo& xls = m.attachments[2];
    EXPECT_EQ(xls.partPath, QStringLiteral("3"));
    EXPECT_EQ(xls.fileName, QStringLiteral("Käufe 2024.xls"));

    const AttachmentInfo& message = m.attachments[3];
    EXPECT_EQ(message.partPath, QStringLiteral("4"));
    EXPECT_EQ(message.mimeType, QStringLiteral("message/rfc822"));
    EXPECT_EQ(message.fileName, QStringLiteral("Inner_ subject_with slash.eml"));

    const AttachmentInfo& jpeg = m.attachments[4];
    EXPECT_EQ(jpeg.partPath, QStringLiteral("5"));
    EXPECT_TRUE(jpeg.isInline);
    EXPECT_TRUE(jpeg.fileName.isEmpty());
}

TEST(MimeParts, ReturnsDecodedPartContent)
{
    const QByteArray raw = structuredMessage();
    QByteArray content;
    ASSERT_TRUE(MimeParser::partContent(raw, QStringLiteral("2"), &content));
    EXPECT_EQ(content, allBytes());
    ASSERT_TRUE(MimeParser::partContent(raw, QStringLiteral("1.1"), &content));
    EXPECT_EQ(content, QByteArray("Plain body"));
    ASSERT_TRUE(MimeParser::partContent(raw, QStringLiteral("1.2.1"), &content));
    EXPECT_EQ(content, QByteArray("<p>HTML body <img src=\"cid:logo@x\"></p>"));
    // Into the attached message, IMAP style.
    ASSERT_TRUE(MimeParser::partContent(raw, QStringLiteral("4"), &content));
    EXPECT_TRUE(content.startsWith("From: inner@example.org\r\n"));
    ASSERT_TRUE(MimeParser::partContent(raw, QStringLiteral("4.1"), &content));
    EXPECT_EQ(content, QByteArray("Inner text"));
    ASSERT_TRUE(MimeParser::partContent(raw, QStringLiteral("4.2"), &content));
    EXPECT_EQ(content, QByteArray("Inner attachment"));

    for (const char* missing : {"", "0", "6", "1.3", "1.2.3", "4.3", "2.1", "abc", "1..1"}) {
        EXPECT_FALSE(MimeParser::partContent(raw, QString::fromLatin1(missing), &content)) << missing;
    }
    EXPECT_FALSE(MimeParser::partContent(QByteArray(), QStringLiteral("1"), &content));
}

TEST(MimeParts, NumbersASinglePartBodyOne)
{
    const QByteArray raw = crlf("Subject: pdf\nContent-Type: application/pdf; name=doc.pdf\n"
                                "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n");
    const ParsedMessage m = MimeParser::parse(raw, QDateTime());
    ASSERT_EQ(m.attachments.size(), 1);
    EXPECT_EQ(m.attachments[0].partPath, QStringLiteral("1"));
    EXPECT_EQ(m.attachments[0].fileName, QStringLiteral("doc.pdf"));
    EXPECT_TRUE(m.bodyText.isEmpty());
    QByteArray content;
    ASSERT_TRUE(MimeParser::partContent(raw, QStringLiteral("1"), &content));
    EXPECT_EQ(content, QByteArray("%PDF-1.4\n"));

    const QByteArray text = crlf("Subject: text\nContent-Transfer-Encoding: quoted-printable\n\nsoft=\nbreak=3D\n");
    ASSERT_TRUE(MimeParser::partContent(text, QStringLiteral("1"), &content));
    EXPECT_EQ(content, QByteArray("softbreak=\r\n"));
}

TEST(MimeParts, DecodesParameterContinuations)
{
    const QByteArray raw = crlf("Content-Type: multipart/mixed; boundary=b\n\n"
                                "--b\nContent-Type: application/pdf\n"
                                "Content-Disposition: attachment;\n filename*0*=utf-8'de'Sehr%20lange%20;\n"
                                " filename*1*=Datei%C3%BC.pdf\n\nx\n"
                                "--b\nContent-Type: text/plain\nContent-Disposition: attachment;\n"
                                " filename*1=\"two.txt\"; filename*0=\"part one \"\n\nx\n"
                                "--b\nContent-Type: application/zip; name=\"fallback.zip\"\n"
                                "Content-Disposition: attachment; filename=\"r\\\"q.zip\"\n\nx\n"
                                "--b\nContent-Type: application/octet-stream; name=Gr\xc3\xbc\xc3\x9f"
                                "e.bin\n\nx\n"
                                "--b--\n");
    const ParsedMessage m = MimeParser::parse(raw, QDateTime());
    ASSERT_EQ(m.attachments.size(), 4);
    EXPECT_EQ(m.attachments[0].fileName, QStringLiteral("Sehr lange Dateiü.pdf"));
    EXPECT_EQ(m.attachments[1].fileName, QStringLiteral("part one two.txt"));
    EXPECT_EQ(m.attachments[1].mimeType, QStringLiteral("text/plain"));
    EXPECT_EQ(m.attachments[2].fileName, QStringLiteral("r\"q.zip"));
    EXPECT_EQ(m.attachments[3].fileName, QStringLiteral("Grüße.bin"));
    EXPECT_TRUE(m.bodyText.isEmpty());
}

TEST(MimeParts, ReadsDigestsAndEmptyParts)
{
    const QByteArray digest = crlf("Subject: digest\nContent-Type: multipart/digest; boundary=d\n\n"
                                   "--d\n\nSubject: first\n\none\n"
                                   "--d\n\nSubject: second\n\ntwo\n--d--\n");
    const ParsedMessage m = MimeParser::parse(digest, QDateTime());
    ASSERT_EQ(m.attachments.size(), 2);
    EXPECT_EQ(m.attachments[0].mimeType, QStringLiteral("message/rfc822"));
    EXPECT_EQ(m.attachments[1].fileName, QStringLiteral("second.eml"));

    // Directly successive delimiters make an empty part, not a lost one.
    const QByteArray empty = crlf("Content-Type: multipart/mixed; boundary=e\n\n--e\n--e\n"
                                  "Content-Type: application/pdf\n\nx\n--e--\n");
    const ParsedMessage e = MimeParser::parse(empty, QDateTime());
    ASSERT_EQ(e.attachments.size(), 1);
    EXPECT_EQ(e.attachments[0].partPath, QStringLiteral("2"));
}

TEST(MimeParts, IgnoresBoundaryPrefixes)
{
    // "--b" starts "--bb" lines too; only whole delimiters count.
    const QByteArray raw = crlf("Date: Mon, 4 Mar 2024 10:00:00 +0000\nContent-Type: multipart/mixed; boundary=b\n\n"
                                "--b\nContent-Type: multipart/alternative; boundary=bb\n\n"
                                "--bb\nContent-Type: text/plain\n\ninner\n--bb--\n"
                                "--b\nContent-Type: image/gif\n\nGIF\n--b--\n");
    const ParsedMessage m = MimeParser::parse(raw, QDateTime());
    EXPECT_EQ(m.status, ParsedMessage::Status::Ok) << m.problems.join(u'\n').toStdString();
    EXPECT_EQ(m.bodyText, QStringLiteral("inner"));
    ASSERT_EQ(m.attachments.size(), 1);
    EXPECT_EQ(m.attachments[0].partPath, QStringLiteral("2"));
    EXPECT_EQ(m.attachments[0].size, 3);
}

TEST(MimeHtmlToText, DropsScriptsStylesAndComments)
{
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("<html><head><title>Title</title><style>p {}</style></head>"
                                                    "<body><p>Hello</p><script>alert('<p>x</p>')</script>"
                                                    "<!-- a <b>comment</b> --><p>World</p></body></html>")),
              QStringLiteral("Hello\n\nWorld"));
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("text<script>never closed")), QStringLiteral("text"));
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("<head><title>t</title><body>unclosed head")),
              QStringLiteral("unclosed head"));
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("<!DOCTYPE html><?xml version=\"1.0\"?>x")), QStringLiteral("x"));
}

TEST(MimeHtmlToText, BreaksLinesAtBlocks)
{
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("Line1<br>Line2<BR/>Line3")),
              QStringLiteral("Line1\nLine2\nLine3"));
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("<ul><li>One</li><li>Two</li></ul>")), QStringLiteral("One\nTwo"));
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("<table><tr><td>a</td><td>b</td></tr>"
                                                    "<tr><th>c</th><td>d</td></tr></table>")),
              QStringLiteral("a b\nc d"));
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("<div>x</div><div>y</div><h1>Head</h1>z")),
              QStringLiteral("x\ny\n\nHead\n\nz"));
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("<P>A</P><BR>B")), QStringLiteral("A\n\nB"));
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("<pre>  keep\n    indent</pre>")),
              QStringLiteral("  keep\n    indent"));
}

TEST(MimeHtmlToText, DecodesEntitiesAndTidiesWhiteSpace)
{
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("&lt;tag&gt; &amp; &quot;q&quot; &#169; &#x20AC; &#150; &euro; "
                                                    "&hellip; &Uuml;ber AT&T &unknown; &amp")),
              QStringLiteral("<tag> & \"q\" © € – € … Über AT&T &unknown; &"));
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("a < b and c > d")), QStringLiteral("a < b and c > d"));
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("  lots   of\n\n  space&nbsp;&nbsp;here  ")),
              QStringLiteral("lots of space here"));
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("<a href=\"x>y\" title='a>b'>link</a> text")),
              QStringLiteral("link text"));
    EXPECT_EQ(MimeParser::htmlToText(QStringLiteral("soft&shy;hyphen &#0; &#xD800;")),
              QStringLiteral("softhyphen \uFFFD \uFFFD"));
    EXPECT_TRUE(MimeParser::htmlToText(QString()).isEmpty());
}
