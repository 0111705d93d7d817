#include "MessageStore.h"

#include "Base64Packing.h"
#include "BlobCodec.h"
#include "DictionaryTable.h"
#include "SearchIndexEntry.h"
#include "SqlTransaction.h"
#include "WalCheckpointer.h"
#include "mime/MimeParser.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <utility>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MessageStore)
};

// The first dictionary is trained on the start (headers and first lines) of
// this many small messages.
constexpr int TrainingSamples = 1000;
constexpr qsizetype TrainingSampleSize = 16 * 1024;

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString queryError(const QSqlQuery& query)
{
    return query.lastError().text();
}

// Fills in the stored form of `raw`. The packed copy lives only in here.
// `raw` is taken by value: when the caller moved the only copy in, it is
// let go once packed, so a huge message is held as received bytes and packed
// bytes, then as packed and compressed ones, never all three at once.
void compress(QByteArray raw, const SharedDictionary& dictionary, PreparedMessage* prepared)
{
    using BlobCodec::Compression;
    const bool small = raw.size() < CompressionDictionary::MaxMessageSize;
    const CompressionDictionary* const useDictionary = small ? dictionary.get() : nullptr;
    if (useDictionary) {
        prepared->dictionaryId = dictionary->id();
    } else if (small) {
        prepared->trainingSample = raw.left(TrainingSampleSize);
    }
    // Big messages are mostly attachments; at level 1 their text costs less
    // time for the same size.
    const int level = small ? 3 : 1;
    // Base64 blocks are compressed as the bytes they encode: several times
    // faster, and smaller (Base64Packing.h).
    qsizetype compressedEnd = 0;
    const QByteArray packed = Base64Packing::pack(raw, &compressedEnd);
    if (!packed.isEmpty()) {
        raw = QByteArray();
        prepared->compressed = BlobCodec::compressPacked(packed, compressedEnd, useDictionary, level);
        prepared->compression =
            static_cast<int>(useDictionary ? Compression::PackedZstdDictionary : Compression::PackedZstd);
        return;
    }
    prepared->compressed = useDictionary ? BlobCodec::compress(raw, *useDictionary) : BlobCodec::compress(raw, level);
    prepared->compression = static_cast<int>(useDictionary ? Compression::ZstdDictionary : Compression::Zstd);
}

} // namespace

MessageStore::MessageStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString MessageStore::archivePath() const
{
    return m_db.databaseName();
}

PreparedMessage MessageStore::prepare(FetchedMessage message, const SharedDictionary& dictionary)
{
    PreparedMessage prepared;
    prepared.uid = message.uid;
    prepared.flags = std::move(message.flags);
    prepared.internalDate = message.internalDate;
    prepared.rawSize = message.raw.size();
    prepared.sha256 = BlobCodec::sha256(message.raw);
    // Parsed first, so that compressing can let go of the raw bytes. Only the
    // start of a huge text body is decoded: only that much is indexed.
    prepared.parsed = MimeParser::parse(message.raw, message.internalDate, SearchIndexEntry::IndexedBodyChars);
    compress(std::move(message.raw), dictionary, &prepared);
    return prepared;
}

SharedDictionary MessageStore::dictionary()
{
    if (!m_dictionaryLoaded) {
        m_dictionary = DictionaryTable::latest(m_db);
        m_dictionaryLoaded = true;
    }
    return m_dictionary;
}

void MessageStore::collectSamples(const QList<PreparedMessage>& messages)
{
    if (dictionary()) {
        return;
    }
    for (const PreparedMessage& message : messages) {
        if (!message.trainingSample.isEmpty()) {
            m_samples << message.trainingSample;
        }
    }
    if (m_samples.size() < TrainingSamples) {
        return;
    }
    // Training takes a fraction of a second, once per archive. If it fails
    // (too few distinct samples) the archive simply goes on without.
    const QByteArray trained = CompressionDictionary::train(std::exchange(m_samples, {}));
    QString error;
    if (!trained.isEmpty()) {
        m_dictionary = DictionaryTable::insert(m_db, trained, &error);
    }
}

qint64 MessageStore::ensureSource(const QString& name, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO sources (name, created_at) VALUES (?, strftime('%s','now')) "
                                 "ON CONFLICT (name) DO NOTHING"));
    query.addBindValue(name);
    if (!query.exec()) {
        *error = queryError(query);
        return 0;
    }
    query.prepare(QStringLiteral("SELECT id FROM sources WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec() || !query.next()) {
        *error = queryError(query);
        return 0;
    }
    return query.value(0).toLongLong();
}

qint64 MessageStore::findFolder(qint64 sourceId, const QByteArray& name, QString* error) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id FROM folders WHERE source_id = ? AND name = ? AND retired_at IS NULL"));
    query.addBindValue(sourceId);
    query.addBindValue(name);
    if (!query.exec()) {
        *error = queryError(query);
        return -1;
    }
    return query.next() ? query.value(0).toLongLong() : 0;
}

qint64 MessageStore::ensureFolder(
    qint64 sourceId, const QByteArray& name, const QString& path, const QString& delimiter, QString* error)
{
    // The folder is the server's name, byte for byte; `path` is only how it
    // is shown, and two names may look alike.
    qint64 id = findFolder(sourceId, name, error);
    if (id < 0) {
        return 0;
    }
    QSqlQuery query(m_db);
    if (id == 0) {
        // A row from before names were kept as bytes (format 7) is the
        // same folder when its text matches: it gets its name now.
        query.prepare(QStringLiteral("SELECT id FROM folders WHERE source_id = ? AND name IS NULL AND path = ? "
                                     "AND retired_at IS NULL"));
        query.addBindValue(sourceId);
        query.addBindValue(path);
        if (!query.exec()) {
            *error = queryError(query);
            return 0;
        }
        id = query.next() ? query.value(0).toLongLong() : 0;
    }
    if (id == 0) {
        query.prepare(QStringLiteral("INSERT INTO folders (source_id, name, path, delimiter) VALUES (?, ?, ?, ?)"));
        query.addBindValue(sourceId);
        query.addBindValue(name);
        query.addBindValue(text(path));
        query.addBindValue(delimiter);
        if (!query.exec()) {
            *error = queryError(query);
            return 0;
        }
        return query.lastInsertId().toLongLong();
    }
    query.prepare(QStringLiteral("UPDATE folders SET name = ?, path = ?, delimiter = ? WHERE id = ?"));
    query.addBindValue(name);
    query.addBindValue(text(path));
    query.addBindValue(delimiter);
    query.addBindValue(id);
    if (!query.exec()) {
        *error = queryError(query);
        return 0;
    }
    return id;
}

bool MessageStore::setFolderError(qint64 folderId, const QString& folderError, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE folders SET last_error = ? WHERE id = ?"));
    query.addBindValue(folderError.isEmpty() ? QVariant() : QVariant(folderError));
    query.addBindValue(folderId);
    if (!query.exec()) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(queryError(query));
        return false;
    }
    return true;
}

bool MessageStore::markChecked(qint64 folderId, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE folders SET verified_at = strftime('%s','now') WHERE id = ?"));
    query.addBindValue(folderId);
    if (!query.exec()) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(queryError(query));
        return false;
    }
    return true;
}

FolderCheckpoint MessageStore::checkpoint(qint64 folderId) const
{
    FolderCheckpoint checkpoint;
    checkpoint.folderId = folderId;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT uidvalidity, last_uid, uidnext, highestmodseq, server_count, "
                                 "archived_of_server IS NOT NULL AND archived_of_server = server_count "
                                 "AND last_error IS NULL "
                                 "AND NOT EXISTS (SELECT 1 FROM message_failures WHERE folder_id = folders.id) "
                                 "FROM folders WHERE id = ?"));
    query.addBindValue(folderId);
    if (query.exec() && query.next()) {
        checkpoint.uidValidity = query.value(0).toUInt();
        checkpoint.lastUid = query.value(1).toUInt();
        checkpoint.uidNext = query.value(2).toUInt();
        checkpoint.highestModSeq = query.value(3).toULongLong();
        checkpoint.serverCount = query.value(4).isNull() ? -1 : query.value(4).toLongLong();
        checkpoint.lastPassComplete = query.value(5).toBool();
    }
    return checkpoint;
}

QSet<quint32> MessageStore::archivedUids(qint64 folderId) const
{
    QSet<quint32> uids;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT uid FROM locations WHERE folder_id = ?"));
    query.addBindValue(folderId);
    if (query.exec()) {
        while (query.next()) {
            uids.insert(query.value(0).toUInt());
        }
    }
    return uids;
}

bool MessageStore::recordCompleteness(qint64 folderId,
                                      const QList<quint32>& serverUids,
                                      qint64* archivedOfServer,
                                      QString* error)
{
    const QSet<quint32> onServer(serverUids.cbegin(), serverUids.cend());
    const QSet<quint32> archived = archivedUids(folderId);
    qint64 present = 0;
    for (const quint32 uid : onServer) {
        present += archived.contains(uid) ? 1 : 0;
    }
    SqlTransaction transaction(m_db);
    if (!transaction.isActive()) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(transaction.errorText());
        return false;
    }
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE locations SET server_deleted_at = strftime('%s','now') "
                                 "WHERE folder_id = ? AND uid = ? AND server_deleted_at IS NULL"));
    for (const quint32 uid : archived) {
        if (onServer.contains(uid)) {
            continue;
        }
        query.addBindValue(folderId);
        query.addBindValue(uid);
        if (!query.exec()) {
            *error = Tr::tr("Cannot write to the archive: %1").arg(queryError(query));
            return false;
        }
    }
    // A failure is over once its message is archived or gone from the server.
    query.prepare(QStringLiteral("SELECT uid FROM message_failures WHERE folder_id = ?"));
    query.addBindValue(folderId);
    QList<quint32> settled;
    if (query.exec()) {
        while (query.next()) {
            const quint32 uid = query.value(0).toUInt();
            if (archived.contains(uid) || !onServer.contains(uid)) {
                settled << uid;
            }
        }
    }
    query.prepare(QStringLiteral("DELETE FROM message_failures WHERE folder_id = ? AND uid = ?"));
    for (const quint32 uid : settled) {
        query.addBindValue(folderId);
        query.addBindValue(uid);
        if (!query.exec()) {
            *error = Tr::tr("Cannot write to the archive: %1").arg(queryError(query));
            return false;
        }
    }
    query.prepare(QStringLiteral("UPDATE folders SET archived_of_server = ?, verified_at = strftime('%s','now') "
                                 "WHERE id = ?"));
    query.addBindValue(present);
    query.addBindValue(folderId);
    if (!query.exec() || !transaction.commit()) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(queryError(query) + transaction.errorText());
        return false;
    }
    *archivedOfServer = present;
    return true;
}

bool MessageStore::retireFolder(qint64 folderId, quint32 uidValidity, QString* error)
{
    SqlTransaction transaction(m_db);
    if (!transaction.isActive()) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(transaction.errorText());
        return false;
    }
    // The old numbering's locations move to a retired copy of the folder:
    // a message the server deleted before it renumbered stays reachable,
    // and one it still has is linked again by its content on this pass.
    // A folder that holds nothing yet has nothing to keep.
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM locations WHERE folder_id = ?)"));
    query.addBindValue(folderId);
    if (!query.exec() || !query.next()) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(queryError(query));
        return false;
    }
    const bool keep = query.value(0).toBool();
    query.prepare(QStringLiteral(
        "INSERT INTO folders (source_id, path, name, delimiter, special_use, uidvalidity, uidnext, last_uid, "
        "highestmodseq, server_count, selected, archived_of_server, verified_at, retired_at) "
        "SELECT source_id, path, name, delimiter, special_use, uidvalidity, uidnext, last_uid, highestmodseq, "
        "server_count, selected, archived_of_server, verified_at, strftime('%s','now') FROM folders WHERE id = ?"));
    query.addBindValue(folderId);
    if (keep && (!query.exec() || query.numRowsAffected() != 1)) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(queryError(query));
        return false;
    }
    const qint64 retired = keep ? query.lastInsertId().toLongLong() : 0;
    const std::pair<QString, QVariantList> statements[] = {
        {QStringLiteral("UPDATE locations SET folder_id = ? WHERE folder_id = ?"), {retired, folderId}},
        // Failures name UIDs of the old numbering: they mean nothing now.
        {QStringLiteral("DELETE FROM message_failures WHERE folder_id = ?"), {folderId}},
        {QStringLiteral("UPDATE folders SET uidvalidity = ?, last_uid = 0, uidnext = NULL, highestmodseq = NULL, "
                        "server_count = NULL, archived_of_server = NULL, verified_at = NULL WHERE id = ?"),
         {uidValidity, folderId}},
    };
    for (const auto& [sql, values] : statements) {
        query.prepare(sql);
        for (const QVariant& value : values) {
            query.addBindValue(value);
        }
        if (!query.exec()) {
            *error = Tr::tr("Cannot write to the archive: %1").arg(queryError(query));
            return false;
        }
    }
    if (!transaction.commit()) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(transaction.errorText());
        return false;
    }
    return true;
}

bool MessageStore::prepareStatements(QString* error)
{
    if (m_statementsReady) {
        return true;
    }
    const std::pair<QSqlQuery*, QString> statements[] = {
        {&m_findMessage,
         QStringLiteral("SELECT messages.id FROM blobs JOIN messages ON messages.blob_id = blobs.id "
                        "WHERE blobs.sha256 = ?")},
        {&m_insertBlob,
         QStringLiteral(
             "INSERT INTO blobs (sha256, raw_size, compression, data, dictionary_id) VALUES (?, ?, ?, ?, ?)")},
        {&m_insertMessage,
         QStringLiteral("INSERT INTO messages (blob_id, message_id_header, in_reply_to, reference_ids, subject, "
                        "from_name, from_address, recipients, date, date_from_header, size, has_attachments, "
                        "snippet, parse_status, parse_problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")},
        {&m_insertAttachment,
         QStringLiteral("INSERT INTO attachments (message_id, part_path, filename, mime_type, size, is_inline, "
                        "content_id) VALUES (?, ?, ?, ?, ?, ?, ?)")},
        {&m_insertIndexEntry, SearchIndexEntry::insertStatement()},
        {&m_insertLocation,
         QStringLiteral("INSERT INTO locations (folder_id, uid, message_id, flags, internal_date, message_date) "
                        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (folder_id, uid) DO UPDATE SET flags = excluded.flags")},
    };
    for (const auto& [query, sql] : statements) {
        *query = QSqlQuery(m_db);
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            *error = queryError(*query);
            return false;
        }
    }
    m_statementsReady = true;
    return true;
}

qint64 MessageStore::findMessage(const QByteArray& sha256, QString* error)
{
    QSqlQuery& query = m_findMessage;
    query.addBindValue(sha256);
    if (!query.exec()) {
        *error = queryError(query);
        return -1;
    }
    const qint64 id = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return id;
}

qint64 MessageStore::insertMessage(const PreparedMessage& message, QString* error)
{
    QSqlQuery& query = m_insertBlob;
    query.addBindValue(message.sha256);
    query.addBindValue(message.rawSize);
    query.addBindValue(message.compression);
    query.addBindValue(message.compressed);
    query.addBindValue(message.dictionaryId > 0 ? QVariant(message.dictionaryId) : QVariant());
    if (!query.exec()) {
        *error = queryError(query);
        return 0;
    }
    const qint64 blobId = query.lastInsertId().toLongLong();

    const ParsedMessage& parsed = message.parsed;
    const SearchIndexEntry indexEntry = SearchIndexEntry::fromParsed(parsed);
    QSqlQuery& row = m_insertMessage;
    row.addBindValue(blobId);
    row.addBindValue(parsed.messageId.isEmpty() ? QVariant() : QVariant(parsed.messageId));
    row.addBindValue(parsed.inReplyTo.isEmpty() ? QVariant() : QVariant(parsed.inReplyTo));
    row.addBindValue(parsed.references.isEmpty() ? QVariant() : QVariant(parsed.references.join(QLatin1Char(' '))));
    row.addBindValue(text(parsed.subject));
    row.addBindValue(text(parsed.from.name));
    row.addBindValue(text(parsed.from.address));
    row.addBindValue(indexEntry.recipients);
    row.addBindValue(parsed.date.toSecsSinceEpoch());
    row.addBindValue(parsed.dateFromHeader ? 1 : 0);
    row.addBindValue(message.rawSize);
    row.addBindValue(parsed.attachments.isEmpty() ? 0 : 1);
    row.addBindValue(text(parsed.snippet));
    row.addBindValue(static_cast<int>(parsed.status));
    row.addBindValue(parsed.problems.isEmpty() ? QVariant() : QVariant(parsed.problems.join(QLatin1Char('\n'))));
    if (!row.exec()) {
        *error = queryError(row);
        return 0;
    }
    const qint64 messageId = row.lastInsertId().toLongLong();

    if (!parsed.attachments.isEmpty()) {
        QSqlQuery& attachmentRow = m_insertAttachment;
        for (const AttachmentInfo& attachment : parsed.attachments) {
            attachmentRow.addBindValue(messageId);
            attachmentRow.addBindValue(text(attachment.partPath));
            attachmentRow.addBindValue(text(attachment.fileName));
            attachmentRow.addBindValue(text(attachment.mimeType));
            attachmentRow.addBindValue(attachment.size);
            attachmentRow.addBindValue(attachment.isInline ? 1 : 0);
            attachmentRow.addBindValue(attachment.contentId.isEmpty() ? QVariant() : QVariant(attachment.contentId));
            if (!attachmentRow.exec()) {
                *error = queryError(attachmentRow);
                return 0;
            }
        }
    }

    // Removing the entry again (SourcePurge) needs these exact values.
    QSqlQuery& entry = m_insertIndexEntry;
    indexEntry.bind(entry, messageId);
    if (!entry.exec()) {
        *error = queryError(entry);
        return 0;
    }
    return messageId;
}

bool MessageStore::storeBatch(const QList<PreparedMessage>& messages,
                              const FolderCheckpoint& checkpoint,
                              StoreResult* result,
                              QString* error,
                              const QList<MessageFailure>& failures)
{
    StoreResult counts;
    useBackgroundCheckpoints();
    SqlTransaction transaction(m_db);
    if (!transaction.isActive()) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(transaction.errorText());
        return false;
    }

    if (!prepareStatements(error)) {
        return false;
    }
    QSqlQuery& location = m_insertLocation;
    for (const PreparedMessage& message : messages) {
        qint64 messageId = findMessage(message.sha256, error);
        if (messageId < 0) {
            return false;
        }
        if (messageId == 0) {
            messageId = insertMessage(message, error);
            if (messageId == 0) {
                return false;
            }
            ++counts.newMessages;
        } else {
            ++counts.duplicates;
        }
        location.addBindValue(checkpoint.folderId);
        location.addBindValue(message.uid);
        location.addBindValue(messageId);
        location.addBindValue(text(message.flags.join(QLatin1Char(' '))));
        location.addBindValue(message.internalDate.isValid() ? QVariant(message.internalDate.toSecsSinceEpoch())
                                                             : QVariant());
        location.addBindValue(message.parsed.date.toSecsSinceEpoch());
        if (!location.exec()) {
            *error = queryError(location);
            return false;
        }
        ++counts.locations;
    }

    if (!failures.isEmpty()) {
        // In the same transaction as the checkpoint that moves past them:
        // a UID the checkpoint passes is either stored or named here.
        QSqlQuery failure(m_db);
        failure.prepare(QStringLiteral(
            "INSERT INTO message_failures (folder_id, uid, size, reason, first_at, last_at) "
            "VALUES (?, ?, ?, ?, strftime('%s','now'), strftime('%s','now')) ON CONFLICT (folder_id, uid) DO UPDATE "
            "SET size = excluded.size, reason = excluded.reason, last_at = excluded.last_at, attempts = attempts + 1"));
        for (const MessageFailure& item : failures) {
            failure.addBindValue(checkpoint.folderId);
            failure.addBindValue(item.uid);
            failure.addBindValue(item.size < 0 ? QVariant() : QVariant(item.size));
            failure.addBindValue(text(item.reason));
            if (!failure.exec()) {
                *error = queryError(failure);
                return false;
            }
        }
    }

    QSqlQuery update(m_db);
    update.prepare(QStringLiteral(
        "UPDATE folders SET uidvalidity = ?, last_uid = max(last_uid, ?), uidnext = ?, highestmodseq = ?, "
        "server_count = ? WHERE id = ?"));
    update.addBindValue(checkpoint.uidValidity);
    update.addBindValue(checkpoint.lastUid);
    update.addBindValue(checkpoint.uidNext);
    update.addBindValue(static_cast<qint64>(checkpoint.highestModSeq));
    update.addBindValue(checkpoint.serverCount < 0 ? QVariant() : QVariant(checkpoint.serverCount));
    update.addBindValue(checkpoint.folderId);
    if (!update.exec() || update.numRowsAffected() != 1) {
        *error = Tr::tr("Cannot record the folder's progress: %1").arg(queryError(update));
        return false;
    }
    if (!transaction.commit()) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(transaction.errorText());
        return false;
    }
    if (m_checkpointer) {
        m_checkpointer->requestCheckpoint();
    }
    if (result) {
        *result = counts;
    }
    collectSamples(messages);
    return true;
}

void MessageStore::useBackgroundCheckpoints()
{
    const QString path = m_db.databaseName();
    if (m_checkpointer || path.isEmpty() || path == QLatin1String(":memory:")) {
        return;
    }
    // The writer then leaves checkpoints to the checkpointer's thread and
    // only steps in when the log has grown far beyond a batch.
    QSqlQuery pragma(m_db);
    if (pragma.exec(QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(WalCheckpointer::BackstopPages))) {
        m_checkpointer = WalCheckpointer::forArchive(path);
    }
}
