#pragma once

struct CliContext;

// `openarchiver-cli backup --to FILE [--force]`: a consistent copy of the
// archive in one file, safe while a sync writes (ArchiveBackup).
int runBackupCommand(CliContext& context);
