#pragma once

#include "sources/CertificateExceptions.h"
#include "sources/IngestionSource.h"
#include "sync/SourceService.h"
#include "values/CertificateInfo.h"
#include "values/RemoteFolder.h"

#include <QDialog>

#include <optional>

class ArchiveQueryRunner;
class ConnectionTester;
class CredentialStore;
class QComboBox;
class QDialogButtonBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
struct ConnectionTestResult;
struct CredentialResult;

// "Create New" and "Edit": everything a source needs, validated next to each
// field as the user types, with the app-password advice of the chosen
// provider and a connection test that runs off the UI thread. Save hands the
// source to the SourceService (archive and keychain, never half a source)
// and closes only when it is saved; a change of server or account may start
// a fresh import.
class SourceDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceDialog)

public:
    // Without `existing` the dialog creates a source.
    // `credentials` reads the stored password for a connection test;
    // `queries` reads the other sources' names and the trusted certificates
    // once, when the dialog opens.
    SourceDialog(SourceService* service,
                 CredentialStore* credentials,
                 ArchiveQueryRunner* queries,
                 std::optional<IngestionSource> existing = std::nullopt,
                 QWidget* parent = nullptr);
    ~SourceDialog() override;

    // Tests and private servers: trusted in addition to the system CAs.
    void setExtraCaCertificatesFile(const QString& path);

    // After accept(): the source as saved (the service has already told the
    // scheduler).
    qint64 savedSourceId() const;
    bool createdSource() const;

    // Puts the cursor in the password field, saying why: the stored
    // password was rejected or could not be read (Details → Change
    // password…).
    void focusPassword();

signals:
    // A connection test ended (tests wait for it).
    void connectionTestFinished(bool ok);

private:
    QWidget* createForm();
    QWidget* createAdvice();
    // Adds "label: field" and the field's error line under it; returns the label.
    QLabel* addRow(QGridLayout* grid, int row, const QString& label, QWidget* field, QLabel* error, QWidget* buddy);
    QLabel* createErrorLabel(const QString& objectName);
    // An icon and text in the window's text colour: advice, not a mistake.
    QWidget* createWarning(QLabel* text);
    // The paths the folder chooser checks first: those of the current scope.
    QStringList foldersOfCurrentScope() const;

    void loadSource(const IngestionSource& source);
    void applyProvider();
    void applySecurity();
    void updateAdvice();
    void updateFolderSummary();
    // Shows the errors of the fields the user has touched, or of all. Save
    // and Test move the focus to the first invalid field; re-checking as the
    // user types must not (focusFirstInvalid false), or each keystroke after
    // a failed Save would land in another field.
    bool validate(bool all, bool focusFirstInvalid = true);
    IngestionSource sourceFromForm() const;
    // Starts a connection test of the form's source, accepting the
    // certificate its server has an exception for.
    void startTest(const QString& password);

    void testConnection();
    void chooseFolders();
    // The server listed no folder: says so on the field instead of opening
    // an empty chooser.
    void reportNoFolders();
    void handleTestResult(const ConnectionTestResult& result);
    void trustCertificate();
    // Asks to trust the certificate the connection test found untrusted, as
    // the trust button does; false when the user declines (nothing is saved).
    // The service trusted m_untrusted for this server: the next test uses it.
    void rememberTrusted(const QString& host, quint16 port);
    bool confirmCertificateBeforeSave();
    void save();
    void store(SourceService::PasswordKeeping keeping);
    void handleSaved(quint64 requestId, const SourceOutcome& outcome);
    void handleCredentialResult(quint64 requestId, const CredentialResult& result);
    // The keychain is not there: keep the password in memory instead?
    bool askToKeepForSession(const QString& keychainError);
    void setBusy(bool busy, const QString& text = {});
    void showResult(bool ok, const QString& text);
    // After a test: the focus goes to Trust or Test, which carries `text`.
    // The field the failed test points at (password, host), when the
    // user can type there.
    QLineEdit* fieldToFix(SyncFailure::Kind kind) const;
    void focusAfterTest(const QString& text, QLineEdit* fieldToFix);
    // The password field's description: what to enter, and the show toggle.
    QString passwordHint() const;

    SourceService* m_service;
    CredentialStore* m_credentials;
    std::optional<IngestionSource> m_existing;
    // Why the stored password must change (focusPassword()), said under
    // the field while it is empty.
    QString m_passwordProblem;
    ConnectionTester* m_tester;

    QLineEdit* m_name = nullptr;
    QComboBox* m_provider = nullptr;
    // Rows shown once a provider is chosen; for Generic IMAP only; for the
    // other providers only.
    QList<QWidget*> m_accountRows;
    QList<QWidget*> m_serverRows;
    QList<QWidget*> m_presetRows;
    QLabel* m_presetServer = nullptr;
    QLineEdit* m_host = nullptr;
    QComboBox* m_security = nullptr;
    QLineEdit* m_port = nullptr;
    QWidget* m_plaintextWarningRow = nullptr; // icon and text
    QLabel* m_plaintextWarning = nullptr;
    QLineEdit* m_username = nullptr;
    QLineEdit* m_password = nullptr;
    QComboBox* m_folders = nullptr;
    QPushButton* m_chooseFolders = nullptr;
    QLabel* m_folderSummary = nullptr;
    QPushButton* m_testButton = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_trustButton = nullptr;
    QLabel* m_advice = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_saveButton = nullptr;

    QLabel* m_nameError = nullptr;
    QLabel* m_providerError = nullptr;
    QLabel* m_hostError = nullptr;
    QLabel* m_portError = nullptr;
    QLabel* m_usernameError = nullptr;
    QLabel* m_passwordError = nullptr;

    QStringList m_chosenFolders;
    QString m_pinnedSha256;
    CertificateInfo m_untrusted;
    // Read when the dialog opens, off the UI thread: the names in use (a
    // duplicate is refused as the user types; the service checks again on
    // save) and the certificates trusted so far (kept current with what
    // this dialog trusts).
    QList<IngestionSource> m_otherSources;
    QList<CertificateException> m_trusted;
    bool m_knownRead = false;
    std::optional<QString> m_testWaiting; // a test asked for before they were read
    // The server of the last connection test: m_untrusted is its certificate.
    QString m_testedHost;
    quint16 m_testedPort = 0;
    QList<RemoteFolder> m_serverFolders;
    bool m_chooseAfterTest = false;
    bool m_foldersListed = false; // a test passed: m_serverFolders is what the server has
    bool m_passwordForTest = false; // the stored password is being read for a test
    quint64 m_pendingRequest = 0; // reading the stored password for a test
    quint64 m_pendingSave = 0;
    qint64 m_savedId = 0;
    bool m_created = false;
    bool m_freshImport = false;
    bool m_showAllErrors = false;
    int m_scope = 0; // the folder choice before "Choose…" was picked: what the chooser checks first
    quint16 m_lastDefaultPort = 993;
};
