// Mail kept in files comes into the archive as a local source: exactly,
// once (what is archived already only gains a location), resumable after a
// stop, and with every file or message it could not take named.
#include "import/MailFileImport.h"
#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "MaildirWriter.h"
#include "TemporaryArchive.h"
#include "archive/ArchiveReader.h"
#include "credentials/SessionCredentialStore.h"
#include "export/MboxFormat.h"
#include "sources/SourceRepository.h"
#include "sync/SyncManager.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace {

QList<GeneratedMessage> generate(int count, quint64 seed)
{
    MailGeneratorOptions options;
    options.seed = seed;
    options.attachmentScale = 0.02;
    return MailGenerator(options).next(count, QStringLiteral("INBOX"));
}

QByteArray mboxOf(const QList<QByteArray>& messages)
{
    QByteArray mbox;
    int second = 0;
    for (const QByteArray& message : messages) {
        mbox += MboxFormat::separatorLine(QStringLiteral("anna@example.org"),
                                          QDateTime(QDate(2020, 5, 1), QTime(9, 0, second++ % 60), Qt::UTC));
        MboxFormat::appendMessage(message, &mbox);
    }
    return mbox;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

class MailFileImportTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString(); }

    qint64 scalar(const QString& sql)
    {
        QSqlQuery query(m_archive.archive().connection());
        return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
    }
    // Locations of the local source, in its current (not retired) folders.
    qint64 localLocations()
    {
        return scalar(QStringLiteral("SELECT count(*) FROM locations l JOIN folders f ON f.id = l.folder_id "
                                     "JOIN sources s ON s.id = f.source_id WHERE s.provider = 'local' "
                                     "AND f.retired_at IS NULL"));
    }

    TemporaryArchive m_archive;
    QTemporaryDir m_files;
};

} // namespace

// Takeout of an account that is also synced: the mbox adds no bytes, only
// locations; a message without a line break at its end comes back exact.
TEST_F(MailFileImportTest, AnExportedMboxImportsBackAsTheSameMessages)
{
    QList<GeneratedMessage> messages = generate(30, 71);
    messages.last().raw.chop(2); // no CRLF at its end
    const qint64 synced = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    ASSERT_TRUE(m_archive.store(synced, messages)) << m_archive.error().toStdString();
    const qint64 blobs = scalar(QStringLiteral("SELECT count(*) FROM blobs"));

    QList<QByteArray> raws;
    for (const GeneratedMessage& message : messages) {
        raws << message.raw;
    }
    const QString mbox = m_files.filePath(QStringLiteral("All mail Including Spam and Trash.mbox"));
    ASSERT_TRUE(writeFile(mbox, mboxOf(raws)));

    MailFileImport import(m_archive.archive());
    const MailFileImport::Summary summary = import.run({mbox});
    EXPECT_TRUE(summary.error.isEmpty()) << summary.error.toStdString();
    EXPECT_TRUE(summary.problems.isEmpty());
    EXPECT_EQ(summary.added, 0);
    EXPECT_EQ(summary.alreadyArchived, 30);
    EXPECT_EQ(summary.folders, 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM blobs")), blobs) << "nothing is stored twice";
    EXPECT_EQ(localLocations(), 30);
    const auto local = SourceRepository(m_archive.archive().connection()).findByName(QStringLiteral("Local files"));
    ASSERT_TRUE(local.has_value());
    EXPECT_TRUE(local->isLocal());
    EXPECT_EQ(local->status, IngestionSource::Status::Active);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM folders WHERE path = 'All mail Including Spam and Trash'")),
              1);
    // The delivery time of the "From " line is the message's INTERNALDATE.
    EXPECT_EQ(scalar(QStringLiteral("SELECT min(l.internal_date) FROM locations l JOIN folders f ON f.id = "
                                    "l.folder_id WHERE f.path = 'All mail Including Spam and Trash'")),
              QDateTime(QDate(2020, 5, 1), QTime(9, 0, 0), Qt::UTC).toSecsSinceEpoch());
}

// A Maildir's flags come from its file names.
TEST_F(MailFileImportTest, AMaildirBringsItsFlags)
{
    const QString root = m_files.filePath(QStringLiteral("Maildir"));
    MaildirWriter writer(root);
    QList<GeneratedMessage> messages = generate(4, 72);
    for (GeneratedMessage& message : messages) {
        message.seen = message.flagged = message.answered = false;
    }
    messages[0].seen = true;
    messages[1].flagged = true;
    messages[2].answered = true;
    messages[2].seen = true;
    for (const GeneratedMessage& message : messages) {
        QString error;
        ASSERT_TRUE(writer.write(message, &error)) << error.toStdString();
    }
    const MailFileImport::Summary summary =
        MailFileImport(m_archive.archive(), QStringLiteral("Old laptop")).run({root});
    EXPECT_TRUE(summary.problems.isEmpty());
    EXPECT_EQ(summary.added, 4);
    QSqlQuery query(m_archive.archive().connection());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT l.flags FROM locations l JOIN messages m ON m.id = l.message_id "
                                          "JOIN blobs b ON b.id = m.blob_id ORDER BY l.uid")));
    QStringList flags;
    while (query.next()) {
        flags << query.value(0).toString();
    }
    ASSERT_EQ(flags.size(), 4);
    // In file-name order, which is the order of delivery here.
    EXPECT_TRUE(flags.at(0).contains(QStringLiteral("\\Seen")));
    EXPECT_TRUE(flags.at(1).contains(QStringLiteral("\\Flagged")));
    EXPECT_TRUE(flags.at(2).contains(QStringLiteral("\\Answered")) && flags.at(2).contains(QStringLiteral("\\Seen")));
    EXPECT_TRUE(flags.at(3).isEmpty()) << flags.at(3).toStdString();
}

// A Maildir with its folders, as Dovecot and Courier keep them (Maildir++:
// ".Sent", ".Archive.2019", modified UTF-7 names) and as LAYOUT=fs does
// (plain directories): every folder comes in, none is missed in silence.
TEST_F(MailFileImportTest, AMaildirsFoldersComeInWithIt)
{
    const QString root = m_files.filePath(QStringLiteral("Maildir"));
    const QList<GeneratedMessage> messages = generate(10, 76);
    const struct
    {
        QString directory;
        int first;
        int count;
    } folders[] = {{root, 0, 3},
                   {root + QStringLiteral("/.Sent"), 3, 2},
                   {root + QStringLiteral("/.Archive.2019"), 5, 2},
                   {root + QStringLiteral("/.Entw&APw-rfe"), 7, 1},
                   {root + QStringLiteral("/Projects"), 8, 2}};
    for (const auto& folder : folders) {
        MaildirWriter writer(folder.directory);
        for (int i = folder.first; i < folder.first + folder.count; ++i) {
            QString error;
            ASSERT_TRUE(writer.write(messages.at(i), &error)) << error.toStdString();
        }
    }
    ASSERT_TRUE(QDir(root).mkpath(QStringLiteral(".Trash/cur"))) << "not a Maildir (no new/): left alone";

    const MailFileImport::Summary summary = MailFileImport(m_archive.archive()).run({root});
    EXPECT_TRUE(summary.problems.isEmpty());
    EXPECT_EQ(summary.added, 10);
    EXPECT_EQ(summary.folders, 5);
    QSqlQuery query(m_archive.archive().connection());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT f.path, count(l.message_id) FROM folders f LEFT JOIN locations l "
                                          "ON l.folder_id = f.id GROUP BY f.id ORDER BY f.path")));
    QStringList found;
    while (query.next()) {
        found << query.value(0).toString() + QLatin1Char('=') + query.value(1).toString();
    }
    EXPECT_EQ(found,
              (QStringList {QStringLiteral("Maildir=3"),
                            QStringLiteral("Maildir/Archive/2019=2"),
                            QStringLiteral("Maildir/Entwürfe=1"),
                            QStringLiteral("Maildir/Projects=2"),
                            QStringLiteral("Maildir/Sent=2")}));
}

// Stopped after its first batch, the import goes on from its checkpoint:
// every message once, none twice.
TEST_F(MailFileImportTest, AStoppedImportGoesOnWhereItStopped)
{
    QList<QByteArray> raws;
    for (const GeneratedMessage& message : generate(250, 73)) {
        raws << message.raw;
    }
    const QString mbox = m_files.filePath(QStringLiteral("big.mbox"));
    ASSERT_TRUE(writeFile(mbox, mboxOf(raws)));
    const MailFileImport::Summary stopped =
        MailFileImport(m_archive.archive()).run({mbox}, [](const MailFileImport::Step&) { return false; });
    EXPECT_TRUE(stopped.cancelled);
    EXPECT_EQ(stopped.added, MailFileImport::BatchSize);
    EXPECT_EQ(localLocations(), MailFileImport::BatchSize) << "the batch read before the stop is stored";

    const MailFileImport::Summary resumed = MailFileImport(m_archive.archive()).run({mbox});
    EXPECT_FALSE(resumed.cancelled);
    EXPECT_EQ(resumed.resumed, MailFileImport::BatchSize);
    EXPECT_EQ(resumed.added, 250 - MailFileImport::BatchSize);
    EXPECT_EQ(resumed.alreadyArchived, 0);
    EXPECT_EQ(localLocations(), 250);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(DISTINCT message_id) FROM locations")), 250);
}

// The same file named twice, or named and also inside a folder named: one
// folder, read once, and the step reports count what was read.
TEST_F(MailFileImportTest, AFileNamedTwiceIsImportedOnce)
{
    QList<QByteArray> raws;
    for (const GeneratedMessage& message : generate(120, 75)) {
        raws << message.raw;
    }
    ASSERT_TRUE(QDir(m_files.path()).mkpath(QStringLiteral("Takeout")));
    const QString mbox = m_files.filePath(QStringLiteral("Takeout/Inbox.mbox"));
    ASSERT_TRUE(writeFile(mbox, mboxOf(raws)));
    QList<MailFileImport::Step> steps;
    const MailFileImport::Summary summary =
        MailFileImport(m_archive.archive())
            .run({mbox,
                  m_files.filePath(QStringLiteral("Takeout")),
                  m_files.filePath(QStringLiteral("Takeout/../Takeout/Inbox.mbox"))},
                 [&](const MailFileImport::Step& step) {
                     steps << step;
                     return true;
                 });
    EXPECT_EQ(summary.folders, 1);
    EXPECT_EQ(summary.added, 120);
    EXPECT_EQ(summary.resumed, 0);
    EXPECT_EQ(localLocations(), 120);
    ASSERT_FALSE(steps.isEmpty());
    EXPECT_EQ(steps.first().messages, 100) << "after the first batch";
    EXPECT_EQ(steps.last().messages, 120);
    EXPECT_EQ(steps.last().bytesDone, steps.last().bytesTotal);
    EXPECT_EQ(steps.last().bytesTotal, QFileInfo(mbox).size()) << "its bytes counted once";
}

// A file that changed since its import is imported afresh; the folder of
// the old one stays, retired, and nothing is lost or counted twice.
TEST_F(MailFileImportTest, AChangedFileIsImportedAfreshAndTheOldFolderKept)
{
    const QList<GeneratedMessage> first = generate(5, 74);
    const QList<GeneratedMessage> second = generate(3, 75);
    const QString mbox = m_files.filePath(QStringLiteral("Inbox"));
    ASSERT_TRUE(
        writeFile(mbox, mboxOf({first.at(0).raw, first.at(1).raw, first.at(2).raw, first.at(3).raw, first.at(4).raw})));
    ASSERT_EQ(MailFileImport(m_archive.archive()).run({mbox}).added, 5);
    // The user deleted three messages and got three new ones.
    ASSERT_TRUE(writeFile(
        mbox, mboxOf({first.at(3).raw, second.at(0).raw, first.at(4).raw, second.at(1).raw, second.at(2).raw})));
    const MailFileImport::Summary again = MailFileImport(m_archive.archive()).run({mbox});
    EXPECT_EQ(again.resumed, 0) << "numbers of a changed file mean other messages";
    EXPECT_EQ(again.added, 3);
    EXPECT_EQ(again.alreadyArchived, 2);
    EXPECT_EQ(localLocations(), 5);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM folders WHERE retired_at IS NOT NULL")), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM messages")), 8) << "every message stays archived";
}

// What is not mail, empty or missing is named; the rest is imported.
TEST_F(MailFileImportTest, WhatCannotBeImportedIsNamedAndTheRestComesIn)
{
    const QDir dir(m_files.path());
    ASSERT_TRUE(dir.mkdir(QStringLiteral("Saved")));
    ASSERT_TRUE(writeFile(dir.filePath(QStringLiteral("Saved/invoice.eml")), generate(1, 76).first().raw));
    ASSERT_TRUE(writeFile(dir.filePath(QStringLiteral("Saved/empty.eml")), QByteArray()));
    ASSERT_TRUE(writeFile(dir.filePath(QStringLiteral("Saved/Inbox.msf")), "// Thunderbird's index"));
    ASSERT_TRUE(writeFile(dir.filePath(QStringLiteral("notes.txt")), "just some text\n"));
    const MailFileImport::Summary summary = MailFileImport(m_archive.archive())
                                                .run({dir.filePath(QStringLiteral("Saved")),
                                                      dir.filePath(QStringLiteral("notes.txt")),
                                                      dir.filePath(QStringLiteral("missing.mbox"))});
    EXPECT_EQ(summary.added, 1);
    EXPECT_EQ(summary.unreadable, 1);
    ASSERT_EQ(summary.problems.size(), 3);
    QStringList said;
    for (const MailFileImport::Problem& problem : summary.problems) {
        said << QFileInfo(problem.file).fileName() + QStringLiteral(": ") + problem.reason;
    }
    said.sort();
    EXPECT_TRUE(said.at(0).startsWith(QStringLiteral("empty.eml: The file is empty"))) << said.at(0).toStdString();
    EXPECT_TRUE(said.at(1).startsWith(QStringLiteral("missing.mbox: There is no such file")))
        << said.at(1).toStdString();
    EXPECT_TRUE(said.at(2).startsWith(QStringLiteral("notes.txt: This is neither an mbox file nor a message")))
        << said.at(2).toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM folders WHERE path = 'Saved'")), 1);

    // Nothing that looks like mail: nothing is created for it.
    const MailFileImport::Summary none =
        MailFileImport(m_archive.archive(), QStringLiteral("Nothing")).run({dir.filePath(QStringLiteral("notes.txt"))});
    EXPECT_EQ(none.folders, 0);
    EXPECT_FALSE(SourceRepository(m_archive.archive().connection()).findByName(QStringLiteral("Nothing")));
}

TEST_F(MailFileImportTest, AnAccountsNameIsNotImportedInto)
{
    m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    QSqlQuery query(m_archive.archive().connection());
    ASSERT_TRUE(query.exec(QStringLiteral("UPDATE sources SET provider = 'generic', host = 'imap.example.org' "
                                          "WHERE name = 'Work'")));
    const QString eml = m_files.filePath(QStringLiteral("one.eml"));
    ASSERT_TRUE(writeFile(eml, generate(1, 77).first().raw));
    const MailFileImport::Summary summary = MailFileImport(m_archive.archive(), QStringLiteral("Work")).run({eml});
    EXPECT_TRUE(summary.error.contains(QStringLiteral("is the name of a mail account"))) << summary.error.toStdString();
    EXPECT_EQ(summary.added, 0);
}

// A local source has no server: the sync manager never starts a pass for it.
TEST_F(MailFileImportTest, TheSyncManagerLeavesALocalSourceAlone)
{
    const QString eml = m_files.filePath(QStringLiteral("one.eml"));
    ASSERT_TRUE(writeFile(eml, generate(1, 78).first().raw));
    ASSERT_EQ(MailFileImport(m_archive.archive()).run({eml}).added, 1);
    const auto local = SourceRepository(m_archive.archive().connection()).findByName(QStringLiteral("Local files"));
    ASSERT_TRUE(local.has_value());
    SessionCredentialStore credentials;
    SyncManager manager(m_archive.archive(), &credentials);
    manager.start();
    manager.syncNow(local->id);
    QTest::qWait(300);
    EXPECT_EQ(manager.activity(local->id).state, SyncManager::Activity::State::Idle);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM events WHERE kind LIKE 'sync.%'")), 0);
    EXPECT_EQ(SourceRepository(m_archive.archive().connection()).find(local->id)->status,
              IngestionSource::Status::Active);
}
