#pragma once

// Charsets and the encodings a message is written in: iconv conversion,
// quoted-printable and base64 bodies, RFC 2047 encoded words, RFC 2231
// parameters and RFC 5322 dates. Helpers of MailGenerator.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace MailGen {

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

bool isAscii(const QByteArray& text);
bool isLatin1(const QString& text);

// Whether a Latin-1 or windows-1252 message can label its subject with its
// own charset.
bool fitsLatinCharset(const QString& text, Charset charset);

inline constexpr Charset kLegacyCharsets[] = {
    Charset::Latin1, Charset::Windows1252, Charset::Koi8r, Charset::Iso2022jp, Charset::ShiftJis, Charset::Gb2312};

// Converts UTF-8 text to `charset`; a character that does not convert is fatal.
QByteArray fromUtf8(const QByteArray& utf8, Charset charset);

// ---------------------------------------------------------------------------
// Transfer and header encodings

// Base64 in lines of 76 characters, each ended by CRLF.
void appendBase64Lines(QByteArray& out, const QByteArray& data);
// Quoted-printable of `text`, whose CRLF line breaks stay hard breaks.
void appendQuotedPrintable(QByteArray& out, const QByteArray& text);
// One RFC 2047 encoded word; `method` is 'B' or 'Q'.
QByteArray encodedWord(const QByteArray& bytes, const char* label, char method);
// RFC 2047 encoded words, folded; `used` is how much of the first line is taken.
QByteArray encodeWords(const QString& text, Charset charset, char method, qsizetype used);
// RFC 2231 extended parameter value.
QByteArray percentEncoded(const QByteArray& utf8);
QByteArray rfc5322Date(const QDateTime& utc, int offsetMinutes);
// Appends "Name: a, b, c" folded at the commas when a line would pass 78.
void appendFoldedList(QByteArray& out, const char* name, const QList<QByteArray>& items, const char* separator);

} // namespace MailGen
