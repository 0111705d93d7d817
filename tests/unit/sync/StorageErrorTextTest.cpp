// What a user reads when storing fails: a sentence naming what failed,
// where and what happens next, never SQLite's or the C++ library's words
// alone (those stay in the event's technical line).
#include "sync/SyncError.h"

#include <gtest/gtest.h>

TEST(StorageErrorText, LibraryWordsBecomeSentencesThatNameTheFolder)
{
    const QString folder = QStringLiteral("Archive/2023");
    struct Case
    {
        const char* raw;
        const char* expected;
    };
    const Case cases[] = {
        {"FOREIGN KEY constraint failed Unable to fetch row",
         "The source was removed while the folder Archive/2023 was being archived"},
        {"NOT NULL constraint failed: folders.path Unable to fetch row",
         "The archive refused what the server sent for the folder Archive/2023"},
        {"string or blob too big Unable to bind parameters", "A message in the folder Archive/2023 is larger than"},
        {"std::bad_alloc", "The server sent more for the folder Archive/2023 than the app can hold in memory"},
        {"database or disk is full", "The disk that holds the archive is full."},
    };
    for (const Case& item : cases) {
        const QString text = SyncError::describeStorage(QString::fromLatin1(item.raw), folder);
        EXPECT_TRUE(text.startsWith(QString::fromLatin1(item.expected))) << text.toStdString();
        for (const char* raw : {"constraint failed", "blob too big", "bad_alloc", "Unable to"}) {
            EXPECT_FALSE(text.contains(QString::fromLatin1(raw))) << text.toStdString();
        }
    }
    EXPECT_TRUE(SyncError::describeStorage(QStringLiteral("FOREIGN KEY constraint failed"))
                    .contains(QStringLiteral("while this source was being archived")));
}
