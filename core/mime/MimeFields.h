#pragma once

#include "MimeText.h"
#include "ParsedMessage.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QStringList>

// Internal helpers of MimeParser: structured header fields. All take an
// unfolded value and never fail; what cannot be read is left out.
namespace MimeDetail {

// RFC 5322 address lists: display names decoded (RFC 2047, raw 8-bit),
// groups flattened into their members, "addr (Name)" comments used as names.
QList<MailAddress> parseAddressList(QByteArrayView value, Problems* problems);

// Message-IDs without angle brackets, in the order written.
QStringList parseMessageIds(QByteArrayView value);

// RFC 5322 date-time, leniently (obsolete zones, two-digit years, missing
// seconds, ISO 8601 as some scripts write it). Invalid when unreadable.
QDateTime parseMailDate(QByteArrayView value);

} // namespace MimeDetail
