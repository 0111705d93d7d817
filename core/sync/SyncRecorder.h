#pragma once

#include "SourceSync.h"

#include <QCoreApplication>
#include <QString>

#include <chrono>

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
    // How long passes may keep failing for a reason that may go away by
    // itself (server down, connection lost) before the source shows Error.
    static constexpr std::chrono::hours DefaultErrorAfter {24};

    // Returns the one-line summary it logged. A failure the user must fix
    // (password, certificate, disk) sets Error at once; a transient one only
    // once the source has been failing for `errorAfter`, and until then the
    // source keeps its status with the error and since when (a warning). A
    // source paused meanwhile keeps Paused whatever the outcome.
    QString record(const IngestionSource& source,
                   const SourceSync::Result& result,
                   std::chrono::milliseconds errorAfter = DefaultErrorAfter);

    // The password could not be read (`message` says why): recorded as a
    // failed pass of kind Credentials, so the source shows Error at once.
    // Returns the failure.
    SyncFailure passwordUnavailable(const IngestionSource& source, const QString& message);

private:
    const Archive& m_archive;
};
