#include "MessageDocument.h"

#include "mime/HtmlSanitizer.h"
#include "mime/MimeParser.h"

namespace {

void prepare(MessageDocument* document, const QByteArray& raw, const QDateTime& fallbackDate)
{
    document->rawSize = raw.size();
    document->parsed = MimeParser::parse(raw, fallbackDate);
    const QString html = MimeParser::htmlBody(raw);
    document->hasHtml = !html.isEmpty();
    if (document->hasHtml) {
        SanitizedHtml sanitized = HtmlSanitizer::sanitize(html);
        document->html = std::move(sanitized.html);
        document->blockedRemoteImages = sanitized.blockedRemoteImages;
        document->htmlTruncated = sanitized.truncated;
        qint64 budget = MessageDocument::MaxInlineImageBytes;
        for (const QString& contentId : std::as_const(sanitized.contentIds)) {
            for (const AttachmentInfo& part : std::as_const(document->parsed.attachments)) {
                if (part.contentId.compare(contentId, Qt::CaseInsensitive) != 0
                    || !part.mimeType.startsWith(QStringLiteral("image/")) || part.size > budget) {
                    continue;
                }
                QByteArray content;
                if (MimeParser::partContent(raw, part.partPath, &content)) {
                    budget -= content.size();
                    document->inlineImages.insert(contentId.toLower(), content);
                }
                break;
            }
        }
    }
}

} // namespace

MessageDocument MessageDocument::load(const ArchiveReader& reader, qint64 messageId)
{
    MessageDocument document;
    document.id = messageId;
    QByteArray raw;
    if (!reader.rawMessage(messageId, &raw, &document.error)) {
        return document;
    }
    const std::optional<MessageSummary> summary = reader.message(messageId);
    prepare(&document, raw, summary ? summary->date : QDateTime());
    document.locations = reader.locations(messageId);
    return document;
}

MessageDocument MessageDocument::fromRaw(QByteArray raw)
{
    MessageDocument document;
    prepare(&document, raw, {});
    document.raw = std::move(raw);
    return document;
}
