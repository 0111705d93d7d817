#include "HtmlSanitizer.h"

#include "CssFilter.h"
#include "HtmlNestingLimiter.h"
#include "LayoutTable.h"

#include <QUrl>

#include <gumbo.h>

#include <memory>
#include <span>
#include <unordered_set>
#include <vector>

namespace HtmlSanitizer {

namespace {

enum class Treatment {
    Keep,
    // The element goes, its content stays: harmless wrappers, forms, unknown tags.
    Unwrap,
    // The element and everything in it go.
    Drop,
};

struct ElementRule
{
    Treatment treatment = Treatment::Unwrap;
    const char* name = nullptr;
    bool isVoid = false;
    // Attributes kept besides the common ones; href and src are checked apart.
    std::span<const char* const> attributes;
};

ElementRule keep(const char* name, std::span<const char* const> attributes = {})
{
    return {Treatment::Keep, name, false, attributes};
}

constexpr const char* HrAttributes[] = {"width", "size", "noshade", "color"};
constexpr const char* UlAttributes[] = {"type"};
constexpr const char* OlAttributes[] = {"start", "type"};
constexpr const char* LiAttributes[] = {"value", "type"};
constexpr const char* TableAttributes[] = {"width", "border", "cellpadding", "cellspacing", "bgcolor"};
constexpr const char* RowAttributes[] = {"bgcolor", "valign"};
constexpr const char* CellAttributes[] = {"width", "height", "colspan", "rowspan", "bgcolor", "valign", "nowrap"};
constexpr const char* ImgAttributes[] = {"alt", "width", "height", "border", "hspace", "vspace"};
constexpr const char* FontAttributes[] = {"color", "face", "size"};

// Roughly the subset QTextDocument renders. Everything that can run code,
// load something, submit something or that QTextDocument ignores with its
// content visible as garbage (head, title, select options) is dropped whole.
ElementRule ruleFor(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_A:
        return keep("a");
    case GUMBO_TAG_B:
        return keep("b");
    case GUMBO_TAG_I:
        return keep("i");
    case GUMBO_TAG_U:
        return keep("u");
    // <strike>, <del> and <ins> are not in the subset QTextDocument documents.
    case GUMBO_TAG_S:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_DEL:
        return keep("s");
    case GUMBO_TAG_INS:
        return keep("u");
    case GUMBO_TAG_STRONG:
        return keep("strong");
    case GUMBO_TAG_EM:
        return keep("em");
    case GUMBO_TAG_SMALL:
        return keep("small");
    case GUMBO_TAG_BIG:
        return keep("big");
    case GUMBO_TAG_SUB:
        return keep("sub");
    case GUMBO_TAG_SUP:
        return keep("sup");
    case GUMBO_TAG_CODE:
        return keep("code");
    case GUMBO_TAG_PRE:
        return keep("pre");
    case GUMBO_TAG_TT:
        return keep("tt");
    case GUMBO_TAG_KBD:
        return keep("kbd");
    case GUMBO_TAG_SAMP:
        return keep("samp");
    case GUMBO_TAG_VAR:
        return keep("var");
    case GUMBO_TAG_DFN:
        return keep("dfn");
    case GUMBO_TAG_NOBR:
        return keep("nobr");
    case GUMBO_TAG_BLOCKQUOTE:
        return keep("blockquote");
    case GUMBO_TAG_P:
        return keep("p");
    case GUMBO_TAG_DIV:
        return keep("div");
    case GUMBO_TAG_SPAN:
        return keep("span");
    case GUMBO_TAG_BR:
        return {Treatment::Keep, "br", true, {}};
    case GUMBO_TAG_HR:
        return {Treatment::Keep, "hr", true, HrAttributes};
    case GUMBO_TAG_H1:
        return keep("h1");
    case GUMBO_TAG_H2:
        return keep("h2");
    case GUMBO_TAG_H3:
        return keep("h3");
    case GUMBO_TAG_H4:
        return keep("h4");
    case GUMBO_TAG_H5:
        return keep("h5");
    case GUMBO_TAG_H6:
        return keep("h6");
    case GUMBO_TAG_UL:
        return keep("ul", UlAttributes);
    case GUMBO_TAG_OL:
        return keep("ol", OlAttributes);
    case GUMBO_TAG_LI:
        return keep("li", LiAttributes);
    case GUMBO_TAG_DL:
        return keep("dl");
    case GUMBO_TAG_DT:
        return keep("dt");
    case GUMBO_TAG_DD:
        return keep("dd");
    case GUMBO_TAG_TABLE:
        return keep("table", TableAttributes);
    case GUMBO_TAG_THEAD:
        return keep("thead", RowAttributes);
    case GUMBO_TAG_TBODY:
        return keep("tbody", RowAttributes);
    case GUMBO_TAG_TFOOT:
        return keep("tfoot", RowAttributes);
    case GUMBO_TAG_TR:
        return keep("tr", RowAttributes);
    case GUMBO_TAG_TD:
        return keep("td", CellAttributes);
    case GUMBO_TAG_TH:
        return keep("th", CellAttributes);
    case GUMBO_TAG_CAPTION:
        return keep("caption");
    case GUMBO_TAG_IMG:
        return {Treatment::Keep, "img", true, ImgAttributes};
    case GUMBO_TAG_FONT:
        return keep("font", FontAttributes);
    case GUMBO_TAG_CENTER:
        return keep("center");
    case GUMBO_TAG_CITE:
        return keep("cite");
    case GUMBO_TAG_Q:
        return keep("q");
    case GUMBO_TAG_ABBR:
        return keep("abbr");
    case GUMBO_TAG_ADDRESS:
        return keep("address");

    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    // <style> blocks are dropped rather than filtered: selectors can restyle
    // the viewer's own text and a CSS parser is more attack surface than the
    // lost formatting is worth. Inline style attributes are filtered instead.
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_MENUITEM:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_COL:
        return {Treatment::Drop, nullptr, false, {}};

    default:
        return {};
    }
}

// Attribute values as the parser decoded them; browsers also ignore tabs and
// line breaks anywhere in a URL and controls or spaces at either end, so
// "\tjava\nscript:" must be read as "javascript:".
QString cleanUrl(const char* raw)
{
    QString url = QString::fromUtf8(raw);
    url.remove(QLatin1Char('\t'));
    url.remove(QLatin1Char('\n'));
    url.remove(QLatin1Char('\r'));
    qsizetype begin = 0;
    qsizetype end = url.size();
    while (begin < end && url.at(begin).unicode() <= 0x20) {
        ++begin;
    }
    while (end > begin && url.at(end - 1).unicode() <= 0x20) {
        --end;
    }
    return url.mid(begin, end - begin);
}

// The scheme lower-cased, or empty for a relative URL.
QString schemeOf(const QString& url)
{
    const qsizetype colon = url.indexOf(QLatin1Char(':'));
    if (colon <= 0) {
        return {};
    }
    for (qsizetype i = 0; i < colon; ++i) {
        const char16_t c = url.at(i).unicode();
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
        const bool other = (c >= u'0' && c <= u'9') || c == u'+' || c == u'-' || c == u'.';
        if (!letter && (i == 0 || !other)) {
            return {};
        }
    }
    return url.left(colon).toLower();
}

bool hasControlCharacters(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F) {
            return true;
        }
    }
    return false;
}

bool isAllowedLink(const QString& url)
{
    const QString scheme = schemeOf(url);
    return (scheme == QLatin1StringView("http") || scheme == QLatin1StringView("https")
            || scheme == QLatin1StringView("mailto"))
        && !hasControlCharacters(url);
}

// Raster images only: SVG can carry script.
bool isAllowedDataImage(const QString& url)
{
    const QString head = url.left(32).toLower();
    for (const char* type : {"png", "jpeg", "jpg", "gif", "webp", "bmp"}) {
        const QString prefix =
            QLatin1StringView("data:image/") + QLatin1StringView(type) + QLatin1StringView(";base64,");
        if (head.startsWith(prefix)) {
            return true;
        }
    }
    return false;
}

// Anything but cid: and data: would be fetched from somewhere, relative
// URLs included.
bool isRemoteSource(const QString& url)
{
    const QString scheme = schemeOf(url);
    return !url.isEmpty() && scheme != QLatin1StringView("cid") && scheme != QLatin1StringView("data");
}

const char* attributeValue(const GumboElement& element, const char* name)
{
    const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
    return attribute != nullptr ? attribute->value : nullptr;
}

void appendText(QString* out, const char* utf8)
{
    out->append(QString::fromUtf8(utf8).toHtmlEscaped());
}

void appendAttribute(QString* out, const char* name, const QString& value)
{
    out->append(QLatin1Char(' '));
    out->append(QLatin1StringView(name));
    out->append(QLatin1StringView("=\""));
    out->append(value.toHtmlEscaped());
    out->append(QLatin1Char('"'));
}

class Sanitizer
{
public:
    SanitizedHtml run(const GumboNode* root);

private:
    struct Work
    {
        const GumboNode* node = nullptr;
        // Set for the work item that writes an element's end tag.
        const char* closeName = nullptr;
    };

    void visitElement(const GumboNode* node);
    // A part of a layout table (LayoutTable) written as blocks: true when
    // `node` was one and is dealt with.
    bool flattenLayoutPart(const GumboNode* node);
    // The table whose row, section or cell `node` is.
    static const GumboNode* owningTable(const GumboNode* node);
    // Writes the start tag; false when the element turned out to be dropped.
    bool writeStartTag(const GumboElement& element, const ElementRule& rule);
    bool writeImage(const GumboElement& element, const ElementRule& rule);
    void writeCommonAttributes(const GumboElement& element, const ElementRule& rule);
    void pushChildren(const GumboVector& children);
    void countRemoteBackground(const GumboElement& element);

    SanitizedHtml m_result;
    std::vector<Work> m_work;
    int m_depth = 0;
    std::unordered_set<const GumboNode*> m_flattened; // layout tables written as blocks
};

SanitizedHtml Sanitizer::run(const GumboNode* root)
{
    m_result.html = QStringLiteral("<html><body>");
    m_work.push_back({root, nullptr});
    // An explicit stack instead of recursion: the tree may be deep enough to
    // overflow the call stack.
    while (!m_work.empty()) {
        const Work work = m_work.back();
        m_work.pop_back();
        if (work.closeName != nullptr) {
            m_result.html.append(QLatin1StringView("</") + QLatin1StringView(work.closeName) + QLatin1Char('>'));
            --m_depth;
            continue;
        }
        switch (work.node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
            appendText(&m_result.html, work.node->v.text.text);
            break;
        case GUMBO_NODE_ELEMENT:
            visitElement(work.node);
            break;
        case GUMBO_NODE_DOCUMENT:
        case GUMBO_NODE_COMMENT:
        case GUMBO_NODE_TEMPLATE:
            break;
        }
    }
    m_result.html.append(QLatin1StringView("</body></html>"));
    return std::move(m_result);
}

void Sanitizer::visitElement(const GumboNode* node)
{
    const GumboElement& element = node->v.element;
    // Anything inside <svg> or <math> is dropped with its container; this
    // also covers foreign elements the parser put elsewhere.
    const ElementRule rule = element.tag_namespace == GUMBO_NAMESPACE_HTML
        ? ruleFor(element.tag)
        : ElementRule {Treatment::Drop, nullptr, false, {}};
    if (rule.treatment == Treatment::Drop) {
        if (element.tag == GUMBO_TAG_INPUT) {
            const char* type = attributeValue(element, "type");
            const char* src = attributeValue(element, "src");
            if (type != nullptr && src != nullptr && QString::fromUtf8(type).trimmed().toLower() == u"image"
                && isRemoteSource(cleanUrl(src))) {
                ++m_result.blockedRemoteImages;
            }
        }
        return;
    }
    countRemoteBackground(element);
    if (rule.treatment == Treatment::Keep && m_depth < MaxOutputDepth && flattenLayoutPart(node)) {
        return;
    }
    if (rule.treatment == Treatment::Keep && (rule.isVoid || m_depth < MaxOutputDepth)
        && writeStartTag(element, rule)) {
        if (!rule.isVoid) {
            ++m_depth;
            m_work.push_back({nullptr, rule.name});
            pushChildren(element.children);
        }
        return;
    }
    if (!rule.isVoid) {
        pushChildren(element.children);
    }
}

bool Sanitizer::flattenLayoutPart(const GumboNode* node)
{
    const GumboElement& element = node->v.element;
    const bool isTable = element.tag == GUMBO_TAG_TABLE;
    const bool isPart = element.tag == GUMBO_TAG_TBODY || element.tag == GUMBO_TAG_THEAD
        || element.tag == GUMBO_TAG_TFOOT || element.tag == GUMBO_TAG_TR || element.tag == GUMBO_TAG_TD;
    // Decided before anything is read of the element: every other element
    // (most of a message) goes straight to the usual path.
    if (isTable ? !LayoutTable::isFlattenable(node)
                : !isPart || m_flattened.empty() || !m_flattened.contains(owningTable(node))) {
        return false;
    }
    // What is not written is still counted, like everywhere else.
    const char* style = attributeValue(element, "style");
    const CssFilter::FilteredStyle filtered =
        style != nullptr ? CssFilter::filter(QString::fromUtf8(style)) : CssFilter::FilteredStyle {};
    m_result.blockedRemoteImages += filtered.remoteUrls;
    if (isTable) {
        // The table's own attributes place the table (align centres it,
        // width sizes it); as a block they would mean something else.
        m_flattened.insert(node);
        m_result.html.append(QLatin1StringView("<div>"));
    } else if (element.tag == GUMBO_TAG_TD) {
        // A cell's align and text styles mean the same on a block; its
        // padding becomes the block's margin (LayoutTable::blockStyle).
        m_result.html.append(QLatin1StringView("<div"));
        if (const char* align = attributeValue(element, "align"); align != nullptr) {
            appendAttribute(&m_result.html, "align", QString::fromUtf8(align));
        }
        if (const QString kept = LayoutTable::blockStyle(filtered.style); !kept.isEmpty()) {
            appendAttribute(&m_result.html, "style", kept);
        }
        m_result.html.append(QLatin1Char('>'));
    } else {
        pushChildren(element.children); // a section or row: only the cells matter
        return true;
    }
    ++m_depth;
    m_work.push_back({nullptr, "div"});
    pushChildren(element.children);
    return true;
}

const GumboNode* Sanitizer::owningTable(const GumboNode* node)
{
    // td -> tr -> (tbody|thead|tfoot ->) table; Gumbo builds no other shape.
    for (const GumboNode* up = node->parent; up != nullptr; up = up->parent) {
        if (up->type == GUMBO_NODE_ELEMENT && up->v.element.tag == GUMBO_TAG_TABLE) {
            return up;
        }
        if (up->type != GUMBO_NODE_ELEMENT
            || (up->v.element.tag != GUMBO_TAG_TR && up->v.element.tag != GUMBO_TAG_TBODY
                && up->v.element.tag != GUMBO_TAG_THEAD && up->v.element.tag != GUMBO_TAG_TFOOT)) {
            return nullptr;
        }
    }
    return nullptr;
}

void Sanitizer::pushChildren(const GumboVector& children)
{
    for (unsigned int i = children.length; i > 0; --i) {
        m_work.push_back({static_cast<const GumboNode*>(children.data[i - 1]), nullptr});
    }
}

void Sanitizer::countRemoteBackground(const GumboElement& element)
{
    // Never written out; only counted so the viewer can say what it left out.
    const char* background = attributeValue(element, "background");
    if (background != nullptr && isRemoteSource(cleanUrl(background))) {
        ++m_result.blockedRemoteImages;
    }
}

bool Sanitizer::writeStartTag(const GumboElement& element, const ElementRule& rule)
{
    if (element.tag == GUMBO_TAG_IMG) {
        return writeImage(element, rule);
    }
    QString href;
    if (element.tag == GUMBO_TAG_A) {
        const char* raw = attributeValue(element, "href");
        href = raw != nullptr ? cleanUrl(raw) : QString();
        // A link to anything else keeps its text and loses the link.
        if (!isAllowedLink(href)) {
            return false;
        }
    }
    m_result.html.append(QLatin1Char('<') + QLatin1StringView(rule.name));
    if (!href.isEmpty()) {
        appendAttribute(&m_result.html, "href", href);
        // The real target, whatever the link text claims.
        appendAttribute(&m_result.html, "title", href);
    }
    writeCommonAttributes(element, rule);
    m_result.html.append(QLatin1Char('>'));
    return true;
}

bool Sanitizer::writeImage(const GumboElement& element, const ElementRule& rule)
{
    const char* raw = attributeValue(element, "src");
    const QString src = raw != nullptr ? cleanUrl(raw) : QString();
    const QString scheme = schemeOf(src);
    const bool isCid = scheme == QLatin1StringView("cid") && src.size() > 4 && !hasControlCharacters(src);
    if (!isCid && !isAllowedDataImage(src)) {
        if (isRemoteSource(src)) {
            ++m_result.blockedRemoteImages;
        }
        const char* alt = attributeValue(element, "alt");
        if (alt != nullptr) {
            appendText(&m_result.html, alt);
        }
        return false;
    }
    if (isCid) {
        const QString contentId = QUrl::fromPercentEncoding(src.mid(4).toUtf8());
        if (!m_result.contentIds.contains(contentId)) {
            m_result.contentIds.append(contentId);
        }
    }
    m_result.html.append(QLatin1StringView("<img"));
    appendAttribute(&m_result.html, "src", src);
    writeCommonAttributes(element, rule);
    m_result.html.append(QLatin1Char('>'));
    return true;
}

void Sanitizer::writeCommonAttributes(const GumboElement& element, const ElementRule& rule)
{
    // title on links is written from the href instead.
    const bool isLink = element.tag == GUMBO_TAG_A;
    for (const char* name : {"title", "dir", "lang", "align"}) {
        const char* value = attributeValue(element, name);
        if (value != nullptr && !(isLink && qstrcmp(name, "title") == 0)) {
            appendAttribute(&m_result.html, name, QString::fromUtf8(value));
        }
    }
    for (const char* name : rule.attributes) {
        const char* value = attributeValue(element, name);
        if (value == nullptr) {
            continue;
        }
        const QString text = QString::fromUtf8(value);
        // QTextDocument scales an image to these before painting it.
        const bool isSize = qstrcmp(name, "width") == 0 || qstrcmp(name, "height") == 0;
        if (element.tag == GUMBO_TAG_IMG && isSize && !CssFilter::isModestLength(text, CssFilter::MaxLength)) {
            continue;
        }
        appendAttribute(&m_result.html, name, text);
    }
    const char* style = attributeValue(element, "style");
    if (style != nullptr) {
        const CssFilter::FilteredStyle filtered = CssFilter::filter(QString::fromUtf8(style));
        m_result.blockedRemoteImages += filtered.remoteUrls;
        if (!filtered.style.isEmpty()) {
            appendAttribute(&m_result.html, "style", filtered.style);
        }
    }
}

struct GumboOutputDeleter
{
    const GumboOptions* options;
    void operator()(GumboOutput* output) const { gumbo_destroy_output(options, output); }
};

} // namespace

SanitizedHtml sanitize(const QString& html)
{
    QByteArray utf8 = html.toUtf8();
    bool truncated = false;
    if (utf8.size() > MaxInputBytes) {
        qsizetype cut = MaxInputBytes;
        // Never in the middle of a UTF-8 sequence.
        while (cut > 0 && (static_cast<unsigned char>(utf8.at(cut)) & 0xC0) == 0x80) {
            --cut;
        }
        utf8.truncate(cut);
        truncated = true;
    }
    const QByteArray limited = HtmlNestingLimiter::limit(utf8);

    GumboOptions options = kGumboDefaultOptions;
    // Gumbo copies the whole open-element stack into every parse error it
    // records, which is quadratic on deep input; the errors are not used.
    options.max_errors = 0;
    const std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
        gumbo_parse_with_options(&options, limited.constData(), static_cast<size_t>(limited.size())),
        GumboOutputDeleter {&options});
    SanitizedHtml result = Sanitizer().run(output->root);
    result.truncated = truncated;
    return result;
}

} // namespace HtmlSanitizer
