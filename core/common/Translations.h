#pragma once

class QCoreApplication;

namespace Translations {

// Loads our catalogue and Qt's own for the user's UI language and installs
// them on the application. Silently keeps English when no catalogue matches.
void install(QCoreApplication& app);

} // namespace Translations
