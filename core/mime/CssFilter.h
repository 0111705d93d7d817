#pragma once

#include <QString>

// Filters the declarations of an HTML style attribute for the message
// viewer: only properties that change how text and boxes look survive, and
// none whose value could fetch something or run something.
namespace CssFilter {

struct FilteredStyle
{
    // "prop: value; prop: value", or empty when nothing survived.
    QString style;
    // Declarations dropped because they named a remote image (url(http…)).
    int remoteUrls = 0;
};

FilteredStyle filter(const QString& style);

} // namespace CssFilter
