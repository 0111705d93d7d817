#include "Autostart.h"

#include "AppInfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>

namespace Autostart {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Autostart)
};

#if defined(Q_OS_WIN)
const QString RunKey = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
#endif

QByteArray entryText(const QString& program)
{
#if defined(Q_OS_MACOS)
    // A LaunchAgent: run once at login, not kept alive.
    return QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                             "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                             "<plist version=\"1.0\">\n<dict>\n"
                             "  <key>Label</key><string>org.openarchiver.desktop</string>\n"
                             "  <key>ProgramArguments</key><array><string>")
        + program.toHtmlEscaped().toUtf8()
        + QByteArrayLiteral("</string><string>--minimized</string></array>\n"
                            "  <key>RunAtLoad</key><true/>\n</dict>\n</plist>\n");
#else
    // XDG Desktop Entry; Exec quoting: the program in double quotes with
    // its quotes, backslashes, ` and $ escaped.
    QString quoted = program;
    for (const QChar c : {QLatin1Char('\\'), QLatin1Char('"'), QLatin1Char('`'), QLatin1Char('$')}) {
        quoted.replace(c, QLatin1Char('\\') + c);
    }
    return QStringLiteral("[Desktop Entry]\nType=Application\nName=%1\nExec=\"%2\" --minimized\n"
                          "Icon=openarchiver\nX-GNOME-Autostart-enabled=true\nNoDisplay=false\n")
        .arg(AppInfo::displayName(), quoted)
        .toUtf8();
#endif
}

} // namespace

QString location()
{
#if defined(Q_OS_WIN)
    return RunKey;
#elif defined(Q_OS_MACOS)
    return QDir::homePath() + QStringLiteral("/Library/LaunchAgents/org.openarchiver.desktop.plist");
#else
    // The XDG Autostart specification: $XDG_CONFIG_HOME/autostart, by
    // default ~/.config/autostart (read here rather than through
    // QStandardPaths, whose test mode would move it).
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (!QDir::isAbsolutePath(config)) {
        config = QDir::homePath() + QStringLiteral("/.config");
    }
    return config + QStringLiteral("/autostart/openarchiver.desktop");
#endif
}

bool isEnabled()
{
#if defined(Q_OS_WIN)
    return QSettings(RunKey, QSettings::NativeFormat).contains(AppInfo::displayName());
#else
    return QFileInfo::exists(location());
#endif
}

bool setEnabled(bool enabled, const QString& program, QString* error)
{
#if defined(Q_OS_WIN)
    QSettings run(RunKey, QSettings::NativeFormat);
    if (enabled) {
        run.setValue(AppInfo::displayName(),
                     QStringLiteral("\"%1\" --minimized").arg(QDir::toNativeSeparators(program)));
    } else {
        run.remove(AppInfo::displayName());
    }
    run.sync();
    if (run.status() != QSettings::NoError) {
        *error = Tr::tr("The registry could not be written.");
        return false;
    }
    return true;
#else
    const QString path = location();
    if (!enabled) {
        if (QFileInfo::exists(path) && !QFile::remove(path)) {
            *error = Tr::tr("%1 could not be removed.").arg(QDir::toNativeSeparators(path));
            return false;
        }
        return true;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error =
            Tr::tr("The folder %1 could not be created.").arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
        return false;
    }
    QSaveFile file(path);
    const QByteArray text = entryText(program);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        *error = Tr::tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
#endif
}

} // namespace Autostart
