#include "TlsError.h"

#include <QCryptographicHash>

TlsError::TlsError(Kind kind,
                   const QString& detail,
                   const QList<QSslError>& errors,
                   const QList<QSslCertificate>& peerChain)
    : vmime::exceptions::tls_exception(describe(kind, detail).toStdString())
    , m_kind(kind)
    , m_message(describe(kind, detail))
    , m_errors(errors)
    , m_chain(peerChain)
{
}

TlsError::TlsError(const TlsError& other) = default;

TlsError::~TlsError() noexcept = default;

vmime::exception* TlsError::clone() const
{
    // vmime copies exceptions through clone() when it chains or rethrows
    // them; without this override the copy would be a plain tls_exception.
    return new TlsError(*this);
}

const char* TlsError::name() const noexcept
{
    return "TlsError";
}

TlsError::Kind TlsError::kind() const
{
    return m_kind;
}

QString TlsError::message() const
{
    return m_message;
}

QList<QSslError> TlsError::sslErrors() const
{
    return m_errors;
}

QList<QSslCertificate> TlsError::peerChain() const
{
    return m_chain;
}

QString TlsError::subject() const
{
    return m_chain.isEmpty() ? QString() : m_chain.first().subjectDisplayName();
}

QString TlsError::issuer() const
{
    return m_chain.isEmpty() ? QString() : m_chain.first().issuerDisplayName();
}

QDateTime TlsError::validFrom() const
{
    return m_chain.isEmpty() ? QDateTime() : m_chain.first().effectiveDate();
}

QDateTime TlsError::validUntil() const
{
    return m_chain.isEmpty() ? QDateTime() : m_chain.first().expiryDate();
}

QByteArray TlsError::sha256Fingerprint() const
{
    return m_chain.isEmpty() ? QByteArray() : m_chain.first().digest(QCryptographicHash::Sha256).toHex();
}

QString TlsError::describe(Kind kind, const QString& detail)
{
    switch (kind) {
    case Kind::HandshakeFailed:
        //: %1 is the TLS library's reason
        return tr("The secure connection could not be established: %1").arg(detail);
    case Kind::Untrusted:
        //: %1 lists the certificate problems
        return tr("The server's certificate is not trusted: %1").arg(detail);
    case Kind::HostNameMismatch:
        //: %1 is the server name the certificate was checked against
        return tr("The server's certificate is not valid for \"%1\".").arg(detail);
    case Kind::StartTlsNotOffered:
        //: %1 is the server's greeting line
        return tr("The server does not offer STARTTLS (greeting: %1).").arg(detail);
    case Kind::StartTlsRefused:
        //: %1 is the server's reply to STARTTLS
        return tr("The server refused STARTTLS: %1").arg(detail);
    case Kind::StartTlsProtocol:
        //: %1 says what the server did wrong
        return tr("The server broke the STARTTLS exchange: %1").arg(detail);
    }
    return detail;
}
