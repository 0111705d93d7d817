#include "CertificateInfo.h"

#include <QStringList>

bool CertificateInfo::isNull() const
{
    return sha256.isEmpty();
}

QString CertificateInfo::formattedFingerprint() const
{
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < sha256.size(); i += 2) {
        pairs << QString::fromLatin1(sha256.mid(i, 2)).toUpper();
    }
    return pairs.join(QLatin1Char(':'));
}

QJsonObject CertificateInfo::toJson() const
{
    return {{QStringLiteral("subject"), subject},
            {QStringLiteral("issuer"), issuer},
            {QStringLiteral("valid_from"), validFrom.toString(Qt::ISODate)},
            {QStringLiteral("valid_until"), validUntil.toString(Qt::ISODate)},
            {QStringLiteral("sha256"), QString::fromLatin1(sha256)}};
}

CertificateInfo CertificateInfo::fromJson(const QJsonObject& json)
{
    CertificateInfo info;
    info.subject = json.value(QStringLiteral("subject")).toString();
    info.issuer = json.value(QStringLiteral("issuer")).toString();
    info.validFrom = QDateTime::fromString(json.value(QStringLiteral("valid_from")).toString(), Qt::ISODate);
    info.validUntil = QDateTime::fromString(json.value(QStringLiteral("valid_until")).toString(), Qt::ISODate);
    info.sha256 = json.value(QStringLiteral("sha256")).toString().toLatin1();
    return info;
}
