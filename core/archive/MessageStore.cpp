#include "MessageStore.h"

#include "BlobCodec.h"
#include "SqlTransaction.h"
#include "mime/MimeParser.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MessageStore)
};

QString joinAddresses(const QList<MailAddress>& addresses)
{
    QStringList parts;
    parts.reserve(addresses.size());
    for (const MailAddress& address : addresses) {
        parts << address.toDisplayString();
    }
    return parts.join(QStringLiteral(", "));
}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString queryError(const QSqlQuery& query)
{
    return query.lastError().text();
}

} // namespace

MessageStore::MessageStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

PreparedMessage MessageStore::prepare(const FetchedMessage& message)
{
    PreparedMessage prepared;
    prepared.uid = message.uid;
    prepared.flags = message.flags;
    prepared.internalDate = message.internalDate;
    prepared.rawSize = message.raw.size();
    prepared.sha256 = BlobCodec::sha256(message.raw);
    prepared.compressed = BlobCodec::compress(message.raw);
    prepared.parsed = MimeParser::parse(message.raw, message.internalDate);
    return prepared;
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

qint64 MessageStore::ensureFolder(qint64 sourceId, const QString& path, const QString& delimiter, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO folders (source_id, path, delimiter) VALUES (?, ?, ?) "
                                 "ON CONFLICT (source_id, path) DO UPDATE SET delimiter = excluded.delimiter"));
    query.addBindValue(sourceId);
    query.addBindValue(path);
    query.addBindValue(delimiter);
    if (!query.exec()) {
        *error = queryError(query);
        return 0;
    }
    query.prepare(QStringLiteral("SELECT id FROM folders WHERE source_id = ? AND path = ?"));
    query.addBindValue(sourceId);
    query.addBindValue(path);
    if (!query.exec() || !query.next()) {
        *error = queryError(query);
        return 0;
    }
    return query.value(0).toLongLong();
}

FolderCheckpoint MessageStore::checkpoint(qint64 folderId) const
{
    FolderCheckpoint checkpoint;
    checkpoint.folderId = folderId;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT uidvalidity, last_uid, uidnext, highestmodseq, server_count "
                                 "FROM folders WHERE id = ?"));
    query.addBindValue(folderId);
    if (query.exec() && query.next()) {
        checkpoint.uidValidity = query.value(0).toUInt();
        checkpoint.lastUid = query.value(1).toUInt();
        checkpoint.uidNext = query.value(2).toUInt();
        checkpoint.highestModSeq = query.value(3).toULongLong();
        checkpoint.serverCount = query.value(4).isNull() ? -1 : query.value(4).toLongLong();
    }
    return checkpoint;
}

qint64 MessageStore::findMessage(const QByteArray& sha256, QString* error) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT messages.id FROM blobs JOIN messages ON messages.blob_id = blobs.id "
                                 "WHERE blobs.sha256 = ?"));
    query.addBindValue(sha256);
    if (!query.exec()) {
        *error = queryError(query);
        return -1;
    }
    return query.next() ? query.value(0).toLongLong() : 0;
}

qint64 MessageStore::insertMessage(const PreparedMessage& message, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO blobs (sha256, raw_size, compression, data) VALUES (?, ?, ?, ?)"));
    query.addBindValue(message.sha256);
    query.addBindValue(message.rawSize);
    query.addBindValue(static_cast<int>(BlobCodec::Compression::Zstd));
    query.addBindValue(message.compressed);
    if (!query.exec()) {
        *error = queryError(query);
        return 0;
    }
    const qint64 blobId = query.lastInsertId().toLongLong();

    const ParsedMessage& parsed = message.parsed;
    const QString recipients = joinAddresses(parsed.to + parsed.cc + parsed.bcc);
    query.prepare(QStringLiteral(
        "INSERT INTO messages (blob_id, message_id_header, in_reply_to, reference_ids, subject, from_name, "
        "from_address, recipients, date, date_from_header, size, has_attachments, snippet, parse_status, "
        "parse_problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(blobId);
    query.addBindValue(parsed.messageId.isEmpty() ? QVariant() : QVariant(parsed.messageId));
    query.addBindValue(parsed.inReplyTo.isEmpty() ? QVariant() : QVariant(parsed.inReplyTo));
    query.addBindValue(parsed.references.isEmpty() ? QVariant() : QVariant(parsed.references.join(QLatin1Char(' '))));
    query.addBindValue(text(parsed.subject));
    query.addBindValue(text(parsed.from.name));
    query.addBindValue(text(parsed.from.address));
    query.addBindValue(text(recipients));
    query.addBindValue(parsed.date.toSecsSinceEpoch());
    query.addBindValue(parsed.dateFromHeader ? 1 : 0);
    query.addBindValue(message.rawSize);
    query.addBindValue(parsed.attachments.isEmpty() ? 0 : 1);
    query.addBindValue(text(parsed.snippet));
    query.addBindValue(static_cast<int>(parsed.status));
    query.addBindValue(parsed.problems.isEmpty() ? QVariant() : QVariant(parsed.problems.join(QLatin1Char('\n'))));
    if (!query.exec()) {
        *error = queryError(query);
        return 0;
    }
    const qint64 messageId = query.lastInsertId().toLongLong();

    QStringList attachmentNames;
    if (!parsed.attachments.isEmpty()) {
        query.prepare(QStringLiteral("INSERT INTO attachments (message_id, part_path, filename, mime_type, size, "
                                     "is_inline, content_id) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const AttachmentInfo& attachment : parsed.attachments) {
            query.addBindValue(messageId);
            query.addBindValue(text(attachment.partPath));
            query.addBindValue(text(attachment.fileName));
            query.addBindValue(text(attachment.mimeType));
            query.addBindValue(attachment.size);
            query.addBindValue(attachment.isInline ? 1 : 0);
            query.addBindValue(attachment.contentId.isEmpty() ? QVariant() : QVariant(attachment.contentId));
            if (!query.exec()) {
                *error = queryError(query);
                return 0;
            }
            if (!attachment.fileName.isEmpty()) {
                attachmentNames << attachment.fileName;
            }
        }
    }

    query.prepare(QStringLiteral("INSERT INTO message_fts (rowid, subject, sender, recipients, body, "
                                 "attachment_names) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(messageId);
    query.addBindValue(text(parsed.subject));
    query.addBindValue(text(parsed.from.toDisplayString()));
    query.addBindValue(text(recipients));
    query.addBindValue(text(parsed.bodyText));
    query.addBindValue(text(attachmentNames.join(QLatin1Char(' '))));
    if (!query.exec()) {
        *error = queryError(query);
        return 0;
    }
    return messageId;
}

bool MessageStore::storeBatch(const QList<PreparedMessage>& messages,
                              const FolderCheckpoint& checkpoint,
                              StoreResult* result,
                              QString* error)
{
    StoreResult counts;
    SqlTransaction transaction(m_db);
    if (!transaction.isActive()) {
        *error = Tr::tr("Cannot write to the archive: %1").arg(transaction.errorText());
        return false;
    }

    QSqlQuery location(m_db);
    location.prepare(
        QStringLiteral("INSERT INTO locations (folder_id, uid, message_id, flags, internal_date, message_date) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (folder_id, uid) DO UPDATE SET flags = excluded.flags"));
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
    if (result) {
        *result = counts;
    }
    return true;
}
