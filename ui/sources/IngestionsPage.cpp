#include "IngestionsPage.h"

#include "AppIcon.h"
#include "CompactTextDelegate.h"
#include "DeleteSourceDialog.h"
#include "ProgressDelegate.h"
#include "SourceDetailsDialog.h"
#include "SourceDialog.h"
#include "SourceTableModel.h"
#include "StatusBadgeDelegate.h"
#include "archive/ArchiveQueryRunner.h"
#include "common/ColumnFitter.h"
#include "common/PaintedIcons.h"
#include "common/ThemeColors.h"
#include "help/ShortcutCatalog.h"
#include "sync/SourceService.h"
#include "sync/SyncManager.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

IngestionsPage::IngestionsPage(SyncManager* manager,
                               SourceService* service,
                               CredentialStore* credentials,
                               ArchiveQueryRunner* queries,
                               QWidget* parent)
    : QWidget(parent)
    , m_manager(manager)
    , m_service(service)
    , m_credentials(credentials)
    , m_queries(queries)
    , m_model(new SourceTableModel(manager, queries, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("IngestionsPage"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SourceTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    createActions();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(12);
    layout->addWidget(createHeader());
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(createEmptyState());
    m_stack->addWidget(createTable());
    layout->addWidget(m_stack, 1);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &IngestionsPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_selectWhenShown != 0 && m_model->rowOf(m_selectWhenShown) >= 0) {
            selectSource(m_selectWhenShown);
        }
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &IngestionsPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &IngestionsPage::updateEmptyState);
    connect(m_model, &SourceTableModel::loaded, this, &IngestionsPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &IngestionsPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &IngestionsPage::announceSelectedState);
    connect(m_service, &SourceService::finished, this, [this](quint64 requestId, const SourceOutcome& outcome) {
        if (!m_removals.remove(requestId)) {
            return;
        }
        if (outcome.ok()) {
            emit message(outcome.message);
        } else {
            QMessageBox::warning(this, tr("Cannot Delete the Source"), outcome.message);
        }
    });
    updateEmptyState();
}

IngestionsPage::~IngestionsPage() = default;

void IngestionsPage::setExtraCaCertificatesFile(const QString& path)
{
    m_extraCaFile = path;
}

QWidget* IngestionsPage::emptyState() const
{
    return m_emptyState;
}

QTableView* IngestionsPage::table() const
{
    return m_table;
}

SourceTableModel* IngestionsPage::model() const
{
    return m_model;
}

QAction* IngestionsPage::createNewAction() const
{
    return m_createNew;
}

QList<QAction*> IngestionsPage::sourceActions() const
{
    return {m_details, m_edit, m_pauseResume, m_syncNow, m_delete};
}

void IngestionsPage::createActions()
{
    QStyle* style = this->style();
    m_createNew = new QAction(QIcon::fromTheme(QStringLiteral("list-add"), style->standardIcon(QStyle::SP_FileIcon)),
                              tr("&Create New…"),
                              this);
    m_createNew->setObjectName(QStringLiteral("createNewAction"));
    m_createNew->setShortcut(QKeySequence::New);
    m_createNew->setToolTip(tr("Add an email account to archive (%1)")
                                .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    connect(m_createNew, &QAction::triggered, this, &IngestionsPage::createNew);

    m_details = new QAction(
        QIcon::fromTheme(QStringLiteral("document-properties"), style->standardIcon(QStyle::SP_FileDialogDetailedView)),
        tr("&View Details"),
        this);
    m_details->setObjectName(QStringLiteral("detailsAction"));
    m_details->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_details, &QAction::triggered, this, &IngestionsPage::showDetails);

    // A pencil: without an icon theme Qt's nearest standard icon is a
    // magnifier, which says "view", not "change".
    m_edit = new QAction(
        QIcon::fromTheme(QStringLiteral("document-edit"), PaintedIcons::pencil(palette().color(QPalette::WindowText))),
        tr("&Edit…"),
        this);
    m_edit->setObjectName(QStringLiteral("editAction"));
    m_edit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_edit, &QAction::triggered, this, &IngestionsPage::editSelected);

    m_pauseResume = new QAction(this);
    m_pauseResume->setObjectName(QStringLiteral("pauseResumeAction"));
    m_pauseResume->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    // Its text says one half, whichever applies now.
    m_pauseResume->setProperty(ShortcutCatalog::DescriptionProperty, tr("Pause or resume the selected source"));
    connect(m_pauseResume, &QAction::triggered, this, &IngestionsPage::togglePauseSelected);

    m_syncNow =
        new QAction(QIcon::fromTheme(QStringLiteral("view-refresh"), style->standardIcon(QStyle::SP_BrowserReload)),
                    tr("&Sync now"),
                    this);
    m_syncNow->setObjectName(QStringLiteral("syncNowAction"));
    // F5 everywhere, as the user guide says; QKeySequence::Refresh is only
    // Ctrl+R on a desktop without a known key scheme.
    m_syncNow->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    connect(m_syncNow, &QAction::triggered, this, &IngestionsPage::syncSelectedNow);

    m_delete = new QAction(QIcon::fromTheme(QStringLiteral("edit-delete"), style->standardIcon(QStyle::SP_TrashIcon)),
                           tr("&Delete…"),
                           this);
    m_delete->setObjectName(QStringLiteral("deleteAction"));
    m_delete->setShortcut(QKeySequence::Delete);
    connect(m_delete, &QAction::triggered, this, &IngestionsPage::deleteSelected);

    // Window-wide: the page has no text fields, and the user should not
    // have to click into the table before Ctrl+I or F5 work.
    for (QAction* action : sourceActions()) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }
    m_createNew->setShortcutContext(Qt::WindowShortcut);
}

QWidget* IngestionsPage::createHeader()
{
    auto* header = new QWidget(this);
    auto* row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);

    auto* texts = new QVBoxLayout;
    texts->setSpacing(2);
    auto* title = new QLabel(tr("Ingestions"), header);
    title->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAccessibleName(tr("Ingestions"));
    auto* subtitle = new QLabel(tr("The email accounts whose mail this archive imports and keeps current."), header);
    subtitle->setWordWrap(true);
    ThemeColors::apply(subtitle, ThemeColors::Role::Secondary);
    texts->addWidget(title);
    texts->addWidget(subtitle);
    row->addLayout(texts, 1);

    // The page's own button keeps its short label; the menu item, the
    // context menu and the empty state say "Create New…" (a dialog follows).
    auto* createButton = new QPushButton(m_createNew->icon(), tr("Create New"), header);
    createButton->setObjectName(QStringLiteral("createNewButton"));
    createButton->setToolTip(m_createNew->toolTip());
    connect(createButton, &QPushButton::clicked, m_createNew, &QAction::trigger);
    row->addWidget(createButton, 0, Qt::AlignBottom);
    return header;
}

QWidget* IngestionsPage::createEmptyState()
{
    m_emptyState = new QWidget(this);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    auto* layout = new QVBoxLayout(m_emptyState);
    layout->addStretch(2);

    auto* icon = new QLabel(m_emptyState);
    icon->setPixmap(appIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignHCenter);

    auto* heading = new QLabel(tr("No ingestion sources yet"), m_emptyState);
    heading->setObjectName(QStringLiteral("emptyStateHeading"));
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setAlignment(Qt::AlignHCenter);

    auto* explanation = new QLabel(tr("OpenArchiver Desktop keeps a complete, searchable copy of your email on this "
                                      "computer. It only ever reads from your mail server: mail you delete there "
                                      "stays in the archive."),
                                   m_emptyState);
    explanation->setWordWrap(true);
    explanation->setAlignment(Qt::AlignHCenter);

    // The same words as the menu item: it opens the same dialog.
    auto* create = new QPushButton(m_createNew->icon(), tr("Create New…"), m_emptyState);
    create->setObjectName(QStringLiteral("emptyStateCreateButton"));
    connect(create, &QPushButton::clicked, m_createNew, &QAction::trigger);

    auto* demo = new QLabel(tr("No account at hand? The README shows how to start a demo mail server on this "
                               "computer (scripts/demo-server) and archive it."),
                            m_emptyState);
    demo->setObjectName(QStringLiteral("demoHint"));
    demo->setWordWrap(true);
    demo->setAlignment(Qt::AlignHCenter);
    ThemeColors::apply(demo, ThemeColors::Role::Secondary);

    // A column of limited width, centred by stretches: an alignment flag on a
    // word-wrapped label would make the layout give it one line's height.
    auto* column = new QWidget(m_emptyState);
    column->setMaximumWidth(520);
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(10);
    columnLayout->addWidget(icon);
    columnLayout->addWidget(heading);
    columnLayout->addWidget(explanation);
    columnLayout->addWidget(create, 0, Qt::AlignHCenter);
    columnLayout->addWidget(demo);

    auto* centring = new QHBoxLayout;
    centring->addStretch(1);
    centring->addWidget(column, 3);
    centring->addStretch(1);
    layout->addLayout(centring);
    layout->addStretch(3);
    return m_emptyState;
}

QWidget* IngestionsPage::createTable()
{
    auto* container = new QWidget(this);
    auto* layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);

    m_table = new QTableView(container);
    m_table->setObjectName(QStringLiteral("sourcesTable"));
    m_table->setAccessibleName(tr("Ingestion sources"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SourceTableModel::Name, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 16);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setItemDelegateForColumn(SourceTableModel::Status, new StatusBadgeDelegate(m_table));
    m_table->setItemDelegateForColumn(SourceTableModel::Progress, new ProgressDelegate(m_table));
    // Columns take what their content needs, Name the rest: nothing scrolls
    // sideways at 800 px. When that is too narrow, Progress, Account and
    // Provider elide (their tooltips have the whole text), then Archived
    // drops the size, and only then is Name cut. Widths come from the font,
    // so they follow the scale.
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto chars = [&metrics](int count) { return metrics.averageCharWidth() * count; };
    auto* fitter = new ColumnFitter(m_table, SourceTableModel::Name);
    fitter->setStretchMinimum(chars(12));
    // Progress gives first: a long error there has its tooltip and Details,
    // while "Generic …" or "demo@12…" in a wide window says nothing.
    fitter->addElidable(SourceTableModel::Progress, chars(16));
    fitter->addElidable(SourceTableModel::Account, chars(10), 1);
    fitter->addElidable(SourceTableModel::Provider, chars(8), 1);
    // "in less than a minute" shortens before a name is cut.
    fitter->addElidable(SourceTableModel::NextCheck, chars(6), 1);
    // "5,000" for "5,000 · 166.1 MB".
    m_table->setItemDelegateForColumn(SourceTableModel::Archived, new CompactTextDelegate(m_table));
    fitter->addElidable(SourceTableModel::Archived, chars(9), 2);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &IngestionsPage::showContextMenu);
    // Tab leaves the table for the next control (the arrows move between
    // rows); the selected row stays, so Return and Ctrl+I act on it.
    m_table->setTabKeyNavigation(false);
    // Shift+F10 opens the context menu where keyboards have no Menu key.
    auto* menuKey = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F10), m_table, nullptr, nullptr, Qt::WidgetShortcut);
    menuKey->setProperty(ShortcutCatalog::DescriptionProperty, tr("The selected source's actions as a menu"));
    connect(menuKey, &QShortcut::activated, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        showContextMenu(current.isValid() ? m_table->visualRect(current).center() : QPoint(8, 8));
    });
    // Enter and double-click; where a double-click also activates, the
    // second call only raises the dialog the first one opened.
    connect(m_table, &QAbstractItemView::doubleClicked, this, &IngestionsPage::showDetails);
    connect(m_table, &QAbstractItemView::activated, this, &IngestionsPage::showDetails);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &IngestionsPage::updateActions);
    // Another row selected: its state is read with the row, not announced.
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_announcedSource = selectedSourceId();
        m_announcedState = spokenState(m_announcedSource);
    });
    layout->addWidget(m_table, 1);
    return container;
}

void IngestionsPage::showContextMenu(const QPoint& position)
{
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("sourceContextMenu"));
    if (!m_table->indexAt(position).isValid()) {
        menu.addAction(m_createNew);
    } else {
        menu.addActions(sourceActions());
        menu.insertSeparator(m_delete);
    }
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

void IngestionsPage::updateEmptyState()
{
    // Until the sources are read, an empty table is not "no sources yet".
    const bool empty = m_model->isLoaded() && m_model->rowCount() == 0;
    m_stack->setCurrentIndex(empty ? 0 : 1);
    if (!empty && !m_table->selectionModel()->hasSelection()) {
        m_table->selectRow(0);
        m_table->setFocus();
    }
    updateActions();
}

void IngestionsPage::updateActions()
{
    const qint64 sourceId = selectedSourceId();
    const auto source = m_model->source(sourceId);
    for (QAction* action : sourceActions()) {
        action->setEnabled(source.has_value());
    }
    const bool paused = source && source->status == IngestionSource::Status::Paused;
    m_pauseResume->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_pauseResume->setIcon(
        paused
            ? QIcon::fromTheme(QStringLiteral("media-playback-start"), style()->standardIcon(QStyle::SP_MediaPlay))
            : QIcon::fromTheme(QStringLiteral("media-playback-pause"), style()->standardIcon(QStyle::SP_MediaPause)));
    m_syncNow->setEnabled(source && !paused);
}

void IngestionsPage::announceSelectedState()
{
    const qint64 sourceId = selectedSourceId();
    const QString state = spokenState(sourceId);
    if (sourceId == 0 || sourceId != m_announcedSource) {
        m_announcedSource = sourceId;
        m_announcedState = state;
        return;
    }
    if (state == m_announcedState) {
        return; // progress alone: four times a second would drown the reader
    }
    m_announcedState = state;
    const auto source = m_model->source(sourceId);
    //: Status bar message when the selected source changes state, e.g. "Work: Paused"
    emit message(tr("%1: %2").arg(source ? source->name : QString(), state));
}

QString IngestionsPage::spokenState(qint64 sourceId) const
{
    const int row = m_model->rowOf(sourceId);
    if (row < 0) {
        return {};
    }
    QString state = m_model->index(row, SourceTableModel::Status).data(Qt::AccessibleTextRole).toString();
    if (m_manager->activity(sourceId).state == SyncManager::Activity::State::Syncing) {
        //: Appended to a source's status when the selected source starts a sync, e.g. "Active, syncing"
        state = tr("%1, syncing").arg(state);
    }
    return state;
}

qint64 IngestionsPage::selectedSourceId() const
{
    if (!m_table) {
        return 0;
    }
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return 0;
    }
    return m_proxy->data(rows.first(), SourceTableModel::SourceIdRole).toLongLong();
}

void IngestionsPage::selectSource(qint64 sourceId)
{
    const int row = m_model->rowOf(sourceId);
    if (row >= 0) {
        m_selectWhenShown = 0;
        m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
        return;
    }
    // A source just created: its row comes with the model's next read.
    m_selectWhenShown = sourceId;
}

SourceDialog* IngestionsPage::createNew()
{
    auto* dialog = new SourceDialog(m_service, m_credentials, m_queries, std::nullopt, this);
    openSourceDialog(dialog);
    return dialog;
}

SourceDialog* IngestionsPage::editSelected()
{
    return editSource(selectedSourceId());
}

SourceDialog* IngestionsPage::editSource(qint64 sourceId)
{
    const auto source = m_model->source(sourceId);
    if (!source) {
        return nullptr;
    }
    auto* dialog = new SourceDialog(m_service, m_credentials, m_queries, source, this);
    openSourceDialog(dialog);
    return dialog;
}

void IngestionsPage::openSourceDialog(SourceDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setExtraCaCertificatesFile(m_extraCaFile);
    // The service has stored the source and told the sync manager; the
    // table shows from here on what the source is doing.
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->createdSource()) {
            selectSource(dialog->savedSourceId());
        }
    });
    // open(), not exec(): syncs keep reporting while the dialog is up.
    dialog->open();
}

SourceDetailsDialog* IngestionsPage::showDetails()
{
    return showDetailsOf(selectedSourceId());
}

SourceDetailsDialog* IngestionsPage::showDetailsOf(qint64 sourceId)
{
    if (sourceId == 0) {
        return nullptr;
    }
    const auto open = findChildren<SourceDetailsDialog*>();
    for (SourceDetailsDialog* existing : open) {
        if (existing->sourceId() == sourceId) {
            existing->raise();
            existing->activateWindow();
            return existing;
        }
    }
    auto* dialog = new SourceDetailsDialog(m_queries, m_manager, m_service, sourceId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SourceDetailsDialog::changePasswordRequested, this, [this](qint64 id) {
        if (SourceDialog* edit = editSource(id)) {
            edit->focusPassword();
        }
    });
    dialog->show();
    return dialog;
}

void IngestionsPage::togglePauseSelected()
{
    const auto source = m_model->source(selectedSourceId());
    if (!source) {
        return;
    }
    const SourceOutcome outcome = source->status == IngestionSource::Status::Paused ? m_service->resume(source->id)
                                                                                    : m_service->pause(source->id);
    if (!outcome.ok()) {
        QMessageBox::warning(this, tr("Cannot Change the Source"), outcome.message);
    }
}

void IngestionsPage::syncSelectedNow()
{
    if (const qint64 sourceId = selectedSourceId()) {
        const SourceOutcome outcome = m_service->syncNow(sourceId);
        if (!outcome.ok()) {
            emit message(outcome.message);
        }
    }
}

DeleteSourceDialog* IngestionsPage::deleteSelected()
{
    const auto source = m_model->source(selectedSourceId());
    if (!source) {
        return nullptr;
    }
    const qint64 sourceId = source->id;
    auto* dialog = DeleteSourceDialog::ask(sourceId, source->name, m_queries, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog, sourceId] {
        m_removals.insert(m_service->removeSource(sourceId, dialog->deleteMail()));
    });
    return dialog;
}
