#include "SearchCommand.h"

#include "CliContext.h"
#include "archive/Archive.h"
#include "archive/ArchiveReader.h"
#include "search/SearchQuery.h"
#include "sources/SourceRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SearchCommand)
};

constexpr int DefaultLimit = 50;

QString sender(const MessageSummary& message)
{
    if (message.fromName.isEmpty()) {
        return message.fromAddress;
    }
    return message.fromAddress.isEmpty() ? message.fromName
                                         : QStringLiteral("%1 <%2>").arg(message.fromName, message.fromAddress);
}

// Takes "--name VALUE" out of `arguments`; false when the value is missing.
bool takeOption(QStringList* arguments, const QString& name, QString* value)
{
    const qsizetype at = arguments->indexOf(name);
    if (at < 0) {
        return true;
    }
    if (at + 1 >= arguments->size()) {
        return false;
    }
    *value = arguments->at(at + 1);
    arguments->remove(at, 2);
    return true;
}

} // namespace

int runSearchCommand(CliContext& context)
{
    QStringList arguments = context.arguments;
    const bool json = arguments.removeAll(QStringLiteral("--json")) > 0;
    QString limitText;
    SearchScope scope;
    const auto usage = [&context] {
        context.err << Tr::tr("Usage: openarchiver-cli search QUERY [--json] [--limit N] [--source NAME] "
                              "[--folder PATH]")
                    << '\n';
        return CliExit::BadUsage;
    };
    if (!takeOption(&arguments, QStringLiteral("--limit"), &limitText)
        || !takeOption(&arguments, QStringLiteral("--source"), &scope.sourceName)
        || !takeOption(&arguments, QStringLiteral("--folder"), &scope.folderPath) || arguments.isEmpty()) {
        return usage();
    }
    int limit = DefaultLimit;
    if (!limitText.isEmpty()) {
        bool ok = false;
        limit = limitText.toInt(&ok);
        if (!ok || limit <= 0) {
            context.err << Tr::tr("--limit needs a number of messages above 0, not \"%1\".").arg(limitText) << '\n';
            return CliExit::BadUsage;
        }
    }
    // Several words on the command line are one query, as typed in the box.
    const SearchQuery query = SearchQuery::parse(arguments.join(QLatin1Char(' ')));
    if (!query.isValid()) {
        context.err << query.error() << '\n';
        return CliExit::BadUsage;
    }
    if (query.isEmpty()) {
        context.err << Tr::tr("The query has nothing to look for: type a word, a \"phrase\" or an operator such "
                              "as from:.")
                    << '\n';
        return CliExit::BadUsage;
    }
    if (!scope.sourceName.isEmpty() && !SourceRepository(context.archive.connection()).findByName(scope.sourceName)) {
        context.err << Tr::tr("There is no source named \"%1\".").arg(scope.sourceName) << '\n';
        return CliExit::BadUsage;
    }

    const ArchiveReader reader = context.archive.reader();
    QString error;
    const QList<qint64> ids = reader.search(query, limit, &error, scope);
    if (!error.isEmpty()) {
        context.err << error << '\n';
        return CliExit::Failed;
    }
    QJsonArray array;
    const QLocale locale;
    for (const qint64 id : ids) {
        const std::optional<MessageSummary> message = reader.message(id);
        if (!message) {
            continue;
        }
        if (!json) {
            context.out << id << "  " << locale.toString(message->date.toLocalTime().date(), QLocale::ShortFormat)
                        << "  " << sender(*message) << "  " << message->subject << '\n';
            continue;
        }
        QJsonArray locations;
        for (const MessageLocation& location : reader.locations(id)) {
            locations.append(QJsonObject {{QStringLiteral("source"), location.sourceName},
                                          {QStringLiteral("folder"), location.folderPath}});
        }
        array.append(QJsonObject {
            {QStringLiteral("id"), id},
            {QStringLiteral("sha256"), QString::fromLatin1(reader.sha256Of(id).toHex())},
            {QStringLiteral("message_id"), message->messageIdHeader},
            {QStringLiteral("date"), message->date.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("from"), sender(*message)},
            {QStringLiteral("subject"), message->subject},
            {QStringLiteral("snippet"), message->snippet},
            {QStringLiteral("locations"), locations},
        });
    }
    if (json) {
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        context.out << Tr::tr("%n message(s) found.", nullptr, static_cast<int>(ids.size()))
                    << (ids.size() == limit ? QLatin1Char(' ') + Tr::tr("There may be more: raise --limit.")
                                            : QString())
                    << '\n';
    }
    return CliExit::Ok;
}
