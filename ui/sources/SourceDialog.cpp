#include "SourceDialog.h"

#include "common/AppSettings.h"

#include "CertificateTrustPrompt.h"
#include "FolderChooserDialog.h"
#include "archive/ArchiveQueryRunner.h"
#include "common/PaintedIcons.h"
#include "common/ThemeColors.h"
#include "credentials/CredentialStore.h"
#include "help/ShortcutCatalog.h"
#include "sources/ProviderPreset.h"
#include "sources/SourceRepository.h"
#include "sources/SourceValidation.h"
#include "sync/ConnectionTester.h"
#include "sync/SourceSync.h"

#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QShortcut>
#include <QSizePolicy>
#include <QStyle>
#include <QVBoxLayout>

#include <utility>

namespace {

// Red that reads on light and dark backgrounds.
const auto TouchedProperty = "touched";
const QKeyCombination RevealShortcut = Qt::CTRL | Qt::Key_H;

enum FolderChoice { InboxOnly, AllFolders, Chosen };

void markTouched(QWidget* field)
{
    field->setProperty(TouchedProperty, true);
}

// Qt emits activated() when the arrow keys or the wheel step a closed combo
// box, so a list that opens a dialog on "Choose…" would open it while the
// user only reads through the items. This box says when that is happening.
class BrowsableComboBox : public QComboBox
{
public:
    using QComboBox::QComboBox;

    bool isBrowsing() const { return m_browsing; }

protected:
    void keyPressEvent(QKeyEvent* event) override
    {
        const QScopedValueRollback browsing(m_browsing, true);
        QComboBox::keyPressEvent(event);
    }
    void wheelEvent(QWheelEvent* event) override
    {
        const QScopedValueRollback browsing(m_browsing, true);
        QComboBox::wheelEvent(event);
    }

private:
    bool m_browsing = false;
};

void announce(QWidget* widget, QAccessible::Event event)
{
    QAccessibleEvent change(widget, event);
    QAccessible::updateAccessibility(&change);
}

} // namespace

SourceDialog::SourceDialog(SourceService* service,
                           CredentialStore* credentials,
                           ArchiveQueryRunner* queries,
                           std::optional<IngestionSource> existing,
                           QWidget* parent)
    : QDialog(parent)
    , m_service(service)
    , m_credentials(credentials)
    , m_existing(std::move(existing))
    , m_tester(new ConnectionTester(this))
{
    setObjectName(QStringLiteral("SourceDialog"));
    setWindowTitle(m_existing ? tr("Edit %1").arg(m_existing->name) : tr("Create New Ingestion Source"));

    auto* layout = new QVBoxLayout(this);
    auto* columns = new QHBoxLayout;
    columns->setSpacing(18);
    // The columns share the width 3:2 whatever they hold: an error or a test
    // result wraps inside the form instead of pushing the help aside.
    QWidget* form = createForm();
    QWidget* advice = createAdvice();
    const int em = fontMetrics().averageCharWidth();
    form->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    form->setMinimumWidth(std::max(form->minimumSizeHint().width(), 44 * em));
    advice->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    advice->setMinimumWidth(28 * em);
    columns->addWidget(form, 3);
    columns->addWidget(advice, 2);
    layout->addLayout(columns, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_saveButton = m_buttons->addButton(tr("&Save changes"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setDefault(true);
    // Return saves wherever the focus is: a button that took the focus (Cancel
    // after Test disabled itself) must not become the default on the way.
    m_buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    // Save validates and waits for the keychain; it closes the dialog itself.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SourceDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    using Known = std::pair<QList<IngestionSource>, QList<CertificateException>>;
    queries->run(
        ArchiveQueryRunner::Lane::Interactive,
        this,
        [](const ArchiveReader& reader) {
            return Known {SourceRepository(reader.database()).list(), CertificateExceptions(reader.database()).list()};
        },
        [this](const Known& known) {
            m_otherSources = known.first;
            m_trusted = known.second;
            m_knownRead = true;
            validate(false, false); // a name typed meanwhile may be taken
            if (m_testWaiting) {
                startTest(*std::exchange(m_testWaiting, std::nullopt));
            }
        });

    connect(m_tester, &ConnectionTester::finished, this, &SourceDialog::handleTestResult);
    connect(m_service, &SourceService::finished, this, &SourceDialog::handleSaved);
    connect(m_credentials,
            &CredentialStore::requestFinished,
            this,
            [this](quint64 requestId, qint64, CredentialStore::Operation, const CredentialResult& result) {
                handleCredentialResult(requestId, result);
            });

    if (m_existing) {
        loadSource(*m_existing);
    } else {
        m_provider->setCurrentIndex(-1);
        applyProvider();
    }
    m_name->setFocus();
    resize(sizeHint().expandedTo(QSize(820, 560)));
}

SourceDialog::~SourceDialog() = default;

void SourceDialog::setExtraCaCertificatesFile(const QString& path)
{
    m_tester->setExtraCaCertificatesFile(path);
}

qint64 SourceDialog::savedSourceId() const
{
    return m_savedId;
}

bool SourceDialog::createdSource() const
{
    return m_created;
}

QLabel* SourceDialog::createErrorLabel(const QString& objectName)
{
    auto* label = new QLabel(this);
    label->setObjectName(objectName);
    ThemeColors::apply(label, ThemeColors::Role::Error);
    label->setWordWrap(true);
    label->hide();
    return label;
}

QWidget* SourceDialog::createWarning(QLabel* text)
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* icon = new QLabel(row);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    icon->setAccessibleName(tr("Warning"));
    text->setParent(row);
    text->setWordWrap(true);
    text->setForegroundRole(QPalette::WindowText);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(text, 1);
    return row;
}

QLabel*
SourceDialog::addRow(QGridLayout* grid, int row, const QString& label, QWidget* field, QLabel* error, QWidget* buddy)
{
    auto* caption = new QLabel(label, field->parentWidget());
    caption->setBuddy(buddy ? buddy : field);
    grid->addWidget(caption, row * 2, 0, Qt::AlignRight | Qt::AlignVCenter);
    grid->addWidget(field, row * 2, 1);
    if (error) {
        grid->addWidget(error, row * 2 + 1, 1);
    }
    return caption;
}

QWidget* SourceDialog::createForm()
{
    auto* form = new QWidget(this);
    auto* outer = new QVBoxLayout(form);
    outer->setContentsMargins(0, 0, 0, 0);
    // One grid for every row, so all labels line up in one column; rows that
    // do not apply are hidden, label and all.
    auto* grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->setVerticalSpacing(6);
    outer->addLayout(grid);
    outer->addStretch(1);
    int row = 0;

    m_name = new QLineEdit(form);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setAccessibleName(tr("Name"));
    m_name->setPlaceholderText(tr("For example: Work mail"));
    m_nameError = createErrorLabel(QStringLiteral("nameError"));
    addRow(grid, row++, tr("&Name:"), m_name, m_nameError, nullptr);

    m_provider = new QComboBox(form);
    m_provider->setObjectName(QStringLiteral("providerCombo"));
    m_provider->setAccessibleName(tr("Provider"));
    m_provider->setPlaceholderText(tr("Choose your email provider…"));
    for (const ProviderPreset& preset : ProviderPreset::all()) {
        m_provider->addItem(preset.displayName, preset.id);
    }
    m_providerError = createErrorLabel(QStringLiteral("providerError"));
    addRow(grid, row++, tr("&Provider:"), m_provider, m_providerError, nullptr);

    // Generic IMAP: host, security, port.
    m_host = new QLineEdit(form);
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_host->setAccessibleName(tr("Host"));
    m_host->setPlaceholderText(tr("imap.example.com"));
    m_hostError = createErrorLabel(QStringLiteral("hostError"));
    m_serverRows << addRow(grid, row++, tr("&Host:"), m_host, m_hostError, nullptr) << m_host;

    m_security = new QComboBox(form);
    m_security->setObjectName(QStringLiteral("securityCombo"));
    m_security->setAccessibleName(tr("Security"));
    for (const ConnectionSecurity security :
         {ConnectionSecurity::Tls, ConnectionSecurity::StartTls, ConnectionSecurity::None}) {
        m_security->addItem(IngestionSource::securityText(security), static_cast<int>(security));
    }
    m_plaintextWarning = new QLabel(form);
    m_plaintextWarning->setObjectName(QStringLiteral("plaintextWarning"));
    m_plaintextWarning->setText(tr("Without encryption your password and your mail travel in clear text: anyone "
                                   "on the network can read them. Use this only for a server on your own "
                                   "computer or network."));
    m_plaintextWarningRow = createWarning(m_plaintextWarning);
    m_plaintextWarningRow->setObjectName(QStringLiteral("plaintextWarningRow"));
    m_plaintextWarningRow->hide();
    m_serverRows << addRow(grid, row++, tr("Securit&y:"), m_security, nullptr, nullptr) << m_security;
    grid->addWidget(m_plaintextWarningRow, (row - 1) * 2 + 1, 1);

    m_port = new QLineEdit(form);
    m_port->setObjectName(QStringLiteral("portEdit"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setValidator(new QIntValidator(0, 65535, m_port));
    m_port->setMaximumWidth(m_port->fontMetrics().horizontalAdvance(QStringLiteral("000000")) + 24);
    m_port->setText(QStringLiteral("993"));
    m_portError = createErrorLabel(QStringLiteral("portError"));
    m_serverRows << addRow(grid, row++, tr("P&ort:"), m_port, m_portError, nullptr) << m_port;

    // Any other provider: the server is known.
    m_presetServer = new QLabel(form);
    m_presetServer->setObjectName(QStringLiteral("presetServer"));
    m_presetServer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_presetRows << addRow(grid, row++, tr("Server:"), m_presetServer, nullptr, nullptr) << m_presetServer;

    m_username = new QLineEdit(form);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setAccessibleName(tr("Username"));
    m_usernameError = createErrorLabel(QStringLiteral("usernameError"));
    m_accountRows << addRow(grid, row++, tr("&Username:"), m_username, m_usernameError, nullptr) << m_username;

    m_password = new QLineEdit(form);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(m_existing ? tr("Leave blank to keep the stored password")
                                              : tr("App password (recommended) or account password"));
    m_password->setAccessibleDescription(passwordHint());
    QAction* reveal =
        m_password->addAction(PaintedIcons::eye(palette().color(QPalette::Text)), QLineEdit::TrailingPosition);
    reveal->setCheckable(true);
    reveal->setObjectName(QStringLiteral("showPasswordAction"));
    // The toggle is a button inside the field that takes no focus: Ctrl+H in
    // the field is its keyboard path, and its text is its accessible name.
    reveal->setText(tr("Show the password"));
    reveal->setToolTip(
        tr("Show the password (%1)").arg(QKeySequence(RevealShortcut).toString(QKeySequence::NativeText)));
    auto* revealShortcut = new QShortcut(QKeySequence(RevealShortcut), m_password);
    revealShortcut->setObjectName(QStringLiteral("showPasswordShortcut"));
    revealShortcut->setProperty(ShortcutCatalog::DescriptionProperty, tr("Show or hide the password"));
    revealShortcut->setContext(Qt::WidgetShortcut);
    connect(revealShortcut, &QShortcut::activated, reveal, &QAction::toggle);
    connect(reveal, &QAction::toggled, this, [this, reveal](bool shown) {
        m_password->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setText(shown ? tr("Hide the password") : tr("Show the password"));
        const QString shortcut = QKeySequence(RevealShortcut).toString(QKeySequence::NativeText);
        reveal->setToolTip(shown ? tr("Hide the password (%1)").arg(shortcut)
                                 : tr("Show the password (%1)").arg(shortcut));
    });
    m_passwordError = createErrorLabel(QStringLiteral("passwordError"));
    m_accountRows << addRow(grid, row++, tr("Pass&word:"), m_password, m_passwordError, nullptr) << m_password;

    // The combo box and its caption share a parent: Qt on Linux names a combo
    // box by its value and finds its label only among its siblings.
    auto* folderLayout = new QHBoxLayout;
    folderLayout->setContentsMargins(0, 0, 0, 0);
    auto* folders = new BrowsableComboBox(form);
    m_folders = folders;
    m_folders->setObjectName(QStringLiteral("foldersCombo"));
    m_folders->setAccessibleName(tr("Folders to archive"));
    m_folders->addItem(tr("Inbox only"), InboxOnly);
    m_folders->addItem(tr("All folders"), AllFolders);
    m_folders->addItem(tr("Choose…"), Chosen);
    m_chooseFolders = new QPushButton(tr("Ch&ange…"), form);
    m_chooseFolders->setObjectName(QStringLiteral("chooseFoldersButton"));
    m_chooseFolders->setAutoDefault(false);
    folderLayout->addWidget(m_folders);
    folderLayout->addWidget(m_chooseFolders);
    folderLayout->addStretch(1);
    m_folderSummary = new QLabel(form);
    m_folderSummary->setObjectName(QStringLiteral("folderSummary"));
    m_folderSummary->setWordWrap(true);
    ThemeColors::apply(m_folderSummary, ThemeColors::Role::Secondary);
    auto* folderCaption = new QLabel(tr("&Folders to archive:"), form);
    folderCaption->setBuddy(m_folders);
    grid->addWidget(folderCaption, row * 2, 0, Qt::AlignRight | Qt::AlignVCenter);
    grid->addLayout(folderLayout, row * 2, 1);
    grid->addWidget(m_folderSummary, row * 2 + 1, 1);
    ++row;
    // updateFolderSummary() hides "Change…" again unless "Choose…" is picked.
    m_accountRows << folderCaption << m_folders << m_chooseFolders << m_folderSummary;

    auto* testRow = new QWidget(form);
    auto* testLayout = new QHBoxLayout(testRow);
    testLayout->setContentsMargins(0, 6, 0, 0);
    m_testButton = new QPushButton(tr("&Test connection"), testRow);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testButton->setAutoDefault(false);
    testLayout->addWidget(m_testButton);
    m_trustButton = new QPushButton(tr("T&rust this certificate…"), testRow);
    m_trustButton->setObjectName(QStringLiteral("trustButton"));
    m_trustButton->setAutoDefault(false);
    m_trustButton->hide();
    testLayout->addWidget(m_trustButton);
    testLayout->addStretch(1);
    m_result = new QLabel(form);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    // Reachable with Tab, so the last result can be read again.
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_result->setAccessibleName(tr("Connection test result"));
    m_result->hide();
    grid->addWidget(testRow, row * 2, 1);
    grid->addWidget(m_result, row * 2 + 1, 1);
    m_accountRows << testRow;

    // Inline validation as the user types, once they have touched a field.
    for (QLineEdit* edit : {m_name, m_host, m_port, m_username, m_password}) {
        connect(edit, &QLineEdit::textEdited, this, [this, edit] {
            markTouched(edit);
            validate(m_showAllErrors, false);
        });
    }
    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        applyProvider();
        validate(m_showAllErrors, false);
    });
    connect(m_security, &QComboBox::currentIndexChanged, this, &SourceDialog::applySecurity);
    // Only an explicit pick (Enter or a click in the open list) opens the
    // chooser; stepping onto "Choose…" with the arrows shows "Change…".
    connect(m_folders, &QComboBox::activated, this, [this, folders](int index) {
        if (!folders->isBrowsing() && m_folders->itemData(index).toInt() == Chosen) {
            chooseFolders();
        }
        updateFolderSummary();
    });
    connect(m_folders, &QComboBox::currentIndexChanged, this, [this] {
        if (m_folders->currentData().toInt() != Chosen) {
            m_scope = m_folders->currentData().toInt();
        }
        updateFolderSummary();
    });
    connect(m_chooseFolders, &QPushButton::clicked, this, &SourceDialog::chooseFolders);
    connect(m_testButton, &QPushButton::clicked, this, &SourceDialog::testConnection);
    connect(m_trustButton, &QPushButton::clicked, this, &SourceDialog::trustCertificate);
    return form;
}

QWidget* SourceDialog::createAdvice()
{
    auto* frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("adviceFrame"));
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setBackgroundRole(QPalette::AlternateBase);
    frame->setAutoFillBackground(true);
    auto* layout = new QVBoxLayout(frame);
    m_advice = new QLabel(frame);
    m_advice->setObjectName(QStringLiteral("adviceLabel"));
    m_advice->setWordWrap(true);
    m_advice->setTextFormat(Qt::RichText);
    m_advice->setOpenExternalLinks(true);
    // The links are reached with Tab and opened with Enter.
    m_advice->setTextInteractionFlags(Qt::TextBrowserInteraction | Qt::LinksAccessibleByKeyboard);
    m_advice->setFocusPolicy(Qt::StrongFocus);
    m_advice->setAccessibleName(tr("Help with app passwords"));
    m_advice->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_advice);
    layout->addStretch(1);
    return frame;
}

void SourceDialog::loadSource(const IngestionSource& source)
{
    m_name->setText(source.name);
    m_provider->setCurrentIndex(std::max(0, m_provider->findData(source.providerId)));
    m_security->setCurrentIndex(m_security->findData(static_cast<int>(source.security)));
    m_host->setText(source.host);
    m_port->setText(QString::number(source.port));
    m_lastDefaultPort = ProviderPreset::defaultPort(source.security);
    m_username->setText(source.username);
    m_chosenFolders = source.chosenFolders;
    m_pinnedSha256 = source.pinnedSha256;
    switch (source.folderScope) {
    case IngestionSource::FolderScope::InboxOnly:
        m_folders->setCurrentIndex(InboxOnly);
        break;
    case IngestionSource::FolderScope::AllFolders:
        m_folders->setCurrentIndex(AllFolders);
        break;
    case IngestionSource::FolderScope::Chosen:
        m_folders->setCurrentIndex(Chosen);
        break;
    }
    applyProvider();
    applySecurity();
}

void SourceDialog::applyProvider()
{
    const auto preset = ProviderPreset::byId(m_provider->currentData().toString());
    const auto show = [](const QList<QWidget*>& widgets, bool visible) {
        for (QWidget* widget : widgets) {
            widget->setVisible(visible);
        }
    };
    show(m_accountRows, preset.has_value());
    show(m_serverRows, preset && preset->isGeneric());
    show(m_presetRows, preset && !preset->isGeneric());
    // Error and warning labels of hidden rows stay hidden; validation and
    // the security choice show them again when they apply.
    if (!preset || !preset->isGeneric()) {
        m_hostError->hide();
        m_portError->hide();
        m_plaintextWarningRow->hide();
        m_security->setAccessibleDescription(QString());
    }
    if (preset) {
        if (!preset->isGeneric()) {
            m_host->setText(preset->host);
            m_port->setText(QString::number(preset->port));
            m_security->setCurrentIndex(m_security->findData(static_cast<int>(preset->security)));
            m_presetServer->setText(tr("%1, port %2, %3")
                                        .arg(preset->host)
                                        .arg(preset->port)
                                        .arg(IngestionSource::securityText(preset->security)));
            if (m_name->text().isEmpty()) {
                m_name->setText(preset->displayName);
            }
        }
        m_username->setPlaceholderText(preset->usernameHint);
    }
    updateAdvice();
    updateFolderSummary();
}

void SourceDialog::applySecurity()
{
    const auto security = static_cast<ConnectionSecurity>(m_security->currentData().toInt());
    const auto preset = ProviderPreset::byId(m_provider->currentData().toString());
    const bool plaintext = preset && preset->isGeneric() && security == ConnectionSecurity::None;
    m_plaintextWarningRow->setVisible(plaintext);
    m_security->setAccessibleDescription(plaintext ? m_plaintextWarning->text() : QString());
    // The port follows the security choice unless the user typed their own.
    const quint16 port = ProviderPreset::defaultPort(security);
    if (m_port->text().isEmpty() || m_port->text().toUInt() == m_lastDefaultPort) {
        m_port->setText(QString::number(port));
    }
    m_lastDefaultPort = port;
    validate(m_showAllErrors, false);
}

void SourceDialog::updateAdvice()
{
    const auto preset = ProviderPreset::byId(m_provider->currentData().toString())
                            .value_or(ProviderPreset::byId(QStringLiteral("generic")).value());
    QString html = QStringLiteral("<h3>%1</h3><p>%2</p><p>%3</p>")
                       .arg(tr("Use an app password").toHtmlEscaped(),
                            preset.appPasswordHelp.toHtmlEscaped(),
                            ProviderPreset::whyAppPasswords().toHtmlEscaped());
    if (preset.helpUrl.isValid()) {
        const QString linkText = preset.isGeneric() ? tr("What app passwords are")
                                                    : tr("%1: how to create an app password").arg(preset.displayName);
        html += QStringLiteral("<p><a href=\"%1\">%2</a></p>")
                    .arg(QString::fromLatin1(preset.helpUrl.toEncoded()).toHtmlEscaped(), linkText.toHtmlEscaped());
    }
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("The password is kept in your system's keychain, never in the archive.").toHtmlEscaped());
    m_advice->setText(html);
}

void SourceDialog::updateFolderSummary()
{
    const int choice = m_folders->currentData().toInt();
    m_chooseFolders->setVisible(choice == Chosen);
    m_folders->setAccessibleDescription(QString()); // "no folders" was said of the last choice
    switch (choice) {
    case InboxOnly:
        m_folderSummary->setText(tr("Only the Inbox is archived. You can change this later."));
        break;
    case AllFolders:
        m_folderSummary->setText(tr("Every folder except Trash and Junk, including folders created later."));
        break;
    default:
        m_folderSummary->setText(m_chosenFolders.isEmpty()
                                     ? tr("No folders chosen yet.")
                                     : tr("%n folder(s): %1", nullptr, static_cast<int>(m_chosenFolders.size()))
                                           .arg(m_chosenFolders.join(QStringLiteral(", "))));
        break;
    }
}

bool SourceDialog::validate(bool all, bool focusFirstInvalid)
{
    QWidget* firstInvalid = nullptr;
    const auto check = [&](QWidget* field, QLabel* label, const QString& error) {
        const bool show = all || field->property(TouchedProperty).toBool();
        label->setText(error);
        label->setVisible(show && !error.isEmpty());
        field->setAccessibleDescription(show ? error : QString());
        if (!error.isEmpty() && !firstInvalid) {
            firstInvalid = field;
        }
    };
    QString nameError = SourceValidation::nameError(m_name->text());
    if (nameError.isEmpty()) {
        const QString name = m_name->text().trimmed();
        const qint64 self = m_existing ? m_existing->id : 0;
        if (std::any_of(m_otherSources.cbegin(), m_otherSources.cend(), [&](const IngestionSource& other) {
                return other.name == name && other.id != self;
            })) {
            nameError = tr("A source named \"%1\" already exists; choose another name.").arg(m_name->text().trimmed());
        }
    }
    check(m_name, m_nameError, nameError);
    const auto preset = ProviderPreset::byId(m_provider->currentData().toString());
    check(m_provider,
          m_providerError,
          preset ? QString() : tr("Choose your email provider, or Generic IMAP for any other server."));
    if (!preset) {
        if (all && focusFirstInvalid && firstInvalid) {
            firstInvalid->setFocus();
        }
        return false;
    }
    // Host and port are the preset's for every provider but Generic IMAP:
    // errors the user made there no longer apply.
    const auto clear = [](QWidget* field, QLabel* label) {
        label->clear();
        label->hide();
        field->setAccessibleDescription(QString());
    };
    if (preset->isGeneric()) {
        check(m_host, m_hostError, SourceValidation::hostError(m_host->text()));
        check(m_port, m_portError, SourceValidation::portError(m_port->text()));
    } else {
        clear(m_host, m_hostError);
        clear(m_port, m_portError);
    }
    check(m_username, m_usernameError, SourceValidation::usernameError(m_username->text()));
    // Until a new one is typed, the reason the stored password must change
    // stays under the field (Details → Change password…).
    const QString passwordError = !m_password->text().isEmpty() ? QString()
        : !m_existing ? tr("Enter the password, preferably an app password made for OpenArchiver.")
                      : m_passwordProblem;
    check(m_password, m_passwordError, passwordError);
    if (m_password->accessibleDescription().isEmpty()) {
        m_password->setAccessibleDescription(passwordHint());
    }
    if (all && focusFirstInvalid && firstInvalid) {
        firstInvalid->setFocus();
    }
    return firstInvalid == nullptr;
}

IngestionSource SourceDialog::sourceFromForm() const
{
    IngestionSource source = m_existing.value_or(IngestionSource {});
    if (!m_existing) {
        source.checkIntervalMinutes = AppSettings::defaultCheckIntervalMinutes();
    }
    source.name = m_name->text().trimmed();
    source.providerId = m_provider->currentData().toString();
    source.host = m_host->text().trimmed();
    source.port = static_cast<quint16>(m_port->text().toUInt());
    source.security = static_cast<ConnectionSecurity>(m_security->currentData().toInt());
    source.username = m_username->text().trimmed();
    switch (m_folders->currentData().toInt()) {
    case InboxOnly:
        source.folderScope = IngestionSource::FolderScope::InboxOnly;
        break;
    case AllFolders:
        source.folderScope = IngestionSource::FolderScope::AllFolders;
        break;
    default:
        source.folderScope = IngestionSource::FolderScope::Chosen;
        break;
    }
    source.chosenFolders = m_chosenFolders;
    source.pinnedSha256 = m_pinnedSha256;
    return source;
}

void SourceDialog::testConnection()
{
    // The password may be blank while editing: then the stored one is used.
    if (!validate(true)) {
        m_chooseAfterTest = false;
        return;
    }
    if (m_password->text().isEmpty() && m_existing) {
        m_passwordForTest = true;
        setBusy(true, tr("Reading the stored password…"));
        m_pendingRequest = m_credentials->readPassword(m_existing->id);
        return;
    }
    setBusy(true, tr("Connecting to %1…").arg(m_host->text().trimmed()));
    startTest(m_password->text());
}

void SourceDialog::startTest(const QString& password)
{
    if (!m_knownRead) {
        m_testWaiting = password; // the certificates trusted so far decide the test
        return;
    }
    IngestionSource source = sourceFromForm();
    source.pinnedSha256 = QString::fromLatin1(CertificateExceptions::trustedSha256For(source, m_trusted));
    m_testedHost = source.host;
    m_testedPort = source.port;
    m_tester->start(source, password);
}

void SourceDialog::chooseFolders()
{
    if (m_serverFolders.isEmpty() && m_foldersListed) {
        reportNoFolders();
        return;
    }
    if (m_serverFolders.isEmpty()) {
        // The list comes from the server: test first, then choose.
        m_chooseAfterTest = true;
        testConnection();
        return;
    }
    FolderChooserDialog chooser(m_serverFolders, foldersOfCurrentScope(), this);
    if (chooser.exec() == QDialog::Accepted) {
        m_chosenFolders = chooser.chosenFolders();
    } else if (m_chosenFolders.isEmpty()) {
        m_folders->setCurrentIndex(InboxOnly);
    }
    updateFolderSummary();
}

void SourceDialog::reportNoFolders()
{
    if (m_chosenFolders.isEmpty()) {
        m_folders->setCurrentIndex(InboxOnly);
    }
    updateFolderSummary();
    const QString text = tr("The server lists no folders to choose from, so there is nothing to choose.");
    m_folderSummary->setText(text);
    m_folders->setAccessibleDescription(text);
    m_folders->setFocus(Qt::OtherFocusReason);
    announce(m_folders, QAccessible::DescriptionChanged);
}

QStringList SourceDialog::foldersOfCurrentScope() const
{
    if (m_folders->currentData().toInt() == Chosen && !m_chosenFolders.isEmpty()) {
        return m_chosenFolders;
    }
    IngestionSource scope;
    scope.folderScope =
        m_scope == AllFolders ? IngestionSource::FolderScope::AllFolders : IngestionSource::FolderScope::InboxOnly;
    QStringList paths;
    for (const RemoteFolder& folder : SourceSync::foldersInScope(scope, m_serverFolders)) {
        paths << folder.path;
    }
    return paths;
}

void SourceDialog::handleTestResult(const ConnectionTestResult& result)
{
    setBusy(false);
    m_untrusted = result.failure.certificate;
    m_trustButton->setVisible(!m_untrusted.isNull());
    showResult(result.ok, result.message);
    // The server's own words stay out of the sentence; they are a hover away
    // for whoever helps the user.
    // Escaped: a tool tip would take the server's "<b>" for markup.
    const QString technical = result.failure.technical;
    m_result->setToolTip(
        technical.isEmpty()
            ? QString()
            : QStringLiteral("<p>%1</p>").arg(tr("Technical details: %1").arg(technical).toHtmlEscaped()));
    if (result.ok) {
        m_serverFolders = result.folders;
        m_foldersListed = true;
    }
    focusAfterTest(result.message, fieldToFix(result.failure.kind));
    emit connectionTestFinished(result.ok);
    if (std::exchange(m_chooseAfterTest, false)) {
        if (result.ok) {
            chooseFolders();
        } else if (m_chosenFolders.isEmpty()) {
            m_folders->setCurrentIndex(InboxOnly);
            updateFolderSummary();
        }
    }
}

void SourceDialog::trustCertificate()
{
    if (m_untrusted.isNull()) {
        return;
    }
    if (!CertificateTrustPrompt::ask(this, m_untrusted, QStringLiteral("%1:%2").arg(m_testedHost).arg(m_testedPort))) {
        return;
    }
    const SourceOutcome trusted =
        m_service->trustCertificate(m_testedHost, m_testedPort, m_untrusted, m_existing ? m_existing->id : 0);
    if (!trusted.ok()) {
        showResult(false, trusted.message);
        return;
    }
    rememberTrusted(m_testedHost, m_testedPort);
    testConnection();
}

void SourceDialog::rememberTrusted(const QString& host, quint16 port)
{
    const QString normalized = CertificateExceptions::normalizedHost(host);
    m_trusted.removeIf(
        [&](const CertificateException& exception) { return exception.host == normalized && exception.port == port; });
    m_trusted.append({normalized, port, m_untrusted, QDateTime::currentDateTime()});
    m_untrusted = {};
    m_trustButton->hide();
}

bool SourceDialog::confirmCertificateBeforeSave()
{
    const IngestionSource source = sourceFromForm();
    // Only what the test found for the server now in the form counts.
    if (m_untrusted.isNull() || source.port != m_testedPort
        || CertificateExceptions::normalizedHost(source.host) != CertificateExceptions::normalizedHost(m_testedHost)) {
        return true;
    }
    if (CertificateExceptions::trustedSha256For(source, m_trusted) == m_untrusted.sha256) {
        return true;
    }
    if (!CertificateTrustPrompt::ask(this, m_untrusted, QStringLiteral("%1:%2").arg(m_testedHost).arg(m_testedPort))) {
        showResult(false,
                   tr("Not saved: the server's certificate is not trusted, so every sync would fail. Trust it if its "
                      "fingerprint is the one your provider gives, or check the server name and port."));
        return false;
    }
    const SourceOutcome trusted =
        m_service->trustCertificate(source.host, source.port, m_untrusted, m_existing ? m_existing->id : 0);
    if (!trusted.ok()) {
        showResult(false, trusted.message);
        return false;
    }
    rememberTrusted(source.host, source.port);
    return true;
}

void SourceDialog::save()
{
    m_showAllErrors = true;
    if (!validate(true)) {
        return;
    }
    if (!confirmCertificateBeforeSave()) {
        return;
    }
    m_freshImport = false;
    if (m_existing) {
        const IngestionSource source = sourceFromForm();
        const bool movedAccount =
            source.host.compare(m_existing->host, Qt::CaseInsensitive) != 0 || source.username != m_existing->username;
        if (movedAccount) {
            QMessageBox question(QMessageBox::Question,
                                 tr("Start a Fresh Import?"),
                                 tr("You changed the server or the user name. Import this account from the "
                                    "start?"),
                                 QMessageBox::NoButton,
                                 this);
            question.setInformativeText(
                tr("Choose a fresh import when this is another account: every folder is read again from the new "
                   "server. Mail already archived stays and is not stored twice. Keep the progress when only the "
                   "server's name changed."));
            QPushButton* fresh = question.addButton(tr("&Fresh import"), QMessageBox::YesRole);
            question.addButton(tr("&Keep progress"), QMessageBox::NoRole);
            QPushButton* cancel = question.addButton(QMessageBox::Cancel);
            question.setDefaultButton(fresh);
            question.exec();
            if (question.clickedButton() == cancel) {
                return;
            }
            m_freshImport = question.clickedButton() == fresh;
        }
    }
    store(SourceService::PasswordKeeping::Keychain);
}

void SourceDialog::store(SourceService::PasswordKeeping keeping)
{
    const IngestionSource source = sourceFromForm();
    setBusy(true,
            keeping == SourceService::PasswordKeeping::Keychain ? tr("Saving the password in the system keychain…")
                                                                : tr("Keeping the password for this session…"));
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false);
    m_pendingSave = m_existing ? m_service->editSource(source, m_password->text(), m_freshImport, keeping)
                               : m_service->addSource(source, m_password->text(), keeping);
}

void SourceDialog::handleSaved(quint64 requestId, const SourceOutcome& outcome)
{
    if (requestId == 0 || requestId != m_pendingSave) {
        return;
    }
    m_pendingSave = 0;
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(true);
    setBusy(false);
    if (outcome.ok()) {
        m_savedId = outcome.sourceId;
        m_created = !m_existing;
        accept();
        return;
    }
    if (outcome.kind == SourceOutcome::Kind::KeychainUnavailable && m_service->canKeepForSession()
        && askToKeepForSession(outcome.message)) {
        if (m_existing) {
            // The other changes are saved: only the password is left.
            setBusy(true, tr("Keeping the password for this session…"));
            m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false);
            m_pendingSave = m_service->storePassword(
                m_existing->id, m_password->text(), SourceService::PasswordKeeping::ThisSessionOnly);
        } else {
            store(SourceService::PasswordKeeping::ThisSessionOnly);
        }
        return;
    }
    // A PartlyDone edit is saved and rescheduled already (the service told
    // the scheduler); the dialog stays open with what failed.
    showResult(false, outcome.message);
}

void SourceDialog::handleCredentialResult(quint64 requestId, const CredentialResult& result)
{
    if (requestId == 0 || requestId != m_pendingRequest) {
        return;
    }
    m_pendingRequest = 0;
    if (std::exchange(m_passwordForTest, false)) {
        if (result.status == CredentialResult::Status::Ok) {
            setBusy(true, tr("Connecting to %1…").arg(m_host->text().trimmed()));
            startTest(result.password);
        } else {
            setBusy(false);
            showResult(false, tr("The stored password could not be read: %1").arg(result.message));
            focusAfterTest(tr("The stored password could not be read: %1").arg(result.message), nullptr);
        }
    }
}

bool SourceDialog::askToKeepForSession(const QString& keychainError)
{
    QMessageBox box(QMessageBox::Warning,
                    tr("No Keychain Available"),
                    tr("The system keychain is not available, so the password cannot be stored safely."),
                    QMessageBox::NoButton,
                    this);
    box.setObjectName(QStringLiteral("keepForSessionBox"));
    box.setInformativeText(tr("Keep it in memory for this session only? The account is archived until you quit "
                              "OpenArchiver; after a restart, open Edit and enter the password again."));
    box.setDetailedText(keychainError);
    QPushButton* keep = box.addButton(tr("&Keep for This Session"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() == keep;
}

void SourceDialog::setBusy(bool busy, const QString& text)
{
    QList<QWidget*> controls = m_accountRows + m_serverRows;
    controls << m_name << m_provider << m_saveButton;
    for (QWidget* widget : std::as_const(controls)) {
        widget->setEnabled(!busy);
    }
    if (!busy) {
        m_saveButton->setDefault(true);
    }
    if (busy) {
        ThemeColors::clear(m_result);
        m_result->setText(text);
        m_result->setAccessibleName(text);
        m_result->setAccessibleDescription(QString());
        m_result->show();
    }
}

void SourceDialog::showResult(bool ok, const QString& text)
{
    ThemeColors::apply(m_result, ok ? ThemeColors::Role::Success : ThemeColors::Role::Error);
    m_result->setText((ok ? QStringLiteral("✔ ") : QStringLiteral("✖ "))
                      + CertificateTrustPrompt::breakableFingerprints(text));
    // A screen reader hears the result: the label says it as its name and
    // description, and tells the reader they changed.
    m_result->setAccessibleName(text);
    m_result->setAccessibleDescription(text);
    m_result->show();
    announce(m_result, QAccessible::NameChanged);
    announce(m_result, QAccessible::DescriptionChanged);
}

void SourceDialog::focusPassword()
{
    if (m_existing && !m_existing->lastError.isEmpty()) {
        m_passwordProblem = m_existing->lastError;
        // "Leave blank to keep the stored password" would contradict the
        // reason under the field.
        m_password->setPlaceholderText(tr("Enter the new password"));
        markTouched(m_password);
        validate(false, false);
    }
    m_password->setFocus(Qt::OtherFocusReason);
}

QLineEdit* SourceDialog::fieldToFix(SyncFailure::Kind kind) const
{
    // Only where the failure names the field: a refused connection may as
    // well be a server that is down as a wrong port.
    QLineEdit* field = nullptr;
    switch (kind) {
    case SyncFailure::Kind::Authentication:
        field = m_password;
        break;
    case SyncFailure::Kind::HostNotFound:
        field = m_host;
        break;
    default:
        break;
    }
    // A provider's preset fills host and port: nothing to type there.
    return field && field->isVisible() && field->isEnabled() && !field->isReadOnly() ? field : nullptr;
}

void SourceDialog::focusAfterTest(const QString& text, QLineEdit* fieldToFix)
{
    // The control that matters now, carrying the result in its description,
    // so that the focus change reads the result aloud: the button that
    // trusts the certificate, the field the failure points at (its text
    // selected, ready to be typed over), or the test button.
    QWidget* next = m_trustButton->isVisible() ? static_cast<QWidget*>(m_trustButton)
        : fieldToFix                           ? static_cast<QWidget*>(fieldToFix)
                                               : static_cast<QWidget*>(m_testButton);
    for (QPushButton* button : {m_testButton, m_trustButton}) {
        button->setAccessibleDescription(button == next ? text : QString());
    }
    if (next == fieldToFix) {
        fieldToFix->setAccessibleDescription(text);
        fieldToFix->selectAll();
    }
    next->setFocus(Qt::OtherFocusReason);
    announce(next, QAccessible::DescriptionChanged);
}

QString SourceDialog::passwordHint() const
{
    return tr("An app password made for OpenArchiver is safer than your account password; the help next to the "
              "form says how to create one. %1 shows or hides the password.")
        .arg(QKeySequence(RevealShortcut).toString(QKeySequence::NativeText));
}
