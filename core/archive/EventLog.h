#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// The archive's append-only history: sources created, syncs started and
// finished with their counts, errors, verify results. The details view and
// troubleshooting read it; nothing ever changes or removes a row (triggers
// in the schema enforce that).
struct ArchiveEvent
{
    qint64 id = 0;
    QDateTime at; // UTC
    qint64 sourceId = 0; // 0: the archive as a whole
    QString kind; // "source.created", "sync.finished", "verify.finished", …
    QString message; // one line for people
    QJsonObject details; // counts and facts for tools
};

class EventLog
{
public:
    explicit EventLog(QSqlDatabase db);

    bool append(const QString& kind,
                const QString& message,
                qint64 sourceId = 0,
                const QJsonObject& details = {},
                QString* error = nullptr);

    // Newest first. sourceId 0 lists every event.
    QList<ArchiveEvent> recent(qint64 sourceId = 0, int limit = 200) const;

private:
    QSqlDatabase m_db;
};
