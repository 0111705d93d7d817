#pragma once

struct CliContext;

// `openarchiver-cli export --format eml|mbox --out PATH [--query Q]
// [--source NAME] [--folder PATH] [--flat] [--force]`: every archived message
// in scope (and matching the query) as .eml files — each in
// PATH/<source>/<folder>/ unless --flat — or as one mboxrd file, with
// exactly the archived bytes (MessageExporter).
int runExportCommand(CliContext& context);
