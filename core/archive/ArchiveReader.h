#pragma once

#include "ArchiveTypes.h"
#include "CompressionDictionary.h"
#include "MessageListStatement.h"
#include "mime/ParsedMessage.h"
#include "search/SearchQuery.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <optional>

struct FolderSummary
{
    qint64 id = 0;
    qint64 sourceId = 0;
    QString sourceName;
    QString path;
    qint64 messageCount = 0; // archived locations in this folder
    quint32 lastUid = 0;
    qint64 serverCount = -1; // MESSAGES when last seen, -1 unknown
    qint64 archivedOfServer = -1; // of those, archived at the last check; -1 never checked
    QDateTime verifiedAt; // when completeness was last proved
    // Set on a folder the server renumbered (new UIDVALIDITY): it holds the
    // old numbering's locations, kept so no message becomes unreachable.
    QDateTime retiredAt;
    quint32 uidValidity = 0;
    QString lastError; // why the last pass could not read the folder
    QList<MessageFailure> failures; // messages the last pass could not archive (first 20 by UID)
    qint64 failureCount = 0;

    bool isRetired() const { return retiredAt.isValid(); }
    // Every UID the server listed at the last check is archived, and the
    // folder itself could be read.
    bool isComplete() const;
    // "complete", "complete except 1 message (UID 3: …)", "2 missing",
    // "could not be read: …": the same words in Details and `status`.
    QString completenessText() const;
    // The same in a few words, for a table cell: "complete", "1 not
    // archived", "could not be read", "kept from UIDVALIDITY 7"…
    QString completenessSummary() const;
};

struct MessageLocation
{
    qint64 folderId = 0;
    QString folderPath;
    QChar delimiter; // of the folder's server; null for a flat namespace
    qint64 sourceId = 0;
    QString sourceName;
    quint32 uid = 0;
    QString flags;
    QDateTime internalDate;
    bool deletedOnServer = false;
};

// Where a search looks: every message, an account's, or one folder's.
struct SearchScope
{
    QString sourceName; // empty: every source
    QString folderPath; // empty: every folder (of the source, if one is given)
    bool isEverything() const { return sourceName.isEmpty() && folderPath.isEmpty(); }
};

struct MessageSummary
{
    qint64 id = 0;
    QString subject;
    QString fromName;
    QString fromAddress;
    QString recipients;
    QDateTime date;
    qint64 size = 0;
    bool hasAttachments = false;
    QString snippet;
    QString messageIdHeader;
    ParsedMessage::Status parseStatus = ParsedMessage::Status::Ok;
};

// Keyset pagination: where the previous page ended (its sort key and id).
// The first page has none. Fast on page 1,000 of a million because it seeks
// in an index (or a sorted scan) instead of counting past an OFFSET.
struct PageCursor
{
    QVariant key; // the last row's sort key: its date (Unix seconds), sender, subject or size
    qint64 id = 0;
    bool isStart() const;
};

struct MessagePage
{
    QList<MessageSummary> messages;
    PageCursor next; // pass to get the following page
    bool atEnd = true;
    QString error; // the archive could not be read (locked, damaged); empty when it was
};

// Which messages a list shows, and in which order.
struct MessageListQuery
{
    enum class Scope {
        All, // every message once
        Source, // every message a source holds, once
        Folder, // one folder's messages
        RemovedSources, // every message kept from removed sources, once
    };
    // Relevance: best match first (bm25 over the words a search looks for;
    // `order` is ignored). Without a search, or for a search of operators
    // only, it is Date, newest first.
    enum class Sort { Date, Correspondent, Subject, Size, Relevance };

    Scope scope = Scope::All;
    qint64 id = 0; // the source or folder
    Sort sort = Sort::Date;
    Qt::SortOrder order = Qt::DescendingOrder; // newest first
    // Correspondent means the recipients rather than the sender (a Sent
    // folder lists whom the mail went to).
    bool byRecipients = false;
    // Only the messages this search finds: a valid, non-empty SearchQuery
    // (ArchivePage's search box, the CLI's export --query).
    std::optional<SearchQuery> search;
    // Only what lies in a source and folder named so (the CLI's --source
    // and --folder, which name rather than number them).
    SearchScope within;

    // The sort this query is read in: Relevance only where it can rank.
    Sort effectiveSort() const;
    // A scope's list, newest first.
    static MessageListQuery of(Scope scope, qint64 id = 0);
};

// A folder as the archive browser's tree shows it.
struct FolderEntry
{
    qint64 id = 0;
    qint64 sourceId = 0;
    QString sourceName;
    bool sourceRemoved = false;
    bool sourceLocal = false; // mail imported from files (IngestionSource::isLocal)
    QString path; // for people (decoded)
    QString delimiter; // the server's hierarchy delimiter, may be empty
    QString specialUse; // "\\Sent", … when the server said so
    qint64 messageCount = 0;
    bool retired = false;
    quint32 uidValidity = 0;
};

// The read side of the archive, for the browser, the CLI and verify.

class ArchiveReader
{
public:
    explicit ArchiveReader(QSqlDatabase db);

    // Every folder of every source (removed ones last) with its count, for
    // the browser's tree.
    QList<FolderEntry> folderEntries() const;

    // Every folder with its archived count, by source then path. sourceId 0: all.
    QList<FolderSummary> folders(qint64 sourceId = 0) const;

    // One page of a list, after `after`. The strategy is for tests, which
    // check both ways of reading a narrow list (MessageListStatement).
    MessagePage page(const MessageListQuery& list,
                     const PageCursor& after,
                     int limit,
                     MessageListStatement::Strategy strategy = MessageListStatement::Strategy::Auto) const;
    // The same, newest first.
    MessagePage folderPage(qint64 folderId, const PageCursor& after, int limit) const;
    MessagePage sourcePage(qint64 sourceId, const PageCursor& after, int limit) const;
    MessagePage allPage(const PageCursor& after, int limit) const;

    std::optional<MessageSummary> message(qint64 messageId) const;
    // The message whose raw bytes have this SHA-256 (32 bytes); 0 if none.
    qint64 messageIdForSha256(const QByteArray& sha256) const;
    // The SHA-256 of a message's raw bytes (32 bytes); empty if none.
    QByteArray sha256Of(qint64 messageId) const;
    QList<MessageLocation> locations(qint64 messageId) const;
    QList<AttachmentInfo> attachments(qint64 messageId) const;

    // The exact bytes as received.
    bool rawMessage(qint64 messageId, QByteArray* raw, QString* error) const;
    // Derived from the raw bytes on demand: nothing of it is stored twice.
    QString bodyText(qint64 messageId) const;
    QString htmlBody(qint64 messageId) const;
    bool attachmentContent(qint64 messageId, const QString& partPath, QByteArray* content, QString* error) const;

    // Search in the language of SearchQuery (words, phrases, from:, date:, …),
    // newest first, within `scope`. A query that cannot be read gives no ids
    // and its reason in words in `error`; so does a blank one.
    QList<qint64>
    search(const QString& query, int limit, QString* error = nullptr, const SearchScope& scope = {}) const;
    QList<qint64>
    search(const SearchQuery& query, int limit, QString* error = nullptr, const SearchScope& scope = {}) const;

    // How many messages a list holds, counting at most `cap` + 1: a result
    // above `cap` is "more than cap" (counting a common word in a million
    // messages would keep the user waiting for a number).
    qint64 count(const MessageListQuery& list, qint64 cap) const;

    // For each message, a line of its body around the first of `terms`
    // (SearchHighlighter) — what a search result shows under its subject.
    // A message whose body holds none of them (it matched by subject,
    // sender or attachment name) is left out: its stored snippet serves.
    QHash<qint64, QString> matchExcerpts(const QList<qint64>& ids, const QStringList& terms, int width) const;

    qint64 messageCount() const;

    // The connection it reads through (read-only in the query runner), for
    // the other read helpers: SourceStatistics, SourceRepository::find, EventLog::recent.
    QSqlDatabase database() const;

private:
    QSqlDatabase m_db;
    mutable QHash<qint64, SharedDictionary> m_dictionaries;
};
