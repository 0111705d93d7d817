#include "ImportCommand.h"

#include "CliContext.h"
#include "CliProgressLine.h"
#include "archive/Archive.h"
#include "import/MailFileImport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)
};

} // namespace

int runImportCommand(CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption into(
        QStringLiteral("into"),
        Tr::tr("The local source to import into (default: \"%1\").").arg(MailFileImport::DefaultSourceName),
        QStringLiteral("name"));
    parser.addOption(into);
    parser.addPositionalArgument(QStringLiteral("path"), Tr::tr("mbox files, .eml files, folders of them, Maildirs."));
    if (!parser.parse(QStringList {QStringLiteral("import")} + context.arguments)) {
        context.err << "openarchiver-cli import: " << parser.errorText() << '\n';
        return CliExit::BadUsage;
    }
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        context.err << "openarchiver-cli import: "
                    << Tr::tr("name at least one mbox file, .eml file, Maildir or folder to import.") << '\n';
        return CliExit::BadUsage;
    }
    MailFileImport import(context.archive, parser.isSet(into) ? parser.value(into) : MailFileImport::DefaultSourceName);

    CliProgressLine line(context.err);
    const MailFileImport::Summary summary = import.run(paths, [&](const MailFileImport::Step& step) {
        return line.show(
            [&] {
                return Tr::tr("Importing %1: %2 of %3…")
                    .arg(
                        QDir::toNativeSeparators(step.file), cliSizeText(step.bytesDone), cliSizeText(step.bytesTotal));
            },
            step.bytesDone == step.bytesTotal);
    });
    line.finish();
    context.out << MailFileImport::summaryText(summary) << '\n';
    if (summary.resumed > 0) {
        context.out << Tr::tr(
            "%n message(s) stored by an earlier import, skipped.", nullptr, static_cast<int>(summary.resumed))
                    << '\n';
    }
    for (const MailFileImport::Problem& problem : summary.problems) {
        context.err << MailFileImport::problemText(problem) << '\n';
    }
    if (summary.cancelled) {
        context.err << Tr::tr("Stopped. What was imported is kept; the same command goes on from there.") << '\n';
        return CliExit::Failed;
    }
    if (!summary.error.isEmpty()) {
        context.err << summary.error << '\n';
        return CliExit::Failed;
    }
    return summary.problems.isEmpty() ? CliExit::Ok : CliExit::Failed;
}
