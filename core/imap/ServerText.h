#pragma once

#include <QString>

// What a server says is untrusted: before its words are shown, logged or
// stored they are made harmless here.
namespace ServerText {

// Control characters (ESC sequences that would drive a terminal, CR/LF
// that would forge a log line, NUL) shown as "\x1B"; everything else kept.
QString printable(const QString& text);

// `text` with every copy of `secret` (as typed, and as an IMAP quoted
// string escapes it) replaced by "••••••": a server that echoes the LOGIN
// command or the password back in an error must not put it in the archive's
// history or on the terminal. Secrets shorter than 3 characters are left
// alone, as replacing them would garble the text without hiding anything.
QString redact(const QString& text, const QString& secret);

} // namespace ServerText
