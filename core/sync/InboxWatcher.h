#pragma once

#include "archive/Archive.h"
#include "sources/IngestionSource.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <memory>
#include <mutex>

class CancelToken;
class ImapSession;

// Watches one source's INBOX with IMAP IDLE (RFC 2177) on a connection of
// its own, and says when new mail arrives there, so an Active source
// archives it within seconds instead of at its next check. It only reads:
// EXAMINE, never SELECT.
//
// Lives on its own QThread (InboxWatchers owns both) and blocks in run()
// until it is cancelled or the connection ends; the vmime objects it makes
// never leave that thread. The IDLE is renewed (DONE, IDLE) every
// `renewAfter`, below the 29 minutes after which RFC 2177 lets a server
// drop an idle client. Between server messages the thread sleeps in one
// long wait: cancel() shuts the socket down, so it does not need to wake up
// to look (CancelToken), and idling costs no CPU.
class InboxWatcher : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxWatcher)

public:
    enum class End {
        Cancelled,
        Unsupported, // the server does not offer IDLE
        NoInbox, // the source's scope has no INBOX, or the server none
        Failed, // could not connect, or the connection broke
    };
    Q_ENUM(End)

    static constexpr std::chrono::milliseconds DefaultRenewAfter = std::chrono::minutes(25);

    InboxWatcher(Archive archive, QString extraCaCertificatesFile, std::chrono::milliseconds renewAfter);
    ~InboxWatcher() override;

    // Any thread; run() ends at once with End::Cancelled.
    void cancel();

public slots:
    void run(const IngestionSource& source, const QString& password);

signals:
    // The server accepted IDLE on the INBOX: new mail is noticed from now.
    void watching(qint64 sourceId);
    // The INBOX holds more messages than before, or mail the archive does
    // not have yet when the watch began (it came after the last pass).
    void newMail(qint64 sourceId);
    // The IDLE was ended and started again (DONE, IDLE).
    void renewed(qint64 sourceId);
    // Exactly once per run(); `why` says what failed, for the log.
    void ended(qint64 sourceId, InboxWatcher::End end, const QString& why);

private:
    void watch(ImapSession& session, qint64 sourceId, quint32 messages);
    // The INBOX's UIDs go past what its checkpoint in the archive covers.
    bool hasUnarchivedMail(qint64 sourceId, const QByteArray& inbox, quint32 uidValidity, quint32 uidNext) const;

    Archive m_archive;
    QString m_extraCaFile;
    std::chrono::milliseconds m_renewAfter;
    std::mutex m_mutex; // guards m_token and m_cancelled against cancel()
    std::shared_ptr<CancelToken> m_token;
    bool m_cancelled = false;
};
