// Test helper for SingleInstanceTest: a second process, since a launch that
// asks the running one blocks, and the running one (the test) must answer on
// its own event loop.
// Usage: single-instance-probe MODE ARCHIVE [ARGUMENT...]
//   --launch          what main() does: claim, else ask the running one with
//                     the ARGUMENTs. Exits 0 (claimed), 3 (the running one
//                     answered) or 4 (held, but nobody answered).
//   --claim-and-wait  claims, prints "claimed" and waits to be killed.
//   --lock-only       takes only the lock file, prints "locked" and waits:
//                     a running one that does not answer.
#include "SingleInstance.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QTextStream>

namespace {

constexpr int Claimed = 0;
constexpr int Failed = 1;
constexpr int Usage = 2;
constexpr int Activated = 3;
constexpr int NobodyAnswered = 4;

// Says so on stdout, where the test waits for it, and runs until killed.
int waitToBeKilled(QCoreApplication& app, const char* state)
{
    QTextStream out(stdout);
    out << state << Qt::endl;
    return app.exec();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 3) {
        QTextStream(stderr) << "usage: single-instance-probe --launch|--claim-and-wait|--lock-only ARCHIVE "
                               "[ARGUMENT...]\n";
        return Usage;
    }
    const QString& mode = args.at(1);
    SingleInstance instance(args.at(2));
    if (mode == QLatin1String("--launch")) {
        if (instance.claim()) {
            return Claimed;
        }
        return instance.activateRunning(args.mid(3)) ? Activated : NobodyAnswered;
    }
    if (mode == QLatin1String("--claim-and-wait")) {
        return instance.claim() ? waitToBeKilled(app, "claimed") : Failed;
    }
    if (mode == QLatin1String("--lock-only")) {
        QLockFile lock(instance.lockFilePath());
        return lock.tryLock(0) ? waitToBeKilled(app, "locked") : Failed;
    }
    return Usage;
}
