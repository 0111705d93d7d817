// ImapSession (LIST, raw EXAMINE / UID SEARCH / UID FETCH on one connection)
// against a real Dovecot whose Maildir the tests write directly.
#include "DovecotTest.h"
#include "MailGenerator.h"
#include "MaildirWriter.h"

#include "imap/CancelToken.h"
#include "imap/ImapConnector.h"
#include "imap/ImapSession.h"
#include "imap/QtSocketFactory.h"
#include "imap/QtVmimeSocket.h"
#include "imap/TlsPolicy.h"

#include <QElapsedTimer>
#include <QSslCertificate>

#include <vmime/vmime.hpp>

#include <iostream>
#include <memory>
#include <optional>

namespace {

const QString Inbox = QStringLiteral("INBOX");
const QString NonAscii = QStringLiteral("Archive/Grüße & Co");

class ImapSessionTest : public DovecotTest
{
protected:
    // A session over implicit TLS, trusting the fixture's CA, with its raw
    // channel wired.
    std::unique_ptr<ImapSession> openSession()
    {
        TlsPolicy policy;
        policy.mode = TlsPolicy::Mode::Implicit;
        policy.extraCaCertificates = QSslCertificate::fromPath(server().caCertificatePath());
        m_connectors.push_back(std::make_unique<ImapConnector>(policy, std::make_shared<CancelToken>()));
        auto session = m_connectors.back()->openSession(
            server().host(), server().imapsPort(), QStringLiteral("test"), server().password(QStringLiteral("test")));
        EXPECT_EQ(m_connectors.back()->socketFactory()->sockets().size(), 1U);
        return session;
    }

    // Writes `count` messages (small unless `attachmentScale` says otherwise)
    // into `folder`; every third one is seen.
    QList<GeneratedMessage>
    writeMessages(int count, const QString& folder, quint64 seed = 7, double attachmentScale = 0.05)
    {
        MailGeneratorOptions options;
        options.seed = seed;
        options.attachmentScale = attachmentScale;
        MailGenerator generator(options);
        MaildirWriter writer = server().maildirWriter(QStringLiteral("test"));
        QList<GeneratedMessage> messages;
        for (int i = 0; i < count; ++i) {
            GeneratedMessage message = generator.next(folder);
            message.seen = i % 3 == 0;
            QString error;
            if (!writer.write(message, &error)) {
                ADD_FAILURE() << "MaildirWriter: " << error.toStdString();
                break;
            }
            messages << message;
        }
        return messages;
    }

    // Seen flags as Dovecot itself reports them, independent of vmime.
    int seenCount(const QString& folder)
    {
        QByteArray output;
        const int code = server().doveadm({QStringLiteral("fetch"),
                                           QStringLiteral("-u"),
                                           QStringLiteral("test"),
                                           QStringLiteral("flags"),
                                           QStringLiteral("mailbox"),
                                           folder},
                                          &output);
        EXPECT_EQ(code, 0) << output.toStdString();
        int seen = 0;
        for (const QByteArray& line : output.split('\n')) {
            if (line.startsWith("flags:") && line.contains("\\Seen")) {
                ++seen;
            }
        }
        return seen;
    }

    static std::optional<RemoteFolder> find(const QList<RemoteFolder>& folders, const QString& path)
    {
        for (const RemoteFolder& folder : folders) {
            if (folder.path == path) {
                return folder;
            }
        }
        return std::nullopt;
    }

private:
    // Kept alive as long as the fixture: they own the vmime sessions.
    std::vector<std::unique_ptr<ImapConnector>> m_connectors;
};

TEST(ImapSessionUnitTest, CompactsUidSets)
{
    EXPECT_EQ(ImapSession::compactUidSet({}), QByteArray());
    EXPECT_EQ(ImapSession::compactUidSet({5}), QByteArray("5"));
    EXPECT_EQ(ImapSession::compactUidSet({105, 1, 2, 3, 3, 100, 4, 99}), QByteArray("1:4,99:100,105"));
}

TEST(ImapSessionUnitTest, QuotesMailboxNamesInModifiedUtf7)
{
    EXPECT_EQ(ImapSession::quotedMailbox(QStringLiteral("INBOX")), QByteArray("\"INBOX\""));
    EXPECT_EQ(ImapSession::quotedMailbox(QStringLiteral("Archive/Grüße & Co")),
              QByteArray("\"Archive/Gr&APwA3w-e &- Co\""));
    EXPECT_EQ(ImapSession::quotedMailbox(QStringLiteral("a\"b\\c")), QByteArray("\"a\\\"b\\\\c\""));
}

TEST_F(ImapSessionTest, ListsFoldersWithDelimiterAndSpecialUse)
{
    writeMessages(1, Inbox);
    writeMessages(2, NonAscii, 8);
    try {
        auto session = openSession();
        const QList<RemoteFolder> folders = session->listFolders();
        QStringList paths;
        for (const RemoteFolder& folder : folders) {
            paths << folder.path + QStringLiteral(" ") + folder.flags.join(QLatin1Char(' '));
        }
        const std::string listing = paths.join(QStringLiteral("; ")).toStdString();

        const auto inbox = find(folders, Inbox);
        ASSERT_TRUE(inbox) << listing;
        EXPECT_EQ(inbox->delimiter, QLatin1Char('/'));
        const auto sent = find(folders, QStringLiteral("Sent"));
        ASSERT_TRUE(sent) << listing;
        EXPECT_TRUE(sent->flags.contains(QStringLiteral("\\Sent"))) << listing;
        const auto trash = find(folders, QStringLiteral("Trash"));
        ASSERT_TRUE(trash) << listing;
        EXPECT_TRUE(trash->flags.contains(QStringLiteral("\\Trash"))) << listing;
        const auto junk = find(folders, QStringLiteral("Junk"));
        ASSERT_TRUE(junk) << listing;
        EXPECT_TRUE(junk->flags.contains(QStringLiteral("\\Junk"))) << listing;
        const auto nested = find(folders, NonAscii);
        ASSERT_TRUE(nested) << listing;
        EXPECT_EQ(nested->delimiter, QLatin1Char('/'));
        EXPECT_TRUE(nested->isSelectable());
        EXPECT_TRUE(find(folders, QStringLiteral("Archive"))) << listing;
    } catch (const vmime::exception& e) {
        FAIL() << e.name() << ": " << e.what();
    }
}

TEST_F(ImapSessionTest, ExaminesInboxAndNonAsciiFolder)
{
    const QList<GeneratedMessage> inbox = writeMessages(25, Inbox);
    const QList<GeneratedMessage> nested = writeMessages(4, NonAscii, 8);
    try {
        auto session = openSession();
        const FolderStatus inboxStatus = session->examine(Inbox);
        EXPECT_EQ(inboxStatus.messages, quint32(inbox.size()));
        EXPECT_EQ(inboxStatus.uidNext, quint32(inbox.size() + 1));
        EXPECT_NE(inboxStatus.uidValidity, 0U);

        const FolderStatus nestedStatus = session->examine(NonAscii);
        EXPECT_EQ(nestedStatus.messages, quint32(nested.size()));
        EXPECT_EQ(nestedStatus.uidNext, quint32(nested.size() + 1));
        EXPECT_NE(nestedStatus.uidValidity, 0U);
        RecordProperty("highestModSeq", std::to_string(nestedStatus.highestModSeq));

        // The raw commands left the connection usable for vmime's own LIST.
        EXPECT_FALSE(session->listFolders().isEmpty());
    } catch (const vmime::exception& e) {
        FAIL() << e.name() << ": " << e.what();
    }
}

TEST_F(ImapSessionTest, FetchesOneHundredTwentyMessagesByteForByteWithoutMarkingThemSeen)
{
    const QList<GeneratedMessage> written = writeMessages(120, Inbox);
    ASSERT_EQ(written.size(), 120);
    int writtenSeen = 0;
    for (const GeneratedMessage& message : written) {
        writtenSeen += message.seen ? 1 : 0;
    }
    try {
        auto session = openSession();
        ASSERT_EQ(session->examine(Inbox).messages, 120U);
        const QList<quint32> uids = session->uidsFrom(1);
        ASSERT_EQ(uids.size(), 120);

        const QList<FetchedMessage> fetched = session->fetch(uids);
        ASSERT_EQ(fetched.size(), 120);
        for (int i = 0; i < fetched.size(); ++i) {
            const FetchedMessage& message = fetched[i];
            const GeneratedMessage& original = written[i];
            EXPECT_EQ(message.uid, quint32(i + 1));
            EXPECT_EQ(message.raw, original.raw) << "UID " << message.uid;
            EXPECT_EQ(message.flags.contains(QStringLiteral("\\Seen")), original.seen) << "UID " << message.uid;
            EXPECT_EQ(message.flags.contains(QStringLiteral("\\Flagged")), original.flagged) << "UID " << message.uid;
            EXPECT_EQ(message.flags.contains(QStringLiteral("\\Answered")), original.answered) << "UID " << message.uid;
            EXPECT_EQ(message.internalDate, original.internalDate) << "UID " << message.uid;
        }
    } catch (const vmime::exception& e) {
        FAIL() << e.name() << ": " << e.what();
    }

    // Reading changed nothing: the unseen messages are still unseen.
    EXPECT_EQ(seenCount(Inbox), writtenSeen);
    try {
        auto second = openSession();
        second->examine(Inbox);
        const QList<FetchedMessage> again = second->fetch(second->uidsFrom(1));
        ASSERT_EQ(again.size(), 120);
        for (int i = 0; i < again.size(); ++i) {
            EXPECT_EQ(again[i].flags.contains(QStringLiteral("\\Seen")), written[i].seen) << "UID " << again[i].uid;
        }
    } catch (const vmime::exception& e) {
        FAIL() << e.name() << ": " << e.what();
    }
}

TEST_F(ImapSessionTest, FetchSkipsUnknownUidsAndKeepsOrder)
{
    const QList<GeneratedMessage> written = writeMessages(10, Inbox);
    try {
        auto session = openSession();
        session->examine(Inbox);
        EXPECT_TRUE(session->fetch({}).isEmpty());
        const QList<FetchedMessage> fetched = session->fetch({9, 2, 3, 500, 2});
        ASSERT_EQ(fetched.size(), 3);
        EXPECT_EQ(fetched[0].uid, 2U);
        EXPECT_EQ(fetched[1].uid, 3U);
        EXPECT_EQ(fetched[2].uid, 9U);
        EXPECT_EQ(fetched[2].raw, written[8].raw);
    } catch (const vmime::exception& e) {
        FAIL() << e.name() << ": " << e.what();
    }
}

TEST_F(ImapSessionTest, ReportsEachMessageSizeInOneLightPass)
{
    const QList<GeneratedMessage> written = writeMessages(25, Inbox);
    try {
        auto session = openSession();
        session->examine(Inbox);
        const QMap<quint32, quint32> sizes = session->sizes(session->uidsFrom(1) + QList<quint32> {999});
        ASSERT_EQ(sizes.size(), 25) << "a UID that does not exist has no size";
        for (int i = 0; i < written.size(); ++i) {
            EXPECT_EQ(sizes.value(static_cast<quint32>(i + 1)), static_cast<quint32>(written[i].raw.size()))
                << "uid " << i + 1;
        }
        // The session is still in step: a fetch after the light pass works.
        EXPECT_EQ(session->fetch({25}).value(0).raw, written.last().raw);
    } catch (const vmime::exception& e) {
        FAIL() << e.name() << ": " << e.what();
    }
}

TEST_F(ImapSessionTest, PipelinedFetchesAnswerInOrderAndVmimeStaysInStep)
{
    const QList<GeneratedMessage> written = writeMessages(30, Inbox);
    try {
        auto session = openSession();
        session->examine(Inbox);
        const QList<quint32> uids = session->uidsFrom(1);
        ASSERT_EQ(uids.size(), 30);
        // Three commands on the wire before the first answer is read.
        const ImapSession::PendingFetch first = session->sendFetch(uids.mid(0, 10));
        const ImapSession::PendingFetch second = session->sendFetch(uids.mid(10, 10) + QList<quint32> {999});
        const ImapSession::PendingFetch third = session->sendFetch(uids.mid(20, 10));
        QList<FetchedMessage> fetched = session->receiveFetch(first);
        EXPECT_EQ(fetched.size(), 10);
        fetched += session->receiveFetch(second);
        EXPECT_EQ(fetched.size(), 20);
        fetched += session->receiveFetch(third);
        ASSERT_EQ(fetched.size(), 30);
        for (int i = 0; i < written.size(); ++i) {
            EXPECT_EQ(fetched[i].uid, quint32(i + 1));
            EXPECT_EQ(fetched[i].raw, written[i].raw) << "UID " << i + 1;
            EXPECT_EQ(fetched[i].internalDate, written[i].internalDate) << "UID " << i + 1;
        }
        // vmime's parser is still in step: a vmime LIST, the size pass and
        // another fetch work.
        EXPECT_FALSE(session->listFolders().isEmpty());
        EXPECT_EQ(session->sizes({uids.last()}).value(uids.last()), quint32(written.last().raw.size()));
        const QList<FetchedMessage> again = session->fetch({uids.last()});
        ASSERT_EQ(again.size(), 1);
        EXPECT_EQ(again.first().raw, written.last().raw);
    } catch (const vmime::exception& e) {
        FAIL() << e.name() << ": " << e.what();
    }
}

TEST_F(ImapSessionTest, UidsFromReturnsOnlyUidsAtOrAboveTheStart)
{
    writeMessages(15, Inbox);
    try {
        auto session = openSession();
        session->examine(Inbox);
        QList<quint32> all;
        for (quint32 uid = 1; uid <= 15; ++uid) {
            all << uid;
        }
        EXPECT_EQ(session->uidsFrom(0), all);
        EXPECT_EQ(session->uidsFrom(1), all);
        EXPECT_EQ(session->uidsFrom(11), all.mid(10));
        EXPECT_EQ(session->uidsFrom(15), QList<quint32> {15});
        EXPECT_TRUE(session->uidsFrom(16).isEmpty());
        EXPECT_TRUE(session->uidsFrom(1000).isEmpty());

        // An empty folder has no UIDs at all.
        session->examine(QStringLiteral("Trash"));
        EXPECT_TRUE(session->uidsFrom(1).isEmpty());
    } catch (const vmime::exception& e) {
        FAIL() << e.name() << ": " << e.what();
    }
}

TEST_F(ImapSessionTest, ExamineOfMissingFolderThrowsWithServerText)
{
    try {
        auto session = openSession();
        try {
            session->examine(QStringLiteral("Does/Not \"Exist\""));
            ADD_FAILURE() << "examine of a missing folder did not throw";
        } catch (const vmime::exceptions::command_error& e) {
            const QString response = QString::fromStdString(e.response());
            EXPECT_TRUE(response.contains(QStringLiteral("doesn't exist"), Qt::CaseInsensitive)) << e.response();
            EXPECT_NE(std::string(e.what()).find(e.response()), std::string::npos) << e.what();
        }
        // The connection is still usable afterwards.
        EXPECT_EQ(session->examine(Inbox).messages, 0U);
    } catch (const vmime::exception& e) {
        FAIL() << e.name() << ": " << e.what();
    }
}

// A measurement, not a check: run with --gtest_also_run_disabled_tests.
// 2,000 realistic messages (~100 KB mean) in batches of 200, with their dates.
TEST_F(ImapSessionTest, DISABLED_FetchSpeed)
{
    const QList<GeneratedMessage> written = writeMessages(2000, Inbox, 11, 1.0);
    qint64 bytes = 0;
    try {
        auto session = openSession();
        QElapsedTimer timer;
        timer.start();
        session->examine(Inbox);
        const QList<quint32> uids = session->uidsFrom(1);
        ASSERT_EQ(uids.size(), written.size());
        int count = 0;
        for (qsizetype i = 0; i < uids.size(); i += 200) {
            const QList<quint32> batch = uids.mid(i, 200);
            const QList<FetchedMessage> fetched = session->fetch(batch);
            ASSERT_EQ(fetched.size(), batch.size());
            for (const FetchedMessage& message : fetched) {
                bytes += message.raw.size();
                EXPECT_EQ(message.raw, written[count].raw);
                ++count;
            }
        }
        const double seconds = double(timer.elapsed()) / 1000.0;
        std::cout << "fetched " << count << " messages, " << bytes / (1024 * 1024) << " MiB in " << seconds << " s ("
                  << double(count) / seconds << " msg/s)" << std::endl;
        RecordProperty("seconds", std::to_string(seconds));
    } catch (const vmime::exception& e) {
        FAIL() << e.name() << ": " << e.what();
    }
}

} // namespace
