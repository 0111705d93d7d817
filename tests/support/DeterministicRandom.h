#pragma once

#include <QByteArray>
#include <QtGlobal>

// xoshiro256** seeded through splitmix64. The standard library's
// distributions differ between implementations, so the generator draws only
// through this class: the same seed gives the same mailbox everywhere.
class DeterministicRandom
{
public:
    explicit DeterministicRandom(quint64 seed);

    quint64 next();
    // Uniform in [0, bound); bound > 0.
    quint64 below(quint64 bound);
    // Uniform in [low, high], inclusive.
    qint64 between(qint64 low, qint64 high);
    // True with the given probability (0..1).
    bool chance(double probability);
    // Uniform in [0, 1).
    double unit();
    // `size` pseudo-random bytes (attachment content that does not compress).
    QByteArray bytes(qsizetype size);

private:
    quint64 m_state[4];
};
