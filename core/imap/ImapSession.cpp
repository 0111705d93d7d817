#include "ImapSession.h"

#include "FetchResponse.h"
#include "ImapResponseReader.h"
#include "ModifiedUtf7.h"

#include <vmime/net/imap/IMAPCommand.hpp>
#include <vmime/net/imap/IMAPConnection.hpp>
#include <vmime/net/imap/IMAPParser.hpp>
#include <vmime/net/imap/IMAPStore.hpp>
#include <vmime/vmime.hpp>

#include <QElapsedTimer>
#include <QMap>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using vmime::net::imap::IMAPCommand;
using vmime::net::imap::IMAPConnection;
using vmime::net::imap::IMAPParser;

namespace {

QString fromUtf8(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Sends `command` and reads its whole answer. A tagged NO or BAD, or a BYE
// instead of the tagged line, becomes command_error carrying the server's text.
std::unique_ptr<IMAPParser::response>
run(IMAPConnection& connection, const std::string& verb, const std::string& command)
{
    connection.sendCommand(IMAPCommand::createCommand(command));
    std::unique_ptr<IMAPParser::response> response(connection.readResponse());
    const IMAPParser::response_done* done = response->response_done();
    if (done == nullptr) {
        // A continuation request: none of our commands send data after it.
        throw vmime::exceptions::command_error(verb, "+", "unexpected continuation request");
    }
    if (done->response_fatal() != nullptr) {
        const IMAPParser::resp_text* text = done->response_fatal()->resp_cond_bye()->resp_text();
        const std::string serverText = text != nullptr ? text->text() : std::string();
        throw vmime::exceptions::command_error(verb, serverText, serverText);
    }
    const IMAPParser::resp_cond_state* state = done->response_tagged()->resp_cond_state();
    if (state->status() != IMAPParser::resp_cond_state::OK) {
        const std::string serverText = state->resp_text() != nullptr ? state->resp_text()->text() : std::string();
        throw vmime::exceptions::command_error(verb, serverText, serverText);
    }
    return response;
}

// The attribute lists of the FETCH lines of a response; everything else
// (EXISTS, unsolicited data) is left out.
std::vector<const IMAPParser::msg_att*> fetchResponses(const IMAPParser::response& response)
{
    std::vector<const IMAPParser::msg_att*> lists;
    for (const auto* item : response.continue_req_or_response_data()) {
        const IMAPParser::response_data* data = item->response_data();
        if (data != nullptr && data->message_data() != nullptr
            && data->message_data()->type() == IMAPParser::message_data::FETCH
            && data->message_data()->msg_att() != nullptr) {
            lists.push_back(data->message_data()->msg_att());
        }
    }
    return lists;
}

QString specialUseFlag(int specialUse)
{
    switch (specialUse) {
    case vmime::net::folderAttributes::SPECIALUSE_ALL:
        return QStringLiteral("\\All");
    case vmime::net::folderAttributes::SPECIALUSE_ARCHIVE:
        return QStringLiteral("\\Archive");
    case vmime::net::folderAttributes::SPECIALUSE_DRAFTS:
        return QStringLiteral("\\Drafts");
    case vmime::net::folderAttributes::SPECIALUSE_FLAGGED:
        return QStringLiteral("\\Flagged");
    case vmime::net::folderAttributes::SPECIALUSE_JUNK:
        return QStringLiteral("\\Junk");
    case vmime::net::folderAttributes::SPECIALUSE_SENT:
        return QStringLiteral("\\Sent");
    case vmime::net::folderAttributes::SPECIALUSE_TRASH:
        return QStringLiteral("\\Trash");
    case vmime::net::folderAttributes::SPECIALUSE_IMPORTANT:
        return QStringLiteral("\\Important");
    default:
        return {};
    }
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

IMAPConnection& ImapSession::connection()
{
    const auto imapStore = vmime::dynamicCast<vmime::net::imap::IMAPStore>(m_store);
    if (!imapStore || !imapStore->getConnection()) {
        throw vmime::exceptions::not_connected();
    }
    return *imapStore->getConnection();
}

QList<RemoteFolder> ImapSession::listFolders()
{
    // vmime's LIST handling decodes modified UTF-7 into UTF-8 words (imap-lab
    // §3) and maps the special-use attributes; no folder gets opened, so no
    // second connection (socket-lab §2.6).
    const char separator = connection().hierarchySeparator();
    const QChar delimiter = separator != '\0' ? QChar::fromLatin1(separator) : QChar();

    QList<RemoteFolder> folders;
    for (const auto& folder : m_store->getRootFolder()->getFolders(true)) {
        RemoteFolder remote;
        const vmime::net::folder::path fullPath = folder->getFullPath();
        QStringList components;
        for (size_t i = 0; i < fullPath.getSize(); ++i) {
            components << fromUtf8(fullPath[i].getConvertedText(vmime::charsets::UTF_8));
        }
        remote.path = components.join(delimiter.isNull() ? QString() : QString(delimiter));
        remote.delimiter = delimiter;

        const vmime::net::folderAttributes attributes = folder->getAttributes();
        if (const QString special = specialUseFlag(attributes.getSpecialUse()); !special.isEmpty()) {
            remote.flags << special;
        }
        if ((attributes.getFlags() & vmime::net::folderAttributes::FLAG_NO_OPEN) != 0) {
            remote.flags << QStringLiteral("\\Noselect");
        }
        if ((attributes.getFlags() & vmime::net::folderAttributes::FLAG_HAS_CHILDREN) != 0) {
            remote.flags << QStringLiteral("\\HasChildren");
        }
        for (const std::string& userFlag : attributes.getUserFlags()) {
            const QString name = fromUtf8(userFlag);
            if (!remote.flags.contains(name, Qt::CaseInsensitive)) {
                remote.flags << name;
            }
        }
        folders << remote;
    }
    return folders;
}

FolderStatus ImapSession::examine(const QString& path)
{
    const std::string command = "EXAMINE " + quotedMailbox(path).toStdString();
    const auto response = run(connection(), "EXAMINE", command);

    FolderStatus status;
    for (const auto* item : response->continue_req_or_response_data()) {
        const IMAPParser::response_data* data = item->response_data();
        if (data == nullptr) {
            continue;
        }
        if (const auto* mailbox = data->mailbox_data();
            mailbox != nullptr && mailbox->type() == IMAPParser::mailbox_data::EXISTS && mailbox->number()) {
            status.messages = static_cast<quint32>(mailbox->number()->value());
        }
        const IMAPParser::resp_cond_state* state = data->resp_cond_state();
        if (state == nullptr || state->resp_text() == nullptr || state->resp_text()->resp_text_code() == nullptr) {
            continue;
        }
        const IMAPParser::resp_text_code* code = state->resp_text()->resp_text_code();
        switch (code->type()) {
        case IMAPParser::resp_text_code::UIDVALIDITY:
            status.uidValidity = static_cast<quint32>(code->nz_number()->value());
            break;
        case IMAPParser::resp_text_code::UIDNEXT:
            status.uidNext = static_cast<quint32>(code->nz_number()->value());
            break;
        case IMAPParser::resp_text_code::HIGHESTMODSEQ:
            status.highestModSeq = code->mod_sequence_value()->value();
            break;
        case IMAPParser::resp_text_code::NOMODSEQ:
            status.highestModSeq = 0;
            break;
        default:
            break;
        }
    }
    return status;
}

QList<quint32> ImapSession::uidsFrom(quint32 firstUid)
{
    const quint32 first = std::max<quint32>(firstUid, 1);
    const std::string command = "UID SEARCH UID " + std::to_string(first) + ":*";
    const auto response = run(connection(), "UID SEARCH", command);

    QList<quint32> uids;
    for (const auto* item : response->continue_req_or_response_data()) {
        const IMAPParser::response_data* data = item->response_data();
        if (data == nullptr || data->mailbox_data() == nullptr
            || data->mailbox_data()->type() != IMAPParser::mailbox_data::SEARCH) {
            continue;
        }
        for (const auto* number : data->mailbox_data()->search_nz_number_list()) {
            const auto uid = static_cast<quint32>(number->value());
            // "n:*" with n above the highest UID still matches the last
            // message (RFC 3501 6.4.8): drop it.
            if (uid >= first) {
                uids << uid;
            }
        }
    }
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
    const std::string command = "UID FETCH " + compactUidSet(uids).toStdString() + " (UID RFC822.SIZE)";
    const auto response = run(connection(), "UID FETCH", command);
    for (const IMAPParser::msg_att* attributes : fetchResponses(*response)) {
        quint32 uid = 0;
        quint32 size = 0;
        bool hasSize = false;
        for (const auto* attribute : attributes->items()) {
            if (attribute->type() == IMAPParser::msg_att_item::UID) {
                uid = static_cast<quint32>(attribute->unique_id()->value());
            } else if (attribute->type() == IMAPParser::msg_att_item::RFC822_SIZE && attribute->number() != nullptr) {
                size = static_cast<quint32>(attribute->number()->value());
                hasSize = true;
            }
        }
        if (uid != 0 && hasSize) {
            result.insert(uid, size);
        }
    }
    return result;
}

QList<FetchedMessage> ImapSession::fetch(const QList<quint32>& uids, int timeoutMs)
{
    return receiveFetch(sendFetch(uids), timeoutMs);
}

ImapSession::PendingFetch ImapSession::sendFetch(const QList<quint32>& uids)
{
    PendingFetch pending;
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
        std::optional<FetchResponse> item = FetchResponse::parse(std::move(response));
        if (!item || item->uid == 0) {
            continue; // EXISTS, EXPUNGE, OK [...], an unsolicited flag update
        }
        if (asked(pending.uids, item->uid)) {
            mine.merge(std::move(*item));
        } else if (std::any_of(m_outstanding.cbegin(), m_outstanding.cend(), [&](const PendingFetch& other) {
                       return other.tag != pending.tag && asked(other.uids, item->uid);
                   })) {
            m_unclaimed.merge(std::move(*item));
        }
    }
    const QByteArray status = m_finished.take(pending.tag);
    m_outstanding.removeIf([&](const PendingFetch& p) { return p.tag == pending.tag; });
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
    // Folder names travel in modified UTF-7 (RFC 3501 5.1.3); vmime's own
    // conversion depends on the locale charset (imap-lab §3), ours does not.
    const QByteArray encoded = ModifiedUtf7::encode(path);
    QByteArray quoted;
    quoted.reserve(encoded.size() + 2);
    quoted += '"';
    for (const char c : encoded) {
        if (c == '"' || c == '\\') {
            quoted += '\\';
        }
        quoted += c;
    }
    quoted += '"';
    return quoted;
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
    return m_reader->next();
}
