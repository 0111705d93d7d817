#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// The messages of a Maildir folder (its cur/ and new/; tmp/ holds mail still
// being delivered and is left alone), with the flags their file names carry:
// ":2,FRS" is \Flagged, \Answered and \Seen; a to z are Dovecot's keywords,
// named in the folder's dovecot-keywords file. In file-name order, which
// for every common writer is the order of delivery, so an import that
// stopped can go on from the last name it stored.
class MaildirReader
{
    Q_DECLARE_TR_FUNCTIONS(MaildirReader)

public:
    struct Entry
    {
        QString path;
        QString fileName;
        QStringList flags; // IMAP flags and keywords: "\\Seen", "$Important"
        qint64 size = 0;
        QDateTime modified; // when it was delivered or last changed, for INTERNALDATE
    };

    // A directory with cur/ and new/ in it.
    static bool isMaildir(const QString& directory);

    // Every message of `directory`, sorted by file name. False with a
    // sentence when the directory cannot be listed.
    static bool list(const QString& directory, QList<Entry>* entries, QString* error);

    // The flags in a Maildir file name ("…:2,FS" or, where ':' cannot be in
    // a file name, "…;2,FS" and "…!2,FS"); `keywords` maps a to z.
    static QStringList flagsOf(const QString& fileName, const QStringList& keywords = {});
    // Dovecot's dovecot-keywords file: "0 $Important" per line; index n is
    // the letter 'a' + n.
    static QStringList readKeywords(const QString& directory);
};
