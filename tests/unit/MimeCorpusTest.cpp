#include "mime/MimeParser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>

#include <gtest/gtest.h>

namespace {

using Status = ParsedMessage::Status;

const QDateTime Fallback(QDate(2024, 2, 1), QTime(12, 0), Qt::UTC);

QString corpusDir()
{
    return QStringLiteral(OPENARCHIVER_SOURCE_DIR "/tests/fixtures/mime");
}

QByteArray readCorpusFile(const QString& name)
{
    QFile file(corpusDir() + u'/' + name);
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot read " << name.toStdString();
        return {};
    }
    return file.readAll();
}

struct Expectation
{
    Status status;
    const char16_t* subject;
    const char16_t* bodyText; // the whole body text, trimmed; nullptr: not checked
};

// What a careful reader gets from each file of the corpus.
const QMap<QString, Expectation>& expectations()
{
    static const QMap<QString, Expectation> map = {
        {QStringLiteral("8bit-headers-latin1.eml"), {Status::Partial, u"Grüße aus Köln", u"Schöne Grüße"}},
        {QStringLiteral("8bit-headers-utf8.eml"), {Status::Ok, u"Привет, 世界 – naïve café", u"Grüße, Привет, 世界."}},
        {QStringLiteral("bare-cr.eml"), {Status::Partial, u"Bare CR line ends", u"First line.\nSecond line."}},
        {QStringLiteral("bare-lf.eml"), {Status::Ok, u"Bare LF line ends", u"Lines end with LF only."}},
        {QStringLiteral("base64-garbage.eml"), {Status::Partial, u"Base64 with garbage", u"Hello World"}},
        {QStringLiteral("broken-boundary.eml"),
         {Status::Partial, u"Broken boundary", u"The text part survives a wrong boundary."}},
        {QStringLiteral("broken-date-and-ids.eml"), {Status::Partial, u"Broken date", u"Body."}},
        {QStringLiteral("broken-encoded-words.eml"), {Status::Ok, u"Café crèmeä and =?UTF-8?B?broken", u"Body."}},
        {QStringLiteral("calendar-invite.eml"),
         {Status::Ok, u"Invitation: Quarterly review", u"Quarterly review, Friday 10:00 in room 4."}},
        {QStringLiteral("empty-multipart.eml"), {Status::Ok, u"Empty multipart", u""}},
        {QStringLiteral("groups-and-obsolete-date.eml"), {Status::Ok, u"Groups and an obsolete date", u"Body."}},
        {QStringLiteral("header-without-colon.eml"),
         {Status::Partial, u"Header without colon", u"The body follows the blank line as usual."}},
        {QStringLiteral("html-only-meta-charset.eml"), {Status::Ok, u"HTML only", u"Привет & hello"}},
        {QStringLiteral("mbox-from-line.eml"), {Status::Ok, u"Mbox separator", u"Body."}},
        {QStringLiteral("missing-boundary-parameter.eml"),
         {Status::Partial, u"Missing boundary parameter", u"Plain version of the text"}},
        {QStringLiteral("nested-rfc822.eml"), {Status::Ok, u"Fwd: Original subject", u"See the forwarded message."}},
        {QStringLiteral("nul-bytes.eml"), {Status::Partial, u"NUL in the subject", u"Text with a NUL byte inside."}},
        {QStringLiteral("only-headers.eml"), {Status::Ok, u"Only headers", u""}},
        {QStringLiteral("qp-soft-break-at-end.eml"),
         {Status::Ok, u"QP soft breaks", u"Line one continues with a = sign and grüße"}},
        {QStringLiteral("rfc2231-and-rfc2047-names.eml"), {Status::Ok, u"Attachment names", u"Two files."}},
        {QStringLiteral("tnef-winmail.eml"),
         {Status::Ok, u"TNEF attachment", u"The real attachments are inside winmail.dat."}},
        {QStringLiteral("unknown-charset.eml"),
         {Status::Partial, u"Unknown charset", u"Naïve text in an unknown charset."}},
        {QStringLiteral("unterminated-multipart.eml"),
         {Status::Partial, u"Unterminated multipart", u"See the attached picture."}},
        {QStringLiteral("wrong-charset-utf8-is-latin1.eml"),
         {Status::Partial, u"Wrong charset label", u"Café crème für 10 €"}},
    };
    return map;
}

ParsedMessage parseFile(const QString& name)
{
    return MimeParser::parse(readCorpusFile(name), Fallback);
}

QStringList fileNames(const QList<AttachmentInfo>& attachments)
{
    QStringList names;
    for (const AttachmentInfo& attachment : attachments) {
        names.append(attachment.partPath + u':' + attachment.fileName + u':' + attachment.mimeType);
    }
    return names;
}

// A multipart nested `levels` deep around one text part.
QByteArray nestedMessage(int levels)
{
    QByteArray raw = "Subject: deep\r\nDate: Mon, 4 Mar 2024 10:00:00 +0000\r\n";
    for (int i = 0; i < levels; ++i) {
        raw += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) + "\"\r\n\r\n--b"
            + QByteArray::number(i) + "\r\n";
    }
    raw += "Content-Type: text/plain\r\n\r\ndeep text\r\n";
    for (int i = levels - 1; i >= 0; --i) {
        raw += "--b" + QByteArray::number(i) + "--\r\n";
    }
    return raw;
}

} // namespace

TEST(MimeCorpus, EveryFileIsKnownAndDocumented)
{
    const QStringList files = QDir(corpusDir()).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
    EXPECT_GE(files.size(), 15);
    EXPECT_EQ(files, expectations().keys());
    for (const QString& name : files) {
        EXPECT_TRUE(readCorpusFile(name).contains("X-Corpus-Note: ")) << name.toStdString();
    }
    // Byte-exact: git must not touch the line ends of these files.
    EXPECT_TRUE(readCorpusFile(QStringLiteral(".gitattributes")).contains("* -text"));
}

TEST(MimeCorpus, ReadsWhatIsReadable)
{
    for (auto it = expectations().constBegin(); it != expectations().constEnd(); ++it) {
        const ParsedMessage m = parseFile(it.key());
        const std::string name = it.key().toStdString();
        EXPECT_EQ(m.status, it->status) << name << ": " << m.problems.join(u" | ").toStdString();
        EXPECT_EQ(m.status == Status::Ok, m.problems.isEmpty()) << name;
        EXPECT_EQ(m.subject, QString::fromUtf16(it->subject)) << name;
        if (it->bodyText) {
            EXPECT_EQ(m.bodyText.trimmed(), QString::fromUtf16(it->bodyText)) << name;
        }
        EXPECT_EQ(m.date.timeSpec(), Qt::UTC) << name;
    }
}

TEST(MimeCorpus, DescribesTheAttachments)
{
    EXPECT_EQ(fileNames(parseFile(QStringLiteral("broken-boundary.eml")).attachments),
              QStringList {QStringLiteral("2:report.pdf:application/pdf")});
    EXPECT_EQ(fileNames(parseFile(QStringLiteral("tnef-winmail.eml")).attachments),
              QStringList {QStringLiteral("2:winmail.dat:application/ms-tnef")});
    EXPECT_EQ(fileNames(parseFile(QStringLiteral("calendar-invite.eml")).attachments),
              QStringList({QStringLiteral("1.3::text/calendar"), QStringLiteral("2:invite.ics:application/ics")}));
    EXPECT_EQ(fileNames(parseFile(QStringLiteral("rfc2231-and-rfc2047-names.eml")).attachments),
              QStringList({QStringLiteral("2:Sehr lange Dateiübersicht.pdf:application/pdf"),
                           QStringLiteral("3:Käufe 2024.xls:application/vnd.ms-excel")}));
    EXPECT_EQ(fileNames(parseFile(QStringLiteral("unterminated-multipart.eml")).attachments),
              QStringList {QStringLiteral("2:holiday.jpg:image/jpeg")});
    EXPECT_EQ(fileNames(parseFile(QStringLiteral("nested-rfc822.eml")).attachments),
              QStringList {QStringLiteral("2:Original subject.eml:message/rfc822")});

    const QByteArray nested = readCorpusFile(QStringLiteral("nested-rfc822.eml"));
    QByteArray content;
    ASSERT_TRUE(MimeParser::partContent(nested, QStringLiteral("2.2"), &content));
    EXPECT_EQ(content,
              QByteArray("Notizen: Gr\xc3\xbc\xc3\x9f"
                         "e\n"));
    QByteArray winmail;
    ASSERT_TRUE(
        MimeParser::partContent(readCorpusFile(QStringLiteral("tnef-winmail.eml")), QStringLiteral("2"), &winmail));
    EXPECT_TRUE(winmail.startsWith(QByteArray::fromHex("789f3e22")));
}

TEST(MimeCorpus, ReadsHeadersOfBrokenMessages)
{
    const ParsedMessage groups = parseFile(QStringLiteral("groups-and-obsolete-date.eml"));
    ASSERT_EQ(groups.to.size(), 3);
    EXPECT_EQ(groups.to[1].name, QStringLiteral("Berg, Ben"));
    EXPECT_EQ(groups.to[2].name, QStringLiteral("Chris Cole"));
    EXPECT_TRUE(groups.cc.isEmpty());
    EXPECT_EQ(groups.date, QDateTime(QDate(2024, 3, 5), QTime(19, 30), Qt::UTC));
    EXPECT_EQ(groups.messageId, QStringLiteral("groups@example.org"));
    EXPECT_EQ(groups.inReplyTo, QStringLiteral("parent@example.org"));

    const ParsedMessage brokenDate = parseFile(QStringLiteral("broken-date-and-ids.eml"));
    EXPECT_EQ(brokenDate.date, Fallback);
    EXPECT_FALSE(brokenDate.dateFromHeader);
    EXPECT_EQ(brokenDate.messageId, QStringLiteral("bare-id@example.org"));
    EXPECT_EQ(brokenDate.references.size(), 2);

    EXPECT_EQ(parseFile(QStringLiteral("header-without-colon.eml")).to.constFirst().address,
              QStringLiteral("dave@example.net"));
    EXPECT_EQ(parseFile(QStringLiteral("8bit-headers-latin1.eml")).from.name, QStringLiteral("Jürgen Weiß"));
    EXPECT_EQ(parseFile(QStringLiteral("broken-encoded-words.eml")).from.name, QStringLiteral("Zoë"));
    EXPECT_TRUE(parseFile(QStringLiteral("html-only-meta-charset.eml")).hasHtmlBody);
}

TEST(MimeCorpus, SurvivesTruncationAndCorruption)
{
    quint32 seed = 12345;
    const auto random = [&seed]() {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    for (const QString& name : expectations().keys()) {
        const QByteArray raw = readCorpusFile(name);
        for (qsizetype length = 0; length <= raw.size(); ++length) {
            const QByteArray cut = raw.left(length);
            const ParsedMessage m = MimeParser::parse(cut, Fallback);
            EXPECT_TRUE(m.date.isValid());
            QByteArray content;
            MimeParser::partContent(cut, QStringLiteral("2"), &content);
        }
        for (int round = 0; round < 200; ++round) {
            QByteArray corrupt = raw;
            for (int flips = 0; flips < 4; ++flips) {
                corrupt[random() % corrupt.size()] = static_cast<char>(random() & 0xff);
            }
            const ParsedMessage m = MimeParser::parse(corrupt, Fallback);
            EXPECT_TRUE(m.date.isValid());
            MimeParser::htmlBody(corrupt);
        }
    }
}

TEST(MimeCorpus, HandlesEmptyAndHeaderlessMessages)
{
    const ParsedMessage empty = MimeParser::parse(QByteArray(), Fallback);
    EXPECT_EQ(empty.status, Status::Failed);
    EXPECT_FALSE(empty.problems.isEmpty());

    const ParsedMessage bodyOnly = MimeParser::parse("Hello Bob,\r\nno header here.\r\n", Fallback);
    EXPECT_EQ(bodyOnly.status, Status::Partial);
    EXPECT_TRUE(bodyOnly.subject.isEmpty());
    EXPECT_EQ(bodyOnly.snippet, QStringLiteral("Hello Bob, no header here."));
    EXPECT_EQ(bodyOnly.date, Fallback);
}

TEST(MimeCorpus, LimitsDeepNesting)
{
    const ParsedMessage deep = MimeParser::parse(nestedMessage(200), Fallback);
    EXPECT_EQ(deep.status, Status::Partial);
    EXPECT_EQ(deep.subject, QStringLiteral("deep"));
    const ParsedMessage shallow = MimeParser::parse(nestedMessage(30), Fallback);
    EXPECT_EQ(shallow.status, Status::Ok) << shallow.problems.join(u'\n').toStdString();
    EXPECT_EQ(shallow.bodyText, QStringLiteral("deep text"));
    // Far beyond any stack: must end quickly and without a crash.
    QElapsedTimer timer;
    timer.start();
    const ParsedMessage hostile = MimeParser::parse(nestedMessage(20000), Fallback);
    EXPECT_EQ(hostile.status, Status::Partial);
    EXPECT_LT(timer.elapsed(), 5000);
}

TEST(MimeCorpus, ReadsHugeHeadersAndManyParts)
{
    QByteArray to;
    int count = 0;
    while (to.size() < 200 * 1024) {
        to += (count ? ",\r\n " : "") + QByteArray("\"Person ") + QByteArray::number(count) + "\" <person"
            + QByteArray::number(count) + "@example.com>";
        ++count;
    }
    QElapsedTimer timer;
    timer.start();
    const ParsedMessage huge = MimeParser::parse("Subject: many\r\nTo: " + to + "\r\n\r\nbody\r\n", Fallback);
    EXPECT_LT(timer.elapsed(), 2000);
    EXPECT_EQ(huge.subject, QStringLiteral("many"));
    ASSERT_EQ(huge.to.size(), count);
    EXPECT_EQ(huge.to.constLast().address, QStringLiteral("person%1@example.com").arg(count - 1));

    QByteArray parts = "Subject: parts\r\nContent-Type: multipart/mixed; boundary=p\r\n\r\n";
    for (int i = 0; i < 20000; ++i) {
        parts += "--p\r\nContent-Type: image/gif\r\n\r\nx\r\n";
    }
    parts += "--p--\r\n";
    const ParsedMessage many = MimeParser::parse(parts, Fallback);
    EXPECT_EQ(many.status, Status::Partial);
    EXPECT_LT(many.attachments.size(), 20000);
    EXPECT_GT(many.attachments.size(), 1000);
}
