#include "MaildirReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

bool MaildirReader::isMaildir(const QString& directory)
{
    const QDir dir(directory);
    return dir.exists(QStringLiteral("cur")) && dir.exists(QStringLiteral("new"))
        && QFileInfo(dir.filePath(QStringLiteral("cur"))).isDir()
        && QFileInfo(dir.filePath(QStringLiteral("new"))).isDir();
}

QStringList MaildirReader::flagsOf(const QString& fileName, const QStringList& keywords)
{
    qsizetype info = -1;
    for (const QChar separator : {QLatin1Char(':'), QLatin1Char(';'), QLatin1Char('!')}) {
        const qsizetype at = fileName.lastIndexOf(QString(separator) + QStringLiteral("2,"));
        info = std::max(info, at);
    }
    if (info < 0) {
        return {};
    }
    QStringList flags;
    const auto add = [&flags](const QString& flag) {
        if (!flags.contains(flag)) {
            flags << flag;
        }
    };
    for (const QChar letter : fileName.mid(info + 3)) {
        switch (letter.unicode()) {
        case 'D':
            add(QStringLiteral("\\Draft"));
            break;
        case 'F':
            add(QStringLiteral("\\Flagged"));
            break;
        case 'P': // passed on: forwarded, as mail clients call it
            add(QStringLiteral("$Forwarded"));
            break;
        case 'R':
            add(QStringLiteral("\\Answered"));
            break;
        case 'S':
            add(QStringLiteral("\\Seen"));
            break;
        case 'T':
            add(QStringLiteral("\\Deleted"));
            break;
        default:
            if (letter >= QLatin1Char('a') && letter <= QLatin1Char('z')) {
                const int index = letter.unicode() - 'a';
                if (index < keywords.size() && !keywords.at(index).isEmpty()) {
                    add(keywords.at(index));
                }
            }
            break;
        }
    }
    return flags;
}

QStringList MaildirReader::readKeywords(const QString& directory)
{
    QFile file(QDir(directory).filePath(QStringLiteral("dovecot-keywords")));
    QStringList keywords;
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024) {
        return keywords;
    }
    for (const QByteArray& line : file.readAll().split('\n')) {
        const qsizetype space = line.indexOf(' ');
        bool ok = false;
        const int index = line.left(space).toInt(&ok);
        if (space <= 0 || !ok || index < 0 || index >= 26) {
            continue;
        }
        // An IMAP keyword is an atom: no spaces, no brackets, no wildcards.
        const QString name = QString::fromUtf8(line.mid(space + 1)).trimmed();
        if (name.isEmpty() || name.contains(QRegularExpression(QStringLiteral("[\\s(){%*\"\\\\\\]]")))) {
            continue;
        }
        while (keywords.size() <= index) {
            keywords << QString();
        }
        keywords[index] = name;
    }
    return keywords;
}

bool MaildirReader::list(const QString& directory, QList<Entry>* entries, QString* error)
{
    entries->clear();
    if (!isMaildir(directory)) {
        *error =
            tr("%1 is not a Maildir folder: it has no cur and new folders.").arg(QDir::toNativeSeparators(directory));
        return false;
    }
    const QStringList keywords = readKeywords(directory);
    for (const QString& sub : {QStringLiteral("cur"), QStringLiteral("new")}) {
        const QDir dir(QDir(directory).filePath(sub));
        if (!dir.isReadable()) {
            *error = tr("The folder %1 cannot be read.").arg(QDir::toNativeSeparators(dir.path()));
            return false;
        }
        // Hidden files are the writers' own (".dovecot.lock"), not mail.
        for (const QFileInfo& info : dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name)) {
            entries->append({info.filePath(),
                             info.fileName(),
                             flagsOf(info.fileName(), keywords),
                             info.size(),
                             info.lastModified().toUTC()});
        }
    }
    std::sort(entries->begin(), entries->end(), [](const Entry& a, const Entry& b) { return a.fileName < b.fileName; });
    return true;
}
