#pragma once

#include <QByteArray>
#include <QList>
#include <QtGlobal>

// The mail a ScriptedImapServer serves by default: plain values a test
// builds, hands over with setFolders() and changes with updateFolder().

struct ScriptedMessage
{
    quint32 uid = 0;
    QByteArray raw; // exactly what BODY[] returns
    QByteArray internalDate = "17-Jul-2021 02:44:25 +0000";
    QByteArray flags = "\\Seen"; // the inside of FLAGS (...)
};

struct ScriptedFolder
{
    // Exact bytes as sent in LIST and expected back in EXAMINE (modified
    // UTF-7 for non-ASCII names, full path with the delimiter).
    QByteArray name;
    char delimiter = '/';
    QByteArray attributes; // e.g. "\\HasNoChildren"; "\\Noselect" makes EXAMINE fail
    quint32 uidValidity = 1;
    quint32 uidNext = 0; // 0: the highest UID + 1
    QList<ScriptedMessage> messages; // in sequence-number order, ascending UIDs
};
