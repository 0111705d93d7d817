#include "archive/BlobCodec.h"
#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "archive/Base64Packing.h"
#include "archive/CompressionDictionary.h"

#include <gtest/gtest.h>

namespace {

QList<QByteArray> smallMessages(int count, quint64 seed)
{
    MailGeneratorOptions options;
    options.seed = seed;
    options.attachmentScale = 0.01;
    QList<QByteArray> raws;
    for (const GeneratedMessage& message : MailGenerator(options).next(count)) {
        raws << message.raw;
    }
    return raws;
}

TEST(BlobCodec, HashIsTheSha256OfTheRawBytes)
{
    EXPECT_EQ(BlobCodec::sha256(QByteArrayLiteral("abc")).toHex(),
              QByteArrayLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    EXPECT_EQ(BlobCodec::sha256(QByteArray()).toHex(),
              QByteArrayLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

TEST(BlobCodec, RoundTripsWithAndWithoutADictionary)
{
    const QList<QByteArray> training = smallMessages(600, 41);
    const QByteArray trained = CompressionDictionary::train(training);
    ASSERT_FALSE(trained.isEmpty());
    const CompressionDictionary dictionary(1, trained);

    qint64 plainTotal = 0;
    qint64 dictionaryTotal = 0;
    for (const QByteArray& raw : smallMessages(200, 42)) {
        const QByteArray plain = BlobCodec::compress(raw);
        const QByteArray withDictionary = BlobCodec::compress(raw, dictionary);
        plainTotal += plain.size();
        dictionaryTotal += withDictionary.size();

        QByteArray back;
        QString error;
        ASSERT_TRUE(BlobCodec::decompress(plain, BlobCodec::Compression::Zstd, raw.size(), &back, &error));
        ASSERT_EQ(back, raw);
        ASSERT_TRUE(BlobCodec::decompress(
            withDictionary, BlobCodec::Compression::ZstdDictionary, raw.size(), &back, &error, &dictionary))
            << error.toStdString();
        ASSERT_EQ(back, raw);
    }
    // Unseen messages of the same kind still profit from the dictionary.
    EXPECT_LT(dictionaryTotal, plainTotal * 0.9) << dictionaryTotal << " vs " << plainTotal;
}

TEST(BlobCodec, RefusesDamagedFramesAndMissingDictionaries)
{
    const QByteArray raw = QByteArrayLiteral("Subject: hello\r\n\r\nhello hello hello hello\r\n");
    QByteArray stored = BlobCodec::compress(raw);
    QByteArray back;
    QString error;
    EXPECT_FALSE(BlobCodec::decompress(stored, BlobCodec::Compression::Zstd, raw.size() + 1, &back, &error));
    EXPECT_FALSE(BlobCodec::decompress(stored, BlobCodec::Compression::ZstdDictionary, raw.size(), &back, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("dictionary"))) << error.toStdString();
    stored[stored.size() - 2] = static_cast<char>(stored[stored.size() - 2] ^ 0x55);
    EXPECT_FALSE(BlobCodec::decompress(stored, BlobCodec::Compression::Zstd, raw.size(), &back, &error) && back == raw);
    EXPECT_FALSE(BlobCodec::decompress(stored, static_cast<BlobCodec::Compression>(9), raw.size(), &back, &error));
}

// Bytes zstd cannot compress are kept as they are inside the frame: a bit
// flipped there decodes without complaint unless the frame carries its
// checksum, as every frame written since format 11 does.
TEST(BlobCodec, EveryFrameCarriesAChecksumSoAFlippedBitIsCaught)
{
    QByteArray noise(64 * 1024, Qt::Uninitialized);
    quint32 state = 12345;
    for (char& byte : noise) {
        state = state * 1664525u + 1013904223u;
        byte = static_cast<char>(state >> 24);
    }
    const QByteArray message = "Subject: noise\r\n\r\n" + noise;
    QByteArray attachment;
    const QByteArray encoded = noise.toBase64();
    for (qsizetype at = 0; at < encoded.size(); at += 76) {
        attachment += encoded.mid(at, 76) + "\r\n";
    }
    const QByteArray withAttachment = "Subject: packed\r\n\r\n" + attachment + "-- \r\nthe end\r\n";
    qsizetype compressedEnd = 0;
    const QByteArray packed = Base64Packing::pack(withAttachment, &compressedEnd);
    ASSERT_FALSE(packed.isEmpty());
    ASSERT_GT(compressedEnd, 0); // two frames
    const QByteArray trained = CompressionDictionary::train(smallMessages(600, 43));
    ASSERT_FALSE(trained.isEmpty());
    const CompressionDictionary dictionary(1, trained);
    struct Case
    {
        const char* name;
        QByteArray raw;
        QByteArray stored;
        BlobCodec::Compression compression;
    };
    const Case cases[] = {
        {"zstd", message, BlobCodec::compress(message), BlobCodec::Compression::Zstd},
        {"dictionary", message, BlobCodec::compress(message, dictionary), BlobCodec::Compression::ZstdDictionary},
        {"packed",
         withAttachment,
         BlobCodec::compressPacked(packed, compressedEnd, nullptr),
         BlobCodec::Compression::PackedZstd},
        {"packed with dictionary",
         withAttachment,
         BlobCodec::compressPacked(packed, compressedEnd, &dictionary),
         BlobCodec::Compression::PackedZstdDictionary},
    };
    for (const Case& item : cases) {
        const qint64 rawSize = item.raw.size();
        QByteArray back;
        QString error;
        BlobCodec::Damage damage = BlobCodec::Damage::Hash;
        ASSERT_TRUE(BlobCodec::decompress(item.stored, item.compression, rawSize, &back, &error, &dictionary, &damage))
            << item.name << ": " << error.toStdString();
        EXPECT_EQ(back, item.raw) << item.name;
        EXPECT_EQ(damage, BlobCodec::Damage::None) << item.name;

        // In the middle: inside the noise, which the frame keeps as it is.
        QByteArray flipped = item.stored;
        flipped[flipped.size() / 3] = static_cast<char>(flipped.at(flipped.size() / 3) ^ 0x01);
        EXPECT_FALSE(BlobCodec::decompress(flipped, item.compression, rawSize, &back, &error, &dictionary, &damage))
            << item.name;
        EXPECT_EQ(damage, BlobCodec::Damage::Frame) << item.name << ": " << error.toStdString();

        const QByteArray cut = item.stored.left(item.stored.size() - 3);
        EXPECT_FALSE(BlobCodec::decompress(cut, item.compression, rawSize, &back, &error, &dictionary, &damage))
            << item.name;
        EXPECT_EQ(damage, BlobCodec::Damage::Truncated) << item.name << ": " << error.toStdString();
    }
}

// A packed message decompresses and unpacks to its exact bytes, in one frame
// or in two, with and without the dictionary; a packed blob read as another
// kind does not.
TEST(BlobCodec, RoundTripsPackedMessages)
{
    const CompressionDictionary dictionary(1, CompressionDictionary::train(smallMessages(600, 41)));
    MailGeneratorOptions options;
    options.seed = 43;
    options.attachmentScale = 0.2;
    int split = 0;
    int whole = 0;
    for (const GeneratedMessage& message : MailGenerator(options).next(300)) {
        qsizetype compressedEnd = 0;
        const QByteArray packed = Base64Packing::pack(message.raw, &compressedEnd);
        if (packed.isEmpty()) {
            continue;
        }
        ASSERT_LT(compressedEnd, packed.size());
        (compressedEnd > 0 ? split : whole) += 1;
        const qint64 rawSize = message.raw.size();
        for (const qsizetype end : {compressedEnd, qsizetype(0)}) {
            QByteArray back;
            QString error;
            const QByteArray plain = BlobCodec::compressPacked(packed, end, nullptr, 3);
            ASSERT_TRUE(BlobCodec::decompress(plain, BlobCodec::Compression::PackedZstd, rawSize, &back, &error))
                << error.toStdString();
            ASSERT_EQ(back, message.raw);
            const QByteArray withDictionary = BlobCodec::compressPacked(packed, end, &dictionary);
            ASSERT_TRUE(BlobCodec::decompress(
                withDictionary, BlobCodec::Compression::PackedZstdDictionary, rawSize, &back, &error, &dictionary))
                << error.toStdString();
            ASSERT_EQ(back, message.raw);

            EXPECT_FALSE(BlobCodec::decompress(plain, BlobCodec::Compression::Zstd, rawSize, &back, &error));
            EXPECT_FALSE(BlobCodec::decompress(
                withDictionary, BlobCodec::Compression::PackedZstdDictionary, rawSize, &back, &error))
                << "no dictionary given";
            EXPECT_FALSE(BlobCodec::decompress(
                plain + plain.left(20), BlobCodec::Compression::PackedZstd, rawSize, &back, &error))
                << "a damaged frame after the last";
            EXPECT_FALSE(
                BlobCodec::decompress(plain + plain, BlobCodec::Compression::PackedZstd, rawSize, &back, &error))
                << "twice the bytes";
        }
    }
    // Attachments (random bytes behind a PDF or JPEG header) are compressed
    // apart; base64 text bodies stay with the rest of their message.
    EXPECT_GT(split, 10);
    EXPECT_GT(whole, 3);
}

} // namespace
