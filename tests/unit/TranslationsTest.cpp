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

TEST(Translations, GermanCatalogueIsCompiledInAndUsed)
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    Translations::install(*QCoreApplication::instance());
    EXPECT_EQ(QCoreApplication::translate("IngestionsPage", "No ingestion sources yet"),
              QStringLiteral("Noch keine Importquellen"));
    QLocale::setDefault(previous);
    // Leave the process in English for the tests that run after this one.
    for (QTranslator* translator : QCoreApplication::instance()->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
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
    for (QTranslator* translator : QCoreApplication::instance()->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
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
