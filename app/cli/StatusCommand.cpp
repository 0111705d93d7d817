#include "StatusCommand.h"

#include "CliContext.h"
#include "archive/Archive.h"
#include "archive/ArchiveReader.h"
#include "sources/SourceRepository.h"
#include "sources/SourceStatistics.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <climits>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(StatusCommand)
};

QJsonObject folderJson(const FolderSummary& folder)
{
    return {{QStringLiteral("path"), folder.path},
            {QStringLiteral("server"), folder.serverCount},
            {QStringLiteral("archived"), folder.messageCount},
            {QStringLiteral("archivedOfServer"), folder.archivedOfServer},
            {QStringLiteral("complete"), folder.isComplete()},
            {QStringLiteral("retired"), folder.isRetired()},
            {QStringLiteral("lastError"), folder.lastError},
            {QStringLiteral("failedMessages"), folder.failureCount},
            {QStringLiteral("completeness"), folder.completenessText()},
            {QStringLiteral("verifiedAt"), folder.verifiedAt.toString(Qt::ISODate)}};
}

} // namespace

int runStatusCommand(CliContext& context)
{
    const bool json = context.arguments.contains(QStringLiteral("--json"));
    const QList<IngestionSource> sources = SourceRepository(context.archive.connection()).list();
    const ArchiveReader reader = context.archive.reader();
    const SourceStatistics statistics(context.archive.connection());
    const QLocale locale;
    QJsonArray array;
    for (const IngestionSource& source : sources) {
        const QList<FolderSummary> folders = reader.folders(source.id);
        const SourceTotals totals = statistics.totals(source.id);
        if (json) {
            QJsonArray folderArray;
            for (const FolderSummary& folder : folders) {
                folderArray.append(folderJson(folder));
            }
            array.append(QJsonObject {{QStringLiteral("name"), source.name},
                                      {QStringLiteral("status"), IngestionSource::statusKey(source.status)},
                                      {QStringLiteral("lastSync"), source.lastSyncAt.toString(Qt::ISODate)},
                                      {QStringLiteral("lastError"), source.lastError},
                                      {QStringLiteral("lastErrorKind"), SyncFailure::key(source.lastErrorKind)},
                                      {QStringLiteral("failingSince"), source.failingSince.toString(Qt::ISODate)},
                                      {QStringLiteral("messages"), totals.messages},
                                      {QStringLiteral("bytes"), totals.bytes},
                                      {QStringLiteral("folders"), folderArray}});
            continue;
        }
        context.out << source.name << " (" << (source.isLocal() ? Tr::tr("imported from files") : source.accountText())
                    << "): " << IngestionSource::statusKey(source.status) << '\n';
        context.out << "  "
                    << Tr::tr("last sync: %1")
                           .arg(source.lastSyncAt.isValid()
                                    ? locale.toString(source.lastSyncAt.toLocalTime(), QLocale::ShortFormat)
                                    : Tr::tr("never"))
                    << '\n';
        if (!source.lastError.isEmpty()) {
            const QString kind = SyncFailure::title(source.lastErrorKind);
            context.out << "  "
                        << (kind.isEmpty() ? Tr::tr("last error: %1").arg(source.lastError)
                                           : Tr::tr("last error (%1): %2").arg(kind, source.lastError))
                        << '\n';
        }
        if (source.failingSince.isValid()) {
            context.out << "  "
                        << Tr::tr("failing since %1")
                               .arg(locale.toString(source.failingSince.toLocalTime(), QLocale::ShortFormat))
                        << '\n';
        }
        context.out << "  "
                    << Tr::tr("holds %Ln message(s)",
                              nullptr,
                              static_cast<int>(std::min<qint64>(totals.messages, INT_MAX)))
                    << '\n';
        for (const FolderSummary& folder : folders) {
            context.out << "  " << folder.path << ": "
                        << Tr::tr("server %1 · archived %2 · %3")
                               .arg(folder.serverCount < 0 ? Tr::tr("?") : locale.toString(folder.serverCount),
                                    locale.toString(folder.messageCount),
                                    folder.completenessText())
                        << '\n';
        }
    }
    // The archive's own totals: two sources on one server share messages,
    // so these are not the sum of the sources' (the GUI shows the same).
    const ArchiveTotals archive = statistics.archiveTotals();
    if (json) {
        const QJsonObject document {{QStringLiteral("messages"), archive.messages},
                                    {QStringLiteral("bytes"), archive.bytes},
                                    {QStringLiteral("removedSources"), archive.removedSources},
                                    {QStringLiteral("sources"), array}};
        context.out << QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented));
        return CliExit::Ok;
    }
    if (sources.isEmpty()) {
        context.out << Tr::tr("No sources.") << '\n';
    }
    context.out << Tr::tr("archive: %Ln message(s), %1 as on the servers",
                          nullptr,
                          static_cast<int>(std::min<qint64>(archive.messages, INT_MAX)))
                       .arg(locale.formattedDataSize(archive.bytes, 1, QLocale::DataSizeTraditionalFormat))
                << '\n';
    if (archive.removedSources > 0) {
        context.out << "  " << Tr::tr("including mail kept from %n removed source(s)", nullptr, archive.removedSources)
                    << '\n';
    }
    return CliExit::Ok;
}
