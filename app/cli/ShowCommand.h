#pragma once

struct CliContext;

// `openarchiver-cli show ID|SHA256 [--raw | --text | --html]`: one archived
// message. Without an option: its headers, where it was found, its
// attachments and its text. --raw writes the archived bytes exactly,
// --text the decoded text body, --html exactly the sanitized HTML the
// viewer shows. ID is the id the browser shows and `search --json` gives.
int runShowCommand(CliContext& context);
