#pragma once

#include "InboxWatcher.h"
#include "archive/Archive.h"
#include "common/JoinedThread.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QString>

#include <chrono>
#include <map>

struct IngestionSource;

// The IDLE watchers of the sources that have one, each an InboxWatcher on a
// thread of its own, for SyncManager: it says when to watch and when to
// stop, and turns newMail() into a pass. A watcher that fails is not
// restarted here; the next successful pass asks for it again, so a server
// that drops IDLE connections costs one attempt per check, never a loop.
class InboxWatchers : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxWatchers)

public:
    InboxWatchers(Archive archive, QObject* parent = nullptr);
    // Cancels every watcher and joins its thread (milliseconds: the cancel
    // shuts the socket down).
    ~InboxWatchers() override;

    void setExtraCaCertificatesFile(const QString& path);
    // Test hook: how often an IDLE is renewed.
    void setRenewAfter(std::chrono::milliseconds renewAfter);
    // How long a watch must have lasted for its loss to be news
    // (watchLost()); a server that drops every watch at once would
    // otherwise start a pass each time. Test hook.
    void setLostWatchMinimum(std::chrono::milliseconds minimum);
    static constexpr std::chrono::milliseconds DefaultLostWatchMinimum = std::chrono::minutes(1);

    // Starts watching the source's INBOX unless a watcher runs for it
    // already, or its server said it has no IDLE (until forget()).
    void watch(const IngestionSource& source, const QString& password);
    // The watcher stops; its thread ends by itself soon after.
    void stop(qint64 sourceId);
    // stop(), and what was learnt about the server goes: the source was
    // edited or removed.
    void forget(qint64 sourceId);
    void stopAll();

    // The server accepted IDLE and the watcher is waiting for news.
    bool isWatching(qint64 sourceId) const;
    // Watcher threads still running, stopped ones included until they end.
    int running() const;

signals:
    void newMail(qint64 sourceId);
    // isWatching() changed for the source.
    void watchingChanged(qint64 sourceId);
    // A watch that had been running failed (the server went away, the
    // network broke): the table must not go on saying "up to date" until
    // the next check, so the source checks now.
    void watchLost(qint64 sourceId);
    // A watcher's thread ended.
    void threadEnded(qint64 sourceId);
    // Test hook: an IDLE was renewed.
    void renewed(qint64 sourceId);

private:
    struct Entry
    {
        InboxWatcher* watcher = nullptr; // lives on thread; null once ended
        JoinedThread thread;
        bool watching = false;
        QElapsedTimer watchingFor; // since the server accepted IDLE
    };
    void handleEnded(qint64 sourceId, InboxWatcher::End end, const QString& why);
    void handleThreadFinished(qint64 sourceId, QThread* thread);

    Archive m_archive;
    QString m_extraCaFile;
    std::chrono::milliseconds m_renewAfter = InboxWatcher::DefaultRenewAfter;
    std::chrono::milliseconds m_lostWatchMinimum = DefaultLostWatchMinimum;
    std::map<qint64, Entry> m_entries;
    QSet<qint64> m_withoutIdle; // servers that said they have no IDLE
};
