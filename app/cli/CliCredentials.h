#pragma once

#include "credentials/CredentialStore.h"

#include <QString>

#include <optional>

class Archive;

// What the commands that reach a server share: the password from standard
// input or the keychain, and a certificate the user trusts by fingerprint.
namespace CliCredentials {

// One line of standard input, without its line break.
QString readPasswordFromStdin();
// The source's password from the system keychain (waits for it).
CredentialResult readStoredPassword(const Archive& archive, qint64 sourceId);
// A SHA-256 fingerprint as people copy it: 64 hex digits, with or without
// colons, any case. Lowercase without colons; nullopt when it is not one.
std::optional<QString> parseFingerprint(QString text);
// Why --trust-fingerprint's value was refused.
QString badFingerprintText(const QString& given);

} // namespace CliCredentials
