#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

struct GeneratedMessage;

namespace vmime::net {
class session;
class store;
} // namespace vmime::net

// A plain vmime IMAP client for the tests: implicit TLS with vmime's own TLS
// stack, trusting exactly one CA file. It checks what the server holds and
// delivers mail by APPEND; it is deliberately independent of the app's IMAP
// code, so it can judge that code.
class ImapTestClient
{
public:
    ImapTestClient(QString host, quint16 port, QString caCertificatePath);
    ~ImapTestClient();
    Q_DISABLE_COPY_MOVE(ImapTestClient)

    // Connects and logs in. Returns false with vmime's exception (its class
    // and text) in *error.
    bool connect(const QString& user, const QString& password, QString* error);
    void disconnect();

    // Every folder's full name, '/'-separated, UTF-8 decoded, INBOX first.
    QStringList folders(QString* error = nullptr);
    // MESSAGES from STATUS; -1 with *error on failure.
    qint64 messageCount(const QString& folder, QString* error = nullptr);
    // APPENDs the message to its folder with its flags and internal date.
    bool append(const GeneratedMessage& message, QString* error);
    // The raw bytes of the message with sequence number `number` (1-based),
    // read with BODY.PEEK so nothing is marked read.
    QByteArray fetchRaw(const QString& folder, qint64 number, QString* error = nullptr);

    // vmime needs a platform handler once per process.
    static void initializeVmime();

private:
    QString m_host;
    quint16 m_port;
    QString m_caCertificatePath;
    std::shared_ptr<vmime::net::session> m_session;
    std::shared_ptr<vmime::net::store> m_store;
};
