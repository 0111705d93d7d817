#include <QApplication>
#include <QCommandLineParser>

#include "AppIcon.h"
#include "MainWindow.h"
#include "common/AppInfo.h"
#include "common/Translations.h"

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    AppInfo::configure();
    Translations::install(app);
    QApplication::setWindowIcon(appIcon());
    QApplication::setDesktopFileName(QStringLiteral("org.openarchiver.Desktop"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Archives your email from any IMAP server into a local archive."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    MainWindow window;
    window.show();
    return QApplication::exec();
}
