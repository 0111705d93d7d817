#include "TemporaryArchive.h"

#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "archive/ArchiveReader.h"
#include "archive/ArchiveVerifier.h"
#include "archive/EventLog.h"
#include "archive/MessageStore.h"
#include "archive/RemovedMailPurge.h"
#include "archive/SearchIndexEntry.h"
#include "archive/SourcePurge.h"
#include "mime/MimeParser.h"
#include "sources/SourceRepository.h"

#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace {

// A message with a word of its own in each indexed column: "<word>sender",
// "<word>recipient", "<word>subject", "<word>body" and "<word>file" (an
// attachment name), so that "<word>*" finds an entry left behind in any
// column. (A word in every column would hide one: FTS5 removes a word's
// whole entry for a message, all columns at once.)
GeneratedMessage tagged(const QByteArray& word)
{
    GeneratedMessage message;
    message.internalDate = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    message.raw = QByteArrayLiteral("From: Sender {w}sender <from@example.test>\r\n"
                                    "To: Reader {w}recipient <to@example.test>\r\n"
                                    "Subject: Report about {w}subject\r\n"
                                    "Date: Wed, 01 May 2024 14:00:00 +0200\r\n"
                                    "Message-ID: <{w}@example.test>\r\n"
                                    "MIME-Version: 1.0\r\n"
                                    "Content-Type: multipart/mixed; boundary=\"b\"\r\n"
                                    "\r\n"
                                    "--b\r\n"
                                    "Content-Type: text/plain; charset=utf-8\r\n"
                                    "\r\n"
                                    "The body mentions {w}body once.\r\n"
                                    "--b\r\n"
                                    "Content-Type: application/pdf\r\n"
                                    "Content-Disposition: attachment; filename=\"{w}file.pdf\"\r\n"
                                    "Content-Transfer-Encoding: base64\r\n"
                                    "\r\n"
                                    "JVBERi0xLjQK\r\n"
                                    "--b--\r\n")
                      .replace("{w}", word);
    return message;
}

class SourcePurgeTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString();
        // Every (word, message, column, position) the index holds; in temp,
        // as this connection's view, not part of the archive.
        QSqlQuery query(db());
        ASSERT_TRUE(query.exec(
            QStringLiteral("CREATE VIRTUAL TABLE temp.fts_instances USING fts5vocab(main, message_fts, instance)")))
            << query.lastError().text().toStdString();
    }

    QSqlDatabase db() { return m_archive.archive().connection(); }

    qint64 sourceId(const QString& name)
    {
        QString error;
        return m_archive.archive().store().ensureSource(name, &error);
    }

    qint64 scalar(const QString& sql)
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next()) {
            ADD_FAILURE() << sql.toStdString() << ": " << query.lastError().text().toStdString();
            return -1;
        }
        return query.value(0).toLongLong();
    }

    qint64 count(const QString& table) { return scalar(QStringLiteral("SELECT count(*) FROM ") + table); }

    // Rows of the index itself, without joining messages (which would hide
    // entries left behind for removed messages).
    qint64 indexHits(const QString& word)
    {
        QSqlQuery query(db());
        query.prepare(QStringLiteral("SELECT count(*) FROM message_fts WHERE message_fts MATCH ?"));
        query.addBindValue(word);
        return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
    }

    // Index entries (any word, any column) of messages no longer in the
    // archive: what a removal with wrong values would leave behind.
    qint64 strayIndexEntries()
    {
        return scalar(QStringLiteral("SELECT count(*) FROM temp.fts_instances i "
                                     "WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.id = i.doc)"));
    }

    bool indexIntact()
    {
        QSqlQuery query(db());
        return query.exec(QStringLiteral("INSERT INTO message_fts (message_fts) VALUES ('integrity-check')"));
    }

    void expectVerifierClean()
    {
        const VerifyReport report = ArchiveVerifier(db()).run();
        EXPECT_TRUE(report.isClean()) << report.summary().toStdString();
    }

    void store(qint64 folderId, const QList<GeneratedMessage>& messages)
    {
        for (qsizetype start = 0; start < messages.size(); start += 100) {
            ASSERT_TRUE(m_archive.store(folderId, messages.mid(start, 100))) << m_archive.error().toStdString();
        }
    }

    TemporaryArchive m_archive;
};

TEST_F(SourcePurgeTest, RemovesTheMailOnlyThatSourceHoldsAndKeepsSharedMail)
{
    const QList<GeneratedMessage> mail = MailGenerator::smallMessages(1200, 71);
    const qint64 homeInbox = m_archive.folder(QStringLiteral("Home"), QStringLiteral("INBOX"));
    const qint64 homeSent = m_archive.folder(QStringLiteral("Home"), QStringLiteral("Sent"));
    const qint64 workInbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    const qint64 workArchive = m_archive.folder(QStringLiteral("Work"), QStringLiteral("Archive"));
    // Home first, so that the dictionary is trained while Work is stored:
    // some of the mail to remove is compressed with it.
    store(homeInbox, mail.mid(600, 600)); // 200 of them shared with Work
    store(homeSent, {tagged("keptword"), tagged("sharedword")});
    store(workInbox, mail.mid(0, 800));
    store(workArchive, mail.mid(0, 50)); // in two folders of Work: still one message
    store(workArchive, {tagged("purgedword"), tagged("sharedword"), tagged("otherpurgedword")});
    const qint64 work = sourceId(QStringLiteral("Work"));
    const qint64 home = sourceId(QStringLiteral("Home"));

    const QString workOnly =
        QStringLiteral(
            "messages m WHERE EXISTS (SELECT 1 FROM locations l JOIN folders f ON f.id = l.folder_id "
            "WHERE l.message_id = m.id AND f.source_id = %1) AND NOT EXISTS (SELECT 1 FROM locations l JOIN folders f "
            "ON f.id = l.folder_id WHERE l.message_id = m.id AND f.source_id = %2)")
            .arg(work)
            .arg(home);
    ASSERT_EQ(count(workOnly), 602);
    ASSERT_GT(scalar(QStringLiteral("SELECT count(*) FROM blobs b JOIN ") + workOnly
                     + QStringLiteral(" AND m.blob_id = b.id AND b.dictionary_id IS NOT NULL")),
              100)
        << "the test should remove mail compressed with the dictionary too";
    const qint64 expectedBytes = scalar(QStringLiteral("SELECT sum(length(b.data)) FROM blobs b JOIN ") + workOnly
                                        + QStringLiteral(" AND m.blob_id = b.id"));
    const qint64 messagesBefore = count(QStringLiteral("messages"));
    const qint64 homeAttachments = scalar(
        QStringLiteral("SELECT count(*) FROM attachments a WHERE EXISTS (SELECT 1 FROM locations l JOIN folders f "
                       "ON f.id = l.folder_id WHERE l.message_id = a.message_id AND f.source_id = %1)")
            .arg(home));
    const QList<FolderSummary> homeFolders = m_archive.archive().reader().folders(home);
    ASSERT_EQ(indexHits(QStringLiteral("purgedword*")), 1);
    ASSERT_EQ(indexHits(QStringLiteral("sharedword*")), 1);
    const QList<qint64> taggedIds =
        m_archive.archive().reader().search(QStringLiteral("purgedword* OR otherpurgedword*"), 10);
    ASSERT_EQ(taggedIds.size(), 2);

    // The promise the delete dialog shows, counted by the purge's own rule.
    QString error;
    const SourcePurge::Preview preview = SourcePurge(m_archive.archive()).preview(work, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(preview.messagesOnlyHere, 602);
    EXPECT_EQ(preview.messagesShared, 201);
    ASSERT_EQ(preview.sharedWith.size(), 1);
    EXPECT_EQ(preview.sharedWith.first().sourceId, home);
    EXPECT_EQ(preview.sharedWith.first().name, QStringLiteral("Home"));
    EXPECT_FALSE(preview.sharedWith.first().removed);
    EXPECT_EQ(preview.sharedWith.first().messages, 201);
    EXPECT_EQ(preview.bytesOnlyHere, scalar(QStringLiteral("SELECT sum(m.size) FROM ") + workOnly));

    qint64 lastDone = 0;
    const SourcePurge::Result result =
        SourcePurge(m_archive.archive()).run(work, &error, [&](qint64 done, qint64 total) {
            EXPECT_GT(done, lastDone);
            EXPECT_EQ(total, 602);
            lastDone = done;
            return true;
        });
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(lastDone, 602);
    EXPECT_EQ(result.sourceName, QStringLiteral("Work"));
    EXPECT_EQ(result.messagesRemoved, 602);
    EXPECT_EQ(result.messagesKept, 201); // 200 generated, one tagged
    EXPECT_EQ(result.foldersRemoved, 2);
    EXPECT_EQ(result.bytesFreed, expectedBytes);

    // The mail only Work held is gone, with everything that hung on it.
    EXPECT_EQ(count(QStringLiteral("messages")), messagesBefore - 602);
    EXPECT_EQ(count(QStringLiteral("blobs")), messagesBefore - 602);
    EXPECT_EQ(count(QStringLiteral("messages")), 602); // what Home holds: 600 generated, 2 tagged
    EXPECT_EQ(count(QStringLiteral("attachments")), homeAttachments);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM folders WHERE source_id = %1").arg(work)), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM locations WHERE folder_id IN (%1, %2)")
                         .arg(workInbox)
                         .arg(workArchive)),
              0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM messages m WHERE NOT EXISTS "
                                    "(SELECT 1 FROM locations l WHERE l.message_id = m.id)")),
              0);

    // Home is untouched: its folders, counts and checkpoints.
    const QList<FolderSummary> homeFoldersAfter = m_archive.archive().reader().folders(home);
    ASSERT_EQ(homeFoldersAfter.size(), homeFolders.size());
    for (qsizetype i = 0; i < homeFolders.size(); ++i) {
        EXPECT_EQ(homeFoldersAfter[i].id, homeFolders[i].id);
        EXPECT_EQ(homeFoldersAfter[i].messageCount, homeFolders[i].messageCount);
        EXPECT_EQ(homeFoldersAfter[i].lastUid, homeFolders[i].lastUid);
    }

    // Search: nothing of the removed mail, in any column; all of the kept.
    const ArchiveReader reader = m_archive.archive().reader();
    EXPECT_TRUE(reader.search(QStringLiteral("purgedwordbody"), 10).isEmpty());
    EXPECT_EQ(indexHits(QStringLiteral("purgedword*")), 0);
    EXPECT_EQ(indexHits(QStringLiteral("otherpurgedword*")), 0);
    EXPECT_EQ(reader.search(QStringLiteral("keptwordbody"), 10).size(), 1);
    EXPECT_EQ(reader.search(QStringLiteral("to:keptwordrecipient"), 10).size(), 1);
    EXPECT_EQ(reader.search(QStringLiteral("subject:sharedwordsubject"), 10).size(), 1);
    EXPECT_EQ(reader.search(QStringLiteral("from:sharedwordsender"), 10).size(), 1);
    EXPECT_EQ(reader.search(QStringLiteral("filename:sharedwordfile"), 10).size(), 1);
    EXPECT_EQ(strayIndexEntries(), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM message_fts_docsize")), count(QStringLiteral("messages")));
    EXPECT_TRUE(indexIntact());
    expectVerifierClean();

    // The source row is the caller's (SourceService): untouched here.
    EXPECT_TRUE(SourceRepository(db()).find(work).has_value());

    // New mail takes the freed ids (SQLite hands out max(id) + 1): no word of
    // the removed mail may come back with it.
    store(homeInbox, MailGenerator::smallMessages(610, 72));
    for (const qint64 id : taggedIds) {
        ASSERT_TRUE(reader.message(id).has_value()) << "id " << id << " was not reused";
    }
    EXPECT_TRUE(reader.search(QStringLiteral("purgedword* OR otherpurgedword*"), 10).isEmpty());

    EXPECT_EQ(strayIndexEntries(), 0);
    expectVerifierClean();
}

TEST_F(SourcePurgeTest, PurgesASourceWithoutMail)
{
    const qint64 homeInbox = m_archive.folder(QStringLiteral("Home"), QStringLiteral("INBOX"));
    store(homeInbox, MailGenerator::smallMessages(20, 73));
    m_archive.folder(QStringLiteral("Empty"), QStringLiteral("INBOX"));
    const qint64 empty = sourceId(QStringLiteral("Empty"));
    const qint64 noFolders = sourceId(QStringLiteral("Never synced"));

    QString error;
    const SourcePurge::Result emptied = SourcePurge(m_archive.archive()).run(empty, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(emptied.foldersRemoved, 1);
    EXPECT_EQ(emptied.messagesRemoved, 0);
    EXPECT_EQ(emptied.messagesKept, 0);
    EXPECT_EQ(emptied.bytesFreed, 0);

    const SourcePurge::Result never = SourcePurge(m_archive.archive()).run(noFolders, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(never.foldersRemoved, 0);
    EXPECT_EQ(never.messagesRemoved, 0);

    EXPECT_EQ(count(QStringLiteral("messages")), 20);
    EXPECT_EQ(count(QStringLiteral("locations")), 20);
    EXPECT_EQ(m_archive.archive().reader().folders().size(), 1);
    expectVerifierClean();
}

TEST_F(SourcePurgeTest, PurgesASourceRemovedEarlierWithItsMailKept)
{
    const qint64 inbox = m_archive.folder(QStringLiteral("Old"), QStringLiteral("INBOX"));
    store(inbox, {tagged("oldword")});
    store(inbox, MailGenerator::smallMessages(30, 74));
    const qint64 old = sourceId(QStringLiteral("Old"));
    QString error;
    ASSERT_TRUE(SourceRepository(db()).removeKeepingMail(old, &error)) << error.toStdString();
    const qint64 renamed = scalar(QStringLiteral("SELECT count(*) FROM sources WHERE name LIKE 'Old (removed %'"));
    ASSERT_EQ(renamed, 1);

    const SourcePurge::Result result = SourcePurge(m_archive.archive()).run(old, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(result.messagesRemoved, 31);
    EXPECT_EQ(count(QStringLiteral("messages")), 0);
    EXPECT_EQ(count(QStringLiteral("blobs")), 0);
    EXPECT_EQ(count(QStringLiteral("attachments")), 0);
    EXPECT_EQ(count(QStringLiteral("temp.fts_instances")), 0);
    EXPECT_EQ(indexHits(QStringLiteral("oldword*")), 0);
    // Renamed once, not twice.
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sources WHERE name LIKE 'Old (removed %' "
                                    "AND name NOT LIKE '%(removed%(removed%'")),
              1);
    EXPECT_TRUE(indexIntact());
    expectVerifierClean();
}

// The caller's last step fails (marking the source removed, logging it):
// nothing of the purge stays.
TEST_F(SourcePurgeTest, AFailingLastStepRollsTheWholePurgeBack)
{
    const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    store(inbox, MailGenerator::smallMessages(40, 76));
    const qint64 work = sourceId(QStringLiteral("Work"));
    const qint64 before = count(QStringLiteral("messages"));
    QString error;
    bool called = false;
    const SourcePurge::Result result =
        SourcePurge(m_archive.archive()).run(work, &error, {}, [&](const SourcePurge::Result& purged, QString* why) {
            called = true;
            EXPECT_EQ(purged.messagesRemoved, 40);
            *why = QStringLiteral("the disk is full");
            return false;
        });
    EXPECT_TRUE(called);
    EXPECT_EQ(error, QStringLiteral("the disk is full"));
    EXPECT_EQ(result.messagesRemoved, 0);
    EXPECT_EQ(count(QStringLiteral("messages")), before);
    EXPECT_EQ(count(QStringLiteral("locations")), 40);
    EXPECT_TRUE(indexIntact());
}

// Cancelled half way (as a failure or a crash would stop it): the transaction
// rolls back and the archive is exactly as before.
TEST_F(SourcePurgeTest, ACancelledPurgeChangesNothing)
{
    const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    store(inbox, MailGenerator::smallMessages(120, 75));
    store(inbox, {tagged("stillhere")});
    const qint64 work = sourceId(QStringLiteral("Work"));
    const QStringList tables {QStringLiteral("messages"),
                              QStringLiteral("blobs"),
                              QStringLiteral("attachments"),
                              QStringLiteral("locations"),
                              QStringLiteral("folders"),
                              QStringLiteral("events"),
                              QStringLiteral("temp.fts_instances")};
    QList<qint64> before;
    for (const QString& table : tables) {
        before << count(table);
    }

    QString error;
    const SourcePurge::Result result =
        SourcePurge(m_archive.archive()).run(work, &error, [](qint64 done, qint64) { return done < 60; });
    EXPECT_FALSE(error.isEmpty());
    EXPECT_EQ(result.messagesRemoved, 0);
    for (qsizetype i = 0; i < tables.size(); ++i) {
        EXPECT_EQ(count(tables[i]), before[i]) << tables[i].toStdString();
    }
    EXPECT_TRUE(SourceRepository(db()).find(work).has_value());
    EXPECT_EQ(m_archive.archive().reader().search(QStringLiteral("stillherebody"), 10).size(), 1);
    expectVerifierClean();

    SourcePurge(m_archive.archive()).run(424242, &error);
    EXPECT_TRUE(error.contains(QStringLiteral("424242"))) << error.toStdString();
}

// Removal needs the values the index was given; both sides derive them in
// SearchIndexEntry, and deriving them again from the stored bytes alone (no
// INTERNALDATE) gives what the store indexed, even without a Date header.
TEST(SearchIndexEntry, TheStoredBytesAloneGiveTheValuesTheStoreIndexed)
{
    QList<GeneratedMessage> messages = MailGenerator::smallMessages(200, 76);
    GeneratedMessage undated = tagged("undated");
    ASSERT_TRUE(undated.raw.contains("Date: "));
    undated.raw.replace("Date: Wed, 01 May 2024 14:00:00 +0200\r\n", "");
    messages << undated;
    for (const GeneratedMessage& message : messages) {
        FetchedMessage fetched;
        fetched.raw = message.raw;
        fetched.internalDate = message.internalDate;
        const SearchIndexEntry stored = SearchIndexEntry::fromParsed(MessageStore::prepare(fetched).parsed);
        const SearchIndexEntry again = SearchIndexEntry::fromRaw(message.raw);
        ASSERT_EQ(again.subject, stored.subject);
        ASSERT_EQ(again.sender, stored.sender);
        ASSERT_EQ(again.recipients, stored.recipients);
        ASSERT_EQ(again.body, stored.body);
        ASSERT_EQ(again.attachmentNames, stored.attachmentNames);
    }
    const SearchIndexEntry entry = SearchIndexEntry::fromRaw(undated.raw);
    EXPECT_FALSE(undated.raw.contains("Date: "));
    EXPECT_EQ(entry.subject, QStringLiteral("Report about undatedsubject"));
    EXPECT_EQ(entry.sender, QStringLiteral("Sender undatedsender <from@example.test>"));
    EXPECT_EQ(entry.recipients, QStringLiteral("Reader undatedrecipient <to@example.test>"));
    EXPECT_EQ(entry.body.trimmed(), QStringLiteral("The body mentions undatedbody once."));
    EXPECT_EQ(entry.attachmentNames, QStringLiteral("undatedfile.pdf"));
}

} // namespace

// Chosen mail of removed sources (a search there, or ids): what no current
// source holds goes with its index entry; what one holds stays; a current
// source's mail is never touched.
TEST_F(SourcePurgeTest, ChosenMailOfRemovedSourcesGoesAndWhatACurrentSourceHoldsStays)
{
    const qint64 oldInbox = m_archive.folder(QStringLiteral("Old"), QStringLiteral("INBOX"));
    const qint64 nowInbox = m_archive.folder(QStringLiteral("Now"), QStringLiteral("INBOX"));
    store(oldInbox, {tagged("keepme"), tagged("dropme"), tagged("shared")});
    store(oldInbox, MailGenerator::smallMessages(10, 75));
    store(nowInbox, {tagged("shared"), tagged("current")});
    QString error;
    ASSERT_TRUE(SourceRepository(db()).removeKeepingMail(sourceId(QStringLiteral("Old")), &error))
        << error.toStdString();
    const qint64 before = count(QStringLiteral("messages"));

    RemovedMailPurge::Selection selection;
    selection.list.scope = MessageListQuery::Scope::RemovedSources;
    selection.list.search =
        SearchQuery::parse(QStringLiteral("subject:dropmesubject OR subject:sharedsubject OR subject:currentsubject"));
    const RemovedMailPurge::Preview preview = RemovedMailPurge(db()).preview(selection, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(preview.messages, 2); // "current" is no removed source's mail
    EXPECT_EQ(preview.deleted, 1);
    EXPECT_EQ(preview.kept, 1);
    EXPECT_GT(preview.bytes, 0);

    const RemovedMailPurge::Result result = RemovedMailPurge(m_archive.archive()).run(selection, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(result.deleted, 1);
    EXPECT_EQ(result.kept, 1);
    EXPECT_EQ(result.locationsRemoved, 2);
    EXPECT_EQ(count(QStringLiteral("messages")), before - 1);
    EXPECT_EQ(indexHits(QStringLiteral("dropme*")), 0);
    EXPECT_GT(indexHits(QStringLiteral("keepme*")), 0);
    EXPECT_GT(indexHits(QStringLiteral("shared*")), 0);
    EXPECT_GT(indexHits(QStringLiteral("current*")), 0);
    // The shared message is now the current source's alone.
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM locations l JOIN messages m ON m.id = l.message_id "
                                    "WHERE m.subject = 'Report about sharedsubject'")),
              1);

    // Chosen by id: a current source's message is not removed mail.
    RemovedMailPurge::Selection byId;
    byId.ids = {scalar(QStringLiteral("SELECT id FROM messages WHERE subject = 'Report about currentsubject'"))};
    EXPECT_EQ(RemovedMailPurge(db()).preview(byId, &error).messages, 0);
    EXPECT_EQ(RemovedMailPurge(m_archive.archive()).run(byId, &error).deleted, 0);
    EXPECT_EQ(count(QStringLiteral("messages")), before - 1);

    // A cancel changes nothing.
    RemovedMailPurge::Selection everything;
    everything.list.scope = MessageListQuery::Scope::RemovedSources;
    RemovedMailPurge(m_archive.archive()).run(everything, &error, [](qint64, qint64) { return false; });
    EXPECT_FALSE(error.isEmpty());
    EXPECT_EQ(count(QStringLiteral("messages")), before - 1);
    error.clear();
    const RemovedMailPurge::Result all = RemovedMailPurge(m_archive.archive()).run(everything, &error);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(all.deleted, 11); // keepme and the 10
    EXPECT_EQ(count(QStringLiteral("messages")), 2); // shared and current, in Now
    expectVerifierClean();
}
