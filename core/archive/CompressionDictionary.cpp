#include "CompressionDictionary.h"

#include <vector>

#include <zdict.h>
#include <zstd.h>

CompressionDictionary::CompressionDictionary(qint64 id, QByteArray data, int level)
    : m_id(id)
    , m_data(std::move(data))
    , m_compress(ZSTD_createCDict(m_data.constData(), static_cast<size_t>(m_data.size()), level))
    , m_decompress(ZSTD_createDDict(m_data.constData(), static_cast<size_t>(m_data.size())))
{
}

CompressionDictionary::~CompressionDictionary()
{
    ZSTD_freeCDict(m_compress);
    ZSTD_freeDDict(m_decompress);
}

qint64 CompressionDictionary::id() const
{
    return m_id;
}

const QByteArray& CompressionDictionary::data() const
{
    return m_data;
}

const ZSTD_CDict_s* CompressionDictionary::compressionDictionary() const
{
    return m_compress;
}

const ZSTD_DDict_s* CompressionDictionary::decompressionDictionary() const
{
    return m_decompress;
}

QByteArray CompressionDictionary::train(QList<QByteArray> samples, qsizetype capacity)
{
    qsizetype total = 0;
    for (const QByteArray& sample : std::as_const(samples)) {
        total += sample.size();
    }
    QByteArray joined;
    joined.reserve(total);
    std::vector<size_t> sizes;
    sizes.reserve(static_cast<size_t>(samples.size()));
    for (QByteArray& sample : samples) {
        joined += sample;
        sizes.push_back(static_cast<size_t>(sample.size()));
        sample = QByteArray();
    }
    QByteArray dictionary(capacity, Qt::Uninitialized);
    const size_t size = ZDICT_trainFromBuffer(dictionary.data(),
                                              static_cast<size_t>(dictionary.size()),
                                              joined.constData(),
                                              sizes.data(),
                                              static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(size)) {
        return {};
    }
    dictionary.truncate(static_cast<qsizetype>(size));
    return dictionary;
}
