#include "LayoutTable.h"

#include <QStringList>

#include <gumbo.h>

#include <algorithm>

namespace LayoutTable {

namespace {

// Light enough that the mail's text, written for it, reads as well on the
// viewer's white page (#f2f4f6 and #dde1e6 are; #1a73e8 and yellow are not).
constexpr double MinLightness = 0.85;

const char* attributeValue(const GumboElement& element, const char* name)
{
    const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
    return attribute != nullptr ? attribute->value : nullptr;
}

// #rgb, #rrggbb (and with alpha), or one of the near-white names mail
// uses; any other colour counts as not light.
bool isLightColour(const QString& token)
{
    static const QStringList lightNames = {
        QStringLiteral("white"),
        QStringLiteral("snow"),
        QStringLiteral("ivory"),
        QStringLiteral("whitesmoke"),
        QStringLiteral("ghostwhite"),
        QStringLiteral("aliceblue"),
        QStringLiteral("azure"),
        QStringLiteral("mintcream"),
        QStringLiteral("honeydew"),
        QStringLiteral("seashell"),
        QStringLiteral("floralwhite"),
        QStringLiteral("linen"),
        QStringLiteral("oldlace"),
        QStringLiteral("lavenderblush"),
    };
    if (lightNames.contains(token)) {
        return true;
    }
    if (!token.startsWith(QLatin1Char('#'))) {
        return false;
    }
    QString hex = token.mid(1);
    if (hex.size() == 3 || hex.size() == 4) {
        QString doubled;
        for (const QChar c : hex) {
            doubled += QString(2, c);
        }
        hex = doubled;
    }
    if (hex.size() != 6 && hex.size() != 8) {
        return false;
    }
    bool ok = false;
    const uint value = hex.left(6).toUInt(&ok, 16);
    if (!ok) {
        return false;
    }
    if (hex.size() == 8 && hex.mid(6).toUInt(nullptr, 16) == 0) {
        return true; // fully transparent
    }
    const int red = static_cast<int>((value >> 16) & 0xFF);
    const int green = static_cast<int>((value >> 8) & 0xFF);
    const int blue = static_cast<int>(value & 0xFF);
    // HSL lightness: the mean of the strongest and weakest channel.
    const double lightness = (std::max({red, green, blue}) + std::min({red, green, blue})) / (2.0 * 255.0);
    return lightness >= MinLightness;
}

// A colour, a keyword of the background shorthand, or an image (blocked
// anyway): true when it leaves the background light or unset.
bool isLightToken(const QString& token)
{
    static const QStringList keywords = {
        QStringLiteral("none"),
        QStringLiteral("transparent"),
        QStringLiteral("repeat"),
        QStringLiteral("no-repeat"),
        QStringLiteral("repeat-x"),
        QStringLiteral("repeat-y"),
        QStringLiteral("top"),
        QStringLiteral("bottom"),
        QStringLiteral("left"),
        QStringLiteral("right"),
        QStringLiteral("center"),
        QStringLiteral("scroll"),
        QStringLiteral("fixed"),
        QStringLiteral("!important"),
    };
    if (keywords.contains(token) || token.startsWith(QLatin1StringView("url("))) {
        return true;
    }
    return isLightColour(token);
}

bool isLightValue(const QString& value)
{
    const QString simplified = value.simplified().toLower();
    // rgb(…) and friends hold spaces and commas; rather than parse every
    // notation, a table coloured so keeps its layout.
    if (simplified.contains(QLatin1Char('('))
        && !(simplified.startsWith(QLatin1StringView("url(")) && simplified.count(QLatin1Char('(')) == 1)) {
        return false;
    }
    const QStringList tokens = simplified.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::all_of(tokens.cbegin(), tokens.cend(), isLightToken);
}

bool isBackgroundProperty(const QString& property)
{
    return property == QLatin1StringView("background") || property == QLatin1StringView("background-color");
}

bool hasOnlyLightBackgrounds(const GumboElement& element)
{
    if (const char* bgcolor = attributeValue(element, "bgcolor"); bgcolor != nullptr) {
        if (!isLightValue(QString::fromUtf8(bgcolor))) {
            return false;
        }
    }
    const char* style = attributeValue(element, "style");
    if (style == nullptr) {
        return true;
    }
    for (const QString& declaration : QString::fromUtf8(style).split(QLatin1Char(';'))) {
        const qsizetype colon = declaration.indexOf(QLatin1Char(':'));
        if (colon < 0) {
            continue;
        }
        if (isBackgroundProperty(declaration.left(colon).trimmed().toLower())
            && !isLightValue(declaration.mid(colon + 1))) {
            return false;
        }
    }
    return true;
}

bool isElement(const GumboNode* node, GumboTag tag)
{
    return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag
        && node->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

// A row of one cell, that cell a light td.
bool isSingleCellRow(const GumboNode* row)
{
    const GumboElement& element = row->v.element;
    if (!hasOnlyLightBackgrounds(element)) {
        return false;
    }
    int cells = 0;
    for (unsigned int i = 0; i < element.children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
        if (child->type != GUMBO_NODE_ELEMENT) {
            continue; // whitespace between cells
        }
        if (!isElement(child, GUMBO_TAG_TD) || !hasOnlyLightBackgrounds(child->v.element)) {
            return false; // th, or anything the parser left in a row
        }
        ++cells;
    }
    return cells == 1;
}

} // namespace

bool isFlattenable(const GumboNode* table)
{
    if (!isElement(table, GUMBO_TAG_TABLE) || !hasOnlyLightBackgrounds(table->v.element)) {
        return false;
    }
    int rows = 0;
    const GumboVector& children = table->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type != GUMBO_NODE_ELEMENT) {
            continue;
        }
        const bool section =
            isElement(child, GUMBO_TAG_TBODY) || isElement(child, GUMBO_TAG_THEAD) || isElement(child, GUMBO_TAG_TFOOT);
        if (!section && !isElement(child, GUMBO_TAG_TR)) {
            return false; // a caption, or what the parser could not place
        }
        if (!section) {
            if (!isSingleCellRow(child)) {
                return false;
            }
            ++rows;
            continue;
        }
        if (!hasOnlyLightBackgrounds(child->v.element)) {
            return false;
        }
        const GumboVector& sectionRows = child->v.element.children;
        for (unsigned int j = 0; j < sectionRows.length; ++j) {
            const auto* row = static_cast<const GumboNode*>(sectionRows.data[j]);
            if (row->type != GUMBO_NODE_ELEMENT) {
                continue;
            }
            if (!isElement(row, GUMBO_TAG_TR) || !isSingleCellRow(row)) {
                return false;
            }
            ++rows;
        }
    }
    return rows > 0;
}

QString blockStyle(const QString& filteredCellStyle)
{
    QStringList kept;
    for (const QString& declaration : filteredCellStyle.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype colon = declaration.indexOf(QLatin1Char(':'));
        if (colon < 0) {
            continue;
        }
        const QString property = declaration.left(colon).trimmed();
        const QString value = declaration.mid(colon + 1).trimmed();
        if (isBackgroundProperty(property) || property.startsWith(QLatin1StringView("border"))
            || property.startsWith(QLatin1StringView("margin"))) {
            continue;
        }
        if (property.startsWith(QLatin1StringView("padding"))) {
            kept << QStringLiteral("margin") + property.mid(7) + QStringLiteral(": ") + value;
        } else {
            kept << property + QStringLiteral(": ") + value;
        }
    }
    return kept.join(QLatin1StringView("; "));
}

} // namespace LayoutTable
