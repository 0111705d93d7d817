#pragma once

#include <QIcon>

// The application icon in every size we ship, so the window manager, the tray
// and the About box each pick a sharp one.
QIcon appIcon();
