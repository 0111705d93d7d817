#pragma once

struct CliContext;

// `openarchiver-cli source add|list|pause|resume|remove …`: manages the
// ingestion sources of the archive. Passwords go to the OS keychain, read
// from standard input (--password-stdin), never from the command line.
int runSourceCommand(CliContext& context);
