#include "common/LibraryVersions.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

namespace {

bool looksLikeVersion(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d+\\.\\d+(\\.\\d+)?$"));
    return pattern.match(text).hasMatch();
}

TEST(LibraryVersions, ReportsEveryLibraryWithARealVersion)
{
    const LibraryVersions versions = LibraryVersions::current();
    EXPECT_TRUE(looksLikeVersion(versions.qt)) << versions.qt.toStdString();
    EXPECT_TRUE(looksLikeVersion(versions.vmime)) << versions.vmime.toStdString();
    // The SQLite version comes from the loaded driver, so this also proves
    // the Qt SQLite plugin (a separate Debian package) is installed.
    EXPECT_TRUE(looksLikeVersion(versions.sqlite)) << versions.sqlite.toStdString();
    EXPECT_TRUE(looksLikeVersion(versions.zstd)) << versions.zstd.toStdString();
}

TEST(LibraryVersions, TextNamesEachLibraryOnItsOwnLine)
{
    const QStringList lines = LibraryVersions::current().toText().split(QLatin1Char('\n'));
    ASSERT_EQ(lines.size(), 4);
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("Qt ")));
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("vmime ")));
    EXPECT_TRUE(lines[2].startsWith(QStringLiteral("SQLite ")));
    EXPECT_TRUE(lines[3].startsWith(QStringLiteral("zstd ")));
}

} // namespace
