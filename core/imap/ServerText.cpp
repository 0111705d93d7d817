#include "ServerText.h"

namespace ServerText {

QString printable(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        if (unit < 0x20 || unit == 0x7f || (unit >= 0x80 && unit < 0xa0)) {
            out += QStringLiteral("\\x") + QString::number(unit, 16).rightJustified(2, QLatin1Char('0')).toUpper();
        } else {
            out += c;
        }
    }
    return out;
}

QString redact(const QString& text, const QString& secret)
{
    if (secret.size() < 3) {
        return text;
    }
    const QString hidden = QStringLiteral("••••••");
    QString quoted = secret;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    QString out = text;
    out.replace(quoted, hidden);
    out.replace(secret, hidden);
    return out;
}

} // namespace ServerText
