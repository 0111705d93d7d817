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
//
// Only the start of a huge body is indexed (IndexedBodyChars): indexing a
// 100 MB body held 621 MB in FTS5 for one message, while words past the
// first few million characters are hardly ever what someone looks for, and
// the message is still found by its subject, sender and those first words.
// Archive format 10 introduced the rule; its migration re-indexed the
// messages indexed whole before (SearchIndexReindex).
struct SearchIndexEntry
{
    // 4 Mi UTF-16 code units, about a 2,000-page book. The index's memory
    // while it takes one message grows with this (about 6 bytes a character,
    // measured), not with the message.
    static constexpr qsizetype IndexedBodyChars = 4 * 1024 * 1024;

    // Whole: what format 9 and earlier indexed, for taking those entries out
    // again. Prefix: what is indexed now.
    enum class BodyRule { Whole, Prefix };

    QString subject;
    QString sender; // "Name <address>"
    QString recipients; // To, Cc and Bcc, "Name <address>, …" (also messages.recipients)
    QString body; // the best text body
    QString attachmentNames; // file names, space separated

    // `parsed` may come from a parse that decoded only the start of the body
    // (MimeParser::parse with IndexedBodyChars): the prefix rule gives the
    // same text for that as for the whole body.
    static SearchIndexEntry fromParsed(const ParsedMessage& parsed, BodyRule rule = BodyRule::Prefix);
    // Parses the raw bytes as MessageStore::prepare() does. The fallback date
    // it passes there changes only the date, which is not indexed.
    static SearchIndexEntry fromRaw(const QByteArray& raw, BodyRule rule = BodyRule::Prefix);

    // The prefix rule: at most IndexedBodyChars code units (one fewer when
    // the cut would split a surrogate pair), without trailing white space.
    // It gives the same text for any start of `body` longer than the limit
    // as for `body` itself, and never changes a body within the limit.
    static QString indexedBody(const QString& body);

    // The statements; both take the row id first, then the values (bind()).
    static QString insertStatement();
    static QString deleteStatement();

    // Binds `rowid` (the message's id) and the five values, in the order both
    // statements expect.
    void bind(QSqlQuery& query, qint64 rowid) const;
};
