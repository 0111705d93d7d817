#include <QCoreApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

#include "common/AppInfo.h"

int main(int argc, char* argv[])
{
    ::testing::InitGoogleTest(&argc, argv);
    QCoreApplication app(argc, argv);
    AppInfo::configure();
    // Default paths (the archive, settings) point at a throwaway test
    // location, never at the user's real archive.
    QStandardPaths::setTestModeEnabled(true);
    return RUN_ALL_TESTS();
}
