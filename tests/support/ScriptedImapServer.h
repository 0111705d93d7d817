#pragma once

#include "ScriptedCommand.h"
#include "ScriptedMailbox.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QSslConfiguration>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QTemporaryDir;
class QThread;
class ScriptedImapListener;
class ScriptedReply;

// An IMAP server inside the test process whose every answer a test can
// replace: the misbehaving servers real users meet (a FETCH that leaves out
// a message, a connection dropped mid-answer, a 1 GB line), on demand and
// deterministic. By default it is a small, correct IMAP4rev1 server over an
// in-memory mailbox model, enough for the archiver's client (vmime plus our
// raw FETCH channel).
//
// It runs on its own thread, because the sync engine the tests drive blocks
// the test's thread. Handlers run on that server thread, one command at a
// time per connection, in the order received; the model and the settings
// are guarded, so the test thread may change them at any time. Listens on
// 127.0.0.1 only, on a free port; stops when destroyed.
class ScriptedImapServer
{
public:
    enum class Security {
        Plain,
        Tls, // implicit TLS from the first byte
        StartTls, // plaintext greeting that offers STARTTLS
    };

    using Handler = std::function<void(const ScriptedCommand&, ScriptedReply&)>;

    explicit ScriptedImapServer(Security security = Security::Plain);
    ~ScriptedImapServer();
    Q_DISABLE_COPY_MOVE(ScriptedImapServer)

    // Makes the certificates (TLS modes), starts the thread and listens.
    // On failure returns false with the reason in *error.
    bool start(QString* error);

    Security security() const;
    QString host() const; // "127.0.0.1", for which the certificate is valid (and "localhost")
    quint16 port() const;
    // The CA that signed the server's certificate, for the client to trust.
    // Empty in Plain mode.
    QString caCertificatePath() const;

    // What LOGIN and AUTHENTICATE PLAIN accept; "test" / "testpass123" until set.
    void setUser(QByteArray user, QByteArray password);
    QByteArray user() const;
    QByteArray password() const;

    // The capabilities announced in the greeting and CAPABILITY, without
    // STARTTLS (added by itself in StartTls mode until TLS is on). The
    // default is "IMAP4rev1 LITERAL+ NAMESPACE".
    void setCapabilities(QByteArray capabilities);
    QByteArray capabilities() const;

    void setFolders(QList<ScriptedFolder> folders);
    QList<ScriptedFolder> folders() const;
    // The folder called `name` (INBOX in any case), if any.
    std::optional<ScriptedFolder> folder(const QByteArray& name) const;
    // Changes one folder in place; false when there is none of that name.
    bool updateFolder(const QByteArray& name, const std::function<void(ScriptedFolder&)>& change);

    // Replaces the default answer to `verb` ("UID FETCH", "LOGIN", "LIST",
    // "GREETING" for the greeting...). An empty handler restores the default.
    // A handler may still call ScriptedReply::defaultAnswer().
    void setHandler(const QByteArray& verb, Handler handler);
    // The default UID FETCH and FETCH answer only messages whose UID passes
    // the filter: a server that "forgets" messages without a handler.
    void setFetchFilter(std::function<bool(quint32 uid)> filter);

    // Every command received, as ScriptedCommand::line, across connections,
    // in order; continuation lines (AUTHENTICATE) too. Passwords included.
    QList<QByteArray> receivedCommands() const;
    void clearReceivedCommands();
    // Connections accepted so far.
    int connectionCount() const;

    // One complete FETCH response line, "* seq FETCH (...)\r\n" with any body
    // as a literal, for the `items` asked ("(UID FLAGS INTERNALDATE
    // BODY.PEEK[])" or the same without parentheses). Items it does not know
    // are left out; `seq` <= 0 means the message's place in `folder`. Handy
    // for handlers that answer FETCH themselves.
    static QByteArray
    fetchItem(const ScriptedFolder& folder, const ScriptedMessage& message, int seq, const QByteArray& items);

private:
    friend class ScriptedImapConnection;
    friend class ScriptedImapDefaults;

    Handler handler(const QByteArray& verb) const;
    std::function<bool(quint32 uid)> fetchFilter() const;
    void recordCommand(const QByteArray& line);
    void countConnection();
    bool isStopping() const;
    const QSslConfiguration& tlsConfiguration() const;
    bool createCertificates(QString* error);

    struct ThreadStopper
    {
        void operator()(QThread* thread) const;
    };

    const Security m_security;
    std::unique_ptr<QTemporaryDir> m_directory;
    QString m_caPath;
    QSslConfiguration m_tls; // set before the thread starts, read-only after
    std::unique_ptr<QThread, ThreadStopper> m_thread;
    ScriptedImapListener* m_listener = nullptr; // lives on m_thread, deleted when it finishes
    quint16 m_port = 0;
    std::atomic<bool> m_stopping {false};
    std::atomic<int> m_connections {0};

    mutable QMutex m_mutex; // guards everything below
    QByteArray m_user = "test";
    QByteArray m_password = "testpass123";
    QByteArray m_capabilities = "IMAP4rev1 LITERAL+ NAMESPACE";
    QList<ScriptedFolder> m_folders;
    QHash<QByteArray, Handler> m_handlers;
    std::function<bool(quint32)> m_fetchFilter;
    QList<QByteArray> m_received;
};
