#pragma once

#include <QString>

// What is wrong with one field of a source, in a sentence to show next to
// that field; empty when the value is fine. The dialog validates as the user
// types with these, and SourceRepository refuses the same values.
namespace SourceValidation {

QString nameError(const QString& name);
// A DNS name that can exist (labels of letters, digits and hyphens, at most
// 63 characters each, 253 in all) or an IPv4 or IPv6 address.
QString hostError(const QString& host);
// `text` as typed: digits only, 1–65535.
QString portError(const QString& text);
QString usernameError(const QString& username);

} // namespace SourceValidation
