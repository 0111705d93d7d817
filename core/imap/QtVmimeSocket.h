#pragma once

#include "TlsPolicy.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

#include <memory>

#include <vmime/net/socket.hpp>
#include <vmime/net/timeoutHandler.hpp>

class CancelToken;
class QSslSocket;

// vmime's socket on a QSslSocket used with blocking calls on the worker
// thread that owns the store (socket-lab notes §1.2–1.5). It does the TCP
// connect, TLS (implicit or STARTTLS) and certificate policy itself; vmime
// must see a plain "imap" URL with connection.tls=false (pitfall 14).
class QtVmimeSocket : public vmime::net::socket
{
    Q_DECLARE_TR_FUNCTIONS(QtVmimeSocket)

public:
    // What happened on the wire, for the UI and logs: vmime believes the
    // link is insecure (pitfall 12).
    struct Report
    {
        bool encrypted = false;
        bool startTls = false;
        QString protocol; // e.g. "TLSv1.3"
        QString cipher;
        QString peerVerifyName;
        bool pinned = false;
        QList<QSslError> errorsSeen;
        QList<QSslCertificate> peerChain;
        // TCP_NODELAY read back after connecting (pitfall 4); -1 unknown.
        int noDelay = -1;
        QByteArray greeting; // STARTTLS only: as the server sent it
        QByteArray replayedGreeting; // and as vmime got it (pitfall 8)
        // The text of the last "* BYE" or tagged NO, without the tag: why
        // the server refused a login, which vmime does not keep.
        QByteArray lastRefusal;

        // One line: "TLS=TLSv1.3 cipher=… pinned=0 errors=0 NODELAY=1".
        QString summary() const;
    };

    QtVmimeSocket(TlsPolicy policy,
                  std::shared_ptr<CancelToken> token,
                  std::shared_ptr<vmime::net::timeoutHandler> timeoutHandler,
                  std::shared_ptr<Report> report);
    ~QtVmimeSocket() override;
    Q_DISABLE_COPY_MOVE(QtVmimeSocket)

    void connect(const vmime::string& address, const vmime::port_t port) override;
    void disconnect() override;
    bool isConnected() const override;
    bool waitForRead(const int msecs = 30000) override;
    bool waitForWrite(const int msecs = 30000) override;
    void receive(vmime::string& buffer) override;
    size_t receiveRaw(vmime::byte_t* buffer, const size_t count) override;
    void send(const vmime::string& buffer) override;
    void send(const char* str) override;
    void sendRaw(const vmime::byte_t* buffer, const size_t count) override;
    size_t sendRawNonBlocking(const vmime::byte_t* buffer, const size_t count) override;
    size_t getBlockSize() const override;
    unsigned int getStatus() const override;
    const vmime::string getPeerName() const override;
    const vmime::string getPeerAddress() const override;
    std::shared_ptr<vmime::net::timeoutHandler> getTimeoutHandler() override;
    void setTracer(std::shared_ptr<vmime::net::tracer> tracer) override;
    std::shared_ptr<vmime::net::tracer> getTracer() override;

    const Report& report() const;

private:
    void connectTcp(const QString& host, quint16 port);
    void configureTls();
    void waitEncrypted();
    void startTls();
    QByteArray readLine();
    bool waitSlice(int msecs);
    void checkAbort();
    void flushOut();
    void close();
    // Keeps the text of the last "* BYE" or tagged NO the server sent, for
    // throwClosed().
    void rememberRefusal(QByteArrayView data);
    [[noreturn]] void throwClosed();

    TlsPolicy m_policy;
    std::shared_ptr<CancelToken> m_token;
    std::shared_ptr<vmime::net::timeoutHandler> m_timeoutHandler;
    std::shared_ptr<Report> m_report;
    std::shared_ptr<vmime::net::tracer> m_tracer;
    std::unique_ptr<QSslSocket> m_socket;
    vmime::string m_peerName;
    QString m_tlsName;
    QByteArray m_pinnedSha256;
    // The STARTTLS greeting, replayed to vmime before any socket data.
    QByteArray m_pending;
    QByteArray m_lastRefusal;
    qintptr m_publishedDescriptor = -1;
    unsigned int m_status = 0;
    bool m_unflushed = false;
};
