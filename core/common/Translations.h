#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace Translations {

// Loads our catalogue and Qt's own and installs them on the application:
// for `language` ("de") when it names a catalogue we ship, else for the
// user's UI language. A chosen language also becomes the default locale, so
// numbers and dates follow it. Silently keeps English when no catalogue
// matches.
void install(QCoreApplication& app, const QString& language = {});

// The languages we ship a catalogue for ("de", "en"), sorted.
QStringList available();

// `language` as its speakers write it, capitalised ("Deutsch").
QString nativeName(const QString& language);

} // namespace Translations
