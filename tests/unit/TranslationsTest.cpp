#include "common/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace {

// Leaves the process in English for the tests that run after one.
void uninstallTranslators()
{
    for (QTranslator* translator : QCoreApplication::instance()->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

TEST(Translations, GermanCatalogueIsCompiledInAndUsed)
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    Translations::install(*QCoreApplication::instance());
    EXPECT_EQ(QCoreApplication::translate("IngestionsPage", "No ingestion sources yet"),
              QStringLiteral("Noch keine Importquellen"));
    QLocale::setDefault(previous);
    uninstallTranslators();
}

// In a language without a catalogue the English one still gives plurals
// their form: "1 source", never "1 source(s)".
TEST(Translations, EnglishPluralsAreUsedWhereNoCatalogueMatches)
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::Swahili, QLocale::Kenya));
    Translations::install(*QCoreApplication::instance());
    EXPECT_EQ(QCoreApplication::translate("MainWindow", "%n source(s)", nullptr, 1), QStringLiteral("1 source"));
    EXPECT_EQ(QCoreApplication::translate("MainWindow", "%n source(s)", nullptr, 3), QStringLiteral("3 sources"));
    QLocale::setDefault(previous);
    uninstallTranslators();
}

// Settings → Language: the chosen catalogue wins over the system's
// language, and the locale follows it (numbers, dates, Qt's own strings).
TEST(Translations, AChosenLanguageWinsOverTheSystemOne)
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::Swahili, QLocale::Kenya));
    Translations::install(*QCoreApplication::instance(), QStringLiteral("de"));
    EXPECT_EQ(QCoreApplication::translate("IngestionsPage", "No ingestion sources yet"),
              QStringLiteral("Noch keine Importquellen"));
    EXPECT_EQ(QLocale().language(), QLocale::German);
    QLocale::setDefault(previous);
    uninstallTranslators();
}

// A setting naming no catalogue we ship (an older version's choice, a
// hand-edited file) changes nothing: the system's language is used.
TEST(Translations, AnUnknownChoiceKeepsTheSystemLanguage)
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Translations::install(*QCoreApplication::instance(), QStringLiteral("xx"));
    EXPECT_EQ(QLocale().language(), QLocale::English);
    EXPECT_EQ(QCoreApplication::translate("IngestionsPage", "No ingestion sources yet"),
              QStringLiteral("No ingestion sources yet"));
    QLocale::setDefault(previous);
    uninstallTranslators();
}

TEST(Translations, TheShippedLanguagesAreListedWithTheirOwnNames)
{
    const QStringList languages = Translations::available();
    EXPECT_TRUE(languages.contains(QStringLiteral("de"))) << languages.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(languages.contains(QStringLiteral("en"))) << languages.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(Translations::nativeName(QStringLiteral("de")), QStringLiteral("Deutsch"));
}

// The catalogue as lupdate would make it from today's sources, in a
// temporary copy: a string added without running lupdate shows up here as
// unfinished too, not only one that was found and left untranslated.
QStringList unfinishedAfterLupdate(const QString& catalogue, const QStringList& extraOptions)
{
    QTemporaryDir directory;
    const QString copy = directory.filePath(QFileInfo(catalogue).fileName());
    if (!QFile::copy(QStringLiteral(OPENARCHIVER_SOURCE_DIR "/translations/") + catalogue, copy)) {
        return {QStringLiteral("cannot copy ") + catalogue};
    }
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(OPENARCHIVER_SOURCE_DIR));
    lupdate.start(
        QStringLiteral(OPENARCHIVER_LUPDATE),
        QStringList {QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("-ts"), copy}
            + extraOptions
            + QStringList {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none")});
    if (!lupdate.waitForFinished(120000) || lupdate.exitCode() != 0) {
        return {QStringLiteral("lupdate failed: ") + QString::fromLocal8Bit(lupdate.readAllStandardError())};
    }
    QFile file(copy);
    if (!file.open(QIODevice::ReadOnly)) {
        return {QStringLiteral("cannot read ") + copy};
    }
    QXmlStreamReader xml(&file);
    QString source;
    QStringList unfinished;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const bool markedUnfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            if (markedUnfinished || xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed().isEmpty()) {
                unfinished << source;
            }
        }
    }
    if (xml.hasError()) {
        unfinished << xml.errorString();
    }
    return unfinished;
}

// Every user-visible string has its German text: an unfinished entry means
// somebody added a string and forgot lupdate or the translation
// (docs/architecture.md, "Translations", says how to fill them in).
TEST(Translations, GermanCatalogueHasNoUnfinishedEntries)
{
    const QStringList unfinished = unfinishedAfterLupdate(QStringLiteral("openarchiver_de.ts"), {});
    EXPECT_TRUE(unfinished.isEmpty()) << "untranslated: " << unfinished.join(QStringLiteral(" | ")).toStdString();
}

// Every "%n …(s)" string has its English singular and plural.
TEST(Translations, EnglishCatalogueHasEveryPluralForm)
{
    const QStringList unfinished =
        unfinishedAfterLupdate(QStringLiteral("openarchiver_en.ts"), {QStringLiteral("-pluralonly")});
    EXPECT_TRUE(unfinished.isEmpty()) << "no plural forms: " << unfinished.join(QStringLiteral(" | ")).toStdString();
}

} // namespace
