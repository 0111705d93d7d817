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
    // The message's packed form (Base64Packing.h) in one or two zstd frames;
    // the second kind with the dictionary.
    PackedZstd = 3,
    PackedZstdDictionary = 4,
};

// What is wrong with a blob that does not read back (ArchiveVerifier).
enum class Damage {
    None,
    Truncated, // its frames end early, or give fewer bytes than the message had
    Frame, // a frame, its checksum, the packed form or the dictionary is bad
    Hash, // it decodes, but to other bytes than the SHA-256 says
};

QByteArray sha256(const QByteArray& raw);

// Every frame written carries zstd's content checksum (4 bytes a frame):
// damage inside a frame is then found by the frame itself, and told apart
// from a truncated blob or a wrong hash (docs/archive-format.md, section 6).

// Compresses `raw`. zstd level 3 compresses text mail to about a third at
// hundreds of MB/s; higher levels cost far more time for little.
QByteArray compress(const QByteArray& raw, int level = 3);
// Compresses with a dictionary (at the level the dictionary was made for).
QByteArray compress(const QByteArray& raw, const CompressionDictionary& dictionary);
// Compresses a packed message, with `dictionary` if given, else at `level`.
// When `compressedEnd` is not 0, the bytes before it (attachments that are
// compressed already) go in a frame of their own, the text after them in a
// second. Why: zstd entropy-codes every block that holds some text, and one
// block of text after hundreds of kilobytes of compressed data made a packed
// attachment compress at 0.9 GB/s instead of 2.5-4.5 GB/s. Decoded text
// (a base64 HTML body) stays in one frame with the rest of the message,
// whose plain-text part it repeats.
QByteArray compressPacked(const QByteArray& packed,
                          qsizetype compressedEnd,
                          const CompressionDictionary* dictionary,
                          int level = 3);

// Decompresses (and unpacks) a stored blob. `rawSize` is the recorded
// original size; a blob that does not give exactly that many bytes is an
// error. `dictionary` is needed for the dictionary kinds. `damage`, when
// given, says what kind of damage made it fail (never Hash: the caller
// compares the hash).
// `stored` is taken by value: moved in, it is freed before a packed message
// is unpacked, so a huge message is not held three times.
bool decompress(QByteArray stored,
                Compression compression,
                qint64 rawSize,
                QByteArray* raw,
                QString* error,
                const CompressionDictionary* dictionary = nullptr,
                Damage* damage = nullptr);

} // namespace BlobCodec
