// What a user reads when the server refuses the login: a sentence with what
// to check, never the protocol (a command tag, a response code); the
// server's own words are the technical text, and they still decide between
// a wrong password and too many connections.
#include "sync/SyncError.h"

#include <gtest/gtest.h>

#include <vmime/vmime.hpp>

TEST(LoginErrorText, AWrongPasswordIsASentenceAndTheServersWordsAreTechnical)
{
    // As ImapConnector rethrows it: Dovecot's words without the tag.
    const vmime::exceptions::authentication_error refused("[AUTHENTICATIONFAILED] Authentication failed.");
    const QString text = SyncError::describe(refused, QStringLiteral("imap.example.org"));
    EXPECT_TRUE(text.startsWith(QStringLiteral("The server rejected the user name or password.")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("app password"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("AUTHENTICATIONFAILED"))) << text.toStdString();
    EXPECT_EQ(SyncError::kindOf(refused), SyncFailure::Kind::Authentication);
    EXPECT_FALSE(SyncFailure::isTransient(SyncError::kindOf(refused)));
    EXPECT_TRUE(SyncError::technical(refused).contains(QStringLiteral("[AUTHENTICATIONFAILED] Authentication failed.")))
        << SyncError::technical(refused).toStdString();
}

TEST(LoginErrorText, TooManyConnectionsIsToldApartByTheServersWordsAndRetried)
{
    for (const char* words : {"[UNAVAILABLE] Maximum number of connections from user+IP exceeded",
                              "[UNAVAILABLE] Too many simultaneous connections. (Failure)"}) {
        const vmime::exceptions::authentication_error refused(words);
        const QString text = SyncError::describe(refused, QStringLiteral("imap.example.org"));
        EXPECT_TRUE(text.contains(QStringLiteral("too many connections open"))) << text.toStdString();
        EXPECT_FALSE(text.contains(QStringLiteral("UNAVAILABLE"))) << text.toStdString();
        EXPECT_FALSE(text.contains(QStringLiteral("app password"))) << text.toStdString();
        EXPECT_EQ(SyncError::kindOf(refused), SyncFailure::Kind::ServerBusy) << words;
        EXPECT_TRUE(SyncFailure::isTransient(SyncError::kindOf(refused))) << words;
        EXPECT_TRUE(SyncError::technical(refused).contains(QString::fromLatin1(words)))
            << SyncError::technical(refused).toStdString();
    }
}

TEST(LoginErrorText, ARefusedCommandKeepsTheServersAnswerInTheTechnicalText)
{
    const vmime::exceptions::command_error refused("EXAMINE", "NO [NONEXISTENT] Mailbox doesn't exist: Gone");
    EXPECT_TRUE(SyncError::technical(refused).contains(QStringLiteral("EXAMINE")))
        << SyncError::technical(refused).toStdString();
    EXPECT_TRUE(SyncError::technical(refused).contains(QStringLiteral("[NONEXISTENT] Mailbox doesn't exist: Gone")))
        << SyncError::technical(refused).toStdString();
}
