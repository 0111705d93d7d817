#include "TemporaryArchive.h"

#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "archive/AboutThisFile.h"
#include "archive/Archive.h"
#include "archive/ArchiveReader.h"
#include "archive/ArchiveSchema.h"
#include "archive/ArchiveVerifier.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

// The archive outlives the app: archives of every released format open,
// upgrade and read back byte for byte, and every archive carries the
// description of its own format (docs/archive-format.md).
namespace {

QString fixtureDirectory()
{
    return QStringLiteral(OPENARCHIVER_SOURCE_DIR "/tests/fixtures/archives");
}

QByteArray sourceFile(const QString& relativePath)
{
    QFile file(QStringLiteral(OPENARCHIVER_SOURCE_DIR "/") + relativePath);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct ManifestLine
{
    QByteArray sha256;
    qint64 size = 0;
    int compression = -1;
    QString source;
    QString folderPath;
    qint64 uid = 0;
};

QList<ManifestLine> readManifest(const QString& path)
{
    QFile file(path);
    QList<ManifestLine> lines;
    if (!file.open(QIODevice::ReadOnly)) {
        return lines;
    }
    for (const QByteArray& line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() != 6) {
            continue;
        }
        lines.append({QByteArray::fromHex(fields.at(0)),
                      fields.at(1).toLongLong(),
                      fields.at(2).toInt(),
                      QString::fromUtf8(fields.at(3)),
                      QString::fromUtf8(fields.at(4)),
                      fields.at(5).toLongLong()});
    }
    return lines;
}

// The formats whose fixture is kept: every released one from 10 on, the
// current one included. Raising the format without adding its fixture
// (tests/tools/archive_sample_writer.cpp writes it) fails here.
TEST(ArchiveFormat, AFixtureOfEveryReleasedFormatIsKept)
{
    for (int version = 10; version <= ArchiveSchema::currentVersion(); ++version) {
        EXPECT_TRUE(QFile::exists(fixtureDirectory() + QStringLiteral("/format-%1.sqlite").arg(version)))
            << "format " << version;
        EXPECT_TRUE(QFile::exists(fixtureDirectory() + QStringLiteral("/format-%1.manifest").arg(version)))
            << "format " << version;
    }
}

TEST(ArchiveFormat, EveryFixtureOpensUpgradesVerifiesAndReadsBackExactly)
{
    const QStringList fixtures = QDir(fixtureDirectory()).entryList({QStringLiteral("format-*.sqlite")});
    ASSERT_FALSE(fixtures.isEmpty());
    for (const QString& name : fixtures) {
        SCOPED_TRACE(name.toStdString());
        const int version = QRegularExpression(QStringLiteral("format-(\\d+)")).match(name).captured(1).toInt();
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("archive.sqlite"));
        ASSERT_TRUE(QFile::copy(fixtureDirectory() + QLatin1Char('/') + name, path));
        ASSERT_TRUE(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        const QList<ManifestLine> manifest =
            readManifest(fixtureDirectory() + QStringLiteral("/format-%1.manifest").arg(version));
        ASSERT_GT(manifest.size(), 40);

        Archive archive(path);
        EXPECT_EQ(archive.needsUpgrade(), version < ArchiveSchema::currentVersion());
        QString error;
        ASSERT_TRUE(archive.open(&error)) << error.toStdString();
        QSqlDatabase db = archive.connection();
        EXPECT_EQ(ArchiveSchema::version(db), ArchiveSchema::currentVersion());

        const VerifyReport report = ArchiveVerifier(db).run();
        EXPECT_TRUE(report.isClean()) << report.summary().toStdString();

        // Every location of the manifest, by source, folder and UID, reads
        // back to the bytes that were stored: nothing was lost or changed
        // by upgrading.
        const ArchiveReader reader = archive.reader();
        QSet<int> kinds;
        {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT l.message_id FROM locations l JOIN folders f ON f.id = l.folder_id "
                                         "JOIN sources s ON s.id = f.source_id "
                                         "WHERE s.name = ? AND f.path = ? AND l.uid = ?"));
            for (const ManifestLine& line : manifest) {
                query.addBindValue(line.source);
                query.addBindValue(line.folderPath);
                query.addBindValue(line.uid);
                ASSERT_TRUE(query.exec());
                ASSERT_TRUE(query.next())
                    << line.source.toStdString() << " " << line.folderPath.toStdString() << " " << line.uid;
                QByteArray raw;
                ASSERT_TRUE(reader.rawMessage(query.value(0).toLongLong(), &raw, &error)) << error.toStdString();
                EXPECT_EQ(raw.size(), line.size);
                EXPECT_EQ(QCryptographicHash::hash(raw, QCryptographicHash::Sha256), line.sha256)
                    << line.folderPath.toStdString() << " " << line.uid;
                kinds.insert(line.compression);
                query.finish();
            }
            ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*) FROM locations")) && query.next());
            EXPECT_EQ(query.value(0).toLongLong(), manifest.size());
        }
        // The fixture holds every kind of blob there is.
        EXPECT_EQ(kinds, (QSet<int> {0, 1, 2, 3, 4}));

        // Upgrading left this version's description of the format in it.
        QSqlQuery about(db);
        ASSERT_TRUE(about.exec(QStringLiteral("SELECT name, version FROM about_this_file ORDER BY name")));
        QStringList names;
        while (about.next()) {
            names << about.value(0).toString();
            EXPECT_EQ(about.value(1).toInt(), ArchiveSchema::currentVersion());
        }
        EXPECT_EQ(names,
                  (QStringList {QStringLiteral("README"),
                                QStringLiteral("archive-format.md"),
                                QStringLiteral("read-archive.py")}));
        about.finish();
        archive.closeConnection();
    }
}

// What an archive says about itself is exactly what the repository's docs
// and reader say: one source, so they cannot drift apart.
TEST(ArchiveFormat, ANewArchiveCarriesTheSpecificationAndTheReferenceReader)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    QSqlQuery query(archive.archive().connection());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT name, version, text FROM about_this_file")));
    QHash<QString, QString> texts;
    while (query.next()) {
        EXPECT_EQ(query.value(1).toInt(), ArchiveSchema::currentVersion());
        texts.insert(query.value(0).toString(), query.value(2).toString());
    }
    ASSERT_EQ(texts.size(), 3);
    EXPECT_EQ(texts.value(QStringLiteral("archive-format.md")).toUtf8(),
              sourceFile(QStringLiteral("docs/archive-format.md")));
    EXPECT_EQ(texts.value(QStringLiteral("read-archive.py")).toUtf8(),
              sourceFile(QStringLiteral("tools/read-archive.py")));
    EXPECT_EQ(texts.value(QStringLiteral("README")).toUtf8(), sourceFile(QStringLiteral("core/archive/about/README")));
    // The README tells a person where to start.
    EXPECT_TRUE(texts.value(QStringLiteral("README")).contains(QStringLiteral("read-archive.py")));
    EXPECT_TRUE(texts.value(QStringLiteral("archive-format.md")).contains(QStringLiteral("## 5. The packed form")));
}

// Frame_Header_Descriptor (RFC 8878, 3.1.1.1.1), the byte after the magic
// number: bit 2 is the Content_Checksum_flag.
TEST(ArchiveFormat, NewBlobsCarryTheirFrameChecksums)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    const qint64 folder = archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
    ASSERT_TRUE(archive.store(folder, MailGenerator::smallMessages(40, 5))) << archive.error().toStdString();
    QSqlQuery query(archive.archive().connection());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT data FROM blobs")));
    int blobs = 0;
    while (query.next()) {
        const QByteArray data = query.value(0).toByteArray();
        ASSERT_GT(data.size(), 5);
        EXPECT_EQ(data.left(4), QByteArray::fromHex("28b52ffd"));
        EXPECT_NE(static_cast<quint8>(data.at(4)) & 0x04, 0) << "blob " << blobs;
        ++blobs;
    }
    EXPECT_EQ(blobs, 40);
}

} // namespace
