#include "MimeParser.h"

#include "MimeText.h"

#include <QHash>

#include <array>

// MimeParser::htmlToText: a single pass over the HTML, good enough for the
// text that is searched and shown as a snippet. Not a full HTML parser: the
// viewer shows the real HTML.
namespace MimeParser {

namespace {

// HTML 4 Latin-1 entity names, U+00A0 to U+00FF in order.
constexpr std::array<const char*, 96> Latin1Entities = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

struct NamedEntity
{
    const char* name;
    char32_t code;
};

constexpr std::array<NamedEntity, 55> OtherEntities = {{
    {"amp", 38},      {"lt", 60},       {"gt", 62},       {"quot", 34},     {"apos", 39},     {"OElig", 338},
    {"oelig", 339},   {"Scaron", 352},  {"scaron", 353},  {"Yuml", 376},    {"fnof", 402},    {"circ", 710},
    {"tilde", 732},   {"ensp", 8194},   {"emsp", 8195},   {"thinsp", 8201}, {"zwnj", 8204},   {"zwj", 8205},
    {"lrm", 8206},    {"rlm", 8207},    {"ndash", 8211},  {"mdash", 8212},  {"lsquo", 8216},  {"rsquo", 8217},
    {"sbquo", 8218},  {"ldquo", 8220},  {"rdquo", 8221},  {"bdquo", 8222},  {"dagger", 8224}, {"Dagger", 8225},
    {"bull", 8226},   {"hellip", 8230}, {"permil", 8240}, {"prime", 8242},  {"Prime", 8243},  {"lsaquo", 8249},
    {"rsaquo", 8250}, {"oline", 8254},  {"frasl", 8260},  {"euro", 8364},   {"trade", 8482},  {"larr", 8592},
    {"uarr", 8593},   {"rarr", 8594},   {"darr", 8595},   {"harr", 8596},   {"minus", 8722},  {"infin", 8734},
    {"ne", 8800},     {"le", 8804},     {"ge", 8805},     {"alpha", 945},   {"beta", 946},    {"mu", 956},
    {"pi", 960},
}};

const QHash<QString, char32_t>& entityTable()
{
    static const QHash<QString, char32_t> table = [] {
        QHash<QString, char32_t> hash;
        hash.reserve(static_cast<qsizetype>(Latin1Entities.size() + OtherEntities.size()));
        for (size_t i = 0; i < Latin1Entities.size(); ++i) {
            hash.insert(QString::fromLatin1(Latin1Entities[i]), static_cast<char32_t>(0xA0 + i));
        }
        for (const NamedEntity& entity : OtherEntities) {
            hash.insert(QString::fromLatin1(entity.name), entity.code);
        }
        return hash;
    }();
    return table;
}

bool isAsciiAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
}

// Decodes the entity at `i` (at '&'); returns the characters consumed, 0
// when it is no entity ("AT&T").
qsizetype decodeEntity(const QString& html, qsizetype i, char32_t* code)
{
    const qsizetype n = html.size();
    qsizetype j = i + 1;
    if (j < n && html.at(j) == u'#') {
        ++j;
        const bool hex = j < n && (html.at(j) == u'x' || html.at(j) == u'X');
        if (hex) {
            ++j;
        }
        const qsizetype start = j;
        quint32 value = 0;
        while (j < n && j - start < 8) {
            const char16_t u = html.at(j).unicode();
            int digit = -1;
            if (u >= u'0' && u <= u'9') {
                digit = u - u'0';
            } else if (hex && u >= u'a' && u <= u'f') {
                digit = u - u'a' + 10;
            } else if (hex && u >= u'A' && u <= u'F') {
                digit = u - u'A' + 10;
            }
            if (digit < 0) {
                break;
            }
            value = value * (hex ? 16 : 10) + static_cast<quint32>(digit);
            ++j;
        }
        if (j == start) {
            return 0;
        }
        if (j < n && html.at(j) == u';') {
            ++j;
        }
        if (value >= 0x80 && value <= 0x9F) {
            value = MimeDetail::windows1252ToUnicode(static_cast<unsigned char>(value));
        }
        if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
            value = 0xFFFD;
        }
        *code = value;
        return j - i;
    }
    const qsizetype start = j;
    while (j < n && j - start < 10 && isAsciiAlnum(html.at(j))) {
        ++j;
    }
    if (j == start) {
        return 0;
    }
    const bool terminated = j < n && html.at(j) == u';';
    const QString name = html.mid(start, j - start);
    const auto it = entityTable().constFind(name);
    // Without ';' only the few names old HTML wrote that way.
    if (it == entityTable().constEnd()
        || (!terminated && name != u"amp" && name != u"lt" && name != u"gt" && name != u"quot" && name != u"nbsp")) {
        return 0;
    }
    *code = it.value();
    return j - i + (terminated ? 1 : 0);
}

// Line breaks an element makes: 2 for paragraphs (a blank line), 1 for
// other blocks, 0 for inline elements.
int blockLines(const QString& name)
{
    static const QHash<QString, int> Blocks = [] {
        QHash<QString, int> hash;
        for (const char* paragraph :
             {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre", "hr"}) {
            hash.insert(QString::fromLatin1(paragraph), 2);
        }
        for (const char* block : {"div",    "li",     "tr",         "dt",     "dd",      "section",  "article",
                                  "header", "footer", "address",    "center", "form",    "fieldset", "nav",
                                  "aside",  "figure", "figcaption", "main",   "caption", "body",     "title"}) {
            hash.insert(QString::fromLatin1(block), 1);
        }
        return hash;
    }();
    return Blocks.value(name, 0);
}

class Converter
{
public:
    explicit Converter(const QString& html)
        : m_html(html)
    {
        m_out.reserve(html.size() / 2);
    }

    QString run()
    {
        const qsizetype n = m_html.size();
        qsizetype i = 0;
        while (i < n) {
            const QChar c = m_html.at(i);
            if (c == u'<') {
                i = tag(i);
            } else if (c == u'&') {
                char32_t code = 0;
                const qsizetype length = decodeEntity(m_html, i, &code);
                if (length == 0) {
                    text(c);
                    ++i;
                    continue;
                }
                if (code == 0xA0) {
                    text(QChar(u' '));
                } else if (code != 0xAD && code != 0x200E && code != 0x200F) { // soft hyphen, direction marks
                    for (const QChar part : QString::fromUcs4(&code, 1)) {
                        text(part);
                    }
                }
                i += length;
            } else {
                text(c);
                ++i;
            }
        }
        return tidy();
    }

private:
    void text(QChar c)
    {
        if (m_pre > 0) {
            if (c != u'\r') {
                m_out.append(c);
            }
            return;
        }
        if (c.isSpace() || c.unicode() == 0xA0) {
            m_pendingSpace = true;
            return;
        }
        if (m_pendingSpace && !m_out.isEmpty() && !m_out.endsWith(u'\n')) {
            m_out.append(u' ');
        }
        m_pendingSpace = false;
        m_out.append(c);
    }

    // Ends the current line and makes sure `lines` line breaks end the text
    // (no breaks at the very start).
    void lineBreaks(int lines, bool always)
    {
        while (m_out.endsWith(u' ')) {
            m_out.chop(1);
        }
        m_pendingSpace = false;
        if (m_out.isEmpty()) {
            return;
        }
        if (always) {
            m_out.append(u'\n');
            return;
        }
        int present = 0;
        for (qsizetype k = m_out.size() - 1; k >= 0 && m_out.at(k) == u'\n' && present < lines; --k) {
            ++present;
        }
        for (; present < lines; ++present) {
            m_out.append(u'\n');
        }
    }

    // Handles the markup at `i` ('<'); returns the index after it.
    qsizetype tag(qsizetype i)
    {
        const qsizetype n = m_html.size();
        if (QStringView(m_html).mid(i, 4) == u"<!--") {
            const qsizetype close = m_html.indexOf(QStringLiteral("-->"), i + 4);
            return close < 0 ? n : close + 3;
        }
        qsizetype j = i + 1;
        if (j < n && (m_html.at(j) == u'!' || m_html.at(j) == u'?')) {
            const qsizetype close = m_html.indexOf(u'>', j);
            return close < 0 ? n : close + 1;
        }
        const bool closing = j < n && m_html.at(j) == u'/';
        if (closing) {
            ++j;
        }
        const qsizetype nameStart = j;
        while (j < n && isAsciiAlnum(m_html.at(j))) {
            ++j;
        }
        if (j == nameStart) {
            text(m_html.at(i)); // a '<' in text: "a < b"
            return i + 1;
        }
        const QString name = m_html.mid(nameStart, j - nameStart).toLower();
        QChar quote;
        while (j < n && (!quote.isNull() || m_html.at(j) != u'>')) {
            if (quote.isNull() && (m_html.at(j) == u'"' || m_html.at(j) == u'\'')) {
                quote = m_html.at(j);
            } else if (m_html.at(j) == quote) {
                quote = QChar();
            }
            ++j;
        }
        const qsizetype after = j < n ? j + 1 : n;

        if (!closing
            && (name == u"script" || name == u"style" || name == u"head" || name == u"title" || name == u"template"
                || name == u"noscript")) {
            const qsizetype endTag = m_html.indexOf(QStringLiteral("</") + name, after, Qt::CaseInsensitive);
            if (endTag >= 0) {
                const qsizetype close = m_html.indexOf(u'>', endTag);
                return close < 0 ? n : close + 1;
            }
            // An unclosed <head> holds the body too; other unclosed ones end the text.
            return name == u"head" ? after : n;
        }
        if (name == u"pre") {
            m_pre = closing ? std::max(0, m_pre - 1) : m_pre + 1;
        }
        if (name == u"br") {
            lineBreaks(1, true);
        } else if (const int lines = blockLines(name); lines > 0) {
            lineBreaks(lines, false);
        } else if (name == u"td" || name == u"th") {
            m_pendingSpace = true;
        }
        return after;
    }

    // Trailing white space dropped, runs of empty lines cut to one, no empty
    // lines at the start or end.
    QString tidy() const
    {
        QString result;
        result.reserve(m_out.size());
        int emptyLines = 0;
        qsizetype pos = 0;
        while (pos <= m_out.size()) {
            qsizetype end = m_out.indexOf(u'\n', pos);
            if (end < 0) {
                end = m_out.size();
            }
            // Leading white space only survives from <pre>: keep it there.
            QStringView line = QStringView(m_out).mid(pos, end - pos);
            while (!line.isEmpty() && line.back().isSpace()) {
                line.chop(1);
            }
            pos = end + 1;
            if (line.trimmed().isEmpty()) {
                ++emptyLines;
                continue;
            }
            if (!result.isEmpty()) {
                result += emptyLines > 0 ? QStringLiteral("\n\n") : QStringLiteral("\n");
            }
            result += line;
            emptyLines = 0;
        }
        return result;
    }

    const QString& m_html;
    QString m_out;
    bool m_pendingSpace = false;
    int m_pre = 0;
};

} // namespace

QString htmlToText(const QString& html)
{
    return Converter(html).run();
}

} // namespace MimeParser
