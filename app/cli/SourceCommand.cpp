#include "SourceCommand.h"

#include "CliContext.h"
#include "CliCredentials.h"
#include "archive/Archive.h"
#include "credentials/KeychainCredentialStore.h"
#include "sources/CertificateExceptions.h"
#include "sources/SourceRepository.h"
#include "sync/SourceService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <optional>
#include <string>

#include <unistd.h>

using CliCredentials::badFingerprintText;
using CliCredentials::parseFingerprint;
using CliCredentials::readPasswordFromStdin;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SourceCommand)
};

// The CLI's own main loop is the only loop here, so waiting in it for the
// service's answer (the keychain, a purge's thread) is what the loop is for.
SourceOutcome waitFor(SourceService& service, const std::function<quint64(SourceService&)>& start)
{
    SourceOutcome outcome;
    QEventLoop loop;
    quint64 expected = 0;
    bool done = false;
    QObject::connect(&service, &SourceService::finished, &loop, [&](quint64 requestId, const SourceOutcome& result) {
        if (requestId == expected) {
            outcome = result;
            done = true;
            loop.quit();
        }
    });
    expected = start(service);
    if (!done) {
        loop.exec();
    }
    return outcome;
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
            // "authentication", "disk-full", …; empty when lastError only
            // says what a pass that got through left out.
            {QStringLiteral("lastErrorKind"), SyncFailure::key(source.lastErrorKind)},
            // Passes have been failing since then; empty while they work.
            {QStringLiteral("failingSince"), source.failingSince.toString(Qt::ISODate)},
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

int add(CliContext& context, SourceService& service)
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
    CertificateInfo trusted; // --trust-fingerprint: trusted for the server, as the dialog does
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
        trusted.sha256 = pinned->toLatin1();
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

    const SourceOutcome added = waitFor(service, [&](SourceService& s) { return s.addSource(source, password); });
    if (!added.ok()) {
        context.err << added.message << '\n';
        return CliExit::Failed;
    }
    if (!trusted.isNull()) {
        const SourceOutcome trust = service.trustCertificate(source.host, source.port, trusted, added.sourceId);
        if (!trust.ok()) {
            context.err << trust.message << '\n';
            return CliExit::Failed;
        }
    }
    const auto stored = service.find(added.sourceId);
    context.out << Tr::tr("Added source \"%1\" (%2).").arg(stored->name, stored->accountText()) << '\n';
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
        const QString account = source.isLocal()
            ? Tr::tr("imported from files")
            : source.accountText() + QLatin1Char(':') + QString::number(source.port);
        context.out << source.name << '\t' << account << '\t' << IngestionSource::statusKey(source.status) << '\t'
                    << (fingerprint.isEmpty() ? QStringLiteral("-") : QStringLiteral("SHA-256 ") + fingerprint) << '\n';
    }
    return CliExit::Ok;
}

int changeStatus(CliContext& context, SourceService& service, bool pause)
{
    if (context.arguments.size() != 1) {
        context.err << "openarchiver-cli source: " << Tr::tr("name exactly one source.") << '\n';
        return CliExit::BadUsage;
    }
    const auto source = SourceRepository(context.archive.connection()).findByName(context.arguments.first());
    if (!source) {
        context.err << Tr::tr("There is no source named \"%1\".").arg(context.arguments.first()) << '\n';
        return CliExit::Failed;
    }
    const SourceOutcome outcome = pause ? service.pause(source->id) : service.resume(source->id);
    if (!outcome.ok()) {
        context.err << outcome.message << '\n';
        return CliExit::Failed;
    }
    const IngestionSource::Status status = service.find(source->id)->status;
    context.out << Tr::tr("Source \"%1\" is now %2.").arg(source->name, IngestionSource::statusKey(status)) << '\n';
    return CliExit::Ok;
}

// Deletes the source's mail with it, except messages another source also
// holds. One transaction: Ctrl+C or a crash half way leaves everything as it
// was.
int remove(CliContext& context, SourceService& service)
{
    const bool purge = context.arguments.removeAll(QStringLiteral("--purge")) > 0;
    if (context.arguments.size() != 1) {
        context.err << "openarchiver-cli source remove: " << Tr::tr("name exactly one source.") << '\n';
        return CliExit::BadUsage;
    }
    const auto source = SourceRepository(context.archive.connection()).findByName(context.arguments.first());
    if (!source) {
        context.err << Tr::tr("There is no source named \"%1\".").arg(context.arguments.first()) << '\n';
        return CliExit::Failed;
    }
    const bool terminal = ::isatty(STDERR_FILENO);
    QElapsedTimer sinceUpdate;
    sinceUpdate.start();
    bool progressShown = false;
    QObject::connect(&service, &SourceService::removalProgress, &service, [&](qint64, qint64 done, qint64 total) {
        if (terminal && (sinceUpdate.elapsed() > 200 || done == total)) {
            context.err << '\r' << Tr::tr("Removing %1 of %2 messages…").arg(done).arg(total);
            context.err.flush();
            sinceUpdate.restart();
            progressShown = true;
        }
    });
    const SourceOutcome outcome = waitFor(service, [&](SourceService& s) { return s.removeSource(source->id, purge); });
    if (progressShown) {
        context.err << '\n';
    }
    if (!outcome.ok()) {
        context.err << outcome.message << '\n';
        return CliExit::Failed;
    }
    context.out << outcome.message << '\n';
    return CliExit::Ok;
}

// Removed sources whose mail was kept, with what purging each would delete.
int listRemoved(CliContext& context, const SourceService& service)
{
    const bool json = context.arguments.contains(QStringLiteral("--json"));
    QJsonArray array;
    for (const IngestionSource& source : service.removedSourcesWithMail()) {
        QString error;
        const SourcePurge::Preview preview = service.previewRemoval(source.id, &error);
        if (json) {
            array.append(QJsonObject {{QStringLiteral("id"), source.id},
                                      {QStringLiteral("name"), source.name},
                                      {QStringLiteral("messagesOnlyHere"), preview.messagesOnlyHere},
                                      {QStringLiteral("messagesShared"), preview.messagesShared}});
            continue;
        }
        context.out << source.name << '\t'
                    << Tr::tr("%1 messages only it holds, %2 shared with other sources")
                           .arg(preview.messagesOnlyHere)
                           .arg(preview.messagesShared)
                    << '\n';
    }
    if (json) {
        context.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    }
    return CliExit::Ok;
}

// Deletes the mail a removed source left (by its name as `source removed`
// lists it), except what another source holds.
int purgeRemoved(CliContext& context, SourceService& service)
{
    if (context.arguments.size() != 1) {
        context.err << "openarchiver-cli source purge: " << Tr::tr("name exactly one removed source.") << '\n';
        return CliExit::BadUsage;
    }
    const QList<IngestionSource> removed = service.removedSourcesWithMail();
    const auto found = std::find_if(removed.cbegin(), removed.cend(), [&](const IngestionSource& source) {
        return source.name == context.arguments.first();
    });
    if (found == removed.cend()) {
        context.err << Tr::tr("There is no removed source named \"%1\" with mail left; see: openarchiver-cli "
                              "source removed")
                           .arg(context.arguments.first())
                    << '\n';
        return CliExit::Failed;
    }
    const SourceOutcome outcome = waitFor(service, [&](SourceService& s) { return s.purgeRemovedSource(found->id); });
    if (!outcome.ok()) {
        context.err << outcome.message << '\n';
        return CliExit::Failed;
    }
    context.out << outcome.message << '\n';
    return CliExit::Ok;
}

} // namespace

// Changes what is given, leaves the rest. A blank line on standard input
// with --password-stdin is refused: to keep the password, leave the option out.
int edit(CliContext& context, SourceService& service)
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
    auto source = SourceRepository(context.archive.connection()).findByName(parser.positionalArguments().first());
    CertificateInfo trusted; // --trust-fingerprint: trusted for the server, as the dialog does
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
        trusted.sha256 = pinned->toLatin1();
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
    // Trusted before the edit is saved: the pass it starts must accept it.
    if (!trusted.isNull()) {
        const SourceOutcome trust = service.trustCertificate(source->host, source->port, trusted, source->id);
        if (!trust.ok()) {
            context.err << trust.message << '\n';
            return CliExit::Failed;
        }
    }
    const SourceOutcome edited =
        waitFor(service, [&](SourceService& s) { return s.editSource(*source, password, parser.isSet(fresh)); });
    if (!edited.ok()) {
        context.err << edited.message << '\n';
        return CliExit::Failed;
    }
    context.out << Tr::tr("Updated source \"%1\" (%2).").arg(source->name, source->accountText()) << '\n';
    return CliExit::Ok;
}

int runSourceCommand(CliContext& context)
{
    if (context.arguments.isEmpty()) {
        context.err << "openarchiver-cli source: "
                    << Tr::tr("add, list, edit, pause, resume, remove, removed or purge?") << '\n';
        return CliExit::BadUsage;
    }
    const QString action = context.arguments.takeFirst();
    if (action == QLatin1String("list")) {
        return list(context, SourceRepository(context.archive.connection()));
    }
    KeychainCredentialStore keychain(context.archive.identity());
    SourceService service(context.archive, &keychain);
    if (action == QLatin1String("add")) {
        return add(context, service);
    }
    if (action == QLatin1String("edit")) {
        return edit(context, service);
    }
    if (action == QLatin1String("pause") || action == QLatin1String("resume")) {
        return changeStatus(context, service, action == QLatin1String("pause"));
    }
    if (action == QLatin1String("remove")) {
        return remove(context, service);
    }
    if (action == QLatin1String("removed")) {
        return listRemoved(context, service);
    }
    if (action == QLatin1String("purge")) {
        return purgeRemoved(context, service);
    }
    context.err << "openarchiver-cli source: " << Tr::tr("unknown action \"%1\".").arg(action) << '\n';
    return CliExit::BadUsage;
}
