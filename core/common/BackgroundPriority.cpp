#include "BackgroundPriority.h"

#include <QThread>

#include <atomic>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace {

std::atomic_bool enabled {false};

#ifdef Q_OS_LINUX
// Linux keeps a nice value per thread. 10 gives the thread about a tenth of
// the weight of a thread at 0 when both want the same core.
constexpr int BackgroundNice = 10;
#endif

} // namespace

void BackgroundPriority::setEnabled(bool on)
{
    enabled = on;
}

void BackgroundPriority::applyToCurrentThread()
{
    if (!enabled) {
        return;
    }
#ifdef Q_OS_LINUX
    // QThread::setPriority cannot do this on Linux: for ordinary threads
    // the scheduler has a single priority and only the nice value counts.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), BackgroundNice);
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}
