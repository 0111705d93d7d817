#pragma once

#include "values/SyncFailure.h"

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

// What kind of failure `e` is: the program's side of describe().
SyncFailure::Kind kindOf(const vmime::exception& e);

// The whole value for `e`, as a pass and a connection test report it: kind,
// describe(), technical() and the untrusted certificate, with the server's
// words made printable and `password` redacted wherever the server may have
// echoed it.
SyncFailure failure(const vmime::exception& e, const QString& host, const QString& password);

// A failure to store what was fetched (in `folder`, when known), for
// people: a full disk, a source removed meanwhile, a message too big, memory
// exhausted each get a sentence saying what failed, where and what happens
// next. The raw text belongs in the technical line (SourceSync::Result).
QString describeStorage(const QString& error, const QString& folder = {});

// DiskFull, ArchiveDamaged or Storage, from the words of SQLite or the C++
// library.
SyncFailure::Kind storageKindOf(const QString& error);

// The whole value for a failure to store (describeStorage, the raw words
// as the technical line).
SyncFailure storageFailure(const QString& error, const QString& folder, const QString& password);

} // namespace SyncError
