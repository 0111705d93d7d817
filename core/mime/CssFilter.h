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

// A number with an optional unit (px, pt, em, rem, %) no larger than `max`.
// Sizes from hostile mail are held to this so that an image or a font scaled
// to 100000 pixels cannot make the viewer allocate gigabytes.
bool isModestLength(const QString& value, double max);

// The largest number any kept declaration may hold, and the largest font size.
inline constexpr double MaxLength = 4000;
inline constexpr double MaxFontSize = 144;

} // namespace CssFilter
