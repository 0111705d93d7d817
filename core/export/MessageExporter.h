#pragma once

#include "archive/ArchiveReader.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

// What to export, how and where.
struct ExportRequest
{
    enum class Format {
        Eml, // one .eml file a message, in a folder
        Mbox, // one mboxrd file (MboxFormat)
    };

    Format format = Format::Eml;
    QString target; // Eml: a folder, created when missing; Mbox: the file
    // These messages; when empty, every message of `list` (a folder, a
    // source, all mail, a search).
    QList<qint64> messageIds;
    MessageListQuery list;
    // Eml: each file in <source>/<folder>/ of the message's first location
    // under the target, rather than all in the target itself.
    bool keepFolders = true;
    // Mbox: replace an existing file (it is replaced only once the new one
    // is complete).
    bool replace = false;
};

// What an export did.
struct ExportResult
{
    QString target; // absolute
    qint64 total = 0; // messages asked for
    qint64 exported = 0; // messages written
    qint64 bytes = 0; // bytes of mail written
    qint64 unreadable = 0; // messages whose archived bytes could not be read
    QStringList problems; // the first few unreadable ones, in words
    QString error; // why the export stopped; empty unless it did
    bool cancelled = false;
    bool singleFile = false; // an mbox: all or nothing

    bool succeeded() const { return error.isEmpty() && !cancelled; }
    // One sentence for people: "Exported 1,204 messages (38.2 MB) to …",
    // what could not be read, or why it stopped.
    QString summary() const;
};

// Writes archived messages out as .eml files or one mbox file; the bytes of
// every message are exactly its archived bytes (mbox adds only its
// separator lines and ">From " quoting, which readers undo). It reads on a
// read-only connection of its own inside one read transaction, so a sync
// writing meanwhile changes neither what nor how many it exports. run()
// blocks: the GUI calls it on a worker thread.
//
// Nothing half-written looks complete: every .eml file and the mbox file are
// written under a temporary name and renamed when whole (a cancel or a
// failure removes the temporary file; finished .eml files stay). Names come
// from the date and subject, made safe (SafeFileName) and numbered when
// taken; no name from mail can leave the target folder.
class MessageExporter
{
public:
    // Called after each message with the messages done, the total and the
    // bytes written; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total, qint64 bytes)>;

    MessageExporter(QString archivePath, ExportRequest request);

    // Why the target cannot be written (an mbox file that exists and is not
    // to be replaced, a folder where a file is wanted, the archive itself);
    // empty when it can. run() checks it too.
    QString checkTarget() const;

    ExportResult run(const Progress& progress = {});

    // "2019-03-05 1423 Quarterly report.eml": the date in local time and
    // the subject, safe on every file system.
    static QString emlFileName(const MessageSummary& message);

private:
    QString m_archivePath;
    ExportRequest m_request;
};
