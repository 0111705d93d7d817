#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

const QString CatalogueDirectory = QStringLiteral(":/i18n");
const QString CataloguePrefix = QStringLiteral("openarchiver_");

} // namespace

namespace Translations {

void install(QCoreApplication& app, const QString& language)
{
    if (available().contains(language)) {
        QLocale::setDefault(QLocale(language));
    }
    const QLocale locale;
    // Parented to the application: they must live as long as it does.
    auto* ours = new QTranslator(&app);
    // Without a catalogue for the user's language the English one still
    // gives plurals their right form ("1 message", not "1 message(s)").
    if (ours->load(locale, QStringLiteral("openarchiver"), QStringLiteral("_"), CatalogueDirectory)
        || ours->load(CataloguePrefix + QStringLiteral("en"), CatalogueDirectory)) {
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

QStringList available()
{
    QStringList languages;
    const QStringList files =
        QDir(CatalogueDirectory).entryList({CataloguePrefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        languages << file.mid(CataloguePrefix.size()).chopped(3);
    }
    return languages;
}

QString nativeName(const QString& language)
{
    const QLocale locale(language);
    // "en" alone is en_US, whose own name is "American English".
    if (locale.language() == QLocale::English) {
        return QStringLiteral("English");
    }
    const QString name = locale.nativeLanguageName();
    return name.isEmpty() ? language : name.left(1).toUpper() + name.mid(1);
}

} // namespace Translations
