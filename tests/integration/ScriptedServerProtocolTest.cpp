#include "ScriptedImapServer.h"
#include "ScriptedReply.h"
#include "WaitUntil.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QTcpSocket>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>

namespace {

// ScriptedImapServer itself, through a raw socket: what vmime never sends
// (literals, pipelined commands, garbage) must still be read right, and
// what a test makes it send (endless lines) must stream and stop cleanly.
class ScriptedServerProtocolTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ScriptedFolder inbox;
        inbox.name = "INBOX";
        for (quint32 uid = 1; uid <= 3; ++uid) {
            inbox.messages << ScriptedMessage {uid,
                                               "From: a@example.org\r\nSubject: " + QByteArray::number(uid)
                                                   + "\r\nMessage-ID: <" + QByteArray::number(uid)
                                                   + "@example.org>\r\n\r\nBody\r\n"};
        }
        ScriptedFolder archive;
        archive.name = "Archive";
        ScriptedFolder year;
        year.name = "Archive/2023";
        ScriptedFolder odd;
        odd.name = "Sp ace\"q";
        m_server.setFolders({inbox, archive, year, odd});
        QString error;
        ASSERT_TRUE(m_server.start(&error)) << error.toStdString();
        ASSERT_TRUE(connectClient());
    }

    bool connectClient()
    {
        m_buffer.clear();
        m_socket = std::make_unique<QTcpSocket>();
        m_socket->connectToHost(m_server.host(), m_server.port());
        return m_socket->waitForConnected(5000) && readUntil("\r\n").startsWith("* OK [CAPABILITY ");
    }

    void send(const QByteArray& bytes)
    {
        m_socket->write(bytes);
        m_socket->flush();
    }

    // Everything up to and including the first line that starts with
    // `prefix` (or the bytes `prefix` when it ends a line); empty after 5 s.
    QByteArray readUntil(const QByteArray& prefix)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            const qsizetype at = prefix.endsWith("\r\n") ? m_buffer.indexOf(prefix) : lineStarting(prefix);
            if (at >= 0) {
                const qsizetype end = m_buffer.indexOf("\r\n", at);
                if (end >= 0) {
                    QByteArray result = m_buffer.left(end + 2);
                    m_buffer.remove(0, end + 2);
                    return result;
                }
            }
            if (timer.hasExpired(5000)) {
                return {};
            }
            if (m_socket->waitForReadyRead(100)) {
                m_buffer += m_socket->readAll();
            }
        }
    }

    // The tagged line that ends a block readUntil() returned.
    static QByteArray lastLine(const QByteArray& block)
    {
        const qsizetype start = block.lastIndexOf("\r\n", block.size() - 3);
        return start < 0 ? block : block.mid(start + 2);
    }

    qsizetype lineStarting(const QByteArray& prefix) const
    {
        if (m_buffer.startsWith(prefix)) {
            return 0;
        }
        const qsizetype at = m_buffer.indexOf("\r\n" + prefix);
        return at < 0 ? -1 : at + 2;
    }

    void login()
    {
        send("L1 LOGIN test testpass123\r\n");
        ASSERT_TRUE(lastLine(readUntil("L1 ")).startsWith("L1 OK"));
    }

    ScriptedImapServer m_server;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

TEST_F(ScriptedServerProtocolTest, LiteralsAndQuotedStringsReachHandlersAsExactBytes)
{
    QMutex mutex;
    QList<QByteArray> examined;
    m_server.setHandler("EXAMINE", [&](const ScriptedCommand& command, ScriptedReply& reply) {
        const QMutexLocker lock(&mutex);
        examined << command.arguments.value(0);
        reply.defaultAnswer();
    });

    // Synchronising literals: the server invites each with "+ ".
    send("a1 LOGIN {4}\r\n");
    EXPECT_TRUE(readUntil("+ ").startsWith("+ "));
    send("test {11}\r\n");
    EXPECT_TRUE(readUntil("+ ").startsWith("+ "));
    send("testpass123\r\n");
    EXPECT_TRUE(lastLine(readUntil("a1 ")).startsWith("a1 OK"));
    // LITERAL+: no invitation, the bytes follow at once.
    send("a2 EXAMINE {8+}\r\nSp ace\"q\r\n");
    EXPECT_TRUE(lastLine(readUntil("a2 ")).startsWith("a2 OK [READ-ONLY]"));
    send("a3 EXAMINE \"Sp ace\\\"q\"\r\n");
    EXPECT_TRUE(lastLine(readUntil("a3 ")).startsWith("a3 OK [READ-ONLY]"));
    send("a4 EXAMINE inbox\r\n");
    const QByteArray inbox = readUntil("a4 ");
    EXPECT_TRUE(inbox.contains("* 3 EXISTS\r\n")) << inbox.toStdString();
    EXPECT_TRUE(inbox.contains("* OK [UIDNEXT 4] ")) << inbox.toStdString();

    const QMutexLocker lock(&mutex);
    EXPECT_EQ(examined, QList<QByteArray>({"Sp ace\"q", "Sp ace\"q", "inbox"}));
    EXPECT_EQ(m_server.receivedCommands().first(), "a1 LOGIN {4}\r\ntest {11}\r\ntestpass123");
}

TEST_F(ScriptedServerProtocolTest, PipelinedCommandsAreAnsweredInOrder)
{
    login();
    send("p1 NOOP\r\np2 EXAMINE INBOX\r\np3 UID SEARCH 1:50000 UID 2:*\r\n"
         "p4 UID FETCH 1:* (UID FLAGS)\r\np5 LIST \"\" \"%\"\r\np6 LIST \"\" \"\"\r\n");
    const QByteArray answers = "\r\n" + readUntil("p6 ");
    qsizetype previous = -1;
    for (const QByteArray tag : {"p1 OK", "p2 OK", "p3 OK", "p4 OK", "p5 OK", "p6 OK"}) {
        const qsizetype at = answers.indexOf("\r\n" + tag);
        EXPECT_GT(at, previous) << tag.constData() << " in\n" << answers.toStdString();
        previous = at;
    }
    EXPECT_TRUE(answers.contains("* SEARCH 2 3\r\n"));
    EXPECT_TRUE(answers.contains("* 3 FETCH (UID 3 FLAGS (\\Seen))\r\n"));
    // "%" stops at the delimiter: no Archive/2023.
    EXPECT_TRUE(answers.contains("* LIST () \"/\" \"Archive\"\r\n"));
    EXPECT_FALSE(answers.contains("Archive/2023"));
    EXPECT_TRUE(answers.contains("* LIST (\\Noselect) \"/\" \"\"\r\n"));
}

TEST_F(ScriptedServerProtocolTest, FetchAnswersInTheUsualShapeAndTheFilterLeavesMessagesOut)
{
    login();
    send("f1 EXAMINE INBOX\r\n");
    ASSERT_TRUE(lastLine(readUntil("f1 ")).startsWith("f1 OK"));
    const QByteArray raw = m_server.folder("INBOX")->messages.at(0).raw;
    send("f2 UID FETCH 1 (UID FLAGS INTERNALDATE BODY.PEEK[])\r\n");
    EXPECT_EQ(readUntil("f2 "),
              "* 1 FETCH (UID 1 FLAGS (\\Seen) INTERNALDATE \"17-Jul-2021 02:44:25 +0000\" BODY[] {"
                  + QByteArray::number(raw.size()) + "}\r\n" + raw + ")\r\nf2 OK Fetch completed\r\n");

    m_server.setFetchFilter([](quint32 uid) { return uid != 2; });
    send("f3 UID FETCH 1:* (UID RFC822.SIZE)\r\n");
    const QByteArray filtered = readUntil("f3 ");
    EXPECT_TRUE(filtered.contains("UID 1 ") && filtered.contains("UID 3 ")) << filtered.toStdString();
    EXPECT_FALSE(filtered.contains("UID 2 ")) << filtered.toStdString();
}

TEST_F(ScriptedServerProtocolTest, OddInputIsRefusedAndTheConnectionGoesOn)
{
    send("\r\n"
         "x\r\n"
         "a (((\r\n"
         "b \"unterminated\r\n"
         "c UID\r\n"
         "d {abc}\r\n"
         "e LOGIN a b c\r\n"
         "f UID FETCH 1:* (UID)\r\n"
         "g FOO bar\r\n");
    send(QByteArray("\x00\xff\x01 garbage\r\n", 13));
    send("h NOOP\r\n");
    const QByteArray answers = readUntil("h ");
    EXPECT_TRUE(answers.endsWith("h OK NOOP completed\r\n")) << answers.toStdString();
    EXPECT_TRUE(answers.contains("f BAD Not authenticated\r\n")) << answers.toStdString();
    EXPECT_TRUE(answers.contains("g BAD Unknown command FOO\r\n")) << answers.toStdString();
    EXPECT_EQ(answers.count(" BAD "), 10) << answers.toStdString();
}

TEST_F(ScriptedServerProtocolTest, ALineWithoutEndIsCutOff)
{
    send(QByteArray(qsizetype {2} * 1024 * 1024, 'a'));
    EXPECT_TRUE(readUntil("* ").startsWith("* BYE"));
    EXPECT_TRUE(m_socket->state() == QAbstractSocket::UnconnectedState || m_socket->waitForDisconnected(5000));
    // The server itself carries on.
    ASSERT_TRUE(connectClient());
    EXPECT_EQ(m_server.connectionCount(), 2);
}

TEST_F(ScriptedServerProtocolTest, RepeatedBytesStreamAndStopQuietlyWhenTheClientGoes)
{
    constexpr qint64 Streamed = qint64 {64} * 1024 * 1024;
    std::atomic<bool> closedSeen {false};
    m_server.setHandler("XSTREAM", [&](const ScriptedCommand& command, ScriptedReply& reply) {
        const qint64 count = command.arguments.value(0).toLongLong();
        reply.send("* XSTREAM {" + QByteArray::number(count) + "}\r\n");
        reply.sendRepeated('y', count);
        reply.send("\r\n");
        reply.ok();
        closedSeen = reply.isClosed();
    });

    send("s1 XSTREAM " + QByteArray::number(Streamed) + "\r\n");
    const QByteArray header = readUntil("* XSTREAM");
    ASSERT_FALSE(header.isEmpty());
    qint64 received = m_buffer.size();
    m_buffer.clear();
    while (received < Streamed + 2 && m_socket->waitForReadyRead(5000)) {
        const QByteArray chunk = m_socket->readAll();
        if (received + chunk.size() > Streamed + 2) {
            m_buffer = chunk.mid(Streamed + 2 - received);
        }
        received += chunk.size();
    }
    EXPECT_EQ(qMin<qint64>(received, Streamed + 2), Streamed + 2);
    EXPECT_TRUE(lastLine(readUntil("s1 ")).startsWith("s1 OK"));
    EXPECT_FALSE(closedSeen);

    // A gigabyte the client stops reading after the first megabytes.
    send("s2 XSTREAM " + QByteArray::number(1024LL * 1024 * 1024) + "\r\n");
    qint64 read = 0;
    while (read < qint64 {8} * 1024 * 1024 && m_socket->waitForReadyRead(5000)) {
        read += m_socket->readAll().size();
    }
    m_socket->abort();
    EXPECT_TRUE(waitUntil([&] { return closedSeen.load(); }, 10000)) << "the handler ends once the client is gone";
    ASSERT_TRUE(connectClient());
}

TEST_F(ScriptedServerProtocolTest, StoppingDoesNotWaitForAClientThatReadsNothing)
{
    auto server = std::make_unique<ScriptedImapServer>();
    std::atomic<bool> started {false};
    std::atomic<bool> finished {false};
    server->setHandler("XSTREAM", [&](const ScriptedCommand&, ScriptedReply& reply) {
        started = true;
        reply.sendRepeated('z', 1024LL * 1024 * 1024);
        finished = reply.isClosed();
    });
    QString error;
    ASSERT_TRUE(server->start(&error)) << error.toStdString();
    QTcpSocket client;
    client.connectToHost(server->host(), server->port());
    ASSERT_TRUE(client.waitForConnected(5000));
    client.write("s1 XSTREAM\r\n");
    client.flush();
    ASSERT_TRUE(waitUntil([&] { return started.load(); }, 5000));

    // The client, still connected, reads nothing: a gigabyte cannot fit in
    // the socket buffers, so only stopping ends the handler. The destructor
    // must not wait for the 30 s stall limit.
    server.reset();
    EXPECT_TRUE(finished);
}

} // namespace
