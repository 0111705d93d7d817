#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// The mboxrd flavour of mbox: messages one after another, each after a
// "From " separator line and followed by an empty line; inside a message,
// a line that starts with any number of '>' and then "From " gets one more
// '>', which a reader removes again. Unlike the older mboxo (which cannot
// tell an escaped ">From " from one the mail held), every message comes back
// byte for byte. Thunderbird, mutt, Apple Mail and Python's mailbox read it.
namespace MboxFormat {

// "From anna@example.org Tue Mar  5 14:23:01 2019\n": the sender's address
// (MAILER-DAEMON when there is none that fits on the line) and the time in
// UTC, in the C library's asctime form with English names, whatever the
// user's language.
QByteArray separatorLine(const QString& senderAddress, const QDateTime& received);

// Appends `message` to `out`, escaped, followed by the empty line that ends
// it. A message that does not end with a line break gets one first: a
// reader could not find the separator otherwise.
void appendMessage(const QByteArray& message, QByteArray* out);

// The reverse of appendMessage for one message's lines as a reader found
// them (for tests and for the import of mbox files).
QByteArray unescape(const QByteArray& escaped);

} // namespace MboxFormat
