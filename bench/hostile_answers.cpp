// How long a sync takes to give up on answers a hostile server sends, and
// how much memory it costs: a line without CRLF of 50, 100, 200 and 400 MB
// (in LIST, where vmime's parser took 67 s for 400 MB and kept growing
// faster than the size), and the same sizes as one message: a usual one
// (a big base64 attachment), and one of plain text (generated prose), of
// which the search index takes the start (HugeMessage). Prints a table for docs/benchmarks.md; judges nothing. The
// peak RSS column is the process's high-water mark: run one size at a time
// for a clean figure per row.
//
//   build/release/bench/bench-hostile-answers [--sizes 50,100,200,400] [--answers line,attachment,text]
#include "HugeMessage.h"
#include "ScriptedImapServer.h"
#include "ScriptedMailbox.h"
#include "ScriptedReply.h"
#include "archive/Archive.h"
#include "sources/SourceRepository.h"
#include "sync/SourceSync.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>

namespace {

long peakResidentMegabytes()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

struct Outcome
{
    double seconds = 0;
    bool ok = false;
    QString error;
};

// One pass over a source on `server`, in a fresh archive.
Outcome onePass(ScriptedImapServer& server)
{
    QTemporaryDir directory;
    Archive archive(directory.filePath(QStringLiteral("archive.sqlite")));
    QString error;
    if (!archive.open(&error)) {
        return {0, false, error};
    }
    IngestionSource source;
    source.name = QStringLiteral("Hostile");
    source.host = server.host();
    source.port = server.port();
    source.security = ConnectionSecurity::None;
    source.username = QStringLiteral("test");
    source.folderScope = IngestionSource::FolderScope::AllFolders;
    const auto added = SourceRepository(archive.connection()).add(source, &error);
    if (!added) {
        return {0, false, error};
    }
    QElapsedTimer timer;
    timer.start();
    const SourceSync::Result result = SourceSync(archive, *added, QStringLiteral("testpass123")).run();
    Outcome outcome {static_cast<double>(timer.nsecsElapsed()) / 1e9,
                     result.ok && result.counts.isComplete(),
                     result.ok ? result.counts.problems.join(QStringLiteral("; ")) : result.failure.message};
    archive.closeConnection();
    return outcome;
}

// One row of the table; the peak is the process's so far.
void printRow(const char* answer, qint64 megabytes, const Outcome& outcome)
{
    const QByteArray said = outcome.ok ? QByteArray("archived") : outcome.error.left(90).toUtf8();
    std::printf("%-28s %8lld %10.3f %12ld  %s\n",
                answer,
                static_cast<long long>(megabytes),
                outcome.seconds,
                peakResidentMegabytes(),
                said.constData());
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption sizesOption(QStringLiteral("sizes"),
                                         QStringLiteral("Sizes in MB, comma-separated."),
                                         QStringLiteral("list"),
                                         QStringLiteral("50,100,200,400"));
    parser.addOption(sizesOption);
    // The peak is a high-water mark: one answer per process gives each
    // row its own.
    const QCommandLineOption answersOption(QStringLiteral("answers"),
                                           QStringLiteral("Which answers: line, attachment, text (comma-separated)."),
                                           QStringLiteral("list"),
                                           QStringLiteral("line,attachment,text"));
    parser.addOption(answersOption);
    parser.addHelpOption();
    parser.process(app);

    ScriptedImapServer server;
    ScriptedFolder inbox;
    inbox.name = "INBOX";
    inbox.messages << ScriptedMessage {1, "Subject: one\r\n\r\nbody\r\n"};
    server.setFolders({inbox});
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "cannot start the scripted server: %s\n", qPrintable(error));
        return 1;
    }

    const QStringList answers = parser.value(answersOption).split(QLatin1Char(','));
    std::printf("%-28s %8s %10s %12s  %s\n", "answer", "MB", "seconds", "peak RSS MB", "outcome");
    for (const QString& text : parser.value(sizesOption).split(QLatin1Char(','))) {
        const qint64 megabytes = text.toLongLong();
        const qint64 bytes = megabytes * 1024 * 1024;

        // A LIST line that never ends.
        if (answers.contains(QStringLiteral("line"))) {
            server.setHandler("LIST", [bytes](const ScriptedCommand& command, ScriptedReply& reply) {
                if (command.arguments.value(1) != "*") {
                    reply.defaultAnswer();
                    return;
                }
                reply.send("* LIST () \"/\" ");
                reply.sendRepeated('a', bytes);
            });
            const Outcome line = onePass(server);
            printRow("LIST line without CRLF", megabytes, line);
            server.setHandler("LIST", {});
        }

        // The usual huge message: a short text and one big attachment.
        if (answers.contains(QStringLiteral("attachment"))) {
            server.setHandler("UID FETCH", HugeMessage(HugeMessage::Kind::Attachment, megabytes).answer());
            const Outcome attachment = onePass(server);
            printRow("one base64 attachment", megabytes, attachment);
        }

        // One text body of that size (generated prose), honestly announced.
        if (answers.contains(QStringLiteral("text"))) {
            server.setHandler("UID FETCH", HugeMessage(HugeMessage::Kind::PlainText, megabytes).answer());
            const Outcome body = onePass(server);
            printRow("one plain text body", megabytes, body);
        }
        server.setHandler("UID FETCH", {});
    }
    return 0;
}
