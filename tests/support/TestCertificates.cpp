#include "TestCertificates.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>

TestCertificates::TestCertificates(QString directory)
    : m_directory(std::move(directory))
{
}

QString TestCertificates::authorityPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("ca.pem"));
}

QString TestCertificates::certificatePath(const QString& name) const
{
    return QDir(m_directory).filePath(name + QStringLiteral(".pem"));
}

QString TestCertificates::chainPath(const QString& name) const
{
    return QDir(m_directory).filePath(name + QStringLiteral("-chain.pem"));
}

QString TestCertificates::keyPath(const QString& name) const
{
    return QDir(m_directory).filePath(name + QStringLiteral(".key"));
}

namespace {

// EC keys: a fresh fixture per test process must not spend seconds on RSA.
QStringList newEcKey()
{
    return {QStringLiteral("-newkey"),
            QStringLiteral("ec"),
            QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:P-256"),
            QStringLiteral("-nodes")};
}

} // namespace

bool TestCertificates::createAuthority(QString* error)
{
    return runOpenssl(QStringList {QStringLiteral("req"), QStringLiteral("-x509")} + newEcKey()
                          + QStringList {QStringLiteral("-days"),
                                         QStringLiteral("30"),
                                         QStringLiteral("-subj"),
                                         QStringLiteral("/O=OpenArchiver Tests/CN=OpenArchiver Test CA"),
                                         QStringLiteral("-addext"),
                                         QStringLiteral("basicConstraints=critical,CA:TRUE"),
                                         QStringLiteral("-addext"),
                                         QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"),
                                         QStringLiteral("-keyout"),
                                         QDir(m_directory).filePath(QStringLiteral("ca.key")),
                                         QStringLiteral("-out"),
                                         authorityPath()},
                      QStringLiteral("create the test CA"),
                      error);
}

bool TestCertificates::createLeaf(const QString& name,
                                  const QString& commonName,
                                  const QStringList& subjectAltNames,
                                  QString* error)
{
    const QString request = QDir(m_directory).filePath(name + QStringLiteral(".csr"));
    const QString extensions = QDir(m_directory).filePath(name + QStringLiteral(".ext"));
    QFile extensionFile(extensions);
    if (!extensionFile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1: %2").arg(extensions, extensionFile.errorString());
        return false;
    }
    extensionFile.write("basicConstraints = CA:FALSE\n"
                        "keyUsage = critical, digitalSignature, keyEncipherment\n"
                        "extendedKeyUsage = serverAuth\n");
    extensionFile.write("subjectAltName = " + subjectAltNames.join(QLatin1Char(',')).toUtf8() + '\n');
    extensionFile.close();

    if (!runOpenssl(QStringList {QStringLiteral("req"), QStringLiteral("-new")} + newEcKey()
                        + QStringList {QStringLiteral("-subj"),
                                       QStringLiteral("/O=OpenArchiver Tests/CN=%1").arg(commonName),
                                       QStringLiteral("-keyout"),
                                       keyPath(name),
                                       QStringLiteral("-out"),
                                       request},
                    QStringLiteral("create the key and request for %1").arg(name),
                    error)) {
        return false;
    }
    if (!runOpenssl({QStringLiteral("x509"),
                     QStringLiteral("-req"),
                     QStringLiteral("-in"),
                     request,
                     QStringLiteral("-CA"),
                     authorityPath(),
                     QStringLiteral("-CAkey"),
                     QDir(m_directory).filePath(QStringLiteral("ca.key")),
                     QStringLiteral("-CAcreateserial"),
                     QStringLiteral("-days"),
                     QStringLiteral("30"),
                     QStringLiteral("-extfile"),
                     extensions,
                     QStringLiteral("-out"),
                     certificatePath(name)},
                    QStringLiteral("sign the certificate for %1").arg(name),
                    error)) {
        return false;
    }

    QFile leaf(certificatePath(name));
    QFile authority(authorityPath());
    QFile chain(chainPath(name));
    if (!leaf.open(QIODevice::ReadOnly) || !authority.open(QIODevice::ReadOnly)
        || !chain.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot assemble the chain %1").arg(chainPath(name));
        return false;
    }
    chain.write(leaf.readAll());
    chain.write(authority.readAll());
    return true;
}

bool TestCertificates::createSelfSigned(const QString& name, const QString& commonName, QString* error)
{
    if (!runOpenssl(QStringList {QStringLiteral("req"), QStringLiteral("-x509")} + newEcKey()
                        + QStringList {QStringLiteral("-days"),
                                       QStringLiteral("30"),
                                       QStringLiteral("-subj"),
                                       QStringLiteral("/O=OpenArchiver Tests/CN=%1").arg(commonName),
                                       QStringLiteral("-addext"),
                                       QStringLiteral("subjectAltName=DNS:%1").arg(commonName),
                                       QStringLiteral("-keyout"),
                                       keyPath(name),
                                       QStringLiteral("-out"),
                                       certificatePath(name)},
                    QStringLiteral("create the self-signed certificate %1").arg(name),
                    error)) {
        return false;
    }
    return QFile::copy(certificatePath(name), chainPath(name));
}

QByteArray TestCertificates::sha256Fingerprint(const QString& pemPath)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(pemPath, QSsl::Pem);
    if (certificates.isEmpty()) {
        return {};
    }
    return certificates.first().digest(QCryptographicHash::Sha256).toHex();
}

bool TestCertificates::runOpenssl(const QStringList& arguments, const QString& step, QString* error) const
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.setWorkingDirectory(m_directory);
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForStarted(10000)) {
        *error = QStringLiteral("cannot %1: openssl does not start (%2); install the openssl package")
                     .arg(step, openssl.errorString());
        return false;
    }
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        *error = QStringLiteral("cannot %1: openssl %2 failed: %3")
                     .arg(step, arguments.first(), QString::fromLocal8Bit(openssl.readAll()).trimmed());
        return false;
    }
    return true;
}
