#pragma once

#include "ImapResponseReader.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <optional>

// What one untagged "* n FETCH (...)" response says about a message: the
// items we ask for (UID, FLAGS, INTERNALDATE, RFC822.SIZE, BODY[]) in whatever order the
// server sends them; anything else is skipped.
struct FetchResponse
{
    quint32 uid = 0;
    bool hasFlags = false;
    QStringList flags;
    QDateTime internalDate; // UTC; invalid when not sent or not a date
    bool badInternalDate = false; // sent, but not a date
    qint64 size = -1; // RFC822.SIZE; -1 when not sent
    bool hasBody = false; // NIL counts as no body
    QByteArray body;

    // nullopt when `response` is not a FETCH response (EXISTS, EXPUNGE, OK,
    // a tagged reply…). Throws vmime::exceptions::invalid_response when it
    // is one but cannot be read (its items are unbalanced) or names a UID
    // that cannot be one (0, or past 32 bits). An INTERNALDATE that is not a
    // date is no error: the message is still worth keeping.
    static std::optional<FetchResponse> parse(ImapResponse response);

    // "01-Jan-2019 04:59:29 +0000" (RFC 3501 date-time; the day may be
    // space-padded) in UTC; invalid when malformed.
    static QDateTime parseInternalDate(const QByteArray& text);
};
