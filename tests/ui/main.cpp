#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "common/FocusRingStyle.h"
#include "common/Translations.h"

#include <gtest/gtest.h>

int main(int argc, char* argv[])
{
    // Set here, not only in the environment: ctest lists and runs this binary
    // on machines with no display (shared notes, desktop-lab §2).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    // Window state and settings go to a test location, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    // And to one of this process's own: ctest runs test cases in parallel
    // processes, and one clearing the shared test settings while another
    // reopens its window made MainWindowTest.RemembersItsGeometry flaky.
    const QTemporaryDir settingsDirectory;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDirectory.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDirectory.path());
    // What an English-speaking user sees, plural forms included.
    Translations::install(app);
    // The widgets as the app draws them, focus ring included.
    FocusRingStyle::install();
    return RUN_ALL_TESTS();
}
