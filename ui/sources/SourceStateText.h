#pragma once

#include "sources/IngestionSource.h"
#include "sync/SyncManager.h"

#include <QCoreApplication>
#include <QString>

// The words for a source whose passes keep failing but that is not an Error
// yet (the server is down, the network is gone): the same sentence in the
// table, its tooltip and the details view.
class SourceStateText
{
    Q_DECLARE_TR_FUNCTIONS(SourceStateText)

public:
    // "can't reach the server since 10:42 · retrying at 10:46"; empty when
    // the source is not failing.
    static QString failing(const IngestionSource& source, const SyncManager::Activity& activity);
    // "10:42" today, "5 Dec, 10:42" before: a clock time people can match
    // with what they saw.
    static QString clock(const QDateTime& at);
};
