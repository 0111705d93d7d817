#include "MaildirWriter.h"

#include "imap/ModifiedUtf7.h"

#include <QFile>
#include <QStringList>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

QByteArray nativePath(const QString& path)
{
    return QFile::encodeName(path);
}

bool fail(QString* error, const QString& what, const QString& path, int code)
{
    if (error) {
        *error = QStringLiteral("%1 %2: %3").arg(what, path, qt_error_string(code));
    }
    return false;
}

bool isDirectory(const QString& path)
{
    struct stat info
    {
    };
    return ::stat(nativePath(path).constData(), &info) == 0 && S_ISDIR(info.st_mode);
}

bool writeAll(int fd, const QByteArray& data)
{
    const char* cursor = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, cursor, static_cast<size_t>(left));
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        cursor += written;
        left -= written;
    }
    return true;
}

} // namespace

MaildirWriter::MaildirWriter(QString maildirRoot, std::optional<std::pair<uid_t, gid_t>> owner)
    : m_root(std::move(maildirRoot))
    , m_owner(owner)
{
}

QString MaildirWriter::folderDirectory(const QString& maildirRoot, const QString& imapFolder)
{
    if (imapFolder.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0) {
        return maildirRoot;
    }
    // Modified UTF-7 writes ',' where base64 has '/', so after encoding every
    // '/' is a hierarchy separator, which Maildir++ spells '.'.
    QByteArray encoded = ModifiedUtf7::encode(imapFolder);
    encoded.replace('/', '.');
    return maildirRoot + QLatin1String("/.") + QString::fromLatin1(encoded);
}

int MaildirWriter::written() const
{
    return m_written;
}

bool MaildirWriter::write(const GeneratedMessage& message, QString* error)
{
    const bool isInbox = message.folder.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0;
    const QString directory = folderDirectory(m_root, message.folder);
    if (!ensureFolder(directory, isInbox, error)) {
        return false;
    }

    const qint64 timestamp = message.internalDate.toSecsSinceEpoch();
    const QString size = QString::number(message.raw.size());
    const QString base = QString::number(timestamp) + QLatin1String(".M") + QString::number(++m_sequence)
        + QLatin1Char('P') + QString::number(::getpid()) + QLatin1String(".openarchiver");
    // Dovecot wants the flag letters in ASCII order.
    QString flags;
    if (message.flagged) {
        flags += QLatin1Char('F');
    }
    if (message.answered) {
        flags += QLatin1Char('R');
    }
    if (message.seen) {
        flags += QLatin1Char('S');
    }
    const QString temporary = directory + QLatin1String("/tmp/") + base;
    // W= is the size with CRLF line endings, which is what the file holds.
    const QString target = directory + QLatin1String("/cur/") + base + QLatin1String(",S=") + size
        + QLatin1String(",W=") + size + QLatin1String(":2,") + flags;

    const QByteArray temporaryPath = nativePath(temporary);
    const int fd = ::open(temporaryPath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return fail(error, QStringLiteral("Cannot create"), temporary, errno);
    }
    const bool ok = writeAll(fd, message.raw);
    const int writeError = errno;
    if (::close(fd) != 0 || !ok) {
        const int code = ok ? errno : writeError;
        ::unlink(temporaryPath.constData());
        return fail(error, QStringLiteral("Cannot write"), temporary, code);
    }
    if (!chownPath(temporary, error)) {
        ::unlink(temporaryPath.constData());
        return false;
    }
    // The Maildir delivery rule: a file appears in cur/ complete or not at all.
    const QByteArray finalPath = nativePath(target);
    if (::rename(temporaryPath.constData(), finalPath.constData()) != 0) {
        const int code = errno;
        ::unlink(temporaryPath.constData());
        return fail(error, QStringLiteral("Cannot move into place"), target, code);
    }
    const struct timespec times[2] = {{static_cast<time_t>(timestamp), 0}, {static_cast<time_t>(timestamp), 0}};
    if (::utimensat(AT_FDCWD, finalPath.constData(), times, 0) != 0) {
        return fail(error, QStringLiteral("Cannot set the time of"), target, errno);
    }
    ++m_written;
    return true;
}

bool MaildirWriter::ensureFolder(const QString& directory, bool isInbox, QString* error)
{
    if (m_readyFolders.contains(directory)) {
        return true;
    }
    // The root and any missing parents first, so they too go to the owner.
    QStringList missing;
    for (QString path = m_root; !path.isEmpty() && !isDirectory(path);) {
        missing.prepend(path);
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        path = slash > 0 ? path.left(slash) : QString();
    }
    // The root is INBOX and must be a whole Maildir even when the first
    // message goes to a subfolder.
    const QStringList subdirectories = {QStringLiteral("/cur"), QStringLiteral("/new"), QStringLiteral("/tmp")};
    for (const QString& sub : subdirectories) {
        missing.append(m_root + sub);
    }
    if (!isInbox) {
        missing.append(directory);
        for (const QString& sub : subdirectories) {
            missing.append(directory + sub);
        }
    }
    for (const QString& path : std::as_const(missing)) {
        if (!makeDirectory(path, error)) {
            return false;
        }
    }
    if (!isInbox) {
        // Dovecot's mark of a Maildir++ subfolder.
        const QString marker = directory + QLatin1String("/maildirfolder");
        const QByteArray markerPath = nativePath(marker);
        const int fd = ::open(markerPath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            ::close(fd);
            if (!chownPath(marker, error)) {
                return false;
            }
        } else if (errno != EEXIST) {
            return fail(error, QStringLiteral("Cannot create"), marker, errno);
        }
    }
    m_readyFolders.insert(directory);
    return true;
}

bool MaildirWriter::makeDirectory(const QString& path, QString* error) const
{
    if (::mkdir(nativePath(path).constData(), 0700) != 0) {
        const int code = errno;
        if (code == EEXIST && isDirectory(path)) {
            return true;
        }
        return fail(error, QStringLiteral("Cannot create directory"), path, code);
    }
    return chownPath(path, error);
}

bool MaildirWriter::chownPath(const QString& path, QString* error) const
{
    if (!m_owner) {
        return true;
    }
    if (::chown(nativePath(path).constData(), m_owner->first, m_owner->second) != 0) {
        return fail(error, QStringLiteral("Cannot hand over"), path, errno);
    }
    return true;
}
