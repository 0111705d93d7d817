#pragma once

struct CliContext;

// `openarchiver-cli search QUERY [--json] [--limit N] [--source NAME]
// [--folder PATH]`: the archive's messages that match QUERY (the search
// box's language: words, "phrases", from:, to:, date:, …), newest first.
// Without --json one line a message: its id, date, sender and subject;
// with --json an array of objects: id, sha256, message_id, date (ISO 8601,
// UTC), from, subject, snippet, locations (source and folder each). A query
// that cannot be read exits with 2 and says why in words.
int runSearchCommand(CliContext& context);
