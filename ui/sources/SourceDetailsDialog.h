#pragma once

#include "archive/ArchiveReader.h"
#include "archive/EventLog.h"
#include "archive/LatestQuery.h"
#include "sources/CertificateExceptions.h"
#include "sources/IngestionSource.h"
#include "sources/SourceStatistics.h"
#include "values/CertificateInfo.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTreeWidget;
class SourceService;
class SyncManager;

// Everything about one source: its status and history (from the events
// log), the last error with what to do, each folder's server count, archived
// count and proof of completeness, the checkpoints, the bytes archived, the
// trusted certificate, and the check interval, which can be changed here.
// Follows the source live while it is open.
class SourceDetailsDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceDetailsDialog)

public:
    // Reads the archive; changes go through the service.
    SourceDetailsDialog(ArchiveQueryRunner* queries,
                        SyncManager* manager,
                        SourceService* service,
                        qint64 sourceId,
                        QWidget* parent = nullptr);
    ~SourceDetailsDialog() override;

    qint64 sourceId() const;
    // Reads the source again (off the UI thread); refreshed() when shown.
    void refresh();

signals:
    // What the archive holds of the source is on screen.
    void refreshed();
    // The last pass failed on the password: the user wants to enter a new
    // one (the Ingestions page opens the source's settings for it).
    void changePasswordRequested(qint64 sourceId);

private:
    QWidget* createSummary();
    void saveInterval();
    void trustCertificate();
    // The Certificate line: what is true of the certificate of the source's
    // server, and the Remove button when the user trusts it.
    void refreshCertificate(const IngestionSource& source,
                            const QList<ArchiveEvent>& events,
                            const std::optional<CertificateException>& exception);

    // What the dialog shows of the archive, read in one go off the UI thread.
    struct Snapshot
    {
        std::optional<IngestionSource> source;
        QList<ArchiveEvent> events;
        SourceTotals totals;
        QList<FolderSummary> folders;
        std::optional<CertificateException> exception;
    };
    void apply(const Snapshot& snapshot);
    void removeCertificateException();

    LatestQuery m_read;
    SyncManager* m_manager;
    SourceService* m_service;
    qint64 m_sourceId;
    CertificateInfo m_untrusted;
    // As last read (apply()): what the certificate buttons act on, so a
    // click reads nothing on the UI thread.
    Snapshot m_shown;

    QPushButton* m_syncNow = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_technical = nullptr;
    QPushButton* m_passwordButton = nullptr;
    QPushButton* m_trustButton = nullptr;
    QLabel* m_server = nullptr;
    QLabel* m_folderScope = nullptr;
    QLabel* m_archived = nullptr;
    QLabel* m_lastSync = nullptr;
    QLabel* m_nextCheck = nullptr;
    QLabel* m_newMail = nullptr; // IDLE or the periodic check
    QLabel* m_certificate = nullptr;
    QPushButton* m_removeTrustButton = nullptr;
    QSpinBox* m_interval = nullptr;
    QTableWidget* m_folders = nullptr;
    QTreeWidget* m_history = nullptr;
};
