#pragma once

struct CliContext;

// `openarchiver-cli status [--json]`: each source with its status, last sync,
// last error, and for every folder what the server holds, what is archived,
// and whether the last pass proved the folder complete.
int runStatusCommand(CliContext& context);
