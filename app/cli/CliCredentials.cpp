#include "CliCredentials.h"

#include "archive/Archive.h"
#include "credentials/KeychainCredentialStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QRegularExpression>

#include <iostream>
#include <string>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CliCredentials)
};

} // namespace

namespace CliCredentials {

QString readPasswordFromStdin()
{
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return QString::fromStdString(line);
}

CredentialResult readStoredPassword(const Archive& archive, qint64 sourceId)
{
    KeychainCredentialStore keychain(archive.identity());
    CredentialResult outcome;
    QEventLoop loop;
    QObject::connect(&keychain,
                     &CredentialStore::requestFinished,
                     &loop,
                     [&](quint64, qint64, CredentialStore::Operation, const CredentialResult& result) {
                         outcome = result;
                         loop.quit();
                     });
    keychain.readPassword(sourceId);
    loop.exec();
    return outcome;
}

std::optional<QString> parseFingerprint(QString text)
{
    text.remove(QLatin1Char(':'));
    static const QRegularExpression Hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
    if (!Hex.match(text).hasMatch()) {
        return std::nullopt;
    }
    return text.toLower();
}

QString badFingerprintText(const QString& given)
{
    return Tr::tr("--trust-fingerprint takes a SHA-256 fingerprint: 64 hexadecimal digits, with or without colons "
                  "(\"%1\" is not one).")
        .arg(given);
}

} // namespace CliCredentials
