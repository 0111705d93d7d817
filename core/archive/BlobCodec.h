#pragma once

#include <QByteArray>
#include <QString>

// How raw messages are kept: zstd frames, identified by the SHA-256 of the
// original bytes. The hash is computed on the raw bytes, never on the
// compressed ones, so the same message always gets the same key whatever
// compression it is stored with.
namespace BlobCodec {

enum class Compression {
    None = 0,
    Zstd = 1,
};

QByteArray sha256(const QByteArray& raw);

// Compresses `raw`. zstd level 3 compresses text mail to about a third at
// hundreds of MB/s; higher levels cost far more time for little.
QByteArray compress(const QByteArray& raw, int level = 3);

// Decompresses a stored blob. `rawSize` is the recorded original size; a
// frame that does not decode to exactly that many bytes is an error.
bool decompress(const QByteArray& stored, Compression compression, qint64 rawSize, QByteArray* raw, QString* error);

} // namespace BlobCodec
