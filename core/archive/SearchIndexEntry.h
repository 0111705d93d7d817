#pragma once

#include <QByteArray>
#include <QString>

class QSqlQuery;
struct ParsedMessage;

// What one message puts into the full-text index (message_fts): subject,
// sender, recipients, body and attachment names, as text.
//
// The index is contentless (content=''): it keeps no copy of these values, so
// the only way to take a message out of it again is FTS5's 'delete' command
// with exactly the values it was added with. Wrong values do not fail; they
// leave the old words behind, pointing at an id a later message may reuse.
// That is why adding (MessageStore) and removing (SourcePurge) both derive the
// values here and bind them through bind(). Changing what goes into the index
// therefore needs a migration that rebuilds it, or later removals go wrong.
struct SearchIndexEntry
{
    QString subject;
    QString sender; // "Name <address>"
    QString recipients; // To, Cc and Bcc, "Name <address>, …" (also messages.recipients)
    QString body; // the best text body
    QString attachmentNames; // file names, space separated

    static SearchIndexEntry fromParsed(const ParsedMessage& parsed);
    // Parses the raw bytes as MessageStore::prepare() does. The fallback date
    // it passes there changes only the date, which is not indexed.
    static SearchIndexEntry fromRaw(const QByteArray& raw);

    // The statements; both take the row id first, then the values (bind()).
    static QString insertStatement();
    static QString deleteStatement();

    // Binds `rowid` (the message's id) and the five values, in the order both
    // statements expect.
    void bind(QSqlQuery& query, qint64 rowid) const;
};
