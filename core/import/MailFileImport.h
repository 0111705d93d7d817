#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class Archive;
class MessageStore;
struct FetchedMessage;

// Brings mail kept in files into the archive: mbox files (Thunderbird's
// folders, Google Takeout, Apple Mail's exports), .eml files and folders of
// them, and Maildir folders. Everything goes into one local source
// ("Local files", or the name given), one archive folder per mbox file,
// Maildir or folder of .eml files, named by its path below what was given.
// The archive addresses mail by its SHA-256, so mail that is archived
// already (synced from the same account, imported before) is not stored
// again: it only gains a location.
//
// Crash-safe and resumable like an IMAP import: messages are stored in
// batches, each with its folder's checkpoint (the number of the last
// message stored) in the same transaction, and a new run skips what the
// checkpoint covers. A file that changed since (its size, time or start
// differ) is imported afresh into a fresh folder; the old folder is kept
// (retired), so nothing is lost and nothing is counted twice.
class MailFileImport
{
    Q_DECLARE_TR_FUNCTIONS(MailFileImport)

public:
    static constexpr int BatchSize = 100;
    static inline const QString DefaultSourceName = QStringLiteral("Local files");

    struct Problem
    {
        QString file;
        qint64 offset = -1; // in an mbox file; -1 for a whole file
        QString reason;
    };

    struct Summary
    {
        qint64 added = 0; // new to the archive
        qint64 alreadyArchived = 0; // the same bytes were archived: only a location was added
        qint64 resumed = 0; // stored by an earlier run that stopped, skipped now
        qint64 unreadable = 0; // messages that could not be imported (see problems)
        qint64 folders = 0;
        QList<Problem> problems;
        bool cancelled = false;
        // The import stopped because the archive could not be written (a
        // full disk): what was stored before stays, and a new run goes on.
        QString error;
    };

    // Where an import is, after each batch and file.
    struct Step
    {
        QString file; // being read
        qint64 bytesDone = 0; // of all the files given
        qint64 bytesTotal = 0;
        qint64 messages = 0; // read so far: added, already archived, resumed
        qint64 unreadable = 0;
    };
    // Called after each batch and file: false stops the import at the
    // next batch boundary.
    using Progress = std::function<bool(const Step& step)>;

    MailFileImport(Archive& archive, QString sourceName = DefaultSourceName);

    void setMaxMessageBytes(qint64 bytes);

    // The source's id, creating it as a local source; 0 with `error`.
    // Refuses a name that belongs to an IMAP source.
    static qint64 ensureLocalSource(Archive& archive, const QString& name, QString* error);

    Summary run(const QStringList& paths, const Progress& progress = {});

    // "1,204 new, 30 already archived, 2 could not be read (3 folders)."
    static QString summaryText(const Summary& summary);
    // "/home/me/Inbox.mbox (at byte 1,024): The message is empty."
    static QString problemText(const Problem& problem);

private:
    struct Unit;
    QList<Unit> plan(const QStringList& paths, Summary* summary) const;
    void planDirectory(const QString& directory, const QString& folderPath, int depth, QList<Unit>* units) const;
    void planMaildirChildren(const QString& directory, const QString& folderPath, int depth, QList<Unit>* units) const;
    bool importUnit(MessageStore& store, qint64 sourceId, const Unit& unit, Summary* summary);
    bool reportProgress(const QString& file, const Summary& summary) const;
    bool storeBatch(MessageStore& store,
                    qint64 folderId,
                    quint32 validity,
                    quint32 lastNumber,
                    QList<FetchedMessage>* batch,
                    Summary* summary);

    Archive& m_archive;
    QString m_sourceName;
    qint64 m_maxMessageBytes;
    Progress m_progress;
    qint64 m_bytesDone = 0;
    qint64 m_bytesTotal = 0;
};
