#include "SourceCommand.h"

#include "CliContext.h"
#include "archive/Archive.h"
#include "archive/EventLog.h"
#include "archive/SourcePurge.h"
#include "credentials/KeychainCredentialStore.h"
#include "sources/CertificateExceptions.h"
#include "sources/SourceRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cstdio>
#include <functional>
#include <iostream>
#include <optional>
#include <string>

#include <unistd.h>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SourceCommand)
};

// The CLI's own main loop is the only loop here, so waiting in it for the
// keychain's answer is what the event loop is for.
CredentialResult runCredentialRequest(CredentialStore& store, const std::function<quint64(CredentialStore&)>& start)
{
    CredentialResult outcome;
    QEventLoop loop;
    quint64 expected = 0;
    QObject::connect(&store,
                     &CredentialStore::requestFinished,
                     &loop,
                     [&](quint64 id, qint64, CredentialStore::Operation, const CredentialResult& result) {
                         if (id == expected) {
                             outcome = result;
                             loop.quit();
                         }
                     });
    expected = start(store);
    loop.exec();
    return outcome;
}

QString readPasswordFromStdin()
{
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return QString::fromStdString(line);
}

// The fingerprint a connection to `source` accepts besides the system's
// authorities, as AB:CD:… (CertificateInfo::formattedFingerprint); empty when none.
QString trustedFingerprint(const CertificateExceptions& exceptions, const IngestionSource& source)
{
    CertificateInfo trusted;
    trusted.sha256 = exceptions.trustedSha256For(source);
    return trusted.formattedFingerprint();
}

QJsonObject toJson(const IngestionSource& source, const QString& fingerprint)
{
    return {{QStringLiteral("id"), source.id},
            {QStringLiteral("name"), source.name},
            {QStringLiteral("provider"), source.providerId},
            {QStringLiteral("host"), source.host},
            {QStringLiteral("port"), source.port},
            {QStringLiteral("security"), IngestionSource::securityKey(source.security)},
            {QStringLiteral("username"), source.username},
            {QStringLiteral("folders"), IngestionSource::scopeKey(source.folderScope)},
            {QStringLiteral("checkIntervalMinutes"), source.checkIntervalMinutes},
            {QStringLiteral("status"), IngestionSource::statusKey(source.status)},
            {QStringLiteral("lastError"), source.lastError},
            {QStringLiteral("pinnedFingerprint"), fingerprint}};
}

// The options of "source add" and "source edit": the same names and
// meanings, so a script can switch between them.
struct SourceOptions
{
    QCommandLineOption name {QStringLiteral("name"), Tr::tr("Name of the source."), QStringLiteral("name")};
    QCommandLineOption host {QStringLiteral("host"), Tr::tr("IMAP server."), QStringLiteral("host")};
    QCommandLineOption port {QStringLiteral("port"), Tr::tr("Port."), QStringLiteral("port")};
    QCommandLineOption security {
        QStringLiteral("security"), Tr::tr("tls, starttls or none."), QStringLiteral("mode"), QStringLiteral("tls")};
    QCommandLineOption user {QStringLiteral("user"), Tr::tr("User name."), QStringLiteral("user")};
    QCommandLineOption provider {
        QStringLiteral("provider"), Tr::tr("Provider preset."), QStringLiteral("id"), QStringLiteral("generic")};
    QCommandLineOption folders {
        QStringLiteral("folders"), Tr::tr("inbox or all."), QStringLiteral("scope"), QStringLiteral("inbox")};
    QCommandLineOption fingerprint {QStringLiteral("trust-fingerprint"),
                                    Tr::tr("SHA-256 of a server certificate to trust."),
                                    QStringLiteral("sha256")};
    QCommandLineOption passwordStdin {QStringLiteral("password-stdin"),
                                      Tr::tr("Read the password from the first line of standard input.")};
    QCommandLineOption interval {
        QStringLiteral("interval"), Tr::tr("Minutes between checks for new mail."), QStringLiteral("minutes")};
    QCommandLineOption freshImport {QStringLiteral("fresh-import"),
                                    Tr::tr("Import everything again from the start (after a change of account).")};

    QList<QCommandLineOption> common() const
    {
        return {name, host, port, security, user, provider, folders, fingerprint, passwordStdin, interval};
    }
};

// A SHA-256 fingerprint as people copy it: 64 hex digits, with or without
// colons, any case. Stored lowercase without colons.
std::optional<QString> parseFingerprint(QString text)
{
    text.remove(QLatin1Char(':'));
    static const QRegularExpression Hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
    if (!Hex.match(text).hasMatch()) {
        return std::nullopt;
    }
    return text.toLower();
}

QString badFingerprintText(const QString& given)
{
    return Tr::tr("--trust-fingerprint takes a SHA-256 fingerprint: 64 hexadecimal digits, with or without colons "
                  "(\"%1\" is not one).")
        .arg(given);
}

// The dialog shows the same warning next to the choice.
void warnIfUnencrypted(CliContext& context, const IngestionSource& source)
{
    if (source.security == ConnectionSecurity::None) {
        context.err << Tr::tr("Warning: without encryption the password and the mail travel in clear text: anyone "
                              "on the network can read them. Use this only for a server on your own computer or "
                              "network.")
                    << '\n';
    }
}

CredentialResult storePassword(CliContext& context, qint64 sourceId, const QString& password)
{
    KeychainCredentialStore keychain(context.archive.identity());
    return runCredentialRequest(keychain,
                                [&](CredentialStore& store) { return store.writePassword(sourceId, password); });
}

int add(CliContext& context, SourceRepository& repository)
{
    QCommandLineParser parser;
    const SourceOptions options;
    const auto& [name, host, port, security, user, provider, folders, fingerprint, passwordStdin, interval, fresh] =
        options;
    parser.addOptions(options.common());
    if (!parser.parse(QStringList {QStringLiteral("source add")} + context.arguments)) {
        context.err << "openarchiver-cli source add: " << parser.errorText() << '\n';
        return CliExit::BadUsage;
    }
    const auto preset = ProviderPreset::byId(parser.value(provider));
    if (!preset) {
        context.err << "openarchiver-cli source add: " << Tr::tr("unknown provider \"%1\".").arg(parser.value(provider))
                    << '\n';
        return CliExit::BadUsage;
    }
    IngestionSource source;
    source.name = parser.value(name);
    source.providerId = preset->id;
    source.host = parser.isSet(host) ? parser.value(host) : preset->host;
    source.security = IngestionSource::securityFromKey(parser.value(security));
    source.port = parser.isSet(port) ? static_cast<quint16>(parser.value(port).toUInt())
                                     : ProviderPreset::defaultPort(source.security);
    source.username = parser.value(user);
    source.folderScope = IngestionSource::scopeFromKey(parser.value(folders));
    if (parser.isSet(fingerprint)) {
        const std::optional<QString> pinned = parseFingerprint(parser.value(fingerprint));
        if (!pinned) {
            context.err << "openarchiver-cli source add: " << badFingerprintText(parser.value(fingerprint)) << '\n';
            return CliExit::BadUsage;
        }
        source.pinnedSha256 = *pinned;
    }
    if (parser.isSet(interval)) {
        source.checkIntervalMinutes = parser.value(interval).toInt();
    }
    if (!parser.isSet(passwordStdin)) {
        context.err << "openarchiver-cli source add: "
                    << Tr::tr("give the password on standard input with --password-stdin.") << '\n';
        return CliExit::BadUsage;
    }
    const QString password = readPasswordFromStdin();
    warnIfUnencrypted(context, source);

    QString error;
    const auto added = repository.add(source, &error);
    if (!added) {
        context.err << error << '\n';
        return CliExit::Failed;
    }
    const CredentialResult stored = storePassword(context, added->id, password);
    if (stored.status != CredentialResult::Status::Ok) {
        // No half-made source: without its password it could never sync.
        repository.removeKeepingMail(added->id, &error);
        context.err << stored.message << '\n';
        return CliExit::Failed;
    }
    context.archive.events().append(
        QStringLiteral("source.created"), Tr::tr("Source \"%1\" added.").arg(added->name), added->id);
    context.out << Tr::tr("Added source \"%1\" (%2).").arg(added->name, added->accountText()) << '\n';
    return CliExit::Ok;
}

int list(CliContext& context, const SourceRepository& repository)
{
    const QList<IngestionSource> sources = repository.list();
    const CertificateExceptions exceptions(context.archive.connection());
    if (context.arguments.contains(QStringLiteral("--json"))) {
        QJsonArray array;
        for (const IngestionSource& source : sources) {
            array.append(toJson(source, trustedFingerprint(exceptions, source)));
        }
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return CliExit::Ok;
    }
    if (sources.isEmpty()) {
        context.out << Tr::tr("No sources. Add one with: openarchiver-cli source add --name NAME --host HOST "
                              "--user USER --password-stdin")
                    << '\n';
    }
    for (const IngestionSource& source : sources) {
        const QString fingerprint = trustedFingerprint(exceptions, source);
        context.out << source.name << '\t' << source.accountText() << ':' << source.port << '\t'
                    << IngestionSource::statusKey(source.status) << '\t'
                    << (fingerprint.isEmpty() ? QStringLiteral("-") : QStringLiteral("SHA-256 ") + fingerprint) << '\n';
    }
    return CliExit::Ok;
}

int changeStatus(CliContext& context, SourceRepository& repository, IngestionSource::Status status)
{
    if (context.arguments.size() != 1) {
        context.err << "openarchiver-cli source: " << Tr::tr("name exactly one source.") << '\n';
        return CliExit::BadUsage;
    }
    const auto source = repository.findByName(context.arguments.first());
    if (!source) {
        context.err << Tr::tr("There is no source named \"%1\".").arg(context.arguments.first()) << '\n';
        return CliExit::Failed;
    }
    // Resuming goes back to Importing until a first full pass has finished.
    if (status == IngestionSource::Status::Importing && source->lastSyncAt.isValid()) {
        status = IngestionSource::Status::Active;
    }
    QString error;
    if (!repository.setStatus(source->id, status, QString(), &error)) {
        context.err << error << '\n';
        return CliExit::Failed;
    }
    context.out << Tr::tr("Source \"%1\" is now %2.").arg(source->name, IngestionSource::statusKey(status)) << '\n';
    return CliExit::Ok;
}

// Deletes the source's mail with it, except messages another source also
// holds. One transaction: Ctrl+C or a crash half way leaves everything as it
// was. Returns false with *error.
bool purgeSource(CliContext& context, const IngestionSource& source, QString* error)
{
    const bool terminal = ::isatty(STDERR_FILENO);
    QElapsedTimer sinceUpdate;
    sinceUpdate.start();
    const SourcePurge::Result purged =
        SourcePurge(context.archive).run(source.id, error, [&](qint64 done, qint64 total) {
            if (terminal && (sinceUpdate.elapsed() > 200 || done == total)) {
                context.err << '\r' << Tr::tr("Removing %1 of %2 messages…").arg(done).arg(total);
                context.err.flush();
                sinceUpdate.restart();
            }
            return true;
        });
    if (terminal && purged.messagesRemoved > 0) {
        context.err << '\n';
    }
    if (!error->isEmpty()) {
        return false;
    }
    context.out << Tr::tr("Removed source \"%1\" and the %n message(s) only it held (%2 freed in the archive).",
                          nullptr,
                          static_cast<int>(purged.messagesRemoved))
                       .arg(source.name, QLocale().formattedDataSize(purged.bytesFreed))
                << '\n';
    if (purged.messagesKept > 0) {
        context.out << Tr::tr("%n message(s) stay in the archive: another source also holds them.",
                              nullptr,
                              static_cast<int>(purged.messagesKept))
                    << '\n';
    }
    return true;
}

int remove(CliContext& context, SourceRepository& repository)
{
    const bool purge = context.arguments.removeAll(QStringLiteral("--purge")) > 0;
    if (context.arguments.size() != 1) {
        context.err << "openarchiver-cli source remove: " << Tr::tr("name exactly one source.") << '\n';
        return CliExit::BadUsage;
    }
    const auto source = repository.findByName(context.arguments.first());
    if (!source) {
        context.err << Tr::tr("There is no source named \"%1\".").arg(context.arguments.first()) << '\n';
        return CliExit::Failed;
    }
    QString error;
    if (purge ? !purgeSource(context, *source, &error) : !repository.removeKeepingMail(source->id, &error)) {
        context.err << error << '\n';
        return CliExit::Failed;
    }
    KeychainCredentialStore keychain(context.archive.identity());
    const CredentialResult removed =
        runCredentialRequest(keychain, [&](CredentialStore& store) { return store.removePassword(source->id); });
    if (removed.status != CredentialResult::Status::Ok) {
        // The source is gone either way; say that its password may linger.
        context.err << removed.message << '\n';
    }
    if (!purge) {
        context.out << Tr::tr("Removed source \"%1\"; its archived mail stays in the archive.").arg(source->name)
                    << '\n';
    }
    return CliExit::Ok;
}

} // namespace

// Changes what is given, leaves the rest. A blank line on standard input
// with --password-stdin is refused: to keep the password, leave the option out.
int edit(CliContext& context, SourceRepository& repository)
{
    QCommandLineParser parser;
    const SourceOptions options;
    const auto& [name, host, port, security, user, provider, folders, fingerprint, passwordStdin, interval, fresh] =
        options;
    parser.addOptions(options.common());
    parser.addOption(fresh);
    parser.addPositionalArgument(QStringLiteral("NAME"), Tr::tr("The source to change."));
    if (!parser.parse(QStringList {QStringLiteral("source edit")} + context.arguments)
        || parser.positionalArguments().size() != 1) {
        context.err << "openarchiver-cli source edit: "
                    << (parser.errorText().isEmpty() ? Tr::tr("name exactly one source.") : parser.errorText()) << '\n';
        return CliExit::BadUsage;
    }
    auto source = repository.findByName(parser.positionalArguments().first());
    if (!source) {
        context.err << Tr::tr("There is no source named \"%1\".").arg(parser.positionalArguments().first()) << '\n';
        return CliExit::Failed;
    }
    if (parser.isSet(provider)) {
        const auto preset = ProviderPreset::byId(parser.value(provider));
        if (!preset) {
            context.err << "openarchiver-cli source edit: "
                        << Tr::tr("unknown provider \"%1\".").arg(parser.value(provider)) << '\n';
            return CliExit::BadUsage;
        }
        source->providerId = preset->id;
    }
    if (parser.isSet(name)) {
        source->name = parser.value(name);
    }
    if (parser.isSet(host)) {
        source->host = parser.value(host);
    }
    if (parser.isSet(security)) {
        source->security = IngestionSource::securityFromKey(parser.value(security));
        warnIfUnencrypted(context, *source);
    }
    if (parser.isSet(port)) {
        source->port = static_cast<quint16>(parser.value(port).toUInt());
    }
    if (parser.isSet(user)) {
        source->username = parser.value(user);
    }
    if (parser.isSet(folders)) {
        source->folderScope = IngestionSource::scopeFromKey(parser.value(folders));
    }
    if (parser.isSet(fingerprint)) {
        const std::optional<QString> pinned = parseFingerprint(parser.value(fingerprint));
        if (!pinned) {
            context.err << "openarchiver-cli source edit: " << badFingerprintText(parser.value(fingerprint)) << '\n';
            return CliExit::BadUsage;
        }
        source->pinnedSha256 = *pinned;
    }
    if (parser.isSet(interval)) {
        source->checkIntervalMinutes = parser.value(interval).toInt();
    }
    QString password;
    if (parser.isSet(passwordStdin)) {
        password = readPasswordFromStdin();
        if (password.isEmpty()) {
            context.err << "openarchiver-cli source edit: "
                        << Tr::tr("the password on standard input is empty; leave out --password-stdin to keep "
                                  "the stored one.")
                        << '\n';
            return CliExit::BadUsage;
        }
    }
    QString error;
    if (!repository.update(*source, &error)) {
        context.err << error << '\n';
        return CliExit::Failed;
    }
    if (!password.isEmpty()) {
        const CredentialResult stored = storePassword(context, source->id, password);
        if (stored.status != CredentialResult::Status::Ok) {
            context.err << Tr::tr("The other changes were saved, but not the password: %1").arg(stored.message) << '\n';
            return CliExit::Failed;
        }
    }
    if (parser.isSet(fresh) && !repository.restartImport(source->id, &error)) {
        context.err << error << '\n';
        return CliExit::Failed;
    }
    context.archive.events().append(
        QStringLiteral("source.edited"), Tr::tr("Source \"%1\" changed.").arg(source->name), source->id);
    context.out << Tr::tr("Updated source \"%1\" (%2).").arg(source->name, source->accountText()) << '\n';
    return CliExit::Ok;
}

int runSourceCommand(CliContext& context)
{
    if (context.arguments.isEmpty()) {
        context.err << "openarchiver-cli source: " << Tr::tr("add, list, edit, pause, resume or remove?") << '\n';
        return CliExit::BadUsage;
    }
    const QString action = context.arguments.takeFirst();
    SourceRepository repository(context.archive.connection());
    if (action == QLatin1String("add")) {
        return add(context, repository);
    }
    if (action == QLatin1String("list")) {
        return list(context, repository);
    }
    if (action == QLatin1String("edit")) {
        return edit(context, repository);
    }
    if (action == QLatin1String("pause")) {
        return changeStatus(context, repository, IngestionSource::Status::Paused);
    }
    if (action == QLatin1String("resume")) {
        return changeStatus(context, repository, IngestionSource::Status::Importing);
    }
    if (action == QLatin1String("remove")) {
        return remove(context, repository);
    }
    context.err << "openarchiver-cli source: " << Tr::tr("unknown action \"%1\".").arg(action) << '\n';
    return CliExit::BadUsage;
}
