#include "DeterministicRandom.h"

#include <QtEndian>

namespace {

quint64 splitMix64(quint64& state)
{
    state += 0x9e3779b97f4a7c15ULL;
    quint64 z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

constexpr quint64 rotateLeft(quint64 value, int shift)
{
    return (value << shift) | (value >> (64 - shift));
}

} // namespace

DeterministicRandom::DeterministicRandom(quint64 seed)
{
    // splitmix64 spreads even seeds like 0 and 1 over the whole state, which
    // xoshiro needs: an all-zero state would only ever produce zeros.
    quint64 mix = seed;
    for (quint64& word : m_state) {
        word = splitMix64(mix);
    }
}

quint64 DeterministicRandom::next()
{
    const quint64 result = rotateLeft(m_state[1] * 5, 7) * 9;
    const quint64 t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotateLeft(m_state[3], 45);
    return result;
}

quint64 DeterministicRandom::below(quint64 bound)
{
    Q_ASSERT(bound > 0);
    // Draws under `threshold` would make the low residues more likely than
    // the others; rejecting them keeps every residue equally likely. Fewer
    // than one draw in two is rejected, whatever the bound.
    const quint64 threshold = (0 - bound) % bound;
    for (;;) {
        const quint64 value = next();
        if (value >= threshold) {
            return value % bound;
        }
    }
}

qint64 DeterministicRandom::between(qint64 low, qint64 high)
{
    Q_ASSERT(low <= high);
    const quint64 span = static_cast<quint64>(high) - static_cast<quint64>(low);
    if (span == ~quint64(0)) {
        return static_cast<qint64>(next());
    }
    return static_cast<qint64>(static_cast<quint64>(low) + below(span + 1));
}

bool DeterministicRandom::chance(double probability)
{
    return unit() < probability;
}

double DeterministicRandom::unit()
{
    // The top 53 bits fill a double's mantissa exactly.
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

QByteArray DeterministicRandom::bytes(qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    char* data = out.data();
    qsizetype i = 0;
    // Bytes are taken low byte first whatever the host's byte order, so the
    // content is the same on every machine.
    for (; i + 8 <= size; i += 8) {
        qToLittleEndian(next(), data + i);
    }
    if (i < size) {
        quint64 value = next();
        for (; i < size; ++i) {
            data[i] = static_cast<char>(value & 0xff);
            value >>= 8;
        }
    }
    return out;
}
