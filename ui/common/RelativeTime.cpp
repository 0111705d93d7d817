#include "RelativeTime.h"

#include <QCoreApplication>
#include <QLocale>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RelativeTime)
};

} // namespace

namespace RelativeTime {

QString since(const QDateTime& then, const QDateTime& now)
{
    if (!then.isValid()) {
        return Tr::tr("never");
    }
    const qint64 seconds = then.secsTo(now);
    if (seconds < 60) {
        return Tr::tr("just now");
    }
    if (seconds < 3600) {
        return Tr::tr("%n min ago", nullptr, static_cast<int>(seconds / 60));
    }
    if (seconds < 24 * 3600) {
        return Tr::tr("%n h ago", nullptr, static_cast<int>(seconds / 3600));
    }
    const QDateTime local = then.toLocalTime();
    if (local.date() == now.toLocalTime().date().addDays(-1)) {
        return Tr::tr("yesterday at %1").arg(QLocale().toString(local.time(), QLocale::ShortFormat));
    }
    return QLocale().toString(local.date(), QLocale::ShortFormat);
}

QString until(const QDateTime& then, const QDateTime& now)
{
    if (!then.isValid()) {
        return {};
    }
    const qint64 seconds = now.secsTo(then);
    if (seconds < 60) {
        return Tr::tr("in less than a minute");
    }
    if (seconds < 3600) {
        // Rounded up: "in 5 min" for 4 min 10 s reads right.
        return Tr::tr("in %n min", nullptr, static_cast<int>((seconds + 59) / 60));
    }
    return Tr::tr("in %n h", nullptr, static_cast<int>((seconds + 3599) / 3600));
}

QString exact(const QDateTime& at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::LongFormat) : QString();
}

} // namespace RelativeTime
