#include "ImapSession.h"

#include "FetchResponse.h"
#include "ImapResponseReader.h"
#include "ImapTokenizer.h"
#include "ModifiedUtf7.h"

#include <vmime/vmime.hpp>

#include <QElapsedTimer>
#include <QMap>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

// The canonical spelling of the LIST attributes callers look for; servers
// may send them in any case (RFC 3501: atoms are case-insensitive).
QString canonicalAttribute(const QByteArray& attribute)
{
    static const char* const Known[] = {"\\Noselect",
                                        "\\NonExistent",
                                        "\\HasChildren",
                                        "\\HasNoChildren",
                                        "\\Noinferiors",
                                        "\\Marked",
                                        "\\Unmarked",
                                        "\\All",
                                        "\\Archive",
                                        "\\Drafts",
                                        "\\Flagged",
                                        "\\Junk",
                                        "\\Sent",
                                        "\\Trash",
                                        "\\Important"};
    for (const char* known : Known) {
        if (attribute.compare(known, Qt::CaseInsensitive) == 0) {
            return QString::fromLatin1(known);
        }
    }
    return ModifiedUtf7::decodeForDisplay(attribute);
}

[[noreturn]] void protocolError(const char* command, const std::string& what)
{
    throw vmime::exceptions::invalid_response(command, what);
}

} // namespace

ImapSession::ImapSession(std::shared_ptr<vmime::net::store> store)
    : m_store(std::move(store))
{
}

ImapSession::~ImapSession()
{
    // LOGOUT; a connection that is already broken has nothing to say.
    try {
        if (m_store && m_store->isConnected()) {
            m_store->disconnect();
        }
    } catch (const vmime::exception&) {
    } catch (const std::exception&) {
    }
}

std::string ImapSession::serverText(const QByteArray& statusLine)
{
    const qsizetype space = statusLine.indexOf(' ');
    return (space >= 0 ? statusLine.mid(space + 1) : QByteArray()).left(1000).toStdString();
}

QByteArray ImapSession::astring(const QByteArray& bytes, bool* needsLiteral)
{
    // A quoted string carries any 7-bit byte but NUL, CR and LF; anything
    // else travels as a literal, so every name goes back byte for byte.
    *needsLiteral = false;
    QByteArray quoted;
    quoted.reserve(bytes.size() + 2);
    quoted += '"';
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0 || byte == '\r' || byte == '\n' || byte >= 0x80) {
            *needsLiteral = true;
            return bytes;
        }
        if (c == '"' || c == '\\') {
            quoted += '\\';
        }
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

ImapSession::RawAnswer ImapSession::runRaw(const char* verb, const QList<QByteArray>& parts)
{
    if (!m_rawChannel) {
        throw vmime::exceptions::not_connected();
    }
    if (!m_outstanding.isEmpty()) {
        // Untagged FETCH data of another command would be taken for ours.
        throw vmime::exceptions::command_error(verb, "", "a FETCH is still outstanding");
    }
    if (!m_idleTag.isEmpty()) {
        throw vmime::exceptions::command_error(verb, "", "the connection is idling");
    }
    const QByteArray tag = "OA" + QByteArray::number(++m_rawTag);
    RawAnswer answer;
    const auto readUntil = [&](bool continuation) {
        for (;;) {
            ImapResponse response = readRawResponse(m_commandTimeoutMs);
            const QByteArray& first = response.firstLine();
            if (continuation && first.startsWith('+')) {
                return;
            }
            if (first.startsWith(tag + ' ')) {
                answer.status = first.mid(tag.size() + 1);
                return;
            }
            if (first.startsWith("* BYE")) {
                const std::string text = serverText(first.mid(2));
                throw vmime::exceptions::command_error(verb, text, text);
            }
            answer.untagged << std::move(response);
        }
    };

    // "<tag> VERB arg arg": each part is either text or, when it cannot be
    // quoted, a literal sent after the server's go-ahead.
    QByteArray pending = tag + ' ';
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            pending += ' ';
        }
        if (!parts[i].startsWith(LiteralMark)) {
            pending += parts[i];
            continue;
        }
        const QByteArray literal = parts[i].mid(LiteralMark.size());
        pending += '{' + QByteArray::number(literal.size()) + "}\r\n";
        m_rawChannel->send(std::string(pending.constData(), static_cast<size_t>(pending.size())));
        pending.clear();
        readUntil(true);
        if (!answer.status.isEmpty()) {
            break; // refused before the literal
        }
        pending = literal;
    }
    if (answer.status.isEmpty()) {
        pending += "\r\n";
        m_rawChannel->send(std::string(pending.constData(), static_cast<size_t>(pending.size())));
        readUntil(false);
    }
    if (!answer.status.startsWith("OK")) {
        const std::string text = serverText(answer.status);
        throw vmime::exceptions::command_error(verb, text, text);
    }
    return answer;
}

QByteArray ImapSession::mailboxArgument(const QByteArray& name)
{
    bool literal = false;
    const QByteArray encoded = astring(name, &literal);
    return literal ? LiteralMark + encoded : encoded;
}

QList<RemoteFolder> ImapSession::listFolders()
{
    // Read by our own parser, not vmime's: a name is kept as the bytes the
    // server sent (vmime decoded it to text and lost what was not valid
    // modified UTF-7, so the folder could not be opened again).
    RawAnswer answer = runRaw("LIST", {"LIST", "\"\"", "\"*\""});
    QList<RemoteFolder> folders;
    for (ImapResponse& response : answer.untagged) {
        if (!response.firstLine().left(7).toUpper().startsWith("* LIST ")) {
            continue;
        }
        QList<ImapToken> tokens;
        if (!ImapTokenizer::tokenize(response, 7, tokens)) {
            protocolError("LIST", "a quoted string never ends");
        }
        // (attributes) delimiter name [extended data]
        const qsizetype attributesEnd = ImapTokenizer::skipValue(tokens, 0);
        if (tokens.isEmpty() || tokens[0].kind != ImapToken::Open || attributesEnd < 0
            || attributesEnd + 1 >= tokens.size()) {
            protocolError("LIST", "a LIST line without attributes, delimiter and name");
        }
        RemoteFolder folder;
        for (qsizetype i = 1; i < attributesEnd - 1; ++i) {
            const QString attribute = canonicalAttribute(tokens[i].text);
            if (attribute == QLatin1String("\\NonExistent")) {
                folder.flags << QStringLiteral("\\Noselect");
            }
            if (!folder.flags.contains(attribute, Qt::CaseInsensitive)) {
                folder.flags << attribute;
            }
        }
        const ImapToken& delimiter = tokens[attributesEnd];
        if (!delimiter.isNil() && delimiter.text.size() == 1) {
            folder.delimiter = QChar::fromLatin1(delimiter.text.at(0));
        }
        const ImapToken& name = tokens[attributesEnd + 1];
        if (name.kind == ImapToken::Open || name.kind == ImapToken::Close || name.text.isEmpty()) {
            protocolError("LIST", "a LIST line without a folder name");
        }
        folder.name = name.text;
        // INBOX is case-insensitive (RFC 3501 5.1): one spelling everywhere.
        folder.path = folder.name.compare("INBOX", Qt::CaseInsensitive) == 0
            ? QStringLiteral("INBOX")
            : ModifiedUtf7::decodeForDisplay(folder.name);
        folders << folder;
    }
    return folders;
}

FolderStatus ImapSession::examine(const QString& path)
{
    return examine(ModifiedUtf7::encode(path));
}

FolderStatus ImapSession::examine(const QByteArray& name)
{
    m_examinedMessages = 0;
    RawAnswer answer = runRaw("EXAMINE", {"EXAMINE", mailboxArgument(name)});
    FolderStatus status;
    for (const ImapResponse& response : answer.untagged) {
        const QByteArray line = response.firstLine().left(200);
        const QList<QByteArray> words = line.split(' ');
        if (words.size() >= 3 && words[2].toUpper() == "EXISTS") {
            ImapTokenizer::toNumber(words[1], &status.messages);
        }
        // "* OK [UIDVALIDITY 3857529045] ..."
        const qsizetype open = line.indexOf('[');
        const qsizetype close = line.indexOf(']', open + 1);
        if (!line.startsWith("* OK [") || close < 0) {
            continue;
        }
        const QList<QByteArray> code = line.mid(open + 1, close - open - 1).split(' ');
        const QByteArray codeName = code.value(0).toUpper();
        quint32 number = 0;
        if (codeName == "UIDVALIDITY" && ImapTokenizer::toNumber(code.value(1), &number)) {
            status.uidValidity = number;
        } else if (codeName == "UIDNEXT" && ImapTokenizer::toNumber(code.value(1), &number)) {
            status.uidNext = number;
        } else if (codeName == "HIGHESTMODSEQ") {
            status.highestModSeq = code.value(1).toULongLong();
        } else if (codeName == "NOMODSEQ") {
            status.highestModSeq = 0;
        }
    }
    m_examinedMessages = status.messages;
    return status;
}

QList<quint32> ImapSession::searchUids(const QByteArray& criteria)
{
    RawAnswer answer = runRaw("UID SEARCH", {"UID SEARCH", criteria});
    QList<quint32> uids;
    for (const ImapResponse& response : answer.untagged) {
        const QByteArray& line = response.firstLine();
        if (!line.left(9).toUpper().startsWith("* SEARCH")) {
            continue;
        }
        for (const QByteArray& word : line.mid(8).split(' ')) {
            if (word.isEmpty()) {
                continue;
            }
            quint32 uid = 0;
            if (!ImapTokenizer::toNumber(word, &uid) || uid == 0) {
                protocolError("UID SEARCH",
                              "the server listed UID " + word.left(40).toStdString() + ", which is no valid UID");
            }
            uids << uid;
        }
    }
    return uids;
}

QList<quint32> ImapSession::uidsFrom(quint32 firstUid)
{
    const quint32 first = std::max<quint32>(firstUid, 1);
    // By ranges of message numbers, so no answer is longer than
    // SearchChunk UIDs (about 1 MB), however big the folder: the reader's
    // line cap stays small. Messages that arrive meanwhile come next pass.
    QList<quint32> uids;
    // An empty folder has no UIDs to ask for, and some servers answer BAD
    // to "1:*" when there is no message 1.
    const quint32 messages = m_examinedMessages;
    for (quint64 start = 1; start <= messages; start += SearchChunk) {
        const quint64 end = start + SearchChunk - 1;
        const QByteArray range =
            QByteArray::number(start) + ':' + (end >= messages ? QByteArray("*") : QByteArray::number(end));
        uids += searchUids(range + " UID " + QByteArray::number(first) + ":*");
    }
    // "n:*" with n above the highest UID still matches the last message
    // (RFC 3501 6.4.8): drop it.
    uids.removeIf([first](quint32 uid) { return uid < first; });
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    return uids;
}

QMap<quint32, quint32> ImapSession::sizes(const QList<quint32>& uids)
{
    QMap<quint32, quint32> result;
    if (uids.isEmpty()) {
        return result;
    }
    RawAnswer answer = runRaw("UID FETCH", {"UID FETCH", compactUidSet(uids), "(UID RFC822.SIZE)"});
    for (ImapResponse& response : answer.untagged) {
        const std::optional<FetchResponse> item = FetchResponse::parse(std::move(response));
        if (item && item->uid != 0 && item->size >= 0) {
            result.insert(item->uid, static_cast<quint32>(item->size));
        }
    }
    return result;
}

QList<FetchedMessage> ImapSession::fetch(const QList<quint32>& uids, int timeoutMs)
{
    return receiveFetch(sendFetch(uids), timeoutMs);
}

ImapSession::PendingFetch ImapSession::sendFetch(const QList<quint32>& uids, qint64 byteBudget)
{
    PendingFetch pending;
    pending.byteBudget = byteBudget;
    pending.uids = uids;
    std::sort(pending.uids.begin(), pending.uids.end());
    pending.uids.erase(std::unique(pending.uids.begin(), pending.uids.end()), pending.uids.end());
    if (uids.isEmpty()) {
        return pending;
    }
    if (!m_rawChannel) {
        throw vmime::exceptions::not_connected();
    }
    // Our own tag prefix, never one of vmime's ("a001"...). BODY.PEEK
    // leaves \Seen alone (imap-lab §3).
    pending.tag = "OA" + QByteArray::number(++m_rawTag);
    const QByteArray command =
        pending.tag + " UID FETCH " + compactUidSet(uids) + " (UID FLAGS INTERNALDATE BODY.PEEK[])\r\n";
    m_rawChannel->send(std::string(command.constData(), static_cast<size_t>(command.size())));
    m_outstanding << pending;
    return pending;
}

namespace {

bool asked(const QList<quint32>& sortedUids, quint32 uid)
{
    return std::binary_search(sortedUids.cbegin(), sortedUids.cend(), uid);
}

} // namespace

void ImapSession::RawFetchResults::merge(FetchResponse item)
{
    FetchedMessage& message = byUid[item.uid];
    message.uid = item.uid;
    if (item.hasFlags) {
        message.flags = item.flags;
    }
    if (item.internalDate.isValid()) {
        message.internalDate = item.internalDate;
    }
    if (item.hasBody) {
        message.raw = std::move(item.body);
        withBody.insert(item.uid);
    }
}

QList<FetchedMessage> ImapSession::receiveFetch(const PendingFetch& pending, int timeoutMs)
{
    if (pending.tag.isEmpty()) {
        return {};
    }
    RawFetchResults mine;
    // Dovecot runs pipelined FETCH commands in parallel: their untagged
    // responses interleave, and a later command may even finish first.
    // Untagged responses carry no tag, so they are told apart by UID; those
    // for another outstanding command wait in m_unclaimed.
    for (auto it = m_unclaimed.byUid.begin(); it != m_unclaimed.byUid.end();) {
        if (asked(pending.uids, it.key())) {
            if (m_unclaimed.withBody.remove(it.key())) {
                mine.withBody.insert(it.key());
            }
            mine.byUid.insert(it.key(), std::move(it.value()));
            it = m_unclaimed.byUid.erase(it);
        } else {
            ++it;
        }
    }
    while (!m_finished.contains(pending.tag)) {
        ImapResponse response = readRawResponse(timeoutMs);
        const QByteArray& first = response.firstLine();
        // Tagged replies are rare (one per batch); messages are untagged.
        const auto finished = first.startsWith("* ")
            ? m_outstanding.cend()
            : std::find_if(m_outstanding.cbegin(), m_outstanding.cend(), [&](const PendingFetch& p) {
                  return first.startsWith(p.tag) && first.size() > p.tag.size() && first[p.tag.size()] == ' ';
              });
        if (finished != m_outstanding.cend()) {
            m_finished.insert(finished->tag, first.mid(finished->tag.size() + 1));
            continue;
        }
        if (first.startsWith("* BYE")) {
            const std::string serverText = first.mid(6).toStdString();
            throw vmime::exceptions::command_error("UID FETCH", serverText, serverText);
        }
        std::optional<FetchResponse> item;
        try {
            item = FetchResponse::parse(std::move(response));
        } catch (const vmime::exceptions::invalid_response& e) {
            // One message's answer that cannot be read costs that message,
            // not its folder: the reader took the whole response, so the
            // connection is in step. Without a UID there is no telling whose
            // it was, and the command fails as before.
            const QList<QByteArray> words = first.left(200).split(' ');
            const qsizetype at = words.indexOf("(UID") >= 0 ? words.indexOf("(UID") : words.indexOf("UID");
            quint32 uid = 0;
            if (at < 0 || !ImapTokenizer::toNumber(words.value(at + 1).split(')').value(0), &uid) || uid == 0) {
                throw;
            }
            m_unreadable.insert(uid, QString::fromStdString(e.response()));
            continue;
        }
        if (!item || item->uid == 0) {
            continue; // EXISTS, EXPUNGE, OK [...], an unsolicited flag update
        }
        if (asked(pending.uids, item->uid)) {
            keepWithinBudget(pending, *item);
            mine.merge(std::move(*item));
        } else if (const auto other = std::find_if(
                       m_outstanding.cbegin(),
                       m_outstanding.cend(),
                       [&](const PendingFetch& p) { return p.tag != pending.tag && asked(p.uids, item->uid); });
                   other != m_outstanding.cend()) {
            keepWithinBudget(*other, *item);
            m_unclaimed.merge(std::move(*item));
        }
    }
    const QByteArray status = m_finished.take(pending.tag);
    m_outstanding.removeIf([&](const PendingFetch& p) { return p.tag == pending.tag; });
    m_bodyBytes.remove(pending.tag);
    if (!status.startsWith("OK")) {
        const qsizetype space = status.indexOf(' ');
        const std::string serverText = space >= 0 ? status.mid(space + 1).toStdString() : std::string();
        throw vmime::exceptions::command_error("UID FETCH", serverText, serverText);
    }

    QList<FetchedMessage> messages;
    messages.reserve(mine.byUid.size());
    for (auto it = mine.byUid.begin(); it != mine.byUid.end(); ++it) {
        // A UID with flags but no body was expunged meanwhile, or only got
        // an unsolicited flag update: not a message to archive.
        if (mine.withBody.contains(it.key())) {
            messages << std::move(it.value());
        }
    }
    return messages;
}

void ImapSession::keepWithinBudget(const PendingFetch& owner, FetchResponse& item)
{
    if (!item.hasBody) {
        return;
    }
    qint64& kept = m_bodyBytes[owner.tag];
    // The first message of a command is always kept, so every command
    // makes progress however small its budget.
    if (owner.byteBudget > 0 && kept > 0 && kept + item.body.size() > owner.byteBudget) {
        // More than the server announced: the body is let go at once, so
        // memory follows the budget, not what the server chose to send.
        item.hasBody = false;
        item.body = QByteArray();
        m_overBudget.insert(item.uid);
        return;
    }
    kept += item.body.size();
}

QSet<quint32> ImapSession::takeOverBudget()
{
    return std::exchange(m_overBudget, {});
}

QMap<quint32, QString> ImapSession::takeUnreadable()
{
    return std::exchange(m_unreadable, {});
}

void ImapSession::discardOutstanding()
{
    // Read in the order sent; each one's NO is expected here (it is why we
    // are discarding). A broken connection still throws.
    while (!m_outstanding.isEmpty()) {
        const PendingFetch pending = m_outstanding.constFirst();
        try {
            receiveFetch(pending);
        } catch (const vmime::exceptions::command_error&) {
        } catch (const vmime::exceptions::invalid_response&) {
            // The response was read whole; its command is still outstanding
            // only if its tagged reply has not come yet.
            if (!m_outstanding.isEmpty() && m_outstanding.constFirst().tag == pending.tag
                && !m_finished.contains(pending.tag)) {
                continue;
            }
        }
        m_outstanding.removeIf([&](const PendingFetch& p) { return p.tag == pending.tag; });
        m_finished.remove(pending.tag);
    }
    m_unclaimed = {};
    m_bodyBytes.clear();
}

QByteArray ImapSession::compactUidSet(QList<quint32> uids)
{
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    QByteArray set;
    for (qsizetype i = 0; i < uids.size();) {
        qsizetype end = i;
        while (end + 1 < uids.size() && uids[end + 1] == uids[end] + 1) {
            ++end;
        }
        if (!set.isEmpty()) {
            set += ',';
        }
        set += QByteArray::number(uids[i]);
        if (end > i) {
            set += ':' + QByteArray::number(uids[end]);
        }
        i = end + 1;
    }
    return set;
}

QByteArray ImapSession::quotedMailbox(const QString& path)
{
    // Modified UTF-7 is printable ASCII, so it is always quoted, never a literal.
    bool literal = false;
    return astring(ModifiedUtf7::encode(path), &literal);
}

QSet<QByteArray> ImapSession::capabilities()
{
    const RawAnswer answer = runRaw("CAPABILITY", {"CAPABILITY"});
    QSet<QByteArray> capabilities;
    for (const ImapResponse& response : answer.untagged) {
        const QByteArray& line = response.firstLine();
        if (!line.left(13).toUpper().startsWith("* CAPABILITY ")) {
            continue;
        }
        for (const QByteArray& word : line.mid(13).split(' ')) {
            if (!word.isEmpty()) {
                capabilities.insert(word.toUpper());
            }
        }
    }
    return capabilities;
}

namespace {

// The IDLE ended on the server's side: its tagged answer to `tag` (NO, BAD,
// or an OK that came unasked) or a BYE, in the server's words.
[[noreturn]] void idleEnded(const QByteArray& line, const QByteArray& tag)
{
    const std::string text = ImapSession::serverText(line.startsWith("* BYE") ? line.mid(2) : line.mid(tag.size() + 1));
    throw vmime::exceptions::command_error("IDLE", text, text);
}

// Adds what one untagged response says about the folder to `news`.
void absorbIdleResponse(const QByteArray& line, ImapSession::IdleNews& news)
{
    const QList<QByteArray> words = line.left(200).split(' ');
    if (words.size() < 3 || words[0] != "*") {
        return;
    }
    const QByteArray what = words[2].toUpper();
    quint32 number = 0;
    if (what == "EXISTS" && ImapTokenizer::toNumber(words[1], &number)) {
        news.messages = number;
    } else if (what == "EXPUNGE") {
        ++news.expunged;
        if (news.messages && *news.messages > 0) {
            --*news.messages;
        }
    }
}

} // namespace

void ImapSession::startIdle()
{
    if (!m_rawChannel) {
        throw vmime::exceptions::not_connected();
    }
    if (!m_outstanding.isEmpty() || !m_idleTag.isEmpty()) {
        throw vmime::exceptions::command_error("IDLE", "", "another command is under way");
    }
    const QByteArray tag = "OA" + QByteArray::number(++m_rawTag);
    const QByteArray command = tag + " IDLE\r\n";
    m_rawChannel->send(std::string(command.constData(), static_cast<size_t>(command.size())));
    for (;;) {
        const ImapResponse response = readRawResponse(m_commandTimeoutMs);
        const QByteArray& first = response.firstLine();
        if (first.startsWith('+')) {
            m_idleTag = tag;
            return;
        }
        if (first.startsWith(tag + ' ') || first.startsWith("* BYE")) {
            idleEnded(first, tag);
        }
        // Untagged data before the go-ahead (an EXISTS from just before)
        // says nothing the next pass would not see.
    }
}

ImapSession::IdleNews ImapSession::waitIdle(int timeoutMs)
{
    if (m_idleTag.isEmpty()) {
        throw vmime::exceptions::command_error("IDLE", "", "the connection is not idling");
    }
    IdleNews news;
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        const bool buffered = m_reader && m_reader->buffered() > 0;
        if (!buffered) {
            if (!news.isEmpty()) {
                return news; // everything the server said at once is in
            }
            const qint64 left = timeoutMs - waited.elapsed();
            if (left <= 0 || !m_rawChannel->waitForRead(static_cast<int>(left))) {
                return news;
            }
        }
        // Something has come: the rest of its response follows at once.
        const ImapResponse response = readRawResponse(m_commandTimeoutMs);
        const QByteArray& first = response.firstLine();
        if (first.startsWith("* BYE") || first.startsWith(m_idleTag + ' ')) {
            idleEnded(first, std::exchange(m_idleTag, {}));
        }
        absorbIdleResponse(first, news);
    }
}

ImapSession::IdleNews ImapSession::stopIdle()
{
    if (m_idleTag.isEmpty()) {
        return {};
    }
    const QByteArray tag = std::exchange(m_idleTag, {});
    m_rawChannel->send(std::string("DONE\r\n"));
    IdleNews news;
    for (;;) {
        const ImapResponse response = readRawResponse(m_commandTimeoutMs);
        const QByteArray& first = response.firstLine();
        if (first.startsWith(tag + ' ') && first.mid(tag.size() + 1).startsWith("OK")) {
            return news;
        }
        if (first.startsWith(tag + ' ') || first.startsWith("* BYE")) {
            idleEnded(first, tag);
        }
        absorbIdleResponse(first, news);
    }
}

void ImapSession::setRawChannel(std::shared_ptr<vmime::net::socket> socket)
{
    m_rawChannel = std::move(socket);
    m_reader.reset();
    m_outstanding.clear();
    m_finished.clear();
    m_unclaimed = {};
}

ImapResponse ImapSession::readRawResponse(int timeoutMs)
{
    if (!m_rawChannel) {
        throw vmime::exceptions::not_connected();
    }
    if (!m_reader) {
        m_reader = std::make_unique<ImapResponseReader>([this] {
            QElapsedTimer silence;
            silence.start();
            for (;;) {
                std::string chunk;
                m_rawChannel->receive(chunk);
                if (!chunk.empty()) {
                    return chunk;
                }
                if (silence.hasExpired(m_rawTimeoutMs)) {
                    throw vmime::exceptions::operation_timed_out();
                }
                // Sliced: the socket checks the cancel token in between.
                m_rawChannel->waitForRead(100);
            }
        });
    }
    m_rawTimeoutMs = timeoutMs;
    try {
        return m_reader->next();
    } catch (const vmime::exceptions::invalid_response&) {
        // Past a cap the rest of that response was never read: what comes
        // next on the connection cannot be told apart from it any more.
        m_inStep = false;
        throw;
    }
}
