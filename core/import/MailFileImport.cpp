#include "MailFileImport.h"

#include "MaildirReader.h"
#include "MboxReader.h"
#include "archive/Archive.h"
#include "archive/MessageStore.h"
#include "imap/ModifiedUtf7.h"
#include "sources/SourceRepository.h"
#include "values/FetchedMessage.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace {

// How deep a folder tree is followed: Thunderbird nests folders as
// "Name.sbd" directories; nothing real goes deeper than this.
constexpr int MaxDepth = 32;

// A file's first line says what it is: "From " starts an mbox, a header
// field ("Name: value") a single message.
QByteArray firstLine(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readLine(1024);
}

bool looksLikeHeader(const QByteArray& line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0) {
        return false;
    }
    for (qsizetype i = 0; i < colon; ++i) {
        const char c = line.at(i);
        if (c <= 32 || c >= 127) {
            return false;
        }
    }
    return true;
}

// Files mail programs keep next to their mail, never mail themselves.
bool isMailProgramsOwn(const QFileInfo& info)
{
    static const QStringList suffixes {QStringLiteral("msf"),
                                       QStringLiteral("dat"),
                                       QStringLiteral("json"),
                                       QStringLiteral("sqlite"),
                                       QStringLiteral("html"),
                                       QStringLiteral("ini")};
    return info.fileName().startsWith(QLatin1Char('.')) || suffixes.contains(info.suffix().toLower());
}

// "Inbox.mbox" is the folder "Inbox"; Thunderbird's "Inbox.sbd" holds
// Inbox's subfolders.
QString folderName(const QFileInfo& info)
{
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("mbox") || suffix == QLatin1String("mbx") || suffix == QLatin1String("sbd")) {
        return info.completeBaseName();
    }
    return info.fileName();
}

QString joined(const QString& parent, const QString& name)
{
    return parent.isEmpty() ? name : parent + QLatin1Char('/') + name;
}

// What the folder's checkpoint is valid for: the same file or files,
// unchanged. 0 is never used (it means "no checkpoint").
quint32 validityOf(const QByteArray& identity)
{
    const QByteArray hash = QCryptographicHash::hash(identity, QCryptographicHash::Sha256);
    quint32 value = 0;
    for (int i = 0; i < 4; ++i) {
        value = (value << 8) | static_cast<quint8>(hash.at(i));
    }
    return value == 0 ? 1 : value;
}

QByteArray fileIdentity(const QFileInfo& info)
{
    QByteArray identity = info.absoluteFilePath().toUtf8() + '\n' + QByteArray::number(info.size()) + '\n'
        + QByteArray::number(info.lastModified().toMSecsSinceEpoch()) + '\n';
    QFile file(info.absoluteFilePath());
    if (file.open(QIODevice::ReadOnly)) {
        identity += file.read(64 * 1024);
    }
    return identity;
}

// "From anna@example.org Tue Mar  5 14:23:01 2019" (asctime, as mbox
// writers put it; Takeout adds "+0000" before the year): when the mail was
// delivered, for the message's INTERNALDATE.
QDateTime deliveryTime(const QByteArray& fromLine)
{
    static const QRegularExpression pattern(
        QStringLiteral("(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})"
                       "(?:\\s+[+-]\\d{4})?\\s+(\\d{4})"));
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(fromLine));
    if (!match.hasMatch()) {
        return {};
    }
    static const QStringList months {QStringLiteral("Jan"),
                                     QStringLiteral("Feb"),
                                     QStringLiteral("Mar"),
                                     QStringLiteral("Apr"),
                                     QStringLiteral("May"),
                                     QStringLiteral("Jun"),
                                     QStringLiteral("Jul"),
                                     QStringLiteral("Aug"),
                                     QStringLiteral("Sep"),
                                     QStringLiteral("Oct"),
                                     QStringLiteral("Nov"),
                                     QStringLiteral("Dec")};
    const QDate date(
        match.captured(6).toInt(), static_cast<int>(months.indexOf(match.captured(1))) + 1, match.captured(2).toInt());
    const QTime time(match.captured(3).toInt(), match.captured(4).toInt(), match.captured(5).toInt());
    return date.isValid() && time.isValid() ? QDateTime(date, time, Qt::UTC) : QDateTime();
}

} // namespace

struct MailFileImport::Unit
{
    enum class Kind { Mbox, Maildir, Messages };
    Kind kind = Kind::Messages;
    QString path; // the mbox file or the directory
    QStringList files; // Messages: the .eml files, sorted
    QString folderPath; // as the archive names it
    qint64 bytes = 0;
};

MailFileImport::MailFileImport(Archive& archive, QString sourceName)
    : m_archive(archive)
    , m_sourceName(sourceName.trimmed().isEmpty() ? DefaultSourceName : sourceName.trimmed())
    , m_maxMessageBytes(MboxReader::DefaultMaxMessageBytes)
{
}

void MailFileImport::setMaxMessageBytes(qint64 bytes)
{
    m_maxMessageBytes = bytes;
}

qint64 MailFileImport::ensureLocalSource(Archive& archive, const QString& name, QString* error)
{
    SourceRepository repository(archive.connection());
    if (const auto existing = repository.findByName(name)) {
        if (!existing->isLocal()) {
            *error = tr("\"%1\" is the name of a mail account; import into another name.").arg(name);
            return 0;
        }
        return existing->id;
    }
    const auto added = repository.addLocal(name, error);
    return added ? added->id : 0;
}

void MailFileImport::planDirectory(const QString& directory,
                                   const QString& folderPath,
                                   int depth,
                                   QList<Unit>* units) const
{
    if (MaildirReader::isMaildir(directory)) {
        Unit unit {Unit::Kind::Maildir, directory, {}, folderPath, 0};
        QList<MaildirReader::Entry> entries;
        QString ignored;
        if (MaildirReader::list(directory, &entries, &ignored)) {
            for (const MaildirReader::Entry& entry : entries) {
                unit.bytes += entry.size;
            }
        }
        units->append(unit);
        planMaildirChildren(directory, folderPath, depth, units);
        return;
    }
    if (depth > MaxDepth) {
        return;
    }
    Unit messages {Unit::Kind::Messages, directory, {}, folderPath, 0};
    const QFileInfoList entries = QDir(directory).entryInfoList(
        QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Readable, QDir::Name | QDir::IgnoreCase);
    for (const QFileInfo& info : entries) {
        // Links could lead in circles, or out of what was chosen.
        if (info.isSymLink() || isMailProgramsOwn(info)) {
            continue;
        }
        if (info.isDir()) {
            planDirectory(info.filePath(), joined(folderPath, folderName(info)), depth + 1, units);
            continue;
        }
        const QByteArray line = firstLine(info.filePath());
        if (line.startsWith("From ")) {
            units->append({Unit::Kind::Mbox, info.filePath(), {}, joined(folderPath, folderName(info)), info.size()});
        } else if (info.suffix().compare(QLatin1String("eml"), Qt::CaseInsensitive) == 0 || looksLikeHeader(line)) {
            messages.files << info.filePath();
            messages.bytes += info.size();
        }
    }
    if (!messages.files.isEmpty()) {
        units->append(messages);
    }
}

void MailFileImport::planMaildirChildren(const QString& directory,
                                         const QString& folderPath,
                                         int depth,
                                         QList<Unit>* units) const
{
    if (depth > MaxDepth) {
        return;
    }
    // A Maildir's own folders: Maildir++ (Dovecot's and Courier's default)
    // keeps them next to cur/ and new/ as ".Sent", ".Archive.2019" — the
    // dot a level, names in modified UTF-7 —; LAYOUT=fs as plain
    // directories. Left out, a whole mailbox would be missed in silence.
    const QFileInfoList entries = QDir(directory).entryInfoList(
        QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot | QDir::Readable, QDir::Name | QDir::IgnoreCase);
    for (const QFileInfo& info : entries) {
        const QString name = info.fileName();
        if (info.isSymLink() || name == QLatin1String("cur") || name == QLatin1String("new")
            || name == QLatin1String("tmp")) {
            continue;
        }
        if (name.size() > 1 && name.startsWith(QLatin1Char('.'))) {
            if (!MaildirReader::isMaildir(info.filePath())) {
                continue;
            }
            QStringList levels = ModifiedUtf7::decodeForDisplay(name.mid(1).toUtf8()).split(QLatin1Char('.'));
            levels.removeAll(QString());
            Unit unit {Unit::Kind::Maildir, info.filePath(), {}, joined(folderPath, levels.join(QLatin1Char('/'))), 0};
            QList<MaildirReader::Entry> children;
            QString ignored;
            if (MaildirReader::list(info.filePath(), &children, &ignored)) {
                for (const MaildirReader::Entry& entry : children) {
                    unit.bytes += entry.size;
                }
            }
            units->append(unit);
        } else if (!name.startsWith(QLatin1Char('.'))) {
            planDirectory(info.filePath(), joined(folderPath, folderName(info)), depth + 1, units);
        }
    }
}

QList<MailFileImport::Unit> MailFileImport::plan(const QStringList& paths, Summary* summary) const
{
    QList<Unit> units;
    Unit loose {Unit::Kind::Messages, {}, {}, {}, 0}; // .eml files named one by one
    QSet<QString> givenBefore;
    for (const QString& given : paths) {
        const QFileInfo info(given);
        if (!info.exists()) {
            summary->problems.append({given, -1, tr("There is no such file or folder.")});
            continue;
        }
        if (givenBefore.contains(info.canonicalFilePath())) {
            continue; // named twice: imported once
        }
        givenBefore.insert(info.canonicalFilePath());
        if (!info.isReadable()) {
            summary->problems.append({given, -1, tr("The file cannot be read (no permission).")});
            continue;
        }
        if (info.isDir()) {
            planDirectory(info.absoluteFilePath(), folderName(info), 0, &units);
            continue;
        }
        const QByteArray line = firstLine(info.absoluteFilePath());
        if (line.startsWith("From ")) {
            units.append({Unit::Kind::Mbox, info.absoluteFilePath(), {}, folderName(info), info.size()});
        } else if (looksLikeHeader(line)) {
            loose.files << info.absoluteFilePath();
            loose.bytes += info.size();
            if (loose.folderPath.isEmpty()) {
                loose.folderPath = info.absoluteDir().dirName();
                loose.path = info.absolutePath();
            }
        } else {
            summary->problems.append(
                {given, -1, tr("This is neither an mbox file nor a message (.eml): it does not start like mail.")});
        }
    }
    if (!loose.files.isEmpty()) {
        units.append(loose);
    }
    // A file given and also found in a folder given is one folder, not two.
    QSet<QString> planned;
    QList<Unit> unique;
    for (Unit& unit : units) {
        if (unit.kind == Unit::Kind::Messages || !planned.contains(unit.path)) {
            planned.insert(unit.path);
            unique.append(std::move(unit));
        }
    }
    return unique;
}

MailFileImport::Summary MailFileImport::run(const QStringList& paths, const Progress& progress)
{
    Summary summary;
    m_progress = progress;
    const QList<Unit> units = plan(paths, &summary);
    m_bytesDone = 0;
    m_bytesTotal = 0;
    for (const Unit& unit : units) {
        m_bytesTotal += unit.bytes;
    }
    if (units.isEmpty()) {
        return summary; // nothing that looks like mail: no source for it either
    }
    const qint64 sourceId = ensureLocalSource(m_archive, m_sourceName, &summary.error);
    if (sourceId == 0) {
        return summary;
    }
    MessageStore store = m_archive.store();
    for (const Unit& unit : units) {
        if (!importUnit(store, sourceId, unit, &summary)) {
            break;
        }
        ++summary.folders;
    }
    return summary;
}

bool MailFileImport::reportProgress(const QString& file, const Summary& summary) const
{
    if (!m_progress) {
        return true;
    }
    Step step;
    step.file = file;
    step.bytesDone = m_bytesDone;
    step.bytesTotal = m_bytesTotal;
    step.messages = summary.added + summary.alreadyArchived + summary.resumed;
    step.unreadable = summary.unreadable;
    return m_progress(step);
}

QString MailFileImport::summaryText(const Summary& summary)
{
    const QLocale locale;
    //: %1 new messages, %2 already archived, %3 unreadable; then the number of folders.
    return tr("%1 new, %2 already archived, %3 could not be read (%n folder(s)).",
              nullptr,
              static_cast<int>(summary.folders))
        .arg(locale.toString(summary.added),
             locale.toString(summary.alreadyArchived),
             locale.toString(summary.unreadable));
}

QString MailFileImport::problemText(const Problem& problem)
{
    QString text = QDir::toNativeSeparators(problem.file);
    if (problem.offset >= 0) {
        //: Where in an mbox file a problem is.
        text += QLatin1Char(' ') + tr("(at byte %1)").arg(QLocale().toString(problem.offset));
    }
    return text + QStringLiteral(": ") + problem.reason;
}

bool MailFileImport::storeBatch(MessageStore& store,
                                qint64 folderId,
                                quint32 validity,
                                quint32 lastNumber,
                                QList<FetchedMessage>* batch,
                                Summary* summary)
{
    QList<PreparedMessage> prepared;
    prepared.reserve(batch->size());
    const SharedDictionary dictionary = store.dictionary();
    for (FetchedMessage& message : *batch) {
        prepared << MessageStore::prepare(std::move(message), dictionary);
    }
    batch->clear();
    FolderCheckpoint checkpoint;
    checkpoint.folderId = folderId;
    checkpoint.uidValidity = validity;
    checkpoint.lastUid = lastNumber;
    StoreResult result;
    QString error;
    if (!store.storeBatch(prepared, checkpoint, &result, &error)) {
        summary->error = tr("The archive could not store the mail: %1. What was imported before is kept; import "
                            "again to go on.")
                             .arg(error);
        return false;
    }
    summary->added += result.newMessages;
    summary->alreadyArchived += result.duplicates;
    return true;
}

bool MailFileImport::importUnit(MessageStore& store, qint64 sourceId, const Unit& unit, Summary* summary)
{
    const QByteArray name = unit.folderPath.toUtf8();
    QString error;
    qint64 folderId = store.ensureFolder(sourceId, name, unit.folderPath, QStringLiteral("/"), &error);
    if (folderId <= 0) {
        summary->error = tr("The archive could not be written: %1").arg(error);
        return false;
    }
    // What the checkpoint holds good for.
    QByteArray identity;
    QList<MaildirReader::Entry> maildir;
    if (unit.kind == Unit::Kind::Mbox) {
        identity = fileIdentity(QFileInfo(unit.path));
    } else if (unit.kind == Unit::Kind::Maildir) {
        if (!MaildirReader::list(unit.path, &maildir, &error)) {
            summary->problems.append({unit.path, -1, error});
            return true;
        }
        for (const MaildirReader::Entry& entry : maildir) {
            identity +=
                entry.fileName.section(QLatin1Char(':'), 0, 0).toUtf8() + ' ' + QByteArray::number(entry.size) + '\n';
        }
    } else {
        for (const QString& file : unit.files) {
            const QFileInfo info(file);
            identity += file.toUtf8() + ' ' + QByteArray::number(info.size()) + '\n';
        }
    }
    const quint32 validity = validityOf(identity);
    const FolderCheckpoint previous = store.checkpoint(folderId);
    quint32 skip = previous.uidValidity == validity ? previous.lastUid : 0;
    if (previous.uidValidity != validity && previous.lastUid > 0) {
        // The file changed since: its message numbers mean something else
        // now. The old folder is kept, retired; the new one starts afresh.
        if (!store.retireFolder(folderId, previous.uidValidity, &error)) {
            summary->error = tr("The archive could not be written: %1").arg(error);
            return false;
        }
        folderId = store.ensureFolder(sourceId, name, unit.folderPath, QStringLiteral("/"), &error);
        if (folderId <= 0) {
            summary->error = tr("The archive could not be written: %1").arg(error);
            return false;
        }
    }

    QList<FetchedMessage> batch;
    quint32 number = 0;
    const auto take = [&](FetchedMessage message) -> bool {
        message.uid = number;
        batch << std::move(message);
        if (batch.size() < BatchSize) {
            return true;
        }
        if (!storeBatch(store, folderId, validity, number, &batch, summary)) {
            return false;
        }
        if (!reportProgress(unit.path, *summary)) {
            summary->cancelled = true; // stopped at this batch boundary, everything read is stored
            return false;
        }
        return true;
    };
    const auto unreadable = [&](const QString& file, qint64 offset, const QString& reason) {
        ++summary->unreadable;
        summary->problems.append({file, offset, reason});
    };

    bool going = true;
    if (unit.kind == Unit::Kind::Mbox) {
        QFile file(unit.path);
        if (!file.open(QIODevice::ReadOnly)) {
            summary->problems.append({unit.path, -1, tr("The file cannot be read: %1").arg(file.errorString())});
            return true;
        }
        MboxReader reader(&file, MboxReader::Quoting::Mboxrd, m_maxMessageBytes);
        MboxReader::Message message;
        const qint64 doneBefore = m_bytesDone;
        while (going && reader.next(&message)) {
            for (const MboxReader::Problem& problem : reader.takeProblems()) {
                unreadable(unit.path, problem.offset, problem.reason);
            }
            ++number;
            m_bytesDone = doneBefore + reader.position();
            if (number <= skip) {
                ++summary->resumed;
                continue;
            }
            FetchedMessage fetched;
            fetched.flags = MboxReader::flagsOf(message.bytes);
            fetched.raw = std::move(message.bytes);
            fetched.internalDate = deliveryTime(message.fromLine);
            going = take(std::move(fetched));
        }
        for (const MboxReader::Problem& problem : reader.takeProblems()) {
            unreadable(unit.path, problem.offset, problem.reason);
        }
        if (!reader.error().isEmpty()) {
            summary->problems.append({unit.path, -1, reader.error()});
        }
        m_bytesDone = doneBefore + unit.bytes;
    } else {
        QList<MaildirReader::Entry> entries = maildir;
        if (unit.kind == Unit::Kind::Messages) {
            for (const QString& path : unit.files) {
                const QFileInfo info(path);
                entries.append({path, info.fileName(), {}, info.size(), info.lastModified().toUTC()});
            }
        }
        for (const MaildirReader::Entry& entry : entries) {
            if (!going) {
                break;
            }
            ++number;
            m_bytesDone += entry.size;
            if (number <= skip) {
                ++summary->resumed;
                continue;
            }
            if (entry.size == 0) {
                unreadable(entry.path, -1, tr("The file is empty: there is no message in it."));
                continue;
            }
            if (entry.size > m_maxMessageBytes) {
                unreadable(entry.path,
                           -1,
                           tr("The message is larger than %1 MB, more than the app takes in one "
                              "message; it was skipped.")
                               .arg(m_maxMessageBytes / (1024 * 1024)));
                continue;
            }
            QFile file(entry.path);
            if (!file.open(QIODevice::ReadOnly)) {
                unreadable(entry.path, -1, tr("The file cannot be read: %1").arg(file.errorString()));
                continue;
            }
            FetchedMessage fetched;
            fetched.raw = file.readAll();
            fetched.flags = entry.flags;
            fetched.internalDate = entry.modified;
            going = take(std::move(fetched));
        }
    }
    if (!summary->error.isEmpty()) {
        return false;
    }
    // The last batch, and with it the checkpoint past the messages that
    // could not be read (they are named in the summary).
    if ((!batch.isEmpty() || number > skip) && !summary->cancelled) {
        if (!storeBatch(store, folderId, validity, number, &batch, summary)) {
            return false;
        }
    }
    if (!summary->cancelled && !reportProgress(unit.path, *summary)) {
        summary->cancelled = true;
    }
    return !summary->cancelled;
}
