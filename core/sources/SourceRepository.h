#pragma once

#include "IngestionSource.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// The ingestion sources stored in the archive file, next to their mail.
class SourceRepository
{
public:
    explicit SourceRepository(QSqlDatabase db);

    // Stores a new source and returns it with its id and timestamps. Fails
    // with a readable message when the name is taken or a field is invalid.
    std::optional<IngestionSource> add(const IngestionSource& source, QString* error);
    // A source for mail imported from files (IngestionSource::isLocal):
    // only a name, Active from the start, never synced.
    std::optional<IngestionSource> addLocal(const QString& name, QString* error);
    // Saves every field of an existing source.
    bool update(const IngestionSource& source, QString* error);
    // `lastError` with no kind is what a pass that got through left out
    // (its problems); with a kind, the failure the source keeps showing.
    bool setStatus(qint64 id,
                   IngestionSource::Status status,
                   const QString& lastError,
                   SyncFailure::Kind lastErrorKind,
                   QString* error);
    // A pass got through: also ends a run of failures (failingSince).
    bool markSynced(qint64 id, const QDateTime& at, QString* error);
    // A pass failed: keeps the status (Active, Importing) unless makeError,
    // and remembers when the run of failures began.
    bool recordFailure(qint64 id,
                       const QString& lastError,
                       SyncFailure::Kind kind,
                       const QDateTime& at,
                       bool makeError,
                       QString* error);
    // Deletes a source that was just added and never used (no folders, no
    // events): the rollback when its password could not be stored.
    bool discardNew(qint64 id, QString* error);
    // Forgets every folder checkpoint and location of the source and puts it
    // back to Importing (unless paused): the next pass imports everything
    // again, as after a UIDVALIDITY change, storing nothing twice. Archived
    // messages stay (searchable, in "All mail") even when the new account
    // does not have them. Used when the user points a source at another
    // server or account.
    bool restartImport(qint64 id, QString* error);

    std::optional<IngestionSource> find(qint64 id) const;
    std::optional<IngestionSource> findByName(const QString& name) const;
    // The sources the user has, by name; removed ones are left out.
    QList<IngestionSource> list() const;
    // Sources removed with their mail kept that still hold some: the mail
    // stays reachable, and can be deleted later (SourceService).
    QList<IngestionSource> listRemovedWithMail() const;

    // Removes the source from the list and stops it for good, keeping every
    // message it archived (still browsable, still searchable). Its name is
    // freed for a new source.
    bool removeKeepingMail(qint64 id, QString* error);

    // What add() and update() refuse, in one sentence; false with *error.
    static bool validate(const IngestionSource& source, QString* error);

private:
    QSqlDatabase m_db;
};
