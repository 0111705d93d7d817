#include "SyncWorker.h"

#include "common/BackgroundPriority.h"
#include "imap/CancelToken.h"

#include <QElapsedTimer>

namespace {

constexpr qint64 ProgressIntervalMs = 100;

} // namespace

SyncWorker::SyncWorker(Archive archive, QString extraCaCertificatesFile)
    : m_archive(std::move(archive))
    , m_extraCaFile(std::move(extraCaCertificatesFile))
{
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::cancel()
{
    std::lock_guard lock(m_mutex);
    // Remembered so a cancel that comes before run() has made its token
    // still stops the pass.
    m_cancelled = true;
    if (m_token) {
        m_token->cancel();
    }
}

void SyncWorker::run(const IngestionSource& source, const QString& password)
{
    BackgroundPriority::applyToCurrentThread();
    SourceSync::Result result;
    {
        SourceSync sync(m_archive, source, password);
        sync.setExtraCaCertificatesFile(m_extraCaFile);
        {
            std::lock_guard lock(m_mutex);
            m_token = sync.cancelToken();
            if (m_cancelled) {
                m_token->cancel();
            }
        }
        QElapsedTimer sinceLast;
        QString lastFolder;
        result = sync.run([&](const QString& folder, qint64 done, qint64 total) {
            if (!sinceLast.isValid() || sinceLast.elapsed() >= ProgressIntervalMs || folder != lastFolder
                || done == total) {
                emit progress(source.id, folder, done, total);
                lastFolder = folder;
                sinceLast.start();
            }
            return true;
        });
        std::lock_guard lock(m_mutex);
        m_token.reset();
    }
    // This thread ends after the pass; its connection must not outlive it.
    m_archive.closeConnection();
    emit finished(source.id, result);
}
