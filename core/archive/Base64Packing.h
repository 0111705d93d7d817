#pragma once

#include <QByteArray>
#include <QString>

// A reversible rewriting of a raw message before compression: its base64
// blocks (attachments, mostly) are replaced by the bytes they encode.
//
// Why: base64 makes attachments a third bigger, and zstd can only win that
// third back by entropy-coding every character, which runs at about 400 MB/s
// here and made compressing attachments most of the cost of storing mail.
// The decoded bytes of a PDF, a JPEG or a ZIP are already compressed: zstd
// sees that and passes them at several GB/s, and they are smaller than the
// base64 would ever compress to. Decoded text attachments (CSV) compress far
// better than their base64 did.
//
// Exactness: only canonical base64 is packed - lines of one length, one line
// break style, the standard alphabet, padding and unused bits as an encoder
// writes them. Canonical base64 is the one text that encoding its bytes gives
// back, so unpacking re-encodes it character for character. Everything else
// (other line lengths, stray characters, the message's text) is kept as it
// is. The blob is still keyed and verified by the SHA-256 of the raw bytes.
namespace Base64Packing {

// Returns the packed form of `raw`, or an empty array when `raw` holds no
// base64 block big enough to be worth it. The packed form starts with the
// decoded bytes. `compressedEnd` (when given) receives where they end if the
// last of them look compressed already (a PDF, a JPEG, a ZIP), else 0: the
// caller compresses the bytes before it apart from the text after it.
QByteArray pack(const QByteArray& raw, qsizetype* compressedEnd = nullptr);

// Rebuilds the original bytes from `packed`. Fails, saying why in `error`,
// when the packed form is damaged or does not rebuild exactly `rawSize`
// bytes.
bool unpack(const QByteArray& packed, qint64 rawSize, QByteArray* raw, QString* error);

} // namespace Base64Packing
