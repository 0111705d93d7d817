#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

#include <vmime/exception.hpp>

// A TLS or STARTTLS failure of QtVmimeSocket, with what the user needs to
// decide (trust, pin, or give up). It derives from vmime's tls_exception and
// overrides clone()/name(), so vmime rethrows it unchanged from
// store->connect() and folder->open() and callers can catch it by type
// (socket-lab notes §1.1).
class TlsError : public vmime::exceptions::tls_exception
{
    Q_DECLARE_TR_FUNCTIONS(TlsError)

public:
    enum class Kind {
        HandshakeFailed,
        // The chain does not lead to a trusted root (self-signed, unknown CA,
        // expired…), possibly with a name mismatch as well.
        Untrusted,
        // Trusted chain, but not issued for the name we asked for.
        HostNameMismatch,
        StartTlsNotOffered,
        StartTlsRefused,
        // The server broke the STARTTLS exchange (PREAUTH, odd replies,
        // plaintext after "OK").
        StartTlsProtocol,
    };

    // `detail` is inserted into the translated message of the kind.
    TlsError(Kind kind,
             const QString& detail,
             const QList<QSslError>& errors = {},
             const QList<QSslCertificate>& peerChain = {});
    TlsError(const TlsError& other);
    ~TlsError() noexcept override;
    TlsError& operator=(const TlsError&) = delete;

    vmime::exception* clone() const override;
    const char* name() const noexcept override;

    Kind kind() const;
    QString message() const;
    QList<QSslError> sslErrors() const;
    QList<QSslCertificate> peerChain() const;

    // Of the peer's leaf certificate; empty when none was received.
    QString subject() const;
    QString issuer() const;
    QDateTime validFrom() const;
    QDateTime validUntil() const;
    // Lowercase hex, like TlsPolicy::pinnedSha256 accepts.
    QByteArray sha256Fingerprint() const;

private:
    static QString describe(Kind kind, const QString& detail);

    Kind m_kind;
    QString m_message;
    QList<QSslError> m_errors;
    QList<QSslCertificate> m_chain;
};
