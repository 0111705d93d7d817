#include "RestoreDialog.h"

#include "archive/ArchiveQueryRunner.h"
#include "common/ThemeColors.h"
#include "credentials/CredentialStore.h"
#include "export/OfferChoice.h"
#include "sources/SourceRepository.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <limits>
#include <memory>

namespace {

constexpr int OtherAccount = -1; // the target combo's data for "Another account"

} // namespace

RestoreDialog::RestoreDialog(QString archivePath,
                             ExportDialog::Offer offer,
                             ArchiveQueryRunner* queries,
                             CredentialStore* credentials,
                             QWidget* parent)
    : TaskDialog(parent)
    , m_archivePath(std::move(archivePath))
    , m_offer(std::move(offer))
    , m_queries(queries)
    , m_credentials(credentials)
    , m_what(new OfferChoice(tr("Restore:"),
                             QStringLiteral("restore"),
                             m_offer.selected,
                             m_offer.listDescription,
                             m_offer.preferList,
                             this))
    , m_target(new QComboBox(this))
    , m_serverRow(new QHBoxLayout)
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_security(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_intoFolder(new QRadioButton(tr("Into the &folder:"), this))
    , m_folder(new QLineEdit(QStringLiteral("Restored"), this))
    , m_keepFolders(new QRadioButton(tr("Into the folders they were &archived from (created where missing)"), this))
    , m_progress(new QProgressBar(this))
    , m_restore(new QPushButton(tr("&Restore…"), this))
{
    setObjectName(QStringLiteral("RestoreDialog"));
    setWindowTitle(tr("Restore to Server"));
    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->setSpacing(10);

    auto* intro = new QLabel(tr("Puts archived mail back on an IMAP account, exactly as it was archived, with its "
                                "read, flagged and answered marks and its dates. Messages the folder holds already "
                                "are not sent again. The archive keeps everything it has."),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setMinimumWidth(fontMetrics().height() * 36);
    layout->addWidget(intro);

    layout->addWidget(m_what);

    auto* form = new QFormLayout;
    m_form = form;
    m_target->setObjectName(QStringLiteral("restoreTargetCombo"));
    m_target->setAccessibleName(tr("Restore to"));
    m_target->addItem(tr("Another account…"), OtherAccount);
    form->addRow(tr("&To:"), m_target);

    // A one-off account: nothing of it is saved. Rows of the same form, shown
    // only for "Another account…" (a form nested in a widget flattened its
    // fields at 200 %).
    m_host->setObjectName(QStringLiteral("restoreHostEdit"));
    m_host->setAccessibleName(tr("Server"));
    m_host->setPlaceholderText(tr("imap.example.org"));
    m_port->setObjectName(QStringLiteral("restorePortSpin"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(993);
    m_security->setObjectName(QStringLiteral("restoreSecurityCombo"));
    m_security->setAccessibleName(tr("Security"));
    for (const ConnectionSecurity security :
         {ConnectionSecurity::Tls, ConnectionSecurity::StartTls, ConnectionSecurity::None}) {
        m_security->addItem(IngestionSource::securityText(security), static_cast<int>(security));
    }
    m_user->setObjectName(QStringLiteral("restoreUserEdit"));
    m_user->setAccessibleName(tr("User name"));
    m_password->setObjectName(QStringLiteral("restorePasswordEdit"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_serverRow->addWidget(m_host, 1);
    m_serverRow->addWidget(m_port);
    m_serverRow->addWidget(m_security);
    // A row of fields has no buddy of its own: the label names the first.
    auto* serverLabel = new QLabel(tr("Ser&ver:"), this);
    serverLabel->setBuddy(m_host);
    form->addRow(serverLabel, m_serverRow);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    layout->addLayout(form);

    auto* where = new QButtonGroup(this);
    where->addButton(m_intoFolder);
    where->addButton(m_keepFolders);
    m_intoFolder->setObjectName(QStringLiteral("restoreIntoFolderRadio"));
    m_intoFolder->setChecked(true);
    m_folder->setObjectName(QStringLiteral("restoreFolderEdit"));
    m_folder->setAccessibleName(tr("Destination folder"));
    m_keepFolders->setObjectName(QStringLiteral("restoreKeepFoldersRadio"));
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_intoFolder);
    folderRow->addWidget(m_folder, 1);
    layout->addLayout(folderRow);
    layout->addWidget(m_keepFolders);

    addTaskRows(layout,
                m_progress,
                m_restore,
                {QStringLiteral("restoreProgress"),
                 tr("Restore progress"),
                 QStringLiteral("restoreMessage"),
                 tr("Restore status"),
                 QStringLiteral("restoreButton"),
                 QStringLiteral("closeRestoreButton")});
    messageLabel()->setMinimumWidth(fontMetrics().height() * 34);

    connect(m_target, &QComboBox::currentIndexChanged, this, &RestoreDialog::targetChanged);
    connect(m_security, &QComboBox::currentIndexChanged, this, [this] {
        m_port->setValue(
            ProviderPreset::defaultPort(static_cast<ConnectionSecurity>(m_security->currentData().toInt())));
        clearConfirmation();
    });
    for (QLineEdit* edit : {m_host, m_user, m_password, m_folder}) {
        connect(edit, &QLineEdit::textEdited, this, &RestoreDialog::clearConfirmation);
    }
    connect(m_port, &QSpinBox::valueChanged, this, &RestoreDialog::clearConfirmation);
    connect(m_intoFolder, &QRadioButton::toggled, this, [this](bool on) {
        m_folder->setEnabled(on && !m_running);
        clearConfirmation();
    });
    connect(m_what, &OfferChoice::changed, this, &RestoreDialog::clearConfirmation);
    connect(m_restore, &QPushButton::clicked, this, &RestoreDialog::startRestore);
    if (m_credentials) {
        connect(m_credentials,
                &CredentialStore::requestFinished,
                this,
                [this](quint64 requestId, qint64, CredentialStore::Operation, const CredentialResult& result) {
                    if (requestId != m_passwordRequest) {
                        return;
                    }
                    m_passwordRequest = 0;
                    if (result.status != CredentialResult::Status::Ok) {
                        setRunning(false);
                        showMessage(result.message, true);
                        return;
                    }
                    RestoreRequest request = std::move(m_pending);
                    request.password = result.password;
                    run(std::move(request));
                });
    }
    targetChanged();

    // The accounts the app archives, with a server to put mail on.
    m_queries->run(
        ArchiveQueryRunner::Lane::Interactive,
        this,
        [](const ArchiveReader& reader) { return SourceRepository(reader.database()).list(); },
        [this](const QList<IngestionSource>& sources) {
            int row = 0;
            for (const IngestionSource& source : sources) {
                if (source.isLocal() || source.host.isEmpty()) {
                    continue;
                }
                m_sources << source;
                //: An account to restore to: the source's name, then "anna@example.org on imap.example.org".
                m_target->insertItem(row++,
                                     tr("%1 — %2 on %3").arg(source.name, source.username, source.host),
                                     static_cast<int>(m_sources.size() - 1));
            }
            if (row > 0) {
                m_target->setCurrentIndex(0);
            }
            m_accountsLoaded = true;
            emit accountsReady();
        });
    m_restore->setFocus();
}

RestoreDialog::~RestoreDialog() = default;

bool RestoreDialog::accountsLoaded() const
{
    return m_accountsLoaded;
}

bool RestoreDialog::chooseSource(const QString& name)
{
    for (qsizetype i = 0; i < m_sources.size(); ++i) {
        if (m_sources.at(i).name == name) {
            m_target->setCurrentIndex(m_target->findData(static_cast<int>(i)));
            return true;
        }
    }
    return false;
}

void RestoreDialog::chooseOtherAccount(const QString& host, quint16 port, const QString& user, const QString& password)
{
    m_target->setCurrentIndex(m_target->findData(OtherAccount));
    m_host->setText(host);
    m_port->setValue(port);
    m_user->setText(user);
    m_password->setText(password);
    clearConfirmation();
}

void RestoreDialog::setKeepFolders(bool keep)
{
    (keep ? m_keepFolders : m_intoFolder)->setChecked(true);
}

void RestoreDialog::setDestinationFolder(const QString& folder)
{
    m_folder->setText(folder);
    clearConfirmation();
}

void RestoreDialog::setRestoreSelection(bool selection)
{
    m_what->chooseSelection(selection);
}

bool RestoreDialog::isAwaitingConfirmation() const
{
    return m_confirming;
}

RestoreRequest RestoreDialog::request() const
{
    RestoreRequest request;
    const int target = m_target->currentData().toInt();
    if (target == OtherAccount) {
        request.target.host = m_host->text().trimmed();
        request.target.port = static_cast<quint16>(m_port->value());
        request.target.security = static_cast<ConnectionSecurity>(m_security->currentData().toInt());
        request.target.username = m_user->text().trimmed();
        request.target.pinnedSha256 = m_trustedFingerprint;
        request.password = m_password->text();
    } else {
        request.target = m_sources.value(target);
    }
    request.list = m_offer.list;
    if (m_what->selectionChosen()) {
        request.messageIds = m_offer.selected;
    }
    request.keepFolders = m_keepFolders->isChecked();
    request.folder = m_folder->text().trimmed();
    return request;
}

QString RestoreDialog::targetText(const RestoreRequest& request) const
{
    //: An account: "anna@example.org on imap.example.org".
    return tr("%1 on %2").arg(request.target.username, request.target.host);
}

void RestoreDialog::targetChanged()
{
    // The row goes with its fields: a hidden row leaves no gap (Qt 6.4).
    const bool other = m_target->currentData().toInt() == OtherAccount;
    m_form->setRowVisible(m_serverRow, other);
    m_form->setRowVisible(m_user, other);
    m_form->setRowVisible(m_password, other);
    // Shrinks again when the fields go: the height they had would be
    // spread as gaps between the rows.
    // (Before the first show Qt sizes the dialog itself: sizes asked for
    // then come from an unpolished widget and are too small.)
    if (isVisible()) {
        layout()->activate();
        adjustSize();
    }
    m_trustedFingerprint.clear();
    clearConfirmation();
}

void RestoreDialog::clearConfirmation()
{
    if (!m_confirming) {
        return;
    }
    m_confirming = false;
    m_restore->setText(tr("&Restore…"));
    showMessage(QString(), false);
}

void RestoreDialog::startRestore()
{
    if (m_running) {
        return;
    }
    const RestoreRequest request = this->request();
    if (request.target.host.isEmpty() || request.target.username.isEmpty()) {
        showMessage(tr("Enter the server and user name of the account to restore to."), true);
        (request.target.host.isEmpty() ? m_host : m_user)->setFocus();
        return;
    }
    if (!request.keepFolders && request.folder.isEmpty()) {
        showMessage(tr("Enter the folder to restore into."), true);
        m_folder->setFocus();
        return;
    }
    if (!m_confirming) {
        // Counted off this thread: a whole folder or search can be large.
        if (!request.messageIds.isEmpty()) {
            confirm(request.messageIds.size());
            return;
        }
        m_restore->setEnabled(false);
        showMessage(tr("Counting the messages…"), false);
        m_queries->run(
            ArchiveQueryRunner::Lane::Interactive,
            this,
            [list = request.list](const ArchiveReader& reader) {
                return reader.count(list, std::numeric_limits<int>::max() - 1);
            },
            [this](qint64 count) {
                m_restore->setEnabled(true);
                confirm(count);
            });
        return;
    }
    m_confirming = false;
    setRunning(true);
    m_progress->setValue(0);
    m_progress->setFormat(QString());
    if (m_target->currentData().toInt() == OtherAccount || !m_credentials) {
        run(request);
        return;
    }
    showMessage(tr("Reading the password from the keychain…"), false);
    m_pending = request;
    m_passwordRequest = m_credentials->readPassword(request.target.id);
}

void RestoreDialog::confirm(qint64 count)
{
    const RestoreRequest request = this->request();
    if (count == 0) {
        showMessage(tr("There is no message to restore here."), true);
        return;
    }
    const QString where = request.keepFolders ? tr("into the folders they were archived from")
                                              //: %1 is a folder name.
                                              : tr("into “%1”").arg(request.folder);
    m_confirming = true;
    m_restore->setText(tr("&Confirm Restore"));
    //: %1 is the account, %2 "into “Restored”" or "into the folders they were archived from".
    showMessage(tr("Restore %Ln message(s) to %1, %2? This adds them to that account. Press Confirm Restore to go on.",
                   nullptr,
                   static_cast<int>(std::min<qint64>(count, INT_MAX)))
                    .arg(targetText(request), where),
                false);
    m_restore->setFocus();
}

void RestoreDialog::run(RestoreRequest request)
{
    showMessage(tr("Connecting to %1…").arg(request.target.host), false);
    auto result = std::make_shared<RestoreResult>();
    const IngestionSource target = request.target;
    startTask(
        [this, archive = m_archivePath, request = std::move(request), result] {
            int shown = -1;
            *result = MessageRestore(archive, request).run([this, &shown](qint64 done, qint64 total, qint64) {
                const int step = total > 0 ? static_cast<int>(done * ProgressSteps / total) : ProgressSteps;
                if (step != shown) {
                    shown = step;
                    QMetaObject::invokeMethod(
                        this, [this, done, total] { showProgress(done, total); }, Qt::QueuedConnection);
                }
                return !QThread::currentThread()->isInterruptionRequested();
            });
        },
        [this, result, target] { showResult(*result, target); });
}

void RestoreDialog::showProgress(qint64 done, qint64 total)
{
    m_progress->setValue(total > 0 ? static_cast<int>(done * ProgressSteps / total) : ProgressSteps);
    const QLocale locale;
    //: Progress of a restore: "1,204 of 5,000 messages".
    const QString text = tr("%1 of %2 messages").arg(locale.toString(done), locale.toString(total));
    m_progress->setFormat(text);
    m_progress->setAccessibleDescription(text);
    if (closeButton()->isEnabled()) {
        showMessage(tr("Restoring…"), false);
    }
}

void RestoreDialog::showResult(const RestoreResult& result, const IngestionSource& target)
{
    setRunning(false);
    QString text = result.summary(target);
    if (!result.problems.isEmpty()) {
        text += QLatin1Char('\n') + result.problems.join(QLatin1Char('\n'));
    }
    const bool clean = result.succeeded() && result.refused == 0 && result.unreadable == 0;
    if (result.failure && result.failure->kind == SyncFailure::Kind::Certificate
        && m_target->currentData().toInt() == OtherAccount) {
        // A one-off server with a certificate of its own: trusted only for
        // this restore, after the user has seen its fingerprint.
        m_trustedFingerprint = QString::fromLatin1(result.failure->certificate.sha256);
        text += QLatin1Char('\n') + tr("If it is your server's, press Restore again to trust it for this restore.");
    }
    showMessage(text, !clean && !result.cancelled);
    if (clean) {
        m_progress->setValue(ProgressSteps);
        ThemeColors::apply(messageLabel(), ThemeColors::Role::Success);
    }
    emit restoreEnded(result.succeeded());
}

void RestoreDialog::setRunning(bool running)
{
    m_running = running;
    for (QWidget* input : {static_cast<QWidget*>(m_what),
                           static_cast<QWidget*>(m_target),
                           static_cast<QWidget*>(m_host),
                           static_cast<QWidget*>(m_port),
                           static_cast<QWidget*>(m_security),
                           static_cast<QWidget*>(m_user),
                           static_cast<QWidget*>(m_password),
                           static_cast<QWidget*>(m_intoFolder),
                           static_cast<QWidget*>(m_keepFolders),
                           static_cast<QWidget*>(m_restore)}) {
        input->setEnabled(!running);
    }
    m_folder->setEnabled(!running && m_intoFolder->isChecked());
    setTaskRunning(running);
    m_restore->setText(tr("&Restore…"));
    (running ? static_cast<QWidget*>(closeButton()) : m_restore)->setFocus();
}
