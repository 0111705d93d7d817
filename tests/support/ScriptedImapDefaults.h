#pragma once

#include "ScriptedMailbox.h"

#include <QByteArray>
#include <QList>

struct ScriptedCommand;
class ScriptedReply;

// The default answers of ScriptedImapServer: a minimal, correct IMAP4rev1
// server over the in-memory model (RFC 3501), read-only. Also the pieces
// handlers reuse to write their own answers.
class ScriptedImapDefaults
{
public:
    // Answers `command` the way a well-behaved server would.
    static void answer(const ScriptedCommand& command, ScriptedReply& reply);

    // The FETCH data items of `items` ("(UID FLAGS BODY.PEEK[])", a macro
    // like FAST, or one item), upper case with the macros expanded; false
    // when one is not supported.
    static bool fetchItems(const QByteArray& items, QList<QByteArray>* parsed);
    // One message's FETCH response for `items` (as fetchItems() gives them),
    // in pieces to send in turn: bodies are separate pieces that share the
    // model's bytes instead of copying them. Unknown items are left out.
    static QList<QByteArray>
    fetchResponse(const ScriptedMessage& message, int seq, const QList<QByteArray>& items, bool withUid);

    // RFC 3501 sequence sets ("1:3,7,9:*"); `*` stands for `largest`.
    static bool isSequenceSet(const QByteArray& text);
    static bool inSequenceSet(const QByteArray& set, quint32 value, quint32 largest);
    // LIST's wildcards: '*' matches anything, '%' anything but the delimiter.
    static bool matchesListPattern(const QByteArray& pattern, const QByteArray& name, char delimiter);
    // `text` as an IMAP string: quoted when it can be, a literal otherwise.
    static QByteArray astring(const QByteArray& text);
    static quint32 uidNext(const ScriptedFolder& folder);
    static quint32 highestUid(const ScriptedFolder& folder);

private:
    static void greeting(ScriptedReply& reply);
    static void capability(ScriptedReply& reply);
    static void login(const ScriptedCommand& command, ScriptedReply& reply);
    static void authenticate(const ScriptedCommand& command, ScriptedReply& reply);
    static void authenticatePlain(const QByteArray& response, ScriptedReply& reply);
    static void namespaces(ScriptedReply& reply);
    static void list(const ScriptedCommand& command, ScriptedReply& reply);
    static void status(const ScriptedCommand& command, ScriptedReply& reply);
    static void examine(const ScriptedCommand& command, ScriptedReply& reply);
    static void search(const ScriptedCommand& command, ScriptedReply& reply);
    static void fetch(const ScriptedCommand& command, ScriptedReply& reply);
    static void logout(ScriptedReply& reply);
    static void startTls(ScriptedReply& reply);
};
