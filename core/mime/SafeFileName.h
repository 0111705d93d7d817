#pragma once

#include <QString>

class QDir;

// File names for saving attachments, whose names come from hostile mail.
namespace SafeFileName {

// The most a name may take in UTF-8: below the 255-byte limit of common file
// systems with room for " (99)" and a longer extension.
inline constexpr qsizetype MaxBytes = 200;

// A name that is valid and harmless on Linux, Windows and macOS: the last path
// component only, without control, bidi or Windows-invalid characters, not
// starting with a dot, not a Windows device name, at most MaxBytes bytes with
// the extension kept. When nothing usable is left, "attachment" with the
// preferred suffix of `mimeType` (when it is known).
QString fromAttachmentName(const QString& name, const QString& mimeType = {});

// `safeName` when no such entry exists in `dir`, else the first free
// "name (2).ext", "name (3).ext", …. A dangling symbolic link counts as taken.
QString uniqueIn(const QDir& dir, const QString& safeName);

// The absolute path for saving the attachment `name` in `folder`: a safe,
// unused name whose canonical parent is exactly the canonical `folder`.
// Empty when `folder` does not exist or the check fails. Open the file with
// QIODevice::NewOnly: another program may create the same name meanwhile.
QString pathIn(const QString& folder, const QString& name, const QString& mimeType = {});

} // namespace SafeFileName
