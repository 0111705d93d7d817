#include "MessageDeletion.h"

#include "BlobCodec.h"
#include "DictionaryTable.h"
#include "SearchIndexEntry.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QVariant>

#include <algorithm>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MessageDeletion)
};

// Messages handled together: their index entries, then their rows.
constexpr qint64 ChunkSize = 500;

QString cannotDelete(const QSqlQuery& query)
{
    return Tr::tr("Cannot delete the mail: %1").arg(query.lastError().text());
}

} // namespace

MessageDeletion::MessageDeletion(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool MessageDeletion::prepare(QString* error)
{
    const std::pair<QSqlQuery*, QString> statements[] = {
        {&m_readBlob,
         QStringLiteral("SELECT b.id, b.data, b.compression, b.raw_size, b.dictionary_id FROM messages m "
                        "JOIN blobs b ON b.id = m.blob_id WHERE m.id = ?")},
        {&m_deleteIndexEntry, SearchIndexEntry::deleteStatement()},
        {&m_deleteAttachments, QStringLiteral("DELETE FROM attachments WHERE message_id = ?")},
        {&m_deleteMessage, QStringLiteral("DELETE FROM messages WHERE id = ?")},
        {&m_deleteBlob, QStringLiteral("DELETE FROM blobs WHERE id = ?")},
    };
    for (const auto& [query, sql] : statements) {
        *query = QSqlQuery(m_db);
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            *error = cannotDelete(*query);
            return false;
        }
    }
    return true;
}

bool MessageDeletion::run(
    const QList<qint64>& ids, qint64* bytesFreed, QString* error, const Progress& progress, bool* cancelled)
{
    if (!prepare(error)) {
        return false;
    }
    // A chunk's index entries first, then its rows. A statement that opens a
    // statement journal (deleting a message does: its attachments cascade)
    // makes FTS5 write out what it has pending; message by message, that was
    // a tiny index segment for every message and a fifth slower overall.
    const qint64 total = ids.size();
    QList<qint64> blobIds(std::min<qint64>(total, ChunkSize));
    for (qint64 start = 0; start < total; start += ChunkSize) {
        const qint64 end = std::min(total, start + ChunkSize);
        for (qint64 i = start; i < end; ++i) {
            if (!removeIndexEntry(ids.at(i), &blobIds[i - start], bytesFreed, error)) {
                return false;
            }
        }
        for (qint64 i = start; i < end; ++i) {
            if (!removeRows(ids.at(i), blobIds.at(i - start), error)) {
                return false;
            }
        }
        if (progress && !progress(end, total)) {
            if (cancelled) {
                *cancelled = true;
            }
            return false;
        }
    }
    return true;
}

bool MessageDeletion::removeIndexEntry(qint64 messageId, qint64* blobId, qint64* bytesFreed, QString* error)
{
    QSqlQuery& read = m_readBlob;
    read.addBindValue(messageId);
    if (!read.exec()) {
        *error = cannotDelete(read);
        return false;
    }
    if (!read.next()) {
        *error = Tr::tr("Message %1 has no stored content, so it cannot be taken out of the search index. Run "
                        "verify for details; nothing was changed.")
                     .arg(messageId);
        return false;
    }
    *blobId = read.value(0).toLongLong();
    const QByteArray stored = read.value(1).toByteArray();
    const auto compression = static_cast<BlobCodec::Compression>(read.value(2).toInt());
    const qint64 rawSize = read.value(3).toLongLong();
    const QVariant dictionaryId = read.value(4);
    read.finish();

    // The index keeps no copy of the text: removing the entry needs the
    // values it was added with, derived again from the exact bytes.
    const SharedDictionary dictionary = dictionaryId.isNull()
        ? SharedDictionary()
        : DictionaryTable::byId(m_db, dictionaryId.toLongLong(), &m_dictionaries);
    QByteArray raw;
    QString problem;
    if (!BlobCodec::decompress(stored, compression, rawSize, &raw, &problem, dictionary.get())) {
        *error = Tr::tr("Message %1 cannot be read back, so it cannot be taken out of the search index: %2. Run "
                        "verify for details; nothing was changed.")
                     .arg(messageId)
                     .arg(problem);
        return false;
    }
    SearchIndexEntry::fromRaw(raw).bind(m_deleteIndexEntry, messageId);
    if (!m_deleteIndexEntry.exec()) {
        *error = cannotDelete(m_deleteIndexEntry);
        return false;
    }
    *bytesFreed += stored.size();
    return true;
}

bool MessageDeletion::removeRows(qint64 messageId, qint64 blobId, QString* error)
{
    m_deleteAttachments.addBindValue(messageId);
    m_deleteMessage.addBindValue(messageId);
    m_deleteBlob.addBindValue(blobId);
    // In this order: attachments refer to the message, the message to its blob.
    for (QSqlQuery* statement : {&m_deleteAttachments, &m_deleteMessage, &m_deleteBlob}) {
        if (!statement->exec()) {
            *error = cannotDelete(*statement);
            return false;
        }
    }
    return true;
}
