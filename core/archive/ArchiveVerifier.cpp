#include "ArchiveVerifier.h"

#include "BlobCodec.h"
#include "DictionaryTable.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveVerifier)
};

// Listed one by one in the summary; the counts cover the rest.
constexpr int MaxListedDamage = 10;
// Blobs are read in slices by id so one statement never holds a read
// snapshot over the whole archive while a sync wants to checkpoint the WAL.
constexpr int SliceSize = 256;

qint64 scalar(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (query.exec(sql) && query.next()) {
        return query.value(0).toLongLong();
    }
    return -1;
}

// An SQLite varint, as FTS5 writes its sizes.
quint64 readVarint(const QByteArray& data, qsizetype* position)
{
    quint64 value = 0;
    for (int i = 0; i < 9 && *position < data.size(); ++i) {
        const auto byte = static_cast<quint8>(data.at((*position)++));
        if (i == 8) {
            return (value << 8) | byte;
        }
        value = (value << 7) | (byte & 0x7f);
        if ((byte & 0x80) == 0) {
            break;
        }
    }
    return value;
}

QList<quint64> readVarints(const QByteArray& data)
{
    QList<quint64> values;
    qsizetype position = 0;
    while (position < data.size()) {
        values << readVarint(data, &position);
    }
    return values;
}

// A contentless index cannot compare its entries with the text, but it keeps
// a count of messages and of words per column (the "averages" record, id 1 of
// message_fts_data) next to each message's own word counts (docsize). Adding
// and removing an entry change both by what the values given contain, so a
// removal given other values than the entry was added with (SourcePurge)
// leaves them disagreeing, unless every column happened to have as many
// words.
bool indexTotalsAgree(QSqlDatabase& db)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT block FROM message_fts_data WHERE id = 1"))) {
        return false;
    }
    const QList<quint64> totals = query.next() ? readVarints(query.value(0).toByteArray()) : QList<quint64>();
    query.finish();
    if (!query.exec(QStringLiteral("SELECT sz FROM message_fts_docsize"))) {
        return false;
    }
    QList<quint64> sums(totals.isEmpty() ? 0 : totals.size() - 1, 0);
    quint64 rows = 0;
    while (query.next()) {
        const QList<quint64> sizes = readVarints(query.value(0).toByteArray());
        if (sizes.size() != sums.size()) {
            return false;
        }
        for (qsizetype i = 0; i < sizes.size(); ++i) {
            sums[i] += sizes[i];
        }
        ++rows;
    }
    if (totals.isEmpty()) {
        return rows == 0;
    }
    return totals.first() == rows && totals.mid(1) == sums;
}

} // namespace

bool VerifyReport::isClean() const
{
    return !cancelled && blobsDamaged == 0 && integrityOk && foreignKeyProblems == 0 && searchIndexOk
        && messagesMissingFromIndex == 0 && locationsBeyondCheckpoint == 0 && messagesWithoutBlob == 0;
}

QString VerifyReport::summary() const
{
    QStringList lines;
    lines << Tr::tr(
        "%n message(s) read back and compared with their SHA-256.", nullptr, static_cast<int>(blobsChecked));
    if (cancelled) {
        lines << Tr::tr("Verification was cancelled before the end.");
    }
    if (blobsDamaged > 0) {
        lines << Tr::tr(
            "%n message(s) do not read back to the bytes that were stored.", nullptr, static_cast<int>(blobsDamaged));
        if (blobsTruncated > 0) {
            lines << Tr::tr("  %n of them cut short (truncated).", nullptr, static_cast<int>(blobsTruncated));
        }
        if (blobsFrameDamaged > 0) {
            lines << Tr::tr("  %n of them with damaged compressed data (a zstd frame or its checksum).",
                            nullptr,
                            static_cast<int>(blobsFrameDamaged));
        }
        if (blobsHashMismatch > 0) {
            lines << Tr::tr("  %n of them decode, but not to the bytes their SHA-256 names.",
                            nullptr,
                            static_cast<int>(blobsHashMismatch));
        }
        for (const Damaged& item : damaged) {
            const QString kind = item.kind == BlobCodec::Damage::Truncated ? Tr::tr("truncated")
                : item.kind == BlobCodec::Damage::Hash                     ? Tr::tr("wrong SHA-256")
                                                                           : Tr::tr("damaged frame");
            lines << (item.messageId > 0 ? Tr::tr("  Message %1 (blob %2): %3, %4").arg(item.messageId).arg(item.blobId)
                                         : Tr::tr("  Blob %1, of no message: %2, %3").arg(item.blobId))
                         .arg(kind, item.problem);
        }
        if (damaged.size() < blobsDamaged) {
            lines << Tr::tr("  … and %n more.", nullptr, static_cast<int>(blobsDamaged - damaged.size()));
        }
    }
    if (!integrityOk) {
        lines << Tr::tr("The database file is damaged: %1").arg(integrityProblems.join(QStringLiteral("; ")));
    }
    if (foreignKeyProblems > 0) {
        lines << Tr::tr(
            "%n reference(s) between tables point to nothing.", nullptr, static_cast<int>(foreignKeyProblems));
    }
    if (!searchIndexOk || messagesMissingFromIndex > 0) {
        lines << Tr::tr("The search index is inconsistent (%n message(s) missing from it).",
                        nullptr,
                        static_cast<int>(messagesMissingFromIndex));
    }
    if (locationsBeyondCheckpoint > 0) {
        lines << Tr::tr("%n message location(s) lie beyond their folder's recorded progress.",
                        nullptr,
                        static_cast<int>(locationsBeyondCheckpoint));
    }
    if (messagesWithoutBlob > 0) {
        lines << Tr::tr("%n message(s) have no stored content.", nullptr, static_cast<int>(messagesWithoutBlob));
    }
    if (isClean()) {
        lines << Tr::tr("The archive is intact.");
    }
    return lines.join(QLatin1Char('\n'));
}

ArchiveVerifier::ArchiveVerifier(QSqlDatabase db)
    : m_db(std::move(db))
{
}

VerifyReport ArchiveVerifier::run(const Progress& progress)
{
    VerifyReport report;
    checkBlobs(report, progress);
    if (report.cancelled) {
        return report;
    }
    checkDatabase(report);
    checkConsistency(report);
    return report;
}

void ArchiveVerifier::checkBlobs(VerifyReport& report, const Progress& progress)
{
    const qint64 total = scalar(m_db, QStringLiteral("SELECT count(*) FROM blobs"));
    qint64 lastId = 0;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    while (true) {
        query.prepare(QStringLiteral(
            "SELECT b.id, b.sha256, b.compression, b.raw_size, b.data, m.id, b.dictionary_id FROM blobs b "
            "LEFT JOIN messages m ON m.blob_id = b.id WHERE b.id > ? ORDER BY b.id LIMIT ?"));
        query.addBindValue(lastId);
        query.addBindValue(SliceSize);
        if (!query.exec()) {
            report.integrityOk = false;
            report.integrityProblems << query.lastError().text();
            return;
        }
        int rows = 0;
        while (query.next()) {
            ++rows;
            lastId = query.value(0).toLongLong();
            QByteArray raw;
            QString problem;
            BlobCodec::Damage damage = BlobCodec::Damage::None;
            const SharedDictionary dictionary = query.value(6).isNull()
                ? SharedDictionary()
                : DictionaryTable::byId(m_db, query.value(6).toLongLong(), &m_dictionaries);
            const bool decoded = BlobCodec::decompress(query.value(4).toByteArray(),
                                                       static_cast<BlobCodec::Compression>(query.value(2).toInt()),
                                                       query.value(3).toLongLong(),
                                                       &raw,
                                                       &problem,
                                                       dictionary.get(),
                                                       &damage);
            if (decoded && BlobCodec::sha256(raw) != query.value(1).toByteArray()) {
                damage = BlobCodec::Damage::Hash;
                problem = Tr::tr("the bytes read back have another SHA-256");
            }
            if (damage != BlobCodec::Damage::None) {
                ++report.blobsDamaged;
                ++(damage == BlobCodec::Damage::Truncated  ? report.blobsTruncated
                       : damage == BlobCodec::Damage::Hash ? report.blobsHashMismatch
                                                           : report.blobsFrameDamaged);
                if (report.damaged.size() < MaxListedDamage) {
                    report.damaged << VerifyReport::Damaged {query.value(5).toLongLong(), lastId, damage, problem};
                }
            }
            ++report.blobsChecked;
            if (progress && !progress(report.blobsChecked, total)) {
                report.cancelled = true;
                return;
            }
        }
        query.finish();
        if (rows < SliceSize) {
            return;
        }
    }
}

void ArchiveVerifier::checkDatabase(VerifyReport& report)
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check"))) {
        report.integrityOk = false;
        report.integrityProblems << query.lastError().text();
    } else {
        while (query.next()) {
            const QString line = query.value(0).toString();
            if (line != QLatin1String("ok")) {
                report.integrityOk = false;
                report.integrityProblems << line;
            }
        }
    }
    if (query.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
        while (query.next()) {
            ++report.foreignKeyProblems;
        }
    }
    // FTS5 checks its own structures; for a contentless table that is the
    // index itself, which is all there is.
    if (!query.exec(QStringLiteral("INSERT INTO message_fts (message_fts) VALUES ('integrity-check')"))) {
        report.searchIndexOk = false;
    }
}

void ArchiveVerifier::checkConsistency(VerifyReport& report)
{
    report.messagesMissingFromIndex = scalar(m_db,
                                             QStringLiteral("SELECT count(*) FROM messages m WHERE NOT EXISTS "
                                                            "(SELECT 1 FROM message_fts_docsize d WHERE d.id = m.id)"));
    // Entries of messages that are gone would be found again by a later
    // message given the same id.
    const qint64 entriesWithoutMessage =
        scalar(m_db,
               QStringLiteral("SELECT count(*) FROM message_fts_docsize d WHERE NOT EXISTS "
                              "(SELECT 1 FROM messages m WHERE m.id = d.id)"));
    if (entriesWithoutMessage != 0 || !indexTotalsAgree(m_db)) {
        report.searchIndexOk = false;
    }
    report.locationsBeyondCheckpoint =
        scalar(m_db,
               QStringLiteral(
                   "SELECT count(*) FROM locations l JOIN folders f ON f.id = l.folder_id WHERE l.uid > f.last_uid"));
    report.messagesWithoutBlob =
        scalar(m_db,
               QStringLiteral(
                   "SELECT count(*) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM blobs b WHERE b.id = m.blob_id)"));
}
