#include "common/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
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

// Every string that lupdate found must have its German text: an unfinished
// entry means somebody added a string and forgot the translation.
TEST(Translations, GermanCatalogueHasNoUnfinishedEntries)
{
    QFile file(QStringLiteral(OPENARCHIVER_SOURCE_DIR "/translations/openarchiver_de.ts"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << file.fileName().toStdString();
    QXmlStreamReader xml(&file);
    QString source;
    int messages = 0;
    QStringList unfinished;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == QLatin1String("translation")) {
            const bool markedUnfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            if (markedUnfinished || xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed().isEmpty()) {
                unfinished << source;
            }
        }
    }
    ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_GT(messages, 10);
    EXPECT_TRUE(unfinished.isEmpty()) << "untranslated: " << unfinished.join(QStringLiteral(" | ")).toStdString();
}

} // namespace
