#include "ScriptedImapDefaults.h"

#include "ScriptedCommand.h"
#include "ScriptedImapServer.h"
#include "ScriptedReply.h"

#include <QSet>

#include <functional>

namespace {

bool isInbox(const QByteArray& name)
{
    return name.compare("INBOX", Qt::CaseInsensitive) == 0;
}

bool hasAttribute(const ScriptedFolder& folder, const QByteArray& attribute)
{
    return folder.attributes.toLower().contains(attribute.toLower());
}

bool hasFlag(const ScriptedMessage& message, const QByteArray& flag)
{
    for (const QByteArray& present : ScriptedCommand::tokens(message.flags)) {
        if (present.compare(flag, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

QByteArray literal(const QByteArray& bytes)
{
    return '{' + QByteArray::number(bytes.size()) + "}\r\n";
}

// The header of a message up to and including the empty line, and the text
// after it (RFC 3501 BODY[HEADER] and BODY[TEXT]).
std::pair<QByteArray, QByteArray> splitMessage(const QByteArray& raw)
{
    qsizetype end = raw.indexOf("\r\n\r\n");
    qsizetype separator = 4;
    if (end < 0) {
        end = raw.indexOf("\n\n");
        separator = 2;
    }
    if (end < 0) {
        return {raw, QByteArray()};
    }
    return {raw.left(end + separator), raw.mid(end + separator)};
}

// A body item split into its name ("BODY", "BODY.PEEK", "RFC822"...), the
// section inside [] and the partial range <start.length>.
struct BodyItem
{
    QByteArray section;
    qint64 start = -1;
    qint64 length = -1;
    bool valid = false;
};

BodyItem parseBodyItem(const QByteArray& item)
{
    BodyItem body;
    const qsizetype open = item.indexOf('[');
    const qsizetype close = item.lastIndexOf(']');
    if (open < 0 || close < open) {
        return body;
    }
    const QByteArray name = item.left(open);
    if (name != "BODY" && name != "BODY.PEEK") {
        return body;
    }
    body.section = item.mid(open + 1, close - open - 1);
    if (body.section != "" && body.section != "HEADER" && body.section != "TEXT") {
        return body;
    }
    const QByteArray partial = item.mid(close + 1);
    if (!partial.isEmpty()) {
        if (!partial.startsWith('<') || !partial.endsWith('>')) {
            return body;
        }
        const QList<QByteArray> range = partial.mid(1, partial.size() - 2).split('.');
        bool startOk = false;
        bool lengthOk = false;
        body.start = range.value(0).toLongLong(&startOk);
        body.length = range.value(1).toLongLong(&lengthOk);
        if (range.size() != 2 || !startOk || !lengthOk || body.start < 0 || body.length < 0) {
            return body;
        }
    }
    body.valid = true;
    return body;
}

// SEARCH keys (RFC 3501 6.4.4), the subset an archiver and its tests use.
// Returns whether the key at *index matches; *ok turns false on a key it
// does not know or a missing argument.
bool searchKey(const QList<QByteArray>& keys,
               qsizetype* index,
               const ScriptedMessage& message,
               quint32 seq,
               const ScriptedFolder& folder,
               bool* ok)
{
    if (*index >= keys.size()) {
        *ok = false;
        return false;
    }
    const QByteArray& original = keys.at((*index)++);
    const QByteArray key = original.toUpper();
    if (key.startsWith('(')) {
        const QList<QByteArray> inner = ScriptedCommand::tokens(original);
        bool all = !inner.isEmpty();
        for (qsizetype i = 0; i < inner.size() && *ok;) {
            all = searchKey(inner, &i, message, seq, folder, ok) && all;
        }
        return all;
    }
    if (key == "ALL") {
        return true;
    }
    if (key == "UID") {
        const QByteArray set = keys.value((*index)++);
        if (!ScriptedImapDefaults::isSequenceSet(set)) {
            *ok = false;
            return false;
        }
        return ScriptedImapDefaults::inSequenceSet(set, message.uid, ScriptedImapDefaults::highestUid(folder));
    }
    if (key == "NOT") {
        return !searchKey(keys, index, message, seq, folder, ok);
    }
    if (key == "OR") {
        const bool first = searchKey(keys, index, message, seq, folder, ok);
        const bool second = searchKey(keys, index, message, seq, folder, ok);
        return first || second;
    }
    static const QList<std::pair<QByteArray, QByteArray>> flagKeys {{"SEEN", "\\Seen"},
                                                                    {"ANSWERED", "\\Answered"},
                                                                    {"FLAGGED", "\\Flagged"},
                                                                    {"DELETED", "\\Deleted"},
                                                                    {"DRAFT", "\\Draft"}};
    for (const auto& [name, flag] : flagKeys) {
        if (key == name) {
            return hasFlag(message, flag);
        }
        if (key == "UN" + name) {
            return !hasFlag(message, flag);
        }
    }
    if (key == "NEW" || key == "RECENT") {
        return false; // nothing is recent on a server that only serves
    }
    if (key == "OLD") {
        return true;
    }
    if (ScriptedImapDefaults::isSequenceSet(key)) {
        return ScriptedImapDefaults::inSequenceSet(key, seq, static_cast<quint32>(folder.messages.size()));
    }
    *ok = false;
    return false;
}

bool searchMatches(
    const QList<QByteArray>& keys, const ScriptedMessage& message, quint32 seq, const ScriptedFolder& folder, bool* ok)
{
    bool all = true;
    for (qsizetype i = 0; i < keys.size() && *ok;) {
        all = searchKey(keys, &i, message, seq, folder, ok) && all;
    }
    return all && *ok;
}

} // namespace

void ScriptedImapDefaults::answer(const ScriptedCommand& command, ScriptedReply& reply)
{
    using Answer = std::function<void(const ScriptedCommand&, ScriptedReply&)>;
    // Which commands each state allows (RFC 3501 section 6): the client
    // under test must not get further than a real server would let it.
    static const QSet<QByteArray> anyState {"CAPABILITY", "NOOP", "LOGOUT"};
    static const QSet<QByteArray> beforeLogin {"STARTTLS", "LOGIN", "AUTHENTICATE"};
    static const QSet<QByteArray> selectedOnly {
        "FETCH", "UID FETCH", "SEARCH", "UID SEARCH", "CHECK", "CLOSE", "UNSELECT"};
    static const QHash<QByteArray, Answer> answers {
        {"GREETING", [](const ScriptedCommand&, ScriptedReply& r) { greeting(r); }},
        {"CAPABILITY", [](const ScriptedCommand&, ScriptedReply& r) { capability(r); }},
        {"NOOP", [](const ScriptedCommand&, ScriptedReply& r) { r.ok("NOOP completed"); }},
        {"CHECK", [](const ScriptedCommand&, ScriptedReply& r) { r.ok("CHECK completed"); }},
        {"LOGOUT", [](const ScriptedCommand&, ScriptedReply& r) { logout(r); }},
        {"STARTTLS", [](const ScriptedCommand&, ScriptedReply& r) { startTls(r); }},
        {"LOGIN", &login},
        {"AUTHENTICATE", &authenticate},
        {"NAMESPACE", [](const ScriptedCommand&, ScriptedReply& r) { namespaces(r); }},
        {"LIST", &list},
        {"LSUB", &list},
        {"STATUS", &status},
        {"EXAMINE", &examine},
        {"SELECT", &examine},
        {"SEARCH", &search},
        {"UID SEARCH", &search},
        {"FETCH", &fetch},
        {"UID FETCH", &fetch},
        {"CLOSE",
         [](const ScriptedCommand& c, ScriptedReply& r) {
             r.deselect();
             r.ok(c.verb + " completed");
         }},
        {"UNSELECT",
         [](const ScriptedCommand& c, ScriptedReply& r) {
             r.deselect();
             r.ok(c.verb + " completed");
         }},
    };

    if (command.verb == "GREETING") {
        greeting(reply);
        return;
    }
    if (command.tag.isEmpty() || command.verb.isEmpty()) {
        reply.bad("Missing tag or command");
        return;
    }
    const auto found = answers.constFind(command.verb);
    if (found == answers.cend()) {
        reply.bad("Unknown command " + command.verb);
        return;
    }
    if (!anyState.contains(command.verb)) {
        if (beforeLogin.contains(command.verb) && reply.isAuthenticated()) {
            reply.bad("Already authenticated");
            return;
        }
        if (!beforeLogin.contains(command.verb) && !reply.isAuthenticated()) {
            reply.bad("Not authenticated");
            return;
        }
        if (selectedOnly.contains(command.verb) && reply.selected() == nullptr) {
            reply.bad("No mailbox selected");
            return;
        }
    }
    (*found)(command, reply);
}

void ScriptedImapDefaults::greeting(ScriptedReply& reply)
{
    reply.untagged("OK [CAPABILITY " + reply.capabilities() + "] ScriptedImapServer ready.");
}

void ScriptedImapDefaults::capability(ScriptedReply& reply)
{
    reply.untagged("CAPABILITY " + reply.capabilities());
    reply.ok("Capability completed");
}

void ScriptedImapDefaults::login(const ScriptedCommand& command, ScriptedReply& reply)
{
    if (command.arguments.size() != 2) {
        reply.bad("LOGIN takes a user and a password");
        return;
    }
    if (command.arguments.at(0) != reply.server().user() || command.arguments.at(1) != reply.server().password()) {
        reply.no("[AUTHENTICATIONFAILED] Authentication failed.");
        return;
    }
    reply.setAuthenticated(true);
    reply.ok("Logged in");
}

void ScriptedImapDefaults::authenticate(const ScriptedCommand& command, ScriptedReply& reply)
{
    if (command.arguments.isEmpty() || command.arguments.at(0).toUpper() != "PLAIN") {
        reply.no("[CANNOT] Only PLAIN is supported");
        return;
    }
    // SASL-IR (RFC 4959): the response may come with the command.
    if (command.arguments.size() > 1) {
        authenticatePlain(command.arguments.at(1), reply);
        return;
    }
    reply.continuation(QByteArray(),
                       [](const QByteArray& line, ScriptedReply& next) { authenticatePlain(line, next); });
}

void ScriptedImapDefaults::authenticatePlain(const QByteArray& response, ScriptedReply& reply)
{
    if (response == "*") {
        reply.bad("Authentication cancelled");
        return;
    }
    // authorization identity NUL user NUL password (RFC 4616)
    const QByteArray decoded = response == "=" ? QByteArray() : QByteArray::fromBase64(response);
    const QList<QByteArray> parts = decoded.split('\0');
    if (parts.size() != 3 || parts.at(1) != reply.server().user() || parts.at(2) != reply.server().password()) {
        reply.no("[AUTHENTICATIONFAILED] Authentication failed.");
        return;
    }
    reply.setAuthenticated(true);
    reply.ok("Logged in");
}

void ScriptedImapDefaults::namespaces(ScriptedReply& reply)
{
    const QList<ScriptedFolder> folders = reply.server().folders();
    const char delimiter = folders.isEmpty() ? '/' : folders.first().delimiter;
    reply.untagged("NAMESPACE ((\"\" " + astring(QByteArray(1, delimiter)) + ")) NIL NIL");
    reply.ok("Namespace completed");
}

void ScriptedImapDefaults::list(const ScriptedCommand& command, ScriptedReply& reply)
{
    if (command.arguments.size() != 2) {
        reply.bad(command.verb + " takes a reference and a pattern");
        return;
    }
    const QList<ScriptedFolder> folders = reply.server().folders();
    const char firstDelimiter = folders.isEmpty() ? '/' : folders.first().delimiter;
    const auto delimiterText = [](char delimiter) {
        return delimiter == '\0' ? QByteArray("NIL") : astring(QByteArray(1, delimiter));
    };
    const QByteArray pattern = command.arguments.at(0) + command.arguments.at(1);
    if (command.arguments.at(1).isEmpty()) {
        // The hierarchy delimiter and the root (RFC 3501 6.3.8).
        reply.untagged(command.verb + " (\\Noselect) " + delimiterText(firstDelimiter) + " \"\"");
        reply.ok(command.verb + " completed");
        return;
    }
    for (const ScriptedFolder& folder : folders) {
        const bool matches = matchesListPattern(pattern, folder.name, folder.delimiter)
            || (isInbox(folder.name) && matchesListPattern(pattern.toUpper(), "INBOX", folder.delimiter));
        if (matches) {
            reply.untagged(command.verb + " (" + folder.attributes + ") " + delimiterText(folder.delimiter) + ' '
                           + astring(folder.name));
        }
    }
    reply.ok(command.verb + " completed");
}

void ScriptedImapDefaults::status(const ScriptedCommand& command, ScriptedReply& reply)
{
    if (command.arguments.size() != 2) {
        reply.bad("STATUS takes a mailbox and items");
        return;
    }
    const std::optional<ScriptedFolder> folder = reply.server().folder(command.arguments.at(0));
    if (!folder || hasAttribute(*folder, "\\Noselect")) {
        reply.no("[NONEXISTENT] Mailbox doesn't exist: " + command.arguments.at(0));
        return;
    }
    QList<QByteArray> items;
    for (const QByteArray& item : ScriptedCommand::tokens(command.arguments.at(1))) {
        const QByteArray name = item.toUpper();
        if (name == "MESSAGES") {
            items << name + ' ' + QByteArray::number(folder->messages.size());
        } else if (name == "RECENT") {
            items << name + " 0";
        } else if (name == "UIDNEXT") {
            items << name + ' ' + QByteArray::number(uidNext(*folder));
        } else if (name == "UIDVALIDITY") {
            items << name + ' ' + QByteArray::number(folder->uidValidity);
        } else if (name == "UNSEEN") {
            qsizetype unseen = 0;
            for (const ScriptedMessage& message : folder->messages) {
                unseen += hasFlag(message, "\\Seen") ? 0 : 1;
            }
            items << name + ' ' + QByteArray::number(unseen);
        } else {
            reply.bad("Unknown STATUS item " + item);
            return;
        }
    }
    reply.untagged("STATUS " + astring(folder->name) + " (" + items.join(' ') + ')');
    reply.ok("Status completed");
}

void ScriptedImapDefaults::examine(const ScriptedCommand& command, ScriptedReply& reply)
{
    if (command.arguments.size() != 1) {
        reply.bad(command.verb + " takes a mailbox");
        return;
    }
    // A failed EXAMINE leaves no mailbox selected (RFC 3501 6.3.1).
    const ScriptedFolder* folder = reply.select(command.arguments.at(0));
    if (folder == nullptr || hasAttribute(*folder, "\\Noselect")) {
        reply.deselect();
        reply.no("[NONEXISTENT] Mailbox doesn't exist: " + command.arguments.at(0));
        return;
    }
    const bool readOnly = command.verb == "EXAMINE";
    reply.untagged("FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)");
    reply.untagged(readOnly ? QByteArray("OK [PERMANENTFLAGS ()] Read-only mailbox.")
                            : QByteArray("OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] "
                                         "Flags permitted."));
    reply.untagged(QByteArray::number(folder->messages.size()) + " EXISTS");
    reply.untagged("0 RECENT");
    reply.untagged("OK [UIDVALIDITY " + QByteArray::number(folder->uidValidity) + "] UIDs valid");
    reply.untagged("OK [UIDNEXT " + QByteArray::number(uidNext(*folder)) + "] Predicted next UID");
    reply.ok(readOnly ? QByteArray("[READ-ONLY] Examine completed") : QByteArray("[READ-WRITE] Select completed"));
}

void ScriptedImapDefaults::search(const ScriptedCommand& command, ScriptedReply& reply)
{
    const ScriptedFolder& folder = *reply.selected();
    QList<QByteArray> keys = command.arguments;
    if (keys.size() >= 2 && keys.first().toUpper() == "CHARSET") {
        keys.remove(0, 2);
    }
    // Checked once against a stand-in message, so a wrong key is BAD even
    // in an empty folder.
    bool ok = !keys.isEmpty();
    searchMatches(keys, ScriptedMessage {1, {}}, 1, folder, &ok);
    if (!ok) {
        reply.bad("Error in SEARCH keys");
        return;
    }
    const bool byUid = command.verb == "UID SEARCH";
    QByteArray found = "SEARCH";
    for (qsizetype i = 0; i < folder.messages.size(); ++i) {
        const ScriptedMessage& message = folder.messages.at(i);
        if (searchMatches(keys, message, static_cast<quint32>(i + 1), folder, &ok)) {
            found += ' ' + QByteArray::number(byUid ? message.uid : static_cast<quint32>(i + 1));
        }
    }
    reply.untagged(found);
    reply.ok("Search completed");
}

void ScriptedImapDefaults::fetch(const ScriptedCommand& command, ScriptedReply& reply)
{
    QList<QByteArray> items;
    if (command.arguments.size() != 2 || !isSequenceSet(command.arguments.at(0))
        || !fetchItems(command.arguments.at(1), &items)) {
        reply.bad("Error in FETCH arguments");
        return;
    }
    const ScriptedFolder& folder = *reply.selected();
    const std::function<bool(quint32)> filter = reply.server().fetchFilter();
    const bool byUid = command.verb == "UID FETCH";
    const quint32 largest = byUid ? highestUid(folder) : static_cast<quint32>(folder.messages.size());
    for (qsizetype i = 0; i < folder.messages.size() && !reply.isClosed(); ++i) {
        const ScriptedMessage& message = folder.messages.at(i);
        const auto seq = static_cast<quint32>(i + 1);
        if (!inSequenceSet(command.arguments.at(0), byUid ? message.uid : seq, largest)) {
            continue;
        }
        if (filter && !filter(message.uid)) {
            continue;
        }
        for (const QByteArray& piece : fetchResponse(message, static_cast<int>(seq), items, byUid)) {
            reply.send(piece);
        }
    }
    reply.ok("Fetch completed");
}

void ScriptedImapDefaults::logout(ScriptedReply& reply)
{
    reply.untagged("BYE Logging out");
    reply.ok("Logout completed");
    reply.close();
}

void ScriptedImapDefaults::startTls(ScriptedReply& reply)
{
    if (reply.server().security() != ScriptedImapServer::Security::StartTls || reply.isEncrypted()) {
        reply.bad("STARTTLS is not available");
        return;
    }
    reply.ok("Begin TLS negotiation now");
    reply.startTls();
}

bool ScriptedImapDefaults::fetchItems(const QByteArray& items, QList<QByteArray>* parsed)
{
    parsed->clear();
    for (const QByteArray& token : ScriptedCommand::tokens(items)) {
        const QByteArray item = token.toUpper();
        if (item == "FAST") {
            *parsed << "FLAGS"
                    << "INTERNALDATE"
                    << "RFC822.SIZE";
        } else if (item == "UID" || item == "FLAGS" || item == "INTERNALDATE" || item == "RFC822.SIZE"
                   || item == "RFC822" || item == "RFC822.HEADER" || item == "RFC822.TEXT"
                   || parseBodyItem(item).valid) {
            *parsed << item;
        } else {
            return false;
        }
    }
    return !parsed->isEmpty();
}

QList<QByteArray> ScriptedImapDefaults::fetchResponse(const ScriptedMessage& message,
                                                      int seq,
                                                      const QList<QByteArray>& items,
                                                      bool withUid)
{
    QList<QByteArray> pieces;
    QByteArray text = "* " + QByteArray::number(seq) + " FETCH (";
    bool first = true;
    const auto add = [&](const QByteArray& item) {
        text += (first ? QByteArray() : QByteArray(" ")) + item;
        first = false;
    };
    const auto addBody = [&](const QByteArray& name, const QByteArray& bytes) {
        add(name + ' ' + literal(bytes));
        pieces << text << bytes;
        text.clear();
    };
    // A UID FETCH answer carries the UID even when not asked (RFC 3501 6.4.8).
    if (withUid && !items.contains("UID")) {
        add("UID " + QByteArray::number(message.uid));
    }
    for (const QByteArray& item : items) {
        if (item == "UID") {
            add("UID " + QByteArray::number(message.uid));
        } else if (item == "FLAGS") {
            add("FLAGS (" + message.flags + ')');
        } else if (item == "INTERNALDATE") {
            add("INTERNALDATE \"" + message.internalDate + '"');
        } else if (item == "RFC822.SIZE") {
            add("RFC822.SIZE " + QByteArray::number(message.raw.size()));
        } else if (item == "RFC822") {
            addBody(item, message.raw);
        } else if (item == "RFC822.HEADER") {
            addBody(item, splitMessage(message.raw).first);
        } else if (item == "RFC822.TEXT") {
            addBody(item, splitMessage(message.raw).second);
        } else if (const BodyItem body = parseBodyItem(item); body.valid) {
            QByteArray bytes = body.section == "HEADER" ? splitMessage(message.raw).first
                : body.section == "TEXT"                ? splitMessage(message.raw).second
                                                        : message.raw;
            QByteArray name = "BODY[" + body.section + ']';
            if (body.start >= 0) {
                bytes = bytes.mid(static_cast<qsizetype>(qMin<qint64>(body.start, bytes.size())),
                                  static_cast<qsizetype>(body.length));
                name += '<' + QByteArray::number(body.start) + '>';
            }
            addBody(name, bytes);
        }
    }
    text += ")\r\n";
    pieces << text;
    return pieces;
}

bool ScriptedImapDefaults::isSequenceSet(const QByteArray& text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (const QByteArray& part : text.split(',')) {
        const QList<QByteArray> ends = part.split(':');
        if (ends.size() > 2) {
            return false;
        }
        for (const QByteArray& end : ends) {
            bool ok = false;
            if (end != "*" && (end.toUInt(&ok) == 0 || !ok)) {
                return false;
            }
        }
    }
    return true;
}

bool ScriptedImapDefaults::inSequenceSet(const QByteArray& set, quint32 value, quint32 largest)
{
    for (const QByteArray& part : set.split(',')) {
        const QList<QByteArray> ends = part.split(':');
        const auto number = [largest](const QByteArray& end) { return end == "*" ? largest : end.toUInt(); };
        const quint32 a = number(ends.first());
        const quint32 b = number(ends.last());
        // "7:3" is "3:7", and "n:*" past the end still means the last
        // message (RFC 3501 6.4.8).
        if (value >= qMin(a, b) && value <= qMax(a, b)) {
            return true;
        }
    }
    return false;
}

bool ScriptedImapDefaults::matchesListPattern(const QByteArray& pattern, const QByteArray& name, char delimiter)
{
    // Plain backtracking over the two wildcards; names and patterns are short.
    const std::function<bool(qsizetype, qsizetype)> match = [&](qsizetype p, qsizetype n) {
        if (p == pattern.size()) {
            return n == name.size();
        }
        const char c = pattern.at(p);
        if (c == '*' || c == '%') {
            for (qsizetype end = n; end <= name.size(); ++end) {
                if (match(p + 1, end)) {
                    return true;
                }
                if (end < name.size() && c == '%' && name.at(end) == delimiter) {
                    return false;
                }
            }
            return false;
        }
        return n < name.size() && name.at(n) == c && match(p + 1, n + 1);
    };
    return match(0, 0);
}

QByteArray ScriptedImapDefaults::astring(const QByteArray& text)
{
    for (const char c : text) {
        if (c < 0x20 || c > 0x7e) {
            return literal(text) + text;
        }
    }
    QByteArray quoted = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            quoted += '\\';
        }
        quoted += c;
    }
    return quoted + '"';
}

quint32 ScriptedImapDefaults::highestUid(const ScriptedFolder& folder)
{
    quint32 highest = 0;
    for (const ScriptedMessage& message : folder.messages) {
        highest = qMax(highest, message.uid);
    }
    return highest;
}

quint32 ScriptedImapDefaults::uidNext(const ScriptedFolder& folder)
{
    return folder.uidNext != 0 ? folder.uidNext : highestUid(folder) + 1;
}
