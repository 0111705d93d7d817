#include "EventLog.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

EventLog::EventLog(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool EventLog::append(
    const QString& kind, const QString& message, qint64 sourceId, const QJsonObject& details, QString* error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO events (at, source_id, kind, message, details) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
    query.addBindValue(sourceId > 0 ? QVariant(sourceId) : QVariant());
    query.addBindValue(kind);
    query.addBindValue(message);
    query.addBindValue(details.isEmpty()
                           ? QVariant()
                           : QVariant(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))));
    if (!query.exec()) {
        if (error) {
            *error = query.lastError().text();
        }
        return false;
    }
    return true;
}

QList<ArchiveEvent> EventLog::recent(qint64 sourceId, int limit) const
{
    QSqlQuery query(m_db);
    if (sourceId > 0) {
        query.prepare(QStringLiteral("SELECT id, at, source_id, kind, message, details FROM events "
                                     "WHERE source_id = ? ORDER BY id DESC LIMIT ?"));
        query.addBindValue(sourceId);
    } else {
        query.prepare(
            QStringLiteral("SELECT id, at, source_id, kind, message, details FROM events ORDER BY id DESC LIMIT ?"));
    }
    query.addBindValue(limit);
    QList<ArchiveEvent> events;
    if (!query.exec()) {
        return events;
    }
    while (query.next()) {
        ArchiveEvent event;
        event.id = query.value(0).toLongLong();
        event.at = QDateTime::fromSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
        event.sourceId = query.value(2).toLongLong();
        event.kind = query.value(3).toString();
        event.message = query.value(4).toString();
        event.details = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
        events << event;
    }
    return events;
}
