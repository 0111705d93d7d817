#include "SettingsDialog.h"

#include "ArchiveMoveDialog.h"
#include "common/AppInfo.h"
#include "common/AppSettings.h"
#include "common/Autostart.h"
#include "common/ThemeColors.h"
#include "common/Translations.h"
#include "sync/SyncManager.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

SettingsDialog::SettingsDialog(SyncManager* manager, QWidget* parent)
    : QDialog(parent)
    , m_manager(manager)
    , m_interval(new QSpinBox(this))
    , m_concurrent(new QSpinBox(this))
    , m_language(new QComboBox(this))
    , m_archivePath(new QLabel(this))
    , m_moveArchive(new QPushButton(tr("Mo&ve…"), this))
    , m_languageNote(new QLabel(tr("The new language is used when %1 starts next.").arg(AppInfo::displayName()), this))
    , m_startAtLogin(new QCheckBox(tr("Start when I &log in"), this))
    , m_startMinimized(new QCheckBox(tr("Start in the &tray, without the window"), this))
    , m_notifications(new QCheckBox(tr("Show &notifications (an import finished, a source needs attention)"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;

    using AppSettings::Key;
    m_interval->setObjectName(QStringLiteral("defaultIntervalSpin"));
    m_interval->setRange(1, 1440);
    //: The unit after the check interval's number.
    m_interval->setSuffix(tr(" minutes"));
    m_interval->setValue(AppSettings::defaultCheckIntervalMinutes());
    m_interval->setAccessibleName(tr("Check new sources for mail every (minutes)"));
    m_interval->setToolTip(tr("For sources added from now on; each source's own interval is in its Details."));
    form->addRow(tr("Check new sources &every:"), m_interval);

    m_concurrent->setObjectName(QStringLiteral("concurrentSourcesSpin"));
    m_concurrent->setRange(1, 8);
    m_concurrent->setValue(AppSettings::concurrentSources());
    m_concurrent->setAccessibleName(tr("Sources syncing at once"));
    m_concurrent->setToolTip(tr("More at once finishes sooner on a fast line; some servers limit connections."));
    form->addRow(tr("Sync at &most this many sources at once:"), m_concurrent);

    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->setAccessibleName(tr("Language"));
    const QLocale system = QLocale::system();
    // The "C" locale of a bare session names no language (Qt shows English).
    const QString systemLanguage = system.language() == QLocale::C
        ? QString()
        : Translations::nativeName(system.name().section(QLatin1Char('_'), 0, 0));
    //: %1 is the system's language in its own words, such as "Deutsch".
    m_language->addItem(systemLanguage.isEmpty() ? tr("System default") : tr("System default (%1)").arg(systemLanguage),
                        QString());
    for (const QString& language : Translations::available()) {
        m_language->addItem(Translations::nativeName(language), language);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(AppSettings::language())));
    form->addRow(tr("Lang&uage:"), m_language);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);
    ThemeColors::apply(m_languageNote, ThemeColors::Role::Secondary);
    m_languageNote->hide();
    form->addRow(QString(), m_languageNote);
    const QString chosenAtStart = AppSettings::language();
    connect(m_language, &QComboBox::currentIndexChanged, this, [this, chosenAtStart] {
        m_languageNote->setVisible(m_language->currentData().toString() != chosenAtStart);
    });
    m_archivePath->setObjectName(QStringLiteral("archivePathLabel"));
    m_archivePath->setWordWrap(true);
    m_archivePath->setTextFormat(Qt::PlainText);
    m_archivePath->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // A path wraps only where it must: at 45 characters most stay on a line.
    m_archivePath->setMinimumWidth(fontMetrics().averageCharWidth() * 45);
    m_moveArchive->setObjectName(QStringLiteral("moveArchiveButton"));
    m_moveArchive->setAccessibleName(tr("Move the archive to another place"));
    m_moveArchive->hide();
    connect(m_moveArchive, &QPushButton::clicked, this, &SettingsDialog::showArchiveMove);
    auto* archiveRow = new QHBoxLayout;
    archiveRow->addWidget(m_archivePath, 1);
    archiveRow->addWidget(m_moveArchive, 0, Qt::AlignTop);
    form->addRow(tr("Archive:"), archiveRow);
    layout->addLayout(form);

    m_startAtLogin->setObjectName(QStringLiteral("startAtLoginCheck"));
    m_startAtLogin->setChecked(AppSettings::startAtLogin());
    m_startMinimized->setObjectName(QStringLiteral("startMinimizedCheck"));
    m_startMinimized->setChecked(AppSettings::startMinimized());
    m_notifications->setObjectName(QStringLiteral("notificationsCheck"));
    m_notifications->setChecked(AppSettings::notificationsEnabled());
    layout->addWidget(m_startAtLogin);
    layout->addWidget(m_startMinimized);
    layout->addWidget(m_notifications);

    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("saveSettingsButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);
}

void SettingsDialog::setArchive(const QString& path, bool movable)
{
    m_archivePath->setText(QDir::toNativeSeparators(path));
    m_archivePath->setAccessibleName(tr("Archive file"));
    m_moveArchive->setVisible(movable && m_manager);
    m_moveArchive->setToolTip(tr("Copies the archive to a new file, checks the copy and restarts with it."));
}

ArchiveMoveDialog* SettingsDialog::showArchiveMove()
{
    if (auto* open = findChild<ArchiveMoveDialog*>()) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* dialog = new ArchiveMoveDialog(QDir::fromNativeSeparators(m_archivePath->text()), m_manager, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ArchiveMoveDialog::moved, this, &SettingsDialog::archiveMoved);
    dialog->show();
    return dialog;
}

void SettingsDialog::accept()
{
    using AppSettings::Key;
    // The login entry first: it is the one that can fail, and then nothing
    // is saved and the dialog says why.
    if (m_startAtLogin->isChecked() != AppSettings::startAtLogin()) {
        QString error;
        if (!Autostart::setEnabled(m_startAtLogin->isChecked(), QCoreApplication::applicationFilePath(), &error)) {
            m_message->setText(tr("Start at login could not be changed: %1").arg(error));
            ThemeColors::apply(m_message, ThemeColors::Role::Error);
            m_message->show();
            return;
        }
    }
    AppSettings::setValue(Key::StartAtLogin, m_startAtLogin->isChecked());
    AppSettings::setValue(Key::DefaultCheckIntervalMinutes, m_interval->value());
    AppSettings::setValue(Key::ConcurrentSources, m_concurrent->value());
    AppSettings::setValue(Key::StartMinimized, m_startMinimized->isChecked());
    AppSettings::setValue(Key::NotificationsEnabled, m_notifications->isChecked());
    AppSettings::setValue(Key::Language, m_language->currentData().toString());
    if (m_manager) {
        m_manager->setConcurrencyLimit(m_concurrent->value());
    }
    QDialog::accept();
}
