#pragma once

#include "SourceSync.h"

#include <QCoreApplication>
#include <QString>

class Archive;
struct IngestionSource;

// Writes what a pass meant for its source: the status and last error through
// SourceRepository, and sync.started / finished / cancelled / failed through
// EventLog. The CLI and SyncManager record passes the same way through it.
// Uses the calling thread's archive connection.
class SyncRecorder
{
    Q_DECLARE_TR_FUNCTIONS(SyncRecorder)

public:
    explicit SyncRecorder(const Archive& archive);

    void started(const IngestionSource& source);
    // Returns the one-line summary it logged. A failure sets Error only when
    // markError is true (a transient failure that will be retried does not);
    // a source paused meanwhile keeps Paused whatever the outcome.
    QString record(const IngestionSource& source, const SourceSync::Result& result, bool markError = true);

private:
    const Archive& m_archive;
};
