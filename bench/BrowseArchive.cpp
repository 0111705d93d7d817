#include "BrowseArchive.h"

#include <QFile>

#include "DeterministicRandom.h"
#include "archive/ArchiveReader.h"
#include "archive/MessageStore.h"
#include "archive/WalCheckpointer.h"
#include "sources/SourceRepository.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QSqlQuery>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace {

const QString SpecimenFolder = QStringLiteral("Specimens");

// Like a real account: one big folder of about half the mail, and others.
QList<FolderPlan> folderPlan(int total)
{
    QList<FolderPlan> plan {
        {QStringLiteral("INBOX"), total / 2},
        {QStringLiteral("Sent"), total / 10},
        {QStringLiteral("Archive"), total / 10},
        {QStringLiteral("Archive/2023"), total / 8},
        {QStringLiteral("Lists/qt-interest"), total / 10},
    };
    int planned = 0;
    for (const FolderPlan& folder : std::as_const(plan)) {
        planned += folder.count;
    }
    plan << FolderPlan {QStringLiteral("Newsletters"), total - planned};
    return plan;
}

struct Batch
{
    QString folder;
    QList<PreparedMessage> messages;
    qint64 rawBytes = 0;
};

// Prepared batches from the generating thread to the storing one, bounded
// so a fast producer never holds more than a few batches.
class BatchQueue
{
public:
    void push(Batch batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_batches.size() < 8 || m_stopped; });
        m_batches.push_back(std::move(batch));
        m_changed.notify_all();
    }
    bool pop(Batch* batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_batches.empty() || m_finished || m_stopped; });
        if (m_batches.empty() || m_stopped) {
            return false;
        }
        *batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_changed.notify_all();
        return true;
    }
    void finish()
    {
        const std::lock_guard lock(m_mutex);
        m_finished = true;
        m_changed.notify_all();
    }
    void stop()
    {
        const std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_changed.notify_all();
    }
    bool stopped()
    {
        const std::lock_guard lock(m_mutex);
        return m_stopped;
    }
    void setDictionary(const SharedDictionary& dictionary)
    {
        const std::lock_guard lock(m_mutex);
        m_dictionary = dictionary;
    }
    SharedDictionary dictionary()
    {
        const std::lock_guard lock(m_mutex);
        return m_dictionary;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_batches;
    SharedDictionary m_dictionary;
    bool m_finished = false;
    bool m_stopped = false;
};

bool pauseSource(const Archive& archive, qint64 sourceId, QString* error)
{
    // The bench source has no server: paused, SyncManager::start() leaves
    // it alone as it would a source the user paused.
    return SourceRepository(archive.connection())
        .setStatus(sourceId, IngestionSource::Status::Paused, {}, SyncFailure::Kind::None, error);
}

QByteArray proseLines(DeterministicRandom& random, int words)
{
    // Words of a newsletter's kind; wrapped well under 998 bytes a line.
    static const char* const vocabulary[] = {
        "the",     "quarter", "release", "team",     "update",  "customers", "new",     "feature", "our",
        "and",     "with",    "for",     "results",  "growth",  "event",     "read",    "more",    "about",
        "product", "launch",  "week",    "download", "webinar", "insights",  "market",  "report",  "today",
        "join",    "us",      "free",    "offer",    "limited", "time",      "partner", "story",   "design",
    };
    QByteArray out;
    int line = 0;
    for (int i = 0; i < words; ++i) {
        const QByteArray word = vocabulary[random.below(std::size(vocabulary))];
        out += word;
        line += static_cast<int>(word.size()) + 1;
        if (line > 70) {
            out += "\r\n";
            line = 0;
        } else {
            out += ' ';
        }
    }
    return out;
}

QByteArray headers(const QByteArray& from, const QByteArray& subject, const QByteArray& id, const QByteArray& type)
{
    return "From: " + from + "\r\nTo: reader@example.test\r\nSubject: " + subject
        + "\r\nDate: Fri, 01 Jun 2018 09:00:00 +0000\r\nMessage-ID: <" + id
        + "@bench.example>\r\nMIME-Version: 1.0\r\nContent-Type: " + type + "\r\n\r\n";
}

// About 60 KB of table-based HTML with inline CSS and 30 remote images, as
// marketing tools send it, with its text alternative.
QByteArray newsletter()
{
    DeterministicRandom random(11);
    QByteArray html =
        "<!DOCTYPE html>\r\n<html><head><meta charset=\"utf-8\"><style>body{margin:0;padding:0;background:#f2f4f6}"
        "a{color:#1a73e8}.button{background:#1a73e8;color:#ffffff;padding:10px 18px;border-radius:4px;"
        "text-decoration:none;display:inline-block}</style></head>\r\n<body style=\"margin:0;padding:0;"
        "background:#f2f4f6;font-family:Helvetica,Arial,sans-serif\">\r\n<table role=\"presentation\" width=\"100%\" "
        "cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background:#f2f4f6\"><tr><td align=\"center\">\r\n"
        "<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
        "style=\"background:#ffffff;border:1px solid #dde1e6\">\r\n";
    QByteArray text;
    for (int story = 0; story < 30; ++story) {
        const QByteArray n = QByteArray::number(story);
        const QByteArray body = proseLines(random, 190);
        html += "<tr><td style=\"padding:18px 24px;border-bottom:1px solid #e6e8eb\">\r\n<table role=\"presentation\" "
                "width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>\r\n<td width=\"180\" "
                "valign=\"top\" style=\"padding-right:16px\"><a href=\"https://news.example.com/c?s="
            + n + "&amp;u=8f3a\"><img src=\"https://cdn.news.example.com/2018/06/story-" + n
            + ".jpg\" width=\"160\" height=\"120\" alt=\"Story " + n
            + "\" style=\"display:block;border:0;outline:none;width:160px;height:120px\"></a></td>\r\n"
              "<td valign=\"top\" style=\"font-size:14px;line-height:21px;color:#30363d\"><h2 style=\"margin:0 0 "
              "8px 0;font-size:18px;line-height:24px;color:#111418;font-weight:bold\">Story "
            + n + ": the quarter in review</h2>\r\n<p style=\"margin:0 0 12px 0\">" + body
            + "</p>\r\n<a class=\"button\" href=\"https://news.example.com/r?s=" + n
            + "\" style=\"background:#1a73e8;color:#ffffff;padding:8px 14px;border-radius:4px;text-decoration:none;"
              "font-size:13px\">Read more</a></td></tr></table></td></tr>\r\n";
        text +=
            "Story " + n + ": the quarter in review\r\n" + body + "\r\nhttps://news.example.com/r?s=" + n + "\r\n\r\n";
    }
    html += "<tr><td style=\"padding:24px;font-size:11px;color:#6e7781;text-align:center\">You receive this because "
            "you subscribed. <a href=\"https://news.example.com/unsubscribe?u=8f3a\" style=\"color:#6e7781\">"
            "Unsubscribe</a></td></tr>\r\n</table></td></tr></table></body></html>\r\n";
    return headers("Example News <news@news.example.com>",
                   "This month at Example: 30 stories",
                   "newsletter",
                   "multipart/alternative; boundary=\"alt\"")
        + "--alt\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text
        + "--alt\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + html
        + "--alt--\r\n";
}

// A short letter with a 20 MB attachment (incompressible, like a scan).
QByteArray hugeMessage()
{
    DeterministicRandom random(12);
    const QByteArray base64 = random.bytes(20 * 1024 * 1024).toBase64();
    QByteArray wrapped;
    wrapped.reserve(base64.size() + base64.size() / 76 * 2 + 2);
    for (qsizetype at = 0; at < base64.size(); at += 76) {
        wrapped += base64.mid(at, 76);
        wrapped += "\r\n";
    }
    return headers("Scanner <scanner@example.test>", "Scanned document", "huge", "multipart/mixed; boundary=\"mix\"")
        + "--mix\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe scan you asked for is attached.\r\n"
          "--mix\r\nContent-Type: application/pdf; name=\"scan.pdf\"\r\nContent-Disposition: attachment; "
          "filename=\"scan.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + wrapped + "--mix--\r\n";
}

// A typical text mail: the generator's first plain UTF-8 one for a seed.
QByteArray textMail()
{
    MailGenerator generator(BrowseArchive::mixOptions(99));
    for (;;) {
        GeneratedMessage message = generator.next();
        if (message.kind == GeneratedMessage::Kind::PlainUtf8) {
            return message.raw;
        }
    }
}

} // namespace

namespace BrowseArchive {

qint64 fileSize(const QString& path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

MailGeneratorOptions mixOptions(quint64 seed)
{
    MailGeneratorOptions options;
    options.seed = seed;
    options.attachmentScale = 0.05;
    return options;
}

FetchedMessage fetched(GeneratedMessage message, quint32 uid)
{
    FetchedMessage result;
    result.uid = uid;
    result.raw = std::move(message.raw);
    result.internalDate = message.internalDate;
    if (message.seen) {
        result.flags << QStringLiteral("\\Seen");
    }
    return result;
}

// Generates and prepares on a second thread (as FolderImporter prepares
// apart from storing), stores batches of 200 per folder on this one.
bool build(const Archive& archive, int total, quint64 seed, QTextStream& out)
{
    QString error;
    MessageStore store = archive.store();
    const qint64 sourceId = store.ensureSource(SourceName, &error);
    const QList<FolderPlan> plan = folderPlan(total);
    QHash<QString, FolderCheckpoint> checkpoints;
    for (const FolderPlan& folder : plan) {
        const qint64 id = store.ensureFolder(sourceId, folder.name.toUtf8(), folder.name, QStringLiteral("/"), &error);
        if (id == 0) {
            out << "cannot create folder: " << error << '\n';
            return false;
        }
        checkpoints[folder.name] = store.checkpoint(id);
        checkpoints[folder.name].uidValidity = 1;
    }
    if (!pauseSource(archive, sourceId, &error)) {
        out << error << '\n';
        return false;
    }

    BatchQueue queue;
    std::thread producer([&queue, &plan, seed] {
        MailGenerator generator(mixOptions(seed));
        QHash<QString, Batch> pending;
        QHash<QString, quint32> uids;
        generator.generate(plan, [&](GeneratedMessage message) {
            Batch& batch = pending[message.folder];
            batch.folder = message.folder;
            batch.rawBytes += message.raw.size();
            const QString folder = message.folder;
            batch.messages << MessageStore::prepare(fetched(std::move(message), ++uids[folder]), queue.dictionary());
            if (batch.messages.size() == BatchSize) {
                queue.push(std::move(batch));
                batch = Batch();
            }
            return !queue.stopped();
        });
        for (Batch& batch : pending) {
            if (!batch.messages.isEmpty()) {
                queue.push(std::move(batch));
            }
        }
        queue.finish();
    });

    QElapsedTimer timer;
    timer.start();
    qint64 stored = 0;
    qint64 rawBytes = 0;
    qint64 nextReport = 50000;
    Batch batch;
    bool ok = true;
    while (queue.pop(&batch)) {
        FolderCheckpoint& checkpoint = checkpoints[batch.folder];
        checkpoint.lastUid = batch.messages.last().uid;
        checkpoint.uidNext = checkpoint.lastUid + 1;
        if (!store.storeBatch(batch.messages, checkpoint, nullptr, &error)) {
            out << "store failed: " << error << '\n';
            queue.stop();
            ok = false;
            break;
        }
        queue.setDictionary(store.dictionary());
        stored += batch.messages.size();
        rawBytes += batch.rawBytes;
        if (stored >= nextReport) {
            out << "  stored " << stored << " in " << QString::number(timer.elapsed() / 1000.0, 'f', 0) << " s ("
                << QString::number(stored * 1000.0 / static_cast<double>(timer.elapsed()), 'f', 0) << "/s)\n";
            out.flush();
            nextReport += 50000;
        }
    }
    producer.join();
    WalCheckpointer::forArchive(archive.path())->waitIdle();
    QSqlQuery(archive.connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    out << "built:           " << stored << " messages, raw " << QString::number(rawBytes / 1e9, 'f', 2) << " GB, in "
        << QString::number(seconds, 'f', 0) << " s (" << QString::number(stored / seconds, 'f', 0)
        << " msgs/s, generation and prepare on a second thread), archive "
        << QString::number(fileSize(archive.path()) / 1e9, 'f', 2) << " GB\n";
    return ok;
}

// The three messages of 4, stored once in a folder of their own and found
// again by their bytes when the archive is reused.
QList<Specimen> ensureSpecimens(const Archive& archive, QTextStream& out)
{
    const QList<std::pair<QString, QByteArray>> raws {
        {QStringLiteral("text mail"), textMail()},
        {QStringLiteral("HTML newsletter"), newsletter()},
        {QStringLiteral("20 MB attachment"), hugeMessage()},
    };
    QString error;
    MessageStore store = archive.store();
    const ArchiveReader reader = archive.reader();
    const qint64 sourceId = store.ensureSource(SourceName, &error);
    const qint64 folderId =
        store.ensureFolder(sourceId, SpecimenFolder.toUtf8(), SpecimenFolder, QStringLiteral("/"), &error);
    FolderCheckpoint checkpoint = store.checkpoint(folderId);
    checkpoint.uidValidity = 1;
    QList<Specimen> result;
    for (const auto& [name, raw] : raws) {
        const QByteArray sha = QCryptographicHash::hash(raw, QCryptographicHash::Sha256);
        qint64 id = reader.messageIdForSha256(sha);
        if (id == 0) {
            FetchedMessage message;
            message.uid = ++checkpoint.lastUid;
            message.raw = raw;
            message.internalDate = QDateTime(QDate(2018, 6, 1), QTime(9, 0), Qt::UTC);
            checkpoint.uidNext = checkpoint.lastUid + 1;
            if (!store.storeBatch({MessageStore::prepare(message, store.dictionary())}, checkpoint, nullptr, &error)) {
                out << "cannot store " << name << ": " << error << '\n';
            }
            id = reader.messageIdForSha256(sha);
        }
        result << Specimen {name, id, raw.size()};
    }
    return result;
}

bool openOrBuild(const QString& path, bool keep, int total, quint64 seed, QTextStream& out)
{
    const bool reuse = keep && QFile::exists(path);
    if (!reuse) {
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
    }
    Archive archive(path);
    QString error;
    if (!archive.open(&error)) {
        out << error << '\n';
        return false;
    }
    const bool ok = reuse || build(archive, total, seed, out);
    archive.closeConnection();
    return ok;
}

} // namespace BrowseArchive
