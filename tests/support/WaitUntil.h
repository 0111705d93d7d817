#pragma once

#include <QElapsedTimer>
#include <QTest>

#include <functional>

// Spins the event loop until `condition` holds or `timeoutMs` passes. UI
// tests wait for real syncs, so they wait for states, never for fixed times.
inline bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs) {
            return false;
        }
        QTest::qWait(10);
    }
    return true;
}
