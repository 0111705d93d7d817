#pragma once

struct CliContext;

// `openarchiver-cli restore --to NAME | --host H [--port P] [--security MODE]
// --user U --password-stdin [--trust-fingerprint SHA256]
// [--to-folder DEST | --keep-folders] [--query Q] [--source NAME]
// [--folder PATH]`: archived messages back onto an IMAP account with their
// exact bytes, flags and dates (MessageRestore); a message the destination
// folder holds already is not sent again, so it can be run again after a
// stop.
int runRestoreCommand(CliContext& context);
