#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include "AppIcon.h"
#include "ArchiveOpening.h"
#include "DesktopApplication.h"
#include "SingleInstance.h"
#include "archive/Archive.h"
#include "common/AppInfo.h"
#include "common/AppSettings.h"
#include "common/BackgroundPriority.h"
#include "common/FocusRingStyle.h"
#include "common/Translations.h"

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    AppInfo::configure();
    AppSettings::migrate();
    Translations::install(app, AppSettings::language());
    // A focus ring that stands out at 3:1, around whichever style is in use.
    FocusRingStyle::install();
    // Syncing and counting yield the processor to this thread, so the
    // window stays quick while an import keeps both cores busy.
    BackgroundPriority::setEnabled(true);
    QApplication::setWindowIcon(appIcon());
    QApplication::setDesktopFileName(QStringLiteral("org.openarchiver.Desktop"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Archives your email from any IMAP server into a local archive."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption archiveOption(
        QStringLiteral("archive"),
        QCoreApplication::translate("main", "Use the archive file <path> instead of your own."),
        QCoreApplication::translate("main", "path"));
    const QCommandLineOption minimizedOption(
        QStringLiteral("minimized"),
        QCoreApplication::translate("main", "Start in the system tray, without opening the window."));
    parser.addOption(archiveOption);
    parser.addOption(minimizedOption);
    parser.process(app);

    Archive archive(parser.value(archiveOption));
    // One running instance per user and archive: a second launch brings the
    // first one's window forward and ends.
    SingleInstance instance(archive.path());
    if (!instance.claim()) {
        if (instance.activateRunning(QCoreApplication::arguments().mid(1))) {
            return 0;
        }
        QMessageBox::critical(nullptr,
                              QCoreApplication::translate("main", "Already Running"),
                              QCoreApplication::translate("main",
                                                          "%1 is already running for this archive but does not "
                                                          "answer. If it does not appear, end it and start again.\n\n"
                                                          "Archive file: %2")
                                  .arg(AppInfo::displayName(), archive.path()));
        return 1;
    }
    QString error;
    if (!ArchiveOpening::open(archive, &error)) {
        QMessageBox::critical(nullptr,
                              QCoreApplication::translate("main", "Cannot Open the Archive"),
                              QCoreApplication::translate("main", "%1\n\nArchive file: %2").arg(error, archive.path()));
        return 1;
    }
    DesktopApplication desktop(archive, DesktopApplication::systemCredentials(archive));
    QObject::connect(&instance, &SingleInstance::activationRequested, &desktop, &DesktopApplication::showWindow);
    QObject::connect(&desktop, &DesktopApplication::finished, &app, &QApplication::quit);
    desktop.start(parser.isSet(minimizedOption) || AppSettings::startMinimized());
    return QApplication::exec();
}
