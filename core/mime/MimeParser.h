#pragma once

#include "ParsedMessage.h"

#include <QByteArray>
#include <QDateTime>

// Parsing raw RFC 5322 messages with vmime. Nothing here throws: a message
// that cannot be parsed comes back with status Failed and whatever could be
// read, because the archive stores every message, parseable or not.
namespace MimeParser {

// `fallbackDate` (the server's INTERNALDATE) is used when the Date header is
// missing, unparsable, or absurd (before 1971 or more than a day ahead of now).
// With `maxBodyChars` >= 0 a text/plain body may be decoded only in part:
// bodyText is then a start of the whole body longer than `maxBodyChars` (or
// all of it), and the snippet is made from that start. Everything else,
// problems included, is as in a whole parse. For the search index, which
// takes only the start of a body (SearchIndexEntry), so that a 300 MB text
// body is not held as 600 MB of UTF-16.
ParsedMessage parse(const QByteArray& raw, const QDateTime& fallbackDate, qsizetype maxBodyChars = -1);

// The HTML body, if any (decoded to UTF-8 from its charset); for the viewer.
QString htmlBody(const QByteArray& raw);

// The decoded content of the part at `partPath` (as in AttachmentInfo).
// Returns false when there is no such part.
bool partContent(const QByteArray& raw, const QString& partPath, QByteArray* content);

// Plain text from HTML: drops scripts, styles and tags, keeps line breaks at
// block elements, decodes entities.
QString htmlToText(const QString& html);

} // namespace MimeParser
