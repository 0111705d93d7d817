// Starts the test IMAP server on loopback with a generated demo mailbox and
// keeps it running until Ctrl+C. See "Try it without a mail account" in the README.
#include "DovecotServer.h"
#include "MailGenerator.h"
#include "MaildirWriter.h"
#include "demo_newsletters.h"
#include "values/CertificateInfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("openarchiver-demo-server"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs a private Dovecot IMAP server on 127.0.0.1 with a generated demo mailbox, until Ctrl+C."));
    parser.addHelpOption();
    const QCommandLineOption messagesOption(QStringLiteral("messages"),
                                            QStringLiteral("Messages in the INBOX (default 3000)."),
                                            QStringLiteral("count"),
                                            QStringLiteral("3000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("Seed of the generated mail (default 1)."),
                                        QStringLiteral("n"),
                                        QStringLiteral("1"));
    const QCommandLineOption scaleOption(QStringLiteral("attachment-scale"),
                                         QStringLiteral("Attachment size factor; 1 is a realistic mix (default 0.25)."),
                                         QStringLiteral("factor"),
                                         QStringLiteral("0.25"));
    parser.addOptions({messagesOption, seedOption, scaleOption});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);

    DovecotServer::Options options;
    options.users = {{QStringLiteral("demo"), QStringLiteral("demo-password")}};
    DovecotServer server(options);
    QString error;
    if (!server.start(&error)) {
        err << "The demo server did not start: " << error << '\n';
        return 1;
    }

    MailGeneratorOptions generatorOptions;
    generatorOptions.seed = parser.value(seedOption).toULongLong();
    generatorOptions.attachmentScale = parser.value(scaleOption).toDouble();
    MailGenerator generator(generatorOptions);
    QElapsedTimer timer;
    timer.start();
    const auto plan = MailGenerator::standardPlan(qMax(1, parser.value(messagesOption).toInt()));
    MaildirWriter writer = server.maildirWriter(QStringLiteral("demo"));
    qint64 bytes = 0;
    qint64 messages = 0;
    // One message at a time: a big demo mailbox never has to fit in memory.
    const bool written = generator.generate(plan, [&](const GeneratedMessage& message) {
        if (!writer.write(message, &error)) {
            return false;
        }
        bytes += message.raw.size();
        ++messages;
        return true;
    });
    if (!written) {
        err << "Cannot write the demo mailbox: " << error << '\n';
        return 1;
    }
    // And what a real mailbox has that generated mail lacks: newsletters
    // with pictures on the web, to see the viewer leave them out.
    for (const GeneratedMessage& message : demoNewsletters()) {
        if (!writer.write(message, &error)) {
            err << "Cannot write the demo mailbox: " << error << '\n';
            return 1;
        }
        bytes += message.raw.size();
        ++messages;
    }

    CertificateInfo fingerprint;
    fingerprint.sha256 = server.serverFingerprint();
    out << "OpenArchiver demo IMAP server is running (Ctrl+C stops it).\n\n"
        << "  Host:      " << server.host() << '\n'
        << "  Port:      " << server.imapsPort() << " (SSL/TLS)   " << server.imapPort() << " (STARTTLS)\n"
        << "  Username:  demo\n"
        << "  Password:  demo-password\n"
        << "  Certificate SHA-256: " << fingerprint.formattedFingerprint() << '\n'
        << "  CA certificate:      " << server.caCertificatePath() << "\n\n"
        << "Mailbox: " << messages << " messages, " << QString::number(bytes / 1048576.0, 'f', 1) << " MB, in "
        << plan.size() << " folders (generated in " << timer.elapsed() << " ms):\n";
    for (const FolderPlan& folder : plan) {
        out << "  " << folder.name << ": " << folder.count << '\n';
    }
    out << "  INBOX also: " << demoNewsletters().size() << " HTML newsletters with pictures on the web\n";
    out << "\nThe certificate is issued by a private test CA: when the app reports it as untrusted,\n"
           "compare the fingerprint above and trust it for this server.\n";
    out.flush();

    if (::pipe(signalPipe) != 0) {
        err << "cannot create a pipe\n";
        return 1;
    }
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });

    const int result = QCoreApplication::exec();
    server.stop();
    out << "Demo server stopped.\n";
    return result;
}
