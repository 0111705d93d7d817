#include "MaildirWriter.h"
#include "MailGenerator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

namespace {

QList<GeneratedMessage> smallMessages(int count)
{
    MailGeneratorOptions options;
    options.seed = 11;
    options.attachmentScale = 0.02;
    MailGenerator generator(options);
    QList<GeneratedMessage> messages;
    for (int i = 0; i < count; ++i) {
        messages.append(generator.next());
    }
    return messages;
}

struct stat statOf(const QString& path)
{
    struct stat info
    {
    };
    EXPECT_EQ(::stat(QFile::encodeName(path).constData(), &info), 0) << path.toStdString();
    return info;
}

QStringList filesIn(const QString& directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

::testing::AssertionResult isMaildir(const QString& directory)
{
    for (const char* sub : {"cur", "new", "tmp"}) {
        if (!QFileInfo(directory + QLatin1Char('/') + QLatin1String(sub)).isDir()) {
            return ::testing::AssertionFailure() << directory.toStdString() << " has no " << sub;
        }
    }
    return ::testing::AssertionSuccess();
}

} // namespace

TEST(MaildirWriter, FolderDirectoriesUseModifiedUtf7AndDots)
{
    const QString root = QStringLiteral("/srv/mail/test/Maildir");
    EXPECT_EQ(MaildirWriter::folderDirectory(root, QStringLiteral("INBOX")), root);
    EXPECT_EQ(MaildirWriter::folderDirectory(root, QStringLiteral("inbox")), root);
    EXPECT_EQ(MaildirWriter::folderDirectory(root, QStringLiteral("Sent")), root + QStringLiteral("/.Sent"));
    EXPECT_EQ(MaildirWriter::folderDirectory(root, QStringLiteral("Archive/2023")),
              root + QStringLiteral("/.Archive.2023"));
    EXPECT_EQ(MaildirWriter::folderDirectory(root, QString::fromUtf8("Archive/Grüße & Co")),
              root + QStringLiteral("/.Archive.Gr&APwA3w-e &- Co"));
    EXPECT_EQ(MaildirWriter::folderDirectory(root, QString::fromUtf8("Projekte/Übersicht/2024")),
              root + QStringLiteral("/.Projekte.&ANw-bersicht.2024"));
}

TEST(MaildirWriter, WritesDeliverableFilesNamedAsDovecotExpects)
{
    QTemporaryDir temporary;
    ASSERT_TRUE(temporary.isValid());
    const QString root = temporary.path() + QStringLiteral("/home/test/Maildir");
    MaildirWriter writer(root);

    QList<GeneratedMessage> messages = smallMessages(6);
    const QStringList folders = {
        QStringLiteral("INBOX"),
        QString::fromUtf8("Archive/Grüße & Co"),
        QString::fromUtf8("Projekte/Übersicht/2024"),
        QStringLiteral("INBOX"),
        QStringLiteral("Archive"),
        QString::fromUtf8("Archive/Grüße & Co"),
    };
    // Every flag combination that matters for the order of the letters.
    const bool flags[][3] = {// flagged, answered, seen
                             {true, false, true},
                             {true, true, true},
                             {false, false, false},
                             {false, true, true},
                             {true, true, false},
                             {false, false, true}};
    const QStringList expectedFlags = {
        QStringLiteral("FS"),
        QStringLiteral("FRS"),
        QString(),
        QStringLiteral("RS"),
        QStringLiteral("FR"),
        QStringLiteral("S"),
    };
    for (qsizetype i = 0; i < messages.size(); ++i) {
        messages[i].folder = folders.at(i);
        messages[i].flagged = flags[i][0];
        messages[i].answered = flags[i][1];
        messages[i].seen = flags[i][2];
        QString error;
        ASSERT_TRUE(writer.write(messages.at(i), &error)) << error.toStdString();
        EXPECT_TRUE(error.isEmpty());
    }
    EXPECT_EQ(writer.written(), 6);

    EXPECT_TRUE(isMaildir(root));
    EXPECT_FALSE(QFileInfo::exists(root + QStringLiteral("/maildirfolder")));
    for (const QString& name : {QStringLiteral(".Archive.Gr&APwA3w-e &- Co"),
                                QStringLiteral(".Projekte.&ANw-bersicht.2024"),
                                QStringLiteral(".Archive")}) {
        const QString directory = root + QLatin1Char('/') + name;
        EXPECT_TRUE(isMaildir(directory));
        const QFileInfo marker(directory + QStringLiteral("/maildirfolder"));
        EXPECT_TRUE(marker.isFile()) << name.toStdString();
        EXPECT_EQ(marker.size(), 0);
        EXPECT_TRUE(filesIn(directory + QStringLiteral("/tmp")).isEmpty());
        EXPECT_TRUE(filesIn(directory + QStringLiteral("/new")).isEmpty());
    }
    EXPECT_EQ(QDir(root).entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot).size(), 6); // cur new tmp + 3

    static const QRegularExpression pattern(
        QStringLiteral("^(\\d+)\\.M(\\d+)P(\\d+)\\.openarchiver,S=(\\d+),W=(\\d+):2,([A-Z]*)$"));
    // Times first: reading a file moves its atime on.
    QHash<QString, struct stat> times;
    for (const GeneratedMessage& message : std::as_const(messages)) {
        const QString cur = MaildirWriter::folderDirectory(root, message.folder) + QStringLiteral("/cur");
        for (const QString& name : filesIn(cur)) {
            times.insert(name, statOf(cur + QLatin1Char('/') + name));
        }
    }
    QSet<QString> uniqueNames;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const GeneratedMessage& message = messages.at(i);
        const QString cur = MaildirWriter::folderDirectory(root, message.folder) + QStringLiteral("/cur");
        // Find this message's file by its content among the folder's files.
        QString found;
        for (const QString& name : filesIn(cur)) {
            QFile file(cur + QLatin1Char('/') + name);
            EXPECT_TRUE(file.open(QIODevice::ReadOnly));
            if (file.readAll() == message.raw) {
                found = name;
            }
        }
        ASSERT_FALSE(found.isEmpty()) << "message " << i << " not in " << cur.toStdString();
        uniqueNames.insert(found);
        const QRegularExpressionMatch match = pattern.match(found);
        ASSERT_TRUE(match.hasMatch()) << found.toStdString();
        EXPECT_EQ(match.captured(1).toLongLong(), message.internalDate.toSecsSinceEpoch());
        EXPECT_EQ(match.captured(3).toLongLong(), static_cast<qint64>(::getpid()));
        const QFileInfo info(cur + QLatin1Char('/') + found);
        EXPECT_EQ(match.captured(4).toLongLong(), info.size());
        EXPECT_EQ(match.captured(5).toLongLong(), info.size());
        EXPECT_EQ(info.size(), message.raw.size());
        EXPECT_EQ(match.captured(6), expectedFlags.at(i));
        EXPECT_EQ(static_cast<qint64>(times.value(found).st_mtime), message.internalDate.toSecsSinceEpoch());
        EXPECT_EQ(static_cast<qint64>(times.value(found).st_atime), message.internalDate.toSecsSinceEpoch());
    }
    EXPECT_EQ(uniqueNames.size(), 6);
    EXPECT_TRUE(filesIn(root + QStringLiteral("/tmp")).isEmpty());
}

TEST(MaildirWriter, SameSecondStillGivesDistinctFiles)
{
    QTemporaryDir temporary;
    ASSERT_TRUE(temporary.isValid());
    MaildirWriter writer(temporary.path());
    GeneratedMessage message = smallMessages(1).first();
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(writer.write(message));
    }
    EXPECT_EQ(filesIn(temporary.path() + QStringLiteral("/cur")).size(), 3);
}

TEST(MaildirWriter, HandsEverythingToTheOwner)
{
    if (::geteuid() != 0) {
        GTEST_SKIP() << "chown to another user needs root";
    }
    QTemporaryDir temporary;
    ASSERT_TRUE(temporary.isValid());
    const uid_t uid = 4242;
    const gid_t gid = 4343;
    const QString root = temporary.path() + QStringLiteral("/test/Maildir");
    MaildirWriter writer(root, std::make_pair(uid, gid));
    GeneratedMessage message = smallMessages(1).first();
    message.folder = QString::fromUtf8("Archive/Grüße & Co");
    QString error;
    ASSERT_TRUE(writer.write(message, &error)) << error.toStdString();

    const QString folder = MaildirWriter::folderDirectory(root, message.folder);
    QStringList paths = {
        temporary.path() + QStringLiteral("/test"), root, folder, folder + QStringLiteral("/maildirfolder")};
    for (const char* sub : {"cur", "new", "tmp"}) {
        paths.append(root + QLatin1Char('/') + QLatin1String(sub));
        paths.append(folder + QLatin1Char('/') + QLatin1String(sub));
    }
    const QStringList files = filesIn(folder + QStringLiteral("/cur"));
    ASSERT_EQ(files.size(), 1);
    paths.append(folder + QStringLiteral("/cur/") + files.first());
    for (const QString& path : std::as_const(paths)) {
        const struct stat info = statOf(path);
        EXPECT_EQ(info.st_uid, uid) << path.toStdString();
        EXPECT_EQ(info.st_gid, gid) << path.toStdString();
    }
    // The temporary directory itself existed before and stays root's.
    EXPECT_EQ(statOf(temporary.path()).st_uid, 0U);
}

TEST(MaildirWriter, ReportsWhyItCannotWrite)
{
    QTemporaryDir temporary;
    ASSERT_TRUE(temporary.isValid());
    // A file where the Maildir root should be.
    const QString blocked = temporary.path() + QStringLiteral("/Maildir");
    QFile file(blocked);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    MaildirWriter writer(blocked);
    QString error;
    EXPECT_FALSE(writer.write(smallMessages(1).first(), &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_EQ(writer.written(), 0);
}
