#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "TemporaryArchive.h"
#include "WaitUntil.h"
#include "archive/ArchivePage.h"
#include "archive/ArchiveQueryRunner.h"
#include "archive/FolderTreeModel.h"
#include "archive/MessageListModel.h"
#include "archive/MessageListView.h"
#include "archive/MessageStore.h"
#include "archive/MessageView.h"
#include "archive/SearchBar.h"
#include "credentials/SessionCredentialStore.h"
#include "export/ExportDialog.h"
#include "import/MailFileImport.h"
#include "sources/DeleteSourceDialog.h"
#include "sources/SourceRepository.h"
#include "sync/SourceService.h"

#include <QAction>
#include <QComboBox>
#include <QCryptographicHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <gtest/gtest.h>

namespace {

GeneratedMessage handWritten(const QByteArray& raw, const QDateTime& date)
{
    GeneratedMessage message;
    message.raw = raw;
    message.internalDate = date;
    return message;
}

QByteArray mail(const QByteArray& subject, const QByteArray& body, int day)
{
    return "From: Ann Example <ann@example.test>\r\nTo: bob@example.test\r\nSubject: " + subject
        + "\r\nDate: " + QByteArray::number(day)
        + " May 2024 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
          "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        + body + "\r\n";
}

QString statusText(ArchivePage* page)
{
    return page->searchBar()->findChild<QLabel*>(QStringLiteral("searchStatus"))->text();
}

} // namespace

// A user types a query, sees the count, opens a result with its words
// marked, mistypes, narrows and widens the scope, and exports the result.
TEST(ArchiveSearchTest, ATypedQueryIsCountedHighlightedOpenedAndExported)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 inbox = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const qint64 sent = archive.folder(QStringLiteral("Work"), QStringLiteral("Sent"));
    ASSERT_TRUE(archive.store(inbox, MailGenerator::smallMessages(30, 61)));
    const QList<GeneratedMessage> planted = {
        handWritten(mail("Figures", "The figures for Zephyr are attached. Regards, Ann", 2),
                    QDateTime(QDate(2024, 5, 2), QTime(10, 0), Qt::UTC)),
        handWritten(mail("Zephyr launch", "See you at the launch.", 3),
                    QDateTime(QDate(2024, 5, 3), QTime(10, 0), Qt::UTC)),
    };
    const GeneratedMessage sentOne = handWritten(mail("Re: plans", "I will bring the zéphyr notes.", 4),
                                                 QDateTime(QDate(2024, 5, 4), QTime(10, 0), Qt::UTC));
    ASSERT_TRUE(archive.store(inbox, planted));
    ASSERT_TRUE(archive.store(sent, {sentOne}));

    ArchiveQueryRunner runner(archive.archive());
    ArchivePage page(archive.archive(), &runner);
    QSignalSpy folders(&page, &ArchivePage::foldersLoaded);
    page.resize(1200, 800);
    page.show();
    ASSERT_TRUE(waitUntil([&] { return folders.count() > 0; }, 20000));
    MessageListModel* list = page.messageModel();
    SearchBar* bar = page.searchBar();

    // Typed as a user types; the search starts after the pause.
    page.focusSearch();
    EXPECT_TRUE(bar->edit()->hasFocus());
    QTest::keyClicks(bar->edit(), QStringLiteral("zephyr"));
    ASSERT_TRUE(waitUntil([&] { return list->isSearch() && !list->isLoading() && list->rowCount() == 3; }));
    ASSERT_TRUE(waitUntil([&] { return statusText(&page) == QStringLiteral("3 messages"); }))
        << statusText(&page).toStdString();
    // Newest first; the line under the subject is where the word was found
    // (accents ignored), and the word is marked.
    EXPECT_EQ(list->index(0, MessageListModel::SubjectColumn).data().toString(), QStringLiteral("Re: plans"));
    ASSERT_TRUE(waitUntil([&] {
        return list->index(0, MessageListModel::SubjectColumn).data(MessageListModel::ExcerptRole).toString()
            == QStringLiteral("I will bring the zéphyr notes.");
    }));
    EXPECT_EQ(list->index(0, MessageListModel::SubjectColumn).data(MessageListModel::HighlightTermsRole).toStringList(),
              QStringList {QStringLiteral("zephyr")});
    EXPECT_GT(page.messageListView()->verticalHeader()->defaultSectionSize(),
              page.messageListView()->fontMetrics().height() * 2);

    // The result opened in the preview has its word marked.
    page.messageListView()->setCurrentIndex(list->index(2, MessageListModel::SubjectColumn));
    MessageView* preview = page.preview();
    ASSERT_TRUE(waitUntil([&] { return preview->messageId() == list->messageIdAt(2); }));
    ASSERT_TRUE(waitUntil([&] { return preview->highlightCount() == 1; })) << preview->highlightCount();

    // A mistyped query says what is wrong and keeps the results.
    bar->edit()->setText(QStringLiteral("zephyr before:soon"));
    bar->applyNow();
    EXPECT_TRUE(statusText(&page).contains(QStringLiteral("before:"))) << statusText(&page).toStdString();
    EXPECT_EQ(list->rowCount(), 3);

    // Narrowed to Sent by the tree: the chip names it; one click widens.
    bar->edit()->setText(QStringLiteral("zephyr"));
    bar->applyNow();
    FolderTreeModel* tree = page.folderModel();
    const QModelIndex sentIndex = tree->indexForKey(
        QStringLiteral("folder:%1:Sent").arg(tree->index(1, 0).data(FolderTreeModel::IdRole).toLongLong()));
    ASSERT_TRUE(sentIndex.isValid());
    page.folderView()->setCurrentIndex(sentIndex);
    ASSERT_TRUE(waitUntil([&] { return !list->isLoading() && list->rowCount() == 1; }));
    auto* chip = bar->findChild<QToolButton*>(QStringLiteral("searchScopeChip"));
    ASSERT_TRUE(chip->isVisible());
    EXPECT_TRUE(chip->text().contains(QStringLiteral("Sent"))) << chip->text().toStdString();
    ASSERT_TRUE(waitUntil([&] { return statusText(&page) == QStringLiteral("1 message"); }));
    QTest::mouseClick(chip, Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return !list->isLoading() && list->rowCount() == 3; }));
    EXPECT_FALSE(chip->isVisible());

    // Best match first: the subject and the body both say it.
    auto* bestMatch = bar->findChild<QToolButton*>(QStringLiteral("bestMatchButton"));
    QTest::mouseClick(bestMatch, Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return list->isRelevanceOrder() && !list->isLoading() && list->rowCount() == 3; }));
    EXPECT_FALSE(page.messageListView()->header()->isSortIndicatorShown());
    // A column's order ends it.
    page.messageListView()->sortByColumn(MessageListModel::DateColumn, Qt::DescendingOrder);
    ASSERT_TRUE(waitUntil([&] { return !list->isRelevanceOrder() && !list->isLoading(); }));
    EXPECT_FALSE(bestMatch->isChecked());

    // Select all 3 matching, then export them as one mbox file.
    ASSERT_TRUE(waitUntil([&] { return statusText(&page) == QStringLiteral("3 messages"); }));
    auto* selectAll = bar->findChild<QPushButton*>(QStringLiteral("selectAllMatchingButton"));
    ASSERT_TRUE(selectAll->isVisible());
    EXPECT_EQ(selectAll->text(), QStringLiteral("Select all 3 &matching"));
    QTest::mouseClick(selectAll, Qt::LeftButton);
    EXPECT_TRUE(statusText(&page).contains(QStringLiteral("All 3 matching messages are selected")));
    ExportDialog* dialog = page.showExport();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->findChild<QWidget*>(QStringLiteral("exportListRadio"))->property("checked").toBool());
    EXPECT_EQ(dialog->request().list.search->highlightTerms(), QStringList {QStringLiteral("zephyr")});
    QTemporaryDir out;
    const QString target = out.filePath(QStringLiteral("zephyr.mbox"));
    dialog->setFormat(ExportRequest::Format::Mbox);
    dialog->setTargetPath(target);
    QSignalSpy ended(dialog, &ExportDialog::exportEnded);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("exportButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return ended.count() == 1; }));
    EXPECT_TRUE(ended.first().at(0).toBool());
    const QString said = dialog->findChild<QLabel*>(QStringLiteral("exportMessage"))->text();
    EXPECT_TRUE(said.startsWith(QStringLiteral("Exported 3 messages"))) << said.toStdString();
    QFile mbox(target);
    ASSERT_TRUE(mbox.open(QIODevice::ReadOnly));
    const QByteArray bytes = mbox.readAll();
    EXPECT_EQ(bytes.count("\nFrom ") + (bytes.startsWith("From ") ? 1 : 0), 3);
    EXPECT_TRUE(bytes.contains(planted.at(0).raw));
    EXPECT_TRUE(bytes.contains(planted.at(1).raw));
    EXPECT_TRUE(bytes.contains(sentOne.raw));
    dialog->close();

    // Escape clears the search: the folder's whole list is back.
    bar->edit()->setFocus();
    QTest::keyClick(bar->edit(), Qt::Key_Escape);
    ASSERT_TRUE(waitUntil([&] { return !list->isSearch() && !list->isLoading() && list->rowCount() == 33; }));
    EXPECT_FALSE(bar->findChild<QLabel*>(QStringLiteral("searchStatus"))->isVisible());
}

// Under Removed sources: a search, Select all matching, Delete from
// Archive… asks with the counts, and deletes what no current source holds.
TEST(ArchiveSearchTest, MatchingMailOfARemovedSourceIsDeletedAfterAskingWithTheCounts)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 oldInbox = archive.folder(QStringLiteral("Old"), QStringLiteral("INBOX"));
    const qint64 nowInbox = archive.folder(QStringLiteral("Now"), QStringLiteral("INBOX"));
    const GeneratedMessage shared =
        handWritten(mail("Walrus shared", "A walrus in both.", 5), QDateTime(QDate(2024, 5, 5), QTime(10, 0), Qt::UTC));
    ASSERT_TRUE(archive.store(
        oldInbox,
        {handWritten(mail("Walrus one", "A walrus.", 2), QDateTime(QDate(2024, 5, 2), QTime(10, 0), Qt::UTC)),
         handWritten(mail("Walrus two", "Another walrus.", 3), QDateTime(QDate(2024, 5, 3), QTime(10, 0), Qt::UTC)),
         shared,
         handWritten(mail("Seal", "No such animal here.", 4), QDateTime(QDate(2024, 5, 4), QTime(10, 0), Qt::UTC))}));
    ASSERT_TRUE(archive.store(nowInbox, {shared}));
    SessionCredentialStore credentials;
    SourceService service(archive.archive(), &credentials);
    qint64 oldId = 0;
    for (const FolderSummary& folder : archive.archive().reader().folders()) {
        if (folder.sourceName == QStringLiteral("Old")) {
            oldId = folder.sourceId;
        }
    }
    ASSERT_NE(oldId, 0);
    QString error;
    ASSERT_TRUE(SourceRepository(archive.archive().connection()).removeKeepingMail(oldId, &error))
        << error.toStdString();

    ArchiveQueryRunner runner(archive.archive());
    ArchivePage page(archive.archive(), &runner);
    page.setSourceService(&service);
    QSignalSpy folders(&page, &ArchivePage::foldersLoaded);
    page.resize(1200, 800);
    page.show();
    ASSERT_TRUE(waitUntil([&] { return folders.count() > 0; }, 20000));
    MessageListModel* list = page.messageModel();
    SearchBar* bar = page.searchBar();
    auto* deleteButton = bar->findChild<QPushButton*>(QStringLiteral("deleteRemovedMailButton"));
    EXPECT_FALSE(deleteButton->isVisible()); // All mail: nothing to delete

    page.folderView()->setCurrentIndex(page.folderModel()->indexForKey(QStringLiteral("removed")));
    ASSERT_TRUE(waitUntil([&] { return !list->isLoading() && list->rowCount() == 4; }, 5000))
        << list->rowCount() << " " << page.folderView()->currentIndex().data().toString().toStdString();
    ASSERT_TRUE(waitUntil([&] { return statusText(&page) == QStringLiteral("4 messages"); }))
        << statusText(&page).toStdString();
    EXPECT_TRUE(deleteButton->isVisible());

    bar->edit()->setText(QStringLiteral("walrus"));
    bar->applyNow();
    ASSERT_TRUE(waitUntil([&] { return !list->isLoading() && list->rowCount() == 3; }));
    ASSERT_TRUE(waitUntil([&] { return statusText(&page) == QStringLiteral("3 messages"); }));
    QTest::mouseClick(bar->findChild<QPushButton*>(QStringLiteral("selectAllMatchingButton")), Qt::LeftButton);
    QTest::mouseClick(deleteButton, Qt::LeftButton);
    QMessageBox* box = nullptr;
    ASSERT_TRUE(
        waitUntil([&] { return (box = page.findChild<QMessageBox*>(QStringLiteral("deleteRemovedMailBox"))); }, 10000))
        << statusText(&page).toStdString() << " visible " << deleteButton->isVisible();
    EXPECT_EQ(box->text(), QStringLiteral("Delete 2 messages from the archive?"));
    EXPECT_TRUE(
        box->informativeText().contains(QStringLiteral("1 message stays, because a current source also holds it")))
        << box->informativeText().toStdString();
    QSignalSpy deleted(&page, &ArchivePage::removedMailDeleted);
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("confirmDeleteButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return deleted.count() == 1; }));
    EXPECT_TRUE(deleted.first().at(0).toBool());
    EXPECT_TRUE(statusText(&page).startsWith(QStringLiteral("2 messages deleted from the archive.")))
        << statusText(&page).toStdString();
    // What is left: the seal under Removed sources, the shared one in Now.
    ASSERT_TRUE(waitUntil([&] { return !list->isLoading() && list->rowCount() == 0; }));
    EXPECT_EQ(archive.archive().reader().messageCount(), 2);
}

// Mail imported from files is deleted from its source in the tree: Delete
// asks (keep or delete the mail, with the numbers), and deleting it removes
// what only the import held; an account's source offers no such thing.
TEST(ArchivePageImports, AnImportedSourceIsDeletedFromTheTree)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const QList<GeneratedMessage> messages = MailGenerator::smallMessages(5, 88);
    const qint64 work = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    ASSERT_TRUE(archive.store(work, messages.mid(0, 3)));
    QString error;
    const qint64 localId = MailFileImport::ensureLocalSource(archive.archive(), QStringLiteral("Old laptop"), &error);
    ASSERT_NE(localId, 0) << error.toStdString();
    const qint64 takeout = archive.archive().store().ensureFolder(
        localId, QByteArray("Takeout"), QStringLiteral("Takeout"), QStringLiteral("/"), &error);
    ASSERT_TRUE(archive.store(takeout, messages.mid(2, 3))) << "one shared with Work, two of its own";
    SessionCredentialStore credentials;
    SourceService service(archive.archive(), &credentials);

    ArchiveQueryRunner runner(archive.archive());
    ArchivePage page(archive.archive(), &runner);
    page.setSourceService(&service);
    QSignalSpy folders(&page, &ArchivePage::foldersLoaded);
    page.resize(1200, 800);
    page.show();
    ASSERT_TRUE(waitUntil([&] { return folders.count() > 0; }, 20000));
    auto* action = page.findChild<QAction*>(QStringLiteral("deleteImportedMailAction"));
    ASSERT_NE(action, nullptr);

    const QModelIndex workNode = page.folderModel()->indexForKey(
        QStringLiteral("source:%1")
            .arg(SourceRepository(archive.archive().connection()).findByName(QStringLiteral("Work"))->id));
    page.folderView()->setCurrentIndex(workNode);
    EXPECT_FALSE(action->isEnabled()) << "an account is deleted on the Ingestions page";
    EXPECT_EQ(page.deleteImportedSource(), nullptr);

    page.folderView()->setCurrentIndex(page.folderModel()->indexForKey(QStringLiteral("source:%1").arg(localId)));
    EXPECT_TRUE(action->isEnabled());
    page.folderView()->setFocus();
    QTest::keyClick(page.folderView(), Qt::Key_Delete);
    DeleteSourceDialog* dialog = nullptr;
    ASSERT_TRUE(waitUntil([&] { return (dialog = page.findChild<DeleteSourceDialog*>()) && dialog->hasPreview(); }));
    const QString promise = dialog->findChild<QLabel*>(QStringLiteral("removeMailDetail"))->text();
    EXPECT_TRUE(promise.startsWith(QStringLiteral("2 messages are deleted"))) << promise.toStdString();
    dialog->findChild<QRadioButton*>(QStringLiteral("removeMailRadio"))->setChecked(true);
    QSignalSpy deleted(&page, &ArchivePage::importedSourceDeleted);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("confirmDeleteButton")), Qt::LeftButton);
    ASSERT_TRUE(deleted.count() == 1 || deleted.wait(20000));
    EXPECT_TRUE(deleted.first().at(0).toBool());
    EXPECT_EQ(archive.archive().reader().messageCount(), 3) << "Work's three stay, the shared one with them";
    EXPECT_FALSE(SourceRepository(archive.archive().connection()).findByName(QStringLiteral("Old laptop")));
    ASSERT_TRUE(waitUntil(
        [&] { return !page.folderModel()->indexForKey(QStringLiteral("source:%1").arg(localId)).isValid(); }));
}
