#include "MessageExporter.h"

#include "MboxFormat.h"
#include "archive/ArchiveDatabase.h"
#include "mime/SafeFileName.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MessageExporter)
};

const QString ConnectionRole = QStringLiteral("export");
constexpr int PageSize = 500;
constexpr int ProblemsKept = 10;
constexpr QFileDevice::Permissions PrivateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// A folder name from a source's name or a folder level: what SafeFileName
// makes of an attachment's name, with separators kept inside the name.
QString safeDirectoryName(const QString& name)
{
    QString flat = name;
    flat.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    if (flat.count(QLatin1Char('.')) == flat.size()) {
        flat.fill(QLatin1Char('_')); // "..": a level of its own, not the parent
    }
    return SafeFileName::fromAttachmentName(flat.isEmpty() ? QStringLiteral("_") : flat);
}

// Creates `relative` under `base` one level at a time; each level created
// is the user's alone (0700), like the archive's own folder.
bool makePrivateDirectories(const QString& base, const QStringList& levels)
{
    QString path = base;
    for (const QString& level : levels) {
        path = QDir(path).filePath(level);
        if (QFileInfo(path).isDir()) {
            continue;
        }
        if (!QDir().mkdir(path)
            || !QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
            return false;
        }
    }
    return true;
}

// One message on its way out.
struct Outgoing
{
    MessageSummary summary;
    QList<MessageLocation> locations;
    QByteArray raw;
};

// Where messages go; each writer leaves nothing half-written behind.
class Writer
{
public:
    virtual ~Writer() = default;
    virtual bool open(QString* error) = 0;
    virtual bool write(const Outgoing& message, QString* error) = 0;
    virtual bool finish(QString* error) = 0;
};

class EmlWriter : public Writer
{
public:
    EmlWriter(QString root, bool keepFolders)
        : m_root(std::move(root))
        , m_keepFolders(keepFolders)
    {
    }

    bool open(QString* error) override
    {
        if (!makePrivateDirectories(QDir::rootPath(),
                                    QDir(m_root).absolutePath().split(QLatin1Char('/'), Qt::SkipEmptyParts))) {
            *error = Tr::tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(m_root));
            return false;
        }
        return true;
    }

    bool write(const Outgoing& message, QString* error) override
    {
        QStringList levels;
        if (m_keepFolders && !message.locations.isEmpty()) {
            const MessageLocation& where = message.locations.first();
            levels << safeDirectoryName(where.sourceName);
            for (const QString& level : where.folderPath.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
                levels << safeDirectoryName(level);
            }
        }
        if (!makePrivateDirectories(m_root, levels)) {
            *error = Tr::tr("Cannot create the folder %1.")
                         .arg(QDir::toNativeSeparators(QDir(m_root).filePath(levels.join(QLatin1Char('/')))));
            return false;
        }
        const QDir directory(QDir(m_root).filePath(levels.join(QLatin1Char('/'))));
        const QString name = SafeFileName::uniqueIn(directory, MessageExporter::emlFileName(message.summary));
        // QSaveFile writes to a temporary file and renames it when whole.
        QSaveFile file(directory.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(message.raw) != message.raw.size()
            || !file.setPermissions(PrivateFile) || !file.commit()) {
            *error = Tr::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
            return false;
        }
        return true;
    }

    bool finish(QString*) override { return true; }

private:
    QString m_root;
    bool m_keepFolders;
};

class MboxWriter : public Writer
{
public:
    explicit MboxWriter(const QString& path)
        : m_file(path)
    {
    }

    bool open(QString* error) override
    {
        if (!m_file.open(QIODevice::WriteOnly) || !m_file.setPermissions(PrivateFile)) {
            *error =
                Tr::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
            return false;
        }
        return true;
    }

    bool write(const Outgoing& message, QString* error) override
    {
        const QDateTime received = !message.locations.isEmpty() && message.locations.first().internalDate.isValid()
            ? message.locations.first().internalDate
            : message.summary.date;
        m_buffer = MboxFormat::separatorLine(message.summary.fromAddress, received);
        MboxFormat::appendMessage(message.raw, &m_buffer);
        if (m_file.write(m_buffer) != m_buffer.size()) {
            *error =
                Tr::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
            return false;
        }
        // Large messages would keep their buffer's memory otherwise.
        if (m_buffer.capacity() > 8 * 1024 * 1024) {
            m_buffer = QByteArray();
        }
        return true;
    }

    bool finish(QString* error) override
    {
        if (!m_file.commit()) {
            *error =
                Tr::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
            return false;
        }
        return true;
    }

private:
    QSaveFile m_file; // dropped unless committed
    QByteArray m_buffer;
};

// Keeps the export's view of the archive fixed: one read transaction from
// the count to the last message.
class ReadTransaction
{
public:
    explicit ReadTransaction(QSqlDatabase db)
        : m_db(std::move(db))
    {
    }
    ~ReadTransaction()
    {
        if (m_open) {
            m_db.rollback();
        }
    }
    Q_DISABLE_COPY_MOVE(ReadTransaction)

    bool begin(QString* error)
    {
        QSqlQuery query(m_db);
        // A deferred transaction takes its snapshot at the first read.
        if (!m_db.transaction() || !query.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema"))) {
            *error = m_db.lastError().text();
            return false;
        }
        m_open = true;
        return true;
    }

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace

QString ExportResult::summary() const
{
    const QString where = QDir::toNativeSeparators(target);
    if (cancelled) {
        return singleFile ? Tr::tr("Export cancelled; no file was written.")
                          : Tr::tr("Export cancelled after %n message(s); the files written are complete.",
                                   nullptr,
                                   static_cast<int>(exported));
    }
    QString text;
    if (!error.isEmpty()) {
        text = singleFile ? Tr::tr("Export failed; no file was written: %1").arg(error)
                          : Tr::tr("Export stopped after %1 of %n message(s): %2", nullptr, static_cast<int>(total))
                                .arg(QLocale().toString(exported), error);
    } else {
        text = Tr::tr("Exported %n message(s) (%1) to %2.", nullptr, static_cast<int>(exported))
                   .arg(sizeText(bytes), where);
    }
    if (unreadable > 0) {
        text += QLatin1Char(' ')
            + Tr::tr("%n message(s) could not be read from the archive: %1", nullptr, static_cast<int>(unreadable))
                  .arg(problems.join(QLatin1String("; ")));
    }
    return text;
}

MessageExporter::MessageExporter(QString archivePath, ExportRequest request)
    : m_archivePath(std::move(archivePath))
    , m_request(std::move(request))
{
}

QString MessageExporter::emlFileName(const MessageSummary& message)
{
    const QString date = message.date.isValid() && message.date.toSecsSinceEpoch() > 0
        ? message.date.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HHmm"))
        : QStringLiteral("undated");
    QString subject = message.subject.simplified();
    subject.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    if (subject.isEmpty()) {
        subject = Tr::tr("(no subject)");
    }
    // Long subjects are cut so the name stays readable; SafeFileName keeps
    // the extension and the byte limit.
    if (subject.size() > 80) {
        subject = subject.left(80).trimmed() + QChar(0x2026);
    }
    return SafeFileName::fromAttachmentName(date + QLatin1Char(' ') + subject + QLatin1String(".eml"));
}

QString MessageExporter::checkTarget() const
{
    if (m_request.target.isEmpty()) {
        return Tr::tr("Choose where to export to.");
    }
    const QFileInfo target(m_request.target);
    const QString archive = QFileInfo(m_archivePath).absoluteFilePath();
    for (const QString& own : {archive, archive + QStringLiteral("-wal"), archive + QStringLiteral("-shm")}) {
        if (target.absoluteFilePath() == own) {
            return Tr::tr("%1 is the archive itself; choose another file.").arg(QDir::toNativeSeparators(own));
        }
    }
    if (m_request.format == ExportRequest::Format::Mbox) {
        if (target.isDir()) {
            return Tr::tr("%1 is a folder; an mbox export is one file.")
                .arg(QDir::toNativeSeparators(target.absoluteFilePath()));
        }
        if (!target.absoluteDir().exists()) {
            return Tr::tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(target.absolutePath()));
        }
        if (target.exists() && !m_request.replace) {
            return Tr::tr("%1 exists already.").arg(QDir::toNativeSeparators(target.absoluteFilePath()));
        }
    } else if (target.exists() && !target.isDir()) {
        return Tr::tr("%1 is a file; .eml files are exported into a folder.")
            .arg(QDir::toNativeSeparators(target.absoluteFilePath()));
    }
    return {};
}

ExportResult MessageExporter::run(const Progress& progress)
{
    ExportResult result;
    result.target = QFileInfo(m_request.target).absoluteFilePath();
    result.singleFile = m_request.format == ExportRequest::Format::Mbox;
    result.error = checkTarget();
    if (!result.error.isEmpty()) {
        return result;
    }
    const auto closeConnection =
        qScopeGuard([this] { ArchiveDatabase::closeReadOnlyConnection(m_archivePath, ConnectionRole); });
    QString error;
    QSqlDatabase db = ArchiveDatabase::readOnlyConnection(m_archivePath, ConnectionRole, &error);
    if (!db.isOpen()) {
        result.error = Tr::tr("Cannot read the archive: %1").arg(error);
        return result;
    }
    std::unique_ptr<Writer> writer;
    if (m_request.format == ExportRequest::Format::Mbox) {
        writer = std::make_unique<MboxWriter>(result.target);
    } else {
        writer = std::make_unique<EmlWriter>(result.target, m_request.keepFolders);
    }
    {
        ReadTransaction snapshot(db);
        if (!snapshot.begin(&error)) {
            result.error = Tr::tr("Cannot read the archive: %1").arg(error);
            return result;
        }
        const ArchiveReader reader(db);
        MessageListQuery list = m_request.list;
        // Oldest first: the order mail programs keep an mbox in.
        list.sort = MessageListQuery::Sort::Date;
        list.order = Qt::AscendingOrder;
        const bool byIds = !m_request.messageIds.isEmpty();
        result.total = byIds ? m_request.messageIds.size() : reader.count(list, std::numeric_limits<int>::max() - 1);
        if (!writer->open(&error)) {
            result.error = error;
            return result;
        }
        qint64 done = 0;
        PageCursor cursor;
        qsizetype nextId = 0;
        while (true) {
            QList<MessageSummary> batch;
            if (byIds) {
                for (; nextId < m_request.messageIds.size() && batch.size() < PageSize; ++nextId) {
                    if (const auto summary = reader.message(m_request.messageIds.at(nextId))) {
                        batch << *summary;
                    } else {
                        ++result.unreadable;
                        ++done;
                    }
                }
            } else {
                const MessagePage page = reader.page(list, cursor, PageSize);
                batch = page.messages;
                cursor = page.next;
            }
            if (batch.isEmpty()) {
                if (byIds && nextId < m_request.messageIds.size()) {
                    continue; // a whole batch of ids no longer in the archive
                }
                break;
            }
            for (const MessageSummary& summary : std::as_const(batch)) {
                Outgoing message {summary, reader.locations(summary.id), {}};
                QString readError;
                if (!reader.rawMessage(summary.id, &message.raw, &readError)) {
                    ++result.unreadable;
                    if (result.problems.size() < ProblemsKept) {
                        result.problems
                            << Tr::tr("message %1 (\"%2\"): %3").arg(summary.id).arg(summary.subject, readError);
                    }
                } else {
                    if (!writer->write(message, &error)) {
                        result.error = error;
                        return result;
                    }
                    ++result.exported;
                    result.bytes += message.raw.size();
                }
                ++done;
                if (progress && !progress(done, result.total, result.bytes)) {
                    result.cancelled = true;
                    return result;
                }
            }
        }
    }
    if (!writer->finish(&error)) {
        result.error = error;
    }
    return result;
}
