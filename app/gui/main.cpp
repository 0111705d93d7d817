#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include "AppIcon.h"
#include "ArchiveOpening.h"
#include "MainWindow.h"
#include "archive/Archive.h"
#include "common/AppInfo.h"
#include "common/BackgroundPriority.h"
#include "common/FocusRingStyle.h"
#include "common/Translations.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/LayeredCredentialStore.h"
#include "credentials/SessionCredentialStore.h"
#include "sync/SourceService.h"
#include "sync/SyncManager.h"

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    AppInfo::configure();
    Translations::install(app);
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
    parser.addOption(archiveOption);
    parser.process(app);

    Archive archive(parser.value(archiveOption));
    QString error;
    if (!ArchiveOpening::open(archive, &error)) {
        QMessageBox::critical(nullptr,
                              QCoreApplication::translate("main", "Cannot Open the Archive"),
                              QCoreApplication::translate("main", "%1\n\nArchive file: %2").arg(error, archive.path()));
        return 1;
    }
    // The keychain, and what the user chose to keep for this session when
    // no keychain was reachable.
    KeychainCredentialStore keychain(archive.identity());
    SessionCredentialStore session;
    LayeredCredentialStore credentials(&keychain, &session);
    SyncManager manager(archive, &credentials);
    SourceService sources(archive, &credentials, &manager);
    MainWindow window(archive, &manager, &sources, &credentials);
    window.show();
    manager.start();
    return QApplication::exec();
}
