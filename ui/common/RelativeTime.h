#pragma once

#include <QDateTime>
#include <QString>

// "just now", "5 min ago", "in 3 h", "yesterday at 14:05": how the
// Ingestions table and the details view show times. The exact time goes in
// tooltips (exact()).
namespace RelativeTime {

QString since(const QDateTime& then, const QDateTime& now = QDateTime::currentDateTimeUtc());
QString until(const QDateTime& then, const QDateTime& now = QDateTime::currentDateTimeUtc());
QString exact(const QDateTime& at);

} // namespace RelativeTime
