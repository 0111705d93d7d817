#pragma once

#include <QString>

// Names every entry point shares, so the GUI, the CLI and the tests find the
// same settings, archive directory and keychain service.
namespace AppInfo {

QString displayName();
QString version();
// The user guide: the README's "User guide" section on the project's home
// page (CMake's HOMEPAGE_URL), what F1 opens.
QString userGuideUrl();
// The keychain service under which source passwords are stored.
QString keychainService();

// Sets organisation, application name and version. Call right after the
// application object is made, before anything reads QStandardPaths or QSettings.
void configure();

} // namespace AppInfo
