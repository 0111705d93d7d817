#include "SourceService.h"

#include "SyncManager.h"
#include "archive/EventLog.h"
#include "archive/SqlTransaction.h"
#include "common/BackgroundPriority.h"
#include "credentials/CredentialStore.h"
#include "credentials/LayeredCredentialStore.h"
#include "sources/SourceRepository.h"
#include "sources/SourceValidation.h"

#include <QJsonObject>
#include <QLocale>
#include <QSqlQuery>
#include <QThread>

namespace {

using Kind = SourceOutcome::Kind;

// What an edit changed, in words for the history.
QStringList describeChanges(const IngestionSource& before, const IngestionSource& after, bool newPassword)
{
    QStringList changes;
    if (before.name != after.name) {
        changes << SourceService::tr("name");
    }
    if (before.host.compare(after.host, Qt::CaseInsensitive) != 0 || before.port != after.port
        || before.security != after.security || before.providerId != after.providerId) {
        changes << SourceService::tr("server");
    }
    if (before.username != after.username) {
        changes << SourceService::tr("user name");
    }
    if (newPassword) {
        changes << SourceService::tr("password");
    }
    if (before.folderScope != after.folderScope || before.chosenFolders != after.chosenFolders) {
        changes << SourceService::tr("folders");
    }
    if (before.checkIntervalMinutes != after.checkIntervalMinutes) {
        changes << SourceService::tr("check interval");
    }
    if (before.pinnedSha256 != after.pinnedSha256) {
        changes << SourceService::tr("trusted certificate");
    }
    return changes;
}

} // namespace

SourceService::SourceService(Archive archive, CredentialStore* credentials, SyncManager* scheduler, QObject* parent)
    : QObject(parent)
    , m_archive(std::move(archive))
    , m_credentials(credentials)
    , m_scheduler(scheduler)
{
    qRegisterMetaType<SourceOutcome>();
    connect(m_credentials,
            &CredentialStore::requestFinished,
            this,
            [this](quint64 requestId, qint64, CredentialStore::Operation, const CredentialResult& result) {
                handleCredentialResult(requestId, result);
            });
}

SourceService::~SourceService()
{
    // A purge still running rolls back: the source stays, whole.
    m_stopping = true;
    for (QThread* purge : std::as_const(m_purges)) {
        purge->wait();
        delete purge;
    }
}

std::optional<IngestionSource> SourceService::find(qint64 sourceId) const
{
    return SourceRepository(m_archive.connection()).find(sourceId);
}

bool SourceService::isNameTaken(const QString& name, qint64 exceptSourceId) const
{
    const auto other = SourceRepository(m_archive.connection()).findByName(name.trimmed());
    return other && other->id != exceptSourceId;
}

SourcePurge::Preview SourceService::previewRemoval(qint64 sourceId, QString* error) const
{
    return SourcePurge(m_archive).preview(sourceId, error);
}

QList<IngestionSource> SourceService::removedSourcesWithMail() const
{
    return SourceRepository(m_archive.connection()).listRemovedWithMail();
}

bool SourceService::canKeepForSession() const
{
    return qobject_cast<LayeredCredentialStore*>(m_credentials) != nullptr;
}

QString SourceService::validationError(const IngestionSource& source) const
{
    for (const QString& error : {SourceValidation::nameError(source.name),
                                 SourceValidation::hostError(source.host),
                                 SourceValidation::portError(QString::number(source.port)),
                                 SourceValidation::usernameError(source.username)}) {
        if (!error.isEmpty()) {
            return error;
        }
    }
    if (isNameTaken(source.name, source.id)) {
        return tr("A source named \"%1\" already exists; choose another name.").arg(source.name.trimmed());
    }
    // The rest of what the archive would refuse (the check interval).
    QString refused;
    return SourceRepository::validate(source, &refused) ? QString() : refused;
}

quint64 SourceService::nextRequest()
{
    return ++m_lastRequest;
}

void SourceService::finishLater(quint64 requestId, const SourceOutcome& outcome)
{
    // The caller has its request id before the answer arrives.
    QMetaObject::invokeMethod(
        this, [this, requestId, outcome] { emit finished(requestId, outcome); }, Qt::QueuedConnection);
}

bool SourceService::logEvent(
    const QString& kind, const QString& message, qint64 sourceId, const QJsonObject& details, QString* error) const
{
    return EventLog(m_archive.connection()).append(kind, message, sourceId, details, error);
}

quint64 SourceService::startCredentialWrite(qint64 sourceId, const QString& password, PasswordKeeping keeping)
{
    if (keeping == PasswordKeeping::ThisSessionOnly) {
        if (auto* layered = qobject_cast<LayeredCredentialStore*>(m_credentials)) {
            return layered->keepForSession(sourceId, password);
        }
    }
    return m_credentials->writePassword(sourceId, password);
}

quint64 SourceService::addSource(const IngestionSource& source, const QString& password, PasswordKeeping keeping)
{
    const quint64 requestId = nextRequest();
    IngestionSource fresh = source;
    fresh.id = 0;
    if (const QString invalid = validationError(fresh); !invalid.isEmpty()) {
        finishLater(requestId, SourceOutcome::failed(Kind::Invalid, 0, invalid));
        return requestId;
    }
    if (password.isEmpty()) {
        finishLater(requestId, SourceOutcome::failed(Kind::Invalid, 0, tr("Enter the password.")));
        return requestId;
    }
    QString error;
    // The row first: if it cannot be written, no password is stored either.
    const auto added = SourceRepository(m_archive.connection()).add(fresh, &error);
    if (!added) {
        finishLater(requestId, SourceOutcome::failed(Kind::ArchiveFailed, 0, error));
        return requestId;
    }
    Pending pending;
    pending.step = Step::Add;
    pending.requestId = requestId;
    pending.sourceId = added->id;
    pending.name = added->name;
    m_pending.insert(startCredentialWrite(added->id, password, keeping), pending);
    return requestId;
}

void SourceService::completeAdd(const Pending& pending, const CredentialResult& result)
{
    if (result.status != CredentialResult::Status::Ok) {
        // No half-made source: without its password it could never sync.
        QString error;
        SourceRepository(m_archive.connection()).discardNew(pending.sourceId, &error);
        const Kind kind = result.status == CredentialResult::Status::KeychainUnavailable ? Kind::KeychainUnavailable
                                                                                         : Kind::KeychainFailed;
        emit finished(pending.requestId,
                      SourceOutcome::failed(kind,
                                            0,
                                            tr("The password could not be stored in the system keychain, so the "
                                               "source was not saved: %1")
                                                .arg(result.message)));
        return;
    }
    logEvent(QStringLiteral("source.created"), tr("Source \"%1\" added.").arg(pending.name), pending.sourceId);
    if (m_scheduler) {
        m_scheduler->addSource(pending.sourceId);
    }
    emit finished(pending.requestId, SourceOutcome::done(pending.sourceId));
}

quint64 SourceService::editSource(const IngestionSource& changed,
                                  const QString& newPassword,
                                  bool freshImport,
                                  PasswordKeeping keeping)
{
    const quint64 requestId = nextRequest();
    SourceRepository repository(m_archive.connection());
    const auto before = repository.find(changed.id);
    if (!before) {
        finishLater(requestId, SourceOutcome::failed(Kind::NotFound, changed.id, tr("The source no longer exists.")));
        return requestId;
    }
    if (before->isLocal()) {
        finishLater(requestId, SourceOutcome::failed(Kind::Invalid, changed.id, localSourceText(*before)));
        return requestId;
    }
    if (const QString invalid = validationError(changed); !invalid.isEmpty()) {
        finishLater(requestId, SourceOutcome::failed(Kind::Invalid, changed.id, invalid));
        return requestId;
    }
    // The status is the service's and the sync's business, not the form's.
    IngestionSource saved = changed;
    saved.status = before->status;
    saved.lastError = before->lastError;
    saved.lastErrorKind = before->lastErrorKind;
    QString error;
    if (!repository.update(saved, &error)) {
        finishLater(requestId, SourceOutcome::failed(Kind::ArchiveFailed, changed.id, error));
        return requestId;
    }
    Pending pending;
    pending.step = Step::Edit;
    pending.requestId = requestId;
    pending.sourceId = changed.id;
    pending.name = saved.name.trimmed();
    pending.freshImport = freshImport;
    pending.changes = describeChanges(*before, saved, !newPassword.isEmpty());
    if (newPassword.isEmpty()) {
        // Through the event loop like the other answers.
        QMetaObject::invokeMethod(
            this,
            [this, pending] {
                CredentialResult kept;
                kept.status = CredentialResult::Status::Ok;
                completeEdit(pending, kept);
            },
            Qt::QueuedConnection);
        return requestId;
    }
    m_pending.insert(startCredentialWrite(changed.id, newPassword, keeping), pending);
    return requestId;
}

void SourceService::completeEdit(const Pending& pending, const CredentialResult& result)
{
    QStringList changes = pending.changes;
    const bool passwordStored = result.status == CredentialResult::Status::Ok;
    if (!passwordStored) {
        changes.removeAll(tr("password"));
    }
    if (pending.freshImport) {
        changes << tr("fresh import from the start");
    }
    const QString message = changes.isEmpty()
        ? tr("Source \"%1\" saved without changes.").arg(pending.name)
        : tr("Source \"%1\" changed: %2.").arg(pending.name, QLocale().createSeparatedList(changes));
    logEvent(QStringLiteral("source.edited"),
             message,
             pending.sourceId,
             {{QStringLiteral("freshImport"), pending.freshImport}});
    if (m_scheduler) {
        m_scheduler->updateSource(pending.sourceId, pending.freshImport);
    } else if (pending.freshImport) {
        QString error;
        if (!SourceRepository(m_archive.connection()).restartImport(pending.sourceId, &error)) {
            emit finished(pending.requestId, SourceOutcome::failed(Kind::ArchiveFailed, pending.sourceId, error));
            return;
        }
    }
    if (!passwordStored) {
        const Kind kind = result.status == CredentialResult::Status::KeychainUnavailable ? Kind::KeychainUnavailable
                                                                                         : Kind::PartlyDone;
        emit finished(pending.requestId,
                      SourceOutcome::failed(kind,
                                            pending.sourceId,
                                            tr("Your other changes were saved, but the new password could not be "
                                               "stored in the system keychain: %1")
                                                .arg(result.message)));
        return;
    }
    emit finished(pending.requestId, SourceOutcome::done(pending.sourceId));
}

quint64 SourceService::storePassword(qint64 sourceId, const QString& password, PasswordKeeping keeping)
{
    const quint64 requestId = nextRequest();
    Pending pending;
    pending.step = Step::Password;
    pending.requestId = requestId;
    pending.sourceId = sourceId;
    m_pending.insert(startCredentialWrite(sourceId, password, keeping), pending);
    return requestId;
}

void SourceService::handleCredentialResult(quint64 credentialRequest, const CredentialResult& result)
{
    const auto found = m_pending.constFind(credentialRequest);
    if (found == m_pending.constEnd()) {
        return; // someone else's request
    }
    const Pending pending = *found;
    m_pending.erase(found);
    switch (pending.step) {
    case Step::Add:
        completeAdd(pending, result);
        break;
    case Step::Edit:
        completeEdit(pending, result);
        break;
    case Step::Password:
        if (result.status == CredentialResult::Status::Ok) {
            if (m_scheduler) {
                m_scheduler->updateSource(pending.sourceId, false);
            }
            emit finished(pending.requestId, SourceOutcome::done(pending.sourceId));
        } else {
            emit finished(pending.requestId,
                          SourceOutcome::failed(Kind::KeychainFailed, pending.sourceId, result.message));
        }
        break;
    case Step::Remove:
        completeRemoval(pending, result);
        break;
    }
}

QString SourceService::localSourceText(const IngestionSource& source)
{
    return tr("\"%1\" holds mail imported from files: there is no server to pause, resume or change.").arg(source.name);
}

SourceOutcome SourceService::pause(qint64 sourceId)
{
    SourceRepository repository(m_archive.connection());
    const auto source = repository.find(sourceId);
    if (!source) {
        return SourceOutcome::failed(Kind::NotFound, sourceId, tr("The source no longer exists."));
    }
    if (source->isLocal()) {
        return SourceOutcome::failed(Kind::Invalid, sourceId, localSourceText(*source));
    }
    if (source->status == IngestionSource::Status::Paused) {
        return SourceOutcome::done(sourceId);
    }
    QString error;
    if (!repository.setStatus(
            sourceId, IngestionSource::Status::Paused, source->lastError, source->lastErrorKind, &error)) {
        return SourceOutcome::failed(Kind::ArchiveFailed, sourceId, error);
    }
    logEvent(QStringLiteral("source.paused"),
             tr("Paused: no checks for new mail until you resume \"%1\".").arg(source->name),
             sourceId);
    if (m_scheduler) {
        m_scheduler->pause(sourceId);
    }
    return SourceOutcome::done(sourceId);
}

SourceOutcome SourceService::resume(qint64 sourceId)
{
    SourceRepository repository(m_archive.connection());
    const auto source = repository.find(sourceId);
    if (!source) {
        return SourceOutcome::failed(Kind::NotFound, sourceId, tr("The source no longer exists."));
    }
    if (source->isLocal()) {
        return SourceOutcome::failed(Kind::Invalid, sourceId, localSourceText(*source));
    }
    if (source->status != IngestionSource::Status::Paused) {
        return SourceOutcome::done(sourceId);
    }
    // Only a completed import moves a source on to Active.
    const IngestionSource::Status next =
        source->lastSyncAt.isValid() ? IngestionSource::Status::Active : IngestionSource::Status::Importing;
    QString error;
    if (!repository.setStatus(sourceId, next, source->lastError, source->lastErrorKind, &error)) {
        return SourceOutcome::failed(Kind::ArchiveFailed, sourceId, error);
    }
    logEvent(QStringLiteral("source.resumed"),
             next == IngestionSource::Status::Importing
                 ? tr("Resumed: \"%1\" goes on importing where it stopped.").arg(source->name)
                 : tr("Resumed: \"%1\" checks for new mail again.").arg(source->name),
             sourceId);
    if (m_scheduler) {
        m_scheduler->resume(sourceId);
    }
    return SourceOutcome::done(sourceId);
}

SourceOutcome SourceService::syncNow(qint64 sourceId)
{
    const auto source = find(sourceId);
    if (!source) {
        return SourceOutcome::failed(Kind::NotFound, sourceId, tr("The source no longer exists."));
    }
    if (source->status == IngestionSource::Status::Paused) {
        return SourceOutcome::failed(
            Kind::Invalid, sourceId, tr("\"%1\" is paused: resume it to sync.").arg(source->name));
    }
    if (m_scheduler) {
        m_scheduler->syncNow(sourceId);
    }
    return SourceOutcome::done(sourceId);
}

SourceOutcome SourceService::setCheckInterval(qint64 sourceId, int minutes)
{
    SourceRepository repository(m_archive.connection());
    auto source = repository.find(sourceId);
    if (!source) {
        return SourceOutcome::failed(Kind::NotFound, sourceId, tr("The source no longer exists."));
    }
    if (source->checkIntervalMinutes == minutes) {
        return SourceOutcome::done(sourceId);
    }
    source->checkIntervalMinutes = minutes;
    QString error;
    if (!repository.update(*source, &error)) {
        return SourceOutcome::failed(Kind::Invalid, sourceId, error);
    }
    logEvent(QStringLiteral("source.edited"),
             tr("Source \"%1\" now checks for new mail every %n minute(s).", nullptr, minutes).arg(source->name),
             sourceId,
             {{QStringLiteral("checkIntervalMinutes"), minutes}});
    if (m_scheduler) {
        m_scheduler->rescheduleCheck(sourceId);
    }
    return SourceOutcome::done(sourceId);
}

SourceOutcome
SourceService::trustCertificate(const QString& host, quint16 port, const CertificateInfo& certificate, qint64 sourceId)
{
    if (certificate.isNull()) {
        return SourceOutcome::failed(Kind::Invalid, sourceId, tr("There is no certificate to trust."));
    }
    QString error;
    if (!CertificateExceptions(m_archive.connection()).add(host, port, certificate, &error)) {
        return SourceOutcome::failed(Kind::ArchiveFailed, sourceId, error);
    }
    const QString server = QStringLiteral("%1:%2").arg(CertificateExceptions::normalizedHost(host)).arg(port);
    logEvent(QStringLiteral("source.trusted"),
             tr("You trusted the certificate of %1 (SHA-256 %2).").arg(server, certificate.formattedFingerprint()),
             sourceId,
             {{QStringLiteral("server"), server}, {QStringLiteral("certificate"), certificate.toJson()}});
    if (m_scheduler) {
        // The sources on that server that stopped on the certificate try
        // again now (only the user could fix that, so nothing retries).
        for (const IngestionSource& source : SourceRepository(m_archive.connection()).list()) {
            if (source.status == IngestionSource::Status::Error && source.port == port
                && CertificateExceptions::normalizedHost(source.host) == CertificateExceptions::normalizedHost(host)) {
                m_scheduler->updateSource(source.id, false);
            }
        }
    }
    return SourceOutcome::done(sourceId);
}

SourceOutcome SourceService::removeTrust(const QString& host, quint16 port, qint64 sourceId)
{
    CertificateExceptions exceptions(m_archive.connection());
    const auto exception = exceptions.find(host, port);
    if (!exception) {
        return SourceOutcome::done(sourceId);
    }
    QString error;
    if (!exceptions.remove(host, port, &error)) {
        return SourceOutcome::failed(Kind::ArchiveFailed, sourceId, error);
    }
    logEvent(QStringLiteral("certificate.removed"),
             tr("Stopped trusting the certificate of %1 (SHA-256 %2).")
                 .arg(exception->server(), exception->certificate.formattedFingerprint()),
             sourceId,
             {{QStringLiteral("server"), exception->server()},
              {QStringLiteral("certificate"), exception->certificate.toJson()}});
    return SourceOutcome::done(sourceId);
}

std::optional<CertificateException> SourceService::certificateException(const QString& host, quint16 port) const
{
    return CertificateExceptions(m_archive.connection()).find(host, port);
}

QByteArray SourceService::trustedSha256For(const IngestionSource& source) const
{
    return CertificateExceptions(m_archive.connection()).trustedSha256For(source);
}

quint64 SourceService::removeSource(qint64 sourceId, bool deleteMail)
{
    const quint64 requestId = nextRequest();
    if (!find(sourceId)) {
        finishLater(requestId, SourceOutcome::failed(Kind::NotFound, sourceId, tr("The source no longer exists.")));
        return requestId;
    }
    if (m_scheduler) {
        // Deleting mail under a pass that still stores some would race it;
        // and no pass may start once the row is marked removed.
        m_scheduler->holdForRemoval(
            sourceId, [this, requestId, sourceId, deleteMail] { removeNow(requestId, sourceId, deleteMail); });
    } else {
        removeNow(requestId, sourceId, deleteMail);
    }
    return requestId;
}

void SourceService::removeNow(quint64 requestId, qint64 sourceId, bool deleteMail)
{
    if (deleteMail) {
        purge(requestId, sourceId, false);
        return;
    }
    const auto source = find(sourceId);
    const QString name = source ? source->name : QString();
    QString error;
    SqlTransaction transaction(m_archive.connection());
    const bool ok = transaction.isActive()
        && SourceRepository(m_archive.connection()).removeKeepingMail(sourceId, &error)
        && logEvent(QStringLiteral("source.removed"),
                    tr("Source \"%1\" removed; its mail stays in the archive.").arg(name),
                    sourceId,
                    {{QStringLiteral("mailRemoved"), false}},
                    &error)
        && transaction.commit();
    if (!ok) {
        removalFailed(requestId, sourceId, false, error.isEmpty() ? transaction.errorText() : error);
        return;
    }
    removed(requestId, sourceId, tr("%1 was removed; its mail stays in the archive, under Removed sources.").arg(name));
}

void SourceService::purge(quint64 requestId, qint64 sourceId, bool alreadyRemoved)
{
    // Deleting mail re-reads every message for its search entry: seconds to
    // minutes for a large source, so off the UI thread. The pass has
    // stopped, so nothing else writes this source meanwhile.
    QThread* thread = QThread::create([this, archive = m_archive, requestId, sourceId, alreadyRemoved] {
        BackgroundPriority::applyToCurrentThread();
        QString error;
        const SourcePurge::Result purged = SourcePurge(archive).run(
            sourceId,
            &error,
            [this, sourceId](qint64 done, qint64 total) {
                QMetaObject::invokeMethod(
                    this,
                    [this, sourceId, done, total] { emit removalProgress(sourceId, done, total); },
                    Qt::QueuedConnection);
                return !m_stopping.load();
            },
            [&archive, sourceId, alreadyRemoved](const SourcePurge::Result& result, QString* why) {
                if (!alreadyRemoved && !SourceRepository(archive.connection()).removeKeepingMail(sourceId, why)) {
                    return false;
                }
                const QString deleted = tr("%Ln message(s) deleted", nullptr, static_cast<int>(result.messagesRemoved));
                const QString kept = tr("%Ln message(s) kept because another source also holds them",
                                        nullptr,
                                        static_cast<int>(result.messagesKept));
                return EventLog(archive.connection())
                    .append(
                        alreadyRemoved ? QStringLiteral("source.purged") : QStringLiteral("source.removed"),
                        alreadyRemoved
                            ? tr("Mail of the removed source \"%1\" deleted: %2, %3.")
                                  .arg(result.sourceName, deleted, kept)
                            : tr("Source \"%1\" and its mail removed: %2, %3.").arg(result.sourceName, deleted, kept),
                        sourceId,
                        {{QStringLiteral("mailRemoved"), true},
                         {QStringLiteral("foldersRemoved"), result.foldersRemoved},
                         {QStringLiteral("messagesRemoved"), result.messagesRemoved},
                         {QStringLiteral("messagesKept"), result.messagesKept},
                         {QStringLiteral("bytesFreed"), result.bytesFreed}},
                        why);
            });
        archive.closeConnection();
        QString summary;
        if (error.isEmpty()) {
            const int deleted = static_cast<int>(purged.messagesRemoved);
            summary = alreadyRemoved
                ? tr("The mail of %1 was deleted: %Ln message(s).", nullptr, deleted).arg(purged.sourceName)
                : tr("%1 was removed with its mail: %Ln message(s) deleted.", nullptr, deleted).arg(purged.sourceName);
            if (purged.messagesKept > 0) {
                summary += QLatin1Char(' ')
                    + tr("%Ln message(s) stay because another source also holds them.",
                         nullptr,
                         static_cast<int>(purged.messagesKept));
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, requestId, sourceId, alreadyRemoved, summary, error] {
                if (error.isEmpty()) {
                    removed(requestId, sourceId, summary);
                } else {
                    removalFailed(requestId, sourceId, alreadyRemoved, error);
                }
            },
            Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("purge-%1").arg(sourceId));
    m_purges.append(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        m_purges.removeAll(thread);
        delete thread;
    });
    thread->start();
}

quint64 SourceService::purgeRemovedSource(qint64 sourceId)
{
    const quint64 requestId = nextRequest();
    purge(requestId, sourceId, true);
    return requestId;
}

quint64 SourceService::purgeRemovedMail(const RemovedMailPurge::Selection& selection)
{
    const quint64 requestId = nextRequest();
    // Deleting re-reads every message for its search entry: off the UI
    // thread, like a source's purge. Removed sources never sync, so nothing
    // else writes their locations meanwhile.
    QThread* thread = QThread::create([this, archive = m_archive, requestId, selection] {
        BackgroundPriority::applyToCurrentThread();
        QString error;
        const RemovedMailPurge::Result purged = RemovedMailPurge(archive).run(
            selection,
            &error,
            [this, requestId](qint64 done, qint64 total) {
                QMetaObject::invokeMethod(
                    this,
                    [this, requestId, done, total] { emit purgeProgress(requestId, done, total); },
                    Qt::QueuedConnection);
                return !m_stopping.load();
            },
            [&archive](const RemovedMailPurge::Result& result, QString* why) {
                return EventLog(archive.connection())
                    .append(QStringLiteral("mail.purged"),
                            tr("Mail of removed sources deleted: %Ln message(s); %1 kept because a current source "
                               "holds them.",
                               nullptr,
                               static_cast<int>(result.deleted))
                                .arg(result.kept),
                            0,
                            {{QStringLiteral("messagesRemoved"), result.deleted},
                             {QStringLiteral("messagesKept"), result.kept},
                             {QStringLiteral("locationsRemoved"), result.locationsRemoved},
                             {QStringLiteral("bytesFreed"), result.bytesFreed}},
                            why);
            });
        archive.closeConnection();
        SourceOutcome outcome;
        if (error.isEmpty()) {
            QString summary = tr("%Ln message(s) deleted from the archive.", nullptr, static_cast<int>(purged.deleted));
            if (purged.kept > 0) {
                summary += QLatin1Char(' ')
                    + tr("%Ln message(s) stay because a current source also holds them.",
                         nullptr,
                         static_cast<int>(purged.kept));
            }
            outcome = SourceOutcome::done(0, summary);
        } else {
            outcome = SourceOutcome::failed(Kind::ArchiveFailed, 0, error);
        }
        QMetaObject::invokeMethod(
            this, [this, requestId, outcome] { emit finished(requestId, outcome); }, Qt::QueuedConnection);
    });
    thread->setObjectName(QStringLiteral("purge-mail-%1").arg(requestId));
    m_purges.append(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        m_purges.removeAll(thread);
        delete thread;
    });
    thread->start();
    return requestId;
}

void SourceService::removed(quint64 requestId, qint64 sourceId, const QString& summary)
{
    // The password goes last: while the source could still come back (a
    // failed removal), it had to stay.
    Pending pending;
    pending.step = Step::Remove;
    pending.requestId = requestId;
    pending.sourceId = sourceId;
    pending.summary = summary;
    m_pending.insert(m_credentials->removePassword(sourceId), pending);
}

void SourceService::completeRemoval(const Pending& pending, const CredentialResult& result)
{
    QString summary = pending.summary;
    // No password stored (kept for the session only, or never) is no failure.
    if (result.status != CredentialResult::Status::Ok && result.status != CredentialResult::Status::NotFound) {
        summary +=
            QLatin1Char(' ') + tr("Its password could not be removed from the system keychain: %1").arg(result.message);
    }
    if (m_scheduler) {
        m_scheduler->forgetSource(pending.sourceId, summary);
    }
    emit finished(pending.requestId, SourceOutcome::done(pending.sourceId, summary));
}

void SourceService::removalFailed(quint64 requestId, qint64 sourceId, bool alreadyRemoved, const QString& error)
{
    if (m_scheduler && !alreadyRemoved) {
        m_scheduler->releaseHold(sourceId);
    }
    emit finished(requestId, SourceOutcome::failed(Kind::ArchiveFailed, sourceId, error));
}
