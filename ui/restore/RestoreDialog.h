#pragma once

#include "export/ExportDialog.h"
#include "restore/MessageRestore.h"

#include "common/TaskDialog.h"

#include <optional>

class ArchiveQueryRunner;
class CredentialStore;
class OfferChoice;
class QComboBox;
class QFormLayout;
class QHBoxLayout;
class QLineEdit;
class QProgressBar;
class QRadioButton;
class QSpinBox;
class QWidget;

// File → Restore to Server…: the selected messages, or every message of
// the list shown (a folder, a source, a search), put back on an IMAP
// account — one the app archives (its password from the keychain) or
// another one given here — with their exact bytes, flags and dates
// (MessageRestore, on a thread of its own). The one action that writes to
// a server: the first press of Restore says what goes where and how many,
// the second does it. Cancel stops after the batch on its way; restoring
// again sends nothing twice.
class RestoreDialog : public TaskDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreDialog)

public:
    RestoreDialog(QString archivePath,
                  ExportDialog::Offer offer,
                  ArchiveQueryRunner* queries,
                  CredentialStore* credentials,
                  QWidget* parent = nullptr);
    ~RestoreDialog() override;

    // The accounts offered arrive a moment after construction.
    bool accountsLoaded() const;
    // Chooses the account of this source; false when it is not offered.
    bool chooseSource(const QString& name);
    // Another account, given in the dialog.
    void chooseOtherAccount(const QString& host, quint16 port, const QString& user, const QString& password);
    void setKeepFolders(bool keep);
    void setDestinationFolder(const QString& folder);
    void setRestoreSelection(bool selection);
    // What the Restore button would send to (the password not yet read for
    // a source's account).
    RestoreRequest request() const;
    // Waiting for the second press of Restore.
    bool isAwaitingConfirmation() const;

public slots:
    // The first press asks, the second restores.
    void startRestore();

signals:
    void accountsReady();
    void restoreEnded(bool succeeded);

private:
    void targetChanged();
    void clearConfirmation();
    QString targetText(const RestoreRequest& request) const;
    void confirm(qint64 count);
    void run(RestoreRequest request);
    void showProgress(qint64 done, qint64 total);
    void showResult(const RestoreResult& result, const IngestionSource& target);
    void setRunning(bool running);

    QString m_archivePath;
    ExportDialog::Offer m_offer;
    ArchiveQueryRunner* m_queries;
    CredentialStore* m_credentials;
    QList<IngestionSource> m_sources;
    bool m_accountsLoaded = false;
    OfferChoice* m_what;
    QComboBox* m_target;
    QFormLayout* m_form = nullptr;
    QHBoxLayout* m_serverRow; // with the rows of user and password: the other account's
    QLineEdit* m_host;
    QSpinBox* m_port;
    QComboBox* m_security;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QRadioButton* m_intoFolder;
    QLineEdit* m_folder;
    QRadioButton* m_keepFolders;
    QProgressBar* m_progress;
    QPushButton* m_restore;
    bool m_confirming = false;
    bool m_running = false;
    QString m_trustedFingerprint; // the user trusted this one-off server's certificate
    quint64 m_passwordRequest = 0;
    RestoreRequest m_pending; // waiting for its password
};
