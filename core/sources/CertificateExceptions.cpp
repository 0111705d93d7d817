#include "CertificateExceptions.h"

#include "IngestionSource.h"
#include "archive/SqlTransaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CertificateExceptions)
};

const QString Columns = QStringLiteral("host, port, sha256, subject, issuer, valid_from, valid_until, added_at");

QVariant seconds(const QDateTime& at)
{
    return at.isValid() ? QVariant(at.toSecsSinceEpoch()) : QVariant();
}

QDateTime fromSeconds(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

CertificateException readException(const QSqlQuery& query)
{
    CertificateException exception;
    exception.host = query.value(0).toString();
    exception.port = static_cast<quint16>(query.value(1).toUInt());
    exception.certificate.sha256 = query.value(2).toString().toLatin1();
    exception.certificate.subject = query.value(3).toString();
    exception.certificate.issuer = query.value(4).toString();
    exception.certificate.validFrom = fromSeconds(query.value(5));
    exception.certificate.validUntil = fromSeconds(query.value(6));
    exception.addedAt = fromSeconds(query.value(7));
    return exception;
}

// Lowercase hex without colons, however it was written.
QString normalizedSha256(const QByteArray& sha256)
{
    return QString::fromLatin1(sha256).remove(QLatin1Char(':')).trimmed().toLower();
}

} // namespace

QString CertificateException::server() const
{
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

CertificateExceptions::CertificateExceptions(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString CertificateExceptions::normalizedHost(const QString& host)
{
    return host.trimmed().toLower();
}

bool CertificateExceptions::add(const QString& host, quint16 port, const CertificateInfo& certificate, QString* error)
{
    const QString sha256 = normalizedSha256(certificate.sha256);
    if (normalizedHost(host).isEmpty() || sha256.isEmpty()) {
        *error = Tr::tr("A certificate exception needs a server and a fingerprint.");
        return false;
    }
    SqlTransaction transaction(m_db);
    if (!transaction.isActive()) {
        *error = Tr::tr("Cannot save the trusted certificate: %1").arg(transaction.errorText());
        return false;
    }
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO certificate_exceptions (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                      .arg(Columns));
    query.addBindValue(normalizedHost(host));
    query.addBindValue(port);
    query.addBindValue(sha256);
    query.addBindValue(certificate.subject.isNull() ? QStringLiteral("") : certificate.subject);
    query.addBindValue(certificate.issuer.isNull() ? QStringLiteral("") : certificate.issuer);
    query.addBindValue(seconds(certificate.validFrom));
    query.addBindValue(seconds(certificate.validUntil));
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!query.exec() || !clearPins(host, port, query) || !transaction.commit()) {
        *error =
            Tr::tr("Cannot save the trusted certificate: %1").arg(query.lastError().text() + transaction.errorText());
        return false;
    }
    return true;
}

bool CertificateExceptions::clearPins(const QString& host, quint16 port, QSqlQuery& query)
{
    query.prepare(QStringLiteral("UPDATE sources SET pinned_sha256 = NULL "
                                 "WHERE lower(trim(host)) = ? AND port = ? AND pinned_sha256 IS NOT NULL"));
    query.addBindValue(normalizedHost(host));
    query.addBindValue(port);
    return query.exec();
}

std::optional<CertificateException> CertificateExceptions::find(const QString& host, quint16 port) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM certificate_exceptions WHERE host = ? AND port = ?").arg(Columns));
    query.addBindValue(normalizedHost(host));
    query.addBindValue(port);
    if (!query.exec() || !query.next()) {
        return std::nullopt;
    }
    return readException(query);
}

QList<CertificateException> CertificateExceptions::list() const
{
    QList<CertificateException> exceptions;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT %1 FROM certificate_exceptions ORDER BY host, port").arg(Columns))) {
        return exceptions;
    }
    while (query.next()) {
        exceptions << readException(query);
    }
    return exceptions;
}

bool CertificateExceptions::remove(const QString& host, quint16 port, QString* error)
{
    SqlTransaction transaction(m_db);
    if (!transaction.isActive()) {
        *error = Tr::tr("Cannot remove the trusted certificate: %1").arg(transaction.errorText());
        return false;
    }
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM certificate_exceptions WHERE host = ? AND port = ?"));
    query.addBindValue(normalizedHost(host));
    query.addBindValue(port);
    if (!query.exec() || !clearPins(host, port, query) || !transaction.commit()) {
        *error =
            Tr::tr("Cannot remove the trusted certificate: %1").arg(query.lastError().text() + transaction.errorText());
        return false;
    }
    return true;
}

QByteArray CertificateExceptions::trustedSha256For(const IngestionSource& source) const
{
    if (const auto exception = find(source.host, source.port)) {
        return exception->certificate.sha256;
    }
    return source.pinnedSha256.toLatin1();
}

QByteArray CertificateExceptions::trustedSha256For(const IngestionSource& source,
                                                   const QList<CertificateException>& exceptions)
{
    const QString host = normalizedHost(source.host);
    for (const CertificateException& exception : exceptions) {
        if (exception.host == host && exception.port == source.port) {
            return exception.certificate.sha256;
        }
    }
    return source.pinnedSha256.toLatin1();
}
