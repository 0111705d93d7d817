// mbox files as Thunderbird, Google Takeout, Apple Mail and our own export
// write them come back message by message, byte for byte; what cannot be a
// message is reported with its offset and the rest is still read.
#include "import/MboxReader.h"
#include "export/MboxFormat.h"

#include <QBuffer>
#include <QTemporaryFile>

#include <gtest/gtest.h>

namespace {

struct Read
{
    QList<MboxReader::Message> messages;
    QList<MboxReader::Problem> problems;
    QString error;
};

Read readAll(const QByteArray& mbox,
             MboxReader::Quoting quoting = MboxReader::Quoting::Mboxrd,
             qint64 maxMessageBytes = MboxReader::DefaultMaxMessageBytes)
{
    QBuffer buffer;
    buffer.setData(mbox);
    buffer.open(QIODevice::ReadOnly);
    MboxReader reader(&buffer, quoting, maxMessageBytes);
    Read read;
    MboxReader::Message message;
    while (reader.next(&message)) {
        read.messages << message;
        read.problems << reader.takeProblems();
    }
    read.problems << reader.takeProblems();
    read.error = reader.error();
    return read;
}

QByteArray separator(int day)
{
    return MboxFormat::separatorLine(QStringLiteral("anna@example.org"),
                                     QDateTime(QDate(2019, 3, day), QTime(14, 23, 1), Qt::UTC));
}

} // namespace

// What our export writes (mboxrd) reads back exactly: "From " lines in a
// body, already-quoted ">From " and ">>From " lines, CRLF line ends, a
// "From " line after an empty line that is part of the text.
TEST(MboxReader, OurMboxrdExportReadsBackByteForByte)
{
    const QList<QByteArray> originals {
        "Subject: one\r\n\r\nFrom the start of a line.\r\n>From quoted already\r\n>>From twice\r\n",
        "Subject: two\n\nA paragraph.\n\nFrom Monday 10:00 on, 2019 is over.\n\n",
        "Subject: three\r\nX-Bytes: \x01\xff\xfe 8-bit\r\n\r\nbody with a NUL " + QByteArray(1, '\0') + " inside\r\n",
        // Mail on the wire ends its lines in CRLF; this one has no line
        // break at its end, which an mbox cannot hold: the writer adds a
        // LF, and the reader takes it off again.
        "Subject: four\r\n\r\nno break at the end",
    };
    QByteArray mbox;
    int day = 1;
    for (const QByteArray& original : originals) {
        mbox += separator(day++);
        MboxFormat::appendMessage(original, &mbox);
    }
    const Read read = readAll(mbox);
    EXPECT_TRUE(read.error.isEmpty()) << read.error.toStdString();
    EXPECT_TRUE(read.problems.isEmpty());
    ASSERT_EQ(read.messages.size(), originals.size());
    qint64 offset = 0;
    for (int i = 0; i < originals.size(); ++i) {
        EXPECT_EQ(read.messages.at(i).bytes, originals.at(i)) << i;
        EXPECT_EQ(read.messages.at(i).offset, offset) << i;
        EXPECT_EQ(read.messages.at(i).fromLine + '\n', separator(i + 1));
        offset = mbox.indexOf(separator(i + 2));
    }
}

// Thunderbird writes "From - <date>" separators and quotes only "From ";
// its ">>From " lines were written so by the sender and stay as they are.
TEST(MboxReader, ThunderbirdsMboxoUnquotesOnlyFrom)
{
    const QByteArray mbox = "From - Sat Jan  1 10:00:00 2022\n"
                            "X-Mozilla-Status: 0001\n"
                            "Subject: a\n"
                            "\n"
                            ">From the desk of Anna\n"
                            ">>From a quote\n"
                            "\n"
                            "From - Sun Jan  2 11:30:00 2022\n"
                            "Subject: b\n"
                            "\n"
                            "Second.\n";
    const Read read = readAll(mbox, MboxReader::Quoting::Mboxo);
    ASSERT_EQ(read.messages.size(), 2);
    EXPECT_EQ(read.messages.at(0).bytes,
              QByteArray("X-Mozilla-Status: 0001\nSubject: a\n\nFrom the desk of Anna\n>>From a quote\n"));
    EXPECT_EQ(read.messages.at(1).bytes, QByteArray("Subject: b\n\nSecond.\n"));
    EXPECT_EQ(read.messages.at(1).offset, mbox.indexOf("From - Sun"));
    // The same file as mboxrd takes one '>' off each.
    EXPECT_TRUE(readAll(mbox).messages.at(0).bytes.contains("\n>From a quote\n"));
}

// A body line "From …" after an empty line that carries no time and year is
// text, not the start of the next message.
TEST(MboxReader, AFromLineWithoutATimeAndAYearStaysInTheBody)
{
    const QByteArray mbox = "From anna@example.org Tue Mar  5 14:23:01 2019\n"
                            "Subject: a\n\n"
                            "Dear all,\n\n"
                            "From what I hear, it works.\n";
    const Read read = readAll(mbox);
    ASSERT_EQ(read.messages.size(), 1);
    EXPECT_TRUE(read.messages.first().bytes.endsWith("\n\nFrom what I hear, it works.\n"));
}

// mboxcl2 (Apple Mail, mutt) quotes nothing: the Content-Length says where
// the message ends, even when its body holds a separator-like line.
TEST(MboxReader, ContentLengthCarriesAnUnquotedFromLineInTheBody)
{
    const QByteArray body = "Look:\n\nFrom bob@example.org Mon Jan  1 09:00:00 2024\nwas the line.\n";
    const QByteArray mbox = "From anna@example.org Tue Mar  5 14:23:01 2019\n"
                            "Subject: a\nContent-Length: "
        + QByteArray::number(body.size()) + "\n\n" + body
        + "\nFrom anna@example.org Wed Mar  6 14:23:01 2019\n"
          "Subject: b\nContent-Length: 5\n\nhello\n";
    const Read read = readAll(mbox);
    EXPECT_TRUE(read.problems.isEmpty());
    ASSERT_EQ(read.messages.size(), 2);
    EXPECT_EQ(read.messages.at(0).bytes,
              "Subject: a\nContent-Length: " + QByteArray::number(body.size()) + "\n\n" + body);
    EXPECT_EQ(read.messages.at(1).bytes, QByteArray("Subject: b\nContent-Length: 5\n\nhello"));
}

// A Content-Length that does not end at a separator is not trusted: the
// message is read by its lines.
TEST(MboxReader, AWrongContentLengthIsIgnored)
{
    const QByteArray mbox = "From anna@example.org Tue Mar  5 14:23:01 2019\n"
                            "Subject: a\nContent-Length: 3\n\nedited body, longer now\n\n"
                            "From anna@example.org Wed Mar  6 14:23:01 2019\n"
                            "Subject: b\n\nb\n";
    const Read read = readAll(mbox);
    ASSERT_EQ(read.messages.size(), 2);
    EXPECT_EQ(read.messages.at(0).bytes, QByteArray("Subject: a\nContent-Length: 3\n\nedited body, longer now\n"));
}

TEST(MboxReader, AFileThatIsNotMailSaysSoAndAnEmptyFileHasNoMessages)
{
    const Read notMail = readAll("Subject: hello\n\nThis is an .eml file, not an mbox.\n");
    EXPECT_TRUE(notMail.messages.isEmpty());
    EXPECT_TRUE(notMail.error.contains(QStringLiteral("not an mbox file"))) << notMail.error.toStdString();
    const Read empty = readAll(QByteArray());
    EXPECT_TRUE(empty.messages.isEmpty());
    EXPECT_TRUE(empty.error.isEmpty());
}

// Each problem names where it is; the messages around it still come.
TEST(MboxReader, AnEmptyMessageAndOneAboveTheCapAreSkippedWithTheirOffsets)
{
    QByteArray mbox = separator(1) + "\n" + separator(2);
    const qint64 big = mbox.size() - separator(2).size();
    mbox += "Subject: big\n\n" + QByteArray(5000, 'x') + "\n\n";
    const qint64 small = mbox.size();
    mbox += separator(3) + "Subject: small\n\nok\n";
    const Read read = readAll(mbox, MboxReader::Quoting::Mboxrd, 1024);
    ASSERT_EQ(read.messages.size(), 1);
    EXPECT_EQ(read.messages.first().bytes, QByteArray("Subject: small\n\nok\n"));
    EXPECT_EQ(read.messages.first().offset, small);
    ASSERT_EQ(read.problems.size(), 2);
    EXPECT_EQ(read.problems.at(0).offset, 0);
    EXPECT_TRUE(read.problems.at(0).reason.contains(QStringLiteral("empty message")));
    EXPECT_EQ(read.problems.at(1).offset, big);
    EXPECT_TRUE(read.problems.at(1).reason.contains(QStringLiteral("larger than")));
}

// A file cut short keeps what it has, and says it may be cut.
TEST(MboxReader, ATruncatedFileKeepsItsLastMessageAndSaysSo)
{
    const QByteArray whole = separator(1) + "Subject: a\n\nfirst\n\n" + separator(2) + "Subject: b\n\nsecond, cut her";
    const Read read = readAll(whole);
    ASSERT_EQ(read.messages.size(), 2);
    EXPECT_EQ(read.messages.at(1).bytes, QByteArray("Subject: b\n\nsecond, cut her"));
    ASSERT_EQ(read.problems.size(), 1);
    EXPECT_EQ(read.problems.first().offset, whole.indexOf(separator(2)));
    EXPECT_TRUE(read.problems.first().reason.contains(QStringLiteral("cut short")));

    const QByteArray claimed = separator(1) + "Subject: a\nContent-Length: 900\n\nonly this\n";
    const Read cut = readAll(claimed);
    ASSERT_EQ(cut.messages.size(), 1);
    EXPECT_EQ(cut.messages.first().bytes, QByteArray("Subject: a\nContent-Length: 900\n\nonly this\n"));
    ASSERT_EQ(cut.problems.size(), 1);
    EXPECT_TRUE(cut.problems.first().reason.contains(QStringLiteral("Content-Length (900 bytes)")));
}

// A file is read a piece at a time: a message of 20 MB on one line
// beyond the cap is skipped without holding it.
TEST(MboxReader, AHugeLineIsReadInPiecesFromAFile)
{
    QTemporaryFile file;
    ASSERT_TRUE(file.open());
    file.write(separator(1) + "Subject: huge\n\n");
    const QByteArray chunk(1024 * 1024, 'y');
    for (int i = 0; i < 20; ++i) {
        file.write(chunk);
    }
    file.write("\n\n" + separator(2) + "Subject: next\n\nfine\n");
    file.flush();
    file.seek(0);
    MboxReader reader(&file, MboxReader::Quoting::Mboxrd, 4 * 1024 * 1024);
    MboxReader::Message message;
    ASSERT_TRUE(reader.next(&message));
    EXPECT_EQ(message.bytes, QByteArray("Subject: next\n\nfine\n"));
    const QList<MboxReader::Problem> problems = reader.takeProblems();
    ASSERT_EQ(problems.size(), 1);
    EXPECT_EQ(problems.first().offset, 0);
    EXPECT_FALSE(reader.next(&message));
    EXPECT_EQ(reader.position(), file.size());
}

// What the mail program that wrote the file knew of each message.
TEST(MboxReader, FlagsComeFromStatusXStatusAndThunderbirdsBits)
{
    using List = QStringList;
    EXPECT_EQ(MboxReader::flagsOf("Status: RO\nX-Status: AF\nSubject: a\n\nStatus: D in the body\n"),
              (List {QStringLiteral("\\Seen"), QStringLiteral("\\Answered"), QStringLiteral("\\Flagged")}));
    EXPECT_EQ(MboxReader::flagsOf("X-Mozilla-Status: 1005\r\nX-Mozilla-Status2: 00000000\r\n\r\nbody\r\n"),
              (List {QStringLiteral("\\Seen"), QStringLiteral("\\Flagged"), QStringLiteral("$Forwarded")}));
    EXPECT_EQ(MboxReader::flagsOf("X-Mozilla-Status: 0008\n\n"), List {QStringLiteral("\\Deleted")});
    EXPECT_EQ(MboxReader::flagsOf("Status: O\nSubject: unread\n\n"), List {});
    EXPECT_EQ(MboxReader::flagsOf("X-Mozilla-Status: zzzz\n\n"), List {});
}
