#pragma once

// Ctrl+C (SIGINT) and SIGTERM for commands that stop between steps and
// clean up after themselves (verify, backup, export) instead of being killed
// with a temporary file left behind. `sync` has its own watcher: it must
// also cancel a blocking network read.
namespace CliInterrupt {

// From now on, an interrupt only sets a flag.
void catchInterrupts();
// An interrupt arrived since catchInterrupts().
bool wasInterrupted();
// Standard error is a terminal: progress lines are worth drawing.
bool errorIsTerminal();

} // namespace CliInterrupt
