#include "CliInterrupt.h"

#include <csignal>

#include <unistd.h>

namespace CliInterrupt {

namespace {

volatile std::sig_atomic_t interrupted = 0;

void onInterrupt(int)
{
    interrupted = 1;
}

} // namespace

void catchInterrupts()
{
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

bool wasInterrupted()
{
    return interrupted != 0;
}

bool errorIsTerminal()
{
    return ::isatty(STDERR_FILENO) != 0;
}

} // namespace CliInterrupt
