#include "ImapWriter.h"

#include "imap/ImapSession.h"
#include "imap/ImapTokenizer.h"

#include <QRegularExpression>

#include <vmime/exception.hpp>
#include <vmime/net/socket.hpp>

namespace {

// Messages whose keys one UID FETCH asks for: an answer of about 200 KB.
constexpr int KeyChunk = 2000;
// LITERAL- (RFC 7888) allows a non-synchronizing literal up to this size.
constexpr qsizetype LiteralMinusLimit = 4096;
// How long the server may take to answer an APPEND of a big message.
constexpr int AppendTimeoutMs = 120000;

QByteArray withoutWhitespace(QByteArray text)
{
    text.replace(' ', QByteArray()).replace('\t', QByteArray()).replace('\r', QByteArray()).replace('\n', QByteArray());
    return text;
}

// The value of the first header field `name` (lower case, with its colon)
// in the header of `raw`, continuation lines included.
QByteArray headerValue(const QByteArray& raw, const QByteArray& name)
{
    qsizetype at = 0;
    bool collecting = false;
    QByteArray value;
    while (at < raw.size()) {
        qsizetype end = raw.indexOf('\n', at);
        if (end < 0) {
            end = raw.size();
        }
        QByteArray line = raw.mid(at, end - at);
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        at = end + 1;
        if (line.isEmpty()) {
            break; // the end of the header
        }
        const bool continuation = line.startsWith(' ') || line.startsWith('\t');
        if (collecting) {
            if (!continuation) {
                break;
            }
            value += line;
            continue;
        }
        if (!continuation && line.size() >= name.size() && line.left(name.size()).toLower() == name) {
            collecting = true;
            value = line.mid(name.size());
        }
    }
    return value;
}

} // namespace

ImapWriter::ImapWriter(ImapSession& session)
    : m_session(session)
{
    const QSet<QByteArray> capabilities = m_session.capabilities();
    m_literalPlus = capabilities.contains("LITERAL+");
    m_literalMinus = capabilities.contains("LITERAL-");
    m_uidPlus = capabilities.contains("UIDPLUS");
    m_multiAppend = capabilities.contains("MULTIAPPEND");
}

void ImapWriter::createFolder(const QByteArray& name)
{
    try {
        m_session.runRaw("CREATE", {"CREATE", ImapSession::mailboxArgument(name)});
    } catch (const vmime::exceptions::command_error& e) {
        // RFC 5530's ALREADYEXISTS; servers without it are asked by LIST.
        if (QByteArray::fromStdString(e.response()).toUpper().contains("[ALREADYEXISTS]")) {
            return;
        }
        for (const RemoteFolder& folder : m_session.listFolders()) {
            if (folder.name == name) {
                return;
            }
        }
        throw;
    }
}

QByteArray ImapWriter::identityKey(const QByteArray& messageId, const QByteArray& date, qint64 size)
{
    const QByteArray id = withoutWhitespace(messageId);
    const QByteArray when = withoutWhitespace(date);
    if (id.isEmpty() && when.isEmpty()) {
        return {}; // nothing but a size: too weak to say "already there"
    }
    return id + '\0' + when + '\0' + QByteArray::number(size);
}

QByteArray ImapWriter::identityKeyOf(const QByteArray& raw)
{
    return identityKey(headerValue(raw, "message-id:"), headerValue(raw, "date:"), raw.size());
}

QSet<QByteArray> ImapWriter::existingKeys(const QByteArray& name)
{
    QSet<QByteArray> keys;
    m_session.examine(name);
    const QList<quint32> uids = m_session.uidsFrom(1);
    for (qsizetype start = 0; start < uids.size(); start += KeyChunk) {
        const QList<quint32> chunk = uids.mid(start, KeyChunk);
        ImapSession::RawAnswer answer = m_session.runRaw(
            "UID FETCH", {"UID FETCH", ImapSession::compactUidSet(chunk), "(UID RFC822.SIZE ENVELOPE)"});
        for (ImapResponse& response : answer.untagged) {
            const QByteArray first = response.firstLine();
            const qsizetype open = first.indexOf(" FETCH (");
            if (!first.startsWith("* ") || open < 0) {
                continue;
            }
            QList<ImapToken> tokens;
            if (!ImapTokenizer::tokenize(response, open + 8, tokens)) {
                continue;
            }
            qint64 size = -1;
            QByteArray messageId;
            QByteArray date;
            qsizetype i = 0;
            while (i + 1 < tokens.size() && tokens[i].kind == ImapToken::Atom) {
                const QByteArray item = tokens[i].text.toUpper();
                if (item == "RFC822.SIZE") {
                    quint32 number = 0;
                    if (ImapTokenizer::toNumber(tokens[i + 1].text, &number)) {
                        size = number;
                    }
                } else if (item == "ENVELOPE" && tokens[i + 1].kind == ImapToken::Open) {
                    // (date subject from sender reply-to to cc bcc in-reply-to message-id)
                    qsizetype field = i + 2;
                    for (int index = 0; index < 10 && field > 0 && field < tokens.size(); ++index) {
                        const ImapToken& value = tokens[field];
                        if (index == 0 && value.kind == ImapToken::String) {
                            date = value.text;
                        } else if (index == 9 && value.kind == ImapToken::String) {
                            messageId = value.text;
                        }
                        field = ImapTokenizer::skipValue(tokens, field);
                    }
                }
                i = ImapTokenizer::skipValue(tokens, i + 1);
                if (i < 0) {
                    break;
                }
            }
            if (size >= 0) {
                const QByteArray key = identityKey(messageId, date, size);
                if (!key.isEmpty()) {
                    keys.insert(key);
                }
            }
        }
    }
    return keys;
}

QStringList ImapWriter::appendableFlags(const QStringList& flags)
{
    static const QStringList System {
        QStringLiteral("\\Seen"), QStringLiteral("\\Answered"), QStringLiteral("\\Flagged"), QStringLiteral("\\Draft")};
    // RFC 3501 atom-char without the list and resp-specials.
    static const QRegularExpression Keyword(QStringLiteral("^[!#$&'+,\\-.0-9:;<=>?@A-Z\\^_`a-z|~]+$"));
    QStringList appendable;
    for (const QString& flag : flags) {
        if (flag.startsWith(QLatin1Char('\\'))) {
            const auto known = std::find_if(System.cbegin(), System.cend(), [&](const QString& system) {
                return system.compare(flag, Qt::CaseInsensitive) == 0;
            });
            if (known != System.cend() && !appendable.contains(*known)) {
                appendable << *known;
            }
        } else if (Keyword.match(flag).hasMatch() && !appendable.contains(flag)) {
            appendable << flag;
        }
    }
    return appendable;
}

QByteArray ImapWriter::internalDateText(const QDateTime& date)
{
    static const char* const Months[] = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = date.toUTC();
    // English month names whatever the locale (RFC 3501 date-time).
    return QByteArray::number(utc.date().day()).rightJustified(2, '0') + '-' + Months[utc.date().month() - 1] + '-'
        + QByteArray::number(utc.date().year()) + ' ' + utc.time().toString(QStringLiteral("HH:mm:ss")).toLatin1()
        + " +0000";
}

void ImapWriter::send(const QList<Append>& messages)
{
    if (!m_session.m_rawChannel) {
        throw vmime::exceptions::not_connected();
    }
    if (messages.isEmpty()) {
        return;
    }
    const QByteArray tag = "OA" + QByteArray::number(++m_session.m_rawTag);
    Pending pending {tag, {}, 0};
    for (const Append& append : messages) {
        pending.tokens << append.token;
        pending.bytes += append.bytes.size();
    }
    m_outstanding.append(pending);
    m_outstandingBytes += pending.bytes;
    QByteArray command = tag + " APPEND ";
    const auto flush = [&] {
        m_session.m_rawChannel->send(std::string(command.constData(), static_cast<size_t>(command.size())));
        command.clear();
    };
    // Each literal: without waiting where the server allows it, else after
    // its go-ahead (reading, meanwhile, the answers of earlier APPENDs).
    const auto literal = [&](const QByteArray& bytes) -> bool {
        const bool waitless = m_literalPlus || (m_literalMinus && bytes.size() <= LiteralMinusLimit);
        command += '{' + QByteArray::number(bytes.size()) + (waitless ? "+}\r\n" : "}\r\n");
        if (!waitless) {
            flush();
            for (;;) {
                const ImapResponse response = m_session.readRawResponse(AppendTimeoutMs);
                const QByteArray& first = response.firstLine();
                if (first.startsWith('+')) {
                    break;
                }
                if (first.startsWith("* BYE")) {
                    const std::string text = ImapSession::serverText(first.mid(2));
                    throw vmime::exceptions::command_error("APPEND", text, text);
                }
                if (first.startsWith("OA")) {
                    const qsizetype space = first.indexOf(' ');
                    m_early.append({first.left(space), first.mid(space + 1)});
                    if (first.left(space) == tag) {
                        return false; // refused before the message was sent
                    }
                }
            }
        }
        // The message joins the command in one write: one stream of TLS
        // records, not a tiny one for the line and another for the CRLF.
        command += bytes;
        return true;
    };
    bool mailboxLiteral = false;
    const QByteArray mailbox = ImapSession::astring(messages.constFirst().mailbox, &mailboxLiteral);
    if (mailboxLiteral) {
        if (!literal(messages.constFirst().mailbox)) {
            return;
        }
    } else {
        command += mailbox;
    }
    for (const Append& append : messages) {
        command += " (" + append.flags.join(QLatin1Char(' ')).toUtf8() + ')';
        if (append.internalDate.isValid()) {
            command += " \"" + internalDateText(append.internalDate) + '"';
        }
        command += ' ';
        if (!literal(append.bytes)) {
            return;
        }
    }
    command += "\r\n";
    flush();
}

ImapWriter::Appended ImapWriter::receive()
{
    if (m_outstanding.isEmpty()) {
        throw vmime::exceptions::command_error("APPEND", "", "no APPEND is outstanding");
    }
    const Pending pending = m_outstanding.takeFirst();
    m_outstandingBytes -= pending.bytes;
    QByteArray status;
    for (qsizetype i = 0; i < m_early.size(); ++i) {
        if (m_early[i].first == pending.tag) {
            status = m_early.takeAt(i).second;
            break;
        }
    }
    while (status.isEmpty()) {
        const ImapResponse response = m_session.readRawResponse(AppendTimeoutMs);
        const QByteArray& first = response.firstLine();
        if (first.startsWith("* BYE")) {
            const std::string text = ImapSession::serverText(first.mid(2));
            throw vmime::exceptions::command_error("APPEND", text, text);
        }
        if (!first.startsWith("OA")) {
            continue; // untagged: EXISTS of a selected folder, alerts
        }
        const qsizetype space = first.indexOf(' ');
        if (first.left(space) == pending.tag) {
            status = first.mid(space + 1);
        } else {
            m_early.append({first.left(space), first.mid(space + 1)});
        }
    }
    Appended answer;
    answer.tokens = pending.tokens;
    answer.bytes = pending.bytes;
    answer.ok = status.startsWith("OK");
    if (!answer.ok) {
        answer.error = QString::fromStdString(ImapSession::serverText(status));
        return answer;
    }
    // "OK [APPENDUID 38505 3955] …", "… 3955:3964]" for several (RFC 4315).
    static const QRegularExpression AppendUid(QStringLiteral("\\[APPENDUID (\\d+) ([\\d:,]+)\\]"),
                                              QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = AppendUid.match(QString::fromLatin1(status));
    if (match.hasMatch()) {
        answer.uidValidity = match.captured(1).toUInt();
        answer.uids = match.captured(2).toLatin1();
    }
    return answer;
}
