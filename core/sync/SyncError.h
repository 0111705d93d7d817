#pragma once

#include "values/CertificateInfo.h"

#include <QString>

namespace vmime {
class exception;
}

// How a failed connection or pass is told to the user, shared by the sync
// and by the dialog's connection test so both say the same thing.
namespace SyncError {

// What went wrong in words a user can act on: what to check, what to change.
// A refused login is a plain sentence; the server's words ("[AUTHENTICATION
// FAILED] …") are technical().
QString describe(const vmime::exception& e, const QString& host);

// The library's or the server's own words about `e`, for the technical line
// (SourceSync::Result::technical, ConnectionTestResult::technical): for a
// refused login what the server answered, without the command's tag. Not
// yet escaped: callers pass it through ServerText.
QString technical(const vmime::exception& e);

// The network may come back by itself; a wrong password or an untrusted
// certificate does not.
bool isTransient(const vmime::exception& e);

// A failure to store what was fetched (in `folder`, when known), for
// people: a full disk, a source removed meanwhile, a message too big, memory
// exhausted each get a sentence saying what failed, where and what happens
// next. The raw text belongs in the technical line (SourceSync::Result).
QString describeStorage(const QString& error, const QString& folder = {});

// The certificate the user may choose to trust, when `e` is an untrusted
// one; a null CertificateInfo otherwise.
CertificateInfo untrustedCertificate(const vmime::exception& e);

} // namespace SyncError
