#include "common/AppSettings.h"
#include "common/Autostart.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

// Each test with settings and a config folder of its own.
class AppSettingsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_directory.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_directory.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_directory.path());
        qputenv("XDG_CONFIG_HOME", m_directory.filePath(QStringLiteral("config")).toUtf8());
    }

    QTemporaryDir m_directory;
};

} // namespace

TEST_F(AppSettingsTest, DefaultsBoundsAndWhatWasSavedIsReadBack)
{
    using AppSettings::Key;
    EXPECT_EQ(AppSettings::defaultCheckIntervalMinutes(), 5);
    EXPECT_EQ(AppSettings::concurrentSources(), 2);
    EXPECT_FALSE(AppSettings::startMinimized());
    EXPECT_FALSE(AppSettings::startAtLogin());
    EXPECT_TRUE(AppSettings::notificationsEnabled());

    AppSettings::setValue(Key::DefaultCheckIntervalMinutes, 30);
    AppSettings::setValue(Key::ConcurrentSources, 4);
    AppSettings::setValue(Key::NotificationsEnabled, false);
    // Read again through a new QSettings, as after a restart.
    EXPECT_EQ(AppSettings::defaultCheckIntervalMinutes(), 30);
    EXPECT_EQ(AppSettings::concurrentSources(), 4);
    EXPECT_FALSE(AppSettings::notificationsEnabled());
    EXPECT_EQ(QSettings().value(QStringLiteral("settings/version")).toInt(), AppSettings::Version);

    // Whatever the file says, numbers stay within their bounds.
    QSettings().setValue(AppSettings::keyName(Key::ConcurrentSources), 99);
    QSettings().setValue(AppSettings::keyName(Key::DefaultCheckIntervalMinutes), QStringLiteral("often"));
    EXPECT_EQ(AppSettings::concurrentSources(), 8);
    EXPECT_EQ(AppSettings::defaultCheckIntervalMinutes(), 5);
}

TEST_F(AppSettingsTest, SettingsOfBeforeTheTableAreMigratedOnce)
{
    // Version 0: notifications turned off in the tray menu, no version.
    QSettings().setValue(QStringLiteral("notifications/enabled"), false);
    AppSettings::migrate();
    EXPECT_EQ(QSettings().value(QStringLiteral("settings/version")).toInt(), AppSettings::Version);
    EXPECT_FALSE(AppSettings::notificationsEnabled());
}

TEST_F(AppSettingsTest, StartAtLoginWritesAndRemovesTheDesktopsEntry)
{
    const QString program = QStringLiteral("/opt/Open \"Archiver\"/bin/openarchiver");
    QString error;
    EXPECT_FALSE(Autostart::isEnabled());
    ASSERT_TRUE(Autostart::setEnabled(true, program, &error)) << error.toStdString();
    EXPECT_TRUE(Autostart::isEnabled());
#if !defined(Q_OS_WIN) && !defined(Q_OS_MACOS)
    EXPECT_EQ(Autostart::location(), m_directory.filePath(QStringLiteral("config/autostart/openarchiver.desktop")));
    QFile entry(Autostart::location());
    ASSERT_TRUE(entry.open(QIODevice::ReadOnly));
    const QByteArray text = entry.readAll();
    EXPECT_TRUE(text.startsWith("[Desktop Entry]\n")) << text.toStdString();
    EXPECT_TRUE(text.contains("\nExec=\"/opt/Open \\\"Archiver\\\"/bin/openarchiver\" --minimized\n"))
        << text.toStdString();
#endif
    ASSERT_TRUE(Autostart::setEnabled(false, program, &error)) << error.toStdString();
    EXPECT_FALSE(Autostart::isEnabled());
    // A file where the folder must be: said, not ignored.
    ASSERT_TRUE(QDir(m_directory.filePath(QStringLiteral("config/autostart"))).removeRecursively());
    QFile blocker(m_directory.filePath(QStringLiteral("config/autostart")));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    EXPECT_FALSE(Autostart::setEnabled(true, program, &error));
    EXPECT_FALSE(error.isEmpty());
}
