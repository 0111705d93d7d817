#include "imap/ServerText.h"

#include <gtest/gtest.h>

TEST(ServerText, ControlCharactersAreShownNotObeyed)
{
    EXPECT_EQ(ServerText::printable(QStringLiteral("NO \x1b]0;owned\x07 bad")),
              QStringLiteral("NO \\x1B]0;owned\\x07 bad"));
    EXPECT_EQ(ServerText::printable(QStringLiteral("a\r\nb\tc")), QStringLiteral("a\\x0D\\x0Ab\\x09c"));
    EXPECT_EQ(ServerText::printable(QStringLiteral("Grüße")), QStringLiteral("Grüße"));
}

// A server that echoes the LOGIN command must not put the password into
// the history or onto the terminal, quoted or not.
TEST(ServerText, APasswordEchoedBackIsRedacted)
{
    const QString password = QStringLiteral("s3cr\"et\\pw");
    const QString echoed =
        QStringLiteral("NO [AUTHENTICATIONFAILED] a003 LOGIN \"user\" \"s3cr\\\"et\\\\pw\" rejected");
    const QString redacted = ServerText::redact(echoed, password);
    EXPECT_FALSE(redacted.contains(QStringLiteral("s3cr"))) << redacted.toStdString();
    EXPECT_TRUE(redacted.contains(QStringLiteral("••••••")));
    EXPECT_EQ(ServerText::redact(QStringLiteral("plain s3cr\"et\\pw here"), password),
              QStringLiteral("plain •••••• here"));
    // Too short to hide anything without garbling the text.
    EXPECT_EQ(ServerText::redact(QStringLiteral("a b"), QStringLiteral("a")), QStringLiteral("a b"));
}
