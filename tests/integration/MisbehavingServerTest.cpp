// The sync engine against a server that misbehaves on purpose, one way per
// test: mail withheld, odd folder names, a renumbered folder, unreadable
// answers, UIDs at the 32-bit edge, answers bigger than announced, server
// text that would drive a terminal or repeat the password. Each test names
// the point of the "never lose or hide mail" issue it covers.
#include "HugeMessage.h"
#include "ScriptedSyncTest.h"
#include "archive/ArchiveReader.h"
#include "archive/ArchiveVerifier.h"
#include "archive/BlobCodec.h"
#include "sync/InboxWatcher.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <sys/resource.h>

#include <iostream>

namespace {

long peakResidentKilobytes()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

class MisbehavingServerTest : public ScriptedSyncTest
{
protected:
    // One folder `name` with `count` messages, UIDs from `firstUid` on.
    static ScriptedFolder numbered(const QByteArray& name, quint32 count, quint32 firstUid = 1, char delimiter = '/')
    {
        ScriptedFolder result = folder(name, 0, "\\HasNoChildren");
        result.delimiter = delimiter;
        for (quint32 i = 0; i < count; ++i) {
            // Distinct bytes per folder and UID, so nothing is deduplicated.
            result.messages << ScriptedMessage {firstUid + i, message(name.toHex(), firstUid + i)};
        }
        return result;
    }

    QVariant scalar(const QString& sql)
    {
        QSqlQuery query(m_archive.connection());
        EXPECT_TRUE(query.exec(sql) && query.next()) << sql.toStdString();
        return query.value(0);
    }

    std::string problems(const SourceSync::Result& result) const
    {
        return result.failure.message.toStdString() + " | "
            + result.counts.problems.join(QStringLiteral(" | ")).toStdString();
    }

    // Archives `messages` as the messages of INBOX (UIDs 1, 2, …) and checks
    // each: stored byte for byte, found by a word from the start of its
    // body, and the archive verifies. Returns by how much the process's peak
    // memory grew during the pass, in bytes.
    qint64 archiveHugeMessages(const QList<HugeMessage>& messages)
    {
        if (!startServer(ScriptedImapServer::Security::Plain,
                         {numbered("INBOX", static_cast<quint32>(messages.size()))})) {
            return -1;
        }
        m_server->setHandler("UID FETCH", HugeMessage::answer(messages));
        const IngestionSource source = addSource(ConnectionSecurity::None);
        const long peakBefore = peakResidentKilobytes();
        const SourceSync::Result result = sync(source);
        const qint64 grown = (peakResidentKilobytes() - peakBefore) * qint64(1024);
        std::cout << "the peak grew by " << grown / (1024 * 1024) << " MB for " << messages.size() << " message(s) of "
                  << messages.first().size() / (1024 * 1024) << " MB\n";
        EXPECT_TRUE(result.ok) << problems(result);
        EXPECT_TRUE(result.counts.isComplete()) << problems(result);

        // Byte for byte: the stored bytes read back hash as the bytes sent.
        const QList<qint64> found = m_archive.reader().search(QString::fromLatin1(HugeMessage::openingWord()), 10);
        EXPECT_EQ(found.size(), messages.size()) << "each found by a word from the start of its body";
        QSet<QByteArray> stored;
        for (const qint64 id : found) {
            QByteArray raw;
            QString error;
            EXPECT_TRUE(m_archive.reader().rawMessage(id, &raw, &error)) << error.toStdString();
            stored.insert(BlobCodec::sha256(raw));
        }
        for (const HugeMessage& huge : messages) {
            EXPECT_TRUE(stored.contains(huge.sha256())) << "the archive holds other bytes than were sent";
        }
        EXPECT_TRUE(ArchiveVerifier(m_archive.connection()).run().isClean());
        return grown;
    }

    qint64 archiveHugeMessage(const HugeMessage& huge) { return archiveHugeMessages({huge}); }
};

// Point 6: a huge honest message costs the bytes received plus what its
// stored form needs, and no copy more. Release builds only take 150 MB
// (about 2 s each); under ASan, whose quarantine keeps freed memory and so
// makes the peak meaningless, a smaller one still checks the bytes.
#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 HugeMegabytes = 24;
#else
constexpr qint64 HugeMegabytes = 150;
#endif
// Room for what does not grow with the message: the search index's
// entry for the body's first IndexedBodyChars characters, zstd's and
// SQLite's buffers, the thread arenas of the pipeline.
constexpr qint64 FixedBytes = 64 * 1024 * 1024;

// The attachment: the bytes received, then their packed form (the
// attachment decoded, three quarters of its base64) once the received bytes
// are let go, then the packed form and its zstd frame (random bytes do not
// compress), then that frame and SQLite's record of it. The peak is one of
// those pairs; before, the received bytes, the packed form and the frame
// were all held at once: 2.5 times the message.
TEST_F(MisbehavingServerTest, AHugeAttachmentCostsTheMessageAndItsPackedFormNoMore)
{
    const HugeMessage huge(HugeMessage::Kind::Attachment, HugeMegabytes);
    const qint64 grown = archiveHugeMessage(huge);
#if !defined(__SANITIZE_ADDRESS__)
    EXPECT_LT(grown, huge.size() + huge.size() * 3 / 4 + FixedBytes)
        << "the peak grew by " << grown / (1024 * 1024) << " MB for a " << huge.size() / (1024 * 1024) << " MB message";
#else
    (void)grown;
#endif
}

// The text body: the bytes received and their zstd frame (text compresses
// to well under half); only the start of the body is decoded and indexed.
// Before, the body was also held as UTF-16 (twice its size) and the search
// index took all of it: 5 times the message.
TEST_F(MisbehavingServerTest, AHugeTextBodyCostsLittleMoreThanTheMessage)
{
    const HugeMessage huge(HugeMessage::Kind::PlainText, HugeMegabytes);
    const qint64 grown = archiveHugeMessage(huge);
#if !defined(__SANITIZE_ADDRESS__)
    EXPECT_LT(grown, huge.size() + huge.size() / 2 + FixedBytes)
        << "the peak grew by " << grown / (1024 * 1024) << " MB for a " << huge.size() / (1024 * 1024) << " MB message";
#else
    (void)grown;
#endif
}

// Two huge messages in a row: the second is not read while the first is
// still being prepared and stored (the import's pipeline holds batches by
// their bytes, not only by their number). Measured with 150 MB each: the
// peak grew by 494 MB before, 383 MB after, 270 MB for one alone; with
// openarchiver-cli against Dovecot, two of 300 MB peaked at 892 MB before,
// three now at 716 MB, one alone at 590 MB. What the second still adds
// (about 110 MB, whatever the size) is not explained yet, hence a bound of
// one message and a half rather than one.
TEST_F(MisbehavingServerTest, TwoHugeMessagesInARowAreNotHeldWholeTogether)
{
    const QList<HugeMessage> messages {HugeMessage(HugeMessage::Kind::Attachment, HugeMegabytes, 1),
                                       HugeMessage(HugeMessage::Kind::Attachment, HugeMegabytes, 2)};
    const qint64 grown = archiveHugeMessages(messages);
    const qint64 one = messages.first().size();
#if !defined(__SANITIZE_ADDRESS__)
    EXPECT_LT(grown, one + one * 3 / 4 + one / 2 + FixedBytes)
        << "the peak grew by " << grown / (1024 * 1024) << " MB for two messages of " << one / (1024 * 1024) << " MB";
#else
    (void)grown;
    (void)one;
#endif
}

// Point 1: a UID the server leaves out of its FETCH answer (Gmail's "Some
// messages could not be FETCHed") is never "complete", is named, and is
// fetched on the next pass. Before, that pass recorded the folder's
// UIDNEXT and count, the next one skipped it as unchanged and said
// "complete" for ever; UID 3 was never archived.
TEST_F(MisbehavingServerTest, AWithheldMessageIsNamedAndFetchedOnTheNextPass)
{
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, {numbered("INBOX", 5)}));
    m_server->setFetchFilter([](quint32 uid) { return uid != 3; });
    const IngestionSource source = addSource(ConnectionSecurity::None);

    const SourceSync::Result first = sync(source);
    ASSERT_TRUE(first.ok) << problems(first);
    EXPECT_FALSE(first.counts.isComplete());
    EXPECT_EQ(first.counts.failedMessages, 1);
    EXPECT_EQ(first.counts.archivedMessages, 4);
    ASSERT_EQ(first.counts.problems.size(), 1);
    EXPECT_EQ(first.counts.problems.first(),
              QStringLiteral("INBOX: 1 message not archived (UID 3: the server did not send it when asked)"));
    EXPECT_EQ(storedUids().value(QStringLiteral("INBOX")), QList<quint32>({1, 2, 4, 5}));
    EXPECT_EQ(scalar(QStringLiteral("SELECT uid FROM message_failures")).toUInt(), 3U);
    const FolderSummary withheld = m_archive.reader().folders(source.id).first();
    EXPECT_EQ(withheld.completenessText(),
              QStringLiteral("complete except 1 message (UID 3: the server did not send it when asked)"));

    // Withheld again: still not complete, still named, nothing skipped.
    const SourceSync::Result again = sync(source);
    EXPECT_EQ(again.counts.foldersSkipped, 0);
    EXPECT_FALSE(again.counts.isComplete());
    EXPECT_EQ(scalar(QStringLiteral("SELECT attempts FROM message_failures WHERE uid = 3")).toInt(), 2);

    // The server behaves: UID 3 arrives, the failure ends, the folder is
    // complete, and only then is it skipped as unchanged.
    m_server->setFetchFilter({});
    const SourceSync::Result mended = sync(source);
    ASSERT_TRUE(mended.ok) << problems(mended);
    EXPECT_TRUE(mended.counts.isComplete()) << problems(mended);
    EXPECT_EQ(mended.counts.newMessages, 1);
    EXPECT_EQ(storedUids().value(QStringLiteral("INBOX")), QList<quint32>({1, 2, 3, 4, 5}));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM message_failures")).toInt(), 0);
    const SourceSync::Result skipped = sync(source);
    EXPECT_EQ(skipped.counts.foldersSkipped, 1);
    EXPECT_TRUE(skipped.counts.isComplete());
}

// Point 1: a phantom UID that SEARCH lists and FETCH never returns is never
// "complete" either, and the checkpoint passes it only with its name.
TEST_F(MisbehavingServerTest, APhantomUidFromSearchIsNeverComplete)
{
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, {numbered("INBOX", 3)}));
    m_server->setHandler("UID SEARCH", [](const ScriptedCommand&, ScriptedReply& reply) {
        QByteArray found = "SEARCH";
        for (const ScriptedMessage& message : reply.selected()->messages) {
            found += ' ' + QByteArray::number(message.uid);
        }
        reply.untagged(found + " 7");
        reply.ok("Search completed");
    });
    const IngestionSource source = addSource(ConnectionSecurity::None);
    for (int pass = 0; pass < 2; ++pass) {
        const SourceSync::Result result = sync(source);
        ASSERT_TRUE(result.ok) << problems(result);
        EXPECT_FALSE(result.counts.isComplete());
        EXPECT_EQ(result.counts.serverMessages, 4);
        EXPECT_EQ(result.counts.archivedMessages, 3);
        EXPECT_TRUE(result.counts.problems.value(0).contains(QStringLiteral("UID 7:"))) << problems(result);
    }
    EXPECT_EQ(storedUids().value(QStringLiteral("INBOX")), QList<quint32>({1, 2, 3}));
}

// Point 2: names that are not valid modified UTF-7, raw 8-bit bytes, ESC,
// CR/LF in a literal name, "~" and "\", a name equal to the delimiter, and
// a listed folder whose EXAMINE answers NO. Each name goes back exactly
// as it was listed; the refused folder is named and the pass goes on.
TEST_F(MisbehavingServerTest, EveryFolderNameGoesBackByteForByteAndOneRefusedFolderStopsNothing)
{
    const QList<QByteArray> names {"INBOX",
                                   "~backup",
                                   "Projects\\2024",
                                   "&Jjo",
                                   "&AGE-",
                                   "&2D0-",
                                   "&!!-",
                                   "caf\xc3\xa9 \xff",
                                   "esc\x1b[31mred",
                                   "two\r\nlines",
                                   "/",
                                   "Zeta"};
    QList<ScriptedFolder> folders;
    for (const QByteArray& name : names) {
        folders << numbered(name, 2);
    }
    folders << numbered("Refused", 2);
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, folders));
    m_server->setHandler("EXAMINE", [](const ScriptedCommand& command, ScriptedReply& reply) {
        if (command.arguments.value(0) == "Refused") {
            reply.no("[NOPERM] You may not read this");
            return;
        }
        reply.defaultAnswer();
    });
    const IngestionSource source = addSource(ConnectionSecurity::None);

    const SourceSync::Result result = sync(source);
    ASSERT_TRUE(result.ok) << problems(result) << transcript();
    EXPECT_EQ(result.counts.newMessages, 2 * names.size()) << problems(result);
    EXPECT_EQ(result.counts.failedFolders, 1);
    EXPECT_FALSE(result.counts.isComplete());
    EXPECT_EQ(result.counts.problems,
              QStringList {QStringLiteral("Refused: could not be archived on this pass (The server refused the "
                                          "command EXAMINE: [NOPERM] You may not read this)")});

    // Each folder is keyed on its bytes and shown readably.
    QSqlQuery query(m_archive.connection());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT name, path, delimiter, last_error FROM folders ORDER BY id")));
    QMap<QByteArray, QString> shown;
    while (query.next()) {
        shown.insert(query.value(0).toByteArray(), query.value(1).toString());
        EXPECT_EQ(query.value(2).toString(), QStringLiteral("/"));
        EXPECT_EQ(query.value(3).isNull(), query.value(0).toByteArray() != "Refused");
    }
    EXPECT_EQ(shown.size(), names.size() + 1);
    for (const QByteArray& name : names) {
        EXPECT_TRUE(shown.contains(name)) << name.toHex().toStdString();
        EXPECT_EQ(storedUids().value(shown.value(name)).size(), 2) << name.toHex().toStdString();
    }
    EXPECT_EQ(shown.value("&Jjo"), QStringLiteral("&Jjo"));
    EXPECT_EQ(shown.value("caf\xc3\xa9 \xff"), QStringLiteral("café \uFFFD"));
    EXPECT_EQ(shown.value("esc\x1b[31mred"), QStringLiteral("esc\\x1B[31mred"));
    EXPECT_EQ(shown.value("two\r\nlines"), QStringLiteral("two\\x0D\\x0Alines"));

    // What the client sent back: every name's exact bytes.
    int examined = 0;
    for (const QByteArray& line : m_server->receivedCommands()) {
        const ScriptedCommand command = ScriptedCommand::parse(line);
        if (command.verb == "EXAMINE") {
            EXPECT_TRUE(names.contains(command.arguments.value(0)) || command.arguments.value(0) == "Refused")
                << command.arguments.value(0).toHex().toStdString();
            ++examined;
        }
    }
    EXPECT_EQ(examined, names.size() + 1);

    // The refused folder is tried again; the others are skipped unchanged.
    const SourceSync::Result again = sync(source);
    EXPECT_EQ(again.counts.foldersSkipped, names.size());
    EXPECT_EQ(again.counts.failedFolders, 1);
}

// Point 2: each folder records the delimiter LIST gives ("." here), so the
// archive can tell that "Archive.2023" lies inside "Archive".
TEST_F(MisbehavingServerTest, EachFolderKeepsTheDelimiterTheServerListed)
{
    ASSERT_TRUE(startServer(
        ScriptedImapServer::Security::Plain,
        {numbered("INBOX", 1, 1, '.'), numbered("Archive", 1, 1, '.'), numbered("Archive.2023", 1, 1, '.')}));
    const SourceSync::Result result = sync(addSource(ConnectionSecurity::None));
    ASSERT_TRUE(result.ok) << problems(result);
    EXPECT_EQ(scalar(QStringLiteral("SELECT group_concat(DISTINCT delimiter) FROM folders")).toString(),
              QStringLiteral("."));
    EXPECT_EQ(storedUids().value(QStringLiteral("Archive.2023")), QList<quint32>({1}));
}

// Point 3: 10 archived, 3 deleted on the server, then a new UIDVALIDITY.
// Before, the old locations were dropped: the archive reached 7.
TEST_F(MisbehavingServerTest, ARenumberedFolderKeepsEveryMessageItEverHeld)
{
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, {numbered("INBOX", 10)}));
    const IngestionSource source = addSource(ConnectionSecurity::None);
    ASSERT_TRUE(sync(source).ok);

    m_server->updateFolder("INBOX", [](ScriptedFolder& inbox) {
        inbox.messages.remove(2, 3); // UIDs 3, 4, 5 are deleted
        inbox.uidValidity += 1;
        quint32 uid = 100;
        for (ScriptedMessage& message : inbox.messages) {
            message.uid = uid++;
        }
    });
    const SourceSync::Result renumbered = sync(source);
    ASSERT_TRUE(renumbered.ok) << problems(renumbered);
    EXPECT_TRUE(renumbered.counts.isComplete());
    EXPECT_EQ(renumbered.counts.newMessages, 0);
    EXPECT_EQ(renumbered.counts.duplicates, 7);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM messages")).toInt(), 10);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(DISTINCT message_id) FROM locations")).toInt(), 10);
    const QList<FolderSummary> folders = m_archive.reader().folders(source.id);
    ASSERT_EQ(folders.size(), 2);
    EXPECT_FALSE(folders[0].isRetired());
    EXPECT_EQ(folders[0].messageCount, 7);
    EXPECT_TRUE(folders[0].isComplete());
    EXPECT_TRUE(folders[1].isRetired());
    EXPECT_EQ(folders[1].messageCount, 10);
}

// Point 4: an INTERNALDATE that is not a date, every time, used to fail the
// whole folder on every pass. The message is kept, dated by its header.
TEST_F(MisbehavingServerTest, AnUnreadableInternalDateKeepsTheMessage)
{
    ScriptedFolder inbox = numbered("INBOX", 9);
    inbox.messages[2].internalDate = "31-Foo-2021 99:99:99 +9999";
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, {inbox}));
    const SourceSync::Result result = sync(addSource(ConnectionSecurity::None));
    ASSERT_TRUE(result.ok) << problems(result);
    EXPECT_TRUE(result.counts.isComplete()) << problems(result);
    EXPECT_EQ(storedUids().value(QStringLiteral("INBOX")).size(), 9);
    QSqlQuery query(m_archive.connection());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT internal_date, message_date FROM locations WHERE uid = 3"))
                && query.next());
    EXPECT_TRUE(query.value(0).isNull());
    EXPECT_EQ(query.value(1).toLongLong(), QDateTime(QDate(2021, 7, 17), QTime(2, 44, 25), Qt::UTC).toSecsSinceEpoch());
}

// Point 4: one message whose FETCH answer cannot be read (here its flag list
// never closes), every time, used to fail the folder on every pass with
// "Received invalid response for command 'UID FETCH'", naming no message.
// Now that message is named with the reason and the rest is archived.
TEST_F(MisbehavingServerTest, OneUnreadableFetchAnswerCostsOnlyThatMessage)
{
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, {numbered("INBOX", 9)}));
    m_server->setHandler("UID FETCH", [](const ScriptedCommand& command, ScriptedReply& reply) {
        const QByteArray set = command.arguments.value(0);
        const QByteArray items = command.arguments.value(1);
        const ScriptedFolder* folder = reply.selected();
        if (!items.toUpper().contains("BODY")) {
            reply.defaultAnswer();
            return;
        }
        for (qsizetype i = 0; i < folder->messages.size(); ++i) {
            const ScriptedMessage& message = folder->messages.at(i);
            if (!ScriptedImapDefaults::inSequenceSet(set, message.uid, ScriptedImapDefaults::highestUid(*folder))) {
                continue;
            }
            QByteArray item = ScriptedImapServer::fetchItem(*folder, message, static_cast<int>(i + 1), items);
            if (message.uid == 3) {
                item.replace("FLAGS (", "FLAGS ((");
            }
            reply.send(item);
        }
        reply.ok("Fetch completed");
    });
    const IngestionSource source = addSource(ConnectionSecurity::None);
    for (int pass = 0; pass < 3; ++pass) {
        const SourceSync::Result result = sync(source);
        ASSERT_TRUE(result.ok) << problems(result);
        EXPECT_EQ(result.counts.failedMessages, 1);
        EXPECT_TRUE(result.counts.problems.value(0).startsWith(
            QStringLiteral("INBOX: 1 message not archived (UID 3: the server's answer for it could not be read (")))
            << problems(result);
    }
    EXPECT_EQ(storedUids().value(QStringLiteral("INBOX")), QList<quint32>({1, 2, 4, 5, 6, 7, 8, 9}));
}

// Point 6: an endless line and an absurd literal fail fast with words,
// never by exhausting memory ("std::bad_alloc" before).
TEST_F(MisbehavingServerTest, AnEndlessLineOrAnAbsurdLiteralFailsWithWords)
{
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, {numbered("INBOX", 1)}));
    const IngestionSource source = addSource(ConnectionSecurity::None);
    m_server->setHandler("LIST", [](const ScriptedCommand& command, ScriptedReply& reply) {
        if (command.arguments.value(1) != "*") {
            reply.defaultAnswer();
            return;
        }
        reply.send("* LIST () \"/\" ");
        reply.sendRepeated('a', 64 * 1024 * 1024); // and never a CRLF
    });
    const long peakBefore = peakResidentKilobytes();
    const SourceSync::Result endless = sync(source);
    EXPECT_FALSE(endless.ok);
    EXPECT_TRUE(endless.failure.message.contains(QStringLiteral("sent a line longer than 8388608 bytes")))
        << endless.failure.message.toStdString();
#if !defined(__SANITIZE_ADDRESS__)
    EXPECT_LT(peakResidentKilobytes() - peakBefore, 48 * 1024);
#endif

    m_server->setHandler("LIST", {});
    m_server->setHandler("UID FETCH", [](const ScriptedCommand& command, ScriptedReply& reply) {
        if (!command.arguments.value(1).toUpper().contains("BODY")) {
            reply.defaultAnswer();
            return;
        }
        reply.send("* 1 FETCH (UID 1 BODY[] {99999999999}\r\nshort");
        reply.close();
    });
    const SourceSync::Result absurd = sync(source);
    EXPECT_FALSE(absurd.ok);
    EXPECT_TRUE(absurd.failure.message.contains(QStringLiteral("the server announced 99999999999 bytes, more than the "
                                                               "1000000000 a message may have")))
        << problems(absurd);
    EXPECT_FALSE(problems(absurd).find("bad_alloc") != std::string::npos) << problems(absurd);
}

// A server that repeats itself (every FETCH item sent twice, the second
// time with other flags) stores each message once, complete.
TEST_F(MisbehavingServerTest, AServerThatSendsEveryMessageTwiceStoresEachOnce)
{
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, {numbered("INBOX", 6)}));
    m_server->setHandler("UID FETCH", [](const ScriptedCommand& command, ScriptedReply& reply) {
        const QByteArray set = command.arguments.value(0);
        const QByteArray items = command.arguments.value(1);
        const ScriptedFolder* folder = reply.selected();
        for (qsizetype i = 0; i < folder->messages.size(); ++i) {
            const ScriptedMessage& message = folder->messages.at(i);
            if (ScriptedImapDefaults::inSequenceSet(set, message.uid, ScriptedImapDefaults::highestUid(*folder))) {
                const QByteArray item = ScriptedImapServer::fetchItem(*folder, message, static_cast<int>(i + 1), items);
                reply.send(item);
                reply.send(QByteArray(item).replace("\\Seen", "\\Flagged"));
            }
        }
        reply.ok("Fetch completed");
    });
    const SourceSync::Result result = sync(addSource(ConnectionSecurity::None));
    ASSERT_TRUE(result.ok) << problems(result);
    EXPECT_TRUE(result.counts.isComplete()) << problems(result);
    EXPECT_EQ(result.counts.newMessages, 6);
    EXPECT_EQ(storedUids().value(QStringLiteral("INBOX")), QList<quint32>({1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM messages")).toInt(), 6);
}

// Point 4: a message beyond what the archive can take is refused by name,
// never fetched, and blocks nothing.
TEST_F(MisbehavingServerTest, AMessageTooLargeToStoreIsRefusedByNameAndBlocksNothing)
{
    ScriptedFolder inbox = numbered("INBOX", 4);
    inbox.messages[1].raw += QByteArray(4000, 'x') + "\r\n";
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, {inbox}));
    const IngestionSource source = addSource(ConnectionSecurity::None);
    SourceSync pass(m_archive, source, QStringLiteral("testpass123"));
    pass.setMaxMessageBytes(3000);
    const SourceSync::Result result = pass.run();
    ASSERT_TRUE(result.ok) << problems(result);
    EXPECT_EQ(storedUids().value(QStringLiteral("INBOX")), QList<quint32>({1, 3, 4}));
    EXPECT_EQ(result.counts.failedMessages, 1);
    EXPECT_TRUE(result.counts.problems.value(0).startsWith(
        QStringLiteral("INBOX: 1 message not archived (UID 2: too large to archive (")))
        << problems(result);
    for (const QByteArray& line : m_server->receivedCommands()) {
        if (line.contains("BODY.PEEK[]")) {
            EXPECT_FALSE(line.contains(" 2 ") || line.contains(":2 ") || line.contains(",2 ") || line.contains("1:4"))
                << "the refused message is never asked for: " << line.constData();
        }
    }
}

// Point 5: UID 4294967295 is legal; the checkpoint after it must not wrap
// to 0 and start the folder over.
TEST_F(MisbehavingServerTest, TheLastPossibleUidDoesNotStartTheFolderOver)
{
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, {numbered("INBOX", 2, 4294967294U)}));
    const IngestionSource source = addSource(ConnectionSecurity::None);
    const SourceSync::Result first = sync(source);
    ASSERT_TRUE(first.ok) << problems(first);
    EXPECT_EQ(storedUids().value(QStringLiteral("INBOX")), QList<quint32>({4294967294U, 4294967295U}));
    EXPECT_EQ(scalar(QStringLiteral("SELECT last_uid FROM folders")).toLongLong(), 4294967295LL);

    m_server->clearReceivedCommands();
    const SourceSync::Result second = sync(source);
    ASSERT_TRUE(second.ok) << problems(second);
    EXPECT_TRUE(second.counts.isComplete());
    EXPECT_EQ(second.counts.newMessages + second.counts.duplicates, 0);
    EXPECT_EQ(bodyFetches(), 0) << transcript();
}

// Point 5: a UID past 32 bits is a broken server: a clear protocol error
// for that folder, never a message stored as UID 1.
TEST_F(MisbehavingServerTest, AUidPastThirtyTwoBitsIsAProtocolErrorNeverUidOne)
{
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, {numbered("INBOX", 2), numbered("Other", 1)}));
    m_server->setHandler("UID FETCH", [](const ScriptedCommand& command, ScriptedReply& reply) {
        const QByteArray items = command.arguments.value(1);
        const ScriptedFolder* folder = reply.selected();
        if (!items.toUpper().contains("BODY") || folder->name != "INBOX") {
            reply.defaultAnswer();
            return;
        }
        QByteArray item = ScriptedImapServer::fetchItem(*folder, folder->messages.at(1), 2, items);
        item.replace("UID 2 ", "UID 4294967298 ");
        reply.send(item);
        reply.ok("Fetch completed");
    });
    const SourceSync::Result result = sync(addSource(ConnectionSecurity::None));
    EXPECT_EQ(result.counts.failedFolders, 1) << problems(result);
    EXPECT_TRUE(result.counts.problems.value(0).contains(QStringLiteral("4294967298, which is no valid UID")))
        << problems(result);
    EXPECT_FALSE(storedUids().contains(QStringLiteral("INBOX"))) << "never stored under a wrapped UID";
    EXPECT_EQ(storedUids().value(QStringLiteral("Other")), QList<quint32>({1}));
}

// Point 6: a server that announces 100 bytes per message and sends 2 MB.
// Memory follows what is kept, not what was announced: bodies past the
// batch's budget are dropped as they arrive and fetched again one by one.
TEST_F(MisbehavingServerTest, AnswersBiggerThanAnnouncedAreFetchedOneByOneWithinBoundedMemory)
{
    constexpr quint32 Count = 60;
    ScriptedFolder inbox = numbered("INBOX", 0);
    for (quint32 uid = 1; uid <= Count; ++uid) {
        QByteArray raw = message("INBOX", uid);
        raw += QByteArray(2 * 1024 * 1024, static_cast<char>('a' + uid % 26)) + "\r\n";
        inbox.messages << ScriptedMessage {uid, raw};
    }
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, {inbox}));
    m_server->setHandler("UID FETCH", [](const ScriptedCommand& command, ScriptedReply& reply) {
        if (command.arguments.value(1).toUpper().contains("BODY")) {
            reply.defaultAnswer();
            return;
        }
        QByteArray lies;
        for (const ScriptedMessage& message : reply.selected()->messages) {
            lies += "* " + QByteArray::number(message.uid) + " FETCH (UID " + QByteArray::number(message.uid)
                + " RFC822.SIZE 100)\r\n";
        }
        reply.send(lies);
        reply.ok("Fetch completed");
    });
    const IngestionSource source = addSource(ConnectionSecurity::None);
    const long peakBefore = peakResidentKilobytes();
    const SourceSync::Result result = sync(source);
    const long grownKilobytes = peakResidentKilobytes() - peakBefore;
    ASSERT_TRUE(result.ok) << problems(result);
    EXPECT_TRUE(result.counts.isComplete()) << problems(result);
    EXPECT_EQ(storedUids().value(QStringLiteral("INBOX")).size(), static_cast<qsizetype>(Count));
    // One batch was asked for; most of its bodies came back one at a time.
    EXPECT_GT(bodyFetches(), 20) << transcript();
    // The whole answer is 120 MB; holding it (as before) raised the peak by
    // more than that. A bound on memory, not on time: it does not depend on
    // the machine's speed. ASan's quarantine keeps freed memory, so only the
    // plain build measures it.
#if !defined(__SANITIZE_ADDRESS__)
    EXPECT_LT(grownKilobytes, 80 * 1024) << "the peak grew by " << grownKilobytes / 1024 << " MB";
#else
    (void)grownKilobytes;
#endif
}

// Point 9: a server's words that would drive a terminal, or that repeat
// the password, are escaped and redacted before anyone sees or stores them.
// They are on the technical line only; the message is our sentence.
TEST_F(MisbehavingServerTest, ServerTextIsEscapedAndAnEchoedPasswordRedacted)
{
    ASSERT_TRUE(startServer(ScriptedImapServer::Security::Plain, {numbered("INBOX", 1)}));
    m_server->setHandler("LOGIN", [](const ScriptedCommand& command, ScriptedReply& reply) {
        reply.no("[AUTHENTICATIONFAILED] \x1b[2J\x1b]0;pwned\x07 " + command.line.mid(command.tag.size() + 1)
                 + " rejected");
    });
    const SourceSync::Result result = sync(addSource(ConnectionSecurity::None));
    ASSERT_FALSE(result.ok);
    EXPECT_FALSE(result.failure.message.contains(QStringLiteral("testpass123")))
        << result.failure.message.toStdString();
    EXPECT_FALSE(result.failure.technical.contains(QStringLiteral("testpass123")))
        << result.failure.technical.toStdString();
    EXPECT_FALSE(result.failure.message.contains(QChar(0x1b))) << result.failure.message.toStdString();
    EXPECT_FALSE(result.failure.message.contains(QStringLiteral("pwned"))) << result.failure.message.toStdString();
    EXPECT_TRUE(result.failure.message.contains(QStringLiteral("rejected the user name or password")))
        << result.failure.message.toStdString();
    EXPECT_FALSE(result.failure.technical.contains(QChar(0x1b))) << result.failure.technical.toStdString();
    EXPECT_TRUE(result.failure.technical.contains(QStringLiteral("\\x1B[2J")))
        << result.failure.technical.toStdString();
    EXPECT_TRUE(result.failure.technical.contains(QStringLiteral("••••••"))) << result.failure.technical.toStdString();
}

// IDLE against a server that lies, repeats itself, cuts the connection or
// never ends a line: the watch asks for a pass only for real news, and a
// broken watch ends with a reason instead of hanging or taking memory.
class IdleMisbehavingServerTest : public MisbehavingServerTest
{
protected:
    struct Watched
    {
        int newMail = 0;
        bool watched = false;
        InboxWatcher::End end = InboxWatcher::End::Cancelled;
        QString why;
    };

    // INBOX with 3 messages, archived by a pass, then watched with IDLE
    // answered by `idle` until it ends by itself or `settle` ms have gone.
    Watched watchAfterAPass(const ScriptedImapServer::Handler& idle, int settleMs)
    {
        Watched watched;
        if (!startServer(ScriptedImapServer::Security::Plain, {numbered("INBOX", 3)})) {
            return watched;
        }
        m_server->setCapabilities("IMAP4rev1 LITERAL+ IDLE");
        const IngestionSource source = addSource(ConnectionSecurity::None);
        EXPECT_TRUE(sync(source).ok);
        m_server->setHandler("IDLE", idle);
        m_archive.closeConnection(); // the watcher reads on its own thread

        QThread thread;
        InboxWatcher watcher(m_archive, {}, std::chrono::minutes(25));
        watcher.moveToThread(&thread);
        QSignalSpy newMail(&watcher, &InboxWatcher::newMail);
        QSignalSpy watching(&watcher, &InboxWatcher::watching);
        QSignalSpy ended(&watcher, &InboxWatcher::ended);
        thread.start();
        const QString password = QString::fromLatin1(m_server->password());
        QMetaObject::invokeMethod(&watcher, [&] { watcher.run(source, password); });
        QElapsedTimer waited;
        waited.start();
        while (ended.isEmpty() && waited.elapsed() < settleMs) {
            QTest::qWait(20);
        }
        watcher.cancel();
        EXPECT_TRUE(!ended.isEmpty() || ended.wait(5000)) << "the watch did not end after cancel";
        thread.quit();
        thread.wait();
        watched.newMail = static_cast<int>(newMail.count());
        watched.watched = !watching.isEmpty();
        if (!ended.isEmpty()) {
            watched.end = ended.first().at(1).value<InboxWatcher::End>();
            watched.why = ended.first().at(2).toString();
        }
        return watched;
    }
};

TEST_F(IdleMisbehavingServerTest, RepeatedBogusAndOverflowingCountsGiveOneNewMailForOneNewMessage)
{
    const Watched watched = watchAfterAPass(
        [](const ScriptedCommand&, ScriptedReply& reply) {
            reply.continuation("idling", [](const QByteArray&, ScriptedReply& done) { done.ok("IDLE terminated"); });
            reply.untagged("3 EXISTS"); // what EXAMINE said: no news
            reply.untagged("99999999999 EXISTS"); // past 32 bits
            reply.untagged("x EXISTS");
            reply.untagged("EXISTS");
            reply.untagged("3 EXISTS");
            reply.untagged("OK Still here");
            reply.untagged("4 EXISTS"); // the one real message
            reply.untagged("4 EXISTS");
        },
        1500);
    EXPECT_TRUE(watched.watched);
    EXPECT_EQ(watched.newMail, 1);
    EXPECT_EQ(watched.end, InboxWatcher::End::Cancelled) << watched.why.toStdString();
}

TEST_F(IdleMisbehavingServerTest, ACutConnectionEndsTheWatchWithAReason)
{
    const Watched watched = watchAfterAPass(
        [](const ScriptedCommand&, ScriptedReply& reply) {
            reply.continuation("idling", [](const QByteArray&, ScriptedReply&) {});
            reply.close();
        },
        10000);
    EXPECT_TRUE(watched.watched);
    EXPECT_EQ(watched.newMail, 0);
    EXPECT_EQ(watched.end, InboxWatcher::End::Failed);
    EXPECT_FALSE(watched.why.isEmpty());
}

TEST_F(IdleMisbehavingServerTest, ARefusedIdleEndsTheWatchWithTheServersWords)
{
    const Watched watched = watchAfterAPass(
        [](const ScriptedCommand&, ScriptedReply& reply) { reply.no("[UNAVAILABLE] IDLE is off today"); }, 10000);
    EXPECT_FALSE(watched.watched);
    EXPECT_EQ(watched.end, InboxWatcher::End::Failed);
    EXPECT_TRUE(watched.why.contains(QStringLiteral("IDLE is off today"))) << watched.why.toStdString();
}

// A line that never ends while idling: the reader's line cap stops it, so
// memory stays bounded, and the watch ends instead of reading for ever.
TEST_F(IdleMisbehavingServerTest, AnEndlessLineWhileIdlingEndsTheWatchWithinTheLineCap)
{
    const long peakBefore = peakResidentKilobytes();
    const Watched watched = watchAfterAPass(
        [](const ScriptedCommand&, ScriptedReply& reply) {
            reply.continuation("idling", [](const QByteArray&, ScriptedReply&) {});
            reply.send("* 4 EXISTS ");
            reply.sendRepeated('x', 64 * 1024 * 1024);
        },
        30000);
    const long grownMb = (peakResidentKilobytes() - peakBefore) / 1024;
    std::cout << "[ measure  ] an endless line while idling grew the peak by " << grownMb << " MB\n";
    EXPECT_EQ(watched.end, InboxWatcher::End::Failed);
    EXPECT_FALSE(watched.why.isEmpty());
#if !defined(__SANITIZE_ADDRESS__)
    EXPECT_LT(grownMb, 48) << "64 MB were sent; the line cap is 8 MB";
#endif
}

} // namespace
