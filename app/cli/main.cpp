#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#include "common/AppInfo.h"
#include "common/LibraryVersions.h"
#include "common/Translations.h"

namespace {

// Gives the free functions of this file a translation context.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    AppInfo::configure();
    QCoreApplication::setApplicationName(QStringLiteral("openarchiver-cli"));
    Translations::install(app);

    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        CommandLine::tr("Headless companion of %1: manages the same per-user archive from a terminal or a script.")
            .arg(AppInfo::displayName()));
    parser.addHelpOption();
    const QCommandLineOption versionOption(QStringList {QStringLiteral("v"), QStringLiteral("version")},
                                           CommandLine::tr("Displays version information, with the versions of the "
                                                           "libraries in use."));
    parser.addOption(versionOption);
    parser.addPositionalArgument(QStringLiteral("command"), CommandLine::tr("The command to run."));

    if (!parser.parse(QCoreApplication::arguments())) {
        err << "openarchiver-cli: " << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        parser.showHelp(0);
    }
    if (parser.isSet(versionOption)) {
        out << "openarchiver-cli " << AppInfo::version() << '\n' << LibraryVersions::current().toText() << '\n';
        return 0;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        err << parser.helpText();
        return 2;
    }
    err << "openarchiver-cli: " << CommandLine::tr("unknown command \"%1\".").arg(positional.first()) << '\n';
    return 2;
}
