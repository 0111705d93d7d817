#pragma once

#include "TrayState.h"

#include <QIcon>

// The tray icon for each look: the application icon with a badge in its
// lower right corner — circling arrows on blue while syncing, two bars on
// grey when everything is paused, "!" on red when a source needs attention,
// none when idle. The badge is a disc with a white rim, so it stands out on
// light and on dark panels alike, and is drawn for each size so that it
// stays legible at 16 pixels.
namespace TrayIconArt {

QIcon icon(TrayState::Look look);

} // namespace TrayIconArt
