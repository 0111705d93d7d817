#include "ArchiveMove.h"

#include "ArchiveDatabase.h"
#include "ArchiveSchema.h"
#include "common/AppSettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace {

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

} // namespace

ArchiveMove::ArchiveMove(QString archivePath, QString targetPath)
    : m_archivePath(std::move(archivePath))
    , m_targetPath(std::move(targetPath))
{
}

QString ArchiveMove::checkTarget() const
{
    if (m_targetPath.isEmpty()) {
        return tr("Choose where the archive should go.");
    }
    const QFileInfo target(m_targetPath);
    if (target.exists() && !target.isDir()) {
        // Never over a file: it may be another archive, or anything else.
        return tr("There is already a file at %1. Choose a new file name.").arg(shown(m_targetPath));
    }
    return ArchiveBackup(m_archivePath, m_targetPath).checkTarget();
}

void ArchiveMove::failAfterCopyForTesting()
{
    m_failAfterCopy = true;
}

ArchiveMove::Result ArchiveMove::run(const ArchiveBackup::Progress& progress)
{
    Result copied = copy(progress);
    return copied.succeeded() ? switchToCopy(copied) : copied;
}

ArchiveMove::Result ArchiveMove::copy(const ArchiveBackup::Progress& progress)
{
    Result result;
    result.target = QFileInfo(m_targetPath).absoluteFilePath();
    result.error = checkTarget();
    if (!result.error.isEmpty()) {
        return result;
    }
    // The copy, complete and checked, or nothing at the target.
    const BackupResult copy = ArchiveBackup(m_archivePath, result.target).run(progress);
    if (copy.cancelled) {
        result.cancelled = true;
        return result;
    }
    if (!copy.succeeded()) {
        result.error = copy.error;
        return result;
    }
    result.messages = copy.messages;
    result.bytes = copy.bytes;
    if (m_failAfterCopy) {
        QFile::remove(result.target);
        result.error = tr("The copy at %1 was made but the move was stopped (a test's simulated failure).")
                           .arg(shown(result.target));
    }
    return result;
}

ArchiveMove::Result ArchiveMove::switchToCopy(Result copied)
{
    const QString before = AppSettings::archiveLocation();
    if (!AppSettings::setValue(AppSettings::Key::ArchiveLocation, copied.target)
        || !AppSettings::setValue(AppSettings::Key::ArchiveLeftover, QFileInfo(m_archivePath).absoluteFilePath())) {
        AppSettings::setValue(AppSettings::Key::ArchiveLocation, before);
        AppSettings::setValue(AppSettings::Key::ArchiveLeftover, QString());
        QFile::remove(copied.target);
        copied.error = tr("The settings could not be saved (%1), so the archive stays where it was.")
                           .arg(QDir::toNativeSeparators(QSettings().fileName()));
    }
    return copied;
}

QString ArchiveMove::leftover(const QString& current)
{
    const QString path = AppSettings::value(AppSettings::Key::ArchiveLeftover).toString();
    if (path.isEmpty() || QFileInfo(path).absoluteFilePath() == QFileInfo(current).absoluteFilePath()) {
        return {};
    }
    return path;
}

bool ArchiveMove::removeLeftover(const QString& path, QString* error)
{
    // Only ever an archive: the setting names a file, and a file that is
    // not one (replaced meanwhile, or the setting edited) is not ours.
    QString notAnArchive;
    if (QFileInfo::exists(path)
        && !ArchiveDatabase::checkReadable(path, ArchiveSchema::currentVersion(), &notAnArchive)) {
        AppSettings::setValue(AppSettings::Key::ArchiveLeftover, QString());
        *error = tr("%1 was left alone: it is not an archive (%2).").arg(shown(path), notAnArchive);
        return false;
    }
    // With its side files; the copy now in use holds everything.
    for (const QString& file :
         {path + QStringLiteral("-wal"), path + QStringLiteral("-shm"), path + QStringLiteral("-journal"), path}) {
        if (QFileInfo::exists(file) && !QFile::remove(file)) {
            *error = tr("The old archive %1 could not be removed; delete it by hand once you no longer need it.")
                         .arg(shown(path));
            return false;
        }
    }
    AppSettings::setValue(AppSettings::Key::ArchiveLeftover, QString());
    return true;
}
