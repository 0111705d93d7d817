#pragma once

#include "export/ExportDialog.h"

#include "archive/Archive.h"
#include "archive/LatestQuery.h"
#include "sources/SourceStatistics.h"

#include <QWidget>

class DeleteSourceDialog;
class QAction;

class FolderTreeModel;
class SearchBar;
class SourceService;
class MessageListModel;
class MessageView;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTimer;
class MessageListView;
class QTreeView;

// The Archive page (Ctrl+2): the archive's mail, read like a mail client.
// A tree (All mail, each source with its server folders, Removed sources),
// the message list of the selected node (a page at a time, any length), and
// a preview pane; Enter or a double-click opens a message in its own
// window. A header line says what the archive holds and where its file is.
// Every read goes through the ArchiveQueryRunner: the UI never waits on the disk.
class ArchivePage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArchivePage)

public:
    ArchivePage(Archive archive, ArchiveQueryRunner* queries, QWidget* parent = nullptr);
    ~ArchivePage() override;

    // What the archive holds, as counted off the UI thread (the Ingestions
    // table's model counts it with the sources' totals, so the status bar and
    // this page always show the same number). A change also refreshes the
    // tree's counts and brings new mail into a newest-first list.
    void setTotals(const ArchiveTotals& totals);

    QTreeView* folderView() const;
    MessageListView* messageListView() const;
    FolderTreeModel* folderModel() const;
    MessageListModel* messageModel() const;
    MessageView* preview() const;
    SearchBar* searchBar() const;

public slots:
    void refresh();
    // Reads the folder tree again, keeping the selection and what is expanded.
    void reloadFolders();
    // Opens the archive's folder in the file manager; where none opens it,
    // shows the folder's path in a box it can be copied from.
    void openArchiveFolder();
    // Opens the current message in a window of its own.
    void openCurrentMessage();
    // Puts the keys in the search box (Ctrl+K, Ctrl+F).
    void focusSearch();
    // The export dialog for the selected messages or the whole list shown
    // (File → Export Messages…, the search's Export…).
    ExportDialog* showExport();
    // What the list shows and has selected, for an export or a restore;
    // nullopt while no list is shown.
    std::optional<ExportDialog::Offer> listOffer() const;
    // The folder tree's current node is a source of imported mail: asks
    // whether to delete it, keeping its mail or not (Delete in the tree).
    DeleteSourceDialog* deleteImportedSource();
    // Under Removed sources: asks, with the counts, whether to delete the
    // selected messages (or all matching) from the archive, and does so
    // through the SourceService (Delete key, "Delete from Archive…").
    void deleteRemovedMail();

public:
    // Deleting mail of removed sources goes through it (the GUI sets it).
    void setSourceService(SourceService* service);

signals:
    // The folder tree was read and shown (for tests).
    void foldersLoaded();
    // A deletion of removed sources' mail ended (for tests).
    void removedMailDeleted(bool succeeded);
    // The removal of a source of imported mail ended (for tests).
    void importedSourceDeleted(bool succeeded);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void applyFolders(const QList<FolderEntry>& folders, qint64 allMessages);
    void folderSelected();
    // Shows the tree's node, narrowed by the search when there is one.
    void showList();
    // "1,204 messages matching “invoice” in Work › INBOX".
    QString listDescription() const;
    void updateListPlaceholder();
    void saveLayout() const;
    void restoreLayout();

    Archive m_archive;
    ArchiveQueryRunner* m_queries;
    LatestQuery m_folderQuery;
    ArchiveTotals m_totals;
    QLabel* m_summary;
    FolderTreeModel* m_folders;
    MessageListModel* m_messages;
    QSplitter* m_splitter;
    QSplitter* m_listSplitter;
    QTreeView* m_folderView;
    QStackedWidget* m_listStack;
    MessageListView* m_list;
    QLabel* m_listPlaceholder;
    MessageView* m_preview;
    SearchBar* m_search;
    LatestQuery m_countQuery;
    QTimer* m_previewDelay;
    // "Select all N matching" was chosen and the selection not changed
    // since: an export takes the whole list, not only the rows loaded.
    bool m_wholeListSelected = false;
    SourceService* m_service = nullptr;
    LatestQuery m_deletePreview;
    quint64 m_deleteRequest = 0;
    quint64 m_importRemoval = 0;
    QAction* m_deleteImport = nullptr;
    bool m_foldersLoadedOnce = false;
    bool m_layoutRestored = false; // the user's splitter position was found
    qint64 m_shownTotal = -1;
    // Sources (and removed ones) the tree was read with: an import of mail
    // that is all archived already adds a source but no message.
    int m_shownSources = -1;
};
