#include "mime/SafeFileName.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

QString safe(const QString& name, const QString& mimeType = {})
{
    return SafeFileName::fromAttachmentName(name, mimeType);
}

void touch(const QString& path)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
}

} // namespace

TEST(SafeFileName, OnlyTheLastPathComponentIsKept)
{
    EXPECT_EQ(safe(QStringLiteral("../../.bashrc")), QStringLiteral("bashrc"));
    EXPECT_EQ(safe(QStringLiteral("..\\..\\Windows\\system32\\evil.dll")), QStringLiteral("evil.dll"));
    EXPECT_EQ(safe(QStringLiteral("/etc/passwd")), QStringLiteral("passwd"));
    EXPECT_EQ(safe(QStringLiteral("C:\\Users\\x\\report.pdf")), QStringLiteral("report.pdf"));
    EXPECT_EQ(safe(QStringLiteral("report.pdf")), QStringLiteral("report.pdf"));
}

TEST(SafeFileName, WindowsDeviceNamesAreRenamed)
{
    EXPECT_EQ(safe(QStringLiteral("CON")), QStringLiteral("CON_"));
    EXPECT_EQ(safe(QStringLiteral("con.txt")), QStringLiteral("con_.txt"));
    EXPECT_EQ(safe(QStringLiteral("LPT1")), QStringLiteral("LPT1_"));
    EXPECT_EQ(safe(QStringLiteral("nul.tar.gz")), QStringLiteral("nul_.tar.gz"));
    EXPECT_EQ(safe(QStringLiteral("Com9.doc")), QStringLiteral("Com9_.doc"));
    EXPECT_EQ(safe(QStringLiteral("aux ")), QStringLiteral("aux_"));
    EXPECT_EQ(safe(QStringLiteral("console.txt")), QStringLiteral("console.txt"));
    EXPECT_EQ(safe(QStringLiteral("COM10")), QStringLiteral("COM10"));
}

TEST(SafeFileName, InvalidAndInvisibleCharactersGo)
{
    EXPECT_EQ(safe(QStringLiteral("a\0b.txt")), QStringLiteral("ab.txt"));
    EXPECT_EQ(safe(QString::fromUtf8("inv\x01oi\x7f"
                                     "ce\xc2\x85.pdf")),
              QStringLiteral("invoice.pdf"));
    const QString spoofed = safe(QStringLiteral("invoice\u202Efdp.exe"));
    EXPECT_FALSE(spoofed.contains(QChar(0x202E)));
    EXPECT_EQ(spoofed, QStringLiteral("invoicefdp.exe"));
    EXPECT_EQ(safe(QStringLiteral("a\u2066b\u2069c\u200Fd.txt")), QStringLiteral("abcd.txt"));
    EXPECT_EQ(safe(QStringLiteral("what<>:\"|?*.txt")), QStringLiteral("what_______.txt"));
    EXPECT_EQ(safe(QStringLiteral("  . name .txt. . ")), QStringLiteral("name .txt"));
    EXPECT_EQ(safe(QStringLiteral("Grüße 日本.pdf")), QStringLiteral("Grüße 日本.pdf"));
}

TEST(SafeFileName, EmptyNamesBecomeAttachment)
{
    EXPECT_EQ(safe(QString()), QStringLiteral("attachment"));
    EXPECT_EQ(safe(QStringLiteral("...")), QStringLiteral("attachment"));
    EXPECT_EQ(safe(QStringLiteral("   ")), QStringLiteral("attachment"));
    EXPECT_EQ(safe(QStringLiteral("../")), QStringLiteral("attachment"));
    EXPECT_EQ(safe(QStringLiteral("\u202E"), QStringLiteral("application/pdf")), QStringLiteral("attachment.pdf"));
    EXPECT_EQ(safe(QString(), QStringLiteral("application/x-no-such-type")), QStringLiteral("attachment"));
}

TEST(SafeFileName, LongNamesAreCutOnCharacterBoundariesKeepingTheExtension)
{
    // 5,000 bytes of three- and four-byte characters: a cut in the middle of
    // a character would show up as invalid UTF-8 or a lone surrogate.
    QString name;
    while (name.toUtf8().size() < 5000) {
        name += QStringLiteral("日😀");
    }
    name += QStringLiteral(".pdf");
    const QString result = safe(name);
    const QByteArray utf8 = result.toUtf8();
    EXPECT_LE(utf8.size(), SafeFileName::MaxBytes);
    EXPECT_GT(utf8.size(), SafeFileName::MaxBytes - 8);
    EXPECT_TRUE(result.endsWith(QLatin1StringView(".pdf")));
    EXPECT_EQ(QString::fromUtf8(utf8), result);
    for (qsizetype i = 0; i < result.size(); ++i) {
        if (result.at(i).isHighSurrogate()) {
            ASSERT_TRUE(i + 1 < result.size() && result.at(i + 1).isLowSurrogate());
            ++i;
        } else {
            EXPECT_FALSE(result.at(i).isSurrogate());
        }
    }
    // An "extension" that is most of the name is not kept whole.
    const QString longExtension = safe(QStringLiteral("a.") + QString(5000, QLatin1Char('x')));
    EXPECT_LE(longExtension.toUtf8().size(), SafeFileName::MaxBytes);
}

TEST(SafeFileName, UniqueInCountsUp)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QDir folder(dir.path());
    EXPECT_EQ(SafeFileName::uniqueIn(folder, QStringLiteral("report.pdf")), QStringLiteral("report.pdf"));
    touch(folder.filePath(QStringLiteral("report.pdf")));
    EXPECT_EQ(SafeFileName::uniqueIn(folder, QStringLiteral("report.pdf")), QStringLiteral("report (2).pdf"));
    touch(folder.filePath(QStringLiteral("report (2).pdf")));
    EXPECT_EQ(SafeFileName::uniqueIn(folder, QStringLiteral("report.pdf")), QStringLiteral("report (3).pdf"));
    touch(folder.filePath(QStringLiteral("README")));
    EXPECT_EQ(SafeFileName::uniqueIn(folder, QStringLiteral("README")), QStringLiteral("README (2)"));
    // A '%' in the name is not a placeholder.
    touch(folder.filePath(QStringLiteral("100%1.txt")));
    EXPECT_EQ(SafeFileName::uniqueIn(folder, QStringLiteral("100%1.txt")), QStringLiteral("100%1 (2).txt"));
    // A dangling link is taken: saving through it would write elsewhere.
    ASSERT_TRUE(
        QFile::link(dir.filePath(QStringLiteral("nowhere/target")), folder.filePath(QStringLiteral("link.txt"))));
    EXPECT_EQ(SafeFileName::uniqueIn(folder, QStringLiteral("link.txt")), QStringLiteral("link (2).txt"));
}

TEST(SafeFileName, PathInNeverLeavesTheFolder)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString canonical = QFileInfo(dir.path()).canonicalFilePath();
    touch(QDir(dir.path()).filePath(QStringLiteral("taken.txt")));
    for (const QString& hostile : {
             QStringLiteral("../../.bashrc"),
             QStringLiteral("..\\..\\Windows\\system32\\evil.dll"),
             QStringLiteral("/etc/passwd"),
             QStringLiteral(".."),
             QStringLiteral("."),
             QStringLiteral("../"),
             QStringLiteral("a/../../b"),
             QStringLiteral("~/x"),
             QStringLiteral("\u202E../x"),
             QStringLiteral("..\u0000/x"),
             QStringLiteral("taken.txt"),
             QStringLiteral("CON"),
             QString(),
         }) {
        const QString path = SafeFileName::pathIn(dir.path(), hostile);
        SCOPED_TRACE(hostile.toStdString());
        ASSERT_FALSE(path.isEmpty());
        const QFileInfo info(path);
        EXPECT_TRUE(info.isAbsolute());
        EXPECT_EQ(QFileInfo(info.absolutePath()).canonicalFilePath(), canonical);
        EXPECT_FALSE(info.exists());
        EXPECT_FALSE(info.fileName().startsWith(QLatin1Char('.')));
    }
    EXPECT_TRUE(SafeFileName::pathIn(dir.filePath(QStringLiteral("missing")), QStringLiteral("a.txt")).isEmpty());
}
