#include "MailText.h"

#include "MailWords.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace MailGen {

namespace {

constexpr int kTextWidth = 72;

// Characters, not bytes: line width is what a reader sees.
int utf8Length(const char* data, qsizetype size)
{
    int count = 0;
    for (qsizetype i = 0; i < size; ++i) {
        count += (static_cast<uchar>(data[i]) & 0xc0) != 0x80 ? 1 : 0;
    }
    return count;
}

bool isCjk(Language language)
{
    return language == Language::Japanese || language == Language::Chinese;
}

void capitalize(std::string& text, std::size_t at)
{
    const auto c = static_cast<uchar>(text[at]);
    if (c >= 'a' && c <= 'z') {
        text[at] = static_cast<char>(c - 'a' + 'A');
    } else if (c == 0xc3 && at + 1 < text.size()) {
        // Latin-1 supplement: lower case letters sit 0x20 above upper case.
        const auto next = static_cast<uchar>(text[at + 1]);
        if (next >= 0xa0 && next <= 0xbe && next != 0xb7) {
            text[at + 1] = static_cast<char>(next - 0x20);
        }
    }
}

QByteArray paragraph(DeterministicRandom& random, Language language, bool windows1252)
{
    // std::string: its appends are inline, QByteArray's are calls, and this
    // runs for every word of every message.
    std::string out;
    out.reserve(1024);
    const int sentences = static_cast<int>(random.between(3, 8));
    for (int s = 0; s < sentences; ++s) {
        if (language == Language::Russian || isCjk(language)) {
            if (s > 0 && language == Language::Russian) {
                out += ' ';
            }
            out += language == Language::Russian ? pick(random, MailWords::russian)
                : language == Language::Japanese ? pick(random, MailWords::japanese)
                                                 : pick(random, MailWords::chinese);
            continue;
        }
        if (s > 0) {
            out += ' ';
        }
        const int words = static_cast<int>(random.between(6, 18));
        for (int w = 0; w < words; ++w) {
            if (w > 0) {
                out += ' ';
            }
            const std::size_t start = out.size();
            out += language == Language::English ? pickFrequent(random, MailWords::english)
                : language == Language::German   ? pickFrequent(random, MailWords::german)
                                                 : pickFrequent(random, MailWords::french);
            if (w == 0) {
                capitalize(out, start);
            }
            if (windows1252 && random.chance(0.05)) {
                out += ' ';
                out += pick(random, MailWords::windows1252Extras);
            }
            if (w + 1 < words && random.chance(0.07)) {
                out += ',';
            }
        }
        const double end = random.unit();
        out += end < 0.86 ? '.' : end < 0.95 ? '?' : '!';
    }
    return QByteArray(out.data(), static_cast<qsizetype>(out.size()));
}

// Word wrap at `width` columns; CJK text has no spaces and its characters are
// two columns wide, so it breaks between any two characters.
// Text has single spaces between words, so each output line is a slice of
// the input and goes out in one append.
void appendWrapped(QByteArray& out, const QByteArray& text, const QByteArray& prefix, bool cjk)
{
    const char* data = text.constData();
    const qsizetype size = text.size();
    qsizetype lineStart = 0;
    int column = 0;
    const auto breakBefore = [&](qsizetype at, qsizetype lineEnd) {
        out.append(prefix);
        out.append(data + lineStart, lineEnd - lineStart);
        out.append("\r\n", 2);
        lineStart = at;
        column = 0;
    };
    if (cjk) {
        for (qsizetype i = 0; i < size;) {
            const auto lead = static_cast<uchar>(data[i]);
            const qsizetype length = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
            const int columns = length >= 3 ? 2 : 1;
            if (column + columns > kTextWidth) {
                breakBefore(i, i);
            }
            column += columns;
            i += length;
        }
    } else {
        for (qsizetype i = 0; i < size;) {
            const char* space =
                static_cast<const char*>(std::memchr(data + i, ' ', static_cast<std::size_t>(size - i)));
            const qsizetype end = space ? space - data : size;
            const int chars = utf8Length(data + i, end - i);
            if (column > 0 && column + 1 + chars > kTextWidth) {
                breakBefore(i, i - 1);
            }
            column += (column > 0 ? 1 : 0) + chars;
            i = end + 1;
        }
    }
    out.append(prefix);
    out.append(data + lineStart, size - lineStart);
}

QByteArray htmlEscaped(const QByteArray& text)
{
    if (std::none_of(text.cbegin(), text.cend(), [](char c) { return c == '&' || c == '<' || c == '>' || c == '"'; })) {
        return text;
    }
    QByteArray out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace

Person drawPerson(DeterministicRandom& random, bool wantNonAscii)
{
    const MailWords::Name* first = &pick(random, MailWords::firstNames);
    const MailWords::Name* last = &pick(random, MailWords::lastNames);
    for (int tries = 0; wantNonAscii && tries < 16 && isAscii(bytesOf(first->display) + bytesOf(last->display));
         ++tries) {
        first = &pick(random, MailWords::firstNames);
        last = &pick(random, MailWords::lastNames);
    }
    Person person;
    person.display = bytesOf(first->display) + ' ' + bytesOf(last->display);
    const QByteArray f = bytesOf(first->ascii);
    const QByteArray l = bytesOf(last->ascii);
    switch (random.below(4)) {
    case 0:
        person.address = f + '.' + l;
        break;
    case 1:
        person.address = f.left(1) + '.' + l;
        break;
    case 2:
        person.address = l + '.' + f;
        break;
    default:
        person.address = f + l.left(1);
        break;
    }
    person.address += '@' + bytesOf(pick(random, MailWords::domains));
    return person;
}

Person owner()
{
    return {QByteArrayLiteral("Alex Test"), QByteArrayLiteral("test@example.test")};
}

// The form mail clients write: bare address, "Last, First" quoted, plain
// atoms, or an RFC 2047 encoded name; raw UTF-8 only when asked to be broken.
QByteArray formatMailbox(DeterministicRandom& random, const Person& person, bool raw8bit)
{
    const QByteArray angle = " <" + person.address + '>';
    const double style = random.unit();
    if (person.display.isEmpty() || (style < 0.08 && !raw8bit)) {
        return person.address;
    }
    if (raw8bit || isAscii(person.display)) {
        if (style < 0.22) {
            const qsizetype space = person.display.lastIndexOf(' ');
            return '"' + person.display.mid(space + 1) + ", " + person.display.left(space) + '"' + angle;
        }
        return person.display.contains('\'') ? '"' + person.display + '"' + angle : person.display + angle;
    }
    const QString name = QString::fromUtf8(person.display);
    if (style < 0.35 && isLatin1(name)) {
        return encodeWords(name, Charset::Latin1, 'Q', 6) + angle;
    }
    return encodeWords(name, Charset::Utf8, style < 0.7 ? 'Q' : 'B', 6) + angle;
}

Prose drawProse(DeterministicRandom& random,
                Language language,
                bool windows1252,
                const Person& sender,
                const Person& recipient,
                bool reply,
                int quoteDepth,
                const QDateTime& quotedDate)
{
    Prose prose;
    prose.language = language;
    const QByteArray firstName = recipient.display.left(recipient.display.indexOf(' '));
    switch (language) {
    case Language::English:
        prose.greeting = random.chance(0.2) ? QByteArrayLiteral("Hi all,")
                                            : (random.chance(0.5) ? "Hi " : "Dear ") + firstName + ',';
        break;
    case Language::German:
        prose.greeting =
            random.chance(0.3) ? QByteArrayLiteral("Liebe Kolleginnen und Kollegen,") : "Hallo " + firstName + ',';
        break;
    case Language::French:
        prose.greeting = "Bonjour " + firstName + ',';
        break;
    case Language::Russian:
        prose.greeting = QByteArrayLiteral("Добрый день!");
        break;
    case Language::Japanese:
        prose.greeting = QByteArrayLiteral("お疲れ様です。");
        break;
    case Language::Chinese:
        prose.greeting = QByteArrayLiteral("您好！");
        break;
    }

    // Mostly short mail with a long tail, as in a real mailbox.
    const double length = random.unit();
    const int paragraphs = 5 + static_cast<int>(random.below(7)) + static_cast<int>(18.0 * length * length * length);
    for (int i = 0; i < paragraphs; ++i) {
        prose.paragraphs.append(paragraph(random, language, windows1252));
    }

    switch (language) {
    case Language::English:
        prose.closing = {random.chance(0.5) ? QByteArrayLiteral("Best regards,") : QByteArrayLiteral("Thanks,"),
                         sender.display};
        break;
    case Language::German:
        prose.closing = {random.chance(0.5) ? QByteArrayLiteral("Viele Grüße")
                                            : QByteArrayLiteral("Mit freundlichen Grüßen"),
                         sender.display};
        break;
    case Language::French:
        prose.closing = {QByteArrayLiteral("Cordialement,"), sender.display};
        break;
    case Language::Russian:
        prose.closing = {QByteArrayLiteral("С уважением,"), QByteArrayLiteral("Иван Петров")};
        break;
    case Language::Japanese:
        prose.closing = {QByteArrayLiteral("山田 太郎")};
        break;
    case Language::Chinese:
        prose.closing = {QByteArrayLiteral("此致"), QByteArrayLiteral("王伟")};
        break;
    }
    if (!isCjk(language) && language != Language::Russian && random.chance(0.5)) {
        prose.closing += QByteArrayLiteral("-- ");
        prose.closing += sender.display;
        append(prose.closing.emplaceBack(), pick(random, MailWords::companies));
        prose.closing += "Tel. +49 89 " + QByteArray::number(random.between(1000000, 9999999));
        prose.closing += "https://www." + sender.address.mid(sender.address.indexOf('@') + 1) + '/';
    }
    if (!isCjk(language) && language != Language::Russian && random.chance(0.35)) {
        prose.disclaimer =
            bytesOf(language == Language::German ? MailWords::germanDisclaimer : MailWords::englishDisclaimer);
    }

    if (reply) {
        // Legacy charsets other than Latin-1 cannot spell every name.
        const QByteArray who = language == Language::English || language == Language::German
            ? recipient.display + " <" + recipient.address + '>'
            : '<' + recipient.address + '>';
        const QByteArray when = rfc5322Date(quotedDate, 0);
        prose.quoteIntro = (language == Language::German ? "Am " + when + " schrieb " + who + ':'
                                                         : "On " + when + ", " + who + " wrote:");
        // Whole threads get quoted, so deeper replies carry more history.
        const int quotedParagraphs = 2 + static_cast<int>(random.below(5)) + std::min(quoteDepth, 6) * 2;
        for (int i = 0; i < quotedParagraphs; ++i) {
            prose.quoted.append(paragraph(random, language, windows1252));
        }
        prose.nestedQuote = quoteDepth > 1;
    }
    return prose;
}

QByteArray renderPlain(const Prose& prose)
{
    const bool cjk = isCjk(prose.language);
    QByteArray out;
    out.reserve(4096);
    appendWrapped(out, prose.greeting, {}, cjk);
    out += "\r\n\r\n";
    for (const QByteArray& text : prose.paragraphs) {
        appendWrapped(out, text, {}, cjk);
        out += "\r\n\r\n";
    }
    for (const QByteArray& line : prose.closing) {
        out += line + "\r\n";
    }
    if (!prose.disclaimer.isEmpty()) {
        out += "\r\n";
        appendWrapped(out, prose.disclaimer, {}, false);
        out += "\r\n";
    }
    if (!prose.quoteIntro.isEmpty()) {
        out += "\r\n";
        appendWrapped(out, prose.quoteIntro, {}, false);
        out += "\r\n";
        for (qsizetype i = 0; i < prose.quoted.size(); ++i) {
            if (i > 0) {
                out += ">\r\n";
            }
            const bool nested = prose.nestedQuote && i + 1 == prose.quoted.size();
            appendWrapped(out, prose.quoted.at(i), nested ? QByteArrayLiteral("> > ") : QByteArrayLiteral("> "), cjk);
            out += "\r\n";
        }
    }
    return out;
}

// Two house styles: Gmail's lean markup and Outlook's verbose one, which is
// where much of real mail's HTML weight comes from.
QByteArray renderHtml(DeterministicRandom& random, const Prose& prose, const QByteArray& imageCid)
{
    const bool outlook = random.chance(0.5);
    const QByteArray open = outlook ? QByteArrayLiteral("<p class=\"MsoNormal\"><span style=\"font-size:11.0pt;"
                                                        "font-family:&quot;Calibri&quot;,sans-serif;color:#1F497D\">")
                                    : QByteArrayLiteral("<div>");
    const QByteArray close = outlook ? QByteArrayLiteral("</span></p>") : QByteArrayLiteral("</div>");
    const QByteArray blank = outlook ? QByteArrayLiteral("<p class=\"MsoNormal\"><span style=\"font-size:11.0pt\">"
                                                         "&nbsp;</span></p>")
                                     : QByteArrayLiteral("<div><br></div>");
    QByteArray out;
    out.reserve(8192);
    out += "<html><head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\r\n";
    if (outlook) {
        out += "<style><!--\r\n@font-face {font-family:\"Calibri\"; panose-1:2 15 5 2 2 2 4 3 2 4;}\r\n"
               "p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt; "
               "font-family:\"Calibri\",sans-serif;}\r\na:link, span.MsoHyperlink {mso-style-priority:99; "
               "color:#0563C1; text-decoration:underline;}\r\n.MsoChpDefault {mso-style-type:export-only; "
               "font-size:10.0pt;}\r\n@page WordSection1 {size:612.0pt 792.0pt; margin:70.85pt 70.85pt 2.0cm "
               "70.85pt;}\r\ndiv.WordSection1 {page:WordSection1;}\r\n--></style>\r\n</head>\r\n"
               "<body lang=\"DE\" link=\"#0563C1\" vlink=\"#954F72\" style=\"word-wrap:break-word\">\r\n"
               "<div class=\"WordSection1\">\r\n";
    } else {
        out += "</head>\r\n<body>\r\n<div dir=\"ltr\">\r\n";
    }
    const auto block = [&](const QByteArray& text) {
        out += open;
        appendWrapped(out, htmlEscaped(text), {}, isCjk(prose.language));
        out += close + "\r\n";
    };
    block(prose.greeting);
    out += blank + "\r\n";
    for (const QByteArray& text : prose.paragraphs) {
        block(text);
        out += blank + "\r\n";
    }
    if (!imageCid.isEmpty()) {
        out += "<div><img src=\"cid:" + imageCid + "\" alt=\"logo\" style=\"max-width:100%\"></div>\r\n";
    }
    for (const QByteArray& line : prose.closing) {
        block(line);
    }
    if (!prose.disclaimer.isEmpty()) {
        out += "<div style=\"font-size:8pt;color:#808080\">";
        appendWrapped(out, htmlEscaped(prose.disclaimer), {}, false);
        out += "</div>\r\n";
    }
    if (!prose.quoteIntro.isEmpty()) {
        out += "<div class=\"gmail_quote\">";
        block(prose.quoteIntro);
        out += "<blockquote style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);"
               "padding-left:1ex\">\r\n";
        for (const QByteArray& text : prose.quoted) {
            block(text);
        }
        out += "</blockquote></div>\r\n";
    }
    out += outlook ? "</div>\r\n</body>\r\n</html>\r\n" : "</div>\r\n</body></html>\r\n";
    return out;
}

} // namespace MailGen
