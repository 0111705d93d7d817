#include "BlobCodec.h"

#include "Base64Packing.h"
#include "CompressionDictionary.h"

#include <QCoreApplication>

#include <openssl/sha.h>
// ZSTD_c_forceAttachDict is in the experimental part of the API.
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>
#include <zstd_errors.h>

namespace BlobCodec {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BlobCodec)
};

// One compression context a thread: creating one for every message costs
// more than compressing a small message.
ZSTD_CCtx* threadCompressionContext()
{
    struct Holder
    {
        ZSTD_CCtx* context = ZSTD_createCCtx();
        ~Holder() { ZSTD_freeCCtx(context); }
    };
    thread_local Holder holder;
    return holder.context;
}

ZSTD_DCtx* threadDecompressionContext()
{
    struct Holder
    {
        ZSTD_DCtx* context = ZSTD_createDCtx();
        ~Holder() { ZSTD_freeDCtx(context); }
    };
    thread_local Holder holder;
    return holder.context;
}

} // namespace

QByteArray sha256(const QByteArray& raw)
{
    // OpenSSL's SHA-256 uses the CPU's SHA instructions: about ten times
    // QCryptographicHash's speed here (1.2 GB/s against 115 MB/s), and every
    // imported byte is hashed.
    QByteArray digest(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    SHA256(reinterpret_cast<const unsigned char*>(raw.constData()),
           static_cast<size_t>(raw.size()),
           reinterpret_cast<unsigned char*>(digest.data()));
    return digest;
}

namespace {

// One zstd frame of `size` bytes at `out`; a zstd error code on failure.
size_t compressFrame(
    const char* in, size_t size, char* out, size_t capacity, const CompressionDictionary* dictionary, int level)
{
    ZSTD_CCtx* const context = threadCompressionContext();
    ZSTD_CCtx_reset(context, ZSTD_reset_session_and_parameters);
    ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
    if (!dictionary) {
        ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level);
        return ZSTD_compress2(context, out, capacity, in, size);
    }
    // The level is the dictionary's own.
    ZSTD_CCtx_refCDict(context, dictionary->compressionDictionary());
    // Use the dictionary's tables in place. For inputs over 16 KB zstd
    // copies them (768 KB at level 3) by default: that cost more than
    // compressing a 16-256 KB message (147 against 91 microseconds a
    // message, same size) and made random attachment bytes compress at
    // 1.3 instead of 2.9 GB/s. An older libzstd without the setting simply
    // keeps its default.
    ZSTD_CCtx_setParameter(context, ZSTD_c_forceAttachDict, ZSTD_dictForceAttach);
    return ZSTD_compress2(context, out, capacity, in, size);
}

QByteArray compressWhole(const QByteArray& raw, const CompressionDictionary* dictionary, int level)
{
    QByteArray out(static_cast<qsizetype>(ZSTD_compressBound(static_cast<size_t>(raw.size()))), Qt::Uninitialized);
    const size_t written = compressFrame(raw.constData(),
                                         static_cast<size_t>(raw.size()),
                                         out.data(),
                                         static_cast<size_t>(out.size()),
                                         dictionary,
                                         level);
    if (ZSTD_isError(written)) {
        return {};
    }
    out.truncate(static_cast<qsizetype>(written));
    out.squeeze();
    return out;
}

} // namespace

QByteArray compress(const QByteArray& raw, int level)
{
    return compressWhole(raw, nullptr, level);
}

QByteArray compress(const QByteArray& raw, const CompressionDictionary& dictionary)
{
    return compressWhole(raw, &dictionary, 0);
}

QByteArray
compressPacked(const QByteArray& packed, qsizetype compressedEnd, const CompressionDictionary* dictionary, int level)
{
    const auto first = static_cast<size_t>(compressedEnd);
    const size_t second = static_cast<size_t>(packed.size()) - first;
    QByteArray out(static_cast<qsizetype>(ZSTD_compressBound(first) + ZSTD_compressBound(second)), Qt::Uninitialized);
    size_t written = 0;
    if (first > 0) {
        written =
            compressFrame(packed.constData(), first, out.data(), static_cast<size_t>(out.size()), dictionary, level);
        if (ZSTD_isError(written)) {
            return {};
        }
    }
    const size_t rest = compressFrame(packed.constData() + first,
                                      second,
                                      out.data() + written,
                                      static_cast<size_t>(out.size()) - written,
                                      dictionary,
                                      level);
    if (ZSTD_isError(rest)) {
        return {};
    }
    out.truncate(static_cast<qsizetype>(written + rest));
    out.squeeze();
    return out;
}

namespace {

bool isPacked(Compression compression)
{
    return compression == Compression::PackedZstd || compression == Compression::PackedZstdDictionary;
}

bool usesDictionary(Compression compression)
{
    return compression == Compression::ZstdDictionary || compression == Compression::PackedZstdDictionary;
}

// Decodes the zstd frames of `stored` one after the other into `out`: one
// for a plain blob, one or two for a packed one. Their sizes are read and
// checked against `maxSize` before anything is allocated.
// A zstd error that means the input ended early.
bool endedEarly(size_t code)
{
    return ZSTD_getErrorCode(code) == ZSTD_error_srcSize_wrong;
}

bool decompressFrames(const QByteArray& stored,
                      const CompressionDictionary* dictionary,
                      qint64 maxSize,
                      QByteArray* out,
                      QString* error,
                      Damage* damage)
{
    const char* const in = stored.constData();
    const auto size = static_cast<size_t>(stored.size());
    const auto damaged = [error, damage](Damage kind) {
        *error =
            kind == Damage::Truncated ? Tr::tr("the compressed data ends early") : Tr::tr("damaged compressed data");
        *damage = kind;
        return false;
    };
    if (size == 0) {
        return damaged(Damage::Truncated);
    }
    qint64 total = 0;
    for (size_t at = 0; at < size;) {
        const size_t frameSize = ZSTD_findFrameCompressedSize(in + at, size - at);
        if (ZSTD_isError(frameSize) && endedEarly(frameSize)) {
            return damaged(Damage::Truncated);
        }
        const unsigned long long contentSize =
            ZSTD_isError(frameSize) ? ZSTD_CONTENTSIZE_ERROR : ZSTD_getFrameContentSize(in + at, frameSize);
        if (contentSize == ZSTD_CONTENTSIZE_ERROR || contentSize == ZSTD_CONTENTSIZE_UNKNOWN
            || contentSize > static_cast<unsigned long long>(maxSize - total)) {
            return damaged(Damage::Frame);
        }
        total += static_cast<qint64>(contentSize);
        at += frameSize;
    }
    out->resize(static_cast<qsizetype>(total));
    qint64 written = 0;
    for (size_t at = 0; at < size;) {
        const size_t frameSize = ZSTD_findFrameCompressedSize(in + at, size - at);
        char* const into = out->data() + written;
        const auto capacity = static_cast<size_t>(total - written);
        const size_t frame = dictionary
            ? ZSTD_decompress_usingDDict(
                threadDecompressionContext(), into, capacity, in + at, frameSize, dictionary->decompressionDictionary())
            : ZSTD_decompressDCtx(threadDecompressionContext(), into, capacity, in + at, frameSize);
        if (ZSTD_isError(frame)) {
            *error = Tr::tr("damaged compressed data: %1").arg(QString::fromLatin1(ZSTD_getErrorName(frame)));
            *damage = endedEarly(frame) ? Damage::Truncated : Damage::Frame;
            out->clear();
            return false;
        }
        written += static_cast<qint64>(frame);
        at += frameSize;
    }
    if (written != total) {
        out->clear();
        return damaged(Damage::Frame);
    }
    return true;
}

} // namespace

bool decompress(QByteArray stored,
                Compression compression,
                qint64 rawSize,
                QByteArray* raw,
                QString* error,
                const CompressionDictionary* dictionary,
                Damage* damage)
{
    Damage ignored = Damage::None;
    damage = damage ? damage : &ignored;
    *damage = Damage::None;
    if (compression == Compression::None) {
        *raw = std::move(stored);
        if (raw->size() != rawSize) {
            *error = Tr::tr("stored size %1 differs from the recorded %2").arg(raw->size()).arg(rawSize);
            *damage = raw->size() < rawSize ? Damage::Truncated : Damage::Frame;
            return false;
        }
        return true;
    }
    if (compression != Compression::Zstd && compression != Compression::ZstdDictionary && !isPacked(compression)) {
        *error = Tr::tr("unknown compression %1").arg(static_cast<int>(compression));
        *damage = Damage::Frame;
        return false;
    }
    if (usesDictionary(compression) && !dictionary) {
        *error = Tr::tr("the compression dictionary is missing");
        *damage = Damage::Frame;
        return false;
    }
    const CompressionDictionary* const frameDictionary = usesDictionary(compression) ? dictionary : nullptr;
    if (!isPacked(compression)) {
        if (!decompressFrames(stored, frameDictionary, rawSize, raw, error, damage)) {
            return false;
        }
        if (raw->size() != rawSize) {
            // Whole frames that give too few bytes: a frame is missing.
            raw->clear();
            *error = Tr::tr("the compressed data ends early");
            *damage = Damage::Truncated;
            return false;
        }
        return true;
    }
    // A packed message is always smaller than the message.
    QByteArray packed;
    if (!decompressFrames(stored, frameDictionary, rawSize, &packed, error, damage)) {
        return false;
    }
    stored = QByteArray();
    if (!Base64Packing::unpack(packed, rawSize, raw, error)) {
        raw->clear();
        *damage = Damage::Frame;
        return false;
    }
    return true;
}

} // namespace BlobCodec
