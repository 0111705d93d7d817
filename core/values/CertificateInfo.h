#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

// What the user needs to decide whether to trust a server's certificate:
// who it names, who signed it, when it is valid and its SHA-256 fingerprint.
// A value type, so it can travel from a worker thread to the dialog and be
// kept in the events log.
struct CertificateInfo
{
    QString subject;
    QString issuer;
    QDateTime validFrom;
    QDateTime validUntil;
    QByteArray sha256; // lowercase hex, what IngestionSource::pinnedSha256 holds

    bool isNull() const;
    // "AB:CD:…", the way browsers and providers publish fingerprints.
    QString formattedFingerprint() const;

    QJsonObject toJson() const;
    static CertificateInfo fromJson(const QJsonObject& json);
};
