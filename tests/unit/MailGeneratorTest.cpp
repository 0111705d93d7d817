#include "MailGenerator.h"
#include "DeterministicRandom.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>
#include <vmime/contentDispositionField.hpp>
#include <vmime/contentTypeField.hpp>
#include <vmime/vmime.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <iconv.h>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

namespace {

using Kind = GeneratedMessage::Kind;

constexpr double kSmallScale = 0.05;

QList<GeneratedMessage> generateMessages(quint64 seed, double scale, int count)
{
    MailGeneratorOptions options;
    options.seed = seed;
    options.attachmentScale = scale;
    MailGenerator generator(options);
    QList<GeneratedMessage> messages;
    messages.reserve(count);
    for (int i = 0; i < count; ++i) {
        messages.append(generator.next());
    }
    return messages;
}

// Generated once: vmime parsing 2000 messages is the slow part of the suite.
const QList<GeneratedMessage>& sample()
{
    static const QList<GeneratedMessage> messages = generateMessages(20240601, kSmallScale, 2000);
    return messages;
}

QByteArray headerSection(const QByteArray& raw)
{
    const qsizetype end = raw.indexOf("\r\n\r\n");
    return end < 0 ? raw : raw.left(end + 2);
}

// The unfolded value of the first `name` field of a header section, or null.
QByteArray headerValue(const QByteArray& headers, const QByteArray& name)
{
    const QByteArray start = name + ':';
    qsizetype at = headers.startsWith(start) ? 0 : headers.indexOf("\r\n" + start);
    if (at < 0) {
        return {};
    }
    at += headers.startsWith(start) ? start.size() : start.size() + 2;
    QByteArray value;
    for (;;) {
        const qsizetype end = headers.indexOf("\r\n", at);
        value += headers.mid(at, end - at);
        if (end < 0 || end + 2 >= headers.size() || (headers.at(end + 2) != ' ' && headers.at(end + 2) != '\t')) {
            break;
        }
        at = end + 2;
    }
    return value.trimmed();
}

// The MIME headers of each attachment part, in the order they were written.
QList<QByteArray> attachmentHeaders(const QByteArray& raw)
{
    QList<QByteArray> headers;
    for (qsizetype at = 0; (at = raw.indexOf("\r\nContent-Disposition: attachment", at)) >= 0;) {
        const qsizetype start = raw.lastIndexOf("\r\n--", at);
        const qsizetype end = raw.indexOf("\r\n\r\n", at);
        headers.append(raw.mid(start, end - start));
        at = end;
    }
    return headers;
}

std::shared_ptr<vmime::message> parse(const QByteArray& raw)
{
    auto message = std::make_shared<vmime::message>();
    message->parse(std::string(raw.constData(), static_cast<std::size_t>(raw.size())));
    return message;
}

std::string mediaType(const std::shared_ptr<const vmime::body>& body)
{
    return body->getContentType().generate();
}

QByteArray extract(const std::shared_ptr<const vmime::body>& body)
{
    std::string out;
    vmime::utility::outputStreamStringAdapter stream(out);
    body->getContents()->extract(stream);
    return QByteArray(out.data(), static_cast<qsizetype>(out.size()));
}

// Strict: an invalid sequence is an error, never a replacement character.
std::optional<QByteArray> toUtf8(const QByteArray& bytes, const QByteArray& charset)
{
    iconv_t converter = iconv_open("UTF-8", charset.constData());
    if (converter == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1))) {
        return std::nullopt;
    }
    QByteArray out(bytes.size() * 4 + 16, Qt::Uninitialized);
    char* in = const_cast<char*>(bytes.constData());
    std::size_t inLeft = static_cast<std::size_t>(bytes.size());
    char* cursor = out.data();
    std::size_t outLeft = static_cast<std::size_t>(out.size());
    const bool ok = iconv(converter, &in, &inLeft, &cursor, &outLeft) != static_cast<std::size_t>(-1) && inLeft == 0;
    iconv_close(converter);
    if (!ok) {
        return std::nullopt;
    }
    out.truncate(cursor - out.data());
    return out;
}

quint32 bitwiseCrc32(const QByteArray& data)
{
    quint32 crc = 0xffffffffU;
    for (const char c : data) {
        crc ^= static_cast<uchar>(c);
        for (int k = 0; k < 8; ++k) {
            crc = (crc >> 1) ^ (0xedb88320U & (0U - (crc & 1U)));
        }
    }
    return ~crc;
}

quint32 readBigEndian(const QByteArray& data, qsizetype at)
{
    quint32 value = 0;
    for (int i = 0; i < 4; ++i) {
        value = (value << 8) | static_cast<uchar>(data.at(at + i));
    }
    return value;
}

// Walks the chunks, checks every CRC and that IDAT inflates to exactly the
// pixel rows IHDR promises (8-bit RGB, one filter byte a row).
::testing::AssertionResult isValidPng(const QByteArray& png)
{
    if (!png.startsWith(QByteArrayLiteral("\x89PNG\r\n\x1a\n"))) {
        return ::testing::AssertionFailure() << "no PNG signature";
    }
    quint32 width = 0;
    quint32 height = 0;
    QByteArray compressed;
    bool ended = false;
    for (qsizetype at = 8; at + 12 <= png.size() && !ended;) {
        const quint32 length = readBigEndian(png, at);
        const QByteArray typed = png.mid(at + 4, 4 + length);
        if (bitwiseCrc32(typed) != readBigEndian(png, at + 8 + length)) {
            return ::testing::AssertionFailure() << "bad CRC in chunk " << typed.left(4).constData();
        }
        const QByteArray type = typed.left(4);
        if (type == "IHDR") {
            width = readBigEndian(typed, 4);
            height = readBigEndian(typed, 8);
        } else if (type == "IDAT") {
            compressed += typed.mid(4);
        } else if (type == "IEND") {
            ended = true;
        }
        at += 12 + length;
    }
    if (!ended || width == 0 || height == 0) {
        return ::testing::AssertionFailure() << "missing IHDR or IEND";
    }
    const quint32 expected = height * (1 + width * 3);
    QByteArray sized;
    for (int shift = 24; shift >= 0; shift -= 8) {
        sized.append(static_cast<char>((expected >> shift) & 0xff));
    }
    if (qUncompress(sized + compressed).size() != static_cast<qsizetype>(expected)) {
        return ::testing::AssertionFailure() << "IDAT does not inflate to " << expected << " bytes";
    }
    return ::testing::AssertionSuccess();
}

double share(qsizetype count, qsizetype total)
{
    return static_cast<double>(count) / static_cast<double>(total);
}

// 3.5 standard deviations of a binomial share: loose enough for any seed,
// tight enough that a wrong mix fails.
double tolerance(double expected, qsizetype total)
{
    return 3.5 * std::sqrt(expected * (1 - expected) / static_cast<double>(total)) + 0.002;
}

} // namespace

TEST(MailGeneratorRandom, SameSeedSameSequence)
{
    DeterministicRandom a(7);
    DeterministicRandom b(7);
    DeterministicRandom c(8);
    int differences = 0;
    for (int i = 0; i < 1000; ++i) {
        const quint64 value = a.next();
        ASSERT_EQ(value, b.next());
        differences += value != c.next() ? 1 : 0;
    }
    EXPECT_EQ(differences, 1000);
    EXPECT_EQ(a.bytes(1001), b.bytes(1001));
}

TEST(MailGeneratorRandom, BelowStaysInRangeAndIsEven)
{
    DeterministicRandom random(1);
    constexpr int buckets = 7;
    constexpr int draws = 70000;
    int counts[buckets] = {};
    for (int i = 0; i < draws; ++i) {
        const quint64 value = random.below(buckets);
        ASSERT_LT(value, quint64(buckets));
        ++counts[value];
    }
    for (const int count : counts) {
        EXPECT_NEAR(count, draws / buckets, 400);
    }
    for (int i = 0; i < 1000; ++i) {
        const qint64 value = random.between(-3, 3);
        ASSERT_GE(value, -3);
        ASSERT_LE(value, 3);
        const double u = random.unit();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
    }
    EXPECT_EQ(random.below(1), 0U);
}

TEST(MailGenerator, SameSeedGivesIdenticalMessages)
{
    const QList<GeneratedMessage> first = generateMessages(42, kSmallScale, 200);
    const QList<GeneratedMessage> second = generateMessages(42, kSmallScale, 200);
    ASSERT_EQ(first.size(), 200);
    ASSERT_EQ(second.size(), 200);
    for (qsizetype i = 0; i < first.size(); ++i) {
        ASSERT_EQ(first.at(i).raw, second.at(i).raw) << "message " << i;
        EXPECT_EQ(first.at(i).internalDate, second.at(i).internalDate);
        EXPECT_EQ(first.at(i).messageId, second.at(i).messageId);
        EXPECT_EQ(first.at(i).kind, second.at(i).kind);
        EXPECT_EQ(first.at(i).seen, second.at(i).seen);
        EXPECT_EQ(first.at(i).flagged, second.at(i).flagged);
        EXPECT_EQ(first.at(i).answered, second.at(i).answered);
    }

    // The Message-ID holds the seed, so compare what follows the header.
    const QList<GeneratedMessage> other = generateMessages(43, kSmallScale, 200);
    int sameBodies = 0;
    int sameDates = 0;
    for (qsizetype i = 0; i < first.size(); ++i) {
        const QByteArray body = first.at(i).raw.mid(headerSection(first.at(i).raw).size());
        sameBodies += body == other.at(i).raw.mid(headerSection(other.at(i).raw).size()) ? 1 : 0;
        sameDates += first.at(i).internalDate == other.at(i).internalDate ? 1 : 0;
    }
    EXPECT_EQ(sameBodies, 0);
    EXPECT_LE(sameDates, 1); // the first message of both starts at firstDate
}

TEST(MailGenerator, KindsFollowTheMix)
{
    const QList<GeneratedMessage>& messages = sample();
    QHash<Kind, qsizetype> counts;
    for (const GeneratedMessage& message : messages) {
        ++counts[message.kind];
    }
    const std::map<Kind, double> expected = {
        {Kind::PlainUtf8, 0.45},
        {Kind::LegacyCharset, 0.10},
        {Kind::Alternative, 0.25 * 2 / 3},
        {Kind::AlternativeInline, 0.25 / 3},
        {Kind::Attachments, 0.17},
        {Kind::LargeAttachment, 0.03},
    };
    for (const auto& [kind, target] : expected) {
        EXPECT_NEAR(share(counts.value(kind), messages.size()), target, tolerance(target, messages.size()))
            << "kind " << static_cast<int>(kind);
    }
}

TEST(MailGenerator, FlagsFollowTheMix)
{
    const QList<GeneratedMessage>& messages = sample();
    qsizetype seen = 0;
    qsizetype flagged = 0;
    qsizetype answered = 0;
    for (const GeneratedMessage& message : messages) {
        seen += message.seen ? 1 : 0;
        flagged += message.flagged ? 1 : 0;
        answered += message.answered ? 1 : 0;
    }
    EXPECT_NEAR(share(seen, messages.size()), 0.70, tolerance(0.70, messages.size()));
    EXPECT_NEAR(share(flagged, messages.size()), 0.05, tolerance(0.05, messages.size()));
    EXPECT_NEAR(share(answered, messages.size()), 0.10, tolerance(0.10, messages.size()));
}

TEST(MailGenerator, EveryMessageIsWellFormed)
{
    for (const GeneratedMessage& message : sample()) {
        const QByteArray& raw = message.raw;
        SCOPED_TRACE(message.messageId.constData());
        qsizetype lineStart = 0;
        for (qsizetype i = 0; i < raw.size(); ++i) {
            if (raw.at(i) == '\r') {
                ASSERT_TRUE(i + 1 < raw.size() && raw.at(i + 1) == '\n') << "bare CR at " << i;
            } else if (raw.at(i) == '\n') {
                ASSERT_TRUE(i > 0 && raw.at(i - 1) == '\r') << "bare LF at " << i;
                ASSERT_LE(i - 1 - lineStart, 998) << "line at " << lineStart;
                lineStart = i + 1;
            } else if (raw.at(i) == '\0') {
                FAIL() << "NUL at " << i;
            }
        }
        ASSERT_TRUE(raw.endsWith("\r\n"));
        ASSERT_LE(raw.size() - lineStart, 998);

        for (const char* name : {"Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type"}) {
            EXPECT_FALSE(headerValue(headerSection(raw), name).isNull()) << "no " << name;
        }
        const auto parsed = parse(raw);
        const auto header = parsed->getHeader();
        ASSERT_TRUE(header->hasField(vmime::fields::MESSAGE_ID));
        ASSERT_TRUE(header->hasField(vmime::fields::SUBJECT));
        EXPECT_EQ(header->MessageId()->getValue<vmime::messageId>()->getId(), message.messageId.toStdString());
        const std::string subject =
            header->Subject()->getValue<vmime::text>()->getConvertedText(vmime::charsets::UTF_8);
        EXPECT_FALSE(subject.empty());
        EXPECT_EQ(subject.find("=?"), std::string::npos) << subject;
    }
}

TEST(MailGenerator, MimeStructureMatchesTheKind)
{
    const double scale = kSmallScale;
    for (const GeneratedMessage& message : sample()) {
        SCOPED_TRACE(message.messageId.constData());
        const auto parsed = parse(message.raw);
        const auto body = parsed->getBody();
        switch (message.kind) {
        case Kind::PlainUtf8:
            EXPECT_EQ(mediaType(body), "text/plain");
            EXPECT_EQ(body->getPartCount(), 0U);
            EXPECT_NE(headerValue(headerSection(message.raw), "Content-Type").indexOf("charset=UTF-8"), -1);
            break;
        case Kind::LegacyCharset:
            EXPECT_EQ(mediaType(body), "text/plain");
            EXPECT_EQ(body->getPartCount(), 0U);
            break;
        case Kind::Alternative:
            EXPECT_EQ(mediaType(body), "multipart/alternative");
            ASSERT_EQ(body->getPartCount(), 2U);
            EXPECT_EQ(mediaType(body->getPartAt(0)->getBody()), "text/plain");
            EXPECT_EQ(mediaType(body->getPartAt(1)->getBody()), "text/html");
            break;
        case Kind::AlternativeInline: {
            EXPECT_EQ(mediaType(body), "multipart/alternative");
            ASSERT_EQ(body->getPartCount(), 2U);
            EXPECT_EQ(mediaType(body->getPartAt(0)->getBody()), "text/plain");
            const auto related = body->getPartAt(1)->getBody();
            EXPECT_EQ(mediaType(related), "multipart/related");
            ASSERT_EQ(related->getPartCount(), 2U);
            EXPECT_EQ(mediaType(related->getPartAt(0)->getBody()), "text/html");
            const auto image = related->getPartAt(1);
            EXPECT_EQ(mediaType(image->getBody()), "image/png");
            ASSERT_TRUE(image->getHeader()->hasField(vmime::fields::CONTENT_ID));
            const std::string cid =
                image->getHeader()->findField(vmime::fields::CONTENT_ID)->getValue<vmime::messageId>()->getId();
            const QByteArray html = extract(related->getPartAt(0)->getBody());
            EXPECT_NE(html.indexOf("src=\"cid:" + QByteArray::fromStdString(cid) + '"'), -1);
            EXPECT_TRUE(isValidPng(extract(image->getBody())));
            break;
        }
        case Kind::Attachments:
        case Kind::LargeAttachment: {
            EXPECT_EQ(mediaType(body), "multipart/mixed");
            const std::size_t parts = body->getPartCount();
            if (message.kind == Kind::Attachments) {
                EXPECT_GE(parts, 2U);
                EXPECT_LE(parts, 4U);
            } else {
                EXPECT_EQ(parts, 2U);
            }
            ASSERT_GE(parts, 2U);
            const std::string first = mediaType(body->getPartAt(0)->getBody());
            EXPECT_TRUE(first == "text/plain" || first == "multipart/alternative") << first;
            const double low = (message.kind == Kind::Attachments ? 40 : 600) * 1024 * scale;
            const double high = (message.kind == Kind::Attachments ? 600 : 1000) * 1024 * scale;
            for (std::size_t i = 1; i < parts; ++i) {
                const auto part = body->getPartAt(i);
                EXPECT_TRUE(vmime::attachmentHelper::isBodyPartAnAttachment(part));
                const auto size = static_cast<double>(extract(part->getBody()).size());
                EXPECT_GE(size, std::floor(low));
                EXPECT_LE(size, std::ceil(high));
            }
            EXPECT_EQ(vmime::attachmentHelper::findAttachmentsInMessage(parsed).size(), parts - 1);
            break;
        }
        }
    }
}

TEST(MailGenerator, NonAsciiAttachmentNamesDecodeBothWays)
{
    static const QRegularExpression extended(QStringLiteral("filename\\*=utf-8''([^\\r\\n;]+)"));
    static const QRegularExpression plain(QStringLiteral("filename=\"([ -~]+)\""));
    static const QRegularExpression encodedName(QStringLiteral("name=\"=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]+)\\?=\""));
    QSet<QString> names;
    int nonAscii = 0;
    for (const GeneratedMessage& message : sample()) {
        if (message.kind != Kind::Attachments && message.kind != Kind::LargeAttachment) {
            continue;
        }
        SCOPED_TRACE(message.messageId.constData());
        const QList<QByteArray> rawHeaders = attachmentHeaders(message.raw);
        const auto parsed = parse(message.raw);
        const auto body = parsed->getBody();
        ASSERT_EQ(static_cast<std::size_t>(rawHeaders.size()), body->getPartCount() - 1);
        for (std::size_t i = 1; i < body->getPartCount(); ++i) {
            const auto part = body->getPartAt(i);
            const QString rawHeader = QString::fromLatin1(rawHeaders.at(static_cast<qsizetype>(i - 1)));
            const auto disposition =
                part->getHeader()->findField<vmime::contentDispositionField>(vmime::fields::CONTENT_DISPOSITION);
            ASSERT_TRUE(disposition);
            const std::string vmimeName = disposition->getFilename().getConvertedText(vmime::charsets::UTF_8);
            names.insert(QString::fromStdString(vmimeName));

            // The name as written, decoded without vmime.
            const QRegularExpressionMatch rfc2231 = extended.match(rawHeader);
            if (!rfc2231.hasMatch()) {
                const QRegularExpressionMatch ascii = plain.match(rawHeader);
                ASSERT_TRUE(ascii.hasMatch()) << rawHeader.toStdString();
                EXPECT_EQ(vmimeName, ascii.captured(1).toStdString());
                continue;
            }
            ++nonAscii;
            const QByteArray expected = QByteArray::fromPercentEncoding(rfc2231.captured(1).toLatin1());
            EXPECT_FALSE(QString::fromUtf8(expected).toLatin1() == expected) << "needlessly encoded";
            EXPECT_EQ(vmimeName, expected.toStdString());
            const QRegularExpressionMatch rfc2047 = encodedName.match(rawHeader);
            ASSERT_TRUE(rfc2047.hasMatch()) << rawHeader.toStdString();
            EXPECT_EQ(QByteArray::fromBase64(rfc2047.captured(1).toLatin1()), expected);
            const auto contentType = part->getHeader()->findField<vmime::contentTypeField>(vmime::fields::CONTENT_TYPE);
            EXPECT_EQ(contentType->getParameter("name")->getValue().getConvertedText(vmime::charsets::UTF_8),
                      expected.toStdString());
        }
        for (const auto& attachment : vmime::attachmentHelper::findAttachmentsInMessage(parsed)) {
            EXPECT_TRUE(
                names.contains(QString::fromStdString(attachment->getName().getConvertedText(vmime::charsets::UTF_8))));
        }
    }
    EXPECT_GE(nonAscii, 20);
    EXPECT_TRUE(names.contains(QString::fromUtf8("Grüße.pdf")));
    EXPECT_TRUE(names.contains(QString::fromUtf8("Фото_отпуск.jpg")));
    EXPECT_TRUE(names.contains(QStringLiteral("archive.zip")));
}

TEST(MailGenerator, AttachmentsAreBase64In76Columns)
{
    static const QRegularExpression base64Line(QStringLiteral("^[A-Za-z0-9+/]+={0,2}$"));
    int attachments = 0;
    for (const GeneratedMessage& message : sample()) {
        const QByteArray& raw = message.raw;
        for (qsizetype at = 0; (at = raw.indexOf("\r\nContent-Disposition: attachment", at)) >= 0;) {
            const qsizetype start = raw.indexOf("\r\n\r\n", at) + 4;
            const qsizetype end = raw.indexOf("\r\n--", start);
            ASSERT_GT(end, start);
            const QList<QByteArray> lines = raw.mid(start, end - start).split('\n');
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
                ASSERT_TRUE(i + 1 == lines.size() ? line.size() <= 76 : line.size() == 76)
                    << message.messageId.constData() << " line " << i << ": " << line.size();
                ASSERT_TRUE(base64Line.match(QString::fromLatin1(line)).hasMatch()) << line.constData();
            }
            ++attachments;
            at = end;
        }
    }
    EXPECT_GT(attachments, 300);
}

TEST(MailGenerator, LegacyCharsetsDecodeToTheOriginalText)
{
    QSet<QByteArray> charsets;
    for (const GeneratedMessage& message : sample()) {
        if (message.kind != Kind::LegacyCharset) {
            continue;
        }
        SCOPED_TRACE(message.messageId.constData());
        const auto parsed = parse(message.raw);
        const QByteArray charset =
            QByteArray::fromStdString(parsed->getHeader()
                                          ->findField<vmime::contentTypeField>(vmime::fields::CONTENT_TYPE)
                                          ->getCharset()
                                          .getName());
        charsets.insert(charset.toLower());
        const QByteArray encoded = extract(parsed->getBody());
        const std::optional<QByteArray> text = toUtf8(encoded, charset);
        ASSERT_TRUE(text.has_value()) << "not valid " << charset.constData();
        EXPECT_EQ(QCryptographicHash::hash(*text, QCryptographicHash::Sha256).toHex(),
                  headerValue(headerSection(message.raw), "X-Generated-Text-SHA256"));

        const QString decoded = QString::fromUtf8(*text);
        const auto hasScript = [&decoded](char16_t low, char16_t high) {
            return std::any_of(
                decoded.cbegin(), decoded.cend(), [=](QChar c) { return c.unicode() >= low && c.unicode() <= high; });
        };
        const QByteArray cte = headerValue(headerSection(message.raw), "Content-Transfer-Encoding");
        if (charset.toLower() == "koi8-r") {
            EXPECT_TRUE(hasScript(0x0400, 0x04ff)) << "no Cyrillic";
        } else if (charset.toLower() == "iso-2022-jp") {
            EXPECT_EQ(cte, "7bit");
            const QByteArray bodyBytes = message.raw.mid(headerSection(message.raw).size());
            EXPECT_TRUE(
                std::all_of(bodyBytes.cbegin(), bodyBytes.cend(), [](char c) { return static_cast<uchar>(c) < 0x80; }));
            EXPECT_TRUE(hasScript(0x3040, 0x30ff)) << "no kana";
        } else if (charset.toLower() == "shift_jis") {
            EXPECT_TRUE(hasScript(0x3040, 0x30ff)) << "no kana";
        } else if (charset.toLower() == "gb2312") {
            EXPECT_TRUE(hasScript(0x4e00, 0x9fff)) << "no Han";
        } else {
            EXPECT_TRUE(hasScript(0x00c0, 0x00ff)) << "no accented Latin";
            // The latin labels must matter: the text is not plain ASCII.
            EXPECT_NE(encoded, *text);
        }
    }
    EXPECT_EQ(charsets,
              (QSet<QByteArray> {"iso-8859-1", "windows-1252", "koi8-r", "iso-2022-jp", "shift_jis", "gb2312"}));
}

TEST(MailGenerator, SubjectsAreEncodedLikeRealMail)
{
    const QList<GeneratedMessage>& messages = sample();
    qsizetype encoded = 0;
    qsizetype raw8bit = 0;
    QSet<QByteArray> forms;
    static const QRegularExpression word(QStringLiteral("=\\?([^?]+)\\?([BQbq])\\?"));
    for (const GeneratedMessage& message : messages) {
        const QByteArray headers = headerSection(message.raw);
        const QByteArray subject = headerValue(headers, "Subject");
        const bool eightBit =
            std::any_of(headers.cbegin(), headers.cend(), [](char c) { return static_cast<uchar>(c) >= 0x80; });
        if (eightBit) {
            ++raw8bit;
            // Broken the way real mail is: raw UTF-8 in Subject and From.
            EXPECT_FALSE(QString::fromUtf8(subject).toLatin1() == subject);
            EXPECT_TRUE(
                std::any_of(subject.cbegin(), subject.cend(), [](char c) { return static_cast<uchar>(c) >= 0x80; }));
            const QByteArray from = headerValue(headers, "From");
            EXPECT_TRUE(std::any_of(from.cbegin(), from.cend(), [](char c) { return static_cast<uchar>(c) >= 0x80; }));
        }
        if (subject.contains("=?")) {
            ++encoded;
            QRegularExpressionMatchIterator it = word.globalMatch(QString::fromLatin1(subject));
            while (it.hasNext()) {
                const QRegularExpressionMatch match = it.next();
                forms.insert((match.captured(1).toLower() + QLatin1Char('/') + match.captured(2).toUpper()).toLatin1());
            }
        }
    }
    EXPECT_NEAR(share(encoded, messages.size()), 0.30, 0.04);
    EXPECT_GE(raw8bit, messages.size() / 200);
    EXPECT_LE(raw8bit, messages.size() / 25);
    for (const char* form : {"utf-8/B", "utf-8/Q", "iso-8859-1/B", "iso-8859-1/Q"}) {
        EXPECT_TRUE(forms.contains(form)) << form;
    }
}

TEST(MailGenerator, RepliesFormThreads)
{
    const QList<GeneratedMessage>& messages = sample();
    QHash<QByteArray, qsizetype> position;
    QHash<QByteArray, std::string> subjects;
    qsizetype replies = 0;
    qsizetype deepest = 0;
    qsizetype sameSubject = 0;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const GeneratedMessage& message = messages.at(i);
        ASSERT_FALSE(position.contains(message.messageId)) << "duplicate Message-ID";
        position.insert(message.messageId, i);
        const QByteArray headers = headerSection(message.raw);
        const bool raw8bit =
            std::any_of(headers.cbegin(), headers.cend(), [](char c) { return static_cast<uchar>(c) >= 0x80; });
        const auto parsed = parse(message.raw);
        const std::string subject =
            parsed->getHeader()->Subject()->getValue<vmime::text>()->getConvertedText(vmime::charsets::UTF_8);
        if (!raw8bit) {
            subjects.insert(message.messageId, subject);
        }
        const QByteArray inReplyTo = headerValue(headers, "In-Reply-To");
        if (inReplyTo.isNull()) {
            continue;
        }
        ++replies;
        const QByteArray parent = inReplyTo.mid(1, inReplyTo.size() - 2);
        ASSERT_TRUE(position.contains(parent)) << "In-Reply-To " << inReplyTo.constData() << " is not earlier";
        const QList<QByteArray> references = headerValue(headers, "References").simplified().split(' ');
        ASSERT_FALSE(references.isEmpty());
        EXPECT_EQ(references.last(), inReplyTo);
        for (const QByteArray& reference : references) {
            EXPECT_TRUE(position.contains(reference.mid(1, reference.size() - 2))) << reference.constData();
        }
        deepest = std::max(deepest, references.size());
        EXPECT_EQ(subject.rfind("Re: ", 0), 0U) << subject;
        // Whatever charset and method each side chose, the thread's subject
        // decodes to the same text.
        if (subjects.contains(parent)) {
            std::string parentSubject = subjects.value(parent);
            if (parentSubject.rfind("Re: ", 0) == 0) {
                parentSubject.erase(0, 4);
            }
            EXPECT_EQ(subject, "Re: " + parentSubject);
            ++sameSubject;
        }
    }
    EXPECT_NEAR(share(replies, messages.size()), 0.35, 0.04);
    EXPECT_GE(deepest, 4);
    EXPECT_GT(sameSubject, replies * 9 / 10);
}

TEST(MailGenerator, DatesIncreaseAndMatchTheDateHeader)
{
    MailGeneratorOptions options;
    const QList<GeneratedMessage>& messages = sample();
    EXPECT_EQ(messages.first().internalDate, options.firstDate);
    QSet<int> zones;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const GeneratedMessage& message = messages.at(i);
        ASSERT_EQ(message.internalDate.timeSpec(), Qt::UTC);
        ASSERT_EQ(message.internalDate.time().msec(), 0);
        if (i > 0) {
            const qint64 gap = messages.at(i - 1).internalDate.secsTo(message.internalDate);
            ASSERT_GE(gap, 60);
            ASSERT_LE(gap, 2 * 86400);
        }
        const auto date = parse(message.raw)->getHeader()->Date()->getValue<vmime::datetime>();
        const QDateTime header(QDate(date->getYear(), date->getMonth(), date->getDay()),
                               QTime(date->getHour(), date->getMinute(), date->getSecond()),
                               Qt::OffsetFromUTC,
                               date->getZone() * 60);
        ASSERT_EQ(header.toSecsSinceEpoch(), message.internalDate.toSecsSinceEpoch())
            << headerValue(headerSection(message.raw), "Date").constData();
        zones.insert(date->getZone());
    }
    EXPECT_GE(zones.size(), 5);
}

TEST(MailGenerator, StandardPlanFillsEveryFolderInDateOrder)
{
    const QList<FolderPlan> plan = MailGenerator::standardPlan(1000);
    QHash<QString, int> expected;
    for (const FolderPlan& folder : plan) {
        expected.insert(folder.name, folder.count);
    }
    EXPECT_EQ(expected.size(), 6);
    EXPECT_EQ(expected.value(QStringLiteral("INBOX")), 1000);
    EXPECT_EQ(expected.value(QStringLiteral("Sent")), 30);
    EXPECT_EQ(expected.value(QStringLiteral("Archive")), 20);
    EXPECT_EQ(expected.value(QStringLiteral("Archive/2023")), 50);
    EXPECT_EQ(expected.value(QString::fromUtf8("Archive/Grüße & Co")), 5);
    EXPECT_EQ(expected.value(QString::fromUtf8("Projekte/Übersicht/2024")), 5);
    EXPECT_EQ(MailGenerator::standardPlan(10).at(1).count, 1);
    EXPECT_EQ(MailGenerator::standardPlan(10).at(4).count, 3);

    MailGeneratorOptions options;
    options.seed = 5;
    options.attachmentScale = 0.01;
    MailGenerator generator(options);
    const QList<GeneratedMessage> messages = generator.generate(plan);
    ASSERT_EQ(messages.size(), 1110);
    QHash<QString, int> counts;
    qsizetype firstSent = -1;
    qsizetype lastSent = -1;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        ++counts[messages.at(i).folder];
        if (i > 0) {
            ASSERT_LT(messages.at(i - 1).internalDate, messages.at(i).internalDate);
        }
        if (messages.at(i).folder == QLatin1String("Sent")) {
            firstSent = firstSent < 0 ? i : firstSent;
            lastSent = i;
            EXPECT_NE(headerValue(headerSection(messages.at(i).raw), "From").indexOf("test@example.test"), -1);
        }
    }
    EXPECT_EQ(counts, expected);
    // Interleaved, not one folder after another.
    EXPECT_GT(lastSent - firstSent, messages.size() / 2);
}

TEST(MailGenerator, SizesAtFullScaleLookLikeARealMailbox)
{
    const QList<GeneratedMessage> messages = generateMessages(99, 1.0, 1000);
    QList<qsizetype> sizes;
    double total = 0;
    for (const GeneratedMessage& message : messages) {
        sizes.append(message.raw.size());
        total += static_cast<double>(message.raw.size());
    }
    std::sort(sizes.begin(), sizes.end());
    const double mean = total / static_cast<double>(sizes.size()) / 1024;
    const double median = static_cast<double>(sizes.at(sizes.size() / 2)) / 1024;
    std::cout << "[          ] mean " << mean << " KiB, median " << median << " KiB, largest "
              << static_cast<double>(sizes.last()) / 1024 << " KiB\n";
    EXPECT_GE(mean, 60);
    EXPECT_LE(mean, 160);
    EXPECT_GE(median, 5);
    EXPECT_LE(median, 30);
    // At most three 600 KiB attachments, base64 with CRLF (x 4/3 x 78/76), and text.
    EXPECT_LE(static_cast<double>(sizes.last()), 3 * 600 * 1024 * 4.0 / 3 * 78 / 76 + 256 * 1024);

    // Scaling shrinks attachments only: the text-only messages stay the same.
    const QList<GeneratedMessage> small = generateMessages(99, 0.01, 1000);
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (messages.at(i).kind == Kind::PlainUtf8) {
            EXPECT_EQ(messages.at(i).raw, small.at(i).raw);
        } else if (messages.at(i).kind == Kind::LargeAttachment) {
            EXPECT_LT(small.at(i).raw.size() * 10, messages.at(i).raw.size());
        }
    }
}
