#pragma once

#include "ArchiveTypes.h"

#include <QList>
#include <QString>

// The one way failed messages are named, so the sync's summary, `status`
// and Details say the same words: "UID 3: the server did not send it when
// asked; UID 9: …; and 4 more".
namespace MessageFailureText {

// The first few of `failures` by UID and reason, then how many more there
// are of `total` in all.
QString namedList(const QList<MessageFailure>& failures, qint64 total);

} // namespace MessageFailureText
