// Test helper for the crash-safety test: stores a deterministic mailbox into
// an archive in batches, resuming from the folder's checkpoint, until all of
// it is stored. The test kills it with SIGKILL at random moments.
// Usage: archive-crash-writer ARCHIVE SEED TOTAL BATCH
#include "MailGenerator.h"
#include "archive/Archive.h"
#include "archive/MessageStore.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (args.size() != 5) {
        err << "usage: archive-crash-writer ARCHIVE SEED TOTAL BATCH\n";
        return 2;
    }
    const quint64 seed = args.at(2).toULongLong();
    const int total = args.at(3).toInt();
    const int batchSize = args.at(4).toInt();

    Archive archive(args.at(1));
    QString error;
    if (!archive.open(&error)) {
        err << error << '\n';
        return 1;
    }
    MessageStore store = archive.store();
    const qint64 sourceId = store.ensureSource(QStringLiteral("Crash"), &error);
    const qint64 folderId =
        sourceId ? store.ensureFolder(sourceId, "INBOX", QStringLiteral("INBOX"), QStringLiteral("/"), &error) : 0;
    if (!folderId) {
        err << error << '\n';
        return 1;
    }

    MailGeneratorOptions options;
    options.seed = seed;
    options.attachmentScale = 0.02;
    const QList<GeneratedMessage> mailbox = MailGenerator(options).next(total);

    FolderCheckpoint checkpoint = store.checkpoint(folderId);
    checkpoint.uidValidity = 7;
    while (checkpoint.lastUid < static_cast<quint32>(total)) {
        QList<PreparedMessage> batch;
        for (int i = 0; i < batchSize && checkpoint.lastUid < static_cast<quint32>(total); ++i) {
            FetchedMessage fetched;
            fetched.uid = ++checkpoint.lastUid;
            fetched.raw = mailbox.at(static_cast<qsizetype>(fetched.uid) - 1).raw;
            fetched.internalDate = mailbox.at(static_cast<qsizetype>(fetched.uid) - 1).internalDate;
            batch << MessageStore::prepare(fetched, store.dictionary());
        }
        checkpoint.uidNext = checkpoint.lastUid + 1;
        checkpoint.serverCount = total;
        if (!store.storeBatch(batch, checkpoint, nullptr, &error)) {
            err << error << '\n';
            return 1;
        }
    }
    return 0;
}
