#pragma once

struct CliContext;

// `openarchiver-cli verify`: reads every message back and checks the archive;
// exits non-zero when anything is wrong.
int runVerifyCommand(CliContext& context);
