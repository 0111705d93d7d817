#include "ArchiveReader.h"

#include "BlobCodec.h"
#include "DictionaryTable.h"
#include "MessageFailureText.h"
#include "MessageListStatement.h"
#include "mime/MimeParser.h"
#include "search/SearchHighlighter.h"
#include "search/SearchQuery.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveReader)
};

const QString SummaryColumns = QStringLiteral(
    "m.id, m.subject, m.from_name, m.from_address, m.recipients, m.date, m.size, m.has_attachments, m.snippet, "
    "m.message_id_header, m.parse_status");
constexpr int SummaryColumnCount = 11;

MessageSummary readSummary(const QSqlQuery& query, int offset = 0)
{
    MessageSummary summary;
    summary.id = query.value(offset + 0).toLongLong();
    summary.subject = query.value(offset + 1).toString();
    summary.fromName = query.value(offset + 2).toString();
    summary.fromAddress = query.value(offset + 3).toString();
    summary.recipients = query.value(offset + 4).toString();
    summary.date = QDateTime::fromSecsSinceEpoch(query.value(offset + 5).toLongLong(), Qt::UTC);
    summary.size = query.value(offset + 6).toLongLong();
    summary.hasAttachments = query.value(offset + 7).toBool();
    summary.snippet = query.value(offset + 8).toString();
    summary.messageIdHeader = query.value(offset + 9).toString();
    summary.parseStatus = static_cast<ParsedMessage::Status>(query.value(offset + 10).toInt());
    return summary;
}

} // namespace

MessageListQuery::Sort MessageListQuery::effectiveSort() const
{
    if (sort == Sort::Relevance && (!search || search->rankingMatch().isEmpty())) {
        return Sort::Date;
    }
    return sort;
}

MessageListQuery MessageListQuery::of(Scope scope, qint64 id)
{
    MessageListQuery query;
    query.scope = scope;
    query.id = id;
    return query;
}

bool FolderSummary::isComplete() const
{
    return !isRetired() && serverCount >= 0 && archivedOfServer == serverCount && lastError.isEmpty()
        && failureCount == 0;
}

QString FolderSummary::completenessText() const
{
    const QLocale locale;
    if (isRetired()) {
        return Tr::tr("kept from before the server renumbered the folder (UIDVALIDITY %1)").arg(uidValidity);
    }
    if (!lastError.isEmpty()) {
        return Tr::tr("could not be read on the last pass: %1").arg(lastError);
    }
    if (failureCount > 0) {
        return Tr::tr("complete except %n message(s) (%1)", nullptr, static_cast<int>(failureCount))
            .arg(MessageFailureText::namedList(failures, failureCount));
    }
    if (serverCount < 0 || archivedOfServer < 0) {
        return Tr::tr("not checked yet");
    }
    if (isComplete()) {
        return Tr::tr("complete");
    }
    return Tr::tr("%n missing", nullptr, static_cast<int>(serverCount - archivedOfServer));
}

QString FolderSummary::completenessSummary() const
{
    if (isRetired()) {
        return Tr::tr("kept from UIDVALIDITY %1").arg(uidValidity);
    }
    if (!lastError.isEmpty()) {
        return Tr::tr("could not be read");
    }
    if (failureCount > 0) {
        return Tr::tr("%n not archived", nullptr, static_cast<int>(failureCount));
    }
    return completenessText();
}

bool PageCursor::isStart() const
{
    return id == 0 && !key.isValid();
}

ArchiveReader::ArchiveReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QList<FolderEntry> ArchiveReader::folderEntries() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    QList<FolderEntry> result;
    if (!query.exec(QStringLiteral(
            "SELECT f.id, f.source_id, s.name, s.removed_at IS NOT NULL, f.path, coalesce(f.delimiter, ''), "
            "coalesce(f.special_use, ''), (SELECT count(*) FROM locations l WHERE l.folder_id = f.id), "
            "f.retired_at IS NOT NULL, f.uidvalidity, s.provider = 'local' "
            "FROM folders f JOIN sources s ON s.id = f.source_id "
            "ORDER BY s.removed_at IS NOT NULL, s.name COLLATE NOCASE, s.id, f.path, f.retired_at IS NOT NULL, "
            "f.id"))) {
        return result;
    }
    while (query.next()) {
        FolderEntry folder;
        folder.id = query.value(0).toLongLong();
        folder.sourceId = query.value(1).toLongLong();
        folder.sourceName = query.value(2).toString();
        folder.sourceRemoved = query.value(3).toBool();
        folder.path = query.value(4).toString();
        folder.delimiter = query.value(5).toString();
        folder.specialUse = query.value(6).toString();
        folder.messageCount = query.value(7).toLongLong();
        folder.retired = query.value(8).toBool();
        folder.uidValidity = query.value(9).toUInt();
        folder.sourceLocal = query.value(10).toBool();
        result << folder;
    }
    return result;
}

QList<FolderSummary> ArchiveReader::folders(qint64 sourceId) const
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("SELECT f.id, f.source_id, s.name, f.path, "
                       "(SELECT count(*) FROM locations l WHERE l.folder_id = f.id), f.last_uid, f.server_count, "
                       "f.archived_of_server, f.verified_at, f.retired_at, f.uidvalidity, f.last_error, "
                       "(SELECT count(*) FROM message_failures mf WHERE mf.folder_id = f.id) "
                       "FROM folders f JOIN sources s ON s.id = f.source_id "
                       "WHERE ? = 0 OR f.source_id = ? ORDER BY s.name, f.path, f.retired_at IS NOT NULL, f.id"));
    query.addBindValue(sourceId);
    query.addBindValue(sourceId);
    QList<FolderSummary> result;
    if (!query.exec()) {
        return result;
    }
    while (query.next()) {
        FolderSummary folder;
        folder.id = query.value(0).toLongLong();
        folder.sourceId = query.value(1).toLongLong();
        folder.sourceName = query.value(2).toString();
        folder.path = query.value(3).toString();
        folder.messageCount = query.value(4).toLongLong();
        folder.lastUid = query.value(5).toUInt();
        folder.serverCount = query.value(6).isNull() ? -1 : query.value(6).toLongLong();
        folder.archivedOfServer = query.value(7).isNull() ? -1 : query.value(7).toLongLong();
        if (!query.value(8).isNull()) {
            folder.verifiedAt = QDateTime::fromSecsSinceEpoch(query.value(8).toLongLong(), Qt::UTC);
        }
        if (!query.value(9).isNull()) {
            folder.retiredAt = QDateTime::fromSecsSinceEpoch(query.value(9).toLongLong(), Qt::UTC);
        }
        folder.uidValidity = query.value(10).toUInt();
        folder.lastError = query.value(11).toString();
        folder.failureCount = query.value(12).toLongLong();
        result << folder;
    }
    QSqlQuery failures(m_db);
    failures.prepare(QStringLiteral("SELECT uid, size, reason FROM message_failures WHERE folder_id = ? "
                                    "ORDER BY uid LIMIT 20"));
    for (FolderSummary& folder : result) {
        if (folder.failureCount == 0) {
            continue;
        }
        failures.addBindValue(folder.id);
        if (failures.exec()) {
            while (failures.next()) {
                folder.failures << MessageFailure {failures.value(0).toUInt(),
                                                   failures.value(1).isNull() ? -1 : failures.value(1).toLongLong(),
                                                   failures.value(2).toString()};
            }
        }
    }
    return result;
}

MessagePage ArchiveReader::page(const MessageListQuery& list,
                                const PageCursor& after,
                                int limit,
                                MessageListStatement::Strategy strategy) const
{
    const MessageListStatement statement =
        MessageListStatement::build(m_db, SummaryColumns, list, after, limit, strategy);
    MessagePage result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(statement.sql);
    for (const QVariant& binding : statement.bindings) {
        query.addBindValue(binding);
    }
    if (!query.exec()) {
        // SearchQuery never lets the user's text reach SQL or FTS5 syntax;
        // what is left is the archive itself failing (locked, damaged).
        result.error = Tr::tr("The archive could not be read: %1").arg(query.lastError().text());
        return result;
    }
    const int keyColumn = SummaryColumnCount;
    QVariant lastKey;
    while (query.next()) {
        if (result.messages.size() == limit) {
            result.atEnd = false;
            break;
        }
        result.messages << readSummary(query);
        lastKey = query.value(keyColumn);
    }
    if (!result.messages.isEmpty()) {
        result.next.key = lastKey;
        result.next.id = result.messages.last().id;
    }
    return result;
}

MessagePage ArchiveReader::folderPage(qint64 folderId, const PageCursor& after, int limit) const
{
    return page(MessageListQuery::of(MessageListQuery::Scope::Folder, folderId), after, limit);
}

MessagePage ArchiveReader::sourcePage(qint64 sourceId, const PageCursor& after, int limit) const
{
    return page(MessageListQuery::of(MessageListQuery::Scope::Source, sourceId), after, limit);
}

MessagePage ArchiveReader::allPage(const PageCursor& after, int limit) const
{
    return page(MessageListQuery::of(MessageListQuery::Scope::All), after, limit);
}

std::optional<MessageSummary> ArchiveReader::message(qint64 messageId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM messages m WHERE m.id = ?").arg(SummaryColumns));
    query.addBindValue(messageId);
    if (!query.exec() || !query.next()) {
        return std::nullopt;
    }
    return readSummary(query);
}

qint64 ArchiveReader::messageIdForSha256(const QByteArray& sha256) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT m.id FROM blobs b JOIN messages m ON m.blob_id = b.id WHERE b.sha256 = ?"));
    query.addBindValue(sha256);
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

QByteArray ArchiveReader::sha256Of(qint64 messageId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT b.sha256 FROM messages m JOIN blobs b ON b.id = m.blob_id WHERE m.id = ?"));
    query.addBindValue(messageId);
    return query.exec() && query.next() ? query.value(0).toByteArray() : QByteArray();
}

QList<MessageLocation> ArchiveReader::locations(qint64 messageId) const
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("SELECT l.folder_id, f.path, s.name, l.uid, l.flags, l.internal_date, l.server_deleted_at, "
                       "f.delimiter, f.source_id FROM locations l JOIN folders f ON f.id = l.folder_id JOIN sources s "
                       "ON s.id = f.source_id "
                       "WHERE l.message_id = ? ORDER BY s.name, f.path, l.uid"));
    query.addBindValue(messageId);
    QList<MessageLocation> result;
    if (!query.exec()) {
        return result;
    }
    while (query.next()) {
        MessageLocation location;
        location.folderId = query.value(0).toLongLong();
        location.folderPath = query.value(1).toString();
        location.sourceName = query.value(2).toString();
        location.uid = query.value(3).toUInt();
        location.flags = query.value(4).toString();
        if (!query.value(5).isNull()) {
            location.internalDate = QDateTime::fromSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
        }
        location.deletedOnServer = !query.value(6).isNull();
        const QString delimiter = query.value(7).toString();
        location.delimiter = delimiter.isEmpty() ? QChar() : delimiter.at(0);
        location.sourceId = query.value(8).toLongLong();
        result << location;
    }
    return result;
}

QList<AttachmentInfo> ArchiveReader::attachments(qint64 messageId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT part_path, filename, mime_type, size, is_inline, content_id "
                                 "FROM attachments WHERE message_id = ? ORDER BY id"));
    query.addBindValue(messageId);
    QList<AttachmentInfo> result;
    if (!query.exec()) {
        return result;
    }
    while (query.next()) {
        AttachmentInfo attachment;
        attachment.partPath = query.value(0).toString();
        attachment.fileName = query.value(1).toString();
        attachment.mimeType = query.value(2).toString();
        attachment.size = query.value(3).toLongLong();
        attachment.isInline = query.value(4).toBool();
        attachment.contentId = query.value(5).toString();
        result << attachment;
    }
    return result;
}

bool ArchiveReader::rawMessage(qint64 messageId, QByteArray* raw, QString* error) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT b.data, b.compression, b.raw_size, b.dictionary_id FROM messages m "
                                 "JOIN blobs b ON b.id = m.blob_id WHERE m.id = ?"));
    query.addBindValue(messageId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (!query.next()) {
        *error = Tr::tr("There is no message %1 in the archive.").arg(messageId);
        return false;
    }
    QByteArray stored = query.value(0).toByteArray();
    const auto compression = static_cast<BlobCodec::Compression>(query.value(1).toInt());
    const qint64 rawSize = query.value(2).toLongLong();
    const QVariant dictionaryId = query.value(3);
    // Lets go of the row, so that `stored` is the blob's only copy.
    query.finish();
    QString problem;
    const SharedDictionary dictionary = dictionaryId.isNull()
        ? SharedDictionary()
        : DictionaryTable::byId(m_db, dictionaryId.toLongLong(), &m_dictionaries);
    if (!BlobCodec::decompress(std::move(stored), compression, rawSize, raw, &problem, dictionary.get())) {
        *error = Tr::tr("Message %1 cannot be read back: %2").arg(messageId).arg(problem);
        return false;
    }
    return true;
}

QString ArchiveReader::bodyText(qint64 messageId) const
{
    QByteArray raw;
    QString error;
    if (!rawMessage(messageId, &raw, &error)) {
        return {};
    }
    return MimeParser::parse(raw, {}).bodyText;
}

QString ArchiveReader::htmlBody(qint64 messageId) const
{
    QByteArray raw;
    QString error;
    if (!rawMessage(messageId, &raw, &error)) {
        return {};
    }
    return MimeParser::htmlBody(raw);
}

bool ArchiveReader::attachmentContent(qint64 messageId,
                                      const QString& partPath,
                                      QByteArray* content,
                                      QString* error) const
{
    QByteArray raw;
    if (!rawMessage(messageId, &raw, error)) {
        return false;
    }
    if (!MimeParser::partContent(raw, partPath, content)) {
        *error = Tr::tr("Message %1 has no part %2.").arg(messageId).arg(partPath);
        return false;
    }
    return true;
}

QList<qint64> ArchiveReader::search(const QString& text, int limit, QString* error, const SearchScope& scope) const
{
    return search(SearchQuery::parse(text), limit, error, scope);
}

QList<qint64> ArchiveReader::search(const SearchQuery& query, int limit, QString* error, const SearchScope& scope) const
{
    QString ignored;
    error = error ? error : &ignored;
    if (!query.isValid()) {
        *error = query.error();
        return {};
    }
    if (query.isEmpty()) {
        *error = Tr::tr("Type a word, a \"phrase\" or an operator such as from: to search.");
        return {};
    }
    MessageListQuery list;
    list.search = query;
    list.within = scope;
    const MessagePage found = page(list, {}, limit);
    *error = found.error;
    QList<qint64> ids;
    ids.reserve(found.messages.size());
    for (const MessageSummary& message : found.messages) {
        ids << message.id;
    }
    return ids;
}

qint64 ArchiveReader::count(const MessageListQuery& list, qint64 cap) const
{
    // The list's own page statement, cut at cap + 1 rows: in date order,
    // which every list has an index for (ranking would score every match).
    MessageListQuery unordered = list;
    unordered.sort = MessageListQuery::Sort::Date;
    const MessageListStatement statement =
        MessageListStatement::build(m_db, QStringLiteral("m.id"), unordered, {}, static_cast<int>(cap));
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT count(*) FROM (%1)").arg(statement.sql));
    for (const QVariant& binding : statement.bindings) {
        query.addBindValue(binding);
    }
    if (!query.exec() || !query.next()) {
        return 0;
    }
    return query.value(0).toLongLong();
}

QHash<qint64, QString> ArchiveReader::matchExcerpts(const QList<qint64>& ids, const QStringList& terms, int width) const
{
    QHash<qint64, QString> excerpts;
    const SearchHighlighter highlighter(terms);
    if (highlighter.isEmpty()) {
        return excerpts;
    }
    for (const qint64 id : ids) {
        const QString excerpt = highlighter.excerpt(bodyText(id), width);
        if (!excerpt.isEmpty()) {
            excerpts.insert(id, excerpt);
        }
    }
    return excerpts;
}

qint64 ArchiveReader::messageCount() const
{
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT count(*) FROM messages")) && query.next()) {
        return query.value(0).toLongLong();
    }
    return 0;
}

QSqlDatabase ArchiveReader::database() const
{
    return m_db;
}
