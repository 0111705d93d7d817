#include "MimeParser.h"

#include "MimeFields.h"
#include "MimeStructure.h"
#include "MimeText.h"

#include <cctype>
#include <cstring>
#include <exception>

// The MIME structure is found by our own boundary scan (MimeStructure) and
// only headers and the text parts shown and searched are decoded; vmime
// decodes RFC 2047 words and converts charsets. Parsing the whole message
// with vmime costs about four times the target of the import path, mostly
// in copying and walking attachment bodies that the archive only describes.
namespace MimeParser {

namespace {

using namespace MimeDetail;

constexpr qsizetype SnippetLength = 200;

// Messages with bare CR line ends (old Mac mailers) get a copy with LF, the
// only line end the structure scan looks for. Returns the bytes to scan.
QByteArrayView withLineFeeds(const QByteArray& raw, QByteArray* copy, Problems* problems)
{
    if (std::memchr(raw.constData(), '\n', static_cast<size_t>(raw.size())) == nullptr && raw.contains('\r')) {
        *copy = raw;
        copy->replace('\r', '\n');
        problems->add(Tr::tr("The message uses bare CR line ends."));
        return *copy;
    }
    return raw;
}

struct PartRole
{
    bool isBody = false; // a text/plain or text/html candidate for the body
    AttachmentInfo attachment;
};

QString sanitizedFileName(QString name)
{
    for (QChar& c : name) {
        if (c == u'/' || c == u'\\' || c.unicode() < 0x20 || c == u':') {
            c = u'_';
        }
    }
    return name.simplified().left(150);
}

QString nestedMessageName(const MimeStructure& structure, const MimePart& part)
{
    // Defects of the attached message are not defects of this one.
    Problems nestedProblems;
    const QByteArrayView body = structure.body(part);
    const QByteArray encoding = structure.transferEncoding(part);
    QByteArray decoded;
    QByteArrayView message = body;
    if (encoding == "base64" || encoding == "quoted-printable") {
        // Only the header is needed: decode a bounded start of the body.
        decoded = decodeTransfer(body.first(std::min<qsizetype>(body.size(), 256 * 1024)), encoding);
        message = decoded;
    }
    const HeaderBlock header = parseHeaderBlock(message.data(), 0, message.size(), &nestedProblems);
    const QString subject = sanitizedFileName(decodeHeaderText(header.value("Subject"), &nestedProblems));
    return (subject.isEmpty() ? QStringLiteral("message") : subject) + QStringLiteral(".eml");
}

PartRole classify(const MimeStructure& structure, const MimePart& part, Problems* problems)
{
    PartRole role;
    const ParameterizedValue disposition = parseParameterized(part.header.value("Content-Disposition"));
    QString fileName = disposition.param("filename", problems);
    if (fileName.isEmpty()) {
        fileName = part.contentType.param("name", problems);
    }
    const bool isTextBody = part.mimeType == "text/plain" || part.mimeType == "text/html";
    if (!part.isMessage && isTextBody && disposition.value != "attachment" && fileName.isEmpty()) {
        role.isBody = true;
        return role;
    }
    AttachmentInfo& info = role.attachment;
    info.partPath = part.path;
    info.mimeType = QString::fromLatin1(part.mimeType);
    info.size = part.bodySize();
    info.fileName = fileName.isEmpty() && part.isMessage ? nestedMessageName(structure, part) : fileName;
    QByteArray contentId = part.header.value("Content-ID");
    contentId.removeIf([](char c) { return c == ' ' || c == '\t'; });
    if (contentId.startsWith('<') && contentId.endsWith('>')) {
        contentId = contentId.mid(1, contentId.size() - 2);
    }
    info.contentId = decodeUnlabelled(contentId);
    const bool inRelated = part.parent >= 0 && structure.parts()[part.parent].mimeType == "multipart/related";
    info.isInline = disposition.value == "inline" || (!contentId.isEmpty() && inRelated);
    return role;
}

// A charset named only in the HTML itself (<meta charset=...>).
QByteArray htmlMetaCharset(QByteArrayView html)
{
    const QByteArray head = html.first(std::min<qsizetype>(html.size(), 4096)).toByteArray().toLower();
    const qsizetype at = head.indexOf("charset=");
    if (at < 0) {
        return {};
    }
    qsizetype i = at + 8;
    while (i < head.size() && (head[i] == '"' || head[i] == '\'' || head[i] == ' ')) {
        ++i;
    }
    const qsizetype start = i;
    while (i < head.size()
           && (std::isalnum(static_cast<unsigned char>(head[i])) || head[i] == '-' || head[i] == '_' || head[i] == ':'
               || head[i] == '.')) {
        ++i;
    }
    return head.mid(start, i - start);
}

// The part's text; with `maxChars` >= 0 possibly only its start (more than
// `maxChars` characters of it, *cut set), as decodeTextStart() says.
QString decodeTextPart(const MimeStructure& structure,
                       const MimePart& part,
                       Problems* problems,
                       qsizetype maxChars = -1,
                       bool* cut = nullptr)
{
    // Bodies in 7bit/8bit are read in place, not copied.
    const QByteArray encoding = structure.transferEncoding(part);
    QByteArray decoded;
    QByteArrayView bytes = structure.body(part);
    if (encoding == "base64" || encoding == "quoted-printable") {
        bool garbage = false;
        decoded = decodeTransfer(bytes, encoding, &garbage);
        bytes = decoded;
        if (garbage) {
            problems->add(Tr::tr("A text part holds invalid base64 data."));
        }
    }
    QByteArray charset = part.contentType.rawParam("charset");
    if (charset.isEmpty() && part.mimeType == "text/html") {
        charset = htmlMetaCharset(bytes);
    }
    if (bytes.contains('\0')) {
        problems->add(Tr::tr("NUL bytes in the text were removed."));
    }
    if (maxChars >= 0 && cut) {
        return decodeTextStart(bytes, charset, problems, maxChars, cut);
    }
    return normalizeLineBreaks(decodeCharset(bytes, charset, problems));
}

bool isWideScript(QChar c)
{
    // CJK ideographs, kana and their punctuation and full-width forms; not
    // Hangul, which separates words with spaces.
    const char16_t u = c.unicode();
    return (u >= 0x2E80 && u < 0xA000 && u != 0x3000) || (u >= 0xF900 && u < 0xFB00) || (u >= 0xFF00 && u < 0xFFF0);
}

QString makeSnippet(const QString& text)
{
    // Quoted lines ("> ...") and the "... wrote:" line before them repeat an
    // earlier message: left out when anything else is there.
    const auto collect = [&text](bool skipQuoted) {
        QString out;
        qsizetype pos = 0;
        while (pos < text.size() && out.size() < SnippetLength * 2) {
            qsizetype end = text.indexOf(u'\n', pos);
            if (end < 0) {
                end = text.size();
            }
            const QString line = text.mid(pos, end - pos).trimmed();
            pos = end + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (skipQuoted) {
                if (line.startsWith(u'>')) {
                    continue;
                }
                if (line.endsWith(u':')) {
                    qsizetype next = pos;
                    while (next < text.size() && text.at(next).isSpace()) {
                        ++next;
                    }
                    if (next < text.size() && text.at(next) == u'>') {
                        continue;
                    }
                }
            }
            // Lines of Chinese or Japanese text wrap without spaces between words.
            if (!out.isEmpty() && !(isWideScript(out.back()) && isWideScript(line.front()))) {
                out += u' ';
            }
            out += line;
        }
        return out.simplified();
    };
    QString snippet = collect(true);
    if (snippet.isEmpty()) {
        snippet = collect(false);
    }
    if (snippet.size() <= SnippetLength) {
        return snippet;
    }
    qsizetype cut = snippet.lastIndexOf(u' ', SnippetLength);
    if (cut < SnippetLength * 3 / 5) {
        cut = SnippetLength;
        if (snippet.at(cut - 1).isHighSurrogate()) {
            --cut;
        }
    }
    return snippet.left(cut).trimmed();
}

void chooseDate(const HeaderBlock& header, const QDateTime& fallbackDate, ParsedMessage* result, Problems* problems)
{
    const QByteArray value = header.value("Date");
    const QDateTime fromHeader = value.isEmpty() ? QDateTime() : parseMailDate(value);
    const QDateTime earliest(QDate(1971, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime latest = QDateTime::currentDateTimeUtc().addDays(1);
    if (fromHeader.isValid() && fromHeader >= earliest && fromHeader <= latest) {
        result->date = fromHeader;
        result->dateFromHeader = true;
        return;
    }
    problems->add(value.isEmpty()             ? Tr::tr("The message has no Date header.")
                      : !fromHeader.isValid() ? Tr::tr("The Date header could not be read.")
                                              : Tr::tr("The Date header is implausible."));
    if (fallbackDate.isValid()) {
        result->date = fallbackDate.toUTC();
        result->dateFromHeader = false;
    } else if (fromHeader.isValid()) {
        result->date = fromHeader;
        result->dateFromHeader = true;
    } else {
        result->date = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
        result->dateFromHeader = false;
    }
}

QList<MailAddress> addressesOf(const HeaderBlock& header, QByteArrayView name, Problems* problems)
{
    QList<MailAddress> addresses;
    for (const HeaderField& field : header.fields) {
        if (field.name.size() == name.size() && field.name.compare(name, Qt::CaseInsensitive) == 0) {
            addresses += parseAddressList(unfold(field.rawValue), problems);
        }
    }
    return addresses;
}

void trimTrailingSpace(QString& text)
{
    qsizetype end = text.size();
    while (end > 0 && text.at(end - 1).isSpace()) {
        --end;
    }
    text.truncate(end);
}

void parseInto(const QByteArray& raw,
               const QDateTime& fallbackDate,
               qsizetype maxBodyChars,
               ParsedMessage* result,
               Problems* problems)
{
    QByteArray copy;
    const QByteArrayView data = withLineFeeds(raw, &copy, problems);
    const MimeStructure structure(data, false, problems);
    const MimePart& root = structure.parts().constFirst();
    const HeaderBlock& header = root.header;
    if (header.fields.isEmpty()) {
        problems->add(Tr::tr("The message has no header."));
    } else if (std::memchr(data.data(), '\0', static_cast<size_t>(root.bodyBegin)) != nullptr) {
        problems->add(Tr::tr("NUL bytes in the header were removed."));
    }

    result->subject = decodeHeaderText(header.value("Subject"), problems).replace(u'\t', u' ').trimmed();
    QList<MailAddress> from = addressesOf(header, "From", problems);
    if (from.isEmpty()) {
        from = addressesOf(header, "Sender", problems);
    }
    if (!from.isEmpty()) {
        result->from = from.constFirst();
    }
    result->to = addressesOf(header, "To", problems);
    result->cc = addressesOf(header, "Cc", problems);
    result->bcc = addressesOf(header, "Bcc", problems);
    const QStringList messageIds = parseMessageIds(header.value("Message-ID"));
    result->messageId = messageIds.isEmpty() ? QString() : messageIds.constFirst();
    const QStringList inReplyTo = parseMessageIds(header.value("In-Reply-To"));
    result->inReplyTo = inReplyTo.isEmpty() ? QString() : inReplyTo.constFirst();
    result->references = parseMessageIds(header.value("References"));
    chooseDate(header, fallbackDate, result, problems);

    int plainIndex = -1;
    int htmlIndex = -1;
    const QList<MimePart>& parts = structure.parts();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const MimePart& part = parts[i];
        if (part.isMultipart || part.path.isEmpty()) {
            continue;
        }
        PartRole role = classify(structure, part, problems);
        if (!role.isBody) {
            result->attachments.append(std::move(role.attachment));
        } else if (part.mimeType == "text/plain") {
            plainIndex = plainIndex < 0 ? static_cast<int>(i) : plainIndex;
        } else {
            htmlIndex = htmlIndex < 0 ? static_cast<int>(i) : htmlIndex;
        }
    }
    result->hasHtmlBody = htmlIndex >= 0;
    if (plainIndex >= 0) {
        bool cut = false;
        result->bodyText = decodeTextPart(structure, parts[plainIndex], problems, maxBodyChars, &cut);
        trimTrailingSpace(result->bodyText);
        if (cut && result->bodyText.isEmpty()) {
            // A start that is all white space: whether the HTML takes its
            // place depends on the rest, so it is read as a whole parse would.
            result->bodyText = decodeTextPart(structure, parts[plainIndex], problems);
            trimTrailingSpace(result->bodyText);
        }
    }
    // An empty text/plain beside the HTML is a placeholder: the HTML is the body.
    if (htmlIndex >= 0 && result->bodyText.trimmed().isEmpty()) {
        result->bodyText = htmlToText(decodeTextPart(structure, parts[htmlIndex], problems));
    }
    result->snippet = makeSnippet(result->bodyText);
}

// After a failure: what a plain look at the header lines can tell, where
// the parse did not get that far.
void salvage(const QByteArray& raw, ParsedMessage* result)
{
    try {
        Problems ignored;
        qsizetype headerEnd = raw.indexOf("\n\r\n");
        if (headerEnd < 0) {
            headerEnd = raw.indexOf("\n\n");
        }
        const QList<QByteArray> lines =
            raw.left(headerEnd < 0 ? std::min<qsizetype>(raw.size(), 65536) : headerEnd).split('\n');
        for (const QByteArray& line : lines) {
            if (result->subject.isEmpty() && line.size() > 8 && qstrnicmp(line.constData(), "subject:", 8) == 0) {
                result->subject = decodeHeaderText(unfold(line.mid(8)).trimmed(), &ignored);
            } else if (result->from.address.isEmpty() && result->from.name.isEmpty() && line.size() > 5
                       && qstrnicmp(line.constData(), "from:", 5) == 0) {
                result->from.address = decodeUnlabelled(unfold(line.mid(5)).trimmed());
            }
        }
    } catch (...) {
        // Nothing more can be read.
    }
}

} // namespace

ParsedMessage parse(const QByteArray& raw, const QDateTime& fallbackDate, qsizetype maxBodyChars)
{
    ParsedMessage result;
    Problems problems;
    if (raw.isEmpty()) {
        problems.add(Tr::tr("The message is empty."));
        result.status = ParsedMessage::Status::Failed;
    } else {
        try {
            parseInto(raw, fallbackDate, maxBodyChars, &result, &problems);
        } catch (const std::exception& e) {
            problems.add(Tr::tr("The message could not be parsed: %1").arg(QString::fromLocal8Bit(e.what())));
            result.status = ParsedMessage::Status::Failed;
        } catch (...) {
            problems.add(Tr::tr("The message could not be parsed."));
            result.status = ParsedMessage::Status::Failed;
        }
    }
    if (result.status == ParsedMessage::Status::Failed) {
        salvage(raw, &result); // keeps what the parse filled in before it failed
    }
    if (!result.date.isValid()) {
        result.date = fallbackDate.isValid() ? fallbackDate.toUTC() : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
        result.dateFromHeader = false;
    }
    result.problems = problems.list();
    if (result.status == ParsedMessage::Status::Ok && !problems.isEmpty()) {
        result.status = ParsedMessage::Status::Partial;
    }
    return result;
}

QString htmlBody(const QByteArray& raw)
{
    if (raw.isEmpty()) {
        return {};
    }
    try {
        Problems problems;
        QByteArray copy;
        const MimeStructure structure(withLineFeeds(raw, &copy, &problems), false, &problems);
        for (const MimePart& part : structure.parts()) {
            if (part.mimeType == "text/html" && !part.path.isEmpty() && classify(structure, part, &problems).isBody) {
                return decodeTextPart(structure, part, &problems);
            }
        }
    } catch (const std::exception&) {
    } catch (...) {
    }
    return {};
}

bool partContent(const QByteArray& raw, const QString& partPath, QByteArray* content)
{
    if (raw.isEmpty()) {
        return false;
    }
    try {
        Problems problems;
        QByteArray copy;
        const MimeStructure structure(withLineFeeds(raw, &copy, &problems), true, &problems);
        const int index = structure.find(partPath);
        if (index < 0) {
            return false;
        }
        const MimePart& part = structure.parts()[index];
        if (content) {
            *content = decodeTransfer(structure.body(part), structure.transferEncoding(part));
        }
        return true;
    } catch (const std::exception&) {
    } catch (...) {
    }
    return false;
}

} // namespace MimeParser
