#pragma once

#include <QtGlobal>

// What EXAMINE reports about a folder (ImapSession::examine()).
struct FolderStatus
{
    quint32 uidValidity = 0;
    quint32 uidNext = 0; // 0 when the server did not say (RFC 3501 makes it optional)
    quint32 messages = 0; // EXISTS
    quint64 highestModSeq = 0; // 0 without CONDSTORE, or with NOMODSEQ
};
