#pragma once

#include <QString>
#include <QVariant>

// The app's settings, one table in one place: each key with its default and
// its bounds, read and written through here only (QSettings underneath, per
// user). The table has a version; migrate() brings settings written by an
// older version to this one, once, at start.
namespace AppSettings {

enum class Key {
    DefaultCheckIntervalMinutes, // a new source checks for new mail this often (1–1,440)
    ConcurrentSources, // at most this many sources sync at once (1–8)
    StartMinimized, // start in the tray, without the window
    StartAtLogin, // the desktop starts the app at login (Autostart)
    NotificationsEnabled, // desktop notifications (Notifier)
    Language, // the UI language ("de"); empty: the system's (Translations)
    ArchiveLocation, // the user's archive file; empty: the standard place (ArchiveDatabase)
    ArchiveLeftover, // the archive a move left behind, removed at the next start (ArchiveMove)
};

// The table's version; settings written by an earlier one are migrated.
inline constexpr int Version = 1;

QString keyName(Key key); // "sync/defaultCheckIntervalMinutes"
QVariant defaultValue(Key key);

// The stored value, or the default; numbers are kept within their bounds
// whatever the file says.
QVariant value(Key key);
// False when the settings file could not be written (the value holds for
// this run only).
bool setValue(Key key, const QVariant& value);

int defaultCheckIntervalMinutes();
int concurrentSources();
bool startMinimized();
bool startAtLogin();
bool notificationsEnabled();
QString language();
QString archiveLocation();

// Settings of an earlier version to this one (at start, before reading).
void migrate();

} // namespace AppSettings
