#include "SourceDetailsDialog.h"

#include "CertificateTrustPrompt.h"
#include "SourceStateText.h"
#include "StatusBadgeDelegate.h"
#include "archive/ArchiveQueryRunner.h"
#include "archive/ArchiveReader.h"
#include "archive/EventLog.h"
#include "common/RelativeTime.h"
#include "common/ThemeColors.h"
#include "sources/CertificateExceptions.h"
#include "sources/ProviderPreset.h"
#include "sources/SourceRepository.h"
#include "sources/SourceStatistics.h"
#include "sync/SourceService.h"
#include "sync/SyncManager.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QLabel* valueLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

SourceDetailsDialog::SourceDetailsDialog(
    ArchiveQueryRunner* queries, SyncManager* manager, SourceService* service, qint64 sourceId, QWidget* parent)
    : QDialog(parent)
    , m_read(queries)
    , m_manager(manager)
    , m_service(service)
    , m_sourceId(sourceId)
{
    setObjectName(QStringLiteral("SourceDetailsDialog"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createSummary());

    auto* tabs = new QTabWidget(this);
    m_folders = new QTableWidget(0, 6, tabs);
    m_folders->setObjectName(QStringLiteral("foldersTable"));
    m_folders->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_folders->setAccessibleName(tr("Folders"));
    m_folders->setHorizontalHeaderLabels(
        {tr("Folder"), tr("On server"), tr("Archived"), tr("Completeness"), tr("Last UID"), tr("Checked")});
    m_folders->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_folders->verticalHeader()->hide();
    m_folders->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_folders->setSelectionBehavior(QAbstractItemView::SelectRows);
    tabs->addTab(m_folders, tr("&Folders"));

    m_history = new QTreeWidget(tabs);
    m_history->setObjectName(QStringLiteral("historyList"));
    m_history->setAccessibleName(tr("History"));
    m_history->setRootIsDecorated(false);
    m_history->setHeaderLabels({tr("When"), tr("What happened")});
    m_history->setColumnWidth(0, 170);
    tabs->addTab(m_history, tr("&History"));
    // Qt names a tab bar by nothing; a screen reader would say "tab list".
    tabs->tabBar()->setAccessibleName(tr("Folders and history"));
    layout->addWidget(tabs, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_syncNow = buttons->addButton(tr("&Sync now"), QDialogButtonBox::ActionRole);
    m_syncNow->setObjectName(QStringLiteral("detailsSyncNowButton"));
    connect(m_syncNow, &QPushButton::clicked, this, [this] { m_service->syncNow(m_sourceId); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_manager, &SyncManager::sourceChanged, this, [this](qint64 changed) {
        if (changed == m_sourceId) {
            refresh();
        }
    });
    refresh();
    resize(820, 620);
}

SourceDetailsDialog::~SourceDetailsDialog()
{
    // A focused spin box reports editingFinished as it loses focus while the
    // dialog's widgets are destroyed: by then this is no SourceDetailsDialog
    // any more (UBSan: a downcast to a QDialog).
    m_interval->disconnect(this);
}

qint64 SourceDetailsDialog::sourceId() const
{
    return m_sourceId;
}

QWidget* SourceDetailsDialog::createSummary()
{
    // A grid, not a QFormLayout: in a form, a word-wrapped value whose text
    // grew (a last error, a fingerprint) kept the height of its old text and
    // was cut off; a grid asks each label its height for its width.
    auto* summary = new QWidget(this);
    auto* grid = new QGridLayout(summary);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
    int row = 0;
    const auto addRow = [&](QWidget* caption, QWidget* field) {
        if (caption) {
            grid->addWidget(caption, row, 0, Qt::AlignLeft | Qt::AlignTop);
        }
        grid->addWidget(field, row, 1, Qt::AlignTop | (qobject_cast<QLabel*>(field) ? Qt::Alignment() : Qt::AlignLeft));
        ++row;
    };
    const auto caption = [summary](const QString& text) { return new QLabel(text, summary); };

    m_title = new QLabel(summary);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    grid->addWidget(m_title, row++, 0, 1, 2);

    m_status = valueLabel(summary);
    m_status->setObjectName(QStringLiteral("detailsStatus"));
    addRow(caption(tr("Status:")), m_status);

    m_error = valueLabel(summary);
    m_error->setObjectName(QStringLiteral("detailsError"));
    // The library's or server's own words about the last failure, for
    // whoever helps the user: the error above is a sentence without them.
    m_technical = valueLabel(summary);
    m_technical->setObjectName(QStringLiteral("detailsTechnical"));
    // The server's words, escaped and redacted by the sync, never markup.
    m_technical->setTextFormat(Qt::PlainText);
    ThemeColors::apply(m_technical, ThemeColors::Role::Secondary);
    m_trustButton = new QPushButton(tr("&Trust this certificate…"), summary);
    m_trustButton->setObjectName(QStringLiteral("detailsTrustButton"));
    connect(m_trustButton, &QPushButton::clicked, this, &SourceDetailsDialog::trustCertificate);
    // A rejected or unreadable password is fixed in the source's settings.
    m_passwordButton = new QPushButton(tr("Change &password…"), summary);
    m_passwordButton->setObjectName(QStringLiteral("detailsPasswordButton"));
    connect(m_passwordButton, &QPushButton::clicked, this, [this] { emit changePasswordRequested(m_sourceId); });
    addRow(caption(tr("Last error:")), m_error);
    addRow(nullptr, m_technical);
    addRow(nullptr, m_trustButton);
    addRow(nullptr, m_passwordButton);

    m_server = valueLabel(summary);
    addRow(caption(tr("Server:")), m_server);
    m_folderScope = valueLabel(summary);
    addRow(caption(tr("Folders:")), m_folderScope);
    m_archived = valueLabel(summary);
    m_archived->setObjectName(QStringLiteral("detailsArchived"));
    addRow(caption(tr("Archived:")), m_archived);
    m_lastSync = valueLabel(summary);
    addRow(caption(tr("Last sync:")), m_lastSync);
    m_nextCheck = valueLabel(summary);
    addRow(caption(tr("Next check:")), m_nextCheck);
    m_newMail = valueLabel(summary);
    m_newMail->setObjectName(QStringLiteral("detailsNewMail"));
    addRow(caption(tr("New mail:")), m_newMail);
    m_certificate = valueLabel(summary);
    m_certificate->setObjectName(QStringLiteral("detailsCertificate"));
    m_removeTrustButton = new QPushButton(tr("&Remove trust…"), summary);
    m_removeTrustButton->setObjectName(QStringLiteral("detailsRemoveTrustButton"));
    m_removeTrustButton->setAccessibleName(tr("Remove the trusted certificate"));
    connect(m_removeTrustButton, &QPushButton::clicked, this, &SourceDetailsDialog::removeCertificateException);
    addRow(caption(tr("Certificate:")), m_certificate);
    addRow(nullptr, m_removeTrustButton);

    m_interval = new QSpinBox(summary);
    m_interval->setObjectName(QStringLiteral("intervalSpin"));
    m_interval->setAccessibleName(tr("Check interval in minutes"));
    m_interval->setRange(1, 24 * 60);
    m_interval->setSuffix(tr(" min"));
    m_interval->setMaximumWidth(m_interval->fontMetrics().horizontalAdvance(QStringLiteral("1440 min")) + 48);
    connect(m_interval, &QSpinBox::editingFinished, this, &SourceDetailsDialog::saveInterval);
    auto* intervalLabel = caption(tr("Check &every:"));
    intervalLabel->setBuddy(m_interval);
    addRow(intervalLabel, m_interval);
    return summary;
}

void SourceDetailsDialog::refresh()
{
    // Everything the dialog shows of the archive, read in one request off
    // the UI thread; a newer refresh supersedes one still on its way.
    const qint64 sourceId = m_sourceId;
    m_read.run(
        ArchiveQueryRunner::Lane::Interactive,
        this,
        [sourceId](const ArchiveReader& reader) {
            Snapshot snapshot;
            const QSqlDatabase db = reader.database();
            snapshot.source = SourceRepository(db).find(sourceId);
            if (snapshot.source) {
                snapshot.events = EventLog(db).recent(sourceId, 200);
                snapshot.totals = SourceStatistics(db).totals(sourceId);
                snapshot.folders = reader.folders(sourceId);
                snapshot.exception = CertificateExceptions(db).find(snapshot.source->host, snapshot.source->port);
            }
            return snapshot;
        },
        [this](const Snapshot& snapshot) { apply(snapshot); });
}

void SourceDetailsDialog::apply(const Snapshot& snapshot)
{
    if (!snapshot.source) {
        if (m_sourceId != 0) {
            close();
        }
        return;
    }
    m_shown.source = snapshot.source;
    m_shown.exception = snapshot.exception;
    const IngestionSource* source = &*snapshot.source;
    const QList<ArchiveEvent>& events = snapshot.events;
    setWindowTitle(tr("%1 — Details").arg(source->name));
    m_title->setText(source->name);
    const SyncManager::Activity activity = m_manager->activity(m_sourceId);
    QString status = IngestionSource::statusText(source->status);
    const QString failing = SourceStateText::failing(*source, activity);
    if (!failing.isEmpty()) {
        status = tr("%1 · %2").arg(status, failing);
    } else if (activity.state == SyncManager::Activity::State::Syncing) {
        status = tr("%1 · syncing now").arg(status);
    } else if (activity.state == SyncManager::Activity::State::RetryScheduled) {
        status = tr("%1 · retrying %2").arg(status, RelativeTime::until(activity.retryAt));
    }
    m_status->setText(status);
    QFont statusFont = m_status->font();
    statusFont.setBold(true);
    m_status->setFont(statusFont);
    if (failing.isEmpty()) {
        ThemeColors::apply(m_status, [status = source->status](const QPalette& palette) {
            return ThemeColors::statusText(status, palette);
        });
    } else {
        ThemeColors::apply(m_status, ThemeColors::Role::Warning);
    }
    // Nothing to do for a paused source: resuming is what syncs it.
    m_syncNow->setEnabled(source->status != IngestionSource::Status::Paused);
    m_syncNow->setToolTip(source->status == IngestionSource::Status::Paused ? tr("Resume the source to sync it.")
                                                                            : QString());

    m_untrusted = {};
    QString technical;
    for (const ArchiveEvent& event : events) {
        if (event.kind == QLatin1String("sync.failed") || event.kind == QLatin1String("sync.finished")) {
            // Only the latest outcome counts: a later success means trusted.
            m_untrusted = CertificateInfo::fromJson(event.details.value(QStringLiteral("certificate")).toObject());
            technical = event.details.value(QStringLiteral("technical")).toString();
            break;
        }
    }
    // Also while Active: a pass that left a folder or a message out says so
    // here until a pass gets everything.
    const bool hasError = !source->lastError.isEmpty();
    QString errorText = hasError ? source->lastError : tr("none");
    if (hasError && source->failingSince.isValid()) {
        errorText = tr("%1 (failing since %2)").arg(source->lastError, RelativeTime::exact(source->failingSince));
    }
    m_error->setText(errorText);
    if (hasError) {
        ThemeColors::apply(m_error, ThemeColors::Role::Error);
    } else {
        ThemeColors::clear(m_error);
    }
    m_technical->setText(tr("Technical details: %1").arg(technical));
    m_technical->setVisible(hasError && !technical.isEmpty());
    const SyncFailure::Kind kind = hasError ? source->lastErrorKind : SyncFailure::Kind::None;
    // The latest pass's event holds the certificate (an Error from before
    // format 12 has no kind to say so).
    m_trustButton->setVisible(source->status == IngestionSource::Status::Error && hasError && !m_untrusted.isNull());
    m_passwordButton->setVisible(kind == SyncFailure::Kind::Authentication || kind == SyncFailure::Kind::Credentials);

    const auto preset = ProviderPreset::byId(source->providerId);
    m_server->setText(tr("%1 on %2, port %3 (%4)")
                          .arg(source->username,
                               source->host,
                               QString::number(source->port),
                               preset ? preset->displayName : source->providerId));
    switch (source->folderScope) {
    case IngestionSource::FolderScope::InboxOnly:
        m_folderScope->setText(tr("Inbox only"));
        break;
    case IngestionSource::FolderScope::AllFolders:
        m_folderScope->setText(tr("All folders except Trash and Junk"));
        break;
    case IngestionSource::FolderScope::Chosen:
        m_folderScope->setText(source->chosenFolders.join(QStringLiteral(", ")));
        break;
    }
    const SourceTotals& totals = snapshot.totals;
    m_archived->setText(tr("%1 messages, %2")
                            .arg(QLocale().toString(totals.messages),
                                 QLocale().formattedDataSize(totals.bytes, 1, QLocale::DataSizeTraditionalFormat)));
    m_lastSync->setText(source->lastSyncAt.isValid() ? RelativeTime::exact(source->lastSyncAt) : tr("never"));
    m_nextCheck->setText(activity.nextCheckAt.isValid() ? RelativeTime::exact(activity.nextCheckAt)
                                                        : QStringLiteral("—"));
    if (source->status == IngestionSource::Status::Paused) {
        m_newMail->setText(tr("Not looked for while paused"));
    } else if (activity.watchingInbox && source->folderScope == IngestionSource::FolderScope::InboxOnly) {
        m_newMail->setText(tr("Archived within seconds of arriving (the server offers IMAP IDLE)"));
    } else if (activity.watchingInbox) {
        m_newMail->setText(tr("Archived within seconds of arriving in the INBOX (the server offers IMAP IDLE); "
                              "other folders at each check"));
    } else {
        m_newMail->setText(tr("Found at each check"));
    }
    refreshCertificate(*source, events, snapshot.exception);
    if (!m_interval->hasFocus()) {
        m_interval->setValue(source->checkIntervalMinutes);
    }

    const QList<FolderSummary>& folders = snapshot.folders;
    m_folders->setRowCount(static_cast<int>(folders.size()));
    for (int row = 0; row < folders.size(); ++row) {
        const FolderSummary& folder = folders.at(row);
        const QStringList cells {folder.path,
                                 folder.serverCount < 0 ? QStringLiteral("—") : QLocale().toString(folder.serverCount),
                                 QLocale().toString(folder.messageCount),
                                 folder.completenessSummary(),
                                 QString::number(folder.lastUid),
                                 RelativeTime::since(folder.verifiedAt)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (column == 3) {
                item->setToolTip(folder.completenessText()); // the whole sentence, with UIDs and reasons
            }
            if (column == 5) {
                item->setToolTip(RelativeTime::exact(folder.verifiedAt));
            }
            if (column > 0 && column < 5 && column != 3) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            m_folders->setItem(row, column, item);
        }
    }

    m_history->clear();
    for (const ArchiveEvent& event : events) {
        auto* item = new QTreeWidgetItem(m_history);
        item->setText(0, QLocale().toString(event.at.toLocalTime(), QLocale::ShortFormat));
        item->setText(1, event.message);
        item->setToolTip(1, event.message);
        if (event.kind == QLatin1String("sync.failed")) {
            item->setForeground(1, ThemeColors::errorText(m_history->palette()));
        }
    }
    emit refreshed();
}

void SourceDetailsDialog::refreshCertificate(const IngestionSource& source,
                                             const QList<ArchiveEvent>& events,
                                             const std::optional<CertificateException>& exception)
{
    const auto setCertificateText = [this](const QString& text) {
        m_certificate->setText(CertificateTrustPrompt::breakableFingerprints(text));
    };
    // The last error may name a fingerprint too: let it wrap like this line.
    m_error->setText(CertificateTrustPrompt::breakableFingerprints(m_error->text()));
    m_removeTrustButton->setVisible(exception.has_value());
    if (source.security == ConnectionSecurity::None) {
        setCertificateText(tr("none: the connection is not encrypted"));
        return;
    }
    if (exception) {
        const QString since = QLocale().toString(exception->addedAt.toLocalTime(), QLocale::ShortFormat);
        const QString fingerprint = exception->certificate.formattedFingerprint();
        if (exception->certificate.subject.isEmpty()) {
            //: %1 is host:port, %2 a date, %3 the fingerprint as AB:CD:…
            setCertificateText(
                tr("trusted by you for %1 since %2, SHA-256 %3").arg(exception->server(), since, fingerprint));
        } else {
            //: %1 is host:port, %2 a date, %3 who the certificate names, %4 the fingerprint as AB:CD:…
            setCertificateText(tr("trusted by you for %1 since %2, issued to %3, SHA-256 %4")
                                   .arg(exception->server(), since, exception->certificate.subject, fingerprint));
        }
        return;
    }
    if (!source.pinnedSha256.isEmpty()) {
        CertificateInfo pinned;
        pinned.sha256 = source.pinnedSha256.toLatin1();
        setCertificateText(tr("trusted by you for this source, SHA-256 %1").arg(pinned.formattedFingerprint()));
        return;
    }
    // What the newest connection found, unless the user changed the trust
    // since: then nothing has checked the certificate again yet.
    for (const ArchiveEvent& event : events) {
        if (event.kind == QLatin1String("certificate.removed")) {
            setCertificateText(tr("not checked since you removed the trust; the next sync checks it"));
            return;
        }
        if (event.kind == QLatin1String("sync.failed")) {
            const CertificateInfo untrusted =
                CertificateInfo::fromJson(event.details.value(QStringLiteral("certificate")).toObject());
            if (!untrusted.isNull()) {
                setCertificateText(tr("not trusted: the server's certificate (SHA-256 %1) is not signed by an "
                                      "authority your system trusts")
                                       .arg(untrusted.formattedFingerprint()));
                return;
            }
            continue; // a failure before or after TLS says nothing about the certificate
        }
        if (event.kind == QLatin1String("sync.finished")) {
            setCertificateText(tr("verified by the system's certificate authorities"));
            return;
        }
    }
    setCertificateText(source.lastSyncAt.isValid() ? tr("verified by the system's certificate authorities")
                                                   : tr("not checked yet"));
}

void SourceDetailsDialog::removeCertificateException()
{
    const std::optional<CertificateException> exception = m_shown.exception;
    if (!exception) {
        return;
    }
    QMessageBox box(QMessageBox::Question,
                    tr("Remove Trust?"),
                    tr("Stop trusting the certificate of %1?").arg(exception->server()),
                    QMessageBox::NoButton,
                    this);
    box.setObjectName(QStringLiteral("removeTrustBox"));
    box.setInformativeText(tr("Every source on this server stops accepting it: unless your system trusts the "
                              "certificate, their next sync fails until you trust it again."));
    QPushButton* remove = box.addButton(tr("&Remove Trust"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove) {
        return;
    }
    const SourceOutcome removed = m_service->removeTrust(exception->host, exception->port, m_sourceId);
    if (!removed.ok()) {
        QMessageBox::warning(this, tr("Cannot Remove Trust"), removed.message);
        return;
    }
    refresh();
}

void SourceDetailsDialog::saveInterval()
{
    const SourceOutcome outcome = m_service->setCheckInterval(m_sourceId, m_interval->value());
    if (!outcome.ok()) {
        QMessageBox::warning(this, tr("Cannot Save"), outcome.message);
    }
}

void SourceDetailsDialog::trustCertificate()
{
    if (m_untrusted.isNull()) {
        return;
    }
    const std::optional<IngestionSource> source = m_shown.source;
    if (!source
        || !CertificateTrustPrompt::ask(
            this, m_untrusted, QStringLiteral("%1:%2").arg(source->host).arg(source->port))) {
        return;
    }
    const SourceOutcome outcome = m_service->trustCertificate(source->host, source->port, m_untrusted, m_sourceId);
    if (!outcome.ok()) {
        QMessageBox::warning(this, tr("Cannot Save"), outcome.message);
    }
}
