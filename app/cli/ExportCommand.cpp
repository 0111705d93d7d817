#include "ExportCommand.h"

#include "CliContext.h"
#include "archive/Archive.h"
#include "archive/ArchiveReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

// A file or directory name that is safe on every file system we run on:
// no separators, no control or reserved characters, no trailing dot or
// space, not empty, not too long.
QString safeName(const QString& text, int maxLength = 80)
{
    QString name;
    name.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || QStringLiteral("/\\:*?\"<>|").contains(c)) {
            name.append(QLatin1Char('_'));
        } else {
            name.append(c);
        }
    }
    name = name.simplified().left(maxLength);
    while (name.endsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char(' '))) {
        name.chop(1);
    }
    if (name.isEmpty() || name == QLatin1String("..")) {
        name = QStringLiteral("_");
    }
    return name;
}

// Creates `relative` under `base` one level at a time; each level this
// creates is 0700, like the archive's own directory.
bool makePrivateDirectories(const QDir& base, const QString& relative)
{
    QString path = base.absolutePath();
    for (const QString& part : relative.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        path = QDir(path).filePath(part);
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

} // namespace

int runExportCommand(CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption format(
        QStringLiteral("format"), Tr::tr("Export format: eml."), QStringLiteral("format"), QStringLiteral("eml"));
    const QCommandLineOption out(QStringLiteral("out"), Tr::tr("Directory to write into."), QStringLiteral("dir"));
    const QCommandLineOption source(QStringLiteral("source"), Tr::tr("Only this source."), QStringLiteral("name"));
    const QCommandLineOption folder(QStringLiteral("folder"), Tr::tr("Only this folder."), QStringLiteral("path"));
    parser.addOptions({format, out, source, folder});
    if (!parser.parse(QStringList {QStringLiteral("export")} + context.arguments)) {
        context.err << "openarchiver-cli export: " << parser.errorText() << '\n';
        return CliExit::BadUsage;
    }
    if (parser.value(format) != QLatin1String("eml")) {
        context.err << "openarchiver-cli export: "
                    << Tr::tr("unknown format \"%1\"; this version exports eml.").arg(parser.value(format)) << '\n';
        return CliExit::BadUsage;
    }
    if (!parser.isSet(out)) {
        context.err << "openarchiver-cli export: " << Tr::tr("--out DIR is required.") << '\n';
        return CliExit::BadUsage;
    }
    const QDir root(parser.value(out));
    if (!makePrivateDirectories(QDir(QDir::rootPath()), root.absolutePath())) {
        context.err << Tr::tr("Cannot create %1.").arg(root.absolutePath()) << '\n';
        return CliExit::Failed;
    }

    QSqlQuery query(context.archive.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT m.id, s.name, f.path, m.date, m.subject FROM locations l JOIN folders f ON f.id = l.folder_id "
        "JOIN sources s ON s.id = f.source_id JOIN messages m ON m.id = l.message_id "
        "WHERE (? = '' OR s.name = ?) AND (? = '' OR f.path = ?) ORDER BY s.name, f.path, l.uid"));
    // Never null: Qt binds a null QString as SQL NULL, and NULL = '' is not true.
    const QString sourceName = parser.isSet(source) ? parser.value(source) : QStringLiteral("");
    const QString folderPath = parser.isSet(folder) ? parser.value(folder) : QStringLiteral("");
    query.addBindValue(sourceName);
    query.addBindValue(sourceName);
    query.addBindValue(folderPath);
    query.addBindValue(folderPath);
    if (!query.exec()) {
        context.err << query.lastError().text() << '\n';
        return CliExit::Failed;
    }

    const ArchiveReader reader = context.archive.reader();
    int written = 0;
    int failed = 0;
    int locations = 0;
    // A message at two UIDs of one folder (or kept from before the server
    // renumbered it) is one file: its name comes from the message.
    QSet<QString> files;
    while (query.next()) {
        ++locations;
        const qint64 id = query.value(0).toLongLong();
        QString directory = safeName(query.value(1).toString());
        for (const QString& part : query.value(2).toString().split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            directory += QLatin1Char('/') + safeName(part);
        }
        const QDateTime date = QDateTime::fromSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC);
        // The id keeps names unique even for equal dates and subjects.
        const QString fileName =
            QStringLiteral("%1 %2 #%3.eml")
                .arg(date.toString(QStringLiteral("yyyy-MM-dd HHmmss")), safeName(query.value(4).toString(), 60))
                .arg(id);
        const QString relativePath = directory + QLatin1Char('/') + fileName;
        if (files.contains(relativePath)) {
            continue;
        }
        QByteArray raw;
        QString error;
        if (!reader.rawMessage(id, &raw, &error)) {
            context.err << error << '\n';
            ++failed;
            continue;
        }
        if (!makePrivateDirectories(root, directory)) {
            context.err << Tr::tr("Cannot create %1.").arg(root.filePath(directory)) << '\n';
            ++failed;
            continue;
        }
        // QSaveFile: a file is either complete or not there, never half
        // written. Private mail: readable by the user only, like the archive.
        QSaveFile file(root.filePath(relativePath));
        if (!file.open(QIODevice::WriteOnly) || file.write(raw) != raw.size()
            || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || !file.commit()) {
            context.err << Tr::tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()) << '\n';
            ++failed;
            continue;
        }
        files.insert(relativePath);
        ++written;
    }
    // Messages and locations differ when a message sits at two UIDs of a
    // folder (or was kept from before the server renumbered it): say both.
    context.out << Tr::tr("Exported %n message(s) (%1) to %2.", nullptr, written)
                       .arg(Tr::tr("%n location(s)", nullptr, locations), root.absolutePath())
                << '\n';
    if (failed > 0) {
        context.err << Tr::tr("%n message(s) could not be exported.", nullptr, failed) << '\n';
        return CliExit::Failed;
    }
    return CliExit::Ok;
}
