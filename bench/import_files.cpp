// Imports an mbox file of generated mail into a fresh archive the way
// `openarchiver-cli import` does (MailFileImport: read, unquote, prepare,
// store in batches with checkpoints) and prints messages/s, MB/s and peak
// RSS, to compare with bench-archive-store on the same mail (same seed and
// count) in the same session. Writing the mbox is not timed.
// See docs/benchmarks.md for the command and the results.
#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "archive/Archive.h"
#include "export/MboxFormat.h"
#include "import/MailFileImport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("mbox import benchmark"));
    parser.addHelpOption();
    const QCommandLineOption messagesOption(QStringLiteral("messages"),
                                            QStringLiteral("Messages in the mbox."),
                                            QStringLiteral("n"),
                                            QStringLiteral("10000"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QStringLiteral("Generator seed."), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption directoryOption(QStringLiteral("directory"),
                                             QStringLiteral("Where to write the mbox and the archive."),
                                             QStringLiteral("path"));
    parser.addOptions({messagesOption, seedOption, directoryOption});
    parser.process(app);
    QTextStream out(stdout);

    QTemporaryDir temporary(
        parser.isSet(directoryOption) ? parser.value(directoryOption) + QStringLiteral("/bench-XXXXXX") : QString());
    const QString mboxPath = temporary.filePath(QStringLiteral("bench.mbox"));
    qint64 rawBytes = 0;
    const int total = parser.value(messagesOption).toInt();
    {
        QFile mbox(mboxPath);
        if (!mbox.open(QIODevice::WriteOnly)) {
            out << "cannot write " << mboxPath << '\n';
            return 1;
        }
        MailGeneratorOptions options;
        options.seed = parser.value(seedOption).toULongLong();
        MailGenerator generator(options);
        QByteArray chunk;
        for (int i = 0; i < total; ++i) {
            const GeneratedMessage message = generator.next();
            rawBytes += message.raw.size();
            chunk += MboxFormat::separatorLine(QStringLiteral("bench@example.org"), message.internalDate);
            MboxFormat::appendMessage(message.raw, &chunk);
            if (chunk.size() > 8 * 1024 * 1024) {
                mbox.write(chunk);
                chunk.clear();
            }
        }
        mbox.write(chunk);
    }
    rusage before {};
    getrusage(RUSAGE_SELF, &before);

    Archive archive(temporary.filePath(QStringLiteral("bench.sqlite")));
    QString error;
    if (!archive.open(&error)) {
        out << error << '\n';
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    const MailFileImport::Summary summary = MailFileImport(archive).run({mboxPath});
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    rusage after {};
    getrusage(RUSAGE_SELF, &after);
    archive.closeConnection();
    if (!summary.error.isEmpty() || summary.added != total) {
        out << "import failed: " << summary.error << " (" << summary.added << " of " << total << ")\n";
        return 1;
    }
    out << "messages:        " << summary.added << " (default mix, one mbox file of "
        << QString::number(QFile(mboxPath).size() / 1e6, 'f', 1) << " MB)\n"
        << "raw size:        " << QString::number(rawBytes / 1e6, 'f', 1) << " MB\n"
        << "time:            " << QString::number(seconds, 'f', 2) << " s\n"
        << "messages/s:      " << QString::number(summary.added / seconds, 'f', 0) << '\n'
        << "MB/s:            " << QString::number(rawBytes / 1e6 / seconds, 'f', 1) << '\n'
        << "peak RSS:        " << after.ru_maxrss / 1024 << " MB (" << before.ru_maxrss / 1024
        << " MB before the import)\n";
    return 0;
}
