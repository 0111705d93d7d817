#include "TrayState.h"

#include "common/AppInfo.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <algorithm>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(TrayState)
};

} // namespace

TrayState TrayState::of(const QList<Source>& sources, qint64 archivedMessages, bool loaded)
{
    TrayState state;
    QStringList parts;
    if (!loaded) {
        state.toolTip = AppInfo::displayName();
        return state;
    }
    const auto count = [&](auto predicate) {
        return static_cast<int>(std::count_if(sources.cbegin(), sources.cend(), predicate));
    };
    const int attention = count([](const Source& s) { return s.status == IngestionSource::Status::Error; });
    const int failing = count([](const Source& s) { return s.failing; });
    const int paused = count([](const Source& s) { return s.status == IngestionSource::Status::Paused; });
    QStringList syncing;
    for (const Source& source : sources) {
        if (source.syncing) {
            syncing << source.name;
        }
    }
    state.anyPaused = paused > 0;
    state.anyRunning = paused < sources.size();

    if (attention > 0 || failing > 0) {
        state.look = Look::NeedsAttention;
    } else if (!syncing.isEmpty()) {
        state.look = Look::Syncing;
    } else if (!sources.isEmpty() && paused == sources.size()) {
        state.look = Look::Paused;
    }

    parts << (sources.isEmpty() ? Tr::tr("No ingestion sources")
                                : Tr::tr("%n source(s)", nullptr, static_cast<int>(sources.size())));
    if (syncing.size() == 1) {
        parts << Tr::tr("syncing %1").arg(syncing.first());
    } else if (syncing.size() > 1) {
        parts << Tr::tr("%n syncing", nullptr, static_cast<int>(syncing.size()));
    }
    if (attention > 0) {
        parts << Tr::tr("%n need(s) attention", nullptr, attention);
    }
    if (failing > 0) {
        parts << Tr::tr("%n can't reach the server", nullptr, failing);
    }
    if (paused > 0) {
        parts << (paused == sources.size() ? Tr::tr("all paused") : Tr::tr("%n paused", nullptr, paused));
    }
    if (archivedMessages >= 0) {
        parts << Tr::tr("%Ln message(s)", nullptr, static_cast<int>(std::min<qint64>(archivedMessages, INT_MAX)));
    }
    //: The tray icon's tooltip: the app's name, then its parts joined by " · ".
    state.toolTip = Tr::tr("%1\n%2").arg(AppInfo::displayName(), parts.join(Tr::tr(" · ")));
    return state;
}
