#include "InboxWatchers.h"

#include "sources/IngestionSource.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcIdle, "openarchiver.idle")

InboxWatchers::InboxWatchers(Archive archive, QObject* parent)
    : QObject(parent)
    , m_archive(std::move(archive))
{
    qRegisterMetaType<InboxWatcher::End>();
}

InboxWatchers::~InboxWatchers()
{
    stopAll();
    // Each join is immediate after the cancel; the threads' finished
    // handlers must not run into a half-destroyed object.
    for (auto& [id, entry] : m_entries) {
        entry.thread->disconnect(this);
        entry.thread.reset();
    }
}

void InboxWatchers::setExtraCaCertificatesFile(const QString& path)
{
    m_extraCaFile = path;
}

void InboxWatchers::setRenewAfter(std::chrono::milliseconds renewAfter)
{
    m_renewAfter = renewAfter;
}

void InboxWatchers::setLostWatchMinimum(std::chrono::milliseconds minimum)
{
    m_lostWatchMinimum = minimum;
}

void InboxWatchers::watch(const IngestionSource& source, const QString& password)
{
    if (m_entries.count(source.id) != 0 || m_withoutIdle.contains(source.id)) {
        return;
    }
    Entry& entry = m_entries[source.id];
    entry.thread.reset(new QThread);
    entry.thread->setObjectName(QStringLiteral("idle-%1").arg(source.id));
    auto* watcher = new InboxWatcher(m_archive, m_extraCaFile, m_renewAfter);
    watcher->moveToThread(entry.thread.get());
    entry.watcher = watcher;
    const qint64 sourceId = source.id;
    QThread* thread = entry.thread.get();
    connect(thread, &QThread::finished, watcher, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, sourceId, thread] { handleThreadFinished(sourceId, thread); });
    connect(watcher, &InboxWatcher::newMail, this, &InboxWatchers::newMail);
    connect(watcher, &InboxWatcher::renewed, this, &InboxWatchers::renewed);
    connect(watcher, &InboxWatcher::watching, this, [this](qint64 id) {
        const auto found = m_entries.find(id);
        if (found != m_entries.end() && found->second.watcher) {
            found->second.watching = true;
            found->second.watchingFor.start();
            emit watchingChanged(id);
        }
    });
    connect(watcher, &InboxWatcher::ended, this, &InboxWatchers::handleEnded);
    thread->start();
    QMetaObject::invokeMethod(
        watcher, [watcher, source, password] { watcher->run(source, password); }, Qt::QueuedConnection);
}

void InboxWatchers::stop(qint64 sourceId)
{
    const auto found = m_entries.find(sourceId);
    if (found == m_entries.end() || !found->second.watcher) {
        return;
    }
    found->second.watcher->cancel();
}

void InboxWatchers::forget(qint64 sourceId)
{
    stop(sourceId);
    m_withoutIdle.remove(sourceId);
}

void InboxWatchers::stopAll()
{
    for (auto& [id, entry] : m_entries) {
        if (entry.watcher) {
            entry.watcher->cancel();
        }
    }
}

bool InboxWatchers::isWatching(qint64 sourceId) const
{
    const auto found = m_entries.find(sourceId);
    return found != m_entries.end() && found->second.watching;
}

int InboxWatchers::running() const
{
    return static_cast<int>(m_entries.size());
}

void InboxWatchers::handleEnded(qint64 sourceId, InboxWatcher::End end, const QString& why)
{
    const auto found = m_entries.find(sourceId);
    if (found == m_entries.end()) {
        return;
    }
    Entry& entry = found->second;
    entry.watcher = nullptr; // deleted with its thread
    entry.thread->quit();
    const bool wasWatching = std::exchange(entry.watching, false);
    switch (end) {
    case InboxWatcher::End::Unsupported:
        m_withoutIdle.insert(sourceId);
        qCInfo(lcIdle, "source %lld: %s", static_cast<long long>(sourceId), qUtf8Printable(why));
        break;
    case InboxWatcher::End::Failed:
    case InboxWatcher::End::NoInbox:
        qCInfo(
            lcIdle, "source %lld: watching the INBOX ended: %s", static_cast<long long>(sourceId), qUtf8Printable(why));
        break;
    case InboxWatcher::End::Cancelled:
        break;
    }
    if (wasWatching) {
        emit watchingChanged(sourceId);
    }
    if (end == InboxWatcher::End::Failed && wasWatching && entry.watchingFor.elapsed() >= m_lostWatchMinimum.count()) {
        emit watchLost(sourceId);
    }
}

void InboxWatchers::handleThreadFinished(qint64 sourceId, QThread* thread)
{
    const auto found = m_entries.find(sourceId);
    // While this entry exists watch() starts no other for the source, so
    // the check only guards against a stray signal.
    if (found == m_entries.end() || found->second.thread.get() != thread) {
        return;
    }
    m_entries.erase(found); // finished already: the join is immediate
    emit threadEnded(sourceId);
}
