#include <QApplication>
#include <QStandardPaths>

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
    // What an English-speaking user sees, plural forms included.
    Translations::install(app);
    return RUN_ALL_TESTS();
}
