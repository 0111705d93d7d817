#include "CssFilter.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <array>

namespace CssFilter {

namespace {

// Properties that change how text and boxes look; nothing that positions a
// box over the viewer's own text or that exists only to load something.
// "background" stays for the common "background: #fff": its url() forms fail
// isSafeValue like any other.
bool isAllowedProperty(const QString& property)
{
    const bool plain = std::all_of(property.begin(), property.end(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('-');
    });
    if (!plain) {
        return false;
    }
    static const std::array<QLatin1StringView, 17> exact = {
        QLatin1StringView("color"),
        QLatin1StringView("background"),
        QLatin1StringView("background-color"),
        QLatin1StringView("font-weight"),
        QLatin1StringView("font-style"),
        QLatin1StringView("font-size"),
        QLatin1StringView("font-family"),
        QLatin1StringView("text-align"),
        QLatin1StringView("text-decoration"),
        QLatin1StringView("text-indent"),
        QLatin1StringView("vertical-align"),
        QLatin1StringView("white-space"),
        QLatin1StringView("width"),
        QLatin1StringView("height"),
        QLatin1StringView("line-height"),
        QLatin1StringView("direction"),
        QLatin1StringView("border-collapse"),
    };
    if (std::find(exact.begin(), exact.end(), property) != exact.end()) {
        return true;
    }
    return property.startsWith(QLatin1StringView("margin")) || property.startsWith(QLatin1StringView("padding"))
        || property.startsWith(QLatin1StringView("border"));
}

// A value may only hold printable characters and none of the constructs that
// load or run something. Backslash escapes and comments are refused outright,
// because "u\72l(" and "e/**/xpression(" are what they hide to a CSS engine
// but not to a substring check.
bool isSafeValue(const QString& value)
{
    for (const QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F || (c.unicode() >= 0x80 && c.unicode() < 0xA0)
            || c == QLatin1Char('\\') || c == QLatin1Char('<') || c == QLatin1Char('>')) {
            return false;
        }
    }
    const QString lower = value.toLower();
    static const std::array<QLatin1StringView, 8> forbidden = {
        QLatin1StringView("/*"),
        QLatin1StringView("url("),
        QLatin1StringView("expression("),
        QLatin1StringView("@import"),
        QLatin1StringView("javascript:"),
        QLatin1StringView("behavior"),
        QLatin1StringView("-moz-binding"),
        QLatin1StringView("image-set("),
    };
    return std::none_of(
        forbidden.begin(), forbidden.end(), [&](QLatin1StringView word) { return lower.contains(word); });
}

// Every number in the value, colours aside, at most MaxLength; a font size
// a keyword or at most MaxFontSize.
bool hasModestSizes(const QString& property, const QString& value)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,()/]+"));
    static const QRegularExpression number(QStringLiteral("^[-+]?(\\d+(?:\\.\\d*)?|\\.\\d+)"));
    for (const QString& token : value.split(separators, Qt::SkipEmptyParts)) {
        if (token.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const QRegularExpressionMatch match = number.match(token);
        if (match.hasMatch() && match.captured(1).toDouble() > MaxLength) {
            return false;
        }
    }
    if (property == QLatin1StringView("font-size")) {
        static const QRegularExpression keyword(QStringLiteral("^[a-z-]+$"));
        return keyword.match(value.toLower()).hasMatch() || isModestLength(value, MaxFontSize);
    }
    return true;
}

// url(cid:…) and url(data:…) are not remote; anything else in url() would
// have been fetched.
bool namesRemoteUrl(const QString& value)
{
    const QString lower = value.toLower();
    qsizetype from = 0;
    while (true) {
        const qsizetype at = lower.indexOf(QLatin1StringView("url("), from);
        if (at < 0) {
            return false;
        }
        QString target = lower.mid(at + 4).trimmed();
        if (target.startsWith(QLatin1Char('"')) || target.startsWith(QLatin1Char('\''))) {
            target.remove(0, 1);
        }
        target = target.trimmed();
        if (!target.startsWith(QLatin1StringView("cid:")) && !target.startsWith(QLatin1StringView("data:"))) {
            return true;
        }
        from = at + 4;
    }
}

} // namespace

FilteredStyle filter(const QString& style)
{
    FilteredStyle result;
    QStringList kept;
    // Declarations are split on ';' only: a ';' inside a quoted font name
    // breaks that declaration, which then fails the checks and is dropped.
    const QStringList declarations = style.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString& declaration : declarations) {
        const qsizetype colon = declaration.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            continue;
        }
        const QString property = declaration.left(colon).trimmed().toLower();
        const QString value = declaration.mid(colon + 1).trimmed();
        if (value.isEmpty()) {
            continue;
        }
        if (!isSafeValue(value)) {
            result.remoteUrls += namesRemoteUrl(value) ? 1 : 0;
            continue;
        }
        if (isAllowedProperty(property) && hasModestSizes(property, value)) {
            kept.append(property + QLatin1StringView(": ") + value);
        }
    }
    result.style = kept.join(QLatin1StringView("; "));
    return result;
}

bool isModestLength(const QString& value, double max)
{
    static const QRegularExpression length(QStringLiteral("^\\s*(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(px|pt|em|rem|%)?\\s*$"),
                                           QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = length.match(value);
    return match.hasMatch() && match.captured(1).toDouble() <= max;
}

} // namespace CssFilter
