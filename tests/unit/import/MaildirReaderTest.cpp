// A Maildir folder's mail and its flags, as Dovecot, mbsync, offlineimap and
// Thunderbird's maildir store write them.
#include "import/MaildirReader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

void write(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
    file.write(bytes);
}

} // namespace

TEST(MaildirReader, FlagsComeFromTheFileNamesInfo)
{
    using List = QStringList;
    EXPECT_EQ(MaildirReader::flagsOf(QStringLiteral("1700000000.M1P2.host:2,FRS")),
              (List {QStringLiteral("\\Flagged"), QStringLiteral("\\Answered"), QStringLiteral("\\Seen")}));
    EXPECT_EQ(MaildirReader::flagsOf(QStringLiteral("1700000000.M1P2.host:2,DPT")),
              (List {QStringLiteral("\\Draft"), QStringLiteral("$Forwarded"), QStringLiteral("\\Deleted")}));
    // Where ':' cannot be in a file name.
    EXPECT_EQ(MaildirReader::flagsOf(QStringLiteral("1700000000.M1P2.host;2,S")), List {QStringLiteral("\\Seen")});
    EXPECT_EQ(MaildirReader::flagsOf(QStringLiteral("1700000000.M1P2.host!2,S")), List {QStringLiteral("\\Seen")});
    // New mail has no info; a name with ",S=1234" (the size) is not info.
    EXPECT_TRUE(MaildirReader::flagsOf(QStringLiteral("1700000000.M1P2.host,S=1234")).isEmpty());
    EXPECT_EQ(MaildirReader::flagsOf(QStringLiteral("1700000000.M1P2.host,S=1234,W=1260:2,Sb"),
                                     {QStringLiteral("$Important"), QStringLiteral("Work")}),
              (List {QStringLiteral("\\Seen"), QStringLiteral("Work")}));
    // A keyword letter without a name in dovecot-keywords is no flag.
    EXPECT_EQ(MaildirReader::flagsOf(QStringLiteral("x:2,Sz"), {QStringLiteral("$Important")}),
              List {QStringLiteral("\\Seen")});
}

TEST(MaildirReader, ListsCurAndNewInNameOrderWithKeywordsAndLeavesTmpAlone)
{
    QTemporaryDir directory;
    const QDir root(directory.path());
    for (const char* sub : {"cur", "new", "tmp"}) {
        ASSERT_TRUE(root.mkdir(QString::fromLatin1(sub)));
    }
    write(root.filePath(QStringLiteral("cur/1700000002.M2P1.host:2,Sa")), "Subject: two\r\n\r\n2\r\n");
    write(root.filePath(QStringLiteral("new/1700000003.M3P1.host")), "Subject: three\r\n\r\n3\r\n");
    write(root.filePath(QStringLiteral("cur/1700000001.M1P1.host:2,")), "Subject: one\r\n\r\n1\r\n");
    write(root.filePath(QStringLiteral("tmp/1700000004.M4P1.host")), "being delivered");
    write(root.filePath(QStringLiteral("cur/.dovecot.lock")), "");
    write(root.filePath(QStringLiteral("dovecot-keywords")), "0 $Important\n1 bad keyword\n");
    ASSERT_TRUE(MaildirReader::isMaildir(directory.path()));

    QList<MaildirReader::Entry> entries;
    QString error;
    ASSERT_TRUE(MaildirReader::list(directory.path(), &entries, &error)) << error.toStdString();
    ASSERT_EQ(entries.size(), 3);
    EXPECT_EQ(entries.at(0).fileName, QStringLiteral("1700000001.M1P1.host:2,"));
    EXPECT_TRUE(entries.at(0).flags.isEmpty());
    EXPECT_EQ(entries.at(1).flags, (QStringList {QStringLiteral("\\Seen"), QStringLiteral("$Important")}));
    EXPECT_EQ(entries.at(2).fileName, QStringLiteral("1700000003.M3P1.host"));
    EXPECT_EQ(entries.at(2).size, 21);
    EXPECT_TRUE(entries.at(2).modified.isValid());
}

TEST(MaildirReader, AFolderThatIsNoMaildirSaysSo)
{
    QTemporaryDir directory;
    EXPECT_FALSE(MaildirReader::isMaildir(directory.path()));
    QList<MaildirReader::Entry> entries;
    QString error;
    EXPECT_FALSE(MaildirReader::list(directory.path(), &entries, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("is not a Maildir folder"))) << error.toStdString();
}
