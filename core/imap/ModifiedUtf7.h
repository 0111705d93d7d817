#pragma once

#include <QByteArray>
#include <QString>

// IMAP's "modified UTF-7" for mailbox names (RFC 3501, section 5.1.3).
// Servers send and expect folder names in it; Dovecot's Maildir++ layout also
// uses it for directory names on disk.
namespace ModifiedUtf7 {

QByteArray encode(const QString& name);

// Returns a null QString and sets *ok to false when the input is not valid
// modified UTF-7 (bad base64, a shift sequence that is never closed, an
// encoded run of printable ASCII that should have been left plain).
QString decode(const QByteArray& encoded, bool* ok = nullptr);

// A name for people, whatever the server sent: valid parts decoded,
// invalid shift sequences shown as the text they are, raw 8-bit bytes as
// UTF-8 (U+FFFD where they are not), control characters as "\x1B". Never
// sent back to the server: the raw bytes are (RemoteFolder::name).
QString decodeForDisplay(const QByteArray& name);

} // namespace ModifiedUtf7
