#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// A private certificate authority for the tests, made with the openssl
// command-line tool: a CA, and leaf certificates it signs. Nothing here is
// trusted by the system; a test trusts the CA explicitly or pins a leaf.
class TestCertificates
{
public:
    // Files go into `directory`, which must exist.
    explicit TestCertificates(QString directory);

    // Creates the CA (EC P-256, valid for 30 days). Returns false with a
    // message naming the failed openssl step.
    bool createAuthority(QString* error);

    // Creates `<name>.key` and `<name>.pem` signed by the CA, and
    // `<name>-chain.pem` (leaf then CA, what a server presents). `subjectAltNames`
    // uses openssl's syntax: "DNS:localhost", "IP:127.0.0.1".
    bool createLeaf(const QString& name, const QString& commonName, const QStringList& subjectAltNames, QString* error);

    // A self-signed certificate no CA vouches for: the "untrusted" case.
    bool createSelfSigned(const QString& name, const QString& commonName, QString* error);

    QString authorityPath() const;
    QString certificatePath(const QString& name) const;
    QString chainPath(const QString& name) const;
    QString keyPath(const QString& name) const;

    // SHA-256 of the DER certificate, lowercase hex without separators.
    static QByteArray sha256Fingerprint(const QString& pemPath);

private:
    bool runOpenssl(const QStringList& arguments, const QString& step, QString* error) const;

    QString m_directory;
};
