#include "TemporaryArchive.h"

#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "export/MboxFormat.h"
#include "export/MessageExporter.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

QByteArray sha256(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

GeneratedMessage handWritten(const QByteArray& raw, const QDateTime& date)
{
    GeneratedMessage message;
    message.raw = raw;
    message.internalDate = date;
    return message;
}

// Every file under `root` (relative path → bytes).
QMap<QString, QByteArray> filesUnder(const QString& root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly)) {
            files.insert(QDir(root).relativeFilePath(file.fileName()), file.readAll());
        }
    }
    return files;
}

class MessageExporterTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString();
        m_inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
        m_nested = m_archive.folder(QStringLiteral("../Evil/Name"), QStringLiteral("Archive/../2023"));
        m_messages = MailGenerator::smallMessages(30, 11);
        // Mail that holds "From " lines, quoted ones, and two messages with
        // the same date and subject (their names must not collide), one of
        // them with a subject that tries to leave the folder.
        const QDateTime when(QDate(2021, 4, 1), QTime(9, 30), Qt::UTC);
        m_messages << handWritten(
            "From: Anna <anna@example.org>\r\nSubject: ../../etc/passwd\r\nDate: Thu, 01 Apr "
            "2021 09:30:00 +0000\r\n\r\nFrom the top.\r\n>From quoted\r\n>>From twice\r\nFrom \r\n",
            when)
                   << handWritten("From: Anna <anna@example.org>\r\nSubject: ../../etc/passwd\r\nDate: Thu, 01 Apr "
                                  "2021 09:30:00 +0000\r\n\r\nA second one.\r\n",
                                  when);
        ASSERT_TRUE(m_archive.store(m_inbox, m_messages.mid(0, 20))) << m_archive.error().toStdString();
        ASSERT_TRUE(m_archive.store(m_nested, m_messages.mid(20))) << m_archive.error().toStdString();
        for (const GeneratedMessage& message : std::as_const(m_messages)) {
            m_hashes.insert(sha256(message.raw));
        }
        ASSERT_TRUE(m_out.isValid());
    }

    ExportRequest request(ExportRequest::Format format, const QString& target) const
    {
        ExportRequest request;
        request.format = format;
        request.target = target;
        return request;
    }

    TemporaryArchive m_archive;
    QTemporaryDir m_out;
    qint64 m_inbox = 0;
    qint64 m_nested = 0;
    QList<GeneratedMessage> m_messages;
    QSet<QByteArray> m_hashes;
};

} // namespace

TEST_F(MessageExporterTest, EmlFilesHoldTheArchivedBytesUnderSafeUniqueNames)
{
    const QString target = m_out.filePath(QStringLiteral("eml"));
    const ExportResult result = MessageExporter(m_archive.path(), request(ExportRequest::Format::Eml, target)).run();
    ASSERT_TRUE(result.succeeded()) << result.summary().toStdString();
    EXPECT_EQ(result.total, m_messages.size());
    EXPECT_EQ(result.exported, m_messages.size());

    const QMap<QString, QByteArray> files = filesUnder(target);
    ASSERT_EQ(files.size(), m_messages.size());
    QSet<QByteArray> hashes;
    for (auto it = files.begin(); it != files.end(); ++it) {
        hashes.insert(sha256(it.value()));
        EXPECT_TRUE(it.key().endsWith(QStringLiteral(".eml"))) << it.key().toStdString();
        // Nothing from mail left the target or hid itself.
        for (const QString& level : it.key().split(QLatin1Char('/'))) {
            EXPECT_FALSE(level.startsWith(QLatin1Char('.'))) << it.key().toStdString();
        }
        EXPECT_TRUE(QFileInfo(QDir(target).filePath(it.key()))
                        .canonicalFilePath()
                        .startsWith(QDir(target).canonicalPath() + QLatin1Char('/')));
        const QFileDevice::Permissions others =
            QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
        EXPECT_FALSE(QFileInfo(QDir(target).filePath(it.key())).permissions() & others) << it.key().toStdString();
    }
    EXPECT_EQ(hashes, m_hashes);
    // A folder per source and folder level, the names made safe.
    EXPECT_EQ(files.keys().filter(QStringLiteral("Work/INBOX/")).size(), 20);
    EXPECT_EQ(files.keys().filter(QRegularExpression(QStringLiteral("^_Evil_Name/Archive/__/2023/"))).size(), 12)
        << files.keys().join(QLatin1Char('\n')).toStdString();
    // Same date and subject: the second is numbered.
    const QStringList twins = files.keys().filter(QStringLiteral("etc_passwd"));
    ASSERT_EQ(twins.size(), 2) << files.keys().join(QLatin1Char('\n')).toStdString();
    EXPECT_NE(twins.at(0), twins.at(1));
    EXPECT_TRUE(twins.join(QLatin1Char(' ')).contains(QStringLiteral(" (2).eml")));

    // --flat: every file in the target itself.
    ExportRequest flat = request(ExportRequest::Format::Eml, m_out.filePath(QStringLiteral("flat")));
    flat.keepFolders = false;
    ASSERT_TRUE(MessageExporter(m_archive.path(), flat).run().succeeded());
    EXPECT_EQ(QDir(flat.target).entryList(QDir::Files).size(), m_messages.size());
}

TEST_F(MessageExporterTest, MboxIsMboxrdThatPythonsMailboxReadsBackByteForByte)
{
    const QString target = m_out.filePath(QStringLiteral("all.mbox"));
    const ExportResult result = MessageExporter(m_archive.path(), request(ExportRequest::Format::Mbox, target)).run();
    ASSERT_TRUE(result.succeeded()) << result.summary().toStdString();
    EXPECT_EQ(result.exported, m_messages.size());

    // Python's mailbox splits it at the separator lines; the mboxrd quoting
    // is undone by its rule. Each message's SHA-256 must be an archived one.
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import hashlib, mailbox, re, sys\n"
                                 "box = mailbox.mbox(sys.argv[1], create=False)\n"
                                 "for key in box.keys():\n"
                                 "    raw = box.get_bytes(key)\n"
                                 "    raw = re.sub(rb'(?m)^>(>*From )', rb'\\1', raw)\n"
                                 "    print(hashlib.sha256(raw).hexdigest())\n"),
                  target});
    ASSERT_TRUE(python.waitForFinished(60000));
    ASSERT_EQ(python.exitCode(), 0) << python.readAllStandardError().toStdString();
    QSet<QByteArray> hashes;
    const QList<QByteArray> lines = python.readAllStandardOutput().trimmed().split('\n');
    for (const QByteArray& line : lines) {
        hashes.insert(QByteArray::fromHex(line));
    }
    EXPECT_EQ(lines.size(), m_messages.size());
    EXPECT_EQ(hashes, m_hashes);

    // Oldest first, and the message with "From " lines quoted once more.
    QFile file(target);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray mbox = file.readAll();
    EXPECT_TRUE(mbox.startsWith("From "));
    EXPECT_TRUE(mbox.contains("\r\n\r\n>From the top.\r\n>>From quoted\r\n>>>From twice\r\n>From \r\n\nFrom "));
    EXPECT_FALSE(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup));
}

TEST_F(MessageExporterTest, ASearchOrAListOfIdsExportsExactlyThoseMessages)
{
    ExportRequest bySearch = request(ExportRequest::Format::Mbox, m_out.filePath(QStringLiteral("found.mbox")));
    bySearch.list.search = SearchQuery::parse(QStringLiteral("\"from the top\" OR \"a second one\""));
    ExportResult result = MessageExporter(m_archive.path(), bySearch).run();
    ASSERT_TRUE(result.succeeded()) << result.summary().toStdString();
    EXPECT_EQ(result.total, 2);
    EXPECT_EQ(result.exported, 2);

    ExportRequest byFolder = request(ExportRequest::Format::Eml, m_out.filePath(QStringLiteral("folder")));
    byFolder.list.scope = MessageListQuery::Scope::Folder;
    byFolder.list.id = m_inbox;
    EXPECT_EQ(MessageExporter(m_archive.path(), byFolder).run().exported, 20);

    ExportRequest byName = request(ExportRequest::Format::Eml, m_out.filePath(QStringLiteral("named")));
    byName.list.within.sourceName = QStringLiteral("../Evil/Name");
    EXPECT_EQ(MessageExporter(m_archive.path(), byName).run().exported, 12);

    const QList<MessageSummary> newest = m_archive.archive().reader().allPage({}, 3).messages;
    ASSERT_EQ(newest.size(), 3);
    ExportRequest byIds = request(ExportRequest::Format::Eml, m_out.filePath(QStringLiteral("ids")));
    byIds.messageIds = {newest.at(0).id, newest.at(2).id, 987654321};
    result = MessageExporter(m_archive.path(), byIds).run();
    EXPECT_EQ(result.total, 3);
    EXPECT_EQ(result.exported, 2);
    EXPECT_EQ(result.unreadable, 1); // no such message any more
}

TEST_F(MessageExporterTest, ACancelledOrRefusedExportLeavesNoHalfWrittenFile)
{
    const QString mbox = m_out.filePath(QStringLiteral("cancelled.mbox"));
    ExportResult result = MessageExporter(m_archive.path(), request(ExportRequest::Format::Mbox, mbox))
                              .run([](qint64 done, qint64, qint64) { return done < 5; });
    EXPECT_TRUE(result.cancelled);
    EXPECT_FALSE(result.summary().isEmpty());
    EXPECT_TRUE(QDir(m_out.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty())
        << QDir(m_out.path()).entryList(QDir::Files | QDir::Hidden).join(QLatin1Char(' ')).toStdString();

    // An existing mbox is kept unless replacing was asked for; a cancelled
    // replacement keeps the old file as it was.
    QFile existing(mbox);
    ASSERT_TRUE(existing.open(QIODevice::WriteOnly));
    existing.write("precious");
    existing.close();
    MessageExporter refused(m_archive.path(), request(ExportRequest::Format::Mbox, mbox));
    EXPECT_FALSE(refused.checkTarget().isEmpty());
    EXPECT_FALSE(refused.run().succeeded());
    ExportRequest replace = request(ExportRequest::Format::Mbox, mbox);
    replace.replace = true;
    EXPECT_TRUE(
        MessageExporter(m_archive.path(), replace).run([](qint64 done, qint64, qint64) { return done < 3; }).cancelled);
    ASSERT_TRUE(existing.open(QIODevice::ReadOnly));
    EXPECT_EQ(existing.readAll(), QByteArray("precious"));
    existing.close();

    // eml: the files written before the cancel are whole; no temporary file.
    const QString eml = m_out.filePath(QStringLiteral("eml"));
    result = MessageExporter(m_archive.path(), request(ExportRequest::Format::Eml, eml))
                 .run([](qint64 done, qint64, qint64) { return done < 4; });
    EXPECT_TRUE(result.cancelled);
    const QMap<QString, QByteArray> files = filesUnder(eml);
    EXPECT_EQ(files.size(), 4);
    for (const QByteArray& bytes : files) {
        EXPECT_TRUE(m_hashes.contains(sha256(bytes)));
    }

    // Never onto the archive, never a file where a folder is wanted.
    EXPECT_FALSE(MessageExporter(m_archive.path(), request(ExportRequest::Format::Mbox, m_archive.path()))
                     .checkTarget()
                     .isEmpty());
    EXPECT_FALSE(MessageExporter(m_archive.path(), request(ExportRequest::Format::Eml, mbox)).checkTarget().isEmpty());
    EXPECT_FALSE(MessageExporter(m_archive.path(),
                                 request(ExportRequest::Format::Mbox, m_out.filePath(QStringLiteral("no/such.mbox"))))
                     .checkTarget()
                     .isEmpty());
}
