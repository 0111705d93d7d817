#include "BackupCommand.h"

#include "CliContext.h"
#include "CliProgressLine.h"
#include "archive/Archive.h"
#include "archive/ArchiveBackup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BackupCommand)
};

} // namespace

int runBackupCommand(CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption to(
        QStringLiteral("to"), Tr::tr("The file to write the backup to."), QStringLiteral("file"));
    const QCommandLineOption force(QStringLiteral("force"), Tr::tr("Replace the file if it exists."));
    parser.addOptions({to, force});
    if (!parser.parse(QStringList {QStringLiteral("backup")} + context.arguments)) {
        context.err << "openarchiver-cli backup: " << parser.errorText() << '\n';
        return CliExit::BadUsage;
    }
    if (!parser.isSet(to) || parser.value(to).isEmpty()) {
        context.err << "openarchiver-cli backup: " << Tr::tr("--to FILE is required.") << '\n';
        return CliExit::BadUsage;
    }
    if (!parser.positionalArguments().isEmpty()) {
        context.err << "openarchiver-cli backup: "
                    << Tr::tr("unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst()) << '\n';
        return CliExit::BadUsage;
    }
    const QString target = QFileInfo(parser.value(to)).absoluteFilePath();
    ArchiveBackup backup(context.archive.path(), target);
    // What the command line got wrong is said before anything is copied.
    if (const QString refused = backup.checkTarget(); !refused.isEmpty()) {
        context.err << "openarchiver-cli backup: " << refused << '\n';
        return CliExit::BadUsage;
    }
    if (QFileInfo::exists(target) && !parser.isSet(force)) {
        context.err << "openarchiver-cli backup: "
                    << Tr::tr("%1 exists; add --force to replace it.").arg(QDir::toNativeSeparators(target)) << '\n';
        return CliExit::BadUsage;
    }

    // Ctrl+C stops between steps and removes the partial copy, instead of
    // killing us with a temporary file left next to the target.
    CliProgressLine line(context.err);
    const BackupResult result = backup.run([&](qint64 done, qint64 total, qint64 pageSize) {
        return line.show(
            [&] {
                return Tr::tr("Backing up: %1 of %2…").arg(cliSizeText(done * pageSize), cliSizeText(total * pageSize));
            },
            done == total);
    });
    line.finish();
    if (!result.succeeded()) {
        context.err << result.summary() << '\n';
        return CliExit::Failed;
    }
    context.out << result.summary() << '\n';
    return CliExit::Ok;
}
