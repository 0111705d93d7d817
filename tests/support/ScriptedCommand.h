#pragma once

#include <QByteArray>
#include <QList>

// One command as a ScriptedImapServer received it, split the way IMAP
// reads it (RFC 3501 section 9), for handlers to look at.
struct ScriptedCommand
{
    QByteArray tag;
    // Upper case: "LOGIN", "EXAMINE", "UID FETCH", "UID SEARCH"... Empty when
    // the line has no command. "GREETING" (with an empty tag) is the
    // pseudo-command a connection runs when it opens.
    QByteArray verb;
    // Atoms as they are, quoted strings and literals decoded to their exact
    // bytes, parenthesised lists kept as raw text "(...)".
    QList<QByteArray> arguments;
    // The command as received: its line(s), literal bytes included, without
    // the final CRLF.
    QByteArray line;

    // Splits a complete command (literals inline as "{n}\r\n<n bytes>").
    // Never fails: what cannot be read becomes atoms or an empty verb.
    static ScriptedCommand parse(const QByteArray& line);
    // The tokens of `text` by the same rules; "(a b)" as a whole is unwrapped
    // first, so "(UID FLAGS BODY.PEEK[])" gives its three items.
    static QList<QByteArray> tokens(const QByteArray& text);
};
