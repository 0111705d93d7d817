#include "ExportCommand.h"

#include "CliContext.h"
#include "CliListScope.h"
#include "CliProgressLine.h"
#include "archive/Archive.h"
#include "export/MessageExporter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
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
    const CliListScope scope;
    const QCommandLineOption flat(QStringLiteral("flat"), Tr::tr("eml: every file in the folder itself."));
    const QCommandLineOption force(QStringLiteral("force"), Tr::tr("mbox: replace the file if it exists."));
    parser.addOptions({format, out, flat, force});
    scope.addTo(parser);
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
    if (QString refused; !scope.apply(parser, &request.list, &refused)) {
        return refuse(refused);
    }
    MessageExporter exporter(context.archive.path(), request);
    if (const QString refused = exporter.checkTarget(); !refused.isEmpty()) {
        if (request.format == ExportRequest::Format::Mbox && QFileInfo(request.target).isFile() && !request.replace) {
            return refuse(
                Tr::tr("%1 exists; add --force to replace it.").arg(QDir::toNativeSeparators(request.target)));
        }
        return refuse(refused);
    }

    CliProgressLine line(context.err);
    const ExportResult result = exporter.run([&](qint64 done, qint64 total, qint64) {
        return line.show(
            [&] {
                return Tr::tr("Exporting: %1 of %2 messages…").arg(QLocale().toString(done), QLocale().toString(total));
            },
            done == total);
    });
    line.finish();
    if (!result.succeeded() || result.unreadable > 0) {
        (result.exported > 0 && result.succeeded() ? context.out : context.err) << result.summary() << '\n';
        return CliExit::Failed;
    }
    context.out << result.summary() << '\n';
    return CliExit::Ok;
}
