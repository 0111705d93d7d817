#pragma once

#include "sources/IngestionSource.h"

#include <QColor>
#include <QPalette>

#include <functional>

class QWidget;

// The colours the app puts on text (errors, "Connected", status, hints),
// each chosen for the palette it is drawn on so that it reads at 4.5:1
// (WCAG 2.1 AA) against both Window and Base, light theme or dark.
namespace ThemeColors {

enum class Role { Error, Success, Warning, Secondary };

// WCAG 2.1 relative luminance and contrast ratio (1 to 21).
double relativeLuminance(const QColor& color);
double contrastRatio(const QColor& a, const QColor& b);
// Whether text on this palette's window must be light.
bool isDark(const QPalette& palette);
// The colour, or the nearest one towards black (light palette) or white
// (dark palette), that reads at 4.5:1 against Window and Base.
QColor readable(const QColor& preferred, const QPalette& palette);
// The keyboard focus ring: Highlight, moved the same way until it stands out
// at 3:1 (WCAG 2.1 non-text contrast) against Window and Base.
QColor focusRing(const QPalette& palette);
// The ring on a filled background (an item view's selected current cell,
// drawn on Highlight): focusRing where it stands out there at 3:1, else the
// palette's colour (HighlightedText, WindowText, Base) that stands out most.
QColor focusRing(const QPalette& palette, const QColor& background);

QColor errorText(const QPalette& palette);
QColor successText(const QPalette& palette);
QColor warningText(const QPalette& palette);
// Less prominent than WindowText, unlike PlaceholderText still 4.5:1.
QColor secondaryText(const QPalette& palette);
QColor statusText(IngestionSource::Status status, const QPalette& palette);
// A search's matched words: a marker background (yellow on a light theme,
// amber on a dark one) and the text on it, which reads at 4.5:1 there.
QColor searchMatchBackground(const QPalette& palette);
QColor searchMatchText(const QPalette& palette);
QColor color(Role role, const QPalette& palette);

// Gives the widget's text the colour through its palette (WindowText and
// Text), and again whenever its palette or the application's changes.
void apply(QWidget* widget, Role role);
void apply(QWidget* widget, std::function<QColor(const QPalette&)> colorFor);
// Back to the inherited text colour.
void clear(QWidget* widget);

} // namespace ThemeColors
