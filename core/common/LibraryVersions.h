#pragma once

#include <QString>

// The versions of the libraries the archive depends on, as linked at run time.
// Shown in the About box and by `openarchiver-cli --version`, because a bug
// report about lost mail starts with "which vmime, which SQLite".
struct LibraryVersions
{
    QString qt;
    QString vmime;
    QString sqlite;
    QString zstd;

    static LibraryVersions current();
    // One line a library, "Qt 6.4.2" etc.
    QString toText() const;
};
