#include "BackupCommand.h"
#include "CliContext.h"
#include "ExportCommand.h"
#include "ImportCommand.h"
#include "RestoreCommand.h"
#include "SearchCommand.h"
#include "ShowCommand.h"
#include "SourceCommand.h"
#include "StatusCommand.h"
#include "SyncCommand.h"
#include "VerifyCommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

#include "archive/Archive.h"
#include "common/AppInfo.h"
#include "common/LibraryVersions.h"
#include "common/Translations.h"

namespace {

// Gives the free functions of this file a translation context.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

QString commandList()
{
    return CommandLine::tr("Commands:\n"
                           "  source add --name N --host H [--port P] [--security tls|starttls|none] --user U\n"
                           "             --password-stdin [--provider ID] [--folders inbox|all]\n"
                           "             [--trust-fingerprint SHA256] [--interval MINUTES]\n"
                           "  source list [--json]\n"
                           "  source edit NAME [the options of add, each optional] [--fresh-import]\n"
                           "  source pause NAME | source resume NAME\n"
                           "  source remove NAME [--purge]   (--purge: delete its mail too, except\n"
                           "             messages another source also holds)\n"
                           "  source removed [--json]   (removed sources whose mail was kept)\n"
                           "  source purge NAME   (delete the mail a removed source left, except\n"
                           "             messages another source also holds)\n"
                           "  sync [--source NAME]\n"
                           "  status [--json]\n"
                           "  search QUERY [--json] [--limit N] [--source NAME] [--folder PATH]\n"
                           "             (words, \"phrases\", from: to: subject: body: filename:\n"
                           "             has:attachment in: source: before: after: date: larger:\n"
                           "             smaller:, OR, -word, (…); newest first, 50 by default)\n"
                           "  show ID|SHA256 [--raw | --text | --html]   (a message: its headers and\n"
                           "             text; --raw its exact bytes, --html the HTML the viewer shows)\n"
                           "  export --format eml|mbox --out PATH [--query Q] [--source NAME]\n"
                           "             [--folder PATH] [--flat] [--force]   (exact bytes: eml files in\n"
                           "             PATH/<source>/<folder>/, or --flat all in PATH; mbox: one mboxrd\n"
                           "             file, --force replaces it; Q as in search)\n"
                           "  import PATH... [--into NAME]   (mbox files, .eml files and folders of\n"
                           "             them, Maildirs, into the local source NAME, \"Local files\" by\n"
                           "             default; mail already archived is not stored twice; run it\n"
                           "             again to go on after a stop)\n"
                           "  restore --to NAME | --host H [--port P] [--security tls|starttls|none]\n"
                           "             --user U --password-stdin [--trust-fingerprint SHA256]\n"
                           "             [--to-folder DEST | --keep-folders] [--query Q] [--source NAME]\n"
                           "             [--folder PATH]   (archived mail back onto an account: exact\n"
                           "             bytes, flags and dates, into DEST (\"Restored\") or the folders\n"
                           "             it came from; what is there already is not sent again)\n"
                           "  verify\n"
                           "  backup --to FILE [--force]   (a consistent copy of the archive in one\n"
                           "             file, safe while a sync runs; --force replaces FILE)\n");
}

// The lines of commandList() for `command` ("source", "sync"…), with
// their continuation lines: `--help` after a command shows only them, from
// the same text as the full list, so the two cannot drift.
QString commandUsage(const QString& command)
{
    QStringList usage;
    bool inCommand = false;
    for (const QString& line : commandList().split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("  ")) && !line.startsWith(QLatin1String("   "))) {
            inCommand = line.mid(2).startsWith(command + QLatin1Char(' ')) || line.mid(2) == command;
        }
        if (inCommand) {
            usage << line;
        }
    }
    return usage.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    AppInfo::configure();
    Translations::install(app);

    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        CommandLine::tr("Headless companion of %1: manages the same per-user archive from a terminal or a script.")
            .arg(AppInfo::displayName())
        + QStringLiteral("\n\n") + commandList());
    parser.addHelpOption();
    const QCommandLineOption versionOption(QStringList {QStringLiteral("v"), QStringLiteral("version")},
                                           CommandLine::tr("Displays version information, with the versions of the "
                                                           "libraries in use."));
    const QCommandLineOption archiveOption(QStringLiteral("archive"),
                                           CommandLine::tr("The archive file (default: the user's archive)."),
                                           QStringLiteral("path"));
    parser.addOptions({versionOption, archiveOption});
    parser.addPositionalArgument(QStringLiteral("command"), CommandLine::tr("The command to run."));
    // Options after the command belong to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);

    if (!parser.parse(QCoreApplication::arguments())) {
        err << "openarchiver-cli: " << parser.errorText() << '\n';
        return CliExit::BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        parser.showHelp(CliExit::Ok);
    }
    if (parser.isSet(versionOption)) {
        out << "openarchiver-cli " << AppInfo::version() << '\n' << LibraryVersions::current().toText() << '\n';
        return CliExit::Ok;
    }

    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        err << parser.helpText();
        return CliExit::BadUsage;
    }
    const QString command = positional.takeFirst();
    using Runner = int (*)(CliContext&);
    Runner runner = nullptr;
    if (command == QLatin1String("source")) {
        runner = runSourceCommand;
    } else if (command == QLatin1String("status")) {
        runner = runStatusCommand;
    } else if (command == QLatin1String("sync")) {
        runner = runSyncCommand;
    } else if (command == QLatin1String("search")) {
        runner = runSearchCommand;
    } else if (command == QLatin1String("show")) {
        runner = runShowCommand;
    } else if (command == QLatin1String("export")) {
        runner = runExportCommand;
    } else if (command == QLatin1String("import")) {
        runner = runImportCommand;
    } else if (command == QLatin1String("restore")) {
        runner = runRestoreCommand;
    } else if (command == QLatin1String("verify")) {
        runner = runVerifyCommand;
    } else if (command == QLatin1String("backup")) {
        runner = runBackupCommand;
    } else {
        err << "openarchiver-cli: " << CommandLine::tr("unknown command \"%1\".").arg(command) << '\n' << commandList();
        return CliExit::BadUsage;
    }

    // Help touches nothing: no archive is opened (or created) for it.
    if (positional.contains(QLatin1String("--help")) || positional.contains(QLatin1String("-h"))) {
        out << CommandLine::tr("Usage:") << '\n' << commandUsage(command);
        return CliExit::Ok;
    }

    Archive archive(parser.value(archiveOption));
    // Only adding a source starts an archive: a mistyped --archive must not
    // leave an empty archive behind and report "0 messages" as if it were
    // the one meant.
    const bool creates = command == QLatin1String("source") && positional.value(0) == QLatin1String("add");
    if (!creates && !QFileInfo::exists(archive.path())) {
        err << CommandLine::tr("There is no archive at %1. \"openarchiver-cli source add\" starts one there; "
                               "--archive PATH names another.")
                   .arg(QDir::toNativeSeparators(archive.path()))
            << '\n';
        return CliExit::Failed;
    }
    QString error;
    if (!archive.open(&error)) {
        err << error << '\n';
        return CliExit::Failed;
    }
    CliContext context {archive, positional, out, err};
    const int result = runner(context);
    out.flush();
    err.flush();
    archive.closeConnection();
    return result;
}
