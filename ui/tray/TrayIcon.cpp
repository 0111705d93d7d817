#include "TrayIcon.h"

#include "Notifier.h"
#include "TrayIconArt.h"
#include "common/AppInfo.h"
#include "sources/SourceTableModel.h"
#include "sync/SyncManager.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

TrayIcon::TrayIcon(SourceTableModel* model, SyncManager* manager, QObject* parent)
    : QObject(parent)
    , m_model(model)
    , m_manager(manager)
    , m_icon(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
{
    m_open = m_menu->addAction(tr("&Open %1").arg(AppInfo::displayName()));
    m_open->setObjectName(QStringLiteral("trayOpenAction"));
    QFont bold = m_open->font();
    bold.setBold(true);
    m_open->setFont(bold); // what a click on the icon does
    m_menu->addSeparator();
    m_syncAll = m_menu->addAction(tr("&Sync All Now"));
    m_syncAll->setObjectName(QStringLiteral("traySyncAllAction"));
    m_pauseResume = m_menu->addAction(tr("&Pause All"));
    m_pauseResume->setObjectName(QStringLiteral("trayPauseResumeAction"));
    m_menu->addSeparator();
    m_notifications = m_menu->addAction(tr("Show &Notifications"));
    m_notifications->setObjectName(QStringLiteral("trayNotificationsAction"));
    m_notifications->setCheckable(true);
    m_notifications->setChecked(Notifier::isEnabled());
    connect(m_notifications, &QAction::toggled, this, [](bool on) { Notifier::setEnabled(on); });
    m_quit = m_menu->addAction(tr("&Quit"));
    m_quit->setObjectName(QStringLiteral("trayQuitAction"));

    connect(m_open, &QAction::triggered, this, &TrayIcon::openRequested);
    connect(m_syncAll, &QAction::triggered, this, &TrayIcon::syncAllRequested);
    connect(m_pauseResume, &QAction::triggered, this, [this] {
        if (m_state.anyRunning) {
            emit pauseAllRequested();
        } else {
            emit resumeAllRequested();
        }
    });
    connect(m_quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
            emit toggleWindowRequested();
        }
    });
    m_icon->setContextMenu(m_menu);

    // The model says summaryChanged() after every change of a row, a count
    // or an activity (at most a few times a second during an import): the
    // one signal that covers what the tray shows.
    connect(m_model, &SourceTableModel::summaryChanged, this, &TrayIcon::refresh);
    refresh();
}

// The menu has no parent widget (a tray menu must not belong to a window
// that may be hidden or gone).
TrayIcon::~TrayIcon()
{
    delete m_menu;
}

void TrayIcon::show()
{
    m_icon->show();
}

bool TrayIcon::isVisible() const
{
    return m_icon->isVisible();
}

TrayState TrayIcon::state() const
{
    return m_state;
}

QSystemTrayIcon* TrayIcon::systemTrayIcon() const
{
    return m_icon;
}

QMenu* TrayIcon::menu() const
{
    return m_menu;
}

QAction* TrayIcon::openAction() const
{
    return m_open;
}

QAction* TrayIcon::syncAllAction() const
{
    return m_syncAll;
}

QAction* TrayIcon::pauseResumeAction() const
{
    return m_pauseResume;
}

QAction* TrayIcon::notificationsAction() const
{
    return m_notifications;
}

QAction* TrayIcon::quitAction() const
{
    return m_quit;
}

void TrayIcon::notify(const QString& title, const QString& text)
{
    m_icon->showMessage(title, text, TrayIconArt::icon(m_state.look), 10000);
    emit notificationShown(title, text);
}

void TrayIcon::refresh()
{
    QList<TrayState::Source> sources;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const auto source = m_model->source(m_model->sourceIdAt(row));
        if (!source) {
            continue;
        }
        sources.append({source->name,
                        source->status,
                        m_manager->activity(source->id).state == SyncManager::Activity::State::Syncing,
                        source->isFailing()});
    }
    const TrayState state = TrayState::of(sources, m_model->archiveTotals().messages, m_model->isLoaded());
    if (!m_hasLook || state.look != m_state.look) {
        m_icon->setIcon(TrayIconArt::icon(state.look));
    }
    if (!m_hasLook || state.toolTip != m_state.toolTip) {
        m_icon->setToolTip(state.toolTip);
    }
    m_hasLook = true;
    m_syncAll->setEnabled(state.anyRunning);
    // Resume only when every source is paused; with none, Pause (disabled).
    m_pauseResume->setText(!state.anyRunning && state.anyPaused ? tr("&Resume All") : tr("&Pause All"));
    m_pauseResume->setEnabled(!sources.isEmpty());
    m_state = state;
}
