#pragma once

#include <QString>

#include <functional>

// What a backup did: the copy's size and contents, or why there is none.
struct BackupResult
{
    QString target; // absolute path of the copy (or of the one asked for)
    qint64 bytes = 0; // size of the finished copy
    qint64 messages = 0; // messages in the copy (the snapshot's count)
    qint64 pages = 0; // SQLite pages copied
    QString error; // a sentence for people; empty unless it failed
    bool cancelled = false;

    bool succeeded() const;
    // One line for people: "Backed up 3,000 messages (12.4 MB) to /path.",
    // or the error, or that it was cancelled.
    QString summary() const;
};

// A consistent copy of a live archive in one self-contained file, taken with
// SQLite's online backup API on a connection of its own. A sync may write
// throughout: the copy is the archive as it was when the backup began.
//
// Copying the file by hand while the app runs can miss recent mail (it sits
// in archive.sqlite-wal until SQLite folds it into the main file) or catch a
// page half written; this does neither. run() blocks and uses connections of
// the calling thread: call it on a worker thread in the GUI.
class ArchiveBackup
{
public:
    // Called between steps with the pages copied so far, the pages of the
    // snapshot and the size of a page; return false to cancel.
    using Progress = std::function<bool(qint64 pagesDone, qint64 pagesTotal, qint64 pageSize)>;

    // 1,024 pages (4 MB at the archive's page size) a step: small enough
    // that progress moves and a cancel is quick, large enough that the
    // steps cost nothing.
    static constexpr int DefaultPagesPerStep = 1024;

    ArchiveBackup(QString archivePath, QString targetPath);

    // Pages copied per step; tests use small steps to interleave writes.
    void setPagesPerStep(int pages);
    // The copy refuses to grow beyond `pages` pages, failing exactly as a
    // full disk does; 0 lifts the limit. For tests of the failure path.
    void setTargetPageLimit(qint64 pages);

    // Why the target cannot take a backup (it is the archive or one of its
    // side files, a folder, or in a folder that does not exist); empty when
    // it can. run() checks it too; a dialog asks before it starts.
    QString checkTarget() const;

    // Copies the archive to the target. The copy is written to a temporary
    // file next to the target and renamed onto it only once it is complete
    // and checked, so a failure or cancel leaves an existing target as it
    // was and no partial file behind.
    BackupResult run(const Progress& progress = {});

private:
    QString m_archivePath;
    QString m_targetPath;
    int m_pagesPerStep = DefaultPagesPerStep;
    qint64 m_targetPageLimit = 0;
};
