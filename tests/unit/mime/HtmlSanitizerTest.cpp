#include "mime/HtmlSanitizer.h"

#include <QElapsedTimer>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <array>
#include <iostream>
#include <random>
#include <vector>

namespace {

SanitizedHtml sanitize(const char* html)
{
    return HtmlSanitizer::sanitize(QString::fromUtf8(html));
}

// Substrings no sanitized output may hold, text included: the hostile inputs
// below keep their harmless text free of these words.
constexpr std::array<const char*, 24> Forbidden = {
    "<script",     "javascript:",      "vbscript:", "data:text", "onload",  "onerror", "onclick",
    "onmouseover", "http://t.example", "<iframe",   "<frame",    "<object", "<embed",  "url(",
    "@import",     "expression(",      "<meta",     "<base",     "<link",   "<svg",    "<form",
    "<input",      "<style",           "behavior",
};

void expectNoForbidden(const QString& text, const QString& shownOnFailure)
{
    const QString lower = text.toLower();
    for (const char* word : Forbidden) {
        EXPECT_FALSE(lower.contains(QLatin1StringView(word))) << word << " in\n" << shownOnFailure.toStdString();
    }
}

void expectClean(const SanitizedHtml& result)
{
    expectNoForbidden(result.html, result.html);
}

struct MarkupCheck
{
    bool ok = true;
    QString problem;
    int maxDepth = 0;
    // The tags alone, without text and without title and alt values: what
    // could act, as opposed to what is only shown.
    QString tagsOnly;
};

// Reads the sanitizer's output the strict way it is written: every '<' starts
// a tag of allowed lower-case names with double-quoted attributes, end tags
// match, and links and images point only where they may.
MarkupCheck checkMarkup(const QString& html)
{
    static const QRegularExpression tag(QStringLiteral(R"(<(/?)([a-z0-9]+)((?: [a-z]+="[^"<>]*")*)>)"));
    static const QRegularExpression attribute(QStringLiteral(R"re( ([a-z]+)="([^"]*)")re"));
    static const QStringList allowed =
        QStringLiteral("html body a b i u s strong em small big sub sup code pre tt kbd samp var "
                       "dfn nobr blockquote p div span br hr h1 h2 h3 h4 h5 h6 ul ol li dl dt dd "
                       "table thead tbody tfoot tr td th caption img font center cite q abbr address")
            .split(QLatin1Char(' '));
    static const QStringList voids = {QStringLiteral("br"), QStringLiteral("hr"), QStringLiteral("img")};
    MarkupCheck check;
    QStringList open;
    qsizetype pos = 0;
    while ((pos = html.indexOf(QLatin1Char('<'), pos)) >= 0) {
        const QRegularExpressionMatch match = tag.match(html,
                                                        pos,
                                                        QRegularExpression::NormalMatch,
                                                        // Without this every match would check the whole output again.
                                                        QRegularExpression::AnchorAtOffsetMatchOption
                                                            | QRegularExpression::DontCheckSubjectStringMatchOption);
        if (!match.hasMatch()) {
            return {false, QStringLiteral("stray '<' at %1").arg(pos), 0, {}};
        }
        const QString name = match.captured(2);
        if (!allowed.contains(name)) {
            return {false, QStringLiteral("element ") + name, 0, {}};
        }
        check.tagsOnly += QLatin1Char('<') + match.captured(1) + name;
        auto attributes = attribute.globalMatch(match.captured(3));
        while (attributes.hasNext()) {
            const QRegularExpressionMatch a = attributes.next();
            const QString key = a.captured(1);
            const QString value = a.captured(2);
            if (key.startsWith(QLatin1StringView("on")) || key == u"srcset" || key == u"background") {
                return {false, QStringLiteral("attribute ") + key, 0, {}};
            }
            if (key == u"href"
                && !QRegularExpression(QStringLiteral("^(https?|mailto):"), QRegularExpression::CaseInsensitiveOption)
                        .match(value)
                        .hasMatch()) {
                return {false, QStringLiteral("href ") + value, 0, {}};
            }
            if (key == u"src"
                && !QRegularExpression(QStringLiteral("^(cid:|data:image/(png|jpeg|jpg|gif|webp|bmp);base64,)"))
                        .match(value.toLower())
                        .hasMatch()) {
                return {false, QStringLiteral("src ") + value, 0, {}};
            }
            if (key != u"title" && key != u"alt") {
                check.tagsOnly += QLatin1Char(' ') + key + QStringLiteral("=\"") + value + QLatin1Char('"');
            }
        }
        check.tagsOnly += QLatin1Char('>');
        if (match.captured(1).isEmpty()) {
            if (!voids.contains(name)) {
                open.append(name);
                check.maxDepth = std::max(check.maxDepth, static_cast<int>(open.size()));
            }
        } else if (open.isEmpty() || open.takeLast() != name) {
            return {false, QStringLiteral("unbalanced </") + name + QLatin1Char('>'), 0, {}};
        }
        pos = match.capturedEnd();
    }
    if (!open.isEmpty()) {
        return {false, QStringLiteral("unclosed ") + open.join(QLatin1Char(' ')), 0, {}};
    }
    return check;
}

void expectWellFormed(const SanitizedHtml& result)
{
    const MarkupCheck check = checkMarkup(result.html);
    EXPECT_TRUE(check.ok) << check.problem.toStdString() << " in\n" << result.html.left(2000).toStdString();
}

} // namespace

TEST(HtmlSanitizer, TrackingPixelIsDroppedAndCounted)
{
    const SanitizedHtml result = sanitize("<p>Hello</p><img src=http://t.example/p.gif width=1 height=1>");
    EXPECT_EQ(result.blockedRemoteImages, 1);
    EXPECT_FALSE(result.html.contains(QLatin1StringView("<img")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView("Hello")));
    expectClean(result);
    expectWellFormed(result);
}

TEST(HtmlSanitizer, RemoteImagesOfEveryKindAreCountedAndShowTheirAlt)
{
    const SanitizedHtml result =
        sanitize("<img src='https://t.example/a.png' alt='Logo'><img src=//t.example/b.png><img src=c.png>"
                 "<IMG SRC=\" http://t.example/d.png\"><input type=image src=http://t.example/e.png>"
                 "<p style=\"background-image: url(http://t.example/f.png)\">text</p>");
    EXPECT_EQ(result.blockedRemoteImages, 6);
    EXPECT_TRUE(result.html.contains(QLatin1StringView("Logo")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView("text")));
    expectClean(result);
}

TEST(HtmlSanitizer, ScriptsAreDroppedWherever)
{
    const SanitizedHtml result =
        sanitize("<html><head><script>alert(1)</script></head><body>before"
                 "<script type=text/javascript>alert(2)</script>"
                 "<table><tr><td>cell<script>alert(3)</script></td></tr><script>alert(4)</script></table>"
                 "<SCRIPT>alert(5)</SCRIPT><ScRiPt SRC=http://t.example/x.js></ScRiPt>"
                 "<!--<script>alert(6)</script>--><script><!--\nalert(7)//--></script>"
                 "<!--[if gte mso 9]><script>alert(8)</script><![endif]-->"
                 "<scr<script>ipt>alert(9)</script>after</body></html>");
    expectClean(result);
    expectWellFormed(result);
    for (int n = 1; n <= 8; ++n) {
        EXPECT_FALSE(result.html.contains(QStringLiteral("alert(%1)").arg(n))) << n;
    }
    // "<scr<script>" is an unknown element named "scr<script", so a browser
    // too shows what follows as text; here it is escaped text.
    EXPECT_TRUE(result.html.contains(QLatin1StringView("ipt&gt;alert(9)")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView("before")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView("cell")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView("after")));
}

TEST(HtmlSanitizer, EventHandlerAttributesAreDropped)
{
    const SanitizedHtml result = sanitize("<body onload=alert(1)><p onclick=\"alert(2)\">para</p>"
                                          "<img src=cid:logo onerror=alert(3)><div ONMOUSEOVER='alert(4)'>div</div>"
                                          "<b/onclick=alert(5)>bold</b></body>");
    expectClean(result);
    expectWellFormed(result);
    for (const char* kept : {"para", "div", "bold", "cid:logo"}) {
        EXPECT_TRUE(result.html.contains(QLatin1StringView(kept))) << kept;
    }
}

TEST(HtmlSanitizer, JavaScriptLinksLoseTheirHrefButKeepTheirText)
{
    const SanitizedHtml result = sanitize("<a href=\"javascript:alert(1)\">one</a>"
                                          "<a href=\"JaVaScRiPt:alert(2)\">two</a>"
                                          "<a href=\" \t\n javascript:alert(3)\">three</a>"
                                          "<a href=\"&#106;avascript:alert(4)\">four</a>"
                                          "<a href=\"&#x6A;&#x61;vascript&colon;alert(5)\">five</a>"
                                          "<a href=\"java&#x09;script:alert(6)\">six</a>"
                                          "<a href=\"java\nscript:alert(7)\">seven</a>"
                                          "<a href=\"\x01javascript:alert(8)\">eight</a>");
    expectClean(result);
    expectWellFormed(result);
    EXPECT_FALSE(result.html.contains(QLatin1StringView("<a")));
    for (const char* kept : {"one", "two", "three", "four", "five", "six", "seven", "eight"}) {
        EXPECT_TRUE(result.html.contains(QLatin1StringView(kept))) << kept;
    }
}

TEST(HtmlSanitizer, OnlyWebAndMailLinksSurviveAndShowTheirTarget)
{
    const SanitizedHtml result = sanitize("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">data</a>"
                                          "<a href=\"vbscript:msgbox(1)\">vb</a><a href=\"file:///etc/passwd\">file</a>"
                                          "<a href=\"relative/page.html\">relative</a><a href=\"#top\">anchor</a>"
                                          "<a href=\" HTTPS://ok.example/a?b=1&amp;c=2 \" title=\"lies\">web</a>"
                                          "<a href=\"mailto:someone@example.org\">mail</a>");
    expectClean(result);
    expectWellFormed(result);
    EXPECT_EQ(result.html.count(QLatin1StringView("<a ")), 2) << result.html.toStdString();
    EXPECT_TRUE(result.html.contains(QLatin1StringView(
        R"(<a href="HTTPS://ok.example/a?b=1&amp;c=2" title="HTTPS://ok.example/a?b=1&amp;c=2">web</a>)")))
        << result.html.toStdString();
    EXPECT_TRUE(result.html.contains(QLatin1StringView(R"(href="mailto:someone@example.org")")));
    EXPECT_FALSE(result.html.contains(QLatin1StringView("lies")));
    for (const char* kept : {"data", "vb", "file", "relative", "anchor"}) {
        EXPECT_TRUE(result.html.contains(QLatin1StringView(kept))) << kept;
    }
}

TEST(HtmlSanitizer, FramesObjectsAndEmbedsAreDropped)
{
    const SanitizedHtml result =
        sanitize("<p>a</p><iframe src=http://t.example/>inner</iframe><frameset><frame src=http://t.example/>"
                 "</frameset><object data=http://t.example/x.swf><param name=movie value=x>fallback</object>"
                 "<embed src=http://t.example/x.swf><applet code=X>applet</applet><p>b</p>");
    expectClean(result);
    expectWellFormed(result);
    EXPECT_TRUE(result.html.contains(QLatin1StringView("a</p>")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView("b</p>")));
    EXPECT_FALSE(result.html.contains(QLatin1StringView("inner")));
    EXPECT_FALSE(result.html.contains(QLatin1StringView("applet")));
}

TEST(HtmlSanitizer, FormsKeepTheirTextButLoseTheirControls)
{
    const SanitizedHtml result = sanitize("<form action=http://t.example/steal method=post>Please log in"
                                          "<input name=password type=password><button formaction=http://t.example/>"
                                          "Send</button><select><option>choice</option></select>"
                                          "<textarea>typed</textarea></form>");
    expectClean(result);
    expectWellFormed(result);
    EXPECT_TRUE(result.html.contains(QLatin1StringView("Please log in")));
    for (const char* gone : {"<button", "<select", "choice", "<textarea", "typed", "formaction"}) {
        EXPECT_FALSE(result.html.contains(QLatin1StringView(gone))) << gone;
    }
}

TEST(HtmlSanitizer, CssThatLoadsOrRunsIsFiltered)
{
    const SanitizedHtml result =
        sanitize("<style>@import url(http://t.example/a.css); body { background: url(http://t.example/b.png) }</style>"
                 "<p style=\"color: red; background: url(http://t.example/c.png); width: expression(alert(1))\">one</p>"
                 "<p style=\"behavior: url(x.htc); -moz-binding: url(x.xml#y); font-weight: bold\">two</p>"
                 "<p style=\"background: u\\72l(http://t.example/d.png); color: blue\">three</p>"
                 "<p style=\"color: javascript:alert(1); position: fixed; top: 0\">four</p>"
                 "<p style=\"width: e/**/xpression(alert(1)); color: green\">five</p>"
                 "<p style=\"background: #fff; background: #eee url(http://t.example/g.png)\">six</p>");
    expectClean(result);
    expectWellFormed(result);
    EXPECT_TRUE(result.html.contains(QLatin1StringView(R"(style="color: red")"))) << result.html.toStdString();
    EXPECT_TRUE(result.html.contains(QLatin1StringView(R"(style="font-weight: bold")")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView(R"(style="color: blue")")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView(R"(style="color: green")")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView(R"(style="background: #fff")")));
    EXPECT_FALSE(result.html.contains(QLatin1StringView("xpression")));
    EXPECT_FALSE(result.html.contains(QLatin1StringView("position")));
    EXPECT_FALSE(result.html.contains(QLatin1StringView("\\")));
    for (const char* kept : {"one", "two", "three", "four", "five", "six"}) {
        EXPECT_TRUE(result.html.contains(QLatin1StringView(kept))) << kept;
    }
    // The remote url() in the style attribute of "one" was an image not loaded.
    EXPECT_GE(result.blockedRemoteImages, 1);
}

TEST(HtmlSanitizer, MetaRefreshBaseAndStylesheetLinksAreDropped)
{
    const SanitizedHtml result =
        sanitize("<head><meta http-equiv=refresh content=\"0;url=http://x.example\">"
                 "<base href=http://evil.example/><link rel=stylesheet href=http://t.example/a.css>"
                 "<title>Subject</title></head><body><meta http-equiv=refresh content=0>"
                 "<a href=http://ok.example/>text</a></body>");
    expectClean(result);
    expectWellFormed(result);
    EXPECT_FALSE(result.html.contains(QLatin1StringView("evil")));
    EXPECT_FALSE(result.html.contains(QLatin1StringView("x.example")));
    EXPECT_FALSE(result.html.contains(QLatin1StringView("Subject")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView("text")));
}

TEST(HtmlSanitizer, SvgIsDroppedWithItsScripts)
{
    const SanitizedHtml result =
        sanitize("<p>x</p><svg onload=alert(1)><script>alert(2)</script><image href=http://t.example/i.png/>"
                 "<foreignObject><p onclick=alert(3)>inside</p></foreignObject></svg>"
                 "<math><mtext><script>alert(4)</script></mtext></math><p>y</p>");
    expectClean(result);
    expectWellFormed(result);
    EXPECT_FALSE(result.html.contains(QLatin1StringView("alert(")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView("x</p>")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView("y</p>")));
}

TEST(HtmlSanitizer, BackgroundAndSrcsetAreNeverKept)
{
    const SanitizedHtml result =
        sanitize("<body background=http://t.example/bg.png><table background=\"//t.example/t.png\"><tr>"
                 "<td background=cid:local>cell</td></tr></table>"
                 "<img src=cid:logo srcset=\"http://t.example/2x.png 2x\"></body>");
    expectClean(result);
    expectWellFormed(result);
    EXPECT_EQ(result.blockedRemoteImages, 2);
    EXPECT_FALSE(result.html.contains(QLatin1StringView("background")));
    EXPECT_FALSE(result.html.contains(QLatin1StringView("srcset")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView(R"(<img src="cid:logo">)")));
}

TEST(HtmlSanitizer, MalformedNestingBecomesWellFormed)
{
    for (const char* soup : {
             "<b><i>x</b></i>",
             "<p>unclosed<div>tags<span>everywhere",
             "<table><td>a<tr>b<table>c</td>d<li>e</table>f</table>g",
             "</div></b></p>stray end tags<br/></br>",
             "<ul><li>one<li>two<ol><li>three</ul>after",
             "<a href=http://ok.example/>a<a href=http://ok.example/2>b</a>",
             "<div title=\"a\"b\" c=>d</div><div title='<script>'>e",
             "",
             "<",
             "<<!---->script>alert(1)<</script>",
         }) {
        const SanitizedHtml result = sanitize(soup);
        SCOPED_TRACE(soup);
        expectClean(result);
        expectWellFormed(result);
    }
}

// The viewer scales images and fonts to what the mail asks for.
TEST(HtmlSanitizer, HugeSizesAreDropped)
{
    const SanitizedHtml result =
        sanitize("<img src=cid:big width=100000 height=50><img src=cid:pct width=\"50%\" height=\"1e9\">"
                 "<p style=\"font-size: 100000px; width: 99999px; margin: 0 auto 10px; color: #123456\">a</p>"
                 "<p style=\"font-size: 12pt; width: 600px\">b</p><p style=\"font-size: x-large\">c</p>");
    EXPECT_TRUE(result.html.contains(QLatin1StringView(R"(<img src="cid:big" height="50">)")))
        << result.html.toStdString();
    EXPECT_TRUE(result.html.contains(QLatin1StringView(R"(<img src="cid:pct" width="50%">)")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView(R"(<p style="margin: 0 auto 10px; color: #123456">a</p>)")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView(R"(<p style="font-size: 12pt; width: 600px">b</p>)")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView(R"(<p style="font-size: x-large">c</p>)")));
}

TEST(HtmlSanitizer, AttributeValuesAndTextAreEscaped)
{
    const SanitizedHtml result = sanitize("<img src=cid:a alt='\"><script>alert(1)</script>'>"
                                          "<p title='x\" data-evil=\"1'>&lt;script&gt; &amp; 1 &lt; 2</p>");
    expectClean(result);
    expectWellFormed(result);
    EXPECT_TRUE(result.html.contains(QLatin1StringView("&lt;script&gt; &amp; 1 &lt; 2")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView(R"(title="x&quot; data-evil=&quot;1")")))
        << result.html.toStdString();
}

TEST(HtmlSanitizer, InlineImagesFromThePartsAreKept)
{
    const SanitizedHtml result = sanitize("<img src=\"cid:logo@example.org\" alt=Logo width=40>"
                                          "<img src=\"CID:part%201\"><img src=\"cid:logo@example.org\">"
                                          "<img src=\"data:image/png;base64,iVBORw0KGgo=\">"
                                          "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=vector>"
                                          "<img src=\"data:text/html,<script>alert(1)</script>\">");
    expectClean(result);
    expectWellFormed(result);
    EXPECT_EQ(result.contentIds, QStringList({QStringLiteral("logo@example.org"), QStringLiteral("part 1")}));
    EXPECT_EQ(result.html.count(QLatin1StringView("<img ")), 4);
    EXPECT_TRUE(result.html.contains(QLatin1StringView(R"(<img src="data:image/png;base64,iVBORw0KGgo=">)")));
    EXPECT_FALSE(result.html.contains(QLatin1StringView("svg")));
    EXPECT_TRUE(result.html.contains(QLatin1StringView("vector")));
    EXPECT_EQ(result.blockedRemoteImages, 0);
}

TEST(HtmlSanitizer, NonAsciiTextAndEntitiesSurvive)
{
    const SanitizedHtml result =
        sanitize("<p>Caf&eacute; na&iuml;ve &euro;5 &#x1F600; \xF0\x9F\x8E\x89 \xE6\x97\xA5\xE6\x9C\xAC "
                 "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A&nbsp;end</p>");
    EXPECT_TRUE(result.html.contains(QStringLiteral("Café naïve €5 😀 🎉 日本 عربي\u00A0end")))
        << result.html.toStdString();
    expectWellFormed(result);
}

TEST(HtmlSanitizer, DeepNestingIsFlattenedQuickly)
{
    QByteArray html;
    for (int i = 0; i < 100000; ++i) {
        html += "<div>";
    }
    html += "deep text";
    QElapsedTimer timer;
    timer.start();
    const SanitizedHtml result = HtmlSanitizer::sanitize(QString::fromUtf8(html));
    std::cout << "100,000 nested <div>: " << timer.elapsed() << " ms\n";
    const MarkupCheck check = checkMarkup(result.html);
    ASSERT_TRUE(check.ok) << check.problem.toStdString();
    EXPECT_LE(check.maxDepth, HtmlSanitizer::MaxOutputDepth + 2); // + <html><body>
    EXPECT_TRUE(result.html.contains(QLatin1StringView("deep text")));
    EXPECT_LT(result.html.size(), 10000);
}

// Patterns that make an HTML5 tree builder do work in proportion to what is
// open for every tag: never-closed formatting elements with distinct
// attributes, list items nested through definitions, tables in cells.
TEST(HtmlSanitizer, QuadraticParserPatternsStayBounded)
{
    const std::array<std::pair<const char*, QByteArray (*)(int)>, 5> patterns = {{
        {"<div><b a=N></div>", [](int i) { return "<div><b a=" + QByteArray::number(i) + "></div>"; }},
        {"<p><font id=N>x</p>", [](int i) { return "<p><font id=" + QByteArray::number(i) + ">x</p>"; }},
        {"<li><dd>", [](int) { return QByteArray("<li><dd>"); }},
        {"<table><td>", [](int) { return QByteArray("<table><td>"); }},
        // Tags the pre-pass must not read differently from the parser.
        {"<<!---->div><!-- </div> -->", [](int) { return QByteArray("<<!---->div><div><!-- </div> -->"); }},
    }};
    for (const auto& [label, piece] : patterns) {
        QByteArray html;
        for (int i = 0; i < 50000; ++i) {
            html += piece(i);
        }
        html += "end";
        QElapsedTimer timer;
        timer.start();
        const SanitizedHtml result = HtmlSanitizer::sanitize(QString::fromUtf8(html));
        std::cout << "50,000 x " << label << " (" << html.size() / 1024 << " KiB): " << timer.elapsed() << " ms\n";
        SCOPED_TRACE(label);
        const MarkupCheck check = checkMarkup(result.html);
        EXPECT_TRUE(check.ok) << check.problem.toStdString();
        EXPECT_LE(check.maxDepth, HtmlSanitizer::MaxOutputDepth + 2);
        EXPECT_TRUE(result.html.contains(QLatin1StringView("end")));
    }
}

// Newsletters wrap their page in single-column tables; QTextDocument lays a
// table out whole, so they become blocks. Only certain layout goes: a grid
// of data, a header cell or a dark background keeps its table.
TEST(HtmlSanitizer, SingleColumnLayoutTablesBecomeBlocks)
{
    const SanitizedHtml page =
        sanitize("<table width=\"100%\" bgcolor=\"#f2f4f6\" align=\"center\"><tr><td align=\"center\">"
                 "<table width=\"600\" style=\"background:#ffffff; border:1px solid #dde1e6\">"
                 "<tr><td style=\"padding:18px; color:#30363d; background-color:#fff; border-bottom:1px solid #eee\">"
                 "First section</td></tr>"
                 "<tr><td><table><tr><td>left</td><td>right</td></tr></table></td></tr>"
                 "</table></td></tr></table>");
    SCOPED_TRACE(page.html.toStdString());
    expectWellFormed(page);
    // The two wrappers are blocks; the two-column table inside stays a table.
    EXPECT_EQ(page.html.count(QLatin1StringView("<table")), 1);
    EXPECT_TRUE(page.html.contains(QLatin1StringView("<td>left</td><td>right</td>")));
    // A cell keeps its alignment and text styles, its padding as margin,
    // not its light background or its border.
    EXPECT_TRUE(page.html.contains(QLatin1StringView("<div align=\"center\">")));
    EXPECT_TRUE(page.html.contains(QLatin1StringView("<div style=\"margin: 18px; color: #30363d\">First section")));
    EXPECT_FALSE(page.html.contains(QLatin1StringView("background")));
    EXPECT_FALSE(page.html.contains(QLatin1StringView("border")));
    // The table's own align placed the table: it is not the text's.
    EXPECT_TRUE(page.html.startsWith(
        QLatin1StringView("<html><body><div><div align=\"center\"><div><div style=\"margin: 18px; color: #30363d\">")));
    // Text stays in its order.
    EXPECT_LT(page.html.indexOf(QLatin1StringView("First section")), page.html.indexOf(QLatin1StringView("left")));

    for (const char* kept : {
             // Two columns.
             "<table><tr><td>a</td><td>b</td></tr></table>",
             // A header cell: a one-column data table.
             "<table><tr><th>Name</th></tr><tr><td>a</td></tr></table>",
             "<table><caption>Prices</caption><tr><td>a</td></tr></table>",
             // White text on a dark or coloured cell must keep its cell.
             "<table><tr><td bgcolor=\"#1a73e8\" style=\"color:#fff\">Sale</td></tr></table>",
             "<table bgcolor=\"black\"><tr><td style=\"color:white\">Night</td></tr></table>",
             "<table><tr style=\"background: #222\"><td style=\"color:#fff\">Dark row</td></tr></table>",
             "<table><tr><td style=\"background: #333 url(https://t.example/bg.png)\">Dark</td></tr></table>",
             // A notation not read here counts as dark.
             "<table><tr><td style=\"background-color: rgb(255, 255, 255)\">unread</td></tr></table>",
             "<table><tr><td bgcolor=\"not-a-colour\">unknown</td></tr></table>",
         }) {
        SCOPED_TRACE(kept);
        const SanitizedHtml result = sanitize(kept);
        expectWellFormed(result);
        EXPECT_TRUE(result.html.contains(QLatin1StringView("<table"))) << result.html.toStdString();
    }

    // A remote image in a flattened table's style is still counted.
    const SanitizedHtml counted =
        sanitize("<table style=\"background: url(http://t.example/a.png)\"><tr>"
                 "<td style=\"background-image: url(http://t.example/b.png)\">x</td></tr></table>");
    EXPECT_EQ(counted.html.count(QLatin1StringView("<table")), 0) << counted.html.toStdString();
    EXPECT_EQ(counted.blockedRemoteImages, 2);
    expectClean(counted);
}

TEST(HtmlSanitizer, TenMegabyteBodyCompletes)
{
    const QByteArray unit =
        "<table width=\"100%\"><tr><td style=\"color: #333; font-family: Arial\"><p>Newsletter paragraph with "
        "<b>bold</b>, <a href=\"https://ok.example/item\">a link</a> and an image "
        "<img src=\"http://t.example/i.png\"> &eacute;t&eacute;.</p></td></tr></table>\n";
    constexpr qsizetype TenMegabytes = qsizetype(10) * 1024 * 1024;
    QByteArray html;
    html.reserve(TenMegabytes + unit.size());
    while (html.size() < TenMegabytes) {
        html += unit;
    }
    const qsizetype units = html.size() / unit.size();
    QElapsedTimer timer;
    timer.start();
    const SanitizedHtml result = HtmlSanitizer::sanitize(QString::fromUtf8(html));
    std::cout << "10 MiB HTML body: " << timer.elapsed() << " ms\n";
    EXPECT_FALSE(result.truncated);
    EXPECT_EQ(result.blockedRemoteImages, units);
    EXPECT_EQ(result.html.count(QLatin1StringView("<a href")), units);
    expectClean(result);
    expectWellFormed(result);
}

TEST(HtmlSanitizer, OversizedBodyIsTruncated)
{
    QString html = QStringLiteral("<p>");
    html += QString(HtmlSanitizer::MaxInputBytes / 2 + 10, QChar(0xE9)); // two bytes each in UTF-8
    const SanitizedHtml result = HtmlSanitizer::sanitize(html);
    EXPECT_TRUE(result.truncated);
    EXPECT_FALSE(result.html.contains(QChar(QChar::ReplacementCharacter)));
    expectWellFormed(result);
}

// Random soups of hostile and harmless pieces; the seed is fixed so a failure
// can be reproduced.
TEST(HtmlSanitizer, RandomSoupsNeverProduceActiveMarkup)
{
    static const std::vector<const char*> pieces = {
        "<script>",
        "</script>",
        "<SCRIPT SRC=http://t.example/x.js>",
        "<img src=http://t.example/p.gif>",
        "<img src=cid:a onerror=alert(1)>",
        "<a href=javascript:alert(1)>",
        "<a href=\"&#106;avascript:x\">",
        "<a href=http://ok.example/>",
        "</a>",
        "<iframe src=http://t.example/>",
        "</iframe>",
        "<svg onload=x>",
        "</svg>",
        "<math>",
        "<style>@import url(http://t.example/a.css);</style>",
        "<style>",
        "<div style=\"background:url(http://t.example/b.png)\">",
        "<div style='width:expression(alert(1))'>",
        "<p onclick=alert(1)>",
        "</p>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<table>",
        "<tr>",
        "<td>",
        "</td>",
        "</table>",
        "<form action=http://t.example/>",
        "<input type=image src=http://t.example/i.png>",
        "</form>",
        "<meta http-equiv=refresh content=\"0;url=http://t.example\">",
        "<base href=http://t.example/>",
        "<link rel=stylesheet href=http://t.example/s.css>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<object data=http://t.example/>",
        "<embed src=http://t.example/>",
        "<textarea>",
        "</textarea>",
        "<noscript>",
        "</noscript>",
        "<template>",
        "<plaintext>",
        "<xmp>",
        "<title>",
        "<frameset>",
        "<body background=http://t.example/b.png>",
        "<div",
        "\"",
        "'",
        ">",
        "<",
        "=",
        "</",
        "text ",
        "&amp; ",
        "&lt;",
        "caf\xC3\xA9 ",
        "<br>",
        "<ul><li>",
        "<li>",
        "<font color=red>",
        "</font>",
        "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">",
    };
    std::mt19937 random(20261206);
    std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> length(1, 60);
    for (int round = 0; round < 400; ++round) {
        QByteArray html;
        for (int n = length(random); n > 0; --n) {
            html += pieces[pick(random)];
        }
        const SanitizedHtml result = HtmlSanitizer::sanitize(QString::fromUtf8(html));
        const MarkupCheck check = checkMarkup(result.html);
        ASSERT_TRUE(check.ok) << check.problem.toStdString() << "\ninput: " << html.toStdString()
                              << "\noutput: " << result.html.toStdString();
        // Text may say "javascript:" (an alt text, a broken tag shown as
        // text); the tags may not.
        expectNoForbidden(check.tagsOnly, QString::fromUtf8(html));
        if (testing::Test::HasFailure()) {
            break;
        }
    }
}
