#include "common/Translations.h"

#include <QCoreApplication>

#include <gtest/gtest.h>

int main(int argc, char* argv[])
{
    ::testing::InitGoogleTest(&argc, argv);
    QCoreApplication app(argc, argv);
    // The engine's sentences as users read them ("1 message", not
    // "1 message(s)"): the same catalogues the app and the CLI install.
    Translations::install(app);
    return RUN_ALL_TESTS();
}
