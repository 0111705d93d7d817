#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QProcess>

#include <memory>

#include "AppIcon.h"
#include "ArchiveOpening.h"
#include "DesktopApplication.h"
#include "SingleInstance.h"
#include "archive/Archive.h"
#include "archive/ArchiveMove.h"
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
    auto instance = std::make_unique<SingleInstance>(archive.path());
    if (!instance->claim()) {
        if (instance->activateRunning(QCoreApplication::arguments().mid(1))) {
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
    // The archive moved (Settings → Move…) and this is its first start in
    // the new place: the old file goes, unless an instance still has it.
    if (const QString leftover = ArchiveMove::leftover(archive.path()); !leftover.isEmpty()) {
        SingleInstance previous(leftover);
        QString removeError;
        if (previous.claim() && !ArchiveMove::removeLeftover(leftover, &removeError)) {
            qWarning("%s", qUtf8Printable(removeError));
        }
    }
    int code = 0;
    bool restart = false;
    {
        DesktopApplication desktop(archive, DesktopApplication::systemCredentials(archive));
        QObject::connect(
            instance.get(), &SingleInstance::activationRequested, &desktop, &DesktopApplication::showWindow);
        QObject::connect(&desktop, &DesktopApplication::finished, &app, &QApplication::quit);
        desktop.start(parser.isSet(minimizedOption) || AppSettings::startMinimized());
        code = QApplication::exec();
        restart = desktop.isRestartRequested();
    }
    if (restart) {
        // This archive's lock goes first, so the new start may remove the
        // old file; it opens the archive the settings name now.
        archive.closeConnection();
        instance.reset();
        QProcess::startDetached(QCoreApplication::applicationFilePath(), {});
    }
    return code;
}
