#include "MailGenerator.h"

#include "MailText.h"
#include "MailWords.h"
#include "MimeEncoding.h"

#include <QCryptographicHash>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <string_view>
#include <utility>

using namespace MailGen;

namespace {

using Kind = GeneratedMessage::Kind;

constexpr qsizetype kKiB = 1024;
constexpr qsizetype kMaxRecent = 64;
constexpr qsizetype kMaxReferences = 12;

// Without the temporary QByteArray::number makes: CSV attachments are
// mostly numbers.
void appendNumber(QByteArray& out, qint64 value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

QString stringOf(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QByteArray hex(quint64 value, int digits)
{
    return QByteArray::number(value, 16).rightJustified(digits, '0').right(digits).toUpper();
}

// ---------------------------------------------------------------------------
// Binary content

quint32 crc32(const QByteArray& data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k) {
                c = (c & 1) ? 0xedb88320U ^ (c >> 1) : c >> 1;
            }
            t[n] = c;
        }
        return t;
    }();
    quint32 crc = 0xffffffffU;
    for (const char c : data) {
        crc = table[(crc ^ static_cast<uchar>(c)) & 0xff] ^ (crc >> 8);
    }
    return crc ^ 0xffffffffU;
}

void appendBigEndian(QByteArray& out, quint32 value)
{
    for (int shift = 24; shift >= 0; shift -= 8) {
        out.append(static_cast<char>((value >> shift) & 0xff));
    }
}

void appendPngChunk(QByteArray& out, const char* type, const QByteArray& data)
{
    appendBigEndian(out, static_cast<quint32>(data.size()));
    const QByteArray typed = QByteArray(type, 4) + data;
    out += typed;
    appendBigEndian(out, crc32(typed));
}

// A small RGB gradient logo; qCompress writes a zlib stream after a 4-byte
// length, and a zlib stream is exactly what IDAT holds.
QByteArray makePng(DeterministicRandom& random)
{
    const int width = 24 + static_cast<int>(random.below(40));
    const int height = 16 + static_cast<int>(random.below(24));
    const int from[3] = {static_cast<int>(random.below(256)), static_cast<int>(random.below(256)), 200};
    const int to[3] = {40, static_cast<int>(random.below(256)), static_cast<int>(random.below(256))};
    QByteArray pixels;
    pixels.reserve(height * (1 + width * 3));
    for (int y = 0; y < height; ++y) {
        pixels.append('\0');
        for (int x = 0; x < width; ++x) {
            for (int c = 0; c < 3; ++c) {
                pixels.append(static_cast<char>(from[c] + (to[c] - from[c]) * (x + y) / (width + height)));
            }
        }
    }
    QByteArray header;
    appendBigEndian(header, static_cast<quint32>(width));
    appendBigEndian(header, static_cast<quint32>(height));
    header.append("\x08\x02\x00\x00\x00", 5);
    QByteArray png = QByteArrayLiteral("\x89PNG\r\n\x1a\n");
    appendPngChunk(png, "IHDR", header);
    appendPngChunk(png, "IDAT", qCompress(pixels, 9).mid(4));
    appendPngChunk(png, "IEND", {});
    return png;
}

// Random bytes behind the type's magic number: realistic sizes that do not
// compress; CSV is text and compresses like the real thing.
QByteArray attachmentContent(DeterministicRandom& random, std::string_view mimeType, qsizetype size)
{
    if (mimeType == "text/csv") {
        QByteArray csv = QByteArrayLiteral("Datum;Kunde;Betrag;Bemerkung\r\n");
        csv.reserve(size + 256);
        // One draw per statement: operands of + are unsequenced, and the
        // output must not depend on the compiler's evaluation order.
        while (csv.size() < size) {
            appendNumber(csv, random.between(2015, 2024));
            csv += '-';
            appendNumber(csv, random.between(10, 12));
            csv += '-';
            appendNumber(csv, random.between(10, 28));
            csv += ';';
            append(csv, pick(random, MailWords::companies));
            csv += ';';
            appendNumber(csv, random.between(1, 99999));
            csv += ',';
            appendNumber(csv, random.between(10, 99));
            csv += ';';
            append(csv, pickFrequent(random, MailWords::german));
            csv += ' ';
            append(csv, pickFrequent(random, MailWords::german));
            csv += "\r\n";
        }
        return csv;
    }
    QByteArray content = random.bytes(size);
    QByteArray magic;
    if (mimeType == "application/pdf") {
        magic = QByteArrayLiteral("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n");
    } else if (mimeType == "image/jpeg") {
        magic = QByteArrayLiteral("\xff\xd8\xff\xe0\x00\x10JFIF\x00");
    } else {
        magic = QByteArrayLiteral("PK\x03\x04\x14\x00");
    }
    content.replace(0, std::min(magic.size(), content.size()), magic.left(content.size()));
    return content;
}

// ---------------------------------------------------------------------------
// MIME entities

QByteArray boundary(DeterministicRandom& random, int counter)
{
    // "=_" cannot occur in base64 or quoted-printable, so the boundary cannot
    // collide with encoded content.
    return "----=_Part_" + QByteArray::number(counter) + '_' + hex(random.next(), 16);
}

enum class Encoding { SevenBit, EightBit, QuotedPrintable, Base64 };

void appendTextEntity(
    QByteArray& out, const QByteArray& body, const char* subtype, const char* label, Encoding encoding)
{
    out += QByteArrayLiteral("Content-Type: text/") + subtype + "; charset=" + label + "\r\n";
    switch (encoding) {
    case Encoding::SevenBit:
        out += "Content-Transfer-Encoding: 7bit\r\n\r\n";
        out += body;
        break;
    case Encoding::EightBit:
        out += "Content-Transfer-Encoding: 8bit\r\n\r\n";
        out += body;
        break;
    case Encoding::QuotedPrintable:
        out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
        appendQuotedPrintable(out, body);
        break;
    case Encoding::Base64:
        out += "Content-Transfer-Encoding: base64\r\n\r\n";
        appendBase64Lines(out, body);
        break;
    }
}

Encoding drawUtf8Encoding(DeterministicRandom& random)
{
    const double u = random.unit();
    return u < 0.5 ? Encoding::QuotedPrintable : u < 0.9 ? Encoding::EightBit : Encoding::Base64;
}

void appendAlternative(
    DeterministicRandom& random, QByteArray& out, const Prose& prose, bool inlineImage, int counter, quint64 seed)
{
    const QByteArray outer = boundary(random, counter);
    out += "Content-Type: multipart/alternative;\r\n boundary=\"" + outer + "\"\r\n\r\n";
    out += "--" + outer + "\r\n";
    appendTextEntity(out, renderPlain(prose), "plain", "UTF-8", drawUtf8Encoding(random));
    out += "--" + outer + "\r\n";
    const Encoding htmlEncoding = random.chance(0.8) ? Encoding::QuotedPrintable : Encoding::Base64;
    if (!inlineImage) {
        appendTextEntity(out, renderHtml(random, prose, {}), "html", "UTF-8", htmlEncoding);
    } else {
        const QByteArray related = boundary(random, counter);
        const QByteArray cid =
            "part1." + QByteArray::number(counter) + '.' + QByteArray::number(seed) + "@example.test";
        out += "Content-Type: multipart/related;\r\n boundary=\"" + related + "\"\r\n\r\n";
        out += "--" + related + "\r\n";
        appendTextEntity(out, renderHtml(random, prose, cid), "html", "UTF-8", htmlEncoding);
        out += "--" + related + "\r\n";
        out += "Content-Type: image/png; name=\"logo.png\"\r\nContent-Transfer-Encoding: base64\r\n"
               "Content-ID: <"
            + cid + ">\r\nContent-Disposition: inline; filename=\"logo.png\"\r\n\r\n";
        appendBase64Lines(out, makePng(random));
        out += "--" + related + "--\r\n";
    }
    out += "--" + outer + "--\r\n";
}

void appendAttachment(DeterministicRandom& random, QByteArray& out, qsizetype size)
{
    const MailWords::AttachmentType& type = pick(random, MailWords::attachmentNames);
    const QByteArray name = bytesOf(type.name);
    const QByteArray mimeType = bytesOf(type.mimeType);
    const QByteArray charset = mimeType == "text/csv" ? QByteArrayLiteral("; charset=UTF-8") : QByteArray();
    if (isAscii(name)) {
        out += "Content-Type: " + mimeType + charset + "; name=\"" + name + "\"\r\n";
        out += "Content-Disposition: attachment; filename=\"" + name + "\"\r\n";
    } else {
        // Thunderbird's habit: RFC 2047 in the Content-Type name for old
        // readers, RFC 2231 in the disposition's filename for correct ones.
        out += "Content-Type: " + mimeType + charset + ";\r\n name=\"" + encodedWord(name, "UTF-8", 'B') + "\"\r\n";
        out += "Content-Disposition: attachment;\r\n filename*=utf-8''" + percentEncoded(name) + "\r\n";
    }
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    // Content comes from a stream of its own, seeded by one draw: how many
    // bytes attachmentScale asks for must not shift the rest of the mailbox.
    DeterministicRandom content(random.next());
    appendBase64Lines(out, attachmentContent(content, type.mimeType, size));
}

qsizetype scaled(double bytes, double scale)
{
    return std::max<qsizetype>(16, static_cast<qsizetype>(bytes * scale));
}

Kind drawKind(DeterministicRandom& random)
{
    // Parts of 1200 so that a third of the 25% alternative share is exact.
    const quint64 draw = random.below(1200);
    if (draw < 540) {
        return Kind::PlainUtf8;
    }
    if (draw < 660) {
        return Kind::LegacyCharset;
    }
    if (draw < 860) {
        return Kind::Alternative;
    }
    if (draw < 960) {
        return Kind::AlternativeInline;
    }
    if (draw < 1164) {
        return Kind::Attachments;
    }
    return Kind::LargeAttachment;
}

// Mostly Central European offsets, with the Americas and Asia mixed in.
constexpr int kOffsets[] = {60, 60, 120, 120, 0, 0, -300, -240, -420, -480, 330, 540, 600, 480, -180, 180};

} // namespace

MailGenerator::MailGenerator(const MailGeneratorOptions& options)
    : m_options(options)
    , m_random(options.seed)
    , m_clock(QDateTime::fromSecsSinceEpoch(options.firstDate.toSecsSinceEpoch(), Qt::UTC))
{
}

GeneratedMessage MailGenerator::next(const QString& folder)
{
    DeterministicRandom& random = m_random;
    ++m_counter;
    if (m_counter > 1) {
        // 1 minute to 2 days, mostly short gaps: busy days and quiet weekends.
        const double u = random.unit();
        m_clock = m_clock.addSecs(60 + static_cast<qint64>(u * u * u * (2 * 86400 - 60)));
    }

    GeneratedMessage message;
    message.folder = folder;
    message.internalDate = m_clock;
    message.kind = drawKind(random);
    message.seen = random.chance(0.70);
    message.flagged = random.chance(0.05);
    message.answered = random.chance(0.10);
    message.messageId =
        "gen." + QByteArray::number(m_counter) + '.' + QByteArray::number(m_options.seed) + "@example.test";

    const bool sent = folder.compare(QLatin1String("Sent"), Qt::CaseInsensitive) == 0;
    const bool raw8bit = random.chance(0.02) && !sent;
    const bool reply = !raw8bit && !m_recentMessageIds.isEmpty() && random.chance(0.35);
    if (sent) {
        message.seen = true;
    }

    Charset charset = Charset::Utf8;
    Language language = random.chance(0.55) ? Language::English
        : random.chance(0.9)                ? Language::German
                                            : Language::French;
    if (message.kind == Kind::LegacyCharset) {
        charset = pick(random, kLegacyCharsets);
        language = charsetInfo(charset).language;
        if (charset == Charset::Latin1 && random.chance(0.4)) {
            language = Language::French;
        }
    }

    // Subject: a reply keeps its thread's subject; a new one is encoded about
    // 30% of the time, and only then has characters outside ASCII.
    qsizetype parent = -1;
    QString subject;
    bool ownLanguageSubject = false;
    if (reply) {
        const qsizetype window = std::min<qsizetype>(m_recentMessageIds.size(), 40);
        const double u = random.unit();
        parent = m_recentMessageIds.size() - 1 - static_cast<qsizetype>(u * u * static_cast<double>(window));
        subject = m_recentSubjects.at(parent);
    } else if (raw8bit || random.chance(0.30)) {
        switch (raw8bit ? Language::English : language) {
        case Language::Russian:
            subject = stringOf(pick(random, MailWords::russianSubjects));
            ownLanguageSubject = true;
            break;
        case Language::Japanese:
            subject = stringOf(pick(random, MailWords::japaneseSubjects));
            ownLanguageSubject = true;
            break;
        case Language::Chinese:
            subject = stringOf(pick(random, MailWords::chineseSubjects));
            ownLanguageSubject = true;
            break;
        default:
            subject = stringOf(pick(random, MailWords::nonAsciiSubjects));
            if (random.chance(0.3)) {
                subject += QStringLiteral(" \u2013 ") + stringOf(pick(random, MailWords::subjectTopics));
            }
            ownLanguageSubject = fitsLatinCharset(subject, charset);
        }
    } else {
        subject = stringOf(pick(random, MailWords::asciiSubjects));
        if (random.chance(0.4)) {
            subject += random.chance(0.5) ? QStringLiteral(" - ") : QStringLiteral(": ");
            subject += stringOf(pick(random, MailWords::subjectTopics));
        }
    }

    const Person me = owner();
    const Person sender = sent ? me : drawPerson(random, raw8bit);
    QList<Person> to;
    if (!sent) {
        to.append(me);
    }
    const int extraTo =
        sent ? 1 + static_cast<int>(random.below(3)) : (random.chance(0.2) ? 1 + static_cast<int>(random.below(3)) : 0);
    for (int i = 0; i < extraTo; ++i) {
        to.append(drawPerson(random, false));
    }
    QList<Person> cc;
    if (random.chance(0.25)) {
        const int count = 1 + static_cast<int>(random.below(6));
        for (int i = 0; i < count; ++i) {
            cc.append(drawPerson(random, false));
        }
    }

    QByteArray references;
    if (reply) {
        QList<QByteArray> chain = m_recentReferences.at(parent).split(' ');
        chain.removeAll(QByteArray());
        chain.append('<' + m_recentMessageIds.at(parent) + '>');
        while (chain.size() > kMaxReferences) {
            chain.removeAt(1); // keep the thread's root, as RFC 5322 suggests
        }
        references = chain.join(' ');
    }
    const int quoteDepth = reply ? static_cast<int>(references.count('<')) : 0;

    // Sizes are drawn before the text so the buffer is reserved only once.
    QList<qsizetype> attachmentSizes;
    const double scale = m_options.attachmentScale;
    if (message.kind == Kind::Attachments) {
        const double u = random.unit();
        const int count = u < 0.6 ? 1 : u < 0.9 ? 2 : 3;
        for (int i = 0; i < count; ++i) {
            // 40 to 600 KB, most near the small end (mean about 166 KB).
            // Only + and *: IEEE makes them exact everywhere, while pow()
            // may differ in the last bit between C libraries.
            const double v = random.unit();
            attachmentSizes.append(scaled((40.0 + 560.0 * v * v * v * (1.0 + v) / 2.0) * kKiB, scale));
        }
    } else if (message.kind == Kind::LargeAttachment) {
        attachmentSizes.append(scaled((600.0 + 400.0 * random.unit()) * kKiB, scale));
    }
    qsizetype reserve = 16 * kKiB;
    for (const qsizetype size : attachmentSizes) {
        reserve += size / 57 * 78 + 1024;
    }

    QByteArray out;
    out.reserve(reserve);
    const int offset = kOffsets[random.below(std::size(kOffsets))];
    const QByteArray date = rfc5322Date(m_clock, offset);
    if (!sent) {
        out += "Return-Path: <" + sender.address + ">\r\n";
        const QByteArray relay = bytesOf(pick(random, MailWords::relayHosts));
        const QByteArray ip = "203.0.113." + QByteArray::number(random.between(1, 254));
        out += "Received: from " + relay + " (" + relay + " [" + ip
            + "])\r\n\tby mx.example.test (Postfix) with ESMTPS id " + hex(random.next(), 11) + "\r\n\tfor <"
            + me.address + ">; " + rfc5322Date(m_clock, 0) + "\r\n";
        if (random.chance(0.5)) {
            const QByteArray client = "192.0.2." + QByteArray::number(random.between(1, 254));
            const QByteArray id = hex(random.next(), 16);
            const QByteArray submitted = rfc5322Date(m_clock.addSecs(-random.between(1, 30)), offset);
            out += "Received: from [" + client + "] (helo=client)\r\n\tby " + relay
                + " with esmtpsa (TLS1.3:ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM:256)\r\n\tid " + id + "; "
                + submitted + "\r\n";
        }
        if (random.chance(0.4)) {
            const QByteArray domain = sender.address.mid(sender.address.indexOf('@') + 1);
            const QByteArray bodyHash = random.bytes(32).toBase64();
            QByteArray signature;
            appendBase64Lines(signature, random.bytes(256));
            signature.chop(2);
            signature.replace("\r\n", "\r\n\t ");
            out += "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain
                + "; s=selector1;\r\n\th=from:to:subject:date:message-id:mime-version;\r\n\tbh=" + bodyHash
                + ";\r\n\tb=" + signature + "\r\n";
        }
    }
    out += "Date: " + date + "\r\n";
    out += "From: " + formatMailbox(random, sender, raw8bit) + "\r\n";
    QList<QByteArray> mailboxes;
    for (const Person& person : std::as_const(to)) {
        mailboxes.append(formatMailbox(random, person, false));
    }
    appendFoldedList(out, "To", mailboxes, ",");
    if (!cc.isEmpty()) {
        mailboxes.clear();
        for (const Person& person : std::as_const(cc)) {
            mailboxes.append(formatMailbox(random, person, false));
        }
        appendFoldedList(out, "Cc", mailboxes, ",");
    }

    const QString prefix = reply ? QStringLiteral("Re: ") : QString();
    const QByteArray subjectUtf8 = subject.toUtf8();
    if (raw8bit || isAscii(subjectUtf8)) {
        out += "Subject: " + prefix.toLatin1() + subjectUtf8 + "\r\n";
    } else {
        Charset subjectCharset = Charset::Utf8;
        char method = random.chance(0.5) ? 'B' : 'Q';
        if (ownLanguageSubject) {
            subjectCharset = charset;
            if (charset != Charset::Latin1 && charset != Charset::Windows1252) {
                method = 'B';
            }
        } else if (isLatin1(subject) && random.chance(0.3)) {
            subjectCharset = Charset::Latin1;
        }
        out +=
            "Subject: " + prefix.toLatin1() + encodeWords(subject, subjectCharset, method, 9 + prefix.size()) + "\r\n";
    }
    out += "Message-ID: <" + message.messageId + ">\r\n";
    if (reply) {
        out += "In-Reply-To: <" + m_recentMessageIds.at(parent) + ">\r\n";
        appendFoldedList(out, "References", references.split(' '), "");
    }
    out += "MIME-Version: 1.0\r\n";
    const double agent = random.unit();
    if (agent < 0.3) {
        out += "User-Agent: Mozilla Thunderbird\r\n";
    } else if (agent < 0.55) {
        out += "X-Mailer: Microsoft Outlook 16.0\r\n";
    }

    const Prose prose = drawProse(random,
                                  language,
                                  charset == Charset::Windows1252,
                                  sender,
                                  to.value(0),
                                  reply,
                                  quoteDepth,
                                  m_clock.addSecs(-random.between(600, 3 * 86400)));

    switch (message.kind) {
    case Kind::PlainUtf8:
        appendTextEntity(out, renderPlain(prose), "plain", "UTF-8", drawUtf8Encoding(random));
        break;
    case Kind::LegacyCharset: {
        const QByteArray utf8 = renderPlain(prose);
        out +=
            "X-Generated-Text-SHA256: " + QCryptographicHash::hash(utf8, QCryptographicHash::Sha256).toHex() + "\r\n";
        QByteArray encoded;
        Encoding encoding = Encoding::EightBit;
        if (charset == Charset::Iso2022jp) {
            // RFC 1468: every line returns to ASCII before it ends.
            for (const QByteArray& line : utf8.split('\n')) {
                if (!line.isEmpty()) {
                    encoded += fromUtf8(line.left(line.size() - 1), charset) + "\r\n";
                }
            }
            encoding = Encoding::SevenBit;
        } else {
            encoded = fromUtf8(utf8, charset);
            const double u = random.unit();
            if (charset == Charset::Windows1252) {
                encoding = Encoding::QuotedPrintable;
            } else if (charset == Charset::Latin1) {
                encoding = u < 0.5 ? Encoding::QuotedPrintable : Encoding::EightBit;
            } else {
                encoding = u < 0.5 ? Encoding::Base64 : Encoding::EightBit;
            }
        }
        appendTextEntity(out, encoded, "plain", charsetInfo(charset).label, encoding);
        break;
    }
    case Kind::Alternative:
    case Kind::AlternativeInline:
        appendAlternative(random, out, prose, message.kind == Kind::AlternativeInline, m_counter, m_options.seed);
        break;
    case Kind::Attachments:
    case Kind::LargeAttachment: {
        const QByteArray mixed = boundary(random, m_counter);
        out += "Content-Type: multipart/mixed;\r\n boundary=\"" + mixed + "\"\r\n\r\n";
        out += "This is a multi-part message in MIME format.\r\n";
        out += "--" + mixed + "\r\n";
        if (random.chance(0.35)) {
            appendAlternative(random, out, prose, false, m_counter, m_options.seed);
        } else {
            appendTextEntity(out, renderPlain(prose), "plain", "UTF-8", drawUtf8Encoding(random));
        }
        for (const qsizetype size : std::as_const(attachmentSizes)) {
            out += "--" + mixed + "\r\n";
            appendAttachment(random, out, size);
        }
        out += "--" + mixed + "--\r\n";
        break;
    }
    }
    message.raw = std::move(out);

    m_recentMessageIds.append(message.messageId);
    m_recentReferences.append(references);
    m_recentSubjects.append(subject);
    if (m_recentMessageIds.size() > kMaxRecent) {
        m_recentMessageIds.removeFirst();
        m_recentReferences.removeFirst();
        m_recentSubjects.removeFirst();
    }
    return message;
}

QList<GeneratedMessage> MailGenerator::next(int count, const QString& folder)
{
    QList<GeneratedMessage> messages;
    messages.reserve(count);
    for (int i = 0; i < count; ++i) {
        messages << next(folder);
    }
    return messages;
}

QList<GeneratedMessage> MailGenerator::generate(const QList<FolderPlan>& plan)
{
    QList<GeneratedMessage> messages;
    generate(plan, [&](GeneratedMessage message) {
        messages.append(std::move(message));
        return true;
    });
    return messages;
}

bool MailGenerator::generate(const QList<FolderPlan>& plan, const std::function<bool(GeneratedMessage)>& sink)
{
    QList<int> remaining;
    qint64 total = 0;
    for (const FolderPlan& folder : plan) {
        remaining.append(std::max(0, folder.count));
        total += remaining.last();
    }
    // Drawing each message's folder in proportion to what the folder still
    // needs interleaves the folders over the whole period.
    for (qint64 left = total; left > 0; --left) {
        auto draw = static_cast<qint64>(m_random.below(static_cast<quint64>(left)));
        qsizetype index = 0;
        while (draw >= remaining.at(index)) {
            draw -= remaining.at(index);
            ++index;
        }
        --remaining[index];
        if (!sink(next(plan.at(index).name))) {
            return false;
        }
    }
    return true;
}

QList<FolderPlan> MailGenerator::standardPlan(int inboxCount)
{
    return {
        {QStringLiteral("INBOX"), inboxCount},
        {QStringLiteral("Sent"), std::max(1, inboxCount * 3 / 100)},
        {QStringLiteral("Archive"), inboxCount * 2 / 100},
        {QStringLiteral("Archive/2023"), inboxCount * 5 / 100},
        {QString::fromUtf8("Archive/Grüße & Co"), std::max(3, inboxCount / 200)},
        {QString::fromUtf8("Projekte/Übersicht/2024"), std::max(3, inboxCount / 200)},
    };
}

QList<GeneratedMessage> MailGenerator::smallMessages(int count, quint64 seed)
{
    MailGeneratorOptions options;
    options.seed = seed;
    options.attachmentScale = 0.02;
    return MailGenerator(options).next(count);
}
