#pragma once

#include <QChar>
#include <QString>
#include <QStringList>

// A folder as the server lists it (ImapSession::listFolders()).
struct RemoteFolder
{
    // Full name, UTF-8 decoded, components joined by `delimiter`: what
    // ImapSession::examine() takes back.
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
