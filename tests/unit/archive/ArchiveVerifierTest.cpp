#include "TemporaryArchive.h"

#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "archive/ArchiveVerifier.h"
#include "archive/BlobCodec.h"

#include <QHash>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace {

class ArchiveVerifierTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString();
        MailGeneratorOptions options;
        options.seed = 31;
        options.attachmentScale = 0.02;
        const QList<GeneratedMessage> messages = MailGenerator(options).next(300);
        m_inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
        ASSERT_TRUE(m_archive.store(m_inbox, messages)) << m_archive.error().toStdString();
    }

    bool execute(const QString& sql, const QVariantList& bindings = {})
    {
        QSqlQuery query(m_archive.archive().connection());
        query.prepare(sql);
        for (const QVariant& value : bindings) {
            query.addBindValue(value);
        }
        return query.exec();
    }

    VerifyReport verify(const ArchiveVerifier::Progress& progress = {})
    {
        return ArchiveVerifier(m_archive.archive().connection()).run(progress);
    }

    TemporaryArchive m_archive;
    qint64 m_inbox = 0;
};

TEST_F(ArchiveVerifierTest, AnIntactArchiveVerifiesClean)
{
    qint64 lastDone = 0;
    qint64 reportedTotal = 0;
    const VerifyReport report = verify([&](qint64 done, qint64 total) {
        EXPECT_EQ(done, lastDone + 1);
        lastDone = done;
        reportedTotal = total;
        return true;
    });
    EXPECT_TRUE(report.isClean()) << report.summary().toStdString();
    EXPECT_EQ(report.blobsChecked, 300);
    EXPECT_EQ(lastDone, 300);
    EXPECT_EQ(reportedTotal, 300);
    EXPECT_TRUE(report.summary().contains(QStringLiteral("intact")));
}

TEST_F(ArchiveVerifierTest, FindsAMessageWhoseBytesChanged)
{
    // Valid zstd of other bytes: decompresses fine, but the hash is wrong.
    const QByteArray other = QByteArrayLiteral("Subject: not what was stored\r\n\r\nx\r\n");
    ASSERT_TRUE(execute(QStringLiteral("UPDATE blobs SET data = ?, raw_size = ? WHERE id = 17"),
                        {BlobCodec::compress(other), other.size()}));
    ASSERT_TRUE(execute(QStringLiteral("UPDATE blobs SET data = zeroblob(40) WHERE id = 18")));

    const VerifyReport report = verify();
    EXPECT_FALSE(report.isClean());
    EXPECT_EQ(report.blobsDamaged, 2);
    ASSERT_EQ(report.damaged.size(), 2);
    EXPECT_EQ(report.damaged.at(0).blobId, 17);
    EXPECT_EQ(report.damaged.at(0).kind, BlobCodec::Damage::Hash);
    EXPECT_EQ(report.damaged.at(1).blobId, 18);
    EXPECT_EQ(report.damaged.at(1).kind, BlobCodec::Damage::Frame);
    EXPECT_TRUE(report.summary().contains(QStringLiteral("2 message(s) do not read back")))
        << report.summary().toStdString();
}

// What kind of damage it is tells the user (and us) where it came from: a
// file cut short, bits flipped on the disk, or bytes that were changed.
TEST_F(ArchiveVerifierTest, TellsTruncationFrameDamageAndAWrongHashApart)
{
    QSqlQuery read(m_archive.archive().connection());
    ASSERT_TRUE(read.exec(QStringLiteral("SELECT id, data FROM blobs WHERE compression IN (1, 2) AND "
                                         "length(data) > 400 ORDER BY id LIMIT 2")));
    QList<std::pair<qint64, QByteArray>> blobs;
    while (read.next()) {
        blobs.append({read.value(0).toLongLong(), read.value(1).toByteArray()});
    }
    read.finish();
    ASSERT_EQ(blobs.size(), 2);
    const auto [cutId, cut] = blobs.at(0);
    const auto [flippedId, flipped] = blobs.at(1);
    ASSERT_TRUE(execute(QStringLiteral("UPDATE blobs SET data = ? WHERE id = ?"), {cut.left(cut.size() - 7), cutId}));
    // One bit in the middle of the frame: without the frame's checksum this
    // could decode, silently, to other bytes.
    QByteArray changed = flipped;
    changed[changed.size() / 2] = static_cast<char>(changed.at(changed.size() / 2) ^ 0x10);
    ASSERT_TRUE(execute(QStringLiteral("UPDATE blobs SET data = ? WHERE id = ?"), {changed, flippedId}));
    const QByteArray other = QByteArrayLiteral("Subject: other\r\n\r\nother bytes\r\n");
    ASSERT_TRUE(execute(QStringLiteral("UPDATE blobs SET data = ?, raw_size = ? WHERE id = 40"),
                        {BlobCodec::compress(other), other.size()}));

    const VerifyReport report = verify();
    EXPECT_EQ(report.blobsDamaged, 3);
    EXPECT_EQ(report.blobsTruncated, 1);
    EXPECT_EQ(report.blobsFrameDamaged, 1);
    EXPECT_EQ(report.blobsHashMismatch, 1);
    QHash<qint64, BlobCodec::Damage> kinds;
    for (const VerifyReport::Damaged& item : report.damaged) {
        kinds.insert(item.blobId, item.kind);
    }
    EXPECT_EQ(kinds.value(cutId), BlobCodec::Damage::Truncated);
    EXPECT_EQ(kinds.value(flippedId), BlobCodec::Damage::Frame);
    EXPECT_EQ(kinds.value(40), BlobCodec::Damage::Hash);
    const QString summary = report.summary();
    EXPECT_TRUE(summary.contains(QStringLiteral("1 of them cut short (truncated)"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("1 of them with damaged compressed data"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("1 of them decode, but not to the bytes"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("(blob %1): truncated").arg(cutId))) << summary.toStdString();
}

TEST_F(ArchiveVerifierTest, FindsMessagesMissingFromTheSearchIndex)
{
    ASSERT_TRUE(execute(QStringLiteral("DELETE FROM message_fts_docsize WHERE id IN (5, 6, 7)")));
    const VerifyReport report = verify();
    EXPECT_FALSE(report.isClean());
    EXPECT_EQ(report.messagesMissingFromIndex, 3);
}

// The index is contentless: an entry removed with other values than it was
// added with leaves words behind without any error from FTS5 itself.
TEST_F(ArchiveVerifierTest, FindsASearchEntryRemovedWithOtherValuesThanItWasAddedWith)
{
    const QString remove = QStringLiteral(
        "INSERT INTO message_fts (message_fts, rowid, subject, sender, recipients, body, attachment_names) "
        "VALUES ('delete', ?, ?, '', '', '', '')");
    ASSERT_TRUE(execute(QStringLiteral("DELETE FROM locations WHERE message_id = 9")));
    ASSERT_TRUE(execute(QStringLiteral("DELETE FROM attachments WHERE message_id = 9")));
    ASSERT_TRUE(execute(QStringLiteral("DELETE FROM messages WHERE id = 9")));
    ASSERT_TRUE(execute(remove, {9, QStringLiteral("not what was indexed")}));
    const VerifyReport report = verify();
    EXPECT_FALSE(report.searchIndexOk);
    EXPECT_FALSE(report.isClean());
}

TEST_F(ArchiveVerifierTest, FindsSearchEntriesOfMessagesThatAreGone)
{
    ASSERT_TRUE(execute(QStringLiteral("DELETE FROM locations WHERE message_id IN (9, 10)")));
    ASSERT_TRUE(execute(QStringLiteral("DELETE FROM attachments WHERE message_id IN (9, 10)")));
    ASSERT_TRUE(execute(QStringLiteral("DELETE FROM messages WHERE id IN (9, 10)")));
    const VerifyReport report = verify();
    EXPECT_FALSE(report.searchIndexOk);
    EXPECT_FALSE(report.isClean());
}

TEST_F(ArchiveVerifierTest, FindsLocationsBeyondTheFolderCheckpoint)
{
    ASSERT_TRUE(execute(QStringLiteral("UPDATE folders SET last_uid = 290 WHERE id = ?"), {m_inbox}));
    const VerifyReport report = verify();
    EXPECT_FALSE(report.isClean());
    EXPECT_EQ(report.locationsBeyondCheckpoint, 10);
}

TEST_F(ArchiveVerifierTest, CanBeCancelled)
{
    const VerifyReport report = verify([](qint64 done, qint64) { return done < 10; });
    EXPECT_TRUE(report.cancelled);
    EXPECT_EQ(report.blobsChecked, 10);
    EXPECT_FALSE(report.isClean());
}

} // namespace
