#include "archive/Base64Packing.h"
#include "GeneratedMessage.h"
#include "MailGenerator.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>

namespace {

// Base64 of `bytes` in lines of `lineLength` characters, each ending in
// `lineBreak`, as a MIME encoder writes it.
QByteArray base64Lines(const QByteArray& bytes, int lineLength, const QByteArray& lineBreak)
{
    const QByteArray encoded = bytes.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < encoded.size(); i += lineLength) {
        out += encoded.mid(i, lineLength) + lineBreak;
    }
    return out;
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& byte : bytes) {
        byte = static_cast<char>(random.bounded(256));
    }
    return bytes;
}

QByteArray messageWith(const QByteArray& body, const QByteArray& lineBreak = "\r\n")
{
    return "From: a@example.org" + lineBreak + "Subject: attachment" + lineBreak
        + "Content-Type: application/octet-stream" + lineBreak + "Content-Transfer-Encoding: base64" + lineBreak
        + lineBreak + body + lineBreak + "-- " + lineBreak;
}

// Unpacks `packed` and says whether that gives `raw` again.
::testing::AssertionResult unpacksTo(const QByteArray& packed, const QByteArray& raw)
{
    QByteArray back;
    QString error;
    if (!Base64Packing::unpack(packed, raw.size(), &back, &error)) {
        return ::testing::AssertionFailure() << "unpack failed: " << error.toStdString();
    }
    if (back != raw) {
        qsizetype at = 0;
        while (at < raw.size() && at < back.size() && raw[at] == back[at]) {
            ++at;
        }
        return ::testing::AssertionFailure() << "differs from byte " << at << " of " << raw.size();
    }
    return ::testing::AssertionSuccess();
}

// Packs `raw`; whatever is packed must come back exact.
::testing::AssertionResult roundTrips(const QByteArray& raw)
{
    const QByteArray packed = Base64Packing::pack(raw);
    if (packed.isEmpty()) {
        return ::testing::AssertionSuccess();
    }
    return unpacksTo(packed, raw);
}

} // namespace

TEST(Base64Packing, PacksEveryLineStyleAnEncoderWritesAndRebuildsItExactly)
{
    for (const QByteArray& lineBreak : {QByteArray("\r\n"), QByteArray("\n")}) {
        for (const int lineLength : {76, 64, 72, 4, 996}) {
            // 0, 1 and 2 bytes past a multiple of 3 give no, two and one
            // padding characters; 5700 bytes fill their last line exactly at 76.
            for (const qsizetype size : {5700, 5701, 5702, 4096, 100000}) {
                const QByteArray raw = messageWith(
                    base64Lines(randomBytes(size, static_cast<quint32>(size + lineLength)), lineLength, lineBreak),
                    lineBreak);
                const QByteArray packed = Base64Packing::pack(raw);
                ASSERT_FALSE(packed.isEmpty()) << lineLength << " characters, " << size << " bytes";
                EXPECT_LT(packed.size(), size + 200) << "the block is held as its bytes";
                EXPECT_TRUE(unpacksTo(packed, raw)) << lineLength << " characters, " << size << " bytes";
            }
        }
    }
}

TEST(Base64Packing, LeavesMessagesWithoutBigBase64BlocksAlone)
{
    EXPECT_TRUE(Base64Packing::pack(QByteArray()).isEmpty());
    EXPECT_TRUE(Base64Packing::pack("From: a@example.org\r\n\r\nHello\r\n").isEmpty());
    // An inline logo of a kilobyte is not worth a block.
    EXPECT_TRUE(Base64Packing::pack(messageWith(base64Lines(randomBytes(1000, 1), 76, "\r\n"))).isEmpty());
    // Text lines that happen to be valid base64 ("Abcd", "1234") are
    // too few to be mistaken for a block.
    EXPECT_TRUE(Base64Packing::pack("Abcd\r\nWxyz\r\n1234\r\n\r\nThanks\r\n").isEmpty());
}

TEST(Base64Packing, KeepsNonCanonicalBase64AsItIsAndStillRebuildsTheMessage)
{
    const QByteArray good = base64Lines(randomBytes(9000, 7), 76, "\r\n");
    QList<QByteArray> variants;
    // Bits past the last byte set: decodes like "QQ==" but is not what an
    // encoder writes, so re-encoding would change it.
    variants << messageWith(good + "QR==\r\n");
    variants << messageWith(good.left(good.size() - 2) + "QR==\r\n");
    // Padding in the middle of a block.
    QByteArray padded = good;
    padded[78 * 10 + 4] = '=';
    variants << messageWith(padded);
    // A line one character short in the middle, a trailing space, a bare CR.
    QByteArray shortLine = good;
    shortLine.remove(78 * 20 + 3, 1);
    variants << messageWith(shortLine);
    QByteArray space = good;
    space.insert(78 * 30 + 76, ' ');
    variants << messageWith(space);
    QByteArray bareCr = good;
    bareCr.insert(78 * 40 + 76, '\r');
    variants << messageWith(bareCr);
    // Mixed line breaks, URL-safe characters, a block at the very end of the
    // message without its last line break.
    QByteArray mixed = good;
    mixed.replace(78 * 50 + 76, 2, "\n");
    variants << messageWith(mixed);
    QByteArray urlSafe = good;
    urlSafe[78 * 60] = '-';
    variants << messageWith(urlSafe);
    variants << "Subject: x\r\n\r\n" + good.left(good.size() - 2);
    // A short last line followed by a line break exactly where a full line's
    // would be: the scanner's shortcut reads a full line there and must not
    // lose the bytes.
    const QByteArray fullLines = good.left(78 * 60);
    variants << fullLines + "QUJD\r\n" + QByteArray(70, 'x') + "\r\n";
    variants << good + good.toLower() + good;

    for (qsizetype i = 0; i < variants.size(); ++i) {
        const QByteArray& raw = variants[i];
        const QByteArray packed = Base64Packing::pack(raw);
        // The canonical lines around the damage are still worth packing.
        EXPECT_FALSE(packed.isEmpty()) << "variant " << i;
        EXPECT_TRUE(unpacksTo(packed, raw)) << "variant " << i;
    }
}

TEST(Base64Packing, RebuildsGeneratedMailExactly)
{
    MailGeneratorOptions options;
    options.seed = 20261126;
    options.attachmentScale = 0.3;
    int packedCount = 0;
    qint64 rawTotal = 0;
    qint64 packedTotal = 0;
    int index = 0;
    for (const GeneratedMessage& message : MailGenerator(options).next(400)) {
        ++index;
        const QByteArray packed = Base64Packing::pack(message.raw);
        if (packed.isEmpty()) {
            continue;
        }
        ++packedCount;
        rawTotal += message.raw.size();
        packedTotal += packed.size();
        ASSERT_TRUE(unpacksTo(packed, message.raw)) << "message " << index;
    }
    EXPECT_GT(packedCount, 40);
    // Base64 is 4 characters for 3 bytes plus line breaks.
    EXPECT_LT(packedTotal, rawTotal * 8 / 10);
}

// Random damage anywhere in base64-heavy messages: whatever the scanner makes
// of it, unpacking gives the exact bytes back.
TEST(Base64Packing, SurvivesRandomDamage)
{
    QRandomGenerator random(4711);
    const QByteArray pieces[] = {"=", "\r", "\n", "\r\n", " ", "A", "/", "+", "==\r\n", "\0", "\xff", "-"};
    const QByteArray clean = messageWith(base64Lines(randomBytes(20000, 3), 76, "\r\n"))
        + messageWith(base64Lines(randomBytes(8000, 4), 64, "\n"), "\n");
    for (int round = 0; round < 400; ++round) {
        QByteArray raw = clean;
        const int edits = 1 + static_cast<int>(random.bounded(6));
        for (int edit = 0; edit < edits; ++edit) {
            const auto at = static_cast<qsizetype>(random.bounded(static_cast<quint32>(raw.size())));
            const QByteArray& piece = pieces[random.bounded(static_cast<quint32>(std::size(pieces)))];
            switch (random.bounded(3)) {
            case 0:
                raw.insert(at, piece);
                break;
            case 1:
                raw.replace(at, std::min(piece.size(), raw.size() - at), piece);
                break;
            default:
                raw.remove(at, 1 + random.bounded(100));
                break;
            }
        }
        ASSERT_TRUE(roundTrips(raw)) << "round " << round;
    }
}

TEST(Base64Packing, RefusesDamagedPackedData)
{
    const QByteArray raw = messageWith(base64Lines(randomBytes(30000, 9), 76, "\r\n"));
    const QByteArray packed = Base64Packing::pack(raw);
    ASSERT_FALSE(packed.isEmpty());
    QByteArray back;
    QString error;

    EXPECT_FALSE(Base64Packing::unpack(packed, raw.size() + 1, &back, &error)) << "wrong size";
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(Base64Packing::unpack(QByteArray(), raw.size(), &back, &error)) << "empty";
    EXPECT_FALSE(Base64Packing::unpack(packed.left(packed.size() - 1), raw.size(), &back, &error)) << "cut";
    EXPECT_FALSE(Base64Packing::unpack(packed.mid(1), raw.size(), &back, &error)) << "a byte short";
    QByteArray future = packed;
    const auto headerSize = static_cast<quint8>(packed[packed.size() - 4]);
    future[packed.size() - 4 - headerSize] = 2;
    EXPECT_FALSE(Base64Packing::unpack(future, raw.size(), &back, &error)) << "format 2";
    EXPECT_TRUE(error.contains(QStringLiteral("format"))) << error.toStdString();

    // Every corruption of the header is caught or rebuilds a different
    // message of the right size (which the SHA-256 check then refuses);
    // none reads or writes out of bounds (ASan build).
    for (qsizetype i = packed.size() - 4 - headerSize; i < packed.size(); ++i) {
        for (const char value : {'\0', '\x01', '\x7f', '\x80', '\xff'}) {
            QByteArray damaged = packed;
            if (damaged[i] == value) {
                continue;
            }
            damaged[i] = value;
            if (Base64Packing::unpack(damaged, raw.size(), &back, &error)) {
                EXPECT_EQ(back.size(), raw.size()) << "byte " << i;
            }
        }
    }
}

TEST(Base64Packing, SaysWhereBytesThatLookCompressedEnd)
{
    qsizetype compressedEnd = -1;
    const QByteArray random = randomBytes(30000, 5);
    const QByteArray attachment = messageWith(base64Lines(random, 76, "\r\n"));
    ASSERT_FALSE(Base64Packing::pack(attachment, &compressedEnd).isEmpty());
    EXPECT_EQ(compressedEnd, random.size());

    QByteArray prose;
    while (prose.size() < 30000) {
        prose += "Grüße aus Köln, und danke für die Unterlagen zum Projekt. ";
    }
    const QByteArray textBody = messageWith(base64Lines(prose, 76, "\r\n"));
    ASSERT_FALSE(Base64Packing::pack(textBody, &compressedEnd).isEmpty());
    EXPECT_EQ(compressedEnd, 0);

    // What counts is the last block: text after it would share its zstd
    // block.
    ASSERT_FALSE(Base64Packing::pack(textBody + attachment, &compressedEnd).isEmpty());
    EXPECT_EQ(compressedEnd, prose.size() + random.size());
    ASSERT_FALSE(Base64Packing::pack(attachment + textBody, &compressedEnd).isEmpty());
    EXPECT_EQ(compressedEnd, 0);
}
