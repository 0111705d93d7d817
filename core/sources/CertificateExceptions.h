#pragma once

#include "values/CertificateInfo.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

struct IngestionSource;
class QSqlQuery;

// A certificate the user chose to trust for one server (host and port),
// whatever the system thinks of it; every source on that server uses it.
struct CertificateException
{
    QString host; // lowercase, as stored
    quint16 port = 0;
    CertificateInfo certificate; // sha256 always set; the rest may be empty (migrated from a source's pin)
    QDateTime addedAt;

    // "host:port", the way the user typed the server.
    QString server() const;
};

// The certificate exceptions kept in the archive, like a mail client's
// security exceptions: trusting a certificate once is enough for every source
// on the same host and port, and removing the exception makes the next
// connection to that server fail as untrusted again.
class CertificateExceptions
{
public:
    explicit CertificateExceptions(QSqlDatabase db);

    // Trusts `certificate` for host:port, replacing the exception that server
    // had (a renewed self-signed certificate replaces the old one) and the
    // certificates its sources pinned: from now on the exception is what
    // every source on that server accepts.
    bool add(const QString& host, quint16 port, const CertificateInfo& certificate, QString* error);
    std::optional<CertificateException> find(const QString& host, quint16 port) const;
    // Every exception, by server.
    QList<CertificateException> list() const;
    // Forgets the exception of host:port, and the certificate pinned by any
    // source on that server (IngestionSource::pinnedSha256), so that nothing
    // trusts it any more. Removing what is not there is no error.
    bool remove(const QString& host, quint16 port, QString* error);

    // The SHA-256 a connection to `source` accepts whatever the system says
    // (TlsPolicy::pinnedSha256): its server's exception, else the source's own
    // pin; empty when neither is there.
    QByteArray trustedSha256For(const IngestionSource& source) const;
    // The same answer from exceptions read earlier (list()), for a caller
    // that must not read the archive where it asks (the GUI thread).
    static QByteArray trustedSha256For(const IngestionSource& source, const QList<CertificateException>& exceptions);

    // How hosts are compared: trimmed and lowercase.
    static QString normalizedHost(const QString& host);

private:
    // Sets every pin of the sources on host:port to NULL.
    static bool clearPins(const QString& host, quint16 port, QSqlQuery& query);

    QSqlDatabase m_db;
};
