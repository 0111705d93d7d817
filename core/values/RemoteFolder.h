#pragma once

#include <QByteArray>
#include <QChar>
#include <QString>
#include <QStringList>

// A folder as the server lists it (ImapSession::listFolders()).
struct RemoteFolder
{
    // The full name exactly as the server sent it (modified UTF-7, or
    // whatever bytes it uses): what ImapSession::examine() sends back, byte
    // for byte, and what the archive keys the folder on.
    QByteArray name;
    // The name for people (ModifiedUtf7::decodeForDisplay): invalid parts
    // shown as they are, control characters escaped. Never sent back.
    QString path;
    // The server's hierarchy delimiter ('/' on Dovecot's test setup, often
    // '.' elsewhere); a null QChar when the server has a flat namespace.
    QChar delimiter;
    // RFC 6154 special use ("\\Sent", "\\Trash", "\\Junk", "\\Drafts",
    // "\\Archive", "\\All", "\\Flagged", "\\Important") and LIST attributes
    // ("\\Noselect", "\\HasChildren", and whatever else the server sent).
    QStringList flags;

    // False for "\\Noselect" folders: containers that hold no messages.
    bool isSelectable() const { return !flags.contains(QStringLiteral("\\Noselect")); }
};
