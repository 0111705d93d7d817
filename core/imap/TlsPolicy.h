#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>

// How a QtVmimeSocket secures its connection: a plain value, copied into
// every socket the factory creates (socket-lab notes §1.1).
struct TlsPolicy
{
    enum class Mode {
        // TLS from the first byte (port 993).
        Implicit,
        // Plain IMAP greeting, then STARTTLS done by the socket itself (§1.4).
        StartTls,
        // No TLS at all; only for tests and explicitly insecure setups.
        Plain,
    };

    Mode mode = Mode::Implicit;
    // Sent as SNI and checked against the certificate. Empty means the host
    // vmime passes to connect(). An IP literal sends no SNI (Qt's rule) and is
    // checked against the certificate's IP SANs.
    QString peerName;
    // Trusted in addition to the system roots. Empty leaves Qt's default
    // configuration untouched (pitfall 5).
    QList<QSslCertificate> extraCaCertificates;
    // SHA-256 of the server's leaf certificate that is accepted whatever the
    // verification errors (pitfall 7): either 32 raw bytes, or hex (upper or
    // lower case, colons allowed, as in "47:8F:…").
    QByteArray pinnedSha256;
    // Limit for the TCP connect alone; vmime's timeout handler also applies.
    int connectTimeoutMs = 30000;
    // How often blocking waits wake up to look at the cancel token and at
    // vmime's timeout handler.
    int sliceMs = 100;
};
