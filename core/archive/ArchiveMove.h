#pragma once

#include "ArchiveBackup.h"

#include <QCoreApplication>
#include <QString>

// Moves the user's archive to another place (Settings → Archive → Move…)
// so that a failure at any step leaves the old one in use and intact:
//
//  1. copy: a consistent copy (ArchiveBackup: written next to the target
//     under a temporary name, quick_check'ed, its message count compared
//     with the archive's, renamed onto the target only then);
//  2. switch: the setting that names the user's archive
//     (AppSettings::ArchiveLocation) names the copy, and the old file is
//     recorded as left over;
//  3. remove: at the next start, once the new archive is open and no
//     instance uses the old one, removeLeftover() deletes the old file and
//     its -wal and -shm.
//
// The caller stops every sync before run() (SyncManager::shutdown): mail
// archived after the copy began would stay behind in the old file.
class ArchiveMove
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveMove)

public:
    struct Result
    {
        QString target; // absolute
        qint64 messages = 0;
        qint64 bytes = 0;
        QString error; // for people; empty when the archive moved
        bool cancelled = false;
        bool succeeded() const { return error.isEmpty() && !cancelled; }
    };

    ArchiveMove(QString archivePath, QString targetPath);

    // Why the archive cannot move there (the same file, an existing file, a
    // folder that does not exist…); empty when it can.
    QString checkTarget() const;
    // Test hook: fail as a real failure would, once the copy is complete
    // and checked but before the switch.
    void failAfterCopyForTesting();

    // copy(), then switchToCopy(): for the CLI and the tests.
    Result run(const ArchiveBackup::Progress& progress = {});
    // Step 1. Blocks; the GUI calls it on a worker thread. `progress` is
    // ArchiveBackup's, and may cancel.
    Result copy(const ArchiveBackup::Progress& progress = {});
    // Step 2, on the thread that owns the settings (the GUI's): the setting
    // names the copy `copied` made; if it cannot be saved, the copy goes
    // and the result says so.
    Result switchToCopy(Result copied);

    // The archive a move left behind, when there is one and it is not
    // `current` (the archive now in use).
    static QString leftover(const QString& current);
    // Deletes `path` (the leftover()) with its side files and forgets it.
    // The caller checks first that no instance has it open.
    static bool removeLeftover(const QString& path, QString* error);

private:
    QString m_archivePath;
    QString m_targetPath;
    bool m_failAfterCopy = false;
};
