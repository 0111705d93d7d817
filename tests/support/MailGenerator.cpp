#include "MailGenerator.h"

#include "MailWords.h"

#include <QCryptographicHash>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iconv.h>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace {

using Kind = GeneratedMessage::Kind;

constexpr qsizetype kKiB = 1024;
constexpr int kTextWidth = 72;
constexpr qsizetype kMaxRecent = 64;
constexpr qsizetype kMaxReferences = 12;

template<typename T, std::size_t N>
const T& pick(DeterministicRandom& random, const T (&list)[N])
{
    return list[random.below(N)];
}

// Density falls like 1/sqrt(rank): the word lists are ordered by frequency,
// and this skew is what makes the text compress like real prose.
template<std::size_t N>
std::string_view pickFrequent(DeterministicRandom& random, const std::string_view (&list)[N])
{
    const double u = random.unit();
    return list[static_cast<std::size_t>(u * u * static_cast<double>(N))];
}

void append(QByteArray& out, std::string_view text)
{
    out.append(text.data(), static_cast<qsizetype>(text.size()));
}

// Without the temporary QByteArray::number makes: CSV attachments are
// mostly numbers.
void appendNumber(QByteArray& out, qint64 value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

QByteArray bytesOf(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

QString stringOf(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

bool isAscii(const QByteArray& text)
{
    return std::all_of(text.cbegin(), text.cend(), [](char c) { return static_cast<uchar>(c) < 0x80; });
}

bool isLatin1(const QString& text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() <= 0xff; });
}

// Characters, not bytes: line width is what a reader sees.
int utf8Length(const char* data, qsizetype size)
{
    int count = 0;
    for (qsizetype i = 0; i < size; ++i) {
        count += (static_cast<uchar>(data[i]) & 0xc0) != 0x80 ? 1 : 0;
    }
    return count;
}

QByteArray hex(quint64 value, int digits)
{
    return QByteArray::number(value, 16).rightJustified(digits, '0').right(digits).toUpper();
}

// ---------------------------------------------------------------------------
// Charsets

enum class Charset { Utf8, Latin1, Windows1252, Koi8r, Iso2022jp, ShiftJis, Gb2312 };

enum class Language { English, German, French, Russian, Japanese, Chinese };

struct CharsetInfo
{
    const char* label; // as written in headers; iconv accepts it too
    Language language;
};

constexpr CharsetInfo charsetInfo(Charset charset)
{
    switch (charset) {
    case Charset::Utf8:
        return {"UTF-8", Language::English};
    case Charset::Latin1:
        return {"ISO-8859-1", Language::German};
    case Charset::Windows1252:
        return {"windows-1252", Language::German};
    case Charset::Koi8r:
        return {"KOI8-R", Language::Russian};
    case Charset::Iso2022jp:
        return {"ISO-2022-JP", Language::Japanese};
    case Charset::ShiftJis:
        return {"Shift_JIS", Language::Japanese};
    case Charset::Gb2312:
        return {"GB2312", Language::Chinese};
    }
    return {"UTF-8", Language::English};
}

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

constexpr Charset kLegacyCharsets[] = {
    Charset::Latin1, Charset::Windows1252, Charset::Koi8r, Charset::Iso2022jp, Charset::ShiftJis, Charset::Gb2312};

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

constexpr char kHexDigits[] = "0123456789ABCDEF";

void appendHexEscape(QByteArray& out, uchar c)
{
    out.append('=');
    out.append(kHexDigits[c >> 4]);
    out.append(kHexDigits[c & 0x0f]);
}

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

bool isQSafe(uchar c)
{
    // The characters RFC 2047 allows literally in an encoded word in a phrase,
    // the strictest place one can stand.
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '!' || c == '*'
        || c == '+' || c == '-' || c == '/';
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

// ---------------------------------------------------------------------------
// People and text

struct Person
{
    QByteArray display; // UTF-8, may be empty
    QByteArray address;
};

Person drawPerson(DeterministicRandom& random, bool wantNonAscii)
{
    const MailWords::Name* first = &pick(random, MailWords::firstNames);
    const MailWords::Name* last = &pick(random, MailWords::lastNames);
    for (int tries = 0; wantNonAscii && tries < 16 && isAscii(bytesOf(first->display) + bytesOf(last->display));
         ++tries) {
        first = &pick(random, MailWords::firstNames);
        last = &pick(random, MailWords::lastNames);
    }
    Person person;
    person.display = bytesOf(first->display) + ' ' + bytesOf(last->display);
    const QByteArray f = bytesOf(first->ascii);
    const QByteArray l = bytesOf(last->ascii);
    switch (random.below(4)) {
    case 0:
        person.address = f + '.' + l;
        break;
    case 1:
        person.address = f.left(1) + '.' + l;
        break;
    case 2:
        person.address = l + '.' + f;
        break;
    default:
        person.address = f + l.left(1);
        break;
    }
    person.address += '@' + bytesOf(pick(random, MailWords::domains));
    return person;
}

Person owner()
{
    return {QByteArrayLiteral("Alex Test"), QByteArrayLiteral("test@example.test")};
}

// The form mail clients write: bare address, "Last, First" quoted, plain
// atoms, or an RFC 2047 encoded name; raw UTF-8 only when asked to be broken.
QByteArray formatMailbox(DeterministicRandom& random, const Person& person, bool raw8bit)
{
    const QByteArray angle = " <" + person.address + '>';
    const double style = random.unit();
    if (person.display.isEmpty() || (style < 0.08 && !raw8bit)) {
        return person.address;
    }
    if (raw8bit || isAscii(person.display)) {
        if (style < 0.22) {
            const qsizetype space = person.display.lastIndexOf(' ');
            return '"' + person.display.mid(space + 1) + ", " + person.display.left(space) + '"' + angle;
        }
        return person.display.contains('\'') ? '"' + person.display + '"' + angle : person.display + angle;
    }
    const QString name = QString::fromUtf8(person.display);
    if (style < 0.35 && isLatin1(name)) {
        return encodeWords(name, Charset::Latin1, 'Q', 6) + angle;
    }
    return encodeWords(name, Charset::Utf8, style < 0.7 ? 'Q' : 'B', 6) + angle;
}

struct Prose
{
    Language language = Language::English;
    QByteArray greeting;
    QList<QByteArray> paragraphs;
    QList<QByteArray> closing;
    QByteArray disclaimer;
    QByteArray quoteIntro;
    QList<QByteArray> quoted;
    bool nestedQuote = false;
};

bool isCjk(Language language)
{
    return language == Language::Japanese || language == Language::Chinese;
}

void capitalize(std::string& text, std::size_t at)
{
    const auto c = static_cast<uchar>(text[at]);
    if (c >= 'a' && c <= 'z') {
        text[at] = static_cast<char>(c - 'a' + 'A');
    } else if (c == 0xc3 && at + 1 < text.size()) {
        // Latin-1 supplement: lower case letters sit 0x20 above upper case.
        const auto next = static_cast<uchar>(text[at + 1]);
        if (next >= 0xa0 && next <= 0xbe && next != 0xb7) {
            text[at + 1] = static_cast<char>(next - 0x20);
        }
    }
}

QByteArray paragraph(DeterministicRandom& random, Language language, bool windows1252)
{
    // std::string: its appends are inline, QByteArray's are calls, and this
    // runs for every word of every message.
    std::string out;
    out.reserve(1024);
    const int sentences = static_cast<int>(random.between(3, 8));
    for (int s = 0; s < sentences; ++s) {
        if (language == Language::Russian || isCjk(language)) {
            if (s > 0 && language == Language::Russian) {
                out += ' ';
            }
            out += language == Language::Russian ? pick(random, MailWords::russian)
                : language == Language::Japanese ? pick(random, MailWords::japanese)
                                                 : pick(random, MailWords::chinese);
            continue;
        }
        if (s > 0) {
            out += ' ';
        }
        const int words = static_cast<int>(random.between(6, 18));
        for (int w = 0; w < words; ++w) {
            if (w > 0) {
                out += ' ';
            }
            const std::size_t start = out.size();
            out += language == Language::English ? pickFrequent(random, MailWords::english)
                : language == Language::German   ? pickFrequent(random, MailWords::german)
                                                 : pickFrequent(random, MailWords::french);
            if (w == 0) {
                capitalize(out, start);
            }
            if (windows1252 && random.chance(0.05)) {
                out += ' ';
                out += pick(random, MailWords::windows1252Extras);
            }
            if (w + 1 < words && random.chance(0.07)) {
                out += ',';
            }
        }
        const double end = random.unit();
        out += end < 0.86 ? '.' : end < 0.95 ? '?' : '!';
    }
    return QByteArray(out.data(), static_cast<qsizetype>(out.size()));
}

Prose drawProse(DeterministicRandom& random,
                Language language,
                bool windows1252,
                const Person& sender,
                const Person& recipient,
                bool reply,
                int quoteDepth,
                const QDateTime& quotedDate)
{
    Prose prose;
    prose.language = language;
    const QByteArray firstName = recipient.display.left(recipient.display.indexOf(' '));
    switch (language) {
    case Language::English:
        prose.greeting = random.chance(0.2) ? QByteArrayLiteral("Hi all,")
                                            : (random.chance(0.5) ? "Hi " : "Dear ") + firstName + ',';
        break;
    case Language::German:
        prose.greeting =
            random.chance(0.3) ? QByteArrayLiteral("Liebe Kolleginnen und Kollegen,") : "Hallo " + firstName + ',';
        break;
    case Language::French:
        prose.greeting = "Bonjour " + firstName + ',';
        break;
    case Language::Russian:
        prose.greeting = QByteArrayLiteral("Добрый день!");
        break;
    case Language::Japanese:
        prose.greeting = QByteArrayLiteral("お疲れ様です。");
        break;
    case Language::Chinese:
        prose.greeting = QByteArrayLiteral("您好！");
        break;
    }

    // Mostly short mail with a long tail, as in a real mailbox.
    const double length = random.unit();
    const int paragraphs = 5 + static_cast<int>(random.below(7)) + static_cast<int>(18.0 * length * length * length);
    for (int i = 0; i < paragraphs; ++i) {
        prose.paragraphs.append(paragraph(random, language, windows1252));
    }

    switch (language) {
    case Language::English:
        prose.closing = {random.chance(0.5) ? QByteArrayLiteral("Best regards,") : QByteArrayLiteral("Thanks,"),
                         sender.display};
        break;
    case Language::German:
        prose.closing = {random.chance(0.5) ? QByteArrayLiteral("Viele Grüße")
                                            : QByteArrayLiteral("Mit freundlichen Grüßen"),
                         sender.display};
        break;
    case Language::French:
        prose.closing = {QByteArrayLiteral("Cordialement,"), sender.display};
        break;
    case Language::Russian:
        prose.closing = {QByteArrayLiteral("С уважением,"), QByteArrayLiteral("Иван Петров")};
        break;
    case Language::Japanese:
        prose.closing = {QByteArrayLiteral("山田 太郎")};
        break;
    case Language::Chinese:
        prose.closing = {QByteArrayLiteral("此致"), QByteArrayLiteral("王伟")};
        break;
    }
    if (!isCjk(language) && language != Language::Russian && random.chance(0.5)) {
        prose.closing += QByteArrayLiteral("-- ");
        prose.closing += sender.display;
        append(prose.closing.emplaceBack(), pick(random, MailWords::companies));
        prose.closing += "Tel. +49 89 " + QByteArray::number(random.between(1000000, 9999999));
        prose.closing += "https://www." + sender.address.mid(sender.address.indexOf('@') + 1) + '/';
    }
    if (!isCjk(language) && language != Language::Russian && random.chance(0.35)) {
        prose.disclaimer =
            bytesOf(language == Language::German ? MailWords::germanDisclaimer : MailWords::englishDisclaimer);
    }

    if (reply) {
        // Legacy charsets other than Latin-1 cannot spell every name.
        const QByteArray who = language == Language::English || language == Language::German
            ? recipient.display + " <" + recipient.address + '>'
            : '<' + recipient.address + '>';
        const QByteArray when = rfc5322Date(quotedDate, 0);
        prose.quoteIntro = (language == Language::German ? "Am " + when + " schrieb " + who + ':'
                                                         : "On " + when + ", " + who + " wrote:");
        // Whole threads get quoted, so deeper replies carry more history.
        const int quotedParagraphs = 2 + static_cast<int>(random.below(5)) + std::min(quoteDepth, 6) * 2;
        for (int i = 0; i < quotedParagraphs; ++i) {
            prose.quoted.append(paragraph(random, language, windows1252));
        }
        prose.nestedQuote = quoteDepth > 1;
    }
    return prose;
}

// Word wrap at `width` columns; CJK text has no spaces and its characters are
// two columns wide, so it breaks between any two characters.
// Text has single spaces between words, so each output line is a slice of
// the input and goes out in one append.
void appendWrapped(QByteArray& out, const QByteArray& text, const QByteArray& prefix, bool cjk)
{
    const char* data = text.constData();
    const qsizetype size = text.size();
    qsizetype lineStart = 0;
    int column = 0;
    const auto breakBefore = [&](qsizetype at, qsizetype lineEnd) {
        out.append(prefix);
        out.append(data + lineStart, lineEnd - lineStart);
        out.append("\r\n", 2);
        lineStart = at;
        column = 0;
    };
    if (cjk) {
        for (qsizetype i = 0; i < size;) {
            const auto lead = static_cast<uchar>(data[i]);
            const qsizetype length = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
            const int columns = length >= 3 ? 2 : 1;
            if (column + columns > kTextWidth) {
                breakBefore(i, i);
            }
            column += columns;
            i += length;
        }
    } else {
        for (qsizetype i = 0; i < size;) {
            const char* space =
                static_cast<const char*>(std::memchr(data + i, ' ', static_cast<std::size_t>(size - i)));
            const qsizetype end = space ? space - data : size;
            const int chars = utf8Length(data + i, end - i);
            if (column > 0 && column + 1 + chars > kTextWidth) {
                breakBefore(i, i - 1);
            }
            column += (column > 0 ? 1 : 0) + chars;
            i = end + 1;
        }
    }
    out.append(prefix);
    out.append(data + lineStart, size - lineStart);
}

QByteArray renderPlain(const Prose& prose)
{
    const bool cjk = isCjk(prose.language);
    QByteArray out;
    out.reserve(4096);
    appendWrapped(out, prose.greeting, {}, cjk);
    out += "\r\n\r\n";
    for (const QByteArray& text : prose.paragraphs) {
        appendWrapped(out, text, {}, cjk);
        out += "\r\n\r\n";
    }
    for (const QByteArray& line : prose.closing) {
        out += line + "\r\n";
    }
    if (!prose.disclaimer.isEmpty()) {
        out += "\r\n";
        appendWrapped(out, prose.disclaimer, {}, false);
        out += "\r\n";
    }
    if (!prose.quoteIntro.isEmpty()) {
        out += "\r\n";
        appendWrapped(out, prose.quoteIntro, {}, false);
        out += "\r\n";
        for (qsizetype i = 0; i < prose.quoted.size(); ++i) {
            if (i > 0) {
                out += ">\r\n";
            }
            const bool nested = prose.nestedQuote && i + 1 == prose.quoted.size();
            appendWrapped(out, prose.quoted.at(i), nested ? QByteArrayLiteral("> > ") : QByteArrayLiteral("> "), cjk);
            out += "\r\n";
        }
    }
    return out;
}

QByteArray htmlEscaped(const QByteArray& text)
{
    if (std::none_of(text.cbegin(), text.cend(), [](char c) { return c == '&' || c == '<' || c == '>' || c == '"'; })) {
        return text;
    }
    QByteArray out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// Two house styles: Gmail's lean markup and Outlook's verbose one, which is
// where much of real mail's HTML weight comes from.
QByteArray renderHtml(DeterministicRandom& random, const Prose& prose, const QByteArray& imageCid)
{
    const bool outlook = random.chance(0.5);
    const QByteArray open = outlook ? QByteArrayLiteral("<p class=\"MsoNormal\"><span style=\"font-size:11.0pt;"
                                                        "font-family:&quot;Calibri&quot;,sans-serif;color:#1F497D\">")
                                    : QByteArrayLiteral("<div>");
    const QByteArray close = outlook ? QByteArrayLiteral("</span></p>") : QByteArrayLiteral("</div>");
    const QByteArray blank = outlook ? QByteArrayLiteral("<p class=\"MsoNormal\"><span style=\"font-size:11.0pt\">"
                                                         "&nbsp;</span></p>")
                                     : QByteArrayLiteral("<div><br></div>");
    QByteArray out;
    out.reserve(8192);
    out += "<html><head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\r\n";
    if (outlook) {
        out += "<style><!--\r\n@font-face {font-family:\"Calibri\"; panose-1:2 15 5 2 2 2 4 3 2 4;}\r\n"
               "p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt; "
               "font-family:\"Calibri\",sans-serif;}\r\na:link, span.MsoHyperlink {mso-style-priority:99; "
               "color:#0563C1; text-decoration:underline;}\r\n.MsoChpDefault {mso-style-type:export-only; "
               "font-size:10.0pt;}\r\n@page WordSection1 {size:612.0pt 792.0pt; margin:70.85pt 70.85pt 2.0cm "
               "70.85pt;}\r\ndiv.WordSection1 {page:WordSection1;}\r\n--></style>\r\n</head>\r\n"
               "<body lang=\"DE\" link=\"#0563C1\" vlink=\"#954F72\" style=\"word-wrap:break-word\">\r\n"
               "<div class=\"WordSection1\">\r\n";
    } else {
        out += "</head>\r\n<body>\r\n<div dir=\"ltr\">\r\n";
    }
    const auto block = [&](const QByteArray& text) {
        out += open;
        appendWrapped(out, htmlEscaped(text), {}, isCjk(prose.language));
        out += close + "\r\n";
    };
    block(prose.greeting);
    out += blank + "\r\n";
    for (const QByteArray& text : prose.paragraphs) {
        block(text);
        out += blank + "\r\n";
    }
    if (!imageCid.isEmpty()) {
        out += "<div><img src=\"cid:" + imageCid + "\" alt=\"logo\" style=\"max-width:100%\"></div>\r\n";
    }
    for (const QByteArray& line : prose.closing) {
        block(line);
    }
    if (!prose.disclaimer.isEmpty()) {
        out += "<div style=\"font-size:8pt;color:#808080\">";
        appendWrapped(out, htmlEscaped(prose.disclaimer), {}, false);
        out += "</div>\r\n";
    }
    if (!prose.quoteIntro.isEmpty()) {
        out += "<div class=\"gmail_quote\">";
        block(prose.quoteIntro);
        out += "<blockquote style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);"
               "padding-left:1ex\">\r\n";
        for (const QByteArray& text : prose.quoted) {
            block(text);
        }
        out += "</blockquote></div>\r\n";
    }
    out += outlook ? "</div>\r\n</body>\r\n</html>\r\n" : "</div>\r\n</body></html>\r\n";
    return out;
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

QList<GeneratedMessage> MailGenerator::generate(const QList<FolderPlan>& plan)
{
    QList<int> remaining;
    qint64 total = 0;
    for (const FolderPlan& folder : plan) {
        remaining.append(std::max(0, folder.count));
        total += remaining.last();
    }
    QList<GeneratedMessage> messages;
    messages.reserve(total);
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
        messages.append(next(plan.at(index).name));
    }
    return messages;
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
