#pragma once

#include "ImapResponseReader.h"

#include <QByteArray>
#include <QList>

// One token of a server response: an atom (a number, NIL, a flag, an item
// name such as "BODY[]"), a string (quoted, or a literal read by count),
// or a parenthesis.
struct ImapToken
{
    enum Kind {
        Atom,
        String,
        Open,
        Close,
    };
    Kind kind = Atom;
    QByteArray text;

    bool isNil() const { return kind == Atom && text.compare("NIL", Qt::CaseInsensitive) == 0; }
};

// Cuts a whole response (ImapResponseReader) into tokens. Server text is
// untrusted: nothing here indexes past what was received.
namespace ImapTokenizer {

// The tokens of `response` from `offset` in its first line on. Literals
// are moved into their String tokens, not copied, so a message body stays
// one buffer. Returns false when a quoted string never ends.
bool tokenize(ImapResponse& response, qsizetype offset, QList<ImapToken>& tokens);

// Index just past the value starting at tokens[i]: one token, or a whole
// parenthesised list; -1 when the list never closes or tokens[i] is ")".
qsizetype skipValue(const QList<ImapToken>& tokens, qsizetype i);

// A number as IMAP defines it (RFC 3501 "number": 0 to 4294967295); false
// for anything else, so a UID of 4294967297 is an error, never UID 1.
bool toNumber(const QByteArray& text, quint32* value);

} // namespace ImapTokenizer
