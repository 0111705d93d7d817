#include "ModifiedUtf7.h"

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
        QByteArray base64 = encoded.mid(i + 1, end - i - 1);
        base64.replace(',', '/');
        const auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() % 2 != 0 || decoded.decoded.isEmpty()) {
            return fail();
        }
        for (qsizetype k = 0; k < decoded.decoded.size(); k += 2) {
            const auto high = static_cast<unsigned char>(decoded.decoded.at(k));
            const auto low = static_cast<unsigned char>(decoded.decoded.at(k + 1));
            const auto unit = static_cast<char16_t>((high << 8) | low);
            // RFC 3501 forbids encoding what could have been written plainly.
            if (isPlain(unit)) {
                return fail();
            }
            out.append(QChar(unit));
        }
        i = end + 1;
    }
    if (ok) {
        *ok = true;
    }
    return out;
}

} // namespace ModifiedUtf7
