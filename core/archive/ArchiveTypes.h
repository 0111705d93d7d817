#pragma once

#include "mime/ParsedMessage.h"
#include "values/FetchedMessage.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// Hashed, compressed and parsed off the database thread's critical path, so
// the write transaction only inserts.
struct PreparedMessage
{
    quint32 uid = 0;
    QStringList flags;
    QDateTime internalDate;
    QByteArray sha256; // of the raw bytes
    QByteArray compressed; // zstd frame of the raw bytes
    int compression = 1; // BlobCodec::Compression
    qint64 dictionaryId = 0;
    qint64 rawSize = 0;
    // The start of a small message, kept only while the archive has no
    // dictionary yet: what the first one is trained on.
    QByteArray trainingSample;
    ParsedMessage parsed;
};

// Where a folder's sync stands. Written in the same transaction as the
// messages it covers: after a crash it never claims more than is stored.
struct FolderCheckpoint
{
    qint64 folderId = 0;
    quint32 uidValidity = 0;
    quint32 lastUid = 0; // every UID up to this one is archived
    quint32 uidNext = 0;
    quint64 highestModSeq = 0;
    qint64 serverCount = -1; // MESSAGES at the time, -1 when unknown
    // The last pass proved every UID the server listed archived: no UID
    // missing, no message failed, no folder error. Only then may the next
    // pass skip the folder as unchanged.
    bool lastPassComplete = false;
};

// A message of a folder that could not be archived on a pass (the server
// left it out of its FETCH answer, it is larger than the archive takes, …).
// Kept per (folder, UID) with its reason; every later pass tries it again
// and the row goes once the message is stored.
struct MessageFailure
{
    quint32 uid = 0;
    qint64 size = -1; // RFC822.SIZE when known
    QString reason; // a sentence for people
};

struct StoreResult
{
    int newMessages = 0; // bytes never seen before in this archive
    int duplicates = 0; // bytes already archived (another folder, source or pass)
    int locations = 0; // (folder, UID) entries written
};
