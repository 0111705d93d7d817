#pragma once

#include "imap/CertificateInfo.h"

#include <QString>

namespace vmime {
class exception;
}

// How a failed connection or pass is told to the user, shared by the sync
// and by the dialog's connection test so both say the same thing.
namespace SyncError {

// What went wrong in words a user can act on: what to check, what to change.
QString describe(const vmime::exception& e, const QString& host);

// The network may come back by itself; a wrong password or an untrusted
// certificate does not.
bool isTransient(const vmime::exception& e);

// A failure to store what was fetched, for people: a full disk says so and
// what to do; anything else is returned as it is.
QString describeStorage(const QString& error);

// The certificate the user may choose to trust, when `e` is an untrusted
// one; a null CertificateInfo otherwise.
CertificateInfo untrustedCertificate(const vmime::exception& e);

} // namespace SyncError
