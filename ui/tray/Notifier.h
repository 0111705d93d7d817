#pragma once

#include "NotificationPolicy.h"

#include <QObject>

class ArchiveQueryRunner;
class QTimer;
class SourceTableModel;
class TrayIcon;

// Shows the desktop notifications NotificationPolicy decides on, through
// the tray icon (desktop notifications on Linux, the tray's balloon
// elsewhere): an initial import finished with its count, a source that
// needs attention, a server unreachable for an interval. It follows the
// Ingestions table's model, as the tray does, and counts a finished
// import's messages off the UI thread after the import, so the number is
// the final one. The user can turn them off (tray menu; one setting).
class Notifier : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)

public:
    Notifier(SourceTableModel* model, ArchiveQueryRunner* queries, TrayIcon* tray, QObject* parent = nullptr);
    ~Notifier() override;

    // The setting (AppSettings::NotificationsEnabled, on by default).
    static bool isEnabled();
    static void setEnabled(bool enabled);

    // Something is decided and waits to be shown (tests wait for none).
    bool hasPending() const;

signals:
    // The user clicked a notification: 0 means the window, else the
    // source whose details to show.
    void openRequested(qint64 sourceId);

private:
    void evaluate();
    void scheduleFlush();
    void flush();

    SourceTableModel* m_model;
    ArchiveQueryRunner* m_queries;
    TrayIcon* m_tray;
    NotificationPolicy m_policy;
    QTimer* m_flush;
    // While a source fails, "unreachable for an interval" comes with time,
    // not with a change of the model: looked at once a minute then.
    QTimer* m_clock;
    qint64 m_clickTarget = 0;
    int m_counting = 0; // finished imports being counted
};
