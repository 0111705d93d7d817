#include "TemporaryArchive.h"

#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "archive/ArchiveReader.h"

#include <QSet>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace {

GeneratedMessage handWritten(const QByteArray& raw)
{
    GeneratedMessage message;
    message.raw = raw;
    message.internalDate = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    return message;
}

const QByteArray WithAttachment =
    QByteArrayLiteral("From: =?UTF-8?Q?Xav=C3=A9rius_Qu=C3=A4ntzler?= <xq@example.test>\r\n"
                      "To: =?UTF-8?Q?Ann=C3=A9liese_Vorbr=C3=BCggen?= <anna@example.test>, bob@example.test\r\n"
                      "Subject: =?UTF-8?B?UcO8eGzDqXJiYXVtIEdyw7zDn2Ugw5xiZXJzaWNodA==?=\r\n"
                      "Date: Wed, 01 May 2024 14:00:00 +0200\r\n"
                      "Message-ID: <cafe-1@example.test>\r\n"
                      "MIME-Version: 1.0\r\n"
                      "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
                      "\r\n"
                      "--outer\r\n"
                      "Content-Type: text/plain; charset=utf-8\r\n"
                      "Content-Transfer-Encoding: 8bit\r\n"
                      "\r\n"
                      "Die Quartalszahlen für das Projekt Zephyr liegen bei.\r\n"
                      "--outer\r\n"
                      "Content-Type: text/csv; name=\"zahlen.csv\"\r\n"
                      "Content-Disposition: attachment; filename*=utf-8''Zw%C3%B6lfquartal%20%C3%9Cbersicht.csv\r\n"
                      "Content-Transfer-Encoding: base64\r\n"
                      "\r\n"
                      "cXVhcnRhbDt1bXNhdHoKUTE7MTAwCg==\r\n"
                      "--outer--\r\n");

TEST(ArchiveReader, PagesThroughAFolderNewestFirstWithEveryMessageOnce)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 inbox = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const QList<GeneratedMessage> messages = MailGenerator::smallMessages(1000, 21);
    for (qsizetype start = 0; start < messages.size(); start += 250) {
        ASSERT_TRUE(archive.store(inbox, messages.mid(start, 250))) << archive.error().toStdString();
    }

    const ArchiveReader reader = archive.archive().reader();
    QList<MessageSummary> seen;
    PageCursor cursor;
    int pages = 0;
    while (true) {
        const MessagePage page = reader.folderPage(inbox, cursor, 37);
        seen += page.messages;
        ++pages;
        ASSERT_LE(page.messages.size(), 37);
        if (page.atEnd) {
            break;
        }
        cursor = page.next;
        ASSERT_LT(pages, 100) << "pagination does not end";
    }
    ASSERT_EQ(seen.size(), 1000);
    EXPECT_EQ(pages, 28);
    QSet<qint64> ids;
    for (int i = 0; i < seen.size(); ++i) {
        ids.insert(seen[i].id);
        if (i > 0) {
            EXPECT_TRUE(seen[i - 1].date > seen[i].date
                        || (seen[i - 1].date == seen[i].date && seen[i - 1].id > seen[i].id))
                << "out of order at " << i;
        }
    }
    EXPECT_EQ(ids.size(), 1000);
    EXPECT_EQ(reader.allPage({}, 5000).messages.size(), 1000);
}

TEST(ArchiveReader, ASourcePageListsAMessageInTwoFoldersOnce)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const QList<GeneratedMessage> messages = MailGenerator::smallMessages(30, 22);
    const qint64 inbox = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const qint64 copy = archive.folder(QStringLiteral("Work"), QStringLiteral("Archive"));
    const qint64 other = archive.folder(QStringLiteral("Home"), QStringLiteral("INBOX"));
    ASSERT_TRUE(archive.store(inbox, messages));
    ASSERT_TRUE(archive.store(copy, messages.mid(0, 10)));
    ASSERT_TRUE(archive.store(other, MailGenerator::smallMessages(5, 23)));

    const ArchiveReader reader = archive.archive().reader();
    const QList<FolderSummary> folders = reader.folders();
    ASSERT_EQ(folders.size(), 3);
    const qint64 workId = folders.at(1).sourceId; // sorted by source name: Home, Work, Work
    EXPECT_EQ(folders.at(1).path, QStringLiteral("Archive"));
    EXPECT_EQ(folders.at(1).messageCount, 10);
    EXPECT_EQ(folders.at(2).messageCount, 30);
    EXPECT_EQ(folders.at(2).lastUid, 30u);
    EXPECT_EQ(reader.sourcePage(workId, {}, 100).messages.size(), 30);
    EXPECT_EQ(reader.folders(workId).size(), 2);
}

TEST(ArchiveReader, ShowsDecodedMetadataAndExtractsAttachmentsOnDemand)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 inbox = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    ASSERT_TRUE(archive.store(inbox, {handWritten(WithAttachment)})) << archive.error().toStdString();

    const ArchiveReader reader = archive.archive().reader();
    const MessagePage page = reader.folderPage(inbox, {}, 10);
    ASSERT_EQ(page.messages.size(), 1);
    const MessageSummary& summary = page.messages.first();
    EXPECT_EQ(summary.subject, QStringLiteral("Qüxlérbaum Grüße Übersicht"));
    EXPECT_EQ(summary.fromName, QStringLiteral("Xavérius Quäntzler"));
    EXPECT_EQ(summary.fromAddress, QStringLiteral("xq@example.test"));
    EXPECT_EQ(summary.date, QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC));
    EXPECT_TRUE(summary.hasAttachments);
    EXPECT_EQ(summary.messageIdHeader, QStringLiteral("cafe-1@example.test"));

    const QList<AttachmentInfo> attachments = reader.attachments(summary.id);
    ASSERT_EQ(attachments.size(), 1);
    EXPECT_EQ(attachments.first().fileName, QStringLiteral("Zwölfquartal Übersicht.csv"));
    EXPECT_EQ(attachments.first().mimeType, QStringLiteral("text/csv"));
    QByteArray content;
    QString error;
    ASSERT_TRUE(reader.attachmentContent(summary.id, attachments.first().partPath, &content, &error))
        << error.toStdString();
    EXPECT_EQ(content, QByteArrayLiteral("quartal;umsatz\nQ1;100\n"));
    EXPECT_TRUE(reader.bodyText(summary.id).contains(QStringLiteral("Projekt Zephyr")));

    const QList<MessageLocation> locations = reader.locations(summary.id);
    ASSERT_EQ(locations.size(), 1);
    EXPECT_EQ(locations.first().folderPath, QStringLiteral("INBOX"));
    EXPECT_EQ(locations.first().uid, 1u);
}

TEST(ArchiveReader, SearchFindsWordsWhateverTheirAccentsAndWhereverTheyAre)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 inbox = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    ASSERT_TRUE(archive.store(inbox, MailGenerator::smallMessages(50, 24)));
    ASSERT_TRUE(archive.store(inbox, {handWritten(WithAttachment)}));
    const ArchiveReader reader = archive.archive().reader();
    const QList<qint64> hits = reader.search(QStringLiteral("zephyr"), 10);
    ASSERT_EQ(hits.size(), 1);
    const qint64 target = hits.first();

    QString error;
    EXPECT_EQ(reader.search(QStringLiteral("quxlerbaum"), 10, &error), QList<qint64> {target}) << error.toStdString();
    EXPECT_EQ(reader.search(QStringLiteral("QÜXLÉRBAUM"), 10), QList<qint64> {target});
    EXPECT_EQ(reader.search(QStringLiteral("subject:Qüxlerbäum"), 10), QList<qint64> {target});
    EXPECT_EQ(reader.search(QStringLiteral("from:quantzler"), 10), QList<qint64> {target});
    EXPECT_EQ(reader.search(QStringLiteral("filename:zwolfquartal"), 10), QList<qint64> {target});
    EXPECT_EQ(reader.search(QStringLiteral("to:vorbruggen"), 10), QList<qint64> {target});
    EXPECT_TRUE(reader.search(QStringLiteral("zzzznotawordzzzz"), 10).isEmpty());
    EXPECT_TRUE(reader.search(QStringLiteral("\"unbalanced"), 10, &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("quotation mark"))) << error.toStdString();
    // Within a scope: the source and folder it was stored in, and no other.
    EXPECT_EQ(reader.search(QStringLiteral("zephyr"), 10, &error, {QStringLiteral("Work"), QStringLiteral("INBOX")}),
              QList<qint64> {target});
    EXPECT_TRUE(reader.search(QStringLiteral("zephyr"), 10, &error, {QStringLiteral("Home"), {}}).isEmpty());
    EXPECT_TRUE(reader.search(QStringLiteral("zephyr"), 10, &error, {{}, QStringLiteral("Sent")}).isEmpty());
}

} // namespace

namespace {

// Every message of the list, page by page.
QList<MessageSummary> readAll(const ArchiveReader& reader,
                              const MessageListQuery& list,
                              int pageSize,
                              MessageListStatement::Strategy strategy = MessageListStatement::Strategy::Auto)
{
    QList<MessageSummary> seen;
    PageCursor cursor;
    for (int pages = 0; pages < 1000; ++pages) {
        const MessagePage page = reader.page(list, cursor, pageSize, strategy);
        seen += page.messages;
        if (page.atEnd) {
            break;
        }
        cursor = page.next;
    }
    return seen;
}

} // namespace

TEST(ArchiveReader, PagesInEverySortOrderListEachMessageOnceInOrder)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 inbox = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const qint64 sent = archive.folder(QStringLiteral("Work"), QStringLiteral("Sent"));
    const QList<GeneratedMessage> messages = MailGenerator::smallMessages(300, 41);
    ASSERT_TRUE(archive.store(inbox, messages.mid(0, 200)));
    ASSERT_TRUE(archive.store(sent, messages.mid(200)));
    const ArchiveReader reader = archive.archive().reader();
    const qint64 workId = reader.folders().first().sourceId;

    using Sort = MessageListQuery::Sort;
    using Scope = MessageListQuery::Scope;
    const auto keyOf = [](const MessageSummary& m, Sort sort, bool byRecipients) -> QVariant {
        switch (sort) {
        case Sort::Date:
            return m.date.toSecsSinceEpoch();
        case Sort::Correspondent:
            return byRecipients ? m.recipients.toLower()
                                : (m.fromName.isEmpty() ? m.fromAddress : m.fromName).toLower();
        case Sort::Subject:
            return m.subject.toLower();
        case Sort::Size:
            return m.size;
        case Sort::Relevance:
            break; // needs a search: SearchQueryTest
        }
        return {};
    };
    // Both ways of reading a narrow list (MessageListStatement) must list the
    // same messages in the same order, page after page.
    using Strategy = MessageListStatement::Strategy;
    for (const auto& [scope, id, expected] : {std::tuple {Scope::All, qint64(0), 300},
                                              std::tuple {Scope::Source, workId, 300},
                                              std::tuple {Scope::Folder, inbox, 200},
                                              std::tuple {Scope::Folder, sent, 100},
                                              std::tuple {Scope::RemovedSources, qint64(0), 0}}) {
        for (const Sort sort : {Sort::Date, Sort::Correspondent, Sort::Subject, Sort::Size}) {
            for (const bool byRecipients : {false, true}) {
                if (byRecipients && sort != Sort::Correspondent) {
                    continue;
                }
                for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                    MessageListQuery list;
                    list.scope = scope;
                    list.id = id;
                    list.sort = sort;
                    list.order = order;
                    list.byRecipients = byRecipients;
                    const std::string what = "scope " + std::to_string(int(scope)) + " sort "
                        + std::to_string(int(sort)) + (byRecipients ? " by recipients" : "") + " order "
                        + std::to_string(int(order));
                    const QList<MessageSummary> seen = readAll(reader, list, 23, Strategy::Walk);
                    ASSERT_EQ(seen.size(), expected) << what;
                    QSet<qint64> ids;
                    for (const MessageSummary& message : seen) {
                        ids.insert(message.id);
                    }
                    EXPECT_EQ(ids.size(), expected) << what;
                    for (qsizetype i = 1; i < seen.size(); ++i) {
                        const QVariant a = keyOf(seen[i - 1], sort, byRecipients);
                        const QVariant b = keyOf(seen[i], sort, byRecipients);
                        const auto cmp = QVariant::compare(a, b);
                        const bool inOrder = order == Qt::AscendingOrder ? cmp <= 0 : cmp >= 0;
                        // SQLite's NOCASE folds ASCII only; compare what it compares.
                        if (sort == Sort::Date || sort == Sort::Size) {
                            EXPECT_TRUE(inOrder) << what << " at " << i;
                        }
                    }
                    QList<qint64> walked;
                    for (const MessageSummary& message : seen) {
                        walked << message.id;
                    }
                    for (const Strategy other : {Strategy::Gather, Strategy::Auto}) {
                        QList<qint64> gathered;
                        for (const MessageSummary& message : readAll(reader, list, 23, other)) {
                            gathered << message.id;
                        }
                        EXPECT_EQ(gathered, walked) << what << " strategy " << int(other);
                    }
                }
            }
        }
    }
}

TEST(ArchiveReader, RemovedSourcesScopeListsTheMailTheyKept)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 kept = archive.folder(QStringLiteral("Old"), QStringLiteral("INBOX"));
    const qint64 live = archive.folder(QStringLiteral("New"), QStringLiteral("INBOX"));
    ASSERT_TRUE(archive.store(kept, MailGenerator::smallMessages(12, 42)));
    ASSERT_TRUE(archive.store(live, MailGenerator::smallMessages(7, 43)));
    QSqlQuery remove(archive.archive().connection());
    ASSERT_TRUE(remove.exec(QStringLiteral("UPDATE sources SET removed_at = 1 WHERE name = 'Old'")));

    const ArchiveReader reader = archive.archive().reader();
    MessageListQuery list;
    list.scope = MessageListQuery::Scope::RemovedSources;
    EXPECT_EQ(readAll(reader, list, 5).size(), 12);
    const QList<FolderEntry> folders = reader.folderEntries();
    ASSERT_EQ(folders.size(), 2);
    EXPECT_EQ(folders.at(0).sourceName, QStringLiteral("New")); // removed sources last
    EXPECT_FALSE(folders.at(0).sourceRemoved);
    EXPECT_TRUE(folders.at(1).sourceRemoved);
    EXPECT_EQ(folders.at(1).messageCount, 12);
}
