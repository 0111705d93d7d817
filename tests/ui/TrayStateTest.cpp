#include "tray/TrayState.h"

#include <gtest/gtest.h>

namespace {

using Look = TrayState::Look;
using Status = IngestionSource::Status;

TrayState::Source source(const char* name, Status status, bool syncing = false, bool failing = false)
{
    return {QString::fromUtf8(name), status, syncing, failing};
}

std::string tip(const TrayState& state)
{
    return state.toolTip.toStdString();
}

TEST(TrayStateTest, SaysNothingBeforeTheSourcesAreRead)
{
    const TrayState state = TrayState::of({}, -1, false);
    EXPECT_EQ(state.look, Look::Idle);
    EXPECT_EQ(state.toolTip, QStringLiteral("OpenArchiver Desktop"));
    EXPECT_FALSE(state.anyRunning);
}

TEST(TrayStateTest, NamesTheOneSourceSyncingAndCountsTheArchive)
{
    const TrayState state = TrayState::of(
        {source("Work Email", Status::Importing, true), source("Home", Status::Active), source("Old", Status::Active)},
        412330,
        true);
    EXPECT_EQ(state.look, Look::Syncing);
    EXPECT_EQ(state.toolTip, QStringLiteral("OpenArchiver Desktop\n3 sources · syncing Work Email · 412,330 messages"))
        << tip(state);
    EXPECT_TRUE(state.anyRunning);
    EXPECT_FALSE(state.anyPaused);
}

TEST(TrayStateTest, CountsSeveralSyncing)
{
    const TrayState state =
        TrayState::of({source("A", Status::Active, true), source("B", Status::Active, true)}, 10, true);
    EXPECT_EQ(state.toolTip, QStringLiteral("OpenArchiver Desktop\n2 sources · 2 syncing · 10 messages")) << tip(state);
}

// A problem is never hidden behind "syncing".
TEST(TrayStateTest, AttentionWinsOverSyncing)
{
    const TrayState error = TrayState::of({source("A", Status::Active, true), source("B", Status::Error)}, 5, true);
    EXPECT_EQ(error.look, Look::NeedsAttention);
    EXPECT_EQ(error.toolTip,
              QStringLiteral("OpenArchiver Desktop\n2 sources · syncing A · 1 needs attention · 5 messages"))
        << tip(error);

    const TrayState failing = TrayState::of({source("A", Status::Active, false, true)}, 1, true);
    EXPECT_EQ(failing.look, Look::NeedsAttention);
    EXPECT_EQ(failing.toolTip, QStringLiteral("OpenArchiver Desktop\n1 source · 1 can't reach the server · 1 message"))
        << tip(failing);
}

TEST(TrayStateTest, PausedOnlyWhenEverySourceIs)
{
    const TrayState all = TrayState::of({source("A", Status::Paused), source("B", Status::Paused)}, -1, true);
    EXPECT_EQ(all.look, Look::Paused);
    EXPECT_EQ(all.toolTip, QStringLiteral("OpenArchiver Desktop\n2 sources · all paused")) << tip(all);
    EXPECT_FALSE(all.anyRunning) << "the menu offers Resume all";
    EXPECT_TRUE(all.anyPaused);

    const TrayState some = TrayState::of({source("A", Status::Paused), source("B", Status::Active)}, 7, true);
    EXPECT_EQ(some.look, Look::Idle);
    EXPECT_EQ(some.toolTip, QStringLiteral("OpenArchiver Desktop\n2 sources · 1 paused · 7 messages")) << tip(some);
    EXPECT_TRUE(some.anyRunning);
    EXPECT_TRUE(some.anyPaused);
}

TEST(TrayStateTest, NoSourcesIsIdle)
{
    const TrayState state = TrayState::of({}, 0, true);
    EXPECT_EQ(state.look, Look::Idle);
    EXPECT_EQ(state.toolTip, QStringLiteral("OpenArchiver Desktop\nNo ingestion sources · 0 messages")) << tip(state);
    EXPECT_FALSE(state.anyRunning);
    EXPECT_FALSE(state.anyPaused);
}

} // namespace
