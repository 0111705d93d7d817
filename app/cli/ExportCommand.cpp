#include "ExportCommand.h"

#include "CliContext.h"
#include "CliInterrupt.h"
#include "archive/Archive.h"
#include "export/MessageExporter.h"
#include "search/SearchQuery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

} // namespace

int runExportCommand(CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"),
                                    Tr::tr("eml (one file a message) or mbox (one file)."),
                                    QStringLiteral("format"),
                                    QStringLiteral("eml"));
    const QCommandLineOption out(
        QStringLiteral("out"), Tr::tr("The folder (eml) or file (mbox) to write."), QStringLiteral("path"));
    const QCommandLineOption query(
        QStringLiteral("query"), Tr::tr("Only messages this search finds (as typed in the app)."), QStringLiteral("q"));
    const QCommandLineOption source(QStringLiteral("source"), Tr::tr("Only this source."), QStringLiteral("name"));
    const QCommandLineOption folder(QStringLiteral("folder"), Tr::tr("Only this folder."), QStringLiteral("path"));
    const QCommandLineOption flat(QStringLiteral("flat"), Tr::tr("eml: every file in the folder itself."));
    const QCommandLineOption force(QStringLiteral("force"), Tr::tr("mbox: replace the file if it exists."));
    parser.addOptions({format, out, query, source, folder, flat, force});
    const auto refuse = [&context](const QString& why) {
        context.err << "openarchiver-cli export: " << why << '\n';
        return CliExit::BadUsage;
    };
    if (!parser.parse(QStringList {QStringLiteral("export")} + context.arguments)) {
        return refuse(parser.errorText());
    }
    if (!parser.positionalArguments().isEmpty()) {
        return refuse(Tr::tr("unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst()));
    }
    ExportRequest request;
    const QString formatName = parser.value(format);
    if (formatName == QLatin1String("mbox")) {
        request.format = ExportRequest::Format::Mbox;
    } else if (formatName != QLatin1String("eml")) {
        return refuse(Tr::tr("unknown format \"%1\"; choose eml or mbox.").arg(formatName));
    }
    if (!parser.isSet(out) || parser.value(out).isEmpty()) {
        return refuse(Tr::tr("--out PATH is required."));
    }
    request.target = QFileInfo(parser.value(out)).absoluteFilePath();
    request.keepFolders = !parser.isSet(flat);
    request.replace = parser.isSet(force);
    request.list.within.sourceName = parser.value(source);
    request.list.within.folderPath = parser.value(folder);
    if (parser.isSet(query)) {
        const SearchQuery search = SearchQuery::parse(parser.value(query));
        if (!search.isValid()) {
            return refuse(search.error());
        }
        if (!search.isEmpty()) {
            request.list.search = search;
        }
    }
    MessageExporter exporter(context.archive.path(), request);
    if (const QString refused = exporter.checkTarget(); !refused.isEmpty()) {
        if (request.format == ExportRequest::Format::Mbox && QFileInfo(request.target).isFile() && !request.replace) {
            return refuse(
                Tr::tr("%1 exists; add --force to replace it.").arg(QDir::toNativeSeparators(request.target)));
        }
        return refuse(refused);
    }

    CliInterrupt::catchInterrupts();
    const bool terminal = CliInterrupt::errorIsTerminal();
    QElapsedTimer sinceUpdate;
    sinceUpdate.start();
    const ExportResult result = exporter.run([&](qint64 done, qint64 total, qint64) {
        if (terminal && (sinceUpdate.elapsed() > 200 || done == total)) {
            context.err
                << '\r'
                << Tr::tr("Exporting: %1 of %2 messages…").arg(QLocale().toString(done), QLocale().toString(total));
            context.err.flush();
            sinceUpdate.restart();
        }
        return !CliInterrupt::wasInterrupted();
    });
    if (terminal) {
        context.err << '\n';
    }
    if (!result.succeeded() || result.unreadable > 0) {
        (result.exported > 0 && result.succeeded() ? context.out : context.err) << result.summary() << '\n';
        return CliExit::Failed;
    }
    context.out << result.summary() << '\n';
    return CliExit::Ok;
}
