#include "ShowCommand.h"

#include "CliContext.h"
#include "archive/Archive.h"
#include "archive/ArchiveReader.h"
#include "archive/MessageDocument.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>

#include <cstdio>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ShowCommand)
};

QString addresses(const QList<MailAddress>& list)
{
    QStringList parts;
    for (const MailAddress& address : list) {
        parts << address.toDisplayString();
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

int runShowCommand(CliContext& context)
{
    QStringList arguments = context.arguments;
    enum class Mode { Summary, Raw, Text, Html } mode = Mode::Summary;
    int modes = 0;
    for (const auto& [flag, value] : {std::pair {QStringLiteral("--raw"), Mode::Raw},
                                      std::pair {QStringLiteral("--text"), Mode::Text},
                                      std::pair {QStringLiteral("--html"), Mode::Html}}) {
        if (arguments.removeAll(flag) > 0) {
            mode = value;
            ++modes;
        }
    }
    if (modes > 1 || arguments.size() != 1 || arguments.first().startsWith(QLatin1String("--"))) {
        context.err << Tr::tr("Usage: openarchiver-cli show ID|SHA256 [--raw | --text | --html]") << '\n';
        return CliExit::BadUsage;
    }
    const ArchiveReader reader = context.archive.reader();
    const QString which = arguments.first().trimmed();
    qint64 messageId = 0;
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
    if (hex.match(which).hasMatch()) {
        messageId = reader.messageIdForSha256(QByteArray::fromHex(which.toLatin1()));
    } else {
        bool ok = false;
        messageId = which.toLongLong(&ok);
        if (!ok || messageId <= 0) {
            context.err << Tr::tr("\"%1\" is neither a message id (a number) nor a SHA-256 (64 hex digits).").arg(which)
                        << '\n';
            return CliExit::BadUsage;
        }
    }
    if (messageId == 0 || !reader.message(messageId)) {
        context.err << Tr::tr("There is no message %1 in the archive.").arg(which) << '\n';
        return CliExit::Failed;
    }

    if (mode == Mode::Raw) {
        QByteArray raw;
        QString error;
        if (!reader.rawMessage(messageId, &raw, &error)) {
            context.err << error << '\n';
            return CliExit::Failed;
        }
        context.out.flush();
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(raw) != raw.size() || !out.flush()) {
            context.err << Tr::tr("The message could not be written: %1").arg(out.errorString()) << '\n';
            return CliExit::Failed;
        }
        return CliExit::Ok;
    }

    const MessageDocument document = MessageDocument::load(reader, messageId);
    if (!document.error.isEmpty()) {
        context.err << document.error << '\n';
        return CliExit::Failed;
    }
    if (mode == Mode::Text) {
        context.out << document.parsed.bodyText;
        if (!document.parsed.bodyText.endsWith(QLatin1Char('\n'))) {
            context.out << '\n';
        }
        return CliExit::Ok;
    }
    if (mode == Mode::Html) {
        if (!document.hasHtml) {
            context.err << Tr::tr("Message %1 has no HTML body.").arg(messageId) << '\n';
            return CliExit::Failed;
        }
        context.out << document.html << '\n';
        return CliExit::Ok;
    }

    const ParsedMessage& parsed = document.parsed;
    const QLocale locale;
    context.out << Tr::tr("Message:  %1").arg(messageId) << '\n';
    context.out << Tr::tr("SHA-256:  %1").arg(QString::fromLatin1(reader.sha256Of(messageId).toHex())) << '\n';
    context.out << Tr::tr("From:     %1").arg(parsed.from.toDisplayString()) << '\n';
    if (!parsed.to.isEmpty()) {
        context.out << Tr::tr("To:       %1").arg(addresses(parsed.to)) << '\n';
    }
    if (!parsed.cc.isEmpty()) {
        context.out << Tr::tr("Cc:       %1").arg(addresses(parsed.cc)) << '\n';
    }
    context.out << Tr::tr("Date:     %1").arg(parsed.date.toString(Qt::ISODate)) << '\n';
    context.out << Tr::tr("Subject:  %1").arg(parsed.subject) << '\n';
    context.out
        << Tr::tr("Size:     %1").arg(locale.formattedDataSize(document.rawSize, 1, QLocale::DataSizeTraditionalFormat))
        << '\n';
    for (const MessageLocation& location : document.locations) {
        context.out
            << Tr::tr("Found in: %1 › %2 (UID %3)").arg(location.sourceName, location.folderPath).arg(location.uid)
            << (location.deletedOnServer ? Tr::tr(", deleted on the server") : QString()) << '\n';
    }
    for (const AttachmentInfo& attachment : parsed.attachments) {
        context.out << Tr::tr("Attached: %1 (%2, %3, part %4)")
                           .arg(attachment.fileName.isEmpty() ? Tr::tr("unnamed") : attachment.fileName,
                                attachment.mimeType,
                                locale.formattedDataSize(attachment.size, 1, QLocale::DataSizeTraditionalFormat),
                                attachment.partPath)
                    << '\n';
    }
    if (document.blockedRemoteImages > 0) {
        context.out << Tr::tr(
            "%n remote image(s) in its HTML are not loaded by the viewer.", nullptr, document.blockedRemoteImages)
                    << '\n';
    }
    context.out << '\n' << parsed.bodyText;
    if (!parsed.bodyText.endsWith(QLatin1Char('\n'))) {
        context.out << '\n';
    }
    return CliExit::Ok;
}
