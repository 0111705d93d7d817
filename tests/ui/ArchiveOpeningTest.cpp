#include "ArchiveOpening.h"
#include "RawArchiveConnection.h"
#include "archive/Archive.h"
#include "archive/ArchiveSchema.h"

#include <QApplication>
#include <QProgressDialog>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

namespace {

void writeOldArchive(const QString& path, int version)
{
    RawArchiveConnection connection(path);
    ASSERT_TRUE(connection.isOpen());
    QString error;
    ASSERT_TRUE(connection.migrateTo(version, &error)) << error.toStdString();
}

// The visible progress window, if one is shown.
QProgressDialog* shownProgress()
{
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (auto* progress = qobject_cast<QProgressDialog*>(widget); progress && progress->isVisible()) {
            return progress;
        }
    }
    return nullptr;
}

} // namespace

// An archive of an older format is upgraded while a window says so; the
// archive is then current and usable on the GUI thread.
TEST(ArchiveOpeningTest, AnOlderArchiveIsUpgradedWhileAWindowSaysSo)
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("old.sqlite"));
    writeOldArchive(path, 6);
    Archive archive(path);
    ASSERT_TRUE(archive.needsUpgrade());

    QString seenTitle;
    QTimer::singleShot(0, [&] {
        if (QProgressDialog* progress = shownProgress()) {
            seenTitle = progress->windowTitle();
        }
    });
    QString error;
    ASSERT_TRUE(ArchiveOpening::open(archive, &error)) << error.toStdString();
    EXPECT_EQ(seenTitle, QStringLiteral("Upgrading the Archive"));
    EXPECT_EQ(shownProgress(), nullptr) << "the window goes when the upgrade is done";
    EXPECT_FALSE(archive.needsUpgrade());
    QSqlQuery query(archive.connection());
    ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
    EXPECT_EQ(query.value(0).toInt(), ArchiveSchema::currentVersion());
    archive.closeConnection();
}

// A new archive and a current one open at once, with no window.
TEST(ArchiveOpeningTest, ANewOrCurrentArchiveOpensWithoutAWindow)
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("new.sqlite"));
    for (int round = 0; round < 2; ++round) {
        Archive archive(path);
        EXPECT_FALSE(archive.needsUpgrade()) << "round " << round;
        bool windowShown = false;
        QTimer::singleShot(0, [&] { windowShown = shownProgress() != nullptr; });
        QString error;
        ASSERT_TRUE(ArchiveOpening::open(archive, &error)) << error.toStdString();
        QApplication::processEvents();
        EXPECT_FALSE(windowShown) << "round " << round;
        archive.closeConnection();
    }
}

// A failed upgrade says why and leaves no window behind.
TEST(ArchiveOpeningTest, ANewerArchiveIsRefusedWithItsReason)
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("newer.sqlite"));
    writeOldArchive(path, ArchiveSchema::currentVersion());
    {
        RawArchiveConnection connection(path);
        ASSERT_TRUE(connection.isOpen());
        QSqlDatabase& db = connection.database();
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(ArchiveSchema::currentVersion() + 1)));
    }
    Archive archive(path);
    EXPECT_FALSE(archive.needsUpgrade());
    QString error;
    EXPECT_FALSE(ArchiveOpening::open(archive, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("newer version"))) << error.toStdString();
    EXPECT_EQ(shownProgress(), nullptr);
}
