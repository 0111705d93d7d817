#include "tray/NotificationPolicy.h"

#include <gtest/gtest.h>

namespace {

using Status = IngestionSource::Status;

NotificationPolicy::Source source(qint64 id, const char* name, Status status, const QString& error = {})
{
    NotificationPolicy::Source s;
    s.id = id;
    s.name = QString::fromUtf8(name);
    s.status = status;
    s.lastError = error;
    return s;
}

const QDateTime Start(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC);

} // namespace

TEST(NotificationPolicy, AnImportFinishedSaysItsCountOnceTheCountIsIn)
{
    NotificationPolicy policy;
    EXPECT_TRUE(policy.update({source(1, "Work Email", Status::Importing)}, Start).isEmpty());
    EXPECT_FALSE(policy.take(Start).has_value());
    const QList<qint64> finished = policy.update({source(1, "Work Email", Status::Active)}, Start.addSecs(60));
    ASSERT_EQ(finished, QList<qint64> {1});
    // Nothing is said before the number is known.
    EXPECT_FALSE(policy.take(Start.addSecs(61)).has_value());
    policy.importCounted(1, 40312);
    const auto shown = policy.take(Start.addSecs(62));
    ASSERT_TRUE(shown.has_value());
    EXPECT_EQ(shown->title, QStringLiteral("Import finished"));
    EXPECT_EQ(shown->text, QStringLiteral("Work Email: 40,312 messages archived"));
    EXPECT_EQ(shown->sourceId, 1);
    // Once: Active staying Active is no news.
    EXPECT_TRUE(policy.update({source(1, "Work Email", Status::Active)}, Start.addSecs(120)).isEmpty());
    EXPECT_FALSE(policy.take(Start.addSecs(200)).has_value());
}

TEST(NotificationPolicy, WhatWasSoAtStartIsNoNewsAndAProblemIsSaidOncePerNewProblem)
{
    NotificationPolicy policy;
    // At start: an Error from before and an Active source: nothing.
    policy.update({source(1, "Work", Status::Error, QStringLiteral("The password was refused.")),
                   source(2, "Home", Status::Active)},
                  Start);
    EXPECT_FALSE(policy.take(Start).has_value());

    // Home fails with a problem for the user: said once, however often seen.
    const QString refused = QStringLiteral("The server refused the password.");
    policy.update({source(1, "Work", Status::Error, QStringLiteral("The password was refused.")),
                   source(2, "Home", Status::Error, refused)},
                  Start.addSecs(30));
    auto shown = policy.take(Start.addSecs(31));
    ASSERT_TRUE(shown.has_value());
    EXPECT_EQ(shown->title, QStringLiteral("Home needs attention"));
    EXPECT_EQ(shown->text, QStringLiteral("Home: ") + refused);
    EXPECT_EQ(shown->sourceId, 2);
    for (int i = 0; i < 5; ++i) {
        policy.update({source(2, "Home", Status::Error, refused)}, Start.addSecs(60 + i));
    }
    EXPECT_FALSE(policy.take(Start.addSecs(120)).has_value());

    // Solved, then back: new again.
    policy.update({source(2, "Home", Status::Active)}, Start.addSecs(200));
    policy.update({source(2, "Home", Status::Error, refused)}, Start.addSecs(300));
    EXPECT_TRUE(policy.take(Start.addSecs(301)).has_value());
}

// The problem is its kind: the same kind in other words (a folder's name, a
// count) is no news, another kind is; the title says which problem it is.
TEST(NotificationPolicy, AProblemIsKnownByItsKindAndNamedInTheTitle)
{
    using Kind = SyncFailure::Kind;
    NotificationPolicy policy;
    policy.update({source(1, "Work", Status::Active)}, Start);
    NotificationPolicy::Source work = source(1, "Work", Status::Error, QStringLiteral("The disk is full (INBOX)."));
    work.lastErrorKind = Kind::DiskFull;
    policy.update({work}, Start.addSecs(10));
    auto shown = policy.take(Start.addSecs(11));
    ASSERT_TRUE(shown.has_value());
    EXPECT_EQ(shown->title, QStringLiteral("Work: Disk full"));
    EXPECT_EQ(shown->text, QStringLiteral("Work: The disk is full (INBOX)."));

    work.lastError = QStringLiteral("The disk is full (Sent).");
    policy.update({work}, Start.addSecs(60));
    EXPECT_FALSE(policy.take(Start.addSecs(61)).has_value()) << "the same problem in other words";

    work.lastErrorKind = Kind::Authentication;
    work.lastError = QStringLiteral("The server rejected the user name or password.");
    policy.update({work}, Start.addSecs(120));
    shown = policy.take(Start.addSecs(121));
    ASSERT_TRUE(shown.has_value()) << "another problem";
    EXPECT_EQ(shown->title, QStringLiteral("Work: Password rejected"));

    // Where the kind does not name the problem, the words do: another
    // certificate is another problem.
    work.lastErrorKind = Kind::Certificate;
    work.lastError = QStringLiteral("Untrusted, SHA-256 AA:BB.");
    policy.update({work}, Start.addSecs(200));
    ASSERT_TRUE(policy.take(Start.addSecs(201)).has_value());
    work.lastError = QStringLiteral("Untrusted, SHA-256 CC:DD.");
    policy.update({work}, Start.addSecs(300));
    shown = policy.take(Start.addSecs(301));
    ASSERT_TRUE(shown.has_value());
    EXPECT_EQ(shown->title, QStringLiteral("Work: Certificate not trusted"));
    // An unknown kind says no more than that the source needs attention.
    work.lastErrorKind = Kind::Other;
    work.lastError = QStringLiteral("Something odd.");
    policy.update({work}, Start.addSecs(400));
    shown = policy.take(Start.addSecs(401));
    ASSERT_TRUE(shown.has_value());
    EXPECT_EQ(shown->title, QStringLiteral("Work needs attention"));
}

TEST(NotificationPolicy, AServerUnreachableForAnIntervalIsSaidOncePerRunOfFailures)
{
    NotificationPolicy policy;
    NotificationPolicy::Source work = source(1, "Work", Status::Active);
    work.checkIntervalMinutes = 5;
    policy.update({work}, Start);
    work.failingSince = Start.addSecs(60);
    work.lastError = QStringLiteral("The server could not be reached.");
    // Failing for less than an interval: not yet.
    policy.update({work}, Start.addSecs(60 + 4 * 60));
    EXPECT_FALSE(policy.take(Start.addSecs(60 + 4 * 60)).has_value());
    policy.update({work}, Start.addSecs(60 + 5 * 60));
    auto shown = policy.take(Start.addSecs(60 + 5 * 60));
    ASSERT_TRUE(shown.has_value());
    EXPECT_EQ(shown->title, QStringLiteral("Work is unreachable"));
    // Still the same run of failures: once.
    policy.update({work}, Start.addSecs(60 * 60));
    EXPECT_FALSE(policy.take(Start.addSecs(60 * 60)).has_value());
    // Reached again, then a new run of failures: said again.
    work.failingSince = {};
    policy.update({work}, Start.addSecs(61 * 60));
    work.failingSince = Start.addSecs(62 * 60);
    policy.update({work}, Start.addSecs(70 * 60));
    EXPECT_TRUE(policy.take(Start.addSecs(70 * 60)).has_value());
    // Paused sources are not reported.
    NotificationPolicy quiet;
    NotificationPolicy::Source paused = source(3, "Paused", Status::Paused);
    quiet.update({paused}, Start);
    paused.failingSince = Start;
    quiet.update({paused}, Start.addSecs(3600));
    EXPECT_FALSE(quiet.take(Start.addSecs(3600)).has_value());
}

TEST(NotificationPolicy, NotificationsCloseTogetherAreMergedAndSpacedOut)
{
    NotificationPolicy policy;
    policy.update({source(1, "A", Status::Active), source(2, "B", Status::Active), source(3, "C", Status::Active)},
                  Start);
    policy.update({source(1, "A", Status::Error, QStringLiteral("x")),
                   source(2, "B", Status::Error, QStringLiteral("y")),
                   source(3, "C", Status::Active)},
                  Start.addSecs(1));
    auto shown = policy.take(Start.addSecs(1));
    ASSERT_TRUE(shown.has_value());
    EXPECT_EQ(shown->title, QStringLiteral("2 updates from your sources"));
    EXPECT_EQ(shown->text, QStringLiteral("A: x\nB: y"));
    EXPECT_EQ(shown->sourceId, 0); // a click opens the window
    // The next one waits for the gap.
    policy.update({source(1, "A", Status::Error, QStringLiteral("x")),
                   source(2, "B", Status::Error, QStringLiteral("y")),
                   source(3, "C", Status::Error, QStringLiteral("z"))},
                  Start.addSecs(2));
    EXPECT_FALSE(policy.take(Start.addSecs(2)).has_value());
    EXPECT_EQ(policy.nextDue(Start.addSecs(2)), Start.addSecs(1).addMSecs(NotificationPolicy::MinimumGapMs));
    EXPECT_TRUE(policy.take(Start.addSecs(1).addMSecs(NotificationPolicy::MinimumGapMs)).has_value());
    // A removed source's news is dropped.
    policy.update({source(1, "A", Status::Active)}, Start.addSecs(100));
    policy.update({}, Start.addSecs(101));
    EXPECT_FALSE(policy.take(Start.addSecs(200)).has_value());
}
