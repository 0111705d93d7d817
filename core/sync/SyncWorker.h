#pragma once

#include "SourceSync.h"
#include "archive/Archive.h"
#include "sources/IngestionSource.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>
#include <mutex>

class CancelToken;

Q_DECLARE_METATYPE(SourceSync::Result)

// Runs one pass over one source on the thread it was moved to. It is
// parentless and lives on its own QThread, owned by SyncManager; vmime objects
// and the SQLite connection it opens never leave that thread. Results leave
// as value-type signals.
class SyncWorker : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncWorker)

public:
    explicit SyncWorker(Archive archive, QString extraCaCertificatesFile = {});
    ~SyncWorker() override;

    // Any thread. The worker is blocked inside run(), so a queued call would
    // only arrive after the pass; the cancel token reaches it at once and the
    // import stops at the next batch boundary or socket wait.
    void cancel();

public slots:
    void run(const IngestionSource& source, const QString& password);

signals:
    // Throttled to about ten a second; the first and the last of a folder
    // always arrive.
    void progress(qint64 sourceId, const QString& folder, qint64 done, qint64 total);
    // Exactly once per run().
    void finished(qint64 sourceId, const SourceSync::Result& result);

private:
    Archive m_archive;
    QString m_extraCaFile;
    std::mutex m_mutex; // guards m_token and m_cancelled against cancel()
    std::shared_ptr<CancelToken> m_token;
    bool m_cancelled = false;
};
