#pragma once

#include "BlobCodec.h"
#include "CompressionDictionary.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

// What verify found. Clean means every message reads back to the bytes it was
// stored as and every table agrees with the others.
struct VerifyReport
{
    qint64 blobsChecked = 0;
    qint64 blobsDamaged = 0; // the sum of the three kinds below
    qint64 blobsTruncated = 0; // frames that end early, too few bytes
    qint64 blobsFrameDamaged = 0; // a bad frame, checksum, packed form or missing dictionary
    qint64 blobsHashMismatch = 0; // decodes, but to other bytes
    struct Damaged
    {
        qint64 messageId = 0; // 0 for a blob no message refers to
        qint64 blobId = 0;
        BlobCodec::Damage kind = BlobCodec::Damage::None;
        QString problem; // what the decoder said
    };
    QList<Damaged> damaged; // the first few, for the details
    bool integrityOk = true; // PRAGMA integrity_check
    QStringList integrityProblems;
    qint64 foreignKeyProblems = 0; // PRAGMA foreign_key_check rows
    bool searchIndexOk = true; // FTS5 integrity-check, and one entry a message
    qint64 messagesMissingFromIndex = 0;
    qint64 locationsBeyondCheckpoint = 0; // stored above a folder's last_uid: a broken checkpoint
    qint64 messagesWithoutBlob = 0;
    bool cancelled = false;

    bool isClean() const;
    // A few lines for people: what was checked and what is wrong.
    QString summary() const;
};

// Reads everything back. It takes as long as reading the archive, so it
// reports progress and can be cancelled between messages.
class ArchiveVerifier
{
public:
    // Called with (done, total) blobs; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit ArchiveVerifier(QSqlDatabase db);

    VerifyReport run(const Progress& progress = {});

private:
    void checkBlobs(VerifyReport& report, const Progress& progress);
    void checkDatabase(VerifyReport& report);
    void checkConsistency(VerifyReport& report);

    QSqlDatabase m_db;
    QHash<qint64, SharedDictionary> m_dictionaries;
};
