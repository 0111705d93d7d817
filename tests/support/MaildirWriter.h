#pragma once

#include "GeneratedMessage.h"

#include <QSet>
#include <QString>

#include <optional>
#include <sys/types.h>
#include <utility>

// Writes messages straight into a Dovecot Maildir++ tree: much faster than
// APPEND (10,000 messages in seconds), and Dovecot assigns UIDs in file-name
// timestamp order on its next sync.
class MaildirWriter
{
public:
    // `maildirRoot` is the user's Maildir (…/home/test/Maildir). When `owner`
    // is set (the tests run as root and Dovecot serves mail as another uid),
    // every file and directory written is handed to that uid and gid.
    explicit MaildirWriter(QString maildirRoot, std::optional<std::pair<uid_t, gid_t>> owner = std::nullopt);

    // Writes the message into cur/ of its folder (creating the folder) as
    // <ts>.M<n>P<pid>.openarchiver,S=<size>,W=<size>:2,<flags>, with the file's
    // mtime set to the internal date. Returns false and sets *error on failure.
    bool write(const GeneratedMessage& message, QString* error = nullptr);

    // The directory of an IMAP folder: INBOX is the root; "Archive/Grüße & Co"
    // is ".Archive.Gr&APwA3w-e &- Co" (modified UTF-7, '.' as separator).
    static QString folderDirectory(const QString& maildirRoot, const QString& imapFolder);

    int written() const;

private:
    bool ensureFolder(const QString& directory, bool isInbox, QString* error);
    bool makeDirectory(const QString& path, QString* error) const;
    bool chownPath(const QString& path, QString* error) const;

    QString m_root;
    std::optional<std::pair<uid_t, gid_t>> m_owner;
    QSet<QString> m_readyFolders; // folders whose cur/new/tmp exist already
    quint64 m_sequence = 0; // the M<n> part: unique per writer, even within a second
    int m_written = 0;
};
