#include "settings/SettingsDialog.h"

#include "WaitUntil.h"
#include "archive/ArchiveDatabase.h"
#include "settings/ArchiveMoveDialog.h"

#include "TemporaryArchive.h"
#include "common/AppSettings.h"
#include "common/Autostart.h"
#include "credentials/SessionCredentialStore.h"
#include "sync/SyncManager.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
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

// Settings → Archive → Move…: the syncs stop, the copy is made and checked;
// a failure after the copy leaves the old archive in use and the syncs
// going again; a move that works names the copy and asks for the restart.
TEST(SettingsDialogTest, MovingTheArchiveStopsTheSyncsAndEitherSwitchesOrKeepsTheOldOne)
{
    QTemporaryDir config;
    QTemporaryDir targets;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config.path());
    // Without an organisation QSettings reports every write as failed
    // (AccessError), and the move rightly refuses to switch; the app has one.
    QCoreApplication::setOrganizationName(QStringLiteral("OpenArchiver Tests"));
    const auto noOrganization = qScopeGuard([] { QCoreApplication::setOrganizationName(QString()); });
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    SessionCredentialStore credentials;
    SyncManager manager(archive.archive(), &credentials);
    manager.start();
    const QString before = ArchiveDatabase::defaultPath();

    SettingsDialog settings(&manager);
    settings.setArchive(archive.path(), true);
    settings.show();
    auto* moveButton = settings.findChild<QPushButton*>(QStringLiteral("moveArchiveButton"));
    ASSERT_TRUE(moveButton->isVisible());
    EXPECT_EQ(settings.findChild<QLabel*>(QStringLiteral("archivePathLabel"))->text(),
              QDir::toNativeSeparators(archive.path()));
    QSignalSpy archiveMoved(&settings, &SettingsDialog::archiveMoved);

    ArchiveMoveDialog* dialog = settings.showArchiveMove();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    auto* message = dialog->findChild<QLabel*>(QStringLiteral("moveMessage"));
    QSignalSpy failed(dialog, &ArchiveMoveDialog::moveFailed);
    dialog->setTargetPath(targets.filePath(QStringLiteral("moved.sqlite")));
    dialog->failAfterCopyForTesting();
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("moveButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return failed.count() == 1; }, 30000));
    EXPECT_TRUE(message->text().contains(QStringLiteral("stays where it is"))) << message->text().toStdString();
    EXPECT_FALSE(manager.isStopped()) << "the syncs must go on after a failed move";
    EXPECT_EQ(ArchiveDatabase::defaultPath(), before);
    EXPECT_FALSE(QFileInfo::exists(targets.filePath(QStringLiteral("moved.sqlite"))));
    EXPECT_EQ(archiveMoved.count(), 0);

    // Again, without the failure: the archive moves.
    QSignalSpy moved(dialog, &ArchiveMoveDialog::moved);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("moveButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return moved.count() == 1; }, 30000)) << message->text().toStdString();
    EXPECT_TRUE(manager.isStopped()) << "the syncs stay stopped: the app restarts";
    EXPECT_EQ(moved.first().at(0).toString(), targets.filePath(QStringLiteral("moved.sqlite")));
    EXPECT_EQ(ArchiveDatabase::defaultPath(), targets.filePath(QStringLiteral("moved.sqlite")));
    EXPECT_EQ(archiveMoved.count(), 1);
    EXPECT_TRUE(message->text().contains(QStringLiteral("restarts"))) << message->text().toStdString();
    dialog->close();
    AppSettings::setValue(AppSettings::Key::ArchiveLocation, QString());
    AppSettings::setValue(AppSettings::Key::ArchiveLeftover, QString());
}
