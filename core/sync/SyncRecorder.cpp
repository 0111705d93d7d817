#include "SyncRecorder.h"

#include "archive/Archive.h"
#include "archive/EventLog.h"
#include "sources/SourceRepository.h"

#include <QJsonArray>
#include <QJsonObject>

SyncRecorder::SyncRecorder(const Archive& archive)
    : m_archive(archive)
{
}

void SyncRecorder::started(const IngestionSource& source)
{
    m_archive.events().append(QStringLiteral("sync.started"), tr("Sync started."), source.id);
}

QString SyncRecorder::record(const IngestionSource& source,
                             const SourceSync::Result& result,
                             std::chrono::milliseconds errorAfter)
{
    SourceRepository repository(m_archive.connection());
    EventLog events = m_archive.events();
    // The snapshot the pass started with may be stale: the user may have
    // paused the source while it ran.
    const IngestionSource stored = repository.find(source.id).value_or(source);
    const IngestionSource::Status current = stored.status;
    QJsonObject details {{QStringLiteral("new"), result.counts.newMessages},
                         {QStringLiteral("duplicates"), result.counts.duplicates},
                         {QStringLiteral("bytes"), result.counts.bytes},
                         {QStringLiteral("server"), result.counts.serverMessages},
                         {QStringLiteral("archived"), result.counts.archivedMessages},
                         {QStringLiteral("failedMessages"), result.counts.failedMessages},
                         {QStringLiteral("failedFolders"), result.counts.failedFolders},
                         {QStringLiteral("problems"), QJsonArray::fromStringList(result.counts.problems)}};
    QString error;
    if (result.ok) {
        const IngestionSource::Status next =
            current == IngestionSource::Status::Error || current == IngestionSource::Status::Importing
            ? IngestionSource::Status::Active
            : current;
        // A pass that left something out says what, until one gets it all.
        const QString problems = result.counts.problems.join(QStringLiteral("; "));
        repository.setStatus(source.id, next, problems, SyncFailure::Kind::None, &error);
        repository.markSynced(source.id, QDateTime::currentDateTimeUtc(), &error);
        QString summary = tr("%1: %2 new messages; server %3, archived %4 · %5.")
                              .arg(source.name)
                              .arg(result.counts.newMessages)
                              .arg(result.counts.serverMessages)
                              .arg(result.counts.archivedMessages)
                              .arg(result.counts.isComplete() ? tr("complete") : tr("incomplete"));
        if (!problems.isEmpty()) {
            summary += QLatin1Char(' ') + problems;
        }
        events.append(QStringLiteral("sync.finished"), summary, source.id, details);
        return summary;
    }
    if (result.cancelled) {
        // What the stopped pass stored counts: the next pass will not see
        // those messages as new.
        const QString summary =
            tr("%1: stopped after storing %n new message(s); the next sync continues where this one stopped.",
               nullptr,
               static_cast<int>(result.counts.newMessages))
                .arg(source.name);
        events.append(QStringLiteral("sync.cancelled"), summary, source.id, details);
        return summary;
    }
    const SyncFailure& failure = result.failure;
    details.insert(QStringLiteral("kind"), SyncFailure::key(failure.kind));
    if (!failure.certificate.isNull()) {
        // Kept so the Ingestions page can offer to trust it later.
        details.insert(QStringLiteral("certificate"), failure.certificate.toJson());
    }
    if (!failure.technical.isEmpty()) {
        details.insert(QStringLiteral("technical"), failure.technical);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime since = stored.failingSince.isValid() ? stored.failingSince : now;
    const bool makeError = !failure.isTransient() || since.msecsTo(now) >= errorAfter.count();
    repository.recordFailure(source.id, failure.message, failure.kind, now, makeError, &error);
    events.append(QStringLiteral("sync.failed"), failure.message, source.id, details);
    return failure.message;
}

SyncFailure SyncRecorder::passwordUnavailable(const IngestionSource& source, const QString& message)
{
    SourceSync::Result failed;
    failed.failure.kind = SyncFailure::Kind::Credentials;
    failed.failure.message = message;
    record(source, failed);
    return failed.failure;
}
