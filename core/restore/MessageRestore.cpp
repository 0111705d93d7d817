#include "MessageRestore.h"

#include "ImapWriter.h"
#include "archive/ArchiveDatabase.h"
#include "imap/CancelToken.h"
#include "imap/ImapConnector.h"
#include "imap/ImapSession.h"
#include "imap/ModifiedUtf7.h"
#include "imap/ServerText.h"
#include "sources/CertificateExceptions.h"
#include "sync/SourceSync.h"
#include "sync/SyncError.h"

#include <QHash>
#include <QLocale>
#include <QMap>
#include <QScopeGuard>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>

#include <vmime/exception.hpp>

#include <limits>

namespace {

const QString ConnectionRole = QStringLiteral("restore");
constexpr int ProblemsKept = 20;
constexpr int PageSize = 500;

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// A CRLF message and the same with bare LFs have different sizes on servers
// that store lines as CRLF (Dovecot counts RFC822.SIZE so): both are keys.
qint64 sizeWithCrlf(const QByteArray& raw)
{
    qint64 bare = 0;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i) == '\n' && (i == 0 || raw.at(i - 1) != '\r')) {
            ++bare;
        }
    }
    return raw.size() + bare;
}

} // namespace

// One message to restore: where it goes and what it carries.
struct MessageRestore::Item
{
    qint64 messageId = 0;
    QString subject;
    QByteArray mailbox; // the destination's name, as the server spells it
    QChar sourceDelimiter; // of the folder it was archived from
    QString folderPath; // the same for people
    QStringList flags;
    QDateTime internalDate;
    qint64 size = 0; // once sent
};

QString RestoreResult::summary(const IngestionSource& target) const
{
    const QString account =
        target.username.isEmpty() ? target.host : target.username + QStringLiteral(" on ") + target.host;
    QString text;
    if (failure) {
        text = MessageRestore::tr("Restore stopped: %1").arg(failure->message);
    } else if (!error.isEmpty()) {
        text = MessageRestore::tr("Restore stopped: %1").arg(error);
    } else if (cancelled) {
        text = MessageRestore::tr("Restore cancelled after %Ln message(s). Restore again to go on: what is on the "
                                  "server already is not sent twice.",
                                  nullptr,
                                  static_cast<int>(appended));
    }
    if (!text.isEmpty() && appended > 0 && !cancelled) {
        text += QLatin1Char(' ')
            + MessageRestore::tr("%Ln message(s) were restored before; restore again to go on.",
                                 nullptr,
                                 static_cast<int>(appended));
    }
    if (text.isEmpty() && appended == 0 && alreadyThere > 0 && refused == 0 && unreadable == 0) {
        return MessageRestore::tr("Nothing to restore: all %Ln message(s) are in the folder already.",
                                  nullptr,
                                  static_cast<int>(alreadyThere));
    }
    if (text.isEmpty()) {
        //: %1 the size of the mail, %2 the account ("anna@example.org on imap.example.org").
        text = MessageRestore::tr("Restored %Ln message(s) (%1) to %2.", nullptr, static_cast<int>(appended))
                   .arg(sizeText(bytes), account);
    }
    if (alreadyThere > 0) {
        text += QLatin1Char(' ')
            + MessageRestore::tr("%Ln message(s) were there already and were not sent again.",
                                 nullptr,
                                 static_cast<int>(alreadyThere));
    }
    if (refused > 0) {
        text += QLatin1Char(' ')
            + MessageRestore::tr("The server refused %Ln message(s).", nullptr, static_cast<int>(refused));
    }
    if (unreadable > 0) {
        text += QLatin1Char(' ')
            + MessageRestore::tr(
                    "%Ln message(s) could not be read from the archive.", nullptr, static_cast<int>(unreadable));
    }
    return text;
}

MessageRestore::MessageRestore(QString archivePath, RestoreRequest request)
    : m_archivePath(std::move(archivePath))
    , m_request(std::move(request))
{
}

void MessageRestore::setBatchMessages(int messages)
{
    m_batchMessages = std::max(1, messages);
}

QByteArray MessageRestore::mailboxName(const QString& path, QChar sourceDelimiter, QChar delimiter)
{
    QStringList levels = sourceDelimiter.isNull() ? QStringList {path} : path.split(sourceDelimiter);
    levels.removeAll(QString());
    if (levels.isEmpty()) {
        levels << QStringLiteral("INBOX");
    }
    if (!delimiter.isNull()) {
        // A level named "a.b" on a server whose delimiter is "." would become
        // two levels: it keeps its name with the character replaced.
        const QChar replacement = delimiter == QLatin1Char('_') ? QLatin1Char('-') : QLatin1Char('_');
        for (QString& level : levels) {
            level.replace(delimiter, replacement);
        }
    }
    const QString joined = delimiter.isNull() ? levels.join(QLatin1Char('_')) : levels.join(delimiter);
    return ModifiedUtf7::encode(joined);
}

QList<MessageRestore::Item> MessageRestore::plan(RestoreResult* result) const
{
    QList<Item> items;
    QString error;
    QSqlDatabase db = ArchiveDatabase::readOnlyConnection(m_archivePath, ConnectionRole, &error);
    if (!db.isOpen()) {
        result->error = tr("Cannot read the archive: %1").arg(error);
        return items;
    }
    // One snapshot for the plan: a sync writing meanwhile changes neither
    // what nor how many are restored.
    if (!db.transaction()) {
        result->error = tr("Cannot read the archive: %1").arg(db.lastError().text());
        return items;
    }
    const auto endSnapshot = qScopeGuard([&db] { db.rollback(); });
    const ArchiveReader reader(db);
    QList<MessageSummary> messages;
    if (!m_request.messageIds.isEmpty()) {
        for (const qint64 id : m_request.messageIds) {
            if (const auto summary = reader.message(id)) {
                messages << *summary;
            } else {
                ++result->unreadable;
            }
        }
    } else {
        MessageListQuery list = m_request.list;
        // Oldest first: a mail program shows them in the order they came.
        list.sort = MessageListQuery::Sort::Date;
        list.order = Qt::AscendingOrder;
        PageCursor cursor;
        for (;;) {
            const MessagePage page = reader.page(list, cursor, PageSize);
            if (page.messages.isEmpty()) {
                break;
            }
            messages += page.messages;
            cursor = page.next;
        }
    }
    result->total = messages.size() + result->unreadable;
    items.reserve(messages.size());
    for (const MessageSummary& message : std::as_const(messages)) {
        const QList<MessageLocation> locations = reader.locations(message.id);
        // The location the user restores from: in the source and folder
        // shown, else the first.
        const MessageLocation* chosen = locations.isEmpty() ? nullptr : &locations.first();
        const MessageListQuery& list = m_request.list;
        for (const MessageLocation& location : locations) {
            const bool scoped = (list.scope != MessageListQuery::Scope::Folder || location.folderId == list.id)
                && (list.scope != MessageListQuery::Scope::Source || location.sourceId == list.id);
            const bool within = (list.within.sourceName.isEmpty() || location.sourceName == list.within.sourceName)
                && (list.within.folderPath.isEmpty() || location.folderPath == list.within.folderPath);
            if (scoped && within) {
                chosen = &location;
                break;
            }
        }
        Item item;
        item.messageId = message.id;
        item.subject = message.subject;
        if (chosen != nullptr) {
            item.flags = ImapWriter::appendableFlags(chosen->flags.split(QLatin1Char(' '), Qt::SkipEmptyParts));
            item.internalDate = chosen->internalDate;
            item.folderPath = chosen->folderPath;
            item.sourceDelimiter = chosen->delimiter;
        }
        items << item;
    }
    return items;
}

RestoreResult MessageRestore::run(const Progress& progress, std::shared_ptr<CancelToken> token)
{
    RestoreResult result;
    if (!token) {
        token = std::make_shared<CancelToken>();
    }
    const auto closeConnection =
        qScopeGuard([this] { ArchiveDatabase::closeReadOnlyConnection(m_archivePath, ConnectionRole); });
    QList<Item> items = plan(&result);
    if (!result.error.isEmpty() || items.isEmpty()) {
        return result;
    }
    IngestionSource target = m_request.target;
    qint64 done = result.unreadable;
    // One reader for the run: it keeps the compression dictionaries it has
    // loaded, which a reader a message would load again each time.
    QString openError;
    const QSqlDatabase db = ArchiveDatabase::readOnlyConnection(m_archivePath, ConnectionRole, &openError);
    if (!db.isOpen()) {
        result.error = tr("Cannot read the archive: %1").arg(openError);
        return result;
    }
    const ArchiveReader reader(db);
    if (target.id > 0) {
        // An account the app archives: the certificate the user trusted for
        // it holds for the restore too.
        const QByteArray trusted = CertificateExceptions(db).trustedSha256For(target);
        if (!trusted.isEmpty()) {
            target.pinnedSha256 = QString::fromLatin1(trusted);
        }
    }
    try {
        ImapConnector connector(SourceSync::tlsPolicy(target, m_request.extraCaFile), token);
        const std::unique_ptr<ImapSession> session =
            connector.openSession(target.host, target.port, target.username, m_request.password);
        ImapWriter writer(*session);
        result.pipelined = writer.canPipeline();

        // The destination's names and delimiter.
        const QList<RemoteFolder> folders = session->listFolders();
        QSet<QByteArray> existing;
        QChar delimiter = QLatin1Char('/');
        for (const RemoteFolder& folder : folders) {
            existing.insert(folder.name);
            if (folder.path.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0 || existing.size() == 1) {
                delimiter = folder.delimiter;
            }
        }
        // Each message's destination, in the order of the plan.
        QMap<QByteArray, QList<qsizetype>> byMailbox;
        QList<QByteArray> order;
        for (qsizetype i = 0; i < items.size(); ++i) {
            Item& item = items[i];
            if (m_request.keepFolders && !item.folderPath.isEmpty()) {
                item.mailbox = mailboxName(item.folderPath, item.sourceDelimiter, delimiter);
            } else {
                item.mailbox = mailboxName(m_request.folder, QLatin1Char('/'), delimiter);
                item.folderPath = m_request.folder;
            }
            if (!byMailbox.contains(item.mailbox)) {
                order << item.mailbox;
            }
            byMailbox[item.mailbox] << i;
        }

        // Stopping by the progress's answer lets the APPENDs on their way be
        // answered; the token's cancel drops the connection at once.
        bool stopping = false;
        const auto stopped = [&] { return stopping || token->isCancelled(); };
        const auto report = [&]() {
            if (progress && !progress(done, result.total, result.bytes)) {
                stopping = true;
            }
        };
        // A batch the server refused (MULTIAPPEND is all or nothing) is sent
        // again a message at a time, to store the rest and name the one.
        QList<qint64> retrySingly;
        const auto refusedOne = [&](const Item& item, const QString& why) {
            ++result.refused;
            if (result.problems.size() < ProblemsKept) {
                result.problems
                    << tr("“%1” was refused by the server: %2").arg(item.subject, ServerText::printable(why));
            }
            ++done;
            report();
        };
        const auto answered = [&](const ImapWriter::Appended& appended) {
            if (!appended.ok && appended.tokens.size() > 1) {
                retrySingly += appended.tokens;
                return;
            }
            for (const qint64 itemIndex : appended.tokens) {
                const Item& item = items.at(itemIndex);
                if (!appended.ok) {
                    refusedOne(item, appended.error);
                    continue;
                }
                ++result.appended;
                result.bytes += item.size;
                ++done;
                report();
            }
        };
        const auto readMessage = [&](const Item& item, QByteArray* raw) {
            QString readError;
            if (reader.rawMessage(item.messageId, raw, &readError)) {
                return true;
            }
            ++result.unreadable;
            if (result.problems.size() < ProblemsKept) {
                result.problems << tr("“%1” could not be read from the archive: %2").arg(item.subject, readError);
            }
            ++done;
            report();
            return false;
        };
        const int batchLimit = writer.hasMultiAppend() ? m_batchMessages : 1;
        const int commandsInFlight = writer.hasMultiAppend() ? BatchesInFlight : MaxInFlight;

        for (const QByteArray& mailbox : std::as_const(order)) {
            if (stopped()) {
                break;
            }
            const QList<qsizetype>& indexes = byMailbox[mailbox];
            if (!existing.contains(mailbox)) {
                writer.createFolder(mailbox);
                existing.insert(mailbox);
                result.foldersCreated << items.at(indexes.first()).folderPath;
            }
            const QSet<QByteArray> there = writer.existingKeys(mailbox);
            QSet<QByteArray> sentNow; // a message archived twice goes once
            QList<ImapWriter::Append> batch;
            qint64 batchBytes = 0;
            const auto sendBatch = [&] {
                if (batch.isEmpty()) {
                    return;
                }
                // Room on the wire first: answers are read as they come.
                while (writer.outstanding() > 0
                       && (!writer.canPipeline() || writer.outstanding() >= commandsInFlight
                           || writer.outstandingBytes() + batchBytes > MaxInFlightBytes)) {
                    answered(writer.receive());
                }
                if (stopped()) {
                    batch.clear(); // asked to stop meanwhile: these stay unsent
                    batchBytes = 0;
                    return;
                }
                writer.send(batch);
                batch.clear();
                batchBytes = 0;
            };
            for (const qsizetype index : indexes) {
                if (stopped()) {
                    break;
                }
                Item& item = items[index];
                QByteArray raw;
                if (!readMessage(item, &raw)) {
                    continue;
                }
                const QByteArray key = ImapWriter::identityKeyOf(raw);
                const QByteArray crlfKey = key.isEmpty()
                    ? QByteArray()
                    : key.left(key.lastIndexOf('\0') + 1) + QByteArray::number(sizeWithCrlf(raw));
                if (!key.isEmpty() && (there.contains(key) || there.contains(crlfKey) || sentNow.contains(key))) {
                    ++result.alreadyThere;
                    ++done;
                    report();
                    continue;
                }
                if (!key.isEmpty()) {
                    sentNow.insert(key);
                }
                item.size = raw.size();
                batchBytes += raw.size();
                batch.append({mailbox, item.flags, item.internalDate, std::move(raw), index});
                if (batch.size() >= batchLimit || batchBytes >= BatchBytes) {
                    sendBatch();
                }
            }
            if (!stopped()) {
                sendBatch();
            }
            // Every answer of this folder before the next folder's EXAMINE.
            while (writer.outstanding() > 0) {
                answered(writer.receive());
            }
            for (const qint64 itemIndex : std::exchange(retrySingly, {})) {
                const Item& item = items.at(itemIndex);
                QByteArray raw;
                if (readMessage(item, &raw)) {
                    writer.send({{mailbox, item.flags, item.internalDate, std::move(raw), itemIndex}});
                    answered(writer.receive());
                }
            }
        }
        result.cancelled = stopped() && done < result.total;
    } catch (const vmime::exceptions::operation_cancelled&) {
        result.cancelled = true;
    } catch (const vmime::exception& e) {
        result.failure = SyncError::failure(e, target.host, m_request.password);
    }
    return result;
}
