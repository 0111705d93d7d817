#include "RestoreCommand.h"

#include "CliContext.h"
#include "CliCredentials.h"
#include "CliListScope.h"
#include "CliProgressLine.h"
#include "archive/Archive.h"
#include "restore/MessageRestore.h"
#include "sources/ProviderPreset.h"
#include "sources/SourceRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RestoreCommand)
};

} // namespace

int runRestoreCommand(CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption to(QStringLiteral("to"),
                                Tr::tr("The account of this source (its password from the keychain)."),
                                QStringLiteral("name"));
    const QCommandLineOption host(QStringLiteral("host"), Tr::tr("Another IMAP server."), QStringLiteral("host"));
    const QCommandLineOption port(QStringLiteral("port"), Tr::tr("Its port."), QStringLiteral("port"));
    const QCommandLineOption security(
        QStringLiteral("security"), Tr::tr("tls, starttls or none."), QStringLiteral("mode"), QStringLiteral("tls"));
    const QCommandLineOption user(QStringLiteral("user"), Tr::tr("The user name there."), QStringLiteral("user"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           Tr::tr("Read the password from standard input."));
    const QCommandLineOption fingerprint(QStringLiteral("trust-fingerprint"),
                                         Tr::tr("Trust the server's certificate with this SHA-256 fingerprint."),
                                         QStringLiteral("sha256"));
    const QCommandLineOption toFolder(QStringLiteral("to-folder"),
                                      Tr::tr("Put every message in this folder (default \"Restored\")."),
                                      QStringLiteral("dest"));
    const QCommandLineOption keepFolders(QStringLiteral("keep-folders"),
                                         Tr::tr("Put each message in the folder it was archived from."));
    const CliListScope scope;
    parser.addOptions({to, host, port, security, user, passwordStdin, fingerprint, toFolder, keepFolders});
    scope.addTo(parser);
    const auto refuse = [&context](const QString& why) {
        context.err << "openarchiver-cli restore: " << why << '\n';
        return CliExit::BadUsage;
    };
    if (!parser.parse(QStringList {QStringLiteral("restore")} + context.arguments)) {
        return refuse(parser.errorText());
    }
    if (!parser.positionalArguments().isEmpty()) {
        return refuse(Tr::tr("unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst()));
    }
    if (parser.isSet(to) == parser.isSet(host)) {
        return refuse(Tr::tr("say where to restore to: --to NAME (a source's account) or --host HOST --user USER "
                             "--password-stdin."));
    }
    if (parser.isSet(toFolder) && parser.isSet(keepFolders)) {
        return refuse(Tr::tr("--to-folder and --keep-folders exclude each other."));
    }

    RestoreRequest request;
    if (parser.isSet(to)) {
        const auto named = SourceRepository(context.archive.connection()).findByName(parser.value(to));
        if (!named) {
            return refuse(Tr::tr("there is no source named \"%1\".").arg(parser.value(to)));
        }
        if (named->isLocal()) {
            return refuse(
                Tr::tr("\"%1\" holds mail imported from files: it has no server to restore to.").arg(named->name));
        }
        request.target = *named; // MessageRestore trusts what the user trusted for it
        const CredentialResult password = CliCredentials::readStoredPassword(context.archive, named->id);
        if (password.status != CredentialResult::Status::Ok) {
            context.err << named->name << ": " << password.message << '\n';
            return CliExit::Failed;
        }
        request.password = password.password;
    } else {
        if (!parser.isSet(user) || !parser.isSet(passwordStdin)) {
            return refuse(Tr::tr("--host needs --user USER and --password-stdin."));
        }
        request.target.host = parser.value(host);
        request.target.security = IngestionSource::securityFromKey(parser.value(security));
        request.target.port = parser.isSet(port) ? static_cast<quint16>(parser.value(port).toUInt())
                                                 : ProviderPreset::defaultPort(request.target.security);
        request.target.username = parser.value(user);
        if (parser.isSet(fingerprint)) {
            const std::optional<QString> pinned = CliCredentials::parseFingerprint(parser.value(fingerprint));
            if (!pinned) {
                return refuse(CliCredentials::badFingerprintText(parser.value(fingerprint)));
            }
            request.target.pinnedSha256 = *pinned;
        }
        request.password = CliCredentials::readPasswordFromStdin();
    }
    request.keepFolders = parser.isSet(keepFolders);
    if (parser.isSet(toFolder)) {
        request.folder = parser.value(toFolder).trimmed();
        if (request.folder.isEmpty()) {
            return refuse(Tr::tr("--to-folder needs a folder name."));
        }
    }
    if (QString refused; !scope.apply(parser, &request.list, &refused)) {
        return refuse(refused);
    }

    CliProgressLine line(context.err);
    const IngestionSource target = request.target;
    const RestoreResult result =
        MessageRestore(context.archive.path(), std::move(request)).run([&](qint64 done, qint64 total, qint64) {
            return line.show(
                [&] {
                    return Tr::tr("Restoring: %1 of %2 messages…")
                        .arg(QLocale().toString(done), QLocale().toString(total));
                },
                done == total);
        });
    line.finish();
    if (result.total == 0 && result.succeeded()) {
        context.out << Tr::tr("No message matches: nothing to restore.") << '\n';
        return CliExit::Ok;
    }
    const bool clean = result.succeeded() && result.refused == 0 && result.unreadable == 0;
    (clean ? context.out : context.err) << result.summary(target) << '\n';
    for (const QString& created : result.foldersCreated) {
        context.out << Tr::tr("Created the folder \"%1\".").arg(created) << '\n';
    }
    for (const QString& problem : result.problems) {
        context.err << problem << '\n';
    }
    return clean ? CliExit::Ok : CliExit::Failed;
}
