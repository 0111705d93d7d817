#include "SampleArchive.h"

#include "DeterministicRandom.h"
#include "MailGenerator.h"
#include "archive/Archive.h"
#include "archive/CompressionDictionary.h"
#include "archive/DictionaryTable.h"
#include "archive/MessageStore.h"
#include "imap/ModifiedUtf7.h"
#include "sources/SourceRepository.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace SampleArchive {

namespace {

const QDateTime SampleDate(QDate(2024, 5, 17), QTime(9, 30), Qt::UTC);

QByteArray base64Lines(const QByteArray& data, int lineLength, const QByteArray& lineBreak)
{
    const QByteArray encoded = data.toBase64();
    QByteArray out;
    for (qsizetype at = 0; at < encoded.size(); at += lineLength) {
        out += encoded.mid(at, lineLength) + lineBreak;
    }
    return out;
}

// Bytes that look compressed to the packer (nearly every byte value in
// every few kilobytes) yet compress to almost nothing, so the fixture files
// stay small: 4 KiB of noise, repeated.
QByteArray noise(qsizetype size, quint64 seed)
{
    const QByteArray pattern = DeterministicRandom(seed).bytes(4096);
    QByteArray out;
    out.reserve(size);
    while (out.size() < size) {
        out += pattern.left(size - out.size());
    }
    return out;
}

QByteArray csv(qsizetype size, const QByteArray& lineBreak)
{
    QByteArray out;
    for (int row = 1; out.size() < size; ++row) {
        out += "row," + QByteArray::number(row) + ",amount," + QByteArray::number(row * 37 % 1000) + lineBreak;
    }
    out.truncate(size);
    return out;
}

struct Attachment
{
    QByteArray name;
    QByteArray type;
    QByteArray data;
    int lineLength = 76;
};

// A multipart/mixed message: a text part and the attachments in base64.
// `lineBreak` is used for every line, as a client on that system writes.
QByteArray mixedMessage(const QByteArray& subject,
                        const QByteArray& text,
                        const QList<Attachment>& attachments,
                        const QByteArray& lineBreak = "\r\n",
                        const QByteArray& extraHeaders = {})
{
    const QByteArray boundary = "sample-" + QCryptographicHash::hash(subject, QCryptographicHash::Md5).toHex();
    QByteArray out;
    out += "From: Sample Sender <sender@example.org>" + lineBreak;
    out += "To: archive@example.org" + lineBreak;
    out += "Subject: " + subject + lineBreak;
    out += "Date: Fri, 17 May 2024 09:30:00 +0000" + lineBreak;
    out += "Message-ID: <" + QCryptographicHash::hash(subject, QCryptographicHash::Sha1).toHex() + "@example.org>"
        + lineBreak;
    out += extraHeaders;
    out += "MIME-Version: 1.0" + lineBreak;
    out += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"" + lineBreak + lineBreak;
    out += "--" + boundary + lineBreak;
    out += "Content-Type: text/plain; charset=utf-8" + lineBreak + lineBreak;
    out += text + lineBreak;
    for (const Attachment& attachment : attachments) {
        out += "--" + boundary + lineBreak;
        out += "Content-Type: " + attachment.type + "; name=\"" + attachment.name + "\"" + lineBreak;
        out += "Content-Disposition: attachment; filename=\"" + attachment.name + "\"" + lineBreak;
        out += "Content-Transfer-Encoding: base64" + lineBreak + lineBreak;
        out += base64Lines(attachment.data, attachment.lineLength, lineBreak);
    }
    out += "--" + boundary + "--" + lineBreak;
    return out;
}

QByteArray plainMessage(const QByteArray& subject, const QByteArray& body, const QByteArray& extraHeaders = {})
{
    return "From: Plain Sender <plain@example.org>\r\nTo: archive@example.org\r\nSubject: " + subject
        + "\r\nDate: Fri, 17 May 2024 09:30:00 +0000\r\nMessage-ID: <"
        + QCryptographicHash::hash(subject, QCryptographicHash::Sha1).toHex() + "@example.org>\r\n" + extraHeaders
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body;
}

QByteArray prose(qsizetype size)
{
    QByteArray out;
    for (const GeneratedMessage& message : MailGenerator::smallMessages(20, 91)) {
        const qsizetype bodyStart = message.raw.indexOf("\r\n\r\n");
        out += message.raw.mid(bodyStart + 4, 2000);
        if (out.size() >= size) {
            break;
        }
    }
    while (out.size() < size) {
        out += out.left(size - out.size());
    }
    out.truncate(size);
    return out;
}

class Writer
{
public:
    Writer(Archive& archive, QList<Entry>* manifest)
        : m_archive(archive)
        , m_store(archive.store())
        , m_manifest(manifest)
    {
    }

    // The path is made from the name as a sync makes it.
    qint64 folder(const QString& source, const QByteArray& name, const QString& delimiter)
    {
        const QString path = ModifiedUtf7::decodeForDisplay(name);
        const qint64 sourceId = m_store.ensureSource(source, &m_error);
        const qint64 id = sourceId ? m_store.ensureFolder(sourceId, name, path, delimiter, &m_error) : 0;
        if (id) {
            m_folders.insert(id, {source, path});
        }
        return id;
    }

    bool store(qint64 folderId, const QList<QByteArray>& messages, const SharedDictionary& dictionary)
    {
        FolderCheckpoint checkpoint = m_store.checkpoint(folderId);
        checkpoint.uidValidity = 17;
        QList<PreparedMessage> prepared;
        for (const QByteArray& raw : messages) {
            FetchedMessage fetched;
            fetched.uid = ++checkpoint.lastUid;
            fetched.raw = raw;
            fetched.internalDate = SampleDate.addSecs(60 * fetched.uid);
            fetched.flags << QStringLiteral("\\Seen");
            prepared << MessageStore::prepare(fetched, dictionary);
            Entry entry;
            entry.sha256 = QCryptographicHash::hash(raw, QCryptographicHash::Sha256);
            entry.size = raw.size();
            entry.source = m_folders.value(folderId).first;
            entry.folderPath = m_folders.value(folderId).second;
            entry.uid = fetched.uid;
            m_pending << entry;
        }
        checkpoint.uidNext = checkpoint.lastUid + 1;
        checkpoint.serverCount = static_cast<qint64>(checkpoint.lastUid);
        StoreResult result;
        return m_store.storeBatch(prepared, checkpoint, &result, &m_error);
    }

    // Reads back the kind each message was stored with.
    bool finish()
    {
        QSqlQuery query(m_archive.connection());
        query.prepare(QStringLiteral("SELECT compression FROM blobs WHERE sha256 = ?"));
        for (Entry& entry : m_pending) {
            query.addBindValue(entry.sha256);
            if (!query.exec() || !query.next()) {
                m_error = QStringLiteral("a stored message has no blob: ") + query.lastError().text();
                return false;
            }
            entry.compression = query.value(0).toInt();
            *m_manifest << entry;
        }
        return true;
    }

    // A removed source is renamed to free its name; readers see the new one.
    void renameSource(const QString& from, const QString& to)
    {
        for (auto& folder : m_folders) {
            if (folder.first == from) {
                folder.first = to;
            }
        }
        for (Entry& entry : m_pending) {
            if (entry.source == from) {
                entry.source = to;
            }
        }
    }

    QString error() const { return m_error; }

private:
    Archive& m_archive;
    MessageStore m_store;
    QList<Entry>* m_manifest;
    QList<Entry> m_pending;
    QHash<qint64, std::pair<QString, QString>> m_folders;
    QString m_error;
};

bool fail(QString* error, const QString& what)
{
    *error = what;
    return false;
}

} // namespace

namespace {

bool fill(Archive& archive, const Options& options, QList<Entry>* manifest, QString* error)
{
    QSqlDatabase db = archive.connection();
    Writer writer(archive, manifest);
    const qint64 inbox = writer.folder(QStringLiteral("Work"), "INBOX", QStringLiteral("/"));
    const qint64 nested = writer.folder(QStringLiteral("Work"), "Archive/Gr&APw-&AN8-e", QStringLiteral("/"));
    // Not valid modified UTF-7: the name's bytes are kept as the server sent them.
    const qint64 oddName = writer.folder(QStringLiteral("Work"), "Odd&Name \xff", QStringLiteral("/"));
    const qint64 receipts = writer.folder(QStringLiteral("Home"), "INBOX.Receipts", QStringLiteral("."));
    const qint64 old = writer.folder(QStringLiteral("Old"), "INBOX", QStringLiteral("/"));
    if (!inbox || !nested || !oddName || !receipts || !old) {
        return fail(error, writer.error());
    }

    // Before the archive has a dictionary: plain zstd (kind 1).
    QList<QByteArray> early;
    for (const GeneratedMessage& message : MailGenerator::smallMessages(3, 11)) {
        early << message.raw;
    }
    const QByteArray stored0 = plainMessage("Kept as it is", "This message's blob is stored uncompressed.\r\n");
    early << stored0;
    if (!writer.store(inbox, early, {})) {
        return fail(error, writer.error());
    }

    // The dictionary, trained as an import trains it, on fewer and smaller
    // samples so the fixture stays small.
    QList<QByteArray> samples;
    for (const GeneratedMessage& message : MailGenerator::smallMessages(300, 12)) {
        samples << message.raw.left(16 * 1024);
    }
    const QByteArray trained = CompressionDictionary::train(samples, 16 * 1024);
    if (trained.isEmpty()) {
        return fail(error, QStringLiteral("the sample dictionary could not be trained"));
    }
    const SharedDictionary dictionary = DictionaryTable::insert(db, trained, error);
    if (!dictionary) {
        return false;
    }

    // With the dictionary: kinds 2 and, for the generated attachments of
    // 2 KB and more, 4.
    QList<QByteArray> generated;
    for (const GeneratedMessage& message : MailGenerator::smallMessages(30, 13)) {
        generated << message.raw;
    }
    if (!writer.store(inbox, generated, dictionary)) {
        return fail(error, writer.error());
    }

    // Packed, small (kind 4): noise in two frames; CSV with LF line breaks
    // and 64-character lines in one; padding "=" and "==".
    const QByteArray shared = mixedMessage("Shared by two sources", "Both Work and Home hold this one.", {});
    const QList<QByteArray> packedSmall = {
        mixedMessage("Small noise, two frames",
                     "A compressed-looking attachment.",
                     {{"noise.bin", "application/octet-stream", noise(6000, 21)}}),
        mixedMessage("CSV with LF and 64-character lines",
                     "Text attachment.",
                     {{"table.csv", "text/csv", csv(10001, "\n"), 64}},
                     "\n"),
        mixedMessage(
            "Padding twice", "Its base64 ends in two '=' signs.", {{"one-left.csv", "text/csv", csv(9997, "\r\n")}}),
        shared,
    };
    if (!writer.store(nested, packedSmall, dictionary)) {
        return fail(error, writer.error());
    }

    // Big messages are compressed without the dictionary (kinds 1 and 3).
    // One whose lines of noise fill the last line exactly (57 bytes a line).
    const QList<QByteArray> big = {
        mixedMessage("Two blocks, two frames",
                     "A CSV, then a compressed-looking attachment.",
                     {{"first.csv", "text/csv", csv(20000, "\r\n")},
                      {"noise.bin", "application/octet-stream", noise(57 * 3504, 22)}}),
        mixedMessage("One big text block", "A big CSV alone.", {{"big.csv", "text/csv", csv(280000, "\r\n")}}),
        plainMessage("Big plain text", prose(300 * 1024)),
        // 8-bit bytes and a NUL in a header, and a base64 block too short
        // to be packed.
        mixedMessage("Odd bytes",
                     "Short attachment.",
                     {{"tiny.bin", "application/octet-stream", noise(900, 23)}},
                     "\r\n",
                     QByteArray("X-Odd: caf\xe9 \x00 end\r\n", 19)),
    };
    if (!writer.store(oddName, big, dictionary)) {
        return fail(error, writer.error());
    }

    // One blob, two locations: Home holds the message Work holds.
    if (!writer.store(receipts, {shared, plainMessage("Receipt", "Thank you for your order.\r\n")}, dictionary)) {
        return fail(error, writer.error());
    }

    if (options.hugeMegabytes > 0) {
        const QByteArray huge = mixedMessage(
            "Huge attachment",
            "A huge attachment.",
            {{"huge.bin", "application/octet-stream", noise(qsizetype(options.hugeMegabytes) * 1024 * 1024, 24)}});
        if (!writer.store(inbox, {huge}, dictionary)) {
            return fail(error, writer.error());
        }
    }

    if (!writer.store(
            old, {plainMessage("From a removed source", "Its source was removed; the mail kept.\r\n")}, dictionary)) {
        return fail(error, writer.error());
    }
    SourceRepository sources(db);
    const auto oldSource = sources.findByName(QStringLiteral("Old"));
    if (!oldSource || !sources.removeKeepingMail(oldSource->id, error)) {
        return fail(error, QStringLiteral("the Old source could not be removed: %1").arg(*error));
    }
    QSqlQuery renamed(db);
    renamed.prepare(QStringLiteral("SELECT name FROM sources WHERE id = ?"));
    renamed.addBindValue(oldSource->id);
    if (!renamed.exec() || !renamed.next()) {
        return fail(error, QStringLiteral("the removed source is gone"));
    }
    writer.renameSource(QStringLiteral("Old"), renamed.value(0).toString());

    // Kind 0, which this version never writes but every reader must accept.
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE blobs SET compression = 0, data = ?, dictionary_id = NULL WHERE sha256 = ?"));
    query.addBindValue(stored0);
    query.addBindValue(QCryptographicHash::hash(stored0, QCryptographicHash::Sha256));
    if (!query.exec() || query.numRowsAffected() != 1) {
        return fail(error, QStringLiteral("cannot store a blob as it is: ") + query.lastError().text());
    }
    if (!writer.finish()) {
        return fail(error, writer.error());
    }
    return true;
}

} // namespace

bool write(const QString& path, const Options& options, QList<Entry>* manifest, QString* error)
{
    if (QFileInfo::exists(path)) {
        return fail(error, QStringLiteral("%1 exists already").arg(path));
    }
    Archive archive(path);
    if (!archive.open(error)) {
        return false;
    }
    const bool written = fill(archive, options, manifest, error);
    archive.closeConnection();
    return written;
}

QByteArray manifestText(const QList<Entry>& manifest)
{
    QByteArray out;
    for (const Entry& entry : manifest) {
        out += entry.sha256.toHex() + '\t' + QByteArray::number(entry.size) + '\t'
            + QByteArray::number(entry.compression) + '\t' + entry.source.toUtf8() + '\t' + entry.folderPath.toUtf8()
            + '\t' + QByteArray::number(entry.uid) + '\n';
    }
    return out;
}

} // namespace SampleArchive
