#pragma once

// Lets the threads that do background work (syncing, storing, checkpoints,
// counts) yield the processor to the GUI thread.
//
// On two cores an import keeps both busy (fetching, preparing, storing),
// and the GUI thread then waits for a core: the list stalled for half a
// second while PageDown was held during an import (bench/browse), with the
// GUI thread on a CPU for only 5 % of that time. A background thread with a
// lower priority still gets every idle cycle, so an import is no slower
// while the user does nothing.
//
// Off by default: the CLI has no GUI to yield to, and its import is compared
// with mbsync's on busy machines. The GUI turns it on in main().
class BackgroundPriority
{
public:
    static void setEnabled(bool enabled);

    // Lowers the calling thread's priority when enabled; threads it starts
    // afterwards inherit it on Linux.
    static void applyToCurrentThread();
};
