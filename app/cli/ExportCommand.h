#pragma once

struct CliContext;

// `openarchiver-cli export --format eml --out DIR [--source NAME] [--folder PATH]`:
// writes every archived message in scope as an .eml file holding exactly the
// archived bytes, under DIR/<source>/<folder>/.
int runExportCommand(CliContext& context);
