#pragma once

#include "archive/ArchiveReader.h"
#include "sources/IngestionSource.h"
#include "values/SyncFailure.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class CancelToken;

// What to restore, and where to.
struct RestoreRequest
{
    // The account to put the mail in: an existing source's, or one given
    // for this restore only (host, port, security, user, a trusted
    // certificate's fingerprint). Its folders are never read for archiving.
    IngestionSource target;
    QString password;
    QString extraCaFile; // tests: a CA to trust besides the system's

    // These messages; when empty, every message of `list` (a folder, a
    // source, all mail, a search), as for an export.
    QList<qint64> messageIds;
    MessageListQuery list;

    // Each message into the folder it was archived from (its path in the
    // source given by `list`, else its first location), created as needed
    // with the target's delimiter; otherwise all into `folder` ("/" between
    // levels).
    bool keepFolders = false;
    QString folder = QStringLiteral("Restored");
};

struct RestoreResult
{
    qint64 total = 0; // messages asked for
    qint64 appended = 0; // put on the server by this run
    qint64 alreadyThere = 0; // the destination folder holds them already
    qint64 unreadable = 0; // not readable from the archive
    qint64 refused = 0; // the server said NO to them
    qint64 bytes = 0; // appended
    QStringList foldersCreated; // as people read them
    QStringList problems; // the first few messages unreadable or refused, in words
    QString error; // why the restore stopped; empty unless it did
    std::optional<SyncFailure> failure; // when it could not connect or lost the server
    bool cancelled = false;
    bool pipelined = false; // APPENDs were sent without waiting (LITERAL+)

    bool succeeded() const { return error.isEmpty() && !failure && !cancelled; }
    // "Restored 1,204 messages (38.2 MB) to anna@example.org on imap.example.org; 30 were there already."
    QString summary(const IngestionSource& target) const;
};

// Puts archived messages back on an IMAP server — the one thing the app
// writes to a server, and only when the user asks. Each message is
// APPENDed with exactly its archived bytes, its archived flags (\Seen,
// \Answered, \Flagged, \Draft and keywords; never \Deleted) and its
// INTERNALDATE, pipelined where the server allows.
//
// Idempotent and resumable: before appending to a folder it reads what the
// folder holds (Message-ID, Date and size of each message, ImapWriter), and
// a message that is there already is not appended again — so a restore
// that was interrupted, or is run twice, creates no duplicates. A message
// without Message-ID and Date cannot be told apart by that and is always
// appended.
//
// Blocking: the GUI runs it on a worker thread, the CLI in its own.
class MessageRestore
{
    Q_DECLARE_TR_FUNCTIONS(MessageRestore)

public:
    // After each message: done (appended, already there, unreadable or
    // refused) of total; the bytes appended. Return false to stop after
    // the APPENDs on their way are answered.
    using Progress = std::function<bool(qint64 done, qint64 total, qint64 bytes)>;

    MessageRestore(QString archivePath, RestoreRequest request);

    // How many APPENDs, and how many bytes of them, may be on their way at
    // once when the server allows pipelining.
    static constexpr int MaxInFlight = 32;
    static constexpr qint64 MaxInFlightBytes = 8 * 1024 * 1024;
    // With MULTIAPPEND: messages (or bytes) an APPEND carries, stored by
    // the server in one transaction, and how many such APPENDs may be on
    // their way (the next is sent while the server stores one).
    static constexpr int BatchMessages = 50;
    static constexpr qint64 BatchBytes = 4 * 1024 * 1024;
    static constexpr int BatchesInFlight = 2;

    // Messages an APPEND carries where the server has MULTIAPPEND (1: one
    // APPEND each, pipelined); BatchMessages unless set.
    void setBatchMessages(int messages);

    RestoreResult run(const Progress& progress = {}, std::shared_ptr<CancelToken> token = {});

    // The folder name a path of the archive gets on a server with
    // `delimiter`: levels split at `sourceDelimiter`, a level's own
    // delimiter characters replaced, in modified UTF-7.
    static QByteArray mailboxName(const QString& path, QChar sourceDelimiter, QChar delimiter);

private:
    struct Item;
    QList<Item> plan(RestoreResult* result) const;

    QString m_archivePath;
    RestoreRequest m_request;
    int m_batchMessages = BatchMessages;
};
