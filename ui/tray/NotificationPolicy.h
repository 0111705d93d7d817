#pragma once

#include "sources/IngestionSource.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// Which desktop notifications the sources' changes deserve, and when: an
// initial import finished, a source that needs the user (once per new
// problem), a server unreachable for longer than one check interval (once
// per run of failures). What was so before the app started is not news: the
// first look only takes note. Notifications due close together are merged
// into one, and at most one is shown per MinimumGapMs; the rest wait and
// come merged. Pure logic, so tests drive it with their own clock.
class NotificationPolicy
{
public:
    static constexpr qint64 MinimumGapMs = 10000;

    struct Source
    {
        qint64 id = 0;
        QString name;
        IngestionSource::Status status = IngestionSource::Status::Importing;
        QString lastError;
        SyncFailure::Kind lastErrorKind = SyncFailure::Kind::None;
        QDateTime failingSince; // passes fail without an Error yet
        int checkIntervalMinutes = 5;
    };

    struct Notification
    {
        enum class Kind { ImportFinished, NeedsAttention, Unreachable };
        Kind kind = Kind::ImportFinished;
        qint64 sourceId = 0;
        QString sourceName;
        qint64 messages = -1; // ImportFinished: counted after the import ended
        QString detail; // NeedsAttention: the problem in words
        SyncFailure::Kind failureKind = SyncFailure::Kind::None; // NeedsAttention: what kind
    };

    // What was shown: one notification's words, or several merged.
    struct Shown
    {
        QString title;
        QString text;
        qint64 sourceId = 0; // a click opens its details; 0: the window
    };

    // The sources as they are now. Returns the imports that just finished:
    // their messages are to be counted (after the import, so the number is
    // final) and handed back through importCounted().
    QList<qint64> update(const QList<Source>& sources, const QDateTime& now);
    void importCounted(qint64 sourceId, qint64 messages);

    // What to show now (nothing while the last one is too recent or nothing
    // is due); `now` is also when it was shown.
    std::optional<Shown> take(const QDateTime& now);
    // When take() may next have something, invalid when nothing waits.
    QDateTime nextDue(const QDateTime& now) const;

    static Shown describe(const QList<Notification>& due);

private:
    QHash<qint64, IngestionSource::Status> m_status;
    QHash<qint64, QString> m_problemSaid; // the Error said for a source: its kind, or kind and words
    QHash<qint64, QDateTime> m_unreachableSaid; // the failingSince said
    QHash<qint64, QString> m_importing; // finished, waiting for their count: names
    QList<Notification> m_due;
    QDateTime m_lastShown;
    bool m_seen = false; // the first look was taken
};
