#pragma once

#include <QString>

// Starting the app when the user logs in, the way each desktop does it:
// an XDG autostart entry on Linux (~/.config/autostart), the Run key of the
// user's registry on Windows, a LaunchAgent on macOS. Each starts the app
// minimised to the tray (--minimized).
namespace Autostart {

// Where the entry lives (a file; on Windows the registry value's key).
QString location();
bool isEnabled();
// Writes or removes the entry for `program`; false with *error when the
// file or the registry could not be written.
bool setEnabled(bool enabled, const QString& program, QString* error);

} // namespace Autostart
