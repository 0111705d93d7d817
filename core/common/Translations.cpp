#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Translations {

void install(QCoreApplication& app)
{
    const QLocale locale;
    // Parented to the application: they must live as long as it does.
    auto* ours = new QTranslator(&app);
    // Without a catalogue for the user's language the English one still
    // gives plurals their right form ("1 message", not "1 message(s)").
    if (ours->load(locale, QStringLiteral("openarchiver"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || ours->load(QStringLiteral("openarchiver_en"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(ours);
    } else {
        delete ours;
    }
    auto* qt = new QTranslator(&app);
    if (qt->load(locale,
                 QStringLiteral("qtbase"),
                 QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
}

} // namespace Translations
