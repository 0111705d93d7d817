#pragma once

#include <QByteArray>
#include <QList>

#include <memory>

struct ZSTD_CDict_s;
struct ZSTD_DDict_s;

// A zstd dictionary trained on this archive's own mail. Most messages are
// small and share most of their header lines and phrasing with the others;
// compressed alone, each pays for that again. With a dictionary, text mail
// shrinks by about a quarter more (measured: docs/benchmarks.md).
// Immutable once made, so one instance is shared by every thread.
class CompressionDictionary
{
public:
    // Messages at least this big are mostly attachments: they gain nothing
    // from a dictionary and are compressed without one.
    static constexpr qsizetype MaxMessageSize = 256 * 1024;

    CompressionDictionary(qint64 id, QByteArray data, int level = 3);
    ~CompressionDictionary();
    Q_DISABLE_COPY_MOVE(CompressionDictionary)

    qint64 id() const;
    const QByteArray& data() const;
    const ZSTD_CDict_s* compressionDictionary() const;
    const ZSTD_DDict_s* decompressionDictionary() const;

    // Trains a dictionary of at most `capacity` bytes from sample messages.
    // Returns an empty array when the samples are too few or too alike.
    // Takes the samples by value and frees each once copied into zstd's
    // input, so their 16 MB are not held twice during an import.
    static QByteArray train(QList<QByteArray> samples, qsizetype capacity = 112 * 1024);

private:
    qint64 m_id;
    QByteArray m_data;
    ZSTD_CDict_s* m_compress = nullptr;
    ZSTD_DDict_s* m_decompress = nullptr;
};

using SharedDictionary = std::shared_ptr<const CompressionDictionary>;
