#include "MimeText.h"

#include <QByteArrayView>

#include <array>
#include <exception>
#include <mutex>
#include <string>
#include <utility>

#include <vmime/charset.hpp>
#include <vmime/charsetConverterOptions.hpp>
#include <vmime/exception.hpp>
#include <vmime/platform.hpp>
#include <vmime/platforms/posix/posixHandler.hpp>
#include <vmime/text.hpp>
#include <vmime/word.hpp>

namespace MimeDetail {

namespace {

// Windows-1252 0x80-0x9F; the five undefined bytes keep their C1 code points.
constexpr std::array<char16_t, 32> Cp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

enum class CharsetKind {
    Utf8,
    Unlabelled, // us-ascii and friends: in practice anything 8-bit
    Windows1252,
    Other,
};

QByteArray normalizedCharset(QByteArrayView label)
{
    QByteArray name = label.trimmed().toByteArray().toLower();
    if (name.size() >= 2 && name.startsWith('"') && name.endsWith('"')) {
        name = name.mid(1, name.size() - 2).trimmed();
    }
    return name;
}

CharsetKind charsetKind(const QByteArray& name)
{
    if (name.isEmpty() || name == "us-ascii" || name == "ascii" || name == "ansi_x3.4-1968" || name == "us"
        || name == "iso646-us" || name == "default" || name == "unknown-8bit" || name == "x-unknown") {
        return CharsetKind::Unlabelled;
    }
    if (name == "utf-8" || name == "utf8" || name == "unicode-1-1-utf-8" || name == "x-utf-8") {
        return CharsetKind::Utf8;
    }
    // Mail programs (and browsers) decode Latin-1 labels as Windows-1252:
    // senders use the 0x80-0x9F quotes and dashes under the Latin-1 label.
    if (name == "iso-8859-1" || name == "iso8859-1" || name == "iso_8859-1" || name == "latin1" || name == "latin-1"
        || name == "l1" || name == "windows-1252" || name == "cp1252" || name == "x-cp1252" || name == "iso-ir-100"
        || name == "cp819" || name == "iso_8859-1:1987") {
        return CharsetKind::Windows1252;
    }
    return CharsetKind::Other;
}

// Names ICU does not know, or knows as a narrower set than senders mean.
QByteArray icuName(const QByteArray& name)
{
    if (name == "gb2312" || name == "gbk" || name == "x-gbk" || name == "cp936" || name == "euc-cn"
        || name == "x-euc-cn") {
        return QByteArrayLiteral("gb18030"); // a superset: mail labelled GB2312 is usually GBK
    }
    if (name == "sjis" || name == "x-sjis" || name == "shift-jis" || name == "ms_kanji") {
        return QByteArrayLiteral("shift_jis");
    }
    if (name == "ks_c_5601-1987" || name == "ks_c_5601" || name == "euc-kr" || name == "cp949") {
        return QByteArrayLiteral("windows-949"); // a superset of EUC-KR
    }
    return name;
}

bool convertWithVmime(QByteArrayView bytes, const QByteArray& charset, QString* out)
{
    try {
        ensureVmimePlatform();
        const std::string in(bytes.data(), static_cast<size_t>(bytes.size()));
        std::string utf8;
        vmime::charset::convert(in,
                                utf8,
                                vmime::charset(std::string(charset.constData(), static_cast<size_t>(charset.size()))),
                                vmime::charset(vmime::charsets::UTF_8));
        *out = QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
        return true;
    } catch (const vmime::exception&) {
        return false;
    } catch (const std::exception&) {
        return false;
    }
}

bool isAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

} // namespace

void Problems::add(const QString& problem)
{
    if (!m_list.contains(problem)) {
        m_list.append(problem);
    }
}

void ensureVmimePlatform()
{
    // setHandler only replaces a shared pointer, so a second call elsewhere
    // (the IMAP test client sets one too) is harmless; the once-guard keeps
    // parsing threads from racing on it.
    static std::once_flag once;
    std::call_once(once, [] { vmime::platform::setHandler<vmime::platforms::posix::posixHandler>(); });
}

char16_t windows1252ToUnicode(unsigned char byte)
{
    if (byte >= 0x80 && byte <= 0x9F) {
        return Cp1252High[byte - 0x80];
    }
    return byte;
}

QString decodeWindows1252(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar* dst = out.data();
    for (const char c : bytes) {
        *dst++ = QChar(windows1252ToUnicode(static_cast<unsigned char>(c)));
    }
    return out;
}

QString decodeUnlabelled(QByteArrayView bytes, bool* guessed)
{
    if (guessed) {
        *guessed = false;
    }
    if (bytes.isValidUtf8()) {
        return QString::fromUtf8(bytes);
    }
    if (guessed) {
        *guessed = true;
    }
    return decodeWindows1252(bytes);
}

namespace {

// The decoders that read any piece of the text on its own (UTF-8 cut at a
// character's start), so that the start of a huge body can be decoded
// without the rest. None: only vmime knows the charset.
enum class PlainDecoder { None, Utf8, Windows1252, Latin1 };

// The decoder decodeCharset() uses for `bytes` when it is a plain one, with
// the problems it records. Looks at all of `bytes`: whether they are valid
// UTF-8 or ASCII decides how even their first line reads.
PlainDecoder plainDecoder(QByteArrayView bytes, const QByteArray& name, Problems* problems)
{
    switch (charsetKind(name)) {
    case CharsetKind::Unlabelled:
    case CharsetKind::Utf8: {
        if (bytes.isValidUtf8()) {
            return PlainDecoder::Utf8;
        }
        if (problems) {
            problems->add(charsetKind(name) == CharsetKind::Utf8
                              ? Tr::tr("Text labelled UTF-8 is not valid UTF-8; it was read as Windows-1252.")
                              : Tr::tr("Text in an undeclared 8-bit charset was read as Windows-1252."));
        }
        return PlainDecoder::Windows1252;
    }
    case CharsetKind::Windows1252:
        return PlainDecoder::Windows1252;
    case CharsetKind::Other:
        break;
    }
    // Plain ASCII reads the same in every charset vmime would be asked about
    // except the UTF-16/32 and EBCDIC ones, which mail does not use for ASCII.
    if (isAscii(bytes) && !name.startsWith("utf-16") && !name.startsWith("utf-32") && !name.startsWith("ucs")
        && !name.startsWith("utf-7") && !name.startsWith("iso-2022") && !name.startsWith("hz")) {
        return PlainDecoder::Latin1;
    }
    return PlainDecoder::None;
}

QString decodePlain(QByteArrayView bytes, PlainDecoder decoder)
{
    switch (decoder) {
    case PlainDecoder::Utf8:
        return QString::fromUtf8(bytes);
    case PlainDecoder::Windows1252:
        return decodeWindows1252(bytes);
    case PlainDecoder::Latin1:
    case PlainDecoder::None:
        break;
    }
    return QString::fromLatin1(bytes);
}

// normalizeLineBreaks() one piece at a time: `pendingCr` carries a CR at the
// end of one piece over to an LF at the start of the next.
void appendNormalized(QString& out, QStringView piece, bool* pendingCr)
{
    for (const QChar c : piece) {
        const bool afterCr = std::exchange(*pendingCr, false);
        if (c == u'\r') {
            out += u'\n';
            *pendingCr = true;
        } else if (!c.isNull() && !(afterCr && c == u'\n')) {
            out += c;
        }
    }
}

} // namespace

QString decodeCharset(QByteArrayView bytes, QByteArrayView charset, Problems* problems)
{
    const QByteArray name = normalizedCharset(charset);
    const PlainDecoder decoder = plainDecoder(bytes, name, problems);
    if (decoder != PlainDecoder::None) {
        return decodePlain(bytes, decoder);
    }
    QString text;
    if (convertWithVmime(bytes, icuName(name), &text)) {
        return text;
    }
    bool guessed = false;
    text = decodeUnlabelled(bytes, &guessed);
    if (problems) {
        problems->add(guessed ? Tr::tr("Unknown charset \"%1\"; the text was read as Windows-1252.")
                                    .arg(QString::fromLatin1(name.left(64)))
                              : Tr::tr("Unknown charset \"%1\"; the text was read as UTF-8.")
                                    .arg(QString::fromLatin1(name.left(64))));
    }
    return text;
}

namespace {

QString decodeRawHeaderText(QByteArrayView value, Problems* problems)
{
    bool guessed = false;
    QString text = decodeUnlabelled(value, &guessed);
    if (guessed && problems) {
        problems->add(Tr::tr("A header in an undeclared 8-bit charset was read as Windows-1252."));
    }
    return text;
}

} // namespace

QString decodeHeaderText(QByteArrayView value, Problems* problems)
{
    if (!value.contains("=?")) {
        return decodeRawHeaderText(value, problems);
    }
    try {
        ensureVmimePlatform();
        const std::shared_ptr<vmime::text> words =
            vmime::text::decodeAndUnfold(std::string(value.data(), static_cast<size_t>(value.size())));
        // Adjacent words of one charset are joined before conversion: senders
        // split multi-byte characters across encoded words.
        QString out;
        QByteArray run;
        QByteArray runCharset;
        const auto flush = [&]() {
            if (!run.isEmpty()) {
                out += charsetKind(runCharset) == CharsetKind::Unlabelled ? decodeRawHeaderText(run, problems)
                                                                          : decodeCharset(run, runCharset, problems);
            }
            run.clear();
        };
        for (size_t i = 0; i < words->getWordCount(); ++i) {
            const std::shared_ptr<const vmime::word> word = words->getWordAt(i);
            const std::string& name = word->getCharset().getName();
            const QByteArray charset = QByteArray(name.data(), static_cast<qsizetype>(name.size())).toLower();
            if (charset != runCharset) {
                flush();
                runCharset = charset;
            }
            const std::string& buffer = word->getBuffer();
            run.append(buffer.data(), static_cast<qsizetype>(buffer.size()));
        }
        flush();
        return out;
    } catch (const vmime::exception&) {
    } catch (const std::exception&) {
    }
    if (problems) {
        problems->add(Tr::tr("A header with broken encoded words was read as it is."));
    }
    return decodeUnlabelled(value);
}

QByteArray unfold(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c != '\r' && c != '\n' && c != '\0') {
            out.append(c);
        }
    }
    return out;
}

QByteArray decodeBase64(QByteArrayView data, bool* garbage)
{
    // 0-63: value, 64: skipped (white space), 65: padding, 66: not base64.
    static constexpr std::array<unsigned char, 256> Table = [] {
        std::array<unsigned char, 256> table {};
        table.fill(66);
        for (int i = 0; i < 26; ++i) {
            table[static_cast<size_t>('A' + i)] = static_cast<unsigned char>(i);
            table[static_cast<size_t>('a' + i)] = static_cast<unsigned char>(26 + i);
        }
        for (int i = 0; i < 10; ++i) {
            table[static_cast<size_t>('0' + i)] = static_cast<unsigned char>(52 + i);
        }
        table['+'] = 62;
        table['/'] = 63;
        table[' '] = table['\t'] = table['\r'] = table['\n'] = 64;
        table['='] = 65;
        return table;
    }();

    if (garbage) {
        *garbage = false;
    }
    QByteArray out(data.size() / 4 * 3 + 3, Qt::Uninitialized);
    char* dst = out.data();
    quint32 bits = 0;
    int count = 0;
    const qsizetype size = data.size();
    for (qsizetype i = 0; i < size; ++i) {
        const unsigned char v = Table[static_cast<unsigned char>(data[i])];
        if (v < 64) {
            bits = (bits << 6) | v;
            if (++count == 4) {
                *dst++ = static_cast<char>((bits >> 16) & 0xff);
                *dst++ = static_cast<char>((bits >> 8) & 0xff);
                *dst++ = static_cast<char>(bits & 0xff);
                bits = 0;
                count = 0;
            }
        } else if (v == 65) {
            // Padding ends the data. What follows is junk (a list footer
            // appended to a base64 body, say), not more data.
            if (count == 2) {
                *dst++ = static_cast<char>((bits >> 4) & 0xff);
            } else if (count == 3) {
                *dst++ = static_cast<char>((bits >> 10) & 0xff);
                *dst++ = static_cast<char>((bits >> 2) & 0xff);
            }
            count = 0;
            if (garbage) {
                for (const char tail : data.sliced(i + 1)) {
                    if (Table[static_cast<unsigned char>(tail)] < 64 || Table[static_cast<unsigned char>(tail)] == 66) {
                        *garbage = true;
                        break;
                    }
                }
            }
            break;
        } else if (v == 66 && garbage) {
            *garbage = true;
        }
    }
    // Unpadded end: keep the whole bytes that are there.
    if (count == 2) {
        *dst++ = static_cast<char>((bits >> 4) & 0xff);
    } else if (count == 3) {
        *dst++ = static_cast<char>((bits >> 10) & 0xff);
        *dst++ = static_cast<char>((bits >> 2) & 0xff);
    }
    out.truncate(dst - out.constData());
    return out;
}

int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

QByteArray decodeQuotedPrintable(QByteArrayView data)
{
    QByteArray out(data.size(), Qt::Uninitialized);
    char* dst = out.data();
    const char* p = data.data();
    const char* const end = p + data.size();
    while (p < end) {
        const char c = *p;
        if (c != '=') {
            *dst++ = c;
            ++p;
            continue;
        }
        // "=" then optional transport white space then a line break (or the
        // end of the data): a soft line break.
        const char* q = p + 1;
        while (q < end && (*q == ' ' || *q == '\t')) {
            ++q;
        }
        if (q == end) {
            p = end;
            continue;
        }
        if (*q == '\n' || *q == '\r') {
            if (*q == '\r' && q + 1 < end && q[1] == '\n') {
                ++q;
            }
            p = q + 1;
            continue;
        }
        if (p + 2 < end && hexDigitValue(p[1]) >= 0 && hexDigitValue(p[2]) >= 0) {
            *dst++ = static_cast<char>(hexDigitValue(p[1]) * 16 + hexDigitValue(p[2]));
            p += 3;
            continue;
        }
        *dst++ = c; // a stray '=': keep it, as readers do
        ++p;
    }
    out.truncate(dst - out.constData());
    return out;
}

QByteArray decodeTransfer(QByteArrayView data, QByteArrayView encoding, bool* garbage)
{
    if (garbage) {
        *garbage = false;
    }
    if (encoding == "base64") {
        return decodeBase64(data, garbage);
    }
    if (encoding == "quoted-printable") {
        return decodeQuotedPrintable(data);
    }
    return data.toByteArray();
}

QString decodeTextStart(QByteArrayView bytes, QByteArrayView charset, Problems* problems, qsizetype minChars, bool* cut)
{
    *cut = false;
    // No charset decodes to more characters than it has bytes: text this
    // short is all start.
    if (bytes.size() <= minChars) {
        return normalizeLineBreaks(decodeCharset(bytes, charset, problems));
    }
    const PlainDecoder decoder = plainDecoder(bytes, normalizedCharset(charset), problems);
    if (decoder == PlainDecoder::None) {
        // A charset only vmime reads is decoded whole: rare in mail, and
        // rarer in a huge body.
        return normalizeLineBreaks(decodeCharset(bytes, charset, problems));
    }
    constexpr qsizetype PieceBytes = 1024 * 1024;
    QString text;
    bool pendingCr = false;
    qsizetype at = 0;
    while (at < bytes.size()) {
        if (text.size() > minChars) {
            *cut = true;
            break;
        }
        qsizetype end = std::min(bytes.size(), at + PieceBytes);
        // Valid UTF-8 (else it is read as Windows-1252) is cut where a
        // character starts, never inside one.
        while (decoder == PlainDecoder::Utf8 && end < bytes.size() && (bytes[end] & 0xc0) == 0x80) {
            --end;
        }
        appendNormalized(text, decodePlain(bytes.sliced(at, end - at), decoder), &pendingCr);
        at = end;
    }
    return text;
}

QString normalizeLineBreaks(QString text)
{
    const qsizetype n = text.size();
    qsizetype first = 0;
    while (first < n && text.at(first) != u'\r' && !text.at(first).isNull()) {
        ++first;
    }
    if (first == n) {
        return text;
    }
    // In place: a 50 MB text body must not be copied once more.
    QChar* data = text.data();
    qsizetype out = first;
    for (qsizetype i = first; i < n; ++i) {
        const QChar c = data[i];
        if (c == u'\r') {
            data[out++] = u'\n';
            if (i + 1 < n && data[i + 1] == u'\n') {
                ++i;
            }
        } else if (!c.isNull()) {
            data[out++] = c;
        }
    }
    text.truncate(out);
    return text;
}

} // namespace MimeDetail
