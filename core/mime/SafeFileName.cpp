#include "SafeFileName.h"

#include <QDir>
#include <QFileInfo>
#include <QMimeDatabase>

#include <algorithm>
#include <array>

namespace SafeFileName {

namespace {

// Characters that hide or reorder what the user reads ("invoice\u202Efdp.exe"
// shows as "invoiceexe.pdf") or that no file system should store.
bool isUnwanted(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || (c >= 0xD800 && c <= 0xDFFF);
}

bool isInvalidOnWindows(char32_t c)
{
    return c == '<' || c == '>' || c == ':' || c == '"' || c == '/' || c == '\\' || c == '|' || c == '?' || c == '*';
}

QString lastPathComponent(const QString& name)
{
    const qsizetype slash = std::max(name.lastIndexOf(QLatin1Char('/')), name.lastIndexOf(QLatin1Char('\\')));
    return name.mid(slash + 1);
}

QString cleanCharacters(const QString& name)
{
    QString clean;
    clean.reserve(name.size());
    // Code points, so a lone surrogate from broken input is seen and dropped.
    for (const char32_t c : name.toUcs4()) {
        if (isUnwanted(c)) {
            continue;
        }
        if (isInvalidOnWindows(c)) {
            clean.append(QLatin1Char('_'));
        } else {
            clean.append(QString::fromUcs4(&c, 1));
        }
    }
    return clean;
}

// Windows drops trailing dots and spaces, and a leading dot hides a file on
// Linux and macOS.
QString trimSpacesAndDots(const QString& name)
{
    qsizetype begin = 0;
    qsizetype end = name.size();
    const auto trimmable = [](QChar c) { return c == QLatin1Char(' ') || c == QLatin1Char('.'); };
    while (begin < end && trimmable(name.at(begin))) {
        ++begin;
    }
    while (end > begin && trimmable(name.at(end - 1))) {
        --end;
    }
    return name.mid(begin, end - begin);
}

// `text` cut to at most `maxBytes` of UTF-8, between code points.
QString truncateUtf8(const QString& text, qsizetype maxBytes)
{
    qsizetype bytes = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        const bool pair = text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        const char16_t unit = text.at(i).unicode();
        const qsizetype length = pair ? 4 : unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
        if (bytes + length > maxBytes) {
            break;
        }
        bytes += length;
        i += pair ? 2 : 1;
    }
    return text.left(i);
}

QString capLength(const QString& name)
{
    if (name.toUtf8().size() <= MaxBytes) {
        return name;
    }
    // An extension longer than this is not one worth keeping.
    constexpr qsizetype MaxExtensionBytes = 32;
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    QString extension = dot > 0 ? name.mid(dot) : QString();
    if (extension.toUtf8().size() > MaxExtensionBytes) {
        extension.clear();
    }
    const QString base = extension.isEmpty() ? name : name.left(dot);
    const qsizetype room = MaxBytes - extension.toUtf8().size();
    return trimSpacesAndDots(truncateUtf8(base, room)) + extension;
}

// CON, PRN, AUX, NUL, COM1-9 and LPT1-9 are devices on Windows whatever the
// extension ("con.txt" too); Windows also counts the superscript digits.
bool isReservedOnWindows(const QString& name)
{
    QString base = name.left(name.indexOf(QLatin1Char('.')) < 0 ? name.size() : name.indexOf(QLatin1Char('.')));
    while (base.endsWith(QLatin1Char(' '))) {
        base.chop(1);
    }
    base = base.toUpper();
    static const std::array<QLatin1StringView, 6> plain = {
        QLatin1StringView("CON"),
        QLatin1StringView("PRN"),
        QLatin1StringView("AUX"),
        QLatin1StringView("NUL"),
        QLatin1StringView("CONIN$"),
        QLatin1StringView("CONOUT$"),
    };
    if (std::find(plain.begin(), plain.end(), base) != plain.end()) {
        return true;
    }
    if (base.size() != 4 || !(base.startsWith(QLatin1StringView("COM")) || base.startsWith(QLatin1StringView("LPT")))) {
        return false;
    }
    const char16_t digit = base.at(3).unicode();
    return (digit >= u'1' && digit <= u'9') || digit == u'\u00B9' || digit == u'\u00B2' || digit == u'\u00B3';
}

} // namespace

QString fromAttachmentName(const QString& name, const QString& mimeType)
{
    QString safe = trimSpacesAndDots(cleanCharacters(lastPathComponent(name)));
    safe = capLength(safe);
    if (isReservedOnWindows(safe)) {
        const qsizetype dot = safe.indexOf(QLatin1Char('.'));
        safe.insert(dot < 0 ? safe.size() : dot, QLatin1Char('_'));
    }
    if (!safe.isEmpty()) {
        return safe;
    }
    const QString suffix = mimeType.isEmpty() ? QString() : QMimeDatabase().mimeTypeForName(mimeType).preferredSuffix();
    return suffix.isEmpty() ? QStringLiteral("attachment") : QStringLiteral("attachment.") + suffix;
}

QString uniqueIn(const QDir& dir, const QString& safeName)
{
    const auto taken = [&](const QString& candidate) {
        const QFileInfo info(dir.filePath(candidate));
        return info.exists() || info.isSymLink();
    };
    if (!taken(safeName)) {
        return safeName;
    }
    const qsizetype dot = safeName.lastIndexOf(QLatin1Char('.'));
    const QString base = dot > 0 ? safeName.left(dot) : safeName;
    const QString extension = dot > 0 ? safeName.mid(dot) : QString();
    for (int n = 2;; ++n) {
        QString candidate = QStringLiteral("%1 (%2)%3").arg(base, QString::number(n), extension);
        if (!taken(candidate)) {
            return candidate;
        }
    }
}

QString pathIn(const QString& folder, const QString& name, const QString& mimeType)
{
    const QString canonicalFolder = QFileInfo(folder).canonicalFilePath();
    if (canonicalFolder.isEmpty() || !QFileInfo(canonicalFolder).isDir()) {
        return {};
    }
    const QDir dir(canonicalFolder);
    QString path = dir.absoluteFilePath(uniqueIn(dir, fromAttachmentName(name, mimeType)));
    // fromAttachmentName leaves no separator and no "..", so this cannot
    // fail; it is checked anyway because a mistake here writes anywhere.
    const QFileInfo info(path);
    if (QFileInfo(info.absolutePath()).canonicalFilePath() != canonicalFolder || info.fileName().isEmpty()
        || info.fileName() == QLatin1StringView("..") || info.fileName() == QLatin1StringView(".")) {
        return {};
    }
    return path;
}

} // namespace SafeFileName
