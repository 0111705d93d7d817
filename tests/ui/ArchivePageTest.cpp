#include "archive/ArchivePage.h"
#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "TemporaryArchive.h"
#include "WaitUntil.h"
#include "archive/ArchiveQueryRunner.h"
#include "archive/AttachmentPanel.h"
#include "archive/FolderTreeModel.h"
#include "archive/MessageBodyBrowser.h"
#include "archive/MessageListModel.h"
#include "archive/MessageListView.h"
#include "archive/MessageView.h"
#include "archive/MessageWindow.h"
#include "archive/RawMessageDialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>
#include <QTreeWidget>

#include <gtest/gtest.h>

namespace {

GeneratedMessage handWritten(const QByteArray& raw,
                             const QDateTime& date = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC))
{
    GeneratedMessage message;
    message.raw = raw;
    message.internalDate = date;
    return message;
}

const QByteArray AttachmentBytes = QByteArrayLiteral("quartal;umsatz\nQ1;100\nQ2;250\n");

// A message with a CSV attachment whose name tries to leave the folder.
QByteArray withHostileAttachment()
{
    return QByteArrayLiteral("From: Ann Example <ann@example.test>\r\n"
                             "To: bob@example.test\r\n"
                             "Subject: Figures for the quarter\r\n"
                             "Date: Wed, 01 May 2024 14:00:00 +0200\r\n"
                             "MIME-Version: 1.0\r\n"
                             "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
                             "\r\n"
                             "--b1\r\n"
                             "Content-Type: text/plain; charset=utf-8\r\n"
                             "\r\n"
                             "The figures for Zephyr are attached.\r\n"
                             "--b1\r\n"
                             "Content-Type: text/csv; name=\"x.csv\"\r\n"
                             "Content-Disposition: attachment; filename=\"../../.bashrc\"\r\n"
                             "Content-Transfer-Encoding: base64\r\n"
                             "\r\n")
        + AttachmentBytes.toBase64() + QByteArrayLiteral("\r\n--b1--\r\n");
}

// HTML that would reach a server in every way an HTML mail can try, each
// pointing at `origin`; and an inline image by cid:.
QByteArray hostileHtml(const QString& origin)
{
    const QByteArray o = origin.toUtf8();
    const QByteArray png = [] {
        QImage image(4, 4, QImage::Format_RGB32);
        image.fill(Qt::red);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return bytes;
    }();
    return QByteArrayLiteral("From: News <news@example.test>\r\n"
                             "To: bob@example.test\r\n"
                             "Subject: Newsletter\r\n"
                             "Date: Thu, 02 May 2024 09:00:00 +0000\r\n"
                             "MIME-Version: 1.0\r\n"
                             "Content-Type: multipart/related; boundary=\"r1\"\r\n"
                             "\r\n"
                             "--r1\r\n"
                             "Content-Type: text/html; charset=utf-8\r\n"
                             "\r\n"
                             "<html><head><link rel=stylesheet href=\"")
        + o + "/style.css\"><style>@import url(" + o + "/import.css); body{background:url(" + o
        + "/bg.png)}</style><meta http-equiv=refresh content=\"0;url=" + o + "/refresh\"><base href=\"" + o
        + "/\"></head><body background=\"" + o + "/body.png\"><p>Big news inside.</p><img src=\"" + o
        + "/pixel.gif\" width=1 height=1><img src=\"relative.png\"><div style=\"background-image:url(" + o
        + "/div.png)\">styled</div><iframe src=\"" + o + "/frame\"></iframe><script src=\"" + o
        + "/x.js\"></script><img src=\"cid:logo@example\" alt=logo><a href=\"https://example.test/track\">read "
          "more</a></body></html>\r\n"
          "--r1\r\n"
          "Content-Type: image/png\r\n"
          "Content-ID: <logo@example>\r\n"
          "Content-Disposition: inline\r\n"
          "Content-Transfer-Encoding: base64\r\n"
          "\r\n"
        + png.toBase64() + "\r\n--r1--\r\n";
}

class ArchivePageTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString(); }

    std::unique_ptr<ArchivePage> showPage(ArchiveQueryRunner* runner)
    {
        auto page = std::make_unique<ArchivePage>(m_archive.archive(), runner);
        QSignalSpy loaded(page.get(), &ArchivePage::foldersLoaded);
        page->resize(1200, 800);
        page->show();
        EXPECT_TRUE(waitUntil([&] { return loaded.count() > 0; }, 20000));
        return page;
    }

    TemporaryArchive m_archive;
};

} // namespace

TEST_F(ArchivePageTest, OpensAFolderShowsAMessageAndSavesItsAttachmentSafely)
{
    const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const qint64 sent = m_archive.folder(QStringLiteral("Work"), QStringLiteral("Sent"));
    ASSERT_TRUE(m_archive.store(inbox, MailGenerator::smallMessages(40, 51)));
    ASSERT_TRUE(m_archive.store(
        inbox, {handWritten(withHostileAttachment(), QDateTime(QDate(2030, 1, 1), QTime(9, 0), Qt::UTC))}));
    ASSERT_TRUE(m_archive.store(sent, MailGenerator::smallMessages(3, 52)));
    ArchiveQueryRunner runner(m_archive.archive());
    auto page = showPage(&runner);

    // The tree: All mail (44), then Work with INBOX (41) and Sent (3).
    FolderTreeModel* tree = page->folderModel();
    ASSERT_EQ(tree->index(0, 0).data().toString(), QStringLiteral("All mail"));
    EXPECT_EQ(tree->index(0, FolderTreeModel::CountColumn).data().toString(), QStringLiteral("44"));
    const QModelIndex inboxIndex = tree->indexForKey(
        QStringLiteral("folder:%1:INBOX").arg(tree->index(1, 0).data(FolderTreeModel::IdRole).toLongLong()));
    ASSERT_TRUE(inboxIndex.isValid());
    EXPECT_EQ(inboxIndex.siblingAtColumn(FolderTreeModel::CountColumn).data().toString(), QStringLiteral("41"));

    // Keyboard only: into the tree, down to INBOX.
    page->folderView()->setFocus();
    page->folderView()->setCurrentIndex(inboxIndex);
    MessageListModel* list = page->messageModel();
    ASSERT_TRUE(waitUntil([&] { return !list->isLoading() && list->rowCount() > 0; }));
    EXPECT_EQ(list->query()->scope, MessageListQuery::Scope::Folder);
    // Newest first: the hand-written message of 2030 leads, and is previewed.
    EXPECT_EQ(list->index(0, MessageListModel::SubjectColumn).data().toString(),
              QStringLiteral("Figures for the quarter"));
    MessageView* preview = page->preview();
    ASSERT_TRUE(waitUntil([&] { return preview->messageId() == list->messageIdAt(0); }));
    EXPECT_TRUE(preview->bodyText().contains(QStringLiteral("The figures for Zephyr are attached.")))
        << preview->bodyText().toStdString();
    EXPECT_TRUE(preview->document().locations.size() == 1);

    // Save the attachment into a folder: it lands inside, under a safe name,
    // with exactly its bytes.
    AttachmentPanel* attachments = preview->attachmentPanel();
    ASSERT_EQ(attachments->count(), 1);
    QTemporaryDir target;
    QSignalSpy saved(attachments, &AttachmentPanel::saved);
    attachments->saveInto(target.path(), {0});
    ASSERT_TRUE(waitUntil([&] { return saved.count() == 1; }));
    const QStringList paths = saved.first().at(0).toStringList();
    ASSERT_EQ(paths.size(), 1) << saved.first().at(1).toString().toStdString();
    EXPECT_EQ(QFileInfo(paths.first()).absolutePath(), QDir(target.path()).canonicalPath());
    EXPECT_FALSE(QFileInfo(paths.first()).fileName().startsWith(QLatin1Char('.')));
    QFile file(paths.first());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), AttachmentBytes);
    EXPECT_FALSE(QFile::exists(QDir(target.path()).filePath(QStringLiteral("../../.bashrc"))));

    // A Sent folder lists whom the mail went to.
    page->folderView()->setCurrentIndex(tree->indexForKey(
        QStringLiteral("folder:%1:Sent").arg(tree->index(1, 0).data(FolderTreeModel::IdRole).toLongLong())));
    ASSERT_TRUE(waitUntil([&] { return !list->isLoading() && list->rowCount() == 3; }));
    EXPECT_EQ(list->headerData(MessageListModel::CorrespondentColumn, Qt::Horizontal).toString(), QStringLiteral("To"));

    // Enter opens the message in a window of its own.
    page->messageListView()->setFocus();
    page->messageListView()->setCurrentIndex(list->index(1, MessageListModel::SubjectColumn));
    QTest::keyClick(page->messageListView(), Qt::Key_Return);
    MessageWindow* window = nullptr;
    ASSERT_TRUE(waitUntil([&] {
        window = page->window()->findChild<MessageWindow*>();
        if (!window) {
            for (QWidget* top : QApplication::topLevelWidgets()) {
                if ((window = qobject_cast<MessageWindow*>(top))) {
                    break;
                }
            }
        }
        return window && window->view()->messageId() == list->messageIdAt(1);
    }));
    window->close();
}

TEST_F(ArchivePageTest, EverySortOrderOfTheListIsTheArchivesOrder)
{
    const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    ASSERT_TRUE(m_archive.store(inbox, MailGenerator::smallMessages(700, 53)));
    ArchiveQueryRunner runner(m_archive.archive());
    auto page = showPage(&runner);
    MessageListModel* list = page->messageModel();
    ASSERT_TRUE(waitUntil([&] { return !list->isLoading() && list->rowCount() > 0; }));
    // A page at a time: what the view asked for, not the whole folder.
    // (Qt's view asks for a page or two more while it lays out the first:
    // its scroll bar is "at the end" until the rows have a height.)
    EXPECT_LE(list->rowCount(), 3 * MessageListModel::PageSize);
    EXPECT_EQ(list->rowCount() % MessageListModel::PageSize, 0);

    page->messageListView()->header()->setSortIndicator(MessageListModel::SizeColumn, Qt::AscendingOrder);
    ASSERT_TRUE(waitUntil([&] { return !list->isLoading() && list->rowCount() > 0; }));
    // Scroll to the end, as a user holding Page Down would.
    ASSERT_TRUE(waitUntil([&] {
        list->fetchMore({});
        return list->rowCount() == 700 && !list->canFetchMore({});
    })) << list->rowCount();
    for (int row = 1; row < list->rowCount(); ++row) {
        ASSERT_LE(list->summaryAt(row - 1)->size, list->summaryAt(row)->size) << row;
    }
}

// The list moves like a mail client's: Home and End go to the first and the
// last message loaded, Left and Right stay on the message, and the whole
// row is selected.
TEST_F(ArchivePageTest, HomeEndAndArrowsMoveByMessage)
{
    const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    ASSERT_TRUE(m_archive.store(inbox, MailGenerator::smallMessages(450, 61)));
    ArchiveQueryRunner runner(m_archive.archive());
    auto page = showPage(&runner);
    MessageListModel* list = page->messageModel();
    MessageListView* view = page->messageListView();
    ASSERT_TRUE(
        waitUntil([&] { return !list->isLoading() && list->rowCount() > 0 && view->currentIndex().isValid(); }));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_Down);
    EXPECT_EQ(view->currentIndex().row(), 2);
    const int column = view->currentIndex().column();
    QTest::keyClick(view, Qt::Key_Right);
    QTest::keyClick(view, Qt::Key_Left);
    QTest::keyClick(view, Qt::Key_Left);
    EXPECT_EQ(view->currentIndex().row(), 2);
    EXPECT_EQ(view->currentIndex().column(), column);
    QTest::keyClick(view, Qt::Key_End);
    EXPECT_EQ(view->currentIndex().row(), list->rowCount() - 1);
    EXPECT_GT(view->currentIndex().row(), 2);
    // The whole row, every column, is the selection.
    EXPECT_TRUE(view->selectionModel()->isRowSelected(view->currentIndex().row(), {}));
    QTest::keyClick(view, Qt::Key_Home);
    EXPECT_EQ(view->currentIndex().row(), 0);
    EXPECT_EQ(view->selectionModel()->selectedRows().size(), 1);
    // Shift+End selects from here to the last message loaded.
    QTest::keyClick(view, Qt::Key_End, Qt::ShiftModifier);
    EXPECT_EQ(view->selectionModel()->selectedRows().size(), list->rowCount());
}

TEST_F(ArchivePageTest, TheLazyListStaysAValidModelWhileAnImportAddsMail)
{
    const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const QList<GeneratedMessage> messages = MailGenerator::smallMessages(600, 54);
    ASSERT_TRUE(m_archive.store(inbox, messages.mid(0, 100)));
    ArchiveQueryRunner runner(m_archive.archive());
    MessageListModel model(&runner);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    MessageListQuery all;
    model.setQuery(all);
    ASSERT_TRUE(waitUntil([&] { return !model.isLoading(); }));
    EXPECT_EQ(model.rowCount(), 100);
    // Batches arrive as an import stores them; the newest-first list takes
    // them at the top, and scrolling on still reaches every message once.
    for (int start = 100; start < 600; start += 50) {
        ASSERT_TRUE(m_archive.store(inbox, messages.mid(start, 50)));
        const int before = model.rowCount();
        model.refreshNewest();
        if (model.canFetchMore({})) {
            model.fetchMore({});
        }
        ASSERT_TRUE(waitUntil([&] { return model.rowCount() > before || model.isLoading(); }));
        ASSERT_TRUE(waitUntil([&] { return !model.isLoading(); }));
    }
    while (model.canFetchMore({}) || model.isLoading()) {
        model.fetchMore({});
        QTest::qWait(5);
    }
    ASSERT_TRUE(waitUntil([&] { return model.rowCount() == 600; })) << model.rowCount();
    QSet<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.insert(model.messageIdAt(row));
        if (row > 0) {
            const MessageSummary* a = model.summaryAt(row - 1);
            const MessageSummary* b = model.summaryAt(row);
            ASSERT_TRUE(a->date > b->date || (a->date == b->date && a->id > b->id)) << row;
        }
    }
    EXPECT_EQ(ids.size(), 600);
}

TEST_F(ArchivePageTest, HtmlMailIsShownWithoutASingleNetworkRequest)
{
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost));
    int connections = 0;
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket* socket = server.nextPendingConnection()) {
            ++connections;
            socket->write("HTTP/1.0 200 OK\r\nContent-Type: image/png\r\n\r\n");
            socket->disconnectFromHost();
        }
    });
    const QString origin = QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort());
    const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    ASSERT_TRUE(m_archive.store(inbox, {handWritten(hostileHtml(origin))}));
    ArchiveQueryRunner runner(m_archive.archive());

    MessageView view(&runner);
    view.resize(900, 700);
    view.show();
    QSignalSpy shown(&view, &MessageView::documentShown);
    view.showMessage(1);
    ASSERT_TRUE(waitUntil([&] { return shown.count() == 1; }));
    ASSERT_TRUE(view.isShowingHtml());
    // Lay it out and paint it, as a user would see it, and give any request
    // time to arrive.
    view.bodyBrowser()->viewport()->repaint();
    QTest::qWait(300);
    EXPECT_EQ(connections, 0);
    const QString html = view.document().html.toLower();
    EXPECT_FALSE(html.contains(origin.toLower())) << html.toStdString();
    EXPECT_GE(view.document().blockedRemoteImages, 3);
    // A link keeps its target, shown to the user, opened only on a click.
    EXPECT_TRUE(html.contains(QStringLiteral("https://example.test/track"))) << html.toStdString();
    EXPECT_TRUE(view.bodyText().contains(QStringLiteral("Big news inside.")));
    // The inline image is served from the message itself.
    const QVariant logo = view.bodyBrowser()->document()->resource(QTextDocument::ImageResource,
                                                                   QUrl(QStringLiteral("cid:logo@example")));
    EXPECT_TRUE(logo.isValid() && !logo.value<QImage>().isNull());
    // The notice says what was left out.
    EXPECT_TRUE(
        view.findChild<QLabel*>(QStringLiteral("messageNotice"))->text().contains(QStringLiteral("remote image")));

    // Plain text on request; the choice sticks for the next message.
    view.setShowHtml(false);
    EXPECT_FALSE(view.isShowingHtml());
    EXPECT_TRUE(view.bodyText().contains(QStringLiteral("Big news inside.")));
    EXPECT_EQ(connections, 0);
}

namespace {

// A message whose attachments carry the names hostile mail uses, and an
// attached message.
QByteArray withHostileNamesAndAnAttachedMessage(const QList<QByteArray>& names)
{
    QByteArray raw = QByteArrayLiteral("From: Mallory <m@example.test>\r\nTo: bob@example.test\r\n"
                                       "Subject: Names\r\nDate: Wed, 01 May 2024 14:00:00 +0000\r\n"
                                       "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                                       "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n");
    for (qsizetype i = 0; i < names.size(); ++i) {
        raw += "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename*=utf-8''"
            + names.at(i).toPercentEncoding() + "\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + QByteArray("part ").append(QByteArray::number(i)).toBase64() + "\r\n";
    }
    raw += "--b\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"forwarded.eml\"\r\n\r\n"
           "From: Carol <c@example.test>\r\nSubject: The forwarded one\r\nDate: Tue, 30 Apr 2024 10:00:00 +0000\r\n"
           "\r\nInner text of the forwarded mail.\r\n"
           "--b--\r\n";
    return raw;
}

} // namespace

TEST_F(ArchivePageTest, HostileAttachmentNamesSaveInsideTheChosenFolderAndAnAttachedMessageOpens)
{
    const QList<QByteArray> names = {"../../.bashrc",
                                     "CON",
                                     QByteArray(5000, 'a') + ".pdf",
                                     QByteArray("evil\0name.txt", 13),
                                     "invoice\xE2\x80\xAE"
                                     "fdp.exe",
                                     "..\\..\\Windows\\win.ini",
                                     "/etc/passwd"};
    const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    ASSERT_TRUE(m_archive.store(inbox, {handWritten(withHostileNamesAndAnAttachedMessage(names))}));
    ArchiveQueryRunner runner(m_archive.archive());
    MessageView view(&runner);
    QSignalSpy shown(&view, &MessageView::documentShown);
    view.showMessage(1);
    ASSERT_TRUE(waitUntil([&] { return shown.count() == 1; }));
    AttachmentPanel* panel = view.attachmentPanel();
    ASSERT_EQ(panel->count(), names.size() + 1);

    QTemporaryDir target;
    const QString folder = QDir(target.path()).canonicalPath();
    QSignalSpy saved(panel, &AttachmentPanel::saved);
    QList<int> rows;
    for (int row = 0; row < names.size(); ++row) {
        rows << row;
    }
    panel->saveInto(target.path(), rows);
    ASSERT_TRUE(waitUntil([&] { return saved.count() == 1; }));
    const QStringList paths = saved.first().at(0).toStringList();
    EXPECT_EQ(paths.size(), names.size()) << saved.first().at(1).toString().toStdString();
    QSet<QString> unique;
    for (int i = 0; i < paths.size(); ++i) {
        const QFileInfo info(paths.at(i));
        EXPECT_EQ(info.absolutePath(), folder) << paths.at(i).toStdString();
        EXPECT_FALSE(info.fileName().startsWith(QLatin1Char('.'))) << paths.at(i).toStdString();
        EXPECT_FALSE(info.fileName().contains(QChar(0x202E)));
        EXPECT_LE(info.fileName().toUtf8().size(), 255);
        EXPECT_NE(info.fileName().compare(QStringLiteral("CON"), Qt::CaseInsensitive), 0);
        unique.insert(info.fileName());
        QFile file(paths.at(i));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        EXPECT_EQ(file.readAll(), QByteArray("part ").append(QByteArray::number(i)));
    }
    EXPECT_EQ(unique.size(), paths.size());
    EXPECT_EQ(QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot).size(), names.size());

    // The attached message opens in a window of its own, readable.
    QSignalSpy opened(panel, &AttachmentPanel::openMessageRequested);
    view.attachmentPanel()->findChild<QTreeWidget*>()->setCurrentItem(
        view.attachmentPanel()->findChild<QTreeWidget*>()->topLevelItem(static_cast<int>(names.size())));
    panel->openSelected();
    ASSERT_TRUE(waitUntil([&] { return opened.count() == 1; }));
    MessageWindow* window = nullptr;
    ASSERT_TRUE(waitUntil([&] {
        for (QWidget* top : QApplication::topLevelWidgets()) {
            if (auto* candidate = qobject_cast<MessageWindow*>(top)) {
                window = candidate;
            }
        }
        return window != nullptr;
    }));
    // It is read off the UI thread; the window shows it when it arrives.
    EXPECT_TRUE(waitUntil([&] {
        return window->view()->document().parsed.subject == QStringLiteral("The forwarded one");
    })) << window->view()->document().parsed.subject.toStdString();
    EXPECT_TRUE(window->view()->bodyText().contains(QStringLiteral("Inner text of the forwarded mail.")));
    window->close();
}

TEST_F(ArchivePageTest, ShowOriginalHasTheExactBytesAndSavesThem)
{
    const QByteArray raw = withHostileAttachment();
    const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    ASSERT_TRUE(m_archive.store(inbox, {handWritten(raw)}));
    ArchiveQueryRunner runner(m_archive.archive());
    RawMessageDialog dialog(&runner, 1, QStringLiteral("Figures"));
    ASSERT_TRUE(waitUntil([&] { return !dialog.rawBytes().isEmpty(); }));
    EXPECT_EQ(dialog.rawBytes(), raw);
    EXPECT_TRUE(dialog.findChild<QPlainTextEdit*>()->toPlainText().contains(
        QStringLiteral("Subject: Figures for the quarter")));
    QTemporaryDir target;
    const QString path = QDir(target.path()).filePath(QStringLiteral("copy.eml"));
    ASSERT_TRUE(dialog.saveTo(path));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), raw);
}

TEST_F(ArchivePageTest, MoreNewMailThanAPageJoinsTheTopWithoutResettingTheList)
{
    const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const QList<GeneratedMessage> messages = MailGenerator::smallMessages(900, 55);
    ASSERT_TRUE(m_archive.store(inbox, messages.mid(0, 300)));
    ArchiveQueryRunner runner(m_archive.archive());
    MessageListModel model(&runner);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setQuery(MessageListQuery());
    ASSERT_TRUE(waitUntil([&] { return !model.isLoading(); }));
    const qint64 firstBefore = model.messageIdAt(0);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    // An import stored 600 messages (three pages) since the last look; the
    // generated dates grow, so all are newer than the list's first row.
    // (The model tester may fetch older pages meanwhile: that is scrolling.)
    ASSERT_TRUE(m_archive.store(inbox, messages.mid(300, 600)));
    model.refreshNewest();
    ASSERT_TRUE(waitUntil([&] { return model.rowOf(firstBefore) == 600; }, 20000))
        << model.rowOf(firstBefore) << " is the row of the old first message, of " << model.rowCount();
    EXPECT_EQ(resets.count(), 0) << "the list started over";
    for (int row = 1; row < model.rowCount(); ++row) {
        const MessageSummary* a = model.summaryAt(row - 1);
        const MessageSummary* b = model.summaryAt(row);
        ASSERT_TRUE(a->date > b->date || (a->date == b->date && a->id > b->id)) << row;
    }
}

// Mail imported while the page was hidden that was all archived already
// adds a source and no message: the tree shows the new source when the
// page is shown again.
TEST_F(ArchivePageTest, ASourceWithNoNewMessageAppearsWhenThePageIsShownAgain)
{
    const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const QList<GeneratedMessage> messages = MailGenerator::smallMessages(5, 56);
    ASSERT_TRUE(m_archive.store(inbox, messages));
    ArchiveQueryRunner runner(m_archive.archive());
    ArchiveTotals totals;
    totals.messages = 5;
    totals.sources = 1;
    auto page = showPage(&runner);
    page->setTotals(totals);
    const auto sourceRows = [&] { return page->folderModel()->rowCount(); };
    const int before = sourceRows();
    page->hide();

    const qint64 copy = m_archive.folder(QStringLiteral("Local files"), QStringLiteral("Takeout"));
    ASSERT_TRUE(m_archive.store(copy, messages));
    totals.sources = 2; // the same five messages, now from two sources
    page->setTotals(totals);
    QSignalSpy loaded(page.get(), &ArchivePage::foldersLoaded);
    page->show();
    ASSERT_TRUE(loaded.count() > 0 || loaded.wait(20000));
    EXPECT_EQ(sourceRows(), before + 1);
}
