#include "SourceStateText.h"

#include <QLocale>

QString SourceStateText::clock(const QDateTime& at)
{
    const QDateTime local = at.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate()) {
        return locale.toString(local.time(), QLocale::ShortFormat);
    }
    return locale.toString(local, QLocale::ShortFormat);
}

QString SourceStateText::failing(const IngestionSource& source, const SyncManager::Activity& activity)
{
    if (!source.isFailing()) {
        return {};
    }
    const QString since = tr("can't reach the server since %1").arg(clock(source.failingSince));
    switch (activity.state) {
    case SyncManager::Activity::State::RetryScheduled:
        return tr("%1 · retrying at %2").arg(since, clock(activity.retryAt));
    case SyncManager::Activity::State::Waiting:
        if (activity.offline) {
            return tr("%1 · trying again when the network is back").arg(since);
        }
        return tr("%1 · trying again now").arg(since);
    case SyncManager::Activity::State::Syncing:
        return tr("%1 · trying again now").arg(since);
    case SyncManager::Activity::State::Idle:
        break;
    }
    return since;
}
