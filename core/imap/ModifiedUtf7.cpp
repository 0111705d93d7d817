#include "ModifiedUtf7.h"

#include "ServerText.h"

#include <optional>

namespace ModifiedUtf7 {

namespace {

bool isPlain(char16_t c)
{
    return c >= 0x20 && c <= 0x7e;
}

QByteArray encodeRun(const QString& run)
{
    QByteArray utf16;
    utf16.reserve(run.size() * 2);
    for (const QChar c : run) {
        utf16.append(static_cast<char>(c.unicode() >> 8));
        utf16.append(static_cast<char>(c.unicode() & 0xff));
    }
    QByteArray base64 = utf16.toBase64(QByteArray::OmitTrailingEquals);
    base64.replace('/', ',');
    return '&' + base64 + '-';
}

// The UTF-16 units of one "&...-" run, or nothing when the run is not
// valid: bad base64, an odd number of bytes, a lone surrogate, or a
// character that should have been written plainly.
std::optional<QString> decodeRun(QByteArray base64)
{
    base64.replace(',', '/');
    const auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() % 2 != 0 || decoded.decoded.isEmpty()) {
        return std::nullopt;
    }
    QString out;
    for (qsizetype k = 0; k < decoded.decoded.size(); k += 2) {
        const auto high = static_cast<unsigned char>(decoded.decoded.at(k));
        const auto low = static_cast<unsigned char>(decoded.decoded.at(k + 1));
        const auto unit = static_cast<char16_t>((high << 8) | low);
        // RFC 3501 forbids encoding what could have been written plainly.
        if (isPlain(unit)) {
            return std::nullopt;
        }
        out.append(QChar(unit));
    }
    for (qsizetype k = 0; k < out.size(); ++k) {
        const QChar unit = out.at(k);
        if (unit.isHighSurrogate() && k + 1 < out.size() && out.at(k + 1).isLowSurrogate()) {
            ++k;
        } else if (unit.isSurrogate()) {
            return std::nullopt;
        }
    }
    return out;
}

} // namespace

QByteArray encode(const QString& name)
{
    QByteArray out;
    out.reserve(name.size() + 8);
    qsizetype i = 0;
    while (i < name.size()) {
        const char16_t c = name.at(i).unicode();
        if (c == u'&') {
            out.append("&-");
            ++i;
        } else if (isPlain(c)) {
            out.append(static_cast<char>(c));
            ++i;
        } else {
            qsizetype end = i;
            while (end < name.size() && !isPlain(name.at(end).unicode())) {
                ++end;
            }
            out.append(encodeRun(name.mid(i, end - i)));
            i = end;
        }
    }
    return out;
}

QString decode(const QByteArray& encoded, bool* ok)
{
    const auto fail = [ok]() {
        if (ok) {
            *ok = false;
        }
        return QString();
    };

    QString out;
    out.reserve(encoded.size());
    qsizetype i = 0;
    while (i < encoded.size()) {
        const char c = encoded.at(i);
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) {
            return fail();
        }
        if (c != '&') {
            out.append(QLatin1Char(c));
            ++i;
            continue;
        }
        const qsizetype end = encoded.indexOf('-', i + 1);
        if (end < 0) {
            return fail();
        }
        if (end == i + 1) {
            out.append(u'&');
            i = end + 1;
            continue;
        }
        const std::optional<QString> run = decodeRun(encoded.mid(i + 1, end - i - 1));
        if (!run) {
            return fail();
        }
        out.append(*run);
        i = end + 1;
    }
    if (ok) {
        *ok = true;
    }
    return out;
}

QString decodeForDisplay(const QByteArray& name)
{
    QString out;
    out.reserve(name.size());
    qsizetype i = 0;
    while (i < name.size()) {
        const auto c = static_cast<unsigned char>(name.at(i));
        if (c >= 0x80) {
            // Raw 8-bit bytes (servers that skip the encoding): UTF-8 when
            // they are, U+FFFD for what is not.
            qsizetype end = i;
            while (end < name.size() && static_cast<unsigned char>(name.at(end)) >= 0x80) {
                ++end;
            }
            out.append(QString::fromUtf8(name.mid(i, end - i)));
            i = end;
        } else if (c != '&') {
            out.append(QLatin1Char(static_cast<char>(c))); // control characters too: escaped below
            ++i;
        } else {
            const qsizetype end = name.indexOf('-', i + 1);
            std::optional<QString> run;
            if (end == i + 1) {
                run = QStringLiteral("&");
            } else if (end > i + 1) {
                run = decodeRun(name.mid(i + 1, end - i - 1));
            }
            if (run) {
                out.append(*run);
                i = end + 1;
            } else {
                // Not valid modified UTF-7: the text as it is, so the user
                // sees the name the server really has.
                out.append(QLatin1Char('&'));
                ++i;
            }
        }
    }
    // Control characters, raw or shift-encoded ("&ABs-" is ESC), are shown,
    // never obeyed.
    return ServerText::printable(out);
}

} // namespace ModifiedUtf7
