#include "MimeEncoding.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iconv.h>
#include <map>
#include <string>

namespace MailGen {

namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

void appendHexEscape(QByteArray& out, uchar c)
{
    out.append('=');
    out.append(kHexDigits[c >> 4]);
    out.append(kHexDigits[c & 0x0f]);
}

// iconv_open is slow next to a conversion, and the generator converts line by
// line, so handles are kept per thread for the life of the thread.
iconv_t converterFromUtf8(const char* charset)
{
    struct Cache
    {
        std::map<std::string, iconv_t> handles;
        ~Cache()
        {
            for (const auto& entry : handles) {
                iconv_close(entry.second);
            }
        }
    };
    thread_local Cache cache;
    auto it = cache.handles.find(charset);
    if (it == cache.handles.end()) {
        iconv_t handle = iconv_open(charset, "UTF-8");
        if (handle == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1))) {
            qFatal("MailGenerator: iconv cannot convert to %s", charset);
        }
        it = cache.handles.emplace(charset, handle).first;
    }
    return it->second;
}

bool isQSafe(uchar c)
{
    // The characters RFC 2047 allows literally in an encoded word in a phrase,
    // the strictest place one can stand.
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '!' || c == '*'
        || c == '+' || c == '-' || c == '/';
}

} // namespace

bool isAscii(const QByteArray& text)
{
    return std::all_of(text.cbegin(), text.cend(), [](char c) { return static_cast<uchar>(c) < 0x80; });
}

bool isLatin1(const QString& text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() <= 0xff; });
}

// ---------------------------------------------------------------------------
// Charsets

// Whether a Latin-1 or windows-1252 message can label its subject with its
// own charset. windows-1252 adds typographic punctuation and the euro sign
// in 0x80-0x9f, where Latin-1 has control characters.
bool fitsLatinCharset(const QString& text, Charset charset)
{
    static const QString windowsExtras =
        QStringLiteral(u"\u20ac\u201a\u201e\u2026\u2018\u2019\u201c\u201d\u2013\u2014\u2122");
    if (charset != Charset::Latin1 && charset != Charset::Windows1252) {
        return false;
    }
    return std::all_of(text.cbegin(), text.cend(), [charset](QChar c) {
        if (c.unicode() < 0x80 || (c.unicode() >= 0xa0 && c.unicode() <= 0xff)) {
            return true;
        }
        return charset == Charset::Windows1252 && windowsExtras.contains(c);
    });
}

// Strict: the word lists hold only characters each charset has, and a
// character that does not convert is a bug in those lists, not data to drop.
QByteArray fromUtf8(const QByteArray& utf8, Charset charset)
{
    if (charset == Charset::Utf8) {
        return utf8;
    }
    iconv_t converter = converterFromUtf8(charsetInfo(charset).label);
    iconv(converter, nullptr, nullptr, nullptr, nullptr);
    QByteArray out(utf8.size() + utf8.size() / 2 + 16, Qt::Uninitialized);
    char* in = const_cast<char*>(utf8.constData());
    std::size_t inLeft = static_cast<std::size_t>(utf8.size());
    std::size_t done = 0;
    for (;;) {
        char* outPointer = out.data() + done;
        std::size_t outLeft = static_cast<std::size_t>(out.size()) - done;
        const std::size_t result = inLeft > 0 ? iconv(converter, &in, &inLeft, &outPointer, &outLeft)
                                              : iconv(converter, nullptr, nullptr, &outPointer, &outLeft);
        const int error = errno;
        done = static_cast<std::size_t>(outPointer - out.data());
        if (result != static_cast<std::size_t>(-1)) {
            if (inLeft == 0 && in != nullptr) {
                // Input consumed; one more round writes the shift back to ASCII.
                in = nullptr;
                continue;
            }
            break;
        }
        if (error != E2BIG) {
            qFatal("MailGenerator: text does not convert to %s: %s", charsetInfo(charset).label, utf8.constData());
        }
        out.resize(out.size() * 2);
    }
    out.truncate(static_cast<qsizetype>(done));
    return out;
}

// ---------------------------------------------------------------------------
// Transfer and header encodings

// Lines of 76 characters, as RFC 2045 asks. Input is taken in slices of
// 57 bytes times a line count, each of which encodes to whole lines.
void appendBase64Lines(QByteArray& out, const QByteArray& data)
{
    constexpr qsizetype lineBytes = 57;
    constexpr qsizetype sliceBytes = lineBytes * 256;
    const qsizetype lines = (data.size() + lineBytes - 1) / lineBytes;
    qsizetype position = out.size();
    out.resize(position + (data.size() + 2) / 3 * 4 + lines * 2);
    for (qsizetype offset = 0; offset < data.size(); offset += sliceBytes) {
        const qsizetype length = std::min(sliceBytes, data.size() - offset);
        const QByteArray encoded = QByteArray::fromRawData(data.constData() + offset, length).toBase64();
        for (qsizetype i = 0; i < encoded.size(); i += 76) {
            const qsizetype n = std::min<qsizetype>(76, encoded.size() - i);
            char* target = out.data() + position;
            std::memcpy(target, encoded.constData() + i, static_cast<std::size_t>(n));
            target[n] = '\r';
            target[n + 1] = '\n';
            position += n + 2;
        }
    }
    out.truncate(position);
}

// `text` has CRLF line breaks, which stay hard breaks; longer lines get soft
// breaks so no encoded line passes 76 characters.
void appendQuotedPrintable(QByteArray& out, const QByteArray& text)
{
    // Written through a pointer into room for the worst case (every byte
    // escaped, a soft break every 25 of them): byte-wise QByteArray::append
    // was the generator's hot spot.
    const qsizetype size = text.size();
    const qsizetype start = out.size();
    out.resize(start + size * 4 + 16);
    char* cursor = out.data() + start;
    const char* data = text.constData();
    int column = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<uchar>(data[i]);
        if (c == '\r' && i + 1 < size && data[i + 1] == '\n') {
            *cursor++ = '\r';
            *cursor++ = '\n';
            column = 0;
            ++i;
            continue;
        }
        const bool lineEnds = i + 1 == size || data[i + 1] == '\r';
        const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !lineEnds);
        const int width = literal ? 1 : 3;
        if (column + width > 75) {
            *cursor++ = '=';
            *cursor++ = '\r';
            *cursor++ = '\n';
            column = 0;
        }
        if (literal) {
            *cursor++ = static_cast<char>(c);
        } else {
            *cursor++ = '=';
            *cursor++ = kHexDigits[c >> 4];
            *cursor++ = kHexDigits[c & 0x0f];
        }
        column += width;
    }
    out.truncate(cursor - out.constData());
}

QByteArray encodedWord(const QByteArray& bytes, const char* label, char method)
{
    QByteArray out = QByteArrayLiteral("=?") + label + '?' + method + '?';
    if (method == 'B') {
        out += bytes.toBase64();
    } else {
        for (const char ch : bytes) {
            const auto c = static_cast<uchar>(ch);
            if (c == ' ') {
                out.append('_');
            } else if (isQSafe(c)) {
                out.append(ch);
            } else {
                appendHexEscape(out, c);
            }
        }
    }
    out += "?=";
    return out;
}

// RFC 2047 encoded words of at most 75 characters, split between characters
// (never inside one) and folded onto continuation lines. `used` is how much of
// the first line the header name and earlier text take.
QByteArray encodeWords(const QString& text, Charset charset, char method, qsizetype used)
{
    const char* label = charsetInfo(charset).label;
    QByteArray out;
    qsizetype limit = std::min<qsizetype>(75, 78 - used);
    QString chunk;
    const auto flush = [&]() {
        if (!out.isEmpty()) {
            out += "\r\n ";
        }
        out += encodedWord(fromUtf8(chunk.toUtf8(), charset), label, method);
        limit = 75;
        chunk.clear();
    };
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QString candidate = chunk + text.mid(i, length);
        if (!chunk.isEmpty() && encodedWord(fromUtf8(candidate.toUtf8(), charset), label, method).size() > limit) {
            flush();
            chunk = text.mid(i, length);
        } else {
            chunk = candidate;
        }
        i += length;
    }
    if (!chunk.isEmpty()) {
        flush();
    }
    return out;
}

// RFC 2231 extended parameter value: attr-chars stay, the rest is %XX.
QByteArray percentEncoded(const QByteArray& utf8)
{
    QByteArray out;
    for (const char ch : utf8) {
        const auto c = static_cast<uchar>(ch);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || std::strchr("!#$&+-.^_`|~", ch) != nullptr;
        if (plain && c != 0) {
            out.append(ch);
        } else {
            out.append('%');
            out.append(kHexDigits[c >> 4]);
            out.append(kHexDigits[c & 0x0f]);
        }
    }
    return out;
}

QByteArray rfc5322Date(const QDateTime& utc, int offsetMinutes)
{
    static constexpr const char* days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr const char* months[] = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    // Shifting the instant and reading it as UTC gives the local wall clock.
    const QDateTime local = utc.addSecs(offsetMinutes * 60);
    const QDate date = local.date();
    const QTime time = local.time();
    const int magnitude = std::abs(offsetMinutes);
    char buffer[96];
    std::snprintf(buffer,
                  sizeof buffer,
                  "%s, %d %s %04d %02d:%02d:%02d %c%02d%02d",
                  days[date.dayOfWeek() - 1],
                  date.day(),
                  months[date.month() - 1],
                  date.year(),
                  time.hour(),
                  time.minute(),
                  time.second(),
                  offsetMinutes < 0 ? '-' : '+',
                  magnitude / 60,
                  magnitude % 60);
    return QByteArray(buffer);
}

// Appends "Name: a, b, c" folded at the commas when a line would pass 78.
void appendFoldedList(QByteArray& out, const char* name, const QList<QByteArray>& items, const char* separator)
{
    QByteArray line = QByteArray(name) + ": ";
    qsizetype column = line.size();
    out += line;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QByteArray& item = items.at(i);
        const qsizetype firstLine = item.indexOf('\r') < 0 ? item.size() : item.indexOf('\r');
        if (i > 0) {
            out += separator;
            column += qstrlen(separator);
            if (column + 1 + firstLine > 78) {
                out += "\r\n ";
                column = 1;
            } else {
                out += ' ';
                ++column;
            }
        }
        out += item;
        const qsizetype lastBreak = item.lastIndexOf('\n');
        column = lastBreak < 0 ? column + item.size() : item.size() - lastBreak - 1;
    }
    out += "\r\n";
}

} // namespace MailGen
