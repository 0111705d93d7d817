#pragma once

struct CliContext;

// `openarchiver-cli sync [--source NAME]`: runs a sync pass of every source
// that is not paused (or of the one named) in the foreground. Ctrl+C or
// SIGTERM stops at a batch boundary with a valid checkpoint. Exits 0 when
// every source in scope finished, 1 with the error's message otherwise.
int runSyncCommand(CliContext& context);
