#pragma once

#include "sources/IngestionSource.h"

#include <QList>
#include <QString>

// What the tray icon says, worked out from the sources as the Ingestions
// table has them: one look (idle, syncing, paused, needs attention) and one
// line of text ("3 sources · syncing Work Email · 412,330 messages").
// A source that needs attention is never hidden behind "syncing".
struct TrayState
{
    enum class Look { Idle, Syncing, Paused, NeedsAttention };

    struct Source
    {
        QString name;
        IngestionSource::Status status = IngestionSource::Status::Importing;
        bool syncing = false;
        bool failing = false; // passes keep failing without an Error yet
    };

    Look look = Look::Idle;
    QString toolTip;
    // For the menu: "Pause all" while any source runs, else "Resume all".
    bool anyRunning = false;
    bool anyPaused = false;

    // `archivedMessages` is -1 while the archive is still being counted;
    // `loaded` is false until the sources have been read.
    static TrayState of(const QList<Source>& sources, qint64 archivedMessages, bool loaded);
};
