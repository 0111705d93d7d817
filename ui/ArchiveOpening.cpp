#include "ArchiveOpening.h"

#include "archive/Archive.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>

#include <memory>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveOpening)
};

} // namespace

bool ArchiveOpening::open(Archive& archive, QString* error)
{
    if (!archive.needsUpgrade()) {
        return archive.open(error);
    }
    QProgressDialog progress;
    progress.setWindowTitle(Tr::tr("Upgrading the Archive"));
    progress.setLabelText(Tr::tr("Upgrading your archive to this version's format. This happens once and can take a "
                                 "minute for a large archive.\n\nIf it is interrupted, nothing is lost: the upgrade "
                                 "starts again the next time."));
    progress.setAccessibleName(progress.windowTitle());
    progress.setCancelButton(nullptr);
    progress.setRange(0, 0); // no steps to count: SQLite builds the indexes in one statement each
    progress.setMinimumDuration(0);
    progress.show();

    bool upgraded = false;
    QString upgradeError;
    QEventLoop loop;
    // The thread's own connection upgrades and closes; this thread's is
    // opened below, on an archive that is then current.
    std::unique_ptr<QThread> thread(QThread::create([&archive, &upgraded, &upgradeError] {
        upgraded = archive.open(&upgradeError);
        archive.closeConnection();
    }));
    QObject::connect(thread.get(), &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    loop.exec();
    thread->wait();
    progress.close();
    if (!upgraded) {
        *error = upgradeError;
        return false;
    }
    return archive.open(error);
}
