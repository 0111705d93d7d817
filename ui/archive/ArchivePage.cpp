#include "ArchivePage.h"

#include "FolderTreeModel.h"
#include "MessageListModel.h"
#include "MessageListView.h"
#include "MessageView.h"
#include "MessageWindow.h"
#include "SearchBar.h"
#include "SearchResultDelegate.h"
#include "archive/ArchiveQueryRunner.h"
#include "archive/RemovedMailPurge.h"
#include "common/ThemeColors.h"
#include "export/ExportDialog.h"
#include "help/ShortcutCatalog.h"
#include "sources/DeleteSourceDialog.h"
#include "sync/SourceService.h"
#include <QAction>
#include <QLineEdit>

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

ArchivePage::ArchivePage(Archive archive, ArchiveQueryRunner* queries, QWidget* parent)
    : QWidget(parent)
    , m_archive(std::move(archive))
    , m_queries(queries)
    , m_folderQuery(queries)
    , m_summary(new QLabel(this))
    , m_folders(new FolderTreeModel(this))
    , m_messages(new MessageListModel(queries, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_listSplitter(new QSplitter(Qt::Vertical, m_splitter))
    , m_folderView(new QTreeView(this))
    , m_listStack(new QStackedWidget(this))
    , m_list(new MessageListView(this))
    , m_listPlaceholder(new QLabel(this))
    , m_preview(new MessageView(queries, this))
    , m_search(new SearchBar(this))
    , m_countQuery(queries)
    , m_previewDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("ArchivePage"));
    m_deletePreview.setRunner(queries);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(8);

    auto* header = new QHBoxLayout;
    auto* title = new QLabel(tr("Archive"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    header->addWidget(title);
    m_summary->setObjectName(QStringLiteral("archiveSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ThemeColors::apply(m_summary, ThemeColors::Role::Secondary);
    header->addWidget(m_summary, 1);
    auto* openFolder = new QPushButton(tr("Open Archive Fol&der"), this);
    openFolder->setObjectName(QStringLiteral("openFolderButton"));
    openFolder->setToolTip(tr("Show the archive file in the file manager"));
    connect(openFolder, &QPushButton::clicked, this, &ArchivePage::openArchiveFolder);
    header->addWidget(openFolder);
    layout->addLayout(header);

    m_folderView->setObjectName(QStringLiteral("folderTree"));
    m_folderView->setAccessibleName(tr("Folders"));
    m_folderView->setModel(m_folders);
    m_folderView->setUniformRowHeights(true);
    m_folderView->setHeaderHidden(true);
    m_folderView->header()->setStretchLastSection(false);
    m_folderView->header()->setSectionResizeMode(FolderTreeModel::NameColumn, QHeaderView::Stretch);
    m_folderView->header()->setSectionResizeMode(FolderTreeModel::CountColumn, QHeaderView::Fixed);
    m_folderView->header()->setMinimumSectionSize(0);
    m_folderView->header()->resizeSection(FolderTreeModel::CountColumn,
                                          fontMetrics().horizontalAdvance(QLocale().toString(999999))
                                              + fontMetrics().averageCharWidth());
    m_folderView->setTabKeyNavigation(false);
    // Mail imported from files has no row on the Ingestions page: it is
    // deleted where it is shown, from its source in the tree (Delete, or the
    // context menu).
    m_deleteImport = new QAction(tr("&Delete Imported Mail…"), this);
    m_deleteImport->setObjectName(QStringLiteral("deleteImportedMailAction"));
    m_deleteImport->setShortcut(QKeySequence::Delete);
    m_deleteImport->setShortcutContext(Qt::WidgetShortcut);
    m_deleteImport->setEnabled(false);
    m_folderView->addAction(m_deleteImport);
    m_folderView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_deleteImport, &QAction::triggered, this, &ArchivePage::deleteImportedSource);
    m_splitter->insertWidget(0, m_folderView);

    m_list->setObjectName(QStringLiteral("messageList"));
    m_list->setAccessibleName(tr("Messages"));
    m_list->setModel(m_messages);
    m_list->setSortingEnabled(true);
    m_list->header()->setSortIndicator(MessageListModel::DateColumn, Qt::DescendingOrder);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(MessageListModel::AttachmentColumn, QHeaderView::Fixed);
    m_list->header()->resizeSection(MessageListModel::AttachmentColumn, fontMetrics().height() + 12);
    m_list->header()->setSectionResizeMode(MessageListModel::SubjectColumn, QHeaderView::Stretch);
    m_list->header()->resizeSection(MessageListModel::CorrespondentColumn, fontMetrics().averageCharWidth() * 26);
    // Wide enough for the longest short date of the locale (two-digit day,
    // hour and minute).
    const QString longestDate = QLocale().toString(QDateTime(QDate(2000, 12, 30), QTime(23, 59)), QLocale::ShortFormat);
    m_list->header()->resizeSection(MessageListModel::DateColumn,
                                    fontMetrics().horizontalAdvance(longestDate)
                                        + fontMetrics().averageCharWidth() * 4);
    m_list->header()->resizeSection(MessageListModel::SizeColumn, fontMetrics().averageCharWidth() * 10);
    m_listPlaceholder->setObjectName(QStringLiteral("messageListPlaceholder"));
    m_listPlaceholder->setAlignment(Qt::AlignCenter);
    m_listPlaceholder->setWordWrap(true);
    ThemeColors::apply(m_listPlaceholder, ThemeColors::Role::Secondary);
    m_list->setItemDelegateForColumn(MessageListModel::SubjectColumn, new SearchResultDelegate(m_list));
    m_listStack->addWidget(m_list);
    m_listStack->addWidget(m_listPlaceholder);
    auto* listColumn = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listColumn);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(6);
    listLayout->addWidget(m_search);
    listLayout->addWidget(m_listStack, 1);
    m_listSplitter->addWidget(listColumn);
    m_listSplitter->addWidget(m_preview);
    m_listSplitter->setStretchFactor(0, 2);
    m_listSplitter->setStretchFactor(1, 3);
    m_splitter->addWidget(m_listSplitter);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_listSplitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter, 1);
    setTabOrder(m_folderView, m_search->edit());
    setTabOrder(m_search->edit(), m_list);
    setTabOrder(m_list, m_preview);

    connect(m_search, &SearchBar::searchChanged, this, [this] {
        const std::optional<SearchQuery> query = m_search->query();
        m_preview->setHighlightTerms(query ? query->highlightTerms() : QStringList());
        showList();
    });
    connect(m_search, &SearchBar::widenScopeRequested, this, [this] {
        m_folderView->setCurrentIndex(m_folders->indexForKey(QStringLiteral("all")));
    });
    connect(m_search, &SearchBar::bestMatchToggled, m_messages, &MessageListModel::setRelevanceOrder);
    connect(m_messages, &MessageListModel::relevanceOrderChanged, this, [this](bool relevance) {
        m_search->setBestMatch(relevance);
        // Best match has no column: no column shows an order then.
        m_list->header()->setSortIndicatorShown(!relevance);
    });
    connect(m_search, &SearchBar::selectAllMatchingRequested, this, [this] {
        m_list->selectAll();
        m_wholeListSelected = true;
        m_search->setAllMatchingSelected(true);
        m_list->setFocus(Qt::OtherFocusReason);
    });
    connect(m_search, &SearchBar::exportRequested, this, &ArchivePage::showExport);
    connect(m_search, &SearchBar::deleteRequested, this, &ArchivePage::deleteRemovedMail);
    // Delete in the list: only mail of removed sources can go (the
    // archive never deletes a current source's mail by itself).
    auto* deleteKey = new QShortcut(QKeySequence::Delete, m_list, this, &ArchivePage::deleteRemovedMail);
    deleteKey->setContext(Qt::WidgetShortcut);
    deleteKey->setProperty(ShortcutCatalog::DescriptionProperty,
                           tr("Under Removed sources: delete the selected messages from the archive (asks first)"));
    connect(m_search, &SearchBar::leaveRequested, this, [this] { m_list->setFocus(Qt::OtherFocusReason); });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        // A click or a key after Select all matching: the user chose rows.
        if (m_wholeListSelected && m_list->selectionModel()->selectedRows().size() < m_messages->rowCount()) {
            m_wholeListSelected = false;
            m_search->setAllMatchingSelected(false);
        }
    });

    m_previewDelay->setSingleShot(true);
    // Holding an arrow key skims the list: only where it stops is read.
    m_previewDelay->setInterval(60);
    connect(m_previewDelay, &QTimer::timeout, this, [this] {
        const QModelIndex current = m_list->currentIndex();
        m_preview->showMessage(current.isValid() ? m_messages->messageIdAt(current.row()) : 0);
    });
    connect(
        m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { m_previewDelay->start(); });
    connect(m_list, &QAbstractItemView::activated, this, [this] { openCurrentMessage(); });
    connect(
        m_folderView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ArchivePage::folderSelected);
    connect(m_messages, &MessageListModel::loaded, this, [this] {
        updateListPlaceholder();
        if (!m_list->currentIndex().isValid() && m_messages->rowCount() > 0) {
            // The newest message is ready to read, as in a mail client; the
            // selection follows the keyboard from here.
            m_list->selectionModel()->setCurrentIndex(m_messages->index(0, MessageListModel::SubjectColumn),
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
    });
    connect(m_messages, &QAbstractItemModel::modelReset, this, [this] { m_preview->clear(); });
    restoreLayout();
    refresh();
}

ArchivePage::~ArchivePage()
{
    saveLayout();
}

QTreeView* ArchivePage::folderView() const
{
    return m_folderView;
}

MessageListView* ArchivePage::messageListView() const
{
    return m_list;
}

FolderTreeModel* ArchivePage::folderModel() const
{
    return m_folders;
}

MessageListModel* ArchivePage::messageModel() const
{
    return m_messages;
}

MessageView* ArchivePage::preview() const
{
    return m_preview;
}

SearchBar* ArchivePage::searchBar() const
{
    return m_search;
}

void ArchivePage::setTotals(const ArchiveTotals& totals)
{
    const bool changed = totals.messages != m_totals.messages || totals.sources != m_totals.sources
        || totals.removedSources != m_totals.removedSources;
    m_totals = totals;
    refresh();
    if (changed && m_foldersLoadedOnce && isVisible()) {
        reloadFolders();
        m_messages->refreshNewest();
    }
}

void ArchivePage::showEvent(QShowEvent* event)
{
    refresh();
    if (!m_foldersLoadedOnce && !m_messages->query()) {
        // All mail is what opens first: its first page need not wait for
        // the tree's counts.
        m_messages->setQuery(MessageListQuery());
    }
    if (!m_foldersLoadedOnce || m_shownTotal != m_totals.messages
        || m_shownSources != m_totals.sources + m_totals.removedSources) {
        reloadFolders();
    }
    QWidget::showEvent(event);
}

void ArchivePage::hideEvent(QHideEvent* event)
{
    saveLayout();
    QWidget::hideEvent(event);
}

void ArchivePage::reloadFolders()
{
    m_shownTotal = m_totals.messages;
    m_shownSources = m_totals.sources + m_totals.removedSources;
    // Counting every folder reads every location (0.4 s at a million
    // messages): on the Background lane, so the list's first page, on the
    // Interactive one, does not wait behind it.
    m_folderQuery.run(
        ArchiveQueryRunner::Lane::Background,
        this,
        [](const ArchiveReader& reader) { return std::make_pair(reader.folderEntries(), reader.messageCount()); },
        [this](const std::pair<QList<FolderEntry>, qint64>& result) { applyFolders(result.first, result.second); });
}

void ArchivePage::applyFolders(const QList<FolderEntry>& folders, qint64 allMessages)
{
    const QString current = m_folderView->currentIndex().data(FolderTreeModel::KeyRole).toString();
    QStringList expanded;
    const QModelIndexList all = m_folders->match(
        m_folders->index(0, 0), Qt::DisplayRole, QVariant(), -1, Qt::MatchWildcard | Qt::MatchRecursive);
    for (const QModelIndex& index : all) {
        if (m_folderView->isExpanded(index)) {
            expanded << index.data(FolderTreeModel::KeyRole).toString();
        }
    }
    const bool first = !m_foldersLoadedOnce;
    {
        // The rebuild must not look like a new selection to the list.
        const QSignalBlocker blocker(m_folderView->selectionModel());
        m_folders->setFolders(folders, allMessages);
    }
    m_foldersLoadedOnce = true;
    if (first) {
        // Sources open, so their folders show; removed sources stay closed.
        for (int row = 0; row < m_folders->rowCount(); ++row) {
            const QModelIndex index = m_folders->index(row, 0);
            if (static_cast<FolderTreeModel::Kind>(index.data(FolderTreeModel::KindRole).toInt())
                == FolderTreeModel::Kind::Source) {
                m_folderView->expand(index);
            }
        }
    } else {
        for (const QString& key : std::as_const(expanded)) {
            m_folderView->expand(m_folders->indexForKey(key));
        }
    }
    if (first && !m_layoutRestored) {
        // The tree as wide as its names and counts (within reason), once:
        // after that the user's own splitter position is kept. Measured
        // after the expanded rows are laid out.
        QTimer::singleShot(0, this, [this] {
            const QAbstractItemView* view = m_folderView; // sizeHintForColumn is public there
            const int wanted = view->sizeHintForColumn(FolderTreeModel::NameColumn)
                + m_folderView->header()->sectionSize(FolderTreeModel::CountColumn)
                + m_folderView->verticalScrollBar()->sizeHint().width() + 2 * m_folderView->frameWidth()
                + fontMetrics().averageCharWidth() * 2;
            const int total = m_splitter->width();
            const int tree = qBound(fontMetrics().averageCharWidth() * 30, wanted, total / 3);
            m_splitter->setSizes({tree, total - tree - m_splitter->handleWidth()});
        });
    }
    QModelIndex restore = m_folders->indexForKey(current.isEmpty() ? QStringLiteral("all") : current);
    if (!restore.isValid()) {
        restore = m_folders->indexForKey(QStringLiteral("all"));
    }
    const QString restoredKey = restore.data(FolderTreeModel::KeyRole).toString();
    // The same node as before, or All mail whose list was opened already
    // before the tree arrived: the list goes on as it is.
    const bool sameNode = (!current.isEmpty() && restoredKey == current)
        || (current.isEmpty() && restoredKey == QLatin1String("all") && m_messages->query()
            && m_messages->query()->scope == MessageListQuery::Scope::All);
    {
        const QSignalBlocker blocker(m_folderView->selectionModel());
        m_folderView->selectionModel()->setCurrentIndex(
            restore, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    if (!sameNode) {
        folderSelected();
    } else {
        m_list->setAccessibleDescription(m_folders->titleFor(restore));
    }
    emit foldersLoaded();
}

void ArchivePage::folderSelected()
{
    m_deleteImport->setEnabled(m_folderView->currentIndex()
                                   .siblingAtColumn(FolderTreeModel::NameColumn)
                                   .data(FolderTreeModel::LocalSourceRole)
                                   .toBool());
    showList();
}

void ArchivePage::showList()
{
    const QModelIndex current = m_folderView->currentIndex();
    std::optional<MessageListQuery> query =
        current.isValid() || m_foldersLoadedOnce ? m_folders->queryFor(current) : MessageListQuery();
    const std::optional<SearchQuery> search = m_search->query();
    const QString title = current.isValid() ? m_folders->titleFor(current) : tr("All mail");
    m_search->setScope(title,
                       current.isValid() && current.data(FolderTreeModel::KeyRole).toString() != QLatin1String("all"));
    const bool removedMail = m_service && m_folders->isRemovedMail(current);
    m_search->setDeleteAvailable(removedMail);
    if (query && search) {
        query->search = search;
    }
    m_wholeListSelected = false;
    m_messages->setQuery(query);
    m_list->setTwoLineRows(m_messages->isSearch());
    m_list->setAccessibleDescription(search ? tr("Search results in %1").arg(title) : title);
    m_countQuery.cancel();
    if (query && (search || removedMail)) {
        m_search->setCount(-1);
        const MessageListQuery counted = *query;
        m_countQuery.run(
            ArchiveQueryRunner::Lane::Background,
            this,
            [counted](const ArchiveReader& reader) { return reader.count(counted, SearchBar::CountCap); },
            [this](qint64 count) { m_search->setCount(count); });
    }
    updateListPlaceholder();
}

QString ArchivePage::listDescription() const
{
    const QModelIndex current = m_folderView->currentIndex();
    const QString title = current.isValid() ? m_folders->titleFor(current) : tr("All mail");
    const std::optional<SearchQuery> search = m_search->query();
    if (!search) {
        if (!current.isValid() || current.data(FolderTreeModel::KeyRole).toString() == QLatin1String("all")) {
            return tr("All mail");
        }
        //: What an export takes: %1 is a folder ("Work › INBOX"), a source or "Removed sources".
        return tr("All messages in %1").arg(title);
    }
    const qint64 count = m_search->count();
    if (count < 0 || count > SearchBar::CountCap) {
        //: %1 is what was typed in the search box, %2 where it searched.
        return tr("All messages matching “%1” in %2").arg(m_search->text(), title);
    }
    //: %1 is what was typed in the search box, %2 where it searched.
    return tr("All %Ln message(s) matching “%1” in %2", nullptr, static_cast<int>(count)).arg(m_search->text(), title);
}

void ArchivePage::setSourceService(SourceService* service)
{
    m_service = service;
    if (!m_service) {
        return;
    }
    connect(m_service, &SourceService::finished, this, [this](quint64 requestId, const SourceOutcome& outcome) {
        if (requestId != 0 && requestId == m_importRemoval) {
            m_importRemoval = 0;
            m_search->showOutcome(outcome.message, !outcome.ok());
            reloadFolders();
            emit importedSourceDeleted(outcome.ok());
            return;
        }
        if (requestId != m_deleteRequest) {
            return;
        }
        m_deleteRequest = 0;
        m_search->showOutcome(outcome.message, !outcome.ok());
        reloadFolders();
        showList();
        emit removedMailDeleted(outcome.ok());
    });
    showList();
}

DeleteSourceDialog* ArchivePage::deleteImportedSource()
{
    const QModelIndex current = m_folderView->currentIndex().siblingAtColumn(FolderTreeModel::NameColumn);
    if (!m_service || m_importRemoval != 0 || !current.data(FolderTreeModel::LocalSourceRole).toBool()) {
        return nullptr;
    }
    const qint64 sourceId = current.data(FolderTreeModel::IdRole).toLongLong();
    auto* dialog = DeleteSourceDialog::ask(sourceId, current.data().toString(), m_queries, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog, sourceId] {
        m_search->showOutcome(tr("Deleting…"), false);
        m_importRemoval = m_service->removeSource(sourceId, dialog->deleteMail());
    });
    return dialog;
}

void ArchivePage::deleteRemovedMail()
{
    const QModelIndex current = m_folderView->currentIndex();
    const std::optional<MessageListQuery> list = m_messages->query();
    if (!m_service || m_deleteRequest != 0 || !list || !m_folders->isRemovedMail(current)) {
        return;
    }
    RemovedMailPurge::Selection selection;
    if (m_wholeListSelected) {
        selection.list = *list;
    } else {
        for (const QModelIndex& row : m_list->selectionModel()->selectedRows()) {
            selection.ids << m_messages->messageIdAt(row.row());
        }
        if (selection.ids.isEmpty()) {
            return;
        }
    }
    // Counted first (a whole list can be large: off the UI thread), so the
    // question states what goes and what stays.
    m_deletePreview.run(
        ArchiveQueryRunner::Lane::Background,
        this,
        [selection](const ArchiveReader& reader) {
            std::pair<RemovedMailPurge::Preview, QString> result;
            result.first = RemovedMailPurge(reader.database()).preview(selection, &result.second);
            return result;
        },
        [this, selection](const std::pair<RemovedMailPurge::Preview, QString>& result) {
            if (!result.second.isEmpty()) {
                m_search->showOutcome(result.second, true);
                return;
            }
            const RemovedMailPurge::Preview& preview = result.first;
            auto* box = new QMessageBox(
                QMessageBox::Warning,
                tr("Delete from Archive"),
                tr("Delete %Ln message(s) from the archive?", nullptr, static_cast<int>(preview.deleted)),
                QMessageBox::Cancel,
                this);
            box->setObjectName(QStringLiteral("deleteRemovedMailBox"));
            QString details =
                tr("They were kept from removed sources. They are deleted for good, with their "
                   "attachments (%1); this cannot be undone. Export them first to keep a copy.")
                    .arg(QLocale().formattedDataSize(preview.bytes, 1, QLocale::DataSizeTraditionalFormat));
            if (preview.kept > 0) {
                details += QStringLiteral("\n\n")
                    + tr("%Ln message(s) stay, because a current source also holds them.",
                         nullptr,
                         static_cast<int>(preview.kept));
            }
            box->setInformativeText(details);
            QPushButton* confirm = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
            confirm->setObjectName(QStringLiteral("confirmDeleteButton"));
            box->setDefaultButton(QMessageBox::Cancel);
            box->setAttribute(Qt::WA_DeleteOnClose);
            connect(box, &QMessageBox::buttonClicked, this, [this, confirm, selection](QAbstractButton* clicked) {
                if (clicked != confirm || !m_service) {
                    return;
                }
                m_search->showOutcome(tr("Deleting…"), false);
                m_deleteRequest = m_service->purgeRemovedMail(selection);
            });
            // open(), not exec(): syncs go on reporting meanwhile.
            box->open();
        });
}

void ArchivePage::focusSearch()
{
    m_search->focusSearch();
}

std::optional<ExportDialog::Offer> ArchivePage::listOffer() const
{
    const std::optional<MessageListQuery> list = m_messages->query();
    if (!list) {
        return std::nullopt;
    }
    ExportDialog::Offer offer;
    offer.list = *list;
    offer.listDescription = listDescription();
    offer.preferList = m_wholeListSelected;
    if (!m_wholeListSelected) {
        for (const QModelIndex& row : m_list->selectionModel()->selectedRows()) {
            offer.selected << m_messages->messageIdAt(row.row());
        }
    }
    return offer;
}

ExportDialog* ArchivePage::showExport()
{
    const std::optional<ExportDialog::Offer> offer = listOffer();
    if (!offer) {
        return nullptr;
    }
    auto* dialog = new ExportDialog(m_archive.path(), *offer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void ArchivePage::updateListPlaceholder()
{
    const QModelIndex current = m_folderView->currentIndex();
    QString text;
    if (!m_messages->query()) {
        text = current.isValid() ? tr("This folder holds no mail of its own. Choose one of its subfolders.")
                                 : tr("Choose a folder on the left.");
    } else if (m_messages->isLoading()) {
        text.clear(); // the first page is on its way: keep the list, empty, rather than flash a text
    } else if (m_messages->rowCount() == 0 && m_messages->isSearch()) {
        const bool narrowed =
            current.isValid() && current.data(FolderTreeModel::KeyRole).toString() != QLatin1String("all");
        text = narrowed ? tr("No message in %1 matches. The chip next to the search box searches all mail.")
                              .arg(m_folders->titleFor(current))
                        : tr("No message matches.");
    } else if (m_messages->rowCount() == 0) {
        text = m_totals.messages == 0 || m_folders->rowCount() <= 1
            ? tr("No mail is archived yet. Add a source on the Ingestions page (Ctrl+1), and its mail appears here as "
                 "it is imported.")
            : tr("This folder is empty.");
    }
    m_listPlaceholder->setText(text);
    m_listStack->setCurrentWidget(text.isEmpty() ? static_cast<QWidget*>(m_list) : m_listPlaceholder);
}

void ArchivePage::openCurrentMessage()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        return;
    }
    auto* window = new MessageWindow(m_queries, this->window());
    const std::optional<SearchQuery> search = m_search->query();
    window->view()->setHighlightTerms(search ? search->highlightTerms() : QStringList());
    window->showMessage(m_messages->messageIdAt(current.row()));
    window->show();
}

void ArchivePage::refresh()
{
    const QString size = QLocale().formattedDataSize(m_totals.fileBytes, 1, QLocale::DataSizeTraditionalFormat);
    m_summary->setToolTip(tr("Archive file: %1").arg(QDir::toNativeSeparators(m_archive.path())));
    if (m_totals.messages < 0) {
        m_summary->setText(tr("Counting the messages in the archive…"));
        return;
    }
    // Removed sources whose mail was kept are named apart: their mail is
    // here, but they are no longer in the Ingestions list.
    QString from;
    if (m_totals.removedSources == 0) {
        from = tr("%n source(s)", nullptr, m_totals.sources);
    } else if (m_totals.sources == 0) {
        from = tr("%n removed source(s)", nullptr, m_totals.removedSources);
    } else {
        //: %1 is "2 sources"; the sources removed with their mail kept follow.
        from = tr("%1 (and %n removed source(s))", nullptr, m_totals.removedSources)
                   .arg(tr("%n source(s)", nullptr, m_totals.sources));
    }
    const int messages = static_cast<int>(std::min<qint64>(m_totals.messages, INT_MAX));
    //: %1 is "2 sources", possibly followed by "(and 1 removed source)"; %2 the size of the archive file.
    m_summary->setText(
        tr("The archive holds %Ln message(s) from %1, in %2 on this computer.", nullptr, messages).arg(from, size));
}

void ArchivePage::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("archivePage/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("archivePage/listSplitter"), m_listSplitter->saveState());
    settings.setValue(QStringLiteral("archivePage/listHeader"), m_list->header()->saveState());
}

void ArchivePage::restoreLayout()
{
    const QSettings settings;
    const int em = fontMetrics().averageCharWidth();
    m_layoutRestored = m_splitter->restoreState(settings.value(QStringLiteral("archivePage/splitter")).toByteArray());
    if (!m_layoutRestored) {
        m_splitter->setSizes({em * 32, em * 120});
    }
    if (!m_listSplitter->restoreState(settings.value(QStringLiteral("archivePage/listSplitter")).toByteArray())) {
        m_listSplitter->setSizes({fontMetrics().height() * 14, fontMetrics().height() * 24});
    }
    const QByteArray header = settings.value(QStringLiteral("archivePage/listHeader")).toByteArray();
    if (!header.isEmpty()) {
        m_list->header()->restoreState(header);
        // The sort shown is the sort the model uses.
        m_messages->sort(m_list->header()->sortIndicatorSection(), m_list->header()->sortIndicatorOrder());
    }
}

void ArchivePage::openArchiveFolder()
{
    const QString folder = QFileInfo(m_archive.path()).absolutePath();
    if (QDesktopServices::openUrl(QUrl::fromLocalFile(folder))) {
        return;
    }
    // No file manager (a minimal desktop, a server session): say where the
    // folder is, in words that can be selected and copied.
    auto* box = new QMessageBox(QMessageBox::Information,
                                tr("Cannot Open the Folder"),
                                tr("No file manager could open the archive folder. It is here:"),
                                QMessageBox::Ok,
                                this);
    box->setObjectName(QStringLiteral("archiveFolderBox"));
    box->setInformativeText(QDir::toNativeSeparators(folder));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
