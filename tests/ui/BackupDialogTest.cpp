#include "backup/BackupDialog.h"

#include "MailGenerator.h"
#include "TemporaryArchive.h"
#include "WaitUntil.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace {

class BackupDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString();
        ASSERT_TRUE(m_targets.isValid());
        const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
        ASSERT_TRUE(m_archive.store(inbox, MailGenerator::smallMessages(120, 57))) << m_archive.error().toStdString();
    }

    template<typename T>
    T* child(const BackupDialog& dialog, const char* name)
    {
        T* found = dialog.findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    QStringList filesInTargets() const
    {
        return QDir(m_targets.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    TemporaryArchive m_archive;
    QTemporaryDir m_targets;
};

TEST_F(BackupDialogTest, SuggestsADatedFileInTheDocumentsFolder)
{
    const QString suggested = BackupDialog::defaultTarget(QDate(2026, 12, 7));
    EXPECT_TRUE(suggested.endsWith(QStringLiteral("OpenArchiver backup 2026-12-07.sqlite"))) << suggested.toStdString();
    BackupDialog dialog(m_archive.path());
    EXPECT_EQ(dialog.targetPath(), QDir::fromNativeSeparators(BackupDialog::defaultTarget(QDate::currentDate())));
}

// Keyboard only: the file name typed, Enter backs up (the default button).
TEST_F(BackupDialogTest, BacksUpTheArchiveAndSaysWhatItCopied)
{
    BackupDialog dialog(m_archive.path());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    const QString target = m_targets.filePath(QStringLiteral("backup.sqlite"));
    auto* path = child<QLineEdit>(dialog, "backupPathEdit");
    ASSERT_NE(path, nullptr);
    path->setFocus();
    path->selectAll();
    QTest::keyClicks(path, target);
    dialog.setPagesPerStep(16);
    QSignalSpy ended(&dialog, &BackupDialog::backupEnded);
    QTest::keyClick(path, Qt::Key_Return);
    EXPECT_TRUE(dialog.isRunning() || ended.count() == 1);
    ASSERT_TRUE(ended.count() == 1 || ended.wait(60000));
    EXPECT_TRUE(ended.at(0).at(0).toBool());
    EXPECT_FALSE(dialog.isRunning());

    auto* message = child<QLabel>(dialog, "backupMessage");
    ASSERT_NE(message, nullptr);
    EXPECT_TRUE(message->text().contains(QStringLiteral("Backed up"))) << message->text().toStdString();
    EXPECT_TRUE(message->text().contains(QLocale().toString(120))) << message->text().toStdString();
    EXPECT_TRUE(message->text().contains(QDir::toNativeSeparators(target))) << message->text().toStdString();
    auto* progress = child<QProgressBar>(dialog, "backupProgress");
    ASSERT_NE(progress, nullptr);
    EXPECT_EQ(progress->value(), progress->maximum());
    EXPECT_TRUE(progress->text().contains(QStringLiteral(" of "))) << progress->text().toStdString();
    EXPECT_EQ(child<QPushButton>(dialog, "closeBackupButton")->text(), QStringLiteral("Close"));

    EXPECT_EQ(filesInTargets(), QStringList {QStringLiteral("backup.sqlite")});
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("dialog-copy"));
        db.setDatabaseName(target);
        ASSERT_TRUE(db.open());
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*) FROM messages")) && query.next());
        EXPECT_EQ(query.value(0).toInt(), 120);
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("dialog-copy"));

    // A second Back Up to the same file first asks, in the dialog.
    QTest::keyClick(child<QPushButton>(dialog, "backUpButton"), Qt::Key_Space);
    EXPECT_FALSE(dialog.isRunning());
    EXPECT_TRUE(message->text().contains(QStringLiteral("exists"))) << message->text().toStdString();
    EXPECT_EQ(child<QPushButton>(dialog, "backUpButton")->text(), QStringLiteral("&Replace"));
}

// Cancel (Escape) while the copy runs: the dialog says so and no file is
// left, neither the target nor a partial copy.
TEST_F(BackupDialogTest, CancelStopsTheCopyAndLeavesNoFile)
{
    BackupDialog dialog(m_archive.path());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    const QString target = m_targets.filePath(QStringLiteral("backup.sqlite"));
    dialog.setTargetPath(target);
    dialog.setPagesPerStep(4);
    // After the first step, the user presses Escape; the copy's thread waits
    // for the dialog to take it, so the cancel lands mid-copy every time.
    dialog.setStepObserver([&dialog](qint64 done) {
        if (done > 0 && done <= 4) {
            QMetaObject::invokeMethod(
                &dialog, [&dialog] { QTest::keyClick(&dialog, Qt::Key_Escape); }, Qt::BlockingQueuedConnection);
        }
    });
    QSignalSpy ended(&dialog, &BackupDialog::backupEnded);
    dialog.startBackup();
    ASSERT_TRUE(dialog.isRunning());
    ASSERT_TRUE(ended.wait(60000));
    EXPECT_FALSE(ended.at(0).at(0).toBool());
    EXPECT_TRUE(dialog.isVisible()) << "Escape during a copy cancels it; it does not close the dialog";
    auto* message = child<QLabel>(dialog, "backupMessage");
    ASSERT_NE(message, nullptr);
    EXPECT_TRUE(message->text().contains(QStringLiteral("cancelled"))) << message->text().toStdString();
    EXPECT_EQ(child<QProgressBar>(dialog, "backupProgress")->value(), 0);
    EXPECT_TRUE(filesInTargets().isEmpty()) << filesInTargets().join(QLatin1Char(' ')).toStdString();

    // Without a copy running, Escape closes it.
    QTest::keyClick(&dialog, Qt::Key_Escape);
    EXPECT_FALSE(dialog.isVisible());
}

TEST_F(BackupDialogTest, RefusesTheArchiveItselfBeforeCopying)
{
    BackupDialog dialog(m_archive.path());
    dialog.setTargetPath(m_archive.path());
    QSignalSpy ended(&dialog, &BackupDialog::backupEnded);
    dialog.startBackup();
    EXPECT_FALSE(dialog.isRunning());
    EXPECT_EQ(ended.count(), 0);
    EXPECT_TRUE(child<QLabel>(dialog, "backupMessage")->text().contains(QStringLiteral("archive itself")));
}

TEST_F(BackupDialogTest, EveryControlHasAnAccessibleNameOrText)
{
    BackupDialog dialog(m_archive.path());
    for (QWidget* widget : dialog.findChildren<QWidget*>()) {
        if (!widget->focusPolicy() || !widget->isVisibleTo(&dialog)) {
            continue;
        }
        const auto* button = qobject_cast<QPushButton*>(widget);
        EXPECT_FALSE(widget->accessibleName().isEmpty() && (!button || button->text().isEmpty()))
            << widget->metaObject()->className() << " " << widget->objectName().toStdString();
    }
    EXPECT_FALSE(child<QProgressBar>(dialog, "backupProgress")->accessibleName().isEmpty());
}

} // namespace
