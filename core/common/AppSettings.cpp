#include "AppSettings.h"

#include <QSettings>

#include <algorithm>

namespace AppSettings {

namespace {

struct Entry
{
    Key key;
    const char* name;
    QVariant fallback;
    int minimum = 0; // for numbers
    int maximum = 0;
};

// The table: every setting the app has.
const Entry& entry(Key key)
{
    static const Entry entries[] = {
        {Key::DefaultCheckIntervalMinutes, "sync/defaultCheckIntervalMinutes", 5, 1, 1440},
        {Key::ConcurrentSources, "sync/concurrentSources", 2, 1, 8},
        {Key::StartMinimized, "app/startMinimized", false},
        {Key::StartAtLogin, "app/startAtLogin", false},
        {Key::NotificationsEnabled, "notifications/enabled", true},
        {Key::Language, "app/language", QString()},
        {Key::ArchiveLocation, "archive/location", QString()},
        {Key::ArchiveLeftover, "archive/leftover", QString()},
    };
    for (const Entry& e : entries) {
        if (e.key == key) {
            return e;
        }
    }
    return entries[0];
}

const QString VersionKey = QStringLiteral("settings/version");

} // namespace

QString keyName(Key key)
{
    return QString::fromLatin1(entry(key).name);
}

QVariant defaultValue(Key key)
{
    return entry(key).fallback;
}

QVariant value(Key key)
{
    const Entry& e = entry(key);
    const QVariant stored = QSettings().value(keyName(key), e.fallback);
    if (e.fallback.typeId() == QMetaType::Int) {
        bool ok = false;
        const int number = stored.toInt(&ok);
        return ok ? std::clamp(number, e.minimum, e.maximum) : e.fallback.toInt();
    }
    if (e.fallback.typeId() == QMetaType::Bool) {
        return stored.toBool();
    }
    return stored;
}

bool setValue(Key key, const QVariant& value)
{
    QSettings settings;
    settings.setValue(keyName(key), value);
    settings.setValue(VersionKey, Version);
    settings.sync();
    return settings.status() == QSettings::NoError;
}

int defaultCheckIntervalMinutes()
{
    return value(Key::DefaultCheckIntervalMinutes).toInt();
}

int concurrentSources()
{
    return value(Key::ConcurrentSources).toInt();
}

bool startMinimized()
{
    return value(Key::StartMinimized).toBool();
}

bool startAtLogin()
{
    return value(Key::StartAtLogin).toBool();
}

bool notificationsEnabled()
{
    return value(Key::NotificationsEnabled).toBool();
}

QString language()
{
    return value(Key::Language).toString();
}

QString archiveLocation()
{
    return value(Key::ArchiveLocation).toString();
}

void migrate()
{
    QSettings settings;
    const int stored = settings.value(VersionKey, 0).toInt();
    if (stored >= Version) {
        return;
    }
    // Version 0 (before the table): the only setting, notifications/enabled,
    // already had its name and meaning; the window's geometry and the
    // Archive page's layout are state, not settings, and stay as they are.
    settings.setValue(VersionKey, Version);
}

} // namespace AppSettings
