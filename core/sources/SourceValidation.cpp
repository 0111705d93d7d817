#include "SourceValidation.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <algorithm>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SourceValidation)
};

bool isHostLabel(const QString& label)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    return pattern.match(label).hasMatch();
}

} // namespace

namespace SourceValidation {

QString nameError(const QString& name)
{
    if (name.trimmed().isEmpty()) {
        return Tr::tr("Give the source a name, for example \"Work mail\".");
    }
    if (name.trimmed().size() > 100) {
        return Tr::tr("Keep the name under 100 characters.");
    }
    return {};
}

QString hostError(const QString& host)
{
    const QString trimmed = host.trimmed();
    if (trimmed.isEmpty()) {
        return Tr::tr("Enter the IMAP server's name, for example imap.example.com.");
    }
    if (trimmed.contains(QLatin1String("://")) || trimmed.contains(QLatin1Char('/'))) {
        return Tr::tr("Enter only the server's name, without \"imaps://\" or a path.");
    }
    if (trimmed.contains(QLatin1Char('@'))) {
        return Tr::tr("This looks like an email address; enter the server's name, for example imap.example.com.");
    }
    if (!QHostAddress(trimmed).isNull()) {
        return {}; // an IPv4 or IPv6 address
    }
    // Internationalised names become their ASCII form before the check.
    const QString ascii = QString::fromLatin1(QUrl::toAce(trimmed));
    QString name = ascii.isEmpty() ? trimmed : ascii;
    if (name.endsWith(QLatin1Char('.'))) {
        name.chop(1);
    }
    const QStringList labels = name.split(QLatin1Char('.'));
    const bool allLabelsValid = std::all_of(labels.cbegin(), labels.cend(), isHostLabel);
    if (name.size() > 253 || !allLabelsValid) {
        return Tr::tr("\"%1\" is not a valid server name: use letters, digits, hyphens and dots.").arg(trimmed);
    }
    return {};
}

QString portError(const QString& text)
{
    bool ok = false;
    const int port = text.trimmed().toInt(&ok);
    if (!ok || port < 1 || port > 65535) {
        return Tr::tr("The port must be a number from 1 to 65535 (usually 993 for SSL/TLS, 143 for STARTTLS).");
    }
    return {};
}

QString usernameError(const QString& username)
{
    if (username.trimmed().isEmpty()) {
        return Tr::tr("Enter the user name of the mail account, usually the full email address.");
    }
    return {};
}

} // namespace SourceValidation
