#pragma once

class Archive;
class QString;

// Opens the archive for the GUI. An archive in an older format is upgraded
// first, on a thread of its own, while a window says what is happening: at
// a million messages the upgrade to format 10 takes about 20 s, and a
// window that does not appear for that long looks like an app that hangs.
class ArchiveOpening
{
public:
    static bool open(Archive& archive, QString* error);
};
