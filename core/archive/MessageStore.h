#pragma once

#include "ArchiveTypes.h"
#include "CompressionDictionary.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

class WalCheckpointer;

// The write side of the archive: folders, and batches of messages stored
// together with their folder's checkpoint in one transaction.
class MessageStore
{
public:
    explicit MessageStore(QSqlDatabase db);

    // The archive file this store writes to.
    QString archivePath() const;

    // Hashes, parses and compresses (with `dictionary` when given and the
    // message is small). Pure computation, no database: run it wherever there
    // is a spare core. Move the message in when it is no longer needed: its
    // bytes are then freed as soon as their packed form exists, which keeps
    // a huge message from being held three times (docs/benchmarks.md).
    static PreparedMessage prepare(FetchedMessage message, const SharedDictionary& dictionary = {});

    // The archive's current dictionary, to pass to prepare(); null until
    // enough mail has been stored to train one. Ask again after each batch:
    // storeBatch() trains the first one once it has seen enough samples.
    SharedDictionary dictionary();

    // The source's id, created on first use.
    qint64 ensureSource(const QString& name, QString* error);
    // The folder's id, created on first use (checkpoint empty). `name` is
    // the server's name, byte for byte, and what the folder is found by;
    // `path` is how people see it.
    qint64 ensureFolder(
        qint64 sourceId, const QByteArray& name, const QString& path, const QString& delimiter, QString* error);
    // The current folder of the source with exactly this server name: 0
    // when there is none, -1 when the archive cannot be read (`error`).
    qint64 findFolder(qint64 sourceId, const QByteArray& name, QString* error) const;
    // Why the folder's last pass failed; empty once a pass went through.
    bool setFolderError(qint64 folderId, const QString& folderError, QString* error);
    // A pass looked at the folder and found it as its last complete check
    // left it (nothing to fetch): "checked" moves to now, the counts stay.
    bool markChecked(qint64 folderId, QString* error);
    FolderCheckpoint checkpoint(qint64 folderId) const;
    // The UIDs under which the folder's messages are archived.
    QSet<quint32> archivedUids(qint64 folderId) const;
    // Records the completeness check of a pass: which archived UIDs the
    // server no longer has (their messages stay archived, marked deleted on
    // the server) and how many of the server's messages the archive holds.
    // Failures of messages now archived, or no longer on the server, end.
    bool
    recordCompleteness(qint64 folderId, const QList<quint32>& serverUids, qint64* archivedOfServer, QString* error);

    // The server renumbered the folder (a new UIDVALIDITY): its locations
    // move to a retired copy of the folder (kept, with the old UIDVALIDITY),
    // and the folder starts afresh. Nothing leaves the archive; a fresh pass
    // links the messages still on the server again.
    bool retireFolder(qint64 folderId, quint32 uidValidity, QString* error);

    // Stores the messages and advances the folder's checkpoint, atomically:
    // after a crash either all of it is there or none. Bytes already in the
    // archive are not stored again; only a location is added. `failures`
    // (messages of the batch that could not be archived) are recorded in
    // the same transaction. Returns false with *error (the transaction
    // rolled back, nothing changed) on failure, e.g. a full disk.
    bool storeBatch(const QList<PreparedMessage>& messages,
                    const FolderCheckpoint& checkpoint,
                    StoreResult* result,
                    QString* error,
                    const QList<MessageFailure>& failures = {});

private:
    bool prepareStatements(QString* error);
    void useBackgroundCheckpoints();
    void collectSamples(const QList<PreparedMessage>& messages);
    qint64 findMessage(const QByteArray& sha256, QString* error);
    qint64 insertMessage(const PreparedMessage& message, QString* error);

    QSqlDatabase m_db;
    // Prepared once and reused for every message: preparing them anew for
    // each one cost about a tenth of the store time.
    bool m_statementsReady = false;
    QSqlQuery m_findMessage;
    QSqlQuery m_insertBlob;
    QSqlQuery m_insertMessage;
    QSqlQuery m_insertAttachment;
    QSqlQuery m_insertIndexEntry;
    QSqlQuery m_insertLocation;

    bool m_dictionaryLoaded = false;
    SharedDictionary m_dictionary;
    QList<QByteArray> m_samples;
    // Shared by every store writing to the same archive (WalCheckpointer).
    std::shared_ptr<WalCheckpointer> m_checkpointer;
};
