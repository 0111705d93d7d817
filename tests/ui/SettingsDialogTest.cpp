#include "settings/SettingsDialog.h"

#include "TemporaryArchive.h"
#include "common/AppSettings.h"
#include "common/Autostart.h"
#include "credentials/SessionCredentialStore.h"
#include "sync/SyncManager.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

// The settings a user changes are saved, applied at once (the limit of
// sources syncing together, the login entry) and there again next time;
// Cancel changes nothing.
TEST(SettingsDialogTest, SavesAppliesAndShowsTheSettingsAgain)
{
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    SessionCredentialStore credentials;
    SyncManager manager(archive.archive(), &credentials);
    manager.setConcurrencyLimit(AppSettings::concurrentSources());

    {
        SettingsDialog dialog(&manager);
        dialog.show();
        auto* interval = dialog.findChild<QSpinBox*>(QStringLiteral("defaultIntervalSpin"));
        auto* concurrent = dialog.findChild<QSpinBox*>(QStringLiteral("concurrentSourcesSpin"));
        EXPECT_EQ(interval->value(), 5);
        EXPECT_EQ(concurrent->value(), 2);
        EXPECT_FALSE(interval->accessibleName().isEmpty());
        interval->setValue(15);
        concurrent->setValue(3);
        dialog.findChild<QCheckBox*>(QStringLiteral("startAtLoginCheck"))->setChecked(true);
        dialog.findChild<QCheckBox*>(QStringLiteral("startMinimizedCheck"))->setChecked(true);
        dialog.findChild<QCheckBox*>(QStringLiteral("notificationsCheck"))->setChecked(false);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("saveSettingsButton")), Qt::LeftButton);
        EXPECT_EQ(dialog.result(), QDialog::Accepted);
    }
    EXPECT_EQ(AppSettings::defaultCheckIntervalMinutes(), 15);
    EXPECT_EQ(AppSettings::concurrentSources(), 3);
    EXPECT_EQ(manager.concurrencyLimit(), 3);
    EXPECT_TRUE(AppSettings::startMinimized());
    EXPECT_FALSE(AppSettings::notificationsEnabled());
    EXPECT_TRUE(AppSettings::startAtLogin());
    EXPECT_TRUE(Autostart::isEnabled());

    {
        // Shown again: what was saved. Cancel keeps it.
        SettingsDialog dialog(&manager);
        auto* interval = dialog.findChild<QSpinBox*>(QStringLiteral("defaultIntervalSpin"));
        EXPECT_EQ(interval->value(), 15);
        EXPECT_TRUE(dialog.findChild<QCheckBox*>(QStringLiteral("startAtLoginCheck"))->isChecked());
        interval->setValue(60);
        dialog.reject();
    }
    EXPECT_EQ(AppSettings::defaultCheckIntervalMinutes(), 15);

    {
        SettingsDialog dialog(&manager);
        dialog.findChild<QCheckBox*>(QStringLiteral("startAtLoginCheck"))->setChecked(false);
        dialog.accept();
    }
    EXPECT_FALSE(Autostart::isEnabled());
    AppSettings::setValue(AppSettings::Key::NotificationsEnabled, true);
}

// The language is chosen from the catalogues we ship, by their own names;
// the dialog says it takes effect at the next start, and the choice is
// there again next time.
TEST(SettingsDialogTest, TheLanguageIsChosenSavedAndTakesEffectAtTheNextStart)
{
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    AppSettings::setValue(AppSettings::Key::Language, QString());
    {
        SettingsDialog dialog(nullptr);
        dialog.show();
        auto* language = dialog.findChild<QComboBox*>(QStringLiteral("languageCombo"));
        auto* note = dialog.findChild<QLabel*>(QStringLiteral("languageNote"));
        ASSERT_TRUE(language && note);
        EXPECT_FALSE(language->accessibleName().isEmpty());
        EXPECT_TRUE(language->currentText().startsWith(QStringLiteral("System default")))
            << language->currentText().toStdString();
        EXPECT_FALSE(note->isVisible());
        const int german = language->findText(QStringLiteral("Deutsch"));
        ASSERT_GE(german, 0);
        language->setCurrentIndex(german);
        EXPECT_TRUE(note->isVisible());
        EXPECT_TRUE(note->text().contains(QStringLiteral("starts next"))) << note->text().toStdString();
        dialog.accept();
    }
    EXPECT_EQ(AppSettings::language(), QStringLiteral("de"));
    {
        SettingsDialog dialog(nullptr);
        auto* language = dialog.findChild<QComboBox*>(QStringLiteral("languageCombo"));
        EXPECT_EQ(language->currentText(), QStringLiteral("Deutsch"));
        language->setCurrentIndex(0);
        dialog.accept();
    }
    EXPECT_TRUE(AppSettings::language().isEmpty());
}
