// File → Import Mail…: the files chosen come into the archive, the dialog
// says what came in and names what could not, and Cancel keeps what was
// stored so that the same import goes on from there.
#include "import/ImportMailDialog.h"

#include "MailGenerator.h"
#include "TemporaryArchive.h"
#include "WaitUntil.h"
#include "archive/ArchiveQueryRunner.h"
#include "export/MboxFormat.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace {

QByteArray mboxOf(const QList<GeneratedMessage>& messages)
{
    QByteArray mbox;
    for (const GeneratedMessage& message : messages) {
        mbox += MboxFormat::separatorLine(QStringLiteral("anna@example.org"),
                                          QDateTime(QDate(2019, 3, 4), QTime(10, 0), Qt::UTC));
        MboxFormat::appendMessage(message.raw, &mbox);
    }
    return mbox;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

class ImportMailDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString();
        ASSERT_TRUE(m_files.isValid());
    }

    qint64 scalar(const QString& sql)
    {
        QSqlQuery query(m_archive.archive().connection());
        return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
    }
    qint64 locationsOf(const QString& sourceName)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM locations l JOIN folders f ON f.id = l.folder_id "
                                     "JOIN sources s ON s.id = f.source_id WHERE s.name = '%1'")
                          .arg(sourceName));
    }

    template<typename T>
    T* child(const QDialog& dialog, const char* name)
    {
        T* found = dialog.findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    TemporaryArchive m_archive;
    QTemporaryDir m_files;
};

} // namespace

// An mbox, a file that is not mail and an empty .eml, imported into a name
// typed by the user: the summary counts exactly what the archive now holds
// and each problem names its file.
TEST_F(ImportMailDialogTest, ImportsTheFilesAndSaysWhatCameInAndWhatDidNot)
{
    const QList<GeneratedMessage> messages = MailGenerator::smallMessages(230, 91);
    const QString mbox = m_files.filePath(QStringLiteral("Old Inbox.mbox"));
    ASSERT_TRUE(writeFile(mbox, mboxOf(messages)));
    const QString notMail = m_files.filePath(QStringLiteral("shopping list.txt"));
    ASSERT_TRUE(writeFile(notMail, "eggs\nmilk\n"));

    ArchiveQueryRunner queries(m_archive.archive());
    ImportMailDialog dialog(m_archive.path(), &queries);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto* import = child<QPushButton>(dialog, "importButton");
    ASSERT_NE(import, nullptr);
    EXPECT_FALSE(import->isEnabled()) << "nothing to import yet";
    dialog.addPaths({mbox, notMail, mbox});
    EXPECT_EQ(dialog.paths().size(), 2) << "a path given twice is listed once";
    EXPECT_TRUE(import->isEnabled());
    EXPECT_EQ(dialog.sourceName(), QStringLiteral("Local files"));

    auto* source = child<QComboBox>(dialog, "importSourceCombo");
    ASSERT_NE(source, nullptr);
    source->setFocus();
    source->lineEdit()->selectAll();
    QTest::keyClicks(source, QStringLiteral("Old laptop"));
    EXPECT_EQ(dialog.sourceName(), QStringLiteral("Old laptop"));

    QSignalSpy ended(&dialog, &ImportMailDialog::importEnded);
    QSignalSpy stored(&dialog, &ImportMailDialog::mailStored);
    QTest::keyClick(import, Qt::Key_Space);
    ASSERT_TRUE(ended.count() == 1 || ended.wait(60000));
    EXPECT_TRUE(ended.at(0).at(0).toBool());
    EXPECT_GE(stored.count(), 3) << "after each batch of 100, and at the end";

    EXPECT_EQ(locationsOf(QStringLiteral("Old laptop")), 230);
    auto* message = child<QLabel>(dialog, "importMessage");
    ASSERT_NE(message, nullptr);
    const QString text = message->text();
    EXPECT_TRUE(text.contains(QStringLiteral("Imported into “Old laptop”"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("230 new, 0 already archived, 0 could not be read (1 folder)")))
        << text.toStdString();
    const QStringList problems = dialog.problemLines();
    ASSERT_EQ(problems.size(), 1) << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(problems.at(0).startsWith(QDir::toNativeSeparators(notMail))) << problems.at(0).toStdString();
    EXPECT_TRUE(problems.at(0).contains(QStringLiteral("neither an mbox file nor a message")));
    auto* progress = child<QProgressBar>(dialog, "importProgress");
    EXPECT_EQ(progress->value(), progress->maximum());
    EXPECT_TRUE(progress->text().contains(QStringLiteral("230 messages"))) << progress->text().toStdString();
    EXPECT_EQ(child<QPushButton>(dialog, "closeImportButton")->text(), QStringLiteral("Close"));

    // The same file again, into the same source: nothing new, nothing twice.
    dialog.addPaths({});
    QTest::keyClick(import, Qt::Key_Space);
    ASSERT_TRUE(ended.count() == 2 || ended.wait(60000));
    EXPECT_EQ(locationsOf(QStringLiteral("Old laptop")), 230);
    EXPECT_TRUE(message->text().contains(QStringLiteral("0 new"))) << message->text().toStdString();

    // A second dialog offers the name used before.
    ImportMailDialog again(m_archive.path(), &queries);
    auto* names = child<QComboBox>(again, "importSourceCombo");
    ASSERT_TRUE(waitUntil([&] { return names->count() == 2; }, 10000));
    EXPECT_EQ(names->itemText(1), QStringLiteral("Old laptop"));
    EXPECT_EQ(again.sourceName(), QStringLiteral("Local files")) << "the default stays chosen";
}

// Escape while importing: the dialog says it stopped, the batches stored
// stay, and pressing Import again brings exactly the rest.
TEST_F(ImportMailDialogTest, CancelKeepsWhatWasStoredAndTheSameImportGoesOn)
{
    const QString mbox = m_files.filePath(QStringLiteral("big.mbox"));
    ASSERT_TRUE(writeFile(mbox, mboxOf(MailGenerator::smallMessages(3000, 17))));

    ImportMailDialog dialog(m_archive.path(), nullptr);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    dialog.addPaths({mbox});
    QSignalSpy ended(&dialog, &ImportMailDialog::importEnded);
    QSignalSpy stored(&dialog, &ImportMailDialog::mailStored);
    dialog.startImport();
    ASSERT_TRUE(dialog.isRunning());
    EXPECT_EQ(child<QPushButton>(dialog, "closeImportButton")->text(), QStringLiteral("Cancel"));
    ASSERT_TRUE(stored.count() > 0 || stored.wait(60000));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    ASSERT_TRUE(ended.count() == 1 || ended.wait(60000));
    EXPECT_FALSE(ended.at(0).at(0).toBool());
    EXPECT_TRUE(dialog.isVisible()) << "the dialog stays to say it stopped";
    auto* message = child<QLabel>(dialog, "importMessage");
    EXPECT_TRUE(message->text().startsWith(QStringLiteral("Stopped."))) << message->text().toStdString();

    const qint64 kept = locationsOf(QStringLiteral("Local files"));
    EXPECT_GT(kept, 0);
    EXPECT_LT(kept, 3000) << "cancelled before the end";
    EXPECT_EQ(kept % 100, 0) << "whole batches only";
    EXPECT_TRUE(message->text().contains(QLocale().toString(kept) + QStringLiteral(" new")))
        << message->text().toStdString();

    QTest::keyClick(child<QPushButton>(dialog, "importButton"), Qt::Key_Space);
    ASSERT_TRUE(ended.count() == 2 || ended.wait(60000));
    EXPECT_TRUE(ended.at(1).at(0).toBool());
    EXPECT_EQ(locationsOf(QStringLiteral("Local files")), 3000);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM messages")), 3000);
    EXPECT_TRUE(message->text().contains(QLocale().toString(3000 - kept) + QStringLiteral(" new")))
        << message->text().toStdString();
}

// A name that belongs to an account is refused in words; nothing is stored.
TEST_F(ImportMailDialogTest, AnAccountsNameIsRefused)
{
    m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const QString mbox = m_files.filePath(QStringLiteral("a.mbox"));
    ASSERT_TRUE(writeFile(mbox, mboxOf(MailGenerator::smallMessages(3, 5))));
    ImportMailDialog dialog(m_archive.path(), nullptr);
    dialog.addPaths({mbox});
    dialog.setSourceName(QStringLiteral("Work"));
    QSignalSpy ended(&dialog, &ImportMailDialog::importEnded);
    dialog.startImport();
    ASSERT_TRUE(ended.count() == 1 || ended.wait(60000));
    EXPECT_FALSE(ended.at(0).at(0).toBool());
    auto* message = child<QLabel>(dialog, "importMessage");
    EXPECT_TRUE(message->text().contains(QStringLiteral("Work"))) << message->text().toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM messages")), 0);
}
