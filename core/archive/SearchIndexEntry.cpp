#include "SearchIndexEntry.h"

#include "mime/MimeParser.h"
#include "mime/ParsedMessage.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace {

QString joinAddresses(const QList<MailAddress>& addresses)
{
    QStringList parts;
    parts.reserve(addresses.size());
    for (const MailAddress& address : addresses) {
        parts << address.toDisplayString();
    }
    return parts.join(QStringLiteral(", "));
}

// Qt binds a null QString as SQL NULL; an empty string and NULL index the
// same, but one form everywhere keeps the two statements identical.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

QString SearchIndexEntry::indexedBody(const QString& body)
{
    if (body.size() <= IndexedBodyChars) {
        return body;
    }
    qsizetype end = IndexedBodyChars;
    if (body.at(end - 1).isHighSurrogate()) {
        --end;
    }
    // Trailing white space goes, so that a start of the body cut anywhere
    // past the limit, or the body with its own trailing white space already
    // trimmed (MimeParser does), gives the very same text.
    while (end > 0 && body.at(end - 1).isSpace()) {
        --end;
    }
    return body.left(end);
}

SearchIndexEntry SearchIndexEntry::fromParsed(const ParsedMessage& parsed, BodyRule rule)
{
    QStringList names;
    for (const AttachmentInfo& attachment : parsed.attachments) {
        if (!attachment.fileName.isEmpty()) {
            names << attachment.fileName;
        }
    }
    SearchIndexEntry entry;
    entry.subject = text(parsed.subject);
    entry.sender = text(parsed.from.toDisplayString());
    entry.recipients = text(joinAddresses(parsed.to + parsed.cc + parsed.bcc));
    entry.body = text(rule == BodyRule::Prefix ? indexedBody(parsed.bodyText) : parsed.bodyText);
    entry.attachmentNames = text(names.join(QLatin1Char(' ')));
    return entry;
}

SearchIndexEntry SearchIndexEntry::fromRaw(const QByteArray& raw, BodyRule rule)
{
    const qsizetype bodyChars = rule == BodyRule::Prefix ? IndexedBodyChars : -1;
    return fromParsed(MimeParser::parse(raw, QDateTime(), bodyChars), rule);
}

QString SearchIndexEntry::insertStatement()
{
    return QStringLiteral("INSERT INTO message_fts (rowid, subject, sender, recipients, body, attachment_names) "
                          "VALUES (?, ?, ?, ?, ?, ?)");
}

QString SearchIndexEntry::deleteStatement()
{
    return QStringLiteral(
        "INSERT INTO message_fts (message_fts, rowid, subject, sender, recipients, body, attachment_names) "
        "VALUES ('delete', ?, ?, ?, ?, ?, ?)");
}

void SearchIndexEntry::bind(QSqlQuery& query, qint64 rowid) const
{
    query.addBindValue(rowid);
    query.addBindValue(subject);
    query.addBindValue(sender);
    query.addBindValue(recipients);
    query.addBindValue(body);
    query.addBindValue(attachmentNames);
}
