#include "imap/ModifiedUtf7.h"

#include <gtest/gtest.h>

namespace {

struct Sample
{
    const char16_t* decoded;
    const char* encoded;
};

// Pairs from RFC 3501 section 5.1.3 and from names Dovecot wrote to disk.
const Sample Samples[] = {
    {u"INBOX", "INBOX"},
    {u"Archive/2023", "Archive/2023"},
    {u"Tom & Jerry", "Tom &- Jerry"},
    {u"Archive/Grüße & Co", "Archive/Gr&APwA3w-e &- Co"},
    {u"~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"},
    {u"Übersicht", "&ANw-bersicht"},
    {u"&", "&-"},
    {u"", ""},
};

TEST(ModifiedUtf7, EncodesKnownNames)
{
    for (const Sample& sample : Samples) {
        EXPECT_EQ(ModifiedUtf7::encode(QString::fromUtf16(sample.decoded)), QByteArray(sample.encoded))
            << sample.encoded;
    }
}

TEST(ModifiedUtf7, DecodesKnownNames)
{
    for (const Sample& sample : Samples) {
        bool ok = false;
        EXPECT_EQ(ModifiedUtf7::decode(QByteArray(sample.encoded), &ok), QString::fromUtf16(sample.decoded))
            << sample.encoded;
        EXPECT_TRUE(ok) << sample.encoded;
    }
}

TEST(ModifiedUtf7, RoundTripsEveryBmpCharacterClass)
{
    const QString name = QString::fromUtf16(u"a\u00e9\u0416\u4e2d\U0001F4E7z/&x\u00a0");
    bool ok = false;
    EXPECT_EQ(ModifiedUtf7::decode(ModifiedUtf7::encode(name), &ok), name);
    EXPECT_TRUE(ok);
}

TEST(ModifiedUtf7, RejectsMalformedInput)
{
    const char* const bad[] = {
        "&ANw", // shift never closed
        "&A-", // not a whole UTF-16 unit
        "&AGE-", // encodes plain "a", which must be written as is
        "&@@@-", // not base64
        "Gr\xc3\xbc", // raw 8-bit
    };
    for (const char* input : bad) {
        bool ok = true;
        EXPECT_TRUE(ModifiedUtf7::decode(QByteArray(input), &ok).isNull()) << input;
        EXPECT_FALSE(ok) << input;
    }
}

} // namespace

// What a server sends is shown, never trusted: invalid shift sequences stay
// visible as the text they are, control characters are escaped, raw 8-bit
// bytes are read as UTF-8 (U+FFFD where they are not).
TEST(ModifiedUtf7, DisplayNamesShowWhatTheServerSentWhateverItIs)
{
    EXPECT_EQ(ModifiedUtf7::decodeForDisplay("INBOX"), QStringLiteral("INBOX"));
    EXPECT_EQ(ModifiedUtf7::decodeForDisplay("Archive/Gr&APwA3w-e &- Co"), QStringLiteral("Archive/Grüße & Co"));
    // Invalid modified UTF-7: a run never closed, one that encodes plain
    // ASCII, a lone surrogate, bad base64.
    EXPECT_EQ(ModifiedUtf7::decodeForDisplay("&Jjo"), QStringLiteral("&Jjo"));
    EXPECT_EQ(ModifiedUtf7::decodeForDisplay("&AGE-"), QStringLiteral("&AGE-"));
    EXPECT_EQ(ModifiedUtf7::decodeForDisplay("&2D0-"), QStringLiteral("&2D0-"));
    EXPECT_EQ(ModifiedUtf7::decodeForDisplay("&!!-"), QStringLiteral("&!!-"));
    EXPECT_EQ(ModifiedUtf7::decodeForDisplay("a\x1b[31mred"), QStringLiteral("a\\x1B[31mred"));
    EXPECT_EQ(ModifiedUtf7::decodeForDisplay("two\r\nlines"), QStringLiteral("two\\x0D\\x0Alines"));
    EXPECT_EQ(ModifiedUtf7::decodeForDisplay("shifted&ABs-esc"), QStringLiteral("shifted\\x1Besc"));
    EXPECT_EQ(ModifiedUtf7::decodeForDisplay("caf\xc3\xa9"), QStringLiteral("café"));
    EXPECT_EQ(ModifiedUtf7::decodeForDisplay("bad\xff"), QStringLiteral("bad\uFFFD"));
    // A surrogate pair is valid (U+1F600).
    EXPECT_EQ(ModifiedUtf7::decodeForDisplay("&2D3eAA-"), QString::fromUcs4(U"\U0001F600"));
    bool ok = true;
    EXPECT_TRUE(ModifiedUtf7::decode("&2D0-", &ok).isNull());
    EXPECT_FALSE(ok);
}
