#include "NotificationPolicy.h"

#include <QCoreApplication>
#include <QLocale>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(NotificationPolicy)
};

// The same problem said again is no news, even in other words (a folder's
// name, a count in the sentence): its kind names it. Where the kind alone
// does not (another certificate, another refused request, an unknown
// failure) the words do.
QString problemOf(const NotificationPolicy::Source& source)
{
    using Kind = SyncFailure::Kind;
    switch (source.lastErrorKind) {
    case Kind::None:
    case Kind::Other:
    case Kind::Certificate:
    case Kind::ServerRefused:
    case Kind::Storage:
        return SyncFailure::key(source.lastErrorKind) + QLatin1Char('\n') + source.lastError;
    default:
        return SyncFailure::key(source.lastErrorKind);
    }
}

} // namespace

QList<qint64> NotificationPolicy::update(const QList<Source>& sources, const QDateTime& now)
{
    using Status = IngestionSource::Status;
    QList<qint64> finished;
    QHash<qint64, Status> seen;
    for (const Source& source : sources) {
        seen.insert(source.id, source.status);
        const auto before = m_status.constFind(source.id);
        const bool known = m_seen && before != m_status.constEnd();
        if (known && before.value() == Status::Importing && source.status == Status::Active) {
            m_importing.insert(source.id, source.name);
            finished << source.id;
        }
        if (source.status == Status::Error) {
            // Once per problem: the same one again is no news; another one
            // (or the problem coming back after it was solved) is.
            const QString problem = problemOf(source);
            if (m_problemSaid.value(source.id) != problem) {
                if (m_seen) {
                    m_due.append({Notification::Kind::NeedsAttention,
                                  source.id,
                                  source.name,
                                  -1,
                                  source.lastError,
                                  source.lastErrorKind});
                }
                m_problemSaid.insert(source.id, problem);
            }
        } else {
            m_problemSaid.remove(source.id);
        }
        const bool failing =
            source.failingSince.isValid() && source.status != Status::Error && source.status != Status::Paused;
        if (!failing) {
            m_unreachableSaid.remove(source.id);
        } else if (m_unreachableSaid.value(source.id) != source.failingSince
                   && source.failingSince.secsTo(now) >= qint64(source.checkIntervalMinutes) * 60) {
            // Failing before the app started counts from when it started
            // failing: unreachable for an interval is news either way.
            m_due.append(
                {Notification::Kind::Unreachable, source.id, source.name, -1, source.lastError, source.lastErrorKind});
            m_unreachableSaid.insert(source.id, source.failingSince);
        }
    }
    // Removed sources are forgotten, and nothing waits for them.
    for (auto it = m_importing.begin(); it != m_importing.end();) {
        it = seen.contains(it.key()) ? std::next(it) : m_importing.erase(it);
    }
    m_due.removeIf([&seen](const Notification& n) { return !seen.contains(n.sourceId); });
    m_status = seen;
    m_seen = true;
    return finished;
}

void NotificationPolicy::importCounted(qint64 sourceId, qint64 messages)
{
    const auto waiting = m_importing.constFind(sourceId);
    if (waiting == m_importing.constEnd()) {
        return;
    }
    m_due.append({Notification::Kind::ImportFinished, sourceId, waiting.value(), messages, {}, {}});
    m_importing.erase(waiting);
}

QDateTime NotificationPolicy::nextDue(const QDateTime& now) const
{
    if (m_due.isEmpty()) {
        return {};
    }
    if (!m_lastShown.isValid()) {
        return now;
    }
    return std::max(now, m_lastShown.addMSecs(MinimumGapMs));
}

std::optional<NotificationPolicy::Shown> NotificationPolicy::take(const QDateTime& now)
{
    if (m_due.isEmpty() || (m_lastShown.isValid() && m_lastShown.msecsTo(now) < MinimumGapMs)) {
        return std::nullopt;
    }
    const Shown shown = describe(m_due);
    m_due.clear();
    m_lastShown = now;
    return shown;
}

NotificationPolicy::Shown NotificationPolicy::describe(const QList<Notification>& due)
{
    const auto line = [](const Notification& n) {
        switch (n.kind) {
        case Notification::Kind::ImportFinished:
            //: A notification: %1 is a source's name.
            return Tr::tr("%1: %Ln message(s) archived", nullptr, static_cast<int>(n.messages)).arg(n.sourceName);
        case Notification::Kind::NeedsAttention:
            return n.detail.isEmpty() ? Tr::tr("%1 needs your attention.").arg(n.sourceName)
                                      : Tr::tr("%1: %2").arg(n.sourceName, n.detail);
        case Notification::Kind::Unreachable:
            return Tr::tr("%1 could not reach its server for a while; it keeps trying.").arg(n.sourceName);
        }
        return QString();
    };
    Shown shown;
    if (due.size() == 1) {
        const Notification& n = due.first();
        shown.sourceId = n.sourceId;
        switch (n.kind) {
        case Notification::Kind::ImportFinished:
            shown.title = Tr::tr("Import finished");
            break;
        case Notification::Kind::NeedsAttention: {
            // What kind of problem, where the kind says more than "a problem".
            const QString problem =
                n.failureKind == SyncFailure::Kind::Other ? QString() : SyncFailure::title(n.failureKind);
            //: A notification's title: %1 is a source's name, %2 what went wrong ("Password rejected")
            shown.title = problem.isEmpty() ? Tr::tr("%1 needs attention").arg(n.sourceName)
                                            : Tr::tr("%1: %2").arg(n.sourceName, problem);
            break;
        }
        case Notification::Kind::Unreachable:
            shown.title = Tr::tr("%1 is unreachable").arg(n.sourceName);
            break;
        }
        shown.text = line(n);
        return shown;
    }
    QStringList lines;
    for (const Notification& n : due) {
        lines << line(n);
    }
    shown.title = Tr::tr("%Ln update(s) from your sources", nullptr, static_cast<int>(due.size()));
    shown.text = lines.join(QLatin1Char('\n'));
    return shown;
}
