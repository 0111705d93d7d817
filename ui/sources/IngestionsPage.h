#pragma once

#include <QSet>

#include <QWidget>

class ArchiveQueryRunner;
class CredentialStore;
class DeleteSourceDialog;
class QAction;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class SourceDetailsDialog;
class SourceDialog;
class SourceService;
class SourceTableModel;
class SyncManager;

// The Ingestions page: the email accounts the archive imports from, in a
// table that follows every sync live, with the actions on a source (view,
// edit, pause/resume, sync now, delete) on buttons, in the context menu and
// on the keyboard. Until the first source exists it shows an empty state
// that says what the app does and offers Create New.
class IngestionsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestionsPage)

public:
    // The page changes sources only through the service; `credentials` reads
    // a stored password for the dialog's connection test.
    // Every read of the archive (the table's rows and totals, Details, what
    // a deletion would remove) goes through `queries`.
    IngestionsPage(SyncManager* manager,
                   SourceService* service,
                   CredentialStore* credentials,
                   ArchiveQueryRunner* queries,
                   QWidget* parent = nullptr);
    ~IngestionsPage() override;

    // Tests and private servers: trusted in addition to the system CAs.
    void setExtraCaCertificatesFile(const QString& path);

    QWidget* emptyState() const;
    QTableView* table() const;
    SourceTableModel* model() const;
    QAction* createNewAction() const;
    // View details, Edit, Pause/Resume, Sync now, Delete.
    QList<QAction*> sourceActions() const;

public slots:
    // Each opens its dialog window-modally and returns at once.
    SourceDialog* createNew();
    SourceDialog* editSelected();
    SourceDialog* editSource(qint64 sourceId);
    SourceDetailsDialog* showDetails();
    SourceDetailsDialog* showDetailsOf(qint64 sourceId);
    void togglePauseSelected();
    void syncSelectedNow();
    DeleteSourceDialog* deleteSelected();

signals:
    // One line for the status bar.
    void message(const QString& text);

private:
    QWidget* createHeader();
    QWidget* createEmptyState();
    QWidget* createTable();
    void createActions();
    void updateActions();
    void updateEmptyState();
    // Says in one message when the selected source's state changes (paused,
    // resumed, syncing, failing): the table only repaints, and a screen
    // reader does not re-read a cell the focus is not on.
    void announceSelectedState();
    QString spokenState(qint64 sourceId) const;
    // At `position` in the table's viewport: the source's actions on a row,
    // Create New elsewhere.
    void showContextMenu(const QPoint& position);
    qint64 selectedSourceId() const;
    void selectSource(qint64 sourceId);
    void openSourceDialog(SourceDialog* dialog);

    SyncManager* m_manager;
    qint64 m_selectWhenShown = 0; // a created source to select once its row is in
    SourceService* m_service;
    CredentialStore* m_credentials;
    ArchiveQueryRunner* m_queries;
    QSet<quint64> m_removals; // requests whose outcome the page reports
    // The selected source and the state last said of it.
    qint64 m_announcedSource = 0;
    QString m_announcedState;
    QString m_extraCaFile;
    SourceTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QStackedWidget* m_stack = nullptr;
    QWidget* m_emptyState = nullptr;
    QTableView* m_table = nullptr;

    QAction* m_createNew = nullptr;
    QAction* m_details = nullptr;
    QAction* m_edit = nullptr;
    QAction* m_pauseResume = nullptr;
    QAction* m_syncNow = nullptr;
    QAction* m_delete = nullptr;
};
