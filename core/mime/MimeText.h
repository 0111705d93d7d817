#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Internal helpers of MimeParser: transfer decoding, charset conversion and
// RFC 2047 header words. Nothing here throws.
namespace MimeDetail {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MimeParser)
};

// Collects what was wrong with a message, each distinct problem once.
class Problems
{
public:
    void add(const QString& problem);
    const QStringList& list() const { return m_list; }
    bool isEmpty() const { return m_list.isEmpty(); }

private:
    QStringList m_list;
};

// Sets the vmime platform handler once per process, before any vmime call.
void ensureVmimePlatform();

// Windows-1252, which is what text labelled Latin-1 (or not labelled at all)
// really is in mail; the undefined bytes map to the C1 controls like Latin-1.
QString decodeWindows1252(QByteArrayView bytes);
char16_t windows1252ToUnicode(unsigned char byte);

// Bytes without a usable label: UTF-8 when they are valid UTF-8, else
// Windows-1252. `guessed` is set when the fallback was used.
QString decodeUnlabelled(QByteArrayView bytes, bool* guessed = nullptr);

// Text in `charset` (a MIME charset name, any case) to Unicode. Unknown or
// wrong labels never throw: the text is decoded as UTF-8 or Windows-1252 and a
// problem is recorded.
QString decodeCharset(QByteArrayView bytes, QByteArrayView charset, Problems* problems);

// An unstructured header value (already unfolded) with RFC 2047 encoded words
// decoded; raw 8-bit text is taken as UTF-8 or Windows-1252.
QString decodeHeaderText(QByteArrayView value, Problems* problems);

// Removes folding line breaks and NUL bytes from a raw header value.
QByteArray unfold(QByteArrayView value);

// Content-Transfer-Encoding decoders; lenient, never fail. `garbage` is set
// when base64 data held characters outside the alphabet.
QByteArray decodeBase64(QByteArrayView data, bool* garbage = nullptr);
QByteArray decodeQuotedPrintable(QByteArrayView data);
// The value of a hexadecimal digit, -1 for anything else.
int hexDigitValue(char c);
// `encoding` lower case; unknown encodings give the bytes unchanged.
QByteArray decodeTransfer(QByteArrayView data, QByteArrayView encoding, bool* garbage = nullptr);

// The start of normalizeLineBreaks(decodeCharset(bytes, charset, problems)),
// with the same problems, without decoding the rest: more than `minChars`
// characters of it and *cut set, or all of it. For a huge body of which
// only the start is indexed; its bytes are still all checked (valid UTF-8
// or not decides how the first line reads).
QString
decodeTextStart(QByteArrayView bytes, QByteArrayView charset, Problems* problems, qsizetype minChars, bool* cut);

// Line breaks to '\n', NUL bytes removed: for text shown and searched.
QString normalizeLineBreaks(QString text);

} // namespace MimeDetail
