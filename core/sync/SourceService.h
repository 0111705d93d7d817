#pragma once

#include "SourceOutcome.h"
#include "archive/Archive.h"
#include "archive/RemovedMailPurge.h"
#include "archive/SourcePurge.h"
#include "sources/CertificateExceptions.h"
#include "sources/IngestionSource.h"
#include "values/CertificateInfo.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <atomic>
#include <optional>

class CredentialStore;
class QThread;
class SyncManager;
struct CredentialResult;

// A source's use cases, in one place for the dialogs and the CLI: add, edit
// (with a fresh import), pause, resume, sync now, the check interval, trust a
// certificate, remove (keeping or deleting its mail), and deleting later the
// mail a removed source left. Each writes the archive and the keychain in an
// order that never leaves half a source, logs one event the same way whoever
// asked, and then tells the scheduler (SyncManager; none in the CLI).
//
// The keychain answers asynchronously, and a removal that deletes mail runs
// on a thread of its own: those calls return a request id and end with
// finished(). The others answer at once. Lives on the main thread.
class SourceService : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceService)

public:
    enum class PasswordKeeping {
        Keychain,
        ThisSessionOnly, // the user chose it when no keychain was reachable (LayeredCredentialStore)
    };

    // The archive must be open; credentials (and scheduler) must outlive this.
    SourceService(Archive archive,
                  CredentialStore* credentials,
                  SyncManager* scheduler = nullptr,
                  QObject* parent = nullptr);
    ~SourceService() override;

    std::optional<IngestionSource> find(qint64 sourceId) const;
    // Another current source has this name.
    bool isNameTaken(const QString& name, qint64 exceptSourceId = 0) const;
    // What removing the source with its mail would delete and keep.
    SourcePurge::Preview previewRemoval(qint64 sourceId, QString* error) const;
    // Sources removed with their mail kept, and how many messages each left.
    QList<IngestionSource> removedSourcesWithMail() const;
    // Passwords can be kept in memory for this session when the keychain
    // fails (the GUI's LayeredCredentialStore).
    bool canKeepForSession() const;

    // The source is stored, then its password; when the password cannot be
    // stored the source is taken back (no half-made source). Then it starts
    // importing.
    quint64 addSource(const IngestionSource& source,
                      const QString& password,
                      PasswordKeeping keeping = PasswordKeeping::Keychain);
    // Saves every field of `changed` (found by its id). An empty newPassword
    // keeps the stored one. With freshImport the source imports again from
    // the start (after a change of account).
    quint64 editSource(const IngestionSource& changed,
                       const QString& newPassword,
                       bool freshImport,
                       PasswordKeeping keeping = PasswordKeeping::Keychain);
    // Only the password (e.g. kept for this session after the keychain failed).
    quint64 storePassword(qint64 sourceId, const QString& password, PasswordKeeping keeping);
    // Stops the source for good once no pass touches it, then removes it,
    // keeping its mail (reachable under removed sources) or deleting the mail
    // no other source holds; then its password.
    quint64 removeSource(qint64 sourceId, bool deleteMail);
    // Deletes the mail a source removed earlier left, except what another
    // source holds.
    quint64 purgeRemovedSource(qint64 sourceId);
    // Deletes chosen mail of removed sources (a selection, or a whole list
    // there, a search too): what no current source holds goes from the
    // archive, what one holds stays. On a thread of its own; ends with
    // finished(), its message saying what was deleted and kept.
    quint64 purgeRemovedMail(const RemovedMailPurge::Selection& selection);

    SourceOutcome pause(qint64 sourceId);
    SourceOutcome resume(qint64 sourceId);
    SourceOutcome syncNow(qint64 sourceId);
    SourceOutcome setCheckInterval(qint64 sourceId, int minutes);

    // Certificates are trusted per server (host and port), like a mail
    // client's security exceptions: every source on that server accepts the
    // certificate from now on, and those that failed on it sync again.
    // `sourceId` (0 when the source is not saved yet) is whose history
    // records it.
    SourceOutcome
    trustCertificate(const QString& host, quint16 port, const CertificateInfo& certificate, qint64 sourceId = 0);
    // Every source on that server stops accepting it.
    SourceOutcome removeTrust(const QString& host, quint16 port, qint64 sourceId = 0);
    std::optional<CertificateException> certificateException(const QString& host, quint16 port) const;
    // What a connection to the source accepts whatever the system says.
    QByteArray trustedSha256For(const IngestionSource& source) const;

signals:
    // A request ended; outcome.message says what was done or what failed.
    void finished(quint64 requestId, const SourceOutcome& outcome);
    // A removal deleting mail is under way (every few hundred messages).
    void removalProgress(qint64 sourceId, qint64 done, qint64 total);
    // purgeRemovedMail() is under way.
    void purgeProgress(quint64 requestId, qint64 done, qint64 total);

private:
    // Why pause, resume and edit do not apply to mail imported from files.
    static QString localSourceText(const IngestionSource& source);

    enum class Step { Add, Edit, Password, Remove };

    // A request waiting for the keychain.
    struct Pending
    {
        Step step = Step::Add;
        quint64 requestId = 0;
        qint64 sourceId = 0;
        QString name;
        bool freshImport = false;
        QString summary; // removal: what was done
        QStringList changes; // edit: what changed, for the event
    };

    quint64 nextRequest();
    void finishLater(quint64 requestId, const SourceOutcome& outcome);
    quint64 startCredentialWrite(qint64 sourceId, const QString& password, PasswordKeeping keeping);
    void handleCredentialResult(quint64 credentialRequest, const CredentialResult& result);
    void completeAdd(const Pending& pending, const CredentialResult& result);
    void completeEdit(const Pending& pending, const CredentialResult& result);
    void completeRemoval(const Pending& pending, const CredentialResult& result);
    void removeNow(quint64 requestId, qint64 sourceId, bool deleteMail);
    void purge(quint64 requestId, qint64 sourceId, bool alreadyRemoved);
    void removed(quint64 requestId, qint64 sourceId, const QString& summary);
    void removalFailed(quint64 requestId, qint64 sourceId, bool alreadyRemoved, const QString& error);
    bool logEvent(const QString& kind,
                  const QString& message,
                  qint64 sourceId,
                  const QJsonObject& details = {},
                  QString* error = nullptr) const;
    QString validationError(const IngestionSource& source) const;

    Archive m_archive;
    CredentialStore* m_credentials;
    SyncManager* m_scheduler;
    quint64 m_lastRequest = 0;
    QHash<quint64, Pending> m_pending; // by credential request id
    QList<QThread*> m_purges; // removals deleting mail, running
    std::atomic<bool> m_stopping {false};
};
