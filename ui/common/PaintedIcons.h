#pragma once

#include <QColor>
#include <QIcon>

// Small icons drawn in code, so they exist on every platform and icon theme
// (the SVG image plugin is optional on Linux, and Xvfb sessions have no
// theme at all) and follow the palette's text colour.
namespace PaintedIcons {

// An open eye: "show the password".
QIcon eye(const QColor& color);

// A pencil, tip down-left: "edit".
QIcon pencil(const QColor& color);

} // namespace PaintedIcons
