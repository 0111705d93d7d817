#include "SearchIndexReindex.h"

#include "BlobCodec.h"
#include "DictionaryTable.h"
#include "SearchIndexEntry.h"
#include "mime/MimeParser.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace SearchIndexReindex {

bool run(QSqlDatabase& db, QString* error)
{
    // A decoded body never has more characters than its part has bytes (no
    // charset, transfer encoding or HTML entity decodes to more UTF-16 code
    // units than it has bytes), and the body is none of the attachments,
    // whose encoded sizes are recorded (the parse does not descend into an
    // attached message, so they never overlap). Only a message whose bytes
    // outside its attachments exceed the limit can have been indexed past
    // it: a few, even in an archive of a million messages, and not the many
    // big ones that are big for an attachment.
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT m.id FROM messages m WHERE m.size > ? AND m.size - coalesce((SELECT "
                                 "sum(a.size) FROM attachments a WHERE a.message_id = m.id), 0) > ? "
                                 "ORDER BY m.id"));
    query.addBindValue(SearchIndexEntry::IndexedBodyChars);
    query.addBindValue(SearchIndexEntry::IndexedBodyChars);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    QList<qint64> candidates;
    while (query.next()) {
        candidates << query.value(0).toLongLong();
    }

    QSqlQuery read(db);
    read.setForwardOnly(true);
    QSqlQuery remove(db);
    QSqlQuery add(db);
    if (!read.prepare(QStringLiteral("SELECT b.data, b.compression, b.raw_size, b.dictionary_id FROM messages m "
                                     "JOIN blobs b ON b.id = m.blob_id WHERE m.id = ?"))
        || !remove.prepare(SearchIndexEntry::deleteStatement()) || !add.prepare(SearchIndexEntry::insertStatement())) {
        *error = read.lastError().text() + remove.lastError().text() + add.lastError().text();
        return false;
    }
    QHash<qint64, SharedDictionary> dictionaries;
    for (const qint64 messageId : candidates) {
        read.addBindValue(messageId);
        if (!read.exec()) {
            *error = read.lastError().text();
            return false;
        }
        if (!read.next()) {
            continue;
        }
        QByteArray stored = read.value(0).toByteArray();
        const auto compression = static_cast<BlobCodec::Compression>(read.value(1).toInt());
        const qint64 rawSize = read.value(2).toLongLong();
        const QVariant dictionaryId = read.value(3);
        read.finish();
        const SharedDictionary dictionary = dictionaryId.isNull()
            ? SharedDictionary()
            : DictionaryTable::byId(db, dictionaryId.toLongLong(), &dictionaries);
        QByteArray raw;
        QString problem;
        if (!BlobCodec::decompress(std::move(stored), compression, rawSize, &raw, &problem, dictionary.get())) {
            // Its entry cannot be derived again under either rule: it stays
            // as it is, and verify names the damaged message.
            continue;
        }
        const ParsedMessage parsed = MimeParser::parse(raw, QDateTime());
        raw = QByteArray();
        const SearchIndexEntry old = SearchIndexEntry::fromParsed(parsed, SearchIndexEntry::BodyRule::Whole);
        const SearchIndexEntry now = SearchIndexEntry::fromParsed(parsed, SearchIndexEntry::BodyRule::Prefix);
        if (old.body == now.body) {
            continue;
        }
        old.bind(remove, messageId);
        now.bind(add, messageId);
        if (!remove.exec() || !add.exec()) {
            *error = remove.lastError().text() + add.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace SearchIndexReindex
