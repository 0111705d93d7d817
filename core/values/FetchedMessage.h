#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

// A message as the IMAP layer hands it over: exact bytes and where it was.
// Here, not in archive/ or imap/, because both use it and neither may see
// the other.
struct FetchedMessage
{
    quint32 uid = 0;
    QByteArray raw;
    QStringList flags; // "\\Seen", "\\Flagged", keywords
    QDateTime internalDate; // may be invalid when the server gave none
};
