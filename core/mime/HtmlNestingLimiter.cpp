#include "HtmlNestingLimiter.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace HtmlNestingLimiter {

namespace {

bool isSpace(char c)
{
    // CR counts because the parser turns it into LF before tokenizing.
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool isOneOf(const QByteArray& name, std::initializer_list<std::string_view> names)
{
    const std::string_view view(name.constData(), static_cast<size_t>(name.size()));
    return std::find(names.begin(), names.end(), view) != names.end();
}

// Elements the parser never pushes in HTML content. Inside <svg> or <math>
// most of them are ordinary foreign elements that do stay open, so there
// only the ones that break out of foreign content count as void.
bool isVoid(const QByteArray& name, bool inForeignContent)
{
    if (isOneOf(name, {"br", "embed", "hr", "img", "meta"})) {
        return true;
    }
    return !inForeignContent
        && isOneOf(name,
                   {"area",
                    "base",
                    "basefont",
                    "bgsound",
                    "col",
                    "image",
                    "input",
                    "keygen",
                    "link",
                    "param",
                    "source",
                    "track",
                    "wbr"});
}

// The elements the parser keeps in its list of active formatting elements.
bool isFormatting(const QByteArray& name)
{
    return isOneOf(name,
                   {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"});
}

// A start tag of these closes an open element of the same group on top, as
// the parser does; sloppy lists and links would otherwise pile up here.
int siblingGroup(const QByteArray& name)
{
    if (name == "li") {
        return 1;
    }
    if (name == "dd" || name == "dt") {
        return 2;
    }
    if (name == "td" || name == "th") {
        return 3;
    }
    if (name == "tr") {
        return 4;
    }
    if (name == "option") {
        return 5;
    }
    if (name == "a") {
        return 6;
    }
    return 0;
}

// The index just past the '>' ending the tag whose name starts at `pos`, or
// -1 when the input ends inside the tag (the parser drops such a tag). The
// attribute states follow the tokenizer, so a '>' inside a quoted value does
// not end the tag but one after a stray quote does.
qsizetype scanTag(QByteArrayView html, qsizetype pos, QByteArray* name)
{
    const qsizetype n = html.size();
    qsizetype i = pos;
    while (i < n && !isSpace(html[i]) && html[i] != '/' && html[i] != '>') {
        name->append(asciiLower(html[i]));
        ++i;
    }
    while (i < n) {
        const char c = html[i];
        if (c == '>') {
            return i + 1;
        }
        if (isSpace(c) || c == '/') {
            ++i;
            continue;
        }
        // An attribute name; its first character may be anything, '=' included.
        ++i;
        while (i < n && !isSpace(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=') {
            ++i;
        }
        while (i < n && isSpace(html[i])) {
            ++i;
        }
        if (i >= n || html[i] != '=') {
            continue;
        }
        ++i;
        while (i < n && isSpace(html[i])) {
            ++i;
        }
        if (i < n && (html[i] == '"' || html[i] == '\'')) {
            const qsizetype close = html.indexOf(html[i], i + 1);
            if (close < 0) {
                return -1;
            }
            i = close + 1;
        } else {
            while (i < n && !isSpace(html[i]) && html[i] != '>') {
                ++i;
            }
        }
    }
    return -1;
}

// The index just past a comment starting at `pos` ("<!--"), by the
// tokenizer's comment states: "<!-->" and "<!--->" are complete comments,
// and "--!>" ends one as well as "-->".
qsizetype endOfComment(QByteArrayView html, qsizetype pos)
{
    const qsizetype n = html.size();
    qsizetype p = pos + 4;
    if (p < n && html[p] == '>') {
        return p + 1;
    }
    if (p + 1 < n && html[p] == '-' && html[p + 1] == '>') {
        return p + 2;
    }
    while (true) {
        const qsizetype dashes = html.indexOf(QByteArrayView("--"), p);
        if (dashes < 0) {
            return n;
        }
        qsizetype q = dashes + 2;
        while (q < n && html[q] == '-') {
            ++q;
        }
        if (q < n && html[q] == '>') {
            return q + 1;
        }
        if (q + 1 < n && html[q] == '!' && html[q + 1] == '>') {
            return q + 2;
        }
        p = q;
    }
}

// Doctypes, bogus comments and "<?…>" end at the first '>'.
qsizetype endOfBogusComment(QByteArrayView html, qsizetype pos)
{
    const qsizetype close = html.indexOf('>', pos);
    return close < 0 ? html.size() : close + 1;
}

struct OpenElement
{
    QByteArray name;
    bool formatting = false;
};

class Limiter
{
public:
    explicit Limiter(QByteArrayView html)
        : m_html(html)
    {
        m_out.reserve(html.size() + 64);
    }

    QByteArray run();

private:
    void startTag(const QByteArray& name, QByteArrayView tag);
    void endTag(const QByteArray& name, QByteArrayView tag);
    void closeTop();

    QByteArrayView m_html;
    QByteArray m_out;
    std::vector<OpenElement> m_open;
    int m_formattingOpen = 0;
    int m_foreignOpen = 0;
};

QByteArray Limiter::run()
{
    const qsizetype n = m_html.size();
    qsizetype i = 0;
    while (i < n) {
        const qsizetype lt = m_html.indexOf('<', i);
        if (lt < 0) {
            m_out.append(m_html.sliced(i));
            break;
        }
        m_out.append(m_html.sliced(i, lt - i));
        const char next = lt + 1 < n ? m_html[lt + 1] : '\0';
        if (next == '!') {
            i = m_html.sliced(lt).startsWith(QByteArrayView("<!--")) ? endOfComment(m_html, lt)
                                                                     : endOfBogusComment(m_html, lt + 2);
        } else if (next == '?') {
            i = endOfBogusComment(m_html, lt + 2);
        } else if (next == '/') {
            const char first = lt + 2 < n ? m_html[lt + 2] : '\0';
            if (isAsciiAlpha(first)) {
                QByteArray name;
                const qsizetype end = scanTag(m_html, lt + 2, &name);
                if (end < 0) {
                    break;
                }
                endTag(name, m_html.sliced(lt, end - lt));
                i = end;
            } else {
                // "</>" is ignored, anything else up to '>' is a bogus comment.
                i = endOfBogusComment(m_html, lt + 2);
            }
        } else if (isAsciiAlpha(next)) {
            QByteArray name;
            const qsizetype end = scanTag(m_html, lt + 1, &name);
            if (end < 0) {
                break;
            }
            startTag(name, m_html.sliced(lt, end - lt));
            i = end;
        } else {
            // A '<' that starts no tag is text. It is written as "&lt;" because
            // removing what follows (a comment, a dropped tag) could otherwise
            // join it into a tag this pass never saw: "<<!---->div>".
            m_out.append("&lt;");
            i = lt + 1;
        }
    }
    return std::move(m_out);
}

void Limiter::startTag(const QByteArray& name, QByteArrayView tag)
{
    // <p> is never counted: the parser closes an open <p> before opening
    // another, so paragraphs only nest through elements that are counted.
    if (name == "p" || isVoid(name, m_foreignOpen > 0)) {
        m_out.append(tag);
        return;
    }
    const int group = siblingGroup(name);
    if (group != 0 && !m_open.empty() && siblingGroup(m_open.back().name) == group) {
        closeTop();
    }
    const bool formatting = isFormatting(name);
    if (std::ssize(m_open) >= MaxOpenElements || (formatting && m_formattingOpen >= MaxOpenFormattingElements)) {
        return;
    }
    m_open.push_back({name, formatting});
    m_formattingOpen += formatting ? 1 : 0;
    m_foreignOpen += (name == "svg" || name == "math") ? 1 : 0;
    m_out.append(tag);
}

void Limiter::endTag(const QByteArray& name, QByteArrayView tag)
{
    // The parser turns a stray </p> into an empty paragraph and </br> into
    // <br>: both are kept as written.
    if (name == "p" || name == "br") {
        m_out.append(tag);
        return;
    }
    const auto match =
        std::find_if(m_open.rbegin(), m_open.rend(), [&](const OpenElement& element) { return element.name == name; });
    if (match == m_open.rend()) {
        return;
    }
    // Explicit end tags for what lies in between, so formatting elements
    // leave the parser's list instead of being reconstructed later.
    const auto above = std::distance(m_open.rbegin(), match);
    for (qsizetype k = 0; k < above; ++k) {
        closeTop();
    }
    m_out.append(tag);
    m_formattingOpen -= m_open.back().formatting ? 1 : 0;
    m_foreignOpen -= (m_open.back().name == "svg" || m_open.back().name == "math") ? 1 : 0;
    m_open.pop_back();
}

void Limiter::closeTop()
{
    const OpenElement& top = m_open.back();
    m_out.append("</");
    m_out.append(top.name);
    m_out.append('>');
    m_formattingOpen -= top.formatting ? 1 : 0;
    m_foreignOpen -= (top.name == "svg" || top.name == "math") ? 1 : 0;
    m_open.pop_back();
}

} // namespace

QByteArray limit(QByteArrayView html)
{
    return Limiter(html).run();
}

} // namespace HtmlNestingLimiter
