#pragma once

#include <QByteArray>
#include <QString>

class CompressionDictionary;

// How raw messages are kept: zstd frames, identified by the SHA-256 of the
// original bytes. The hash is computed on the raw bytes, never on the
// compressed ones, so the same message always gets the same key whatever
// compression it is stored with.
namespace BlobCodec {

enum class Compression {
    None = 0,
    Zstd = 1,
    ZstdDictionary = 2, // a zstd frame made with the archive's dictionary
    // The same, of the message's packed form (Base64Packing.h).
    PackedZstd = 3,
    PackedZstdDictionary = 4,
};

// Whether a blob stored with `compression` must be unpacked after
// decompression, and whether it needs the archive's dictionary.
bool isPacked(Compression compression);
bool usesDictionary(Compression compression);

QByteArray sha256(const QByteArray& raw);

// Compresses `raw`. zstd level 3 compresses text mail to about a third at
// hundreds of MB/s; higher levels cost far more time for little.
QByteArray compress(const QByteArray& raw, int level = 3);
// Compresses with a dictionary (at the level the dictionary was made for).
QByteArray compress(const QByteArray& raw, const CompressionDictionary& dictionary);

// Decompresses (and unpacks) a stored blob. `rawSize` is the recorded
// original size; a blob that does not give exactly that many bytes is an
// error. `dictionary` is needed for the dictionary kinds.
// `stored` is taken by value: moved in, it is freed before a packed message
// is unpacked, so a huge message is not held three times.
bool decompress(QByteArray stored,
                Compression compression,
                qint64 rawSize,
                QByteArray* raw,
                QString* error,
                const CompressionDictionary* dictionary = nullptr);

} // namespace BlobCodec
