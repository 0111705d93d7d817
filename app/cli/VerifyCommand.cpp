#include "VerifyCommand.h"

#include "CliContext.h"
#include "CliProgressLine.h"
#include "archive/Archive.h"
#include "archive/ArchiveVerifier.h"
#include "archive/EventLog.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VerifyCommand)
};

} // namespace

int runVerifyCommand(CliContext& context)
{
    // Ctrl+C stops between messages, and says so, instead of killing us
    // mid-read: verification changes nothing, but the report should be honest.
    CliProgressLine line(context.err);
    ArchiveVerifier verifier(context.archive.connection());
    const VerifyReport report = verifier.run([&](qint64 done, qint64 total) {
        return line.show([&] { return Tr::tr("Verifying %1 of %2 messages…").arg(done).arg(total); }, done == total);
    });
    line.finish();
    context.out << report.summary() << '\n';

    const QJsonObject details {{QStringLiteral("checked"), report.blobsChecked},
                               {QStringLiteral("damaged"), report.blobsDamaged},
                               {QStringLiteral("truncated"), report.blobsTruncated},
                               {QStringLiteral("frameDamaged"), report.blobsFrameDamaged},
                               {QStringLiteral("hashMismatch"), report.blobsHashMismatch},
                               {QStringLiteral("clean"), report.isClean()},
                               {QStringLiteral("cancelled"), report.cancelled}};
    context.archive.events().append(QStringLiteral("verify.finished"), report.summary(), 0, details);
    return report.isClean() ? CliExit::Ok : CliExit::Failed;
}
