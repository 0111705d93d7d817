// Stores generated messages into a fresh archive the way an import does
// (prepare = hash + zstd + parse, then one transaction per batch) and prints
// messages/s, MB/s, archive size over raw size and peak RSS.
// See docs/benchmarks.md for the command and the results.
#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "archive/Archive.h"
#include "archive/MessageStore.h"
#include "archive/WalCheckpointer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

namespace {

bool isTextOnly(GeneratedMessage::Kind kind)
{
    return kind == GeneratedMessage::Kind::PlainUtf8 || kind == GeneratedMessage::Kind::LegacyCharset
        || kind == GeneratedMessage::Kind::Alternative;
}

qint64 fileSize(const QString& path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Archive store benchmark"));
    parser.addHelpOption();
    const QCommandLineOption messagesOption(
        QStringLiteral("messages"), QStringLiteral("Messages to store."), QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QStringLiteral("Generator seed."), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption batchOption(QStringLiteral("batch"),
                                         QStringLiteral("Messages per transaction."),
                                         QStringLiteral("n"),
                                         QStringLiteral("200"));
    const QCommandLineOption textOption(QStringLiteral("text-only"),
                                        QStringLiteral("Only text messages (plain, legacy charsets, alternative)."));
    const QCommandLineOption keepOption(
        QStringLiteral("keep"), QStringLiteral("Write the archive to PATH and keep it."), QStringLiteral("path"));
    parser.addOptions({messagesOption, seedOption, batchOption, textOption, keepOption});
    parser.process(app);

    const int total = parser.value(messagesOption).toInt();
    const int batchSize = parser.value(batchOption).toInt();
    const bool textOnly = parser.isSet(textOption);

    QTemporaryDir directory;
    const QString path =
        parser.isSet(keepOption) ? parser.value(keepOption) : directory.filePath(QStringLiteral("bench.sqlite"));
    QFile::remove(path);
    Archive archive(path);
    QString error;
    QTextStream out(stdout);
    if (!archive.open(&error)) {
        out << error << '\n';
        return 1;
    }
    MessageStore store = archive.store();
    const qint64 sourceId = store.ensureSource(QStringLiteral("Bench"), &error);
    const qint64 folderId = store.ensureFolder(sourceId, "INBOX", QStringLiteral("INBOX"), QStringLiteral("/"), &error);
    FolderCheckpoint checkpoint = store.checkpoint(folderId);
    checkpoint.uidValidity = 1;

    MailGeneratorOptions options;
    options.seed = parser.value(seedOption).toULongLong();
    MailGenerator generator(options);

    qint64 rawBytes = 0;
    qint64 prepareNs = 0;
    qint64 storeNs = 0;
    int stored = 0;
    QList<PreparedMessage> batch;
    QElapsedTimer timer;
    while (stored < total) {
        GeneratedMessage message = generator.next();
        if (textOnly && !isTextOnly(message.kind)) {
            continue;
        }
        FetchedMessage fetched;
        fetched.uid = ++checkpoint.lastUid;
        fetched.raw = std::move(message.raw);
        fetched.internalDate = message.internalDate;
        rawBytes += fetched.raw.size();
        timer.start();
        batch << MessageStore::prepare(fetched, store.dictionary());
        prepareNs += timer.nsecsElapsed();
        ++stored;
        if (batch.size() == batchSize || stored == total) {
            checkpoint.uidNext = checkpoint.lastUid + 1;
            timer.start();
            if (!store.storeBatch(batch, checkpoint, nullptr, &error)) {
                out << error << '\n';
                return 1;
            }
            storeNs += timer.nsecsElapsed();
            batch.clear();
        }
    }
    // The size the archive keeps: every page in the database file, none in
    // the log. The background checkpoint of the last batch (not timed, like
    // the one SQLite would run when the file is closed) must end first, or
    // the TRUNCATE checkpoint finds it busy.
    WalCheckpointer::forArchive(archive.path())->waitIdle();
    QSqlQuery(archive.connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const qint64 archiveBytes = fileSize(archive.path());

    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const double seconds = static_cast<double>(prepareNs + storeNs) / 1e9;
    out << "messages:        " << stored << (textOnly ? " (text only)" : " (default mix)") << '\n'
        << "raw size:        " << QString::number(rawBytes / 1e6, 'f', 1) << " MB\n"
        << "time:            " << QString::number(seconds, 'f', 2) << " s (prepare "
        << QString::number(prepareNs / 1e9, 'f', 2) << " s, store " << QString::number(storeNs / 1e9, 'f', 2) << " s)\n"
        << "messages/s:      " << QString::number(stored / seconds, 'f', 0) << '\n'
        << "MB/s:            " << QString::number(rawBytes / 1e6 / seconds, 'f', 1) << '\n'
        << "archive/raw:     " << QString::number(static_cast<double>(archiveBytes) / rawBytes, 'f', 3) << '\n'
        << "peak RSS:        " << usage.ru_maxrss / 1024 << " MB\n";
    store = MessageStore(QSqlDatabase());
    archive.closeConnection();
    return 0;
}
