#include "MimeStructure.h"

#include <algorithm>
#include <cstring>
#include <functional>

namespace MimeDetail {

namespace {

QString childPath(const QString& base, int index)
{
    return base.isEmpty() ? QString::number(index) : base + u'.' + QString::number(index);
}

bool isIdentityEncoding(QByteArrayView encoding)
{
    return encoding.isEmpty() || encoding == "7bit" || encoding == "8bit" || encoding == "binary";
}

} // namespace

MimeStructure::MimeStructure(QByteArrayView raw, bool descendIntoMessages, Problems* problems)
    : m_raw(raw)
    , m_descend(descendIntoMessages)
    , m_problems(problems)
{
    m_parts.reserve(8);
    addEntity(0, raw.size(), QString(), 0, -1, true, false);
}

int MimeStructure::find(const QString& path) const
{
    if (path.isEmpty()) {
        return -1;
    }
    for (qsizetype i = 0; i < m_parts.size(); ++i) {
        if (m_parts[i].path == path) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QByteArrayView MimeStructure::body(const MimePart& part) const
{
    return m_raw.sliced(part.bodyBegin, part.bodyEnd - part.bodyBegin);
}

QByteArray MimeStructure::transferEncoding(const MimePart& part) const
{
    QByteArray encoding = part.header.value("Content-Transfer-Encoding").toLower();
    // "base64 " or "quoted-printable; foo" from careless senders.
    if (const qsizetype stop = encoding.indexOf(';'); stop >= 0) {
        encoding.truncate(stop);
    }
    return encoding.trimmed();
}

void MimeStructure::addEntity(
    qsizetype begin, qsizetype end, const QString& path, int depth, int parent, bool asMessage, bool defaultIsMessage)
{
    if (m_parts.size() >= MaxParts) {
        if (!m_tooManyParts) {
            m_problems->add(Tr::tr("The message has too many parts; only the first %1 were read.").arg(MaxParts));
            m_tooManyParts = true;
        }
        return;
    }
    MimePart part;
    part.depth = depth;
    part.parent = parent;
    part.isEncapsulated = asMessage && parent >= 0;
    part.header = parseHeaderBlock(m_raw.data(), begin, end, m_problems);
    part.bodyBegin = part.header.bodyBegin;
    part.bodyEnd = end;
    if (part.header.missing && parent >= 0 && begin < end) {
        m_problems->add(Tr::tr("A part has no header; it was read as plain text."));
    }

    const QByteArray contentType = part.header.value("Content-Type");
    if (!contentType.isEmpty()) {
        part.contentType = parseParameterized(contentType);
    }
    const QByteArray& type = part.contentType.value;
    const qsizetype slash = type.indexOf('/');
    if (slash > 0 && slash + 1 < type.size() && !type.contains(' ')) {
        part.mimeType = type;
    } else {
        if (!contentType.isEmpty()) {
            m_problems->add(Tr::tr("A part has an unreadable Content-Type; it was read as plain text."));
        }
        part.mimeType = defaultIsMessage ? QByteArrayLiteral("message/rfc822") : QByteArrayLiteral("text/plain");
    }
    part.isMultipart = part.mimeType.startsWith("multipart/");
    part.isMessage = part.mimeType == "message/rfc822" || part.mimeType == "message/global";

    QList<std::pair<qsizetype, qsizetype>> ranges;
    if (part.isMultipart) {
        QByteArray boundary = part.contentType.rawParam("boundary");
        bool closed = false;
        bool found = false;
        if (depth >= MaxDepth) {
            m_problems->add(Tr::tr("The parts are nested too deeply; the innermost ones were not read."));
            found = true; // keep it a multipart without children
            closed = true;
        } else {
            if (!boundary.isEmpty()) {
                found = splitMultipart(part.bodyBegin, end, boundary, &ranges, &closed);
            }
            if (!found) {
                const QByteArray guessed = guessBoundary(part.bodyBegin, end);
                if (!guessed.isEmpty() && guessed != boundary) {
                    found = splitMultipart(part.bodyBegin, end, guessed, &ranges, &closed);
                }
                if (found) {
                    m_problems->add(boundary.isEmpty()
                                        ? Tr::tr("A multipart has no boundary parameter; the boundary was guessed.")
                                        : Tr::tr("A multipart boundary was not found; another one was guessed."));
                }
            }
        }
        if (!found) {
            m_problems->add(Tr::tr("A multipart has no parts; it was read as plain text."));
            part.isMultipart = false;
            part.mimeType = QByteArrayLiteral("text/plain");
        } else if (!closed) {
            m_problems->add(Tr::tr("A multipart is not terminated; the message may be truncated."));
        }
    }

    if (asMessage) {
        // A message's own body: a multipart is not addressable, its children
        // are numbered from the message's number; a single body is "n.1".
        part.path = part.isMultipart ? QString() : (path.isEmpty() ? QStringLiteral("1") : path + QStringLiteral(".1"));
    } else {
        part.path = path;
    }
    const bool descend = part.isMessage && m_descend && depth < MaxDepth && isIdentityEncoding(transferEncoding(part));
    const bool isDigest = part.mimeType == "multipart/digest";
    const int index = static_cast<int>(m_parts.size());
    const qsizetype bodyBegin = part.bodyBegin;
    m_parts.append(std::move(part));

    for (qsizetype i = 0; i < ranges.size(); ++i) {
        addEntity(ranges[i].first,
                  ranges[i].second,
                  childPath(path, static_cast<int>(i) + 1),
                  depth + 1,
                  index,
                  false,
                  isDigest);
    }
    if (descend) {
        addEntity(bodyBegin, end, path, depth + 1, index, true, false);
    }
}

bool MimeStructure::splitMultipart(qsizetype begin,
                                   qsizetype end,
                                   QByteArrayView boundary,
                                   QList<std::pair<qsizetype, qsizetype>>* ranges,
                                   bool* closed) const
{
    ranges->clear();
    *closed = false;
    const char* const data = m_raw.data();
    const QByteArray needle = "\n--" + boundary.toByteArray();
    // Horspool skips ahead by the boundary length: over base64 it reads only
    // a fraction of the bytes.
    const std::boyer_moore_horspool_searcher searcher(needle.constBegin(), needle.constEnd());
    bool found = false;
    qsizetype partStart = -1;
    qsizetype pos = begin;
    bool atStart = end - begin >= needle.size() - 1
        && std::memcmp(data + begin, needle.constData() + 1, static_cast<size_t>(needle.size() - 1)) == 0;
    while (pos < end) {
        qsizetype dash = 0;
        if (atStart) {
            dash = begin;
            atStart = false;
        } else {
            const char* hit = std::search(data + pos, data + end, searcher);
            if (hit == data + end) {
                break;
            }
            dash = hit - data + 1;
        }
        const qsizetype after = dash + needle.size() - 1;
        const bool isClose = after + 2 <= end && data[after] == '-' && data[after + 1] == '-';
        if (!isClose && after < end && data[after] != '\r' && data[after] != '\n' && data[after] != ' '
            && data[after] != '\t') {
            pos = dash; // the boundary is a prefix of a longer line
            continue;
        }
        qsizetype contentEnd = dash == begin ? begin : dash - 1;
        if (contentEnd > begin && data[contentEnd - 1] == '\r') {
            --contentEnd;
        }
        if (partStart >= 0) {
            ranges->append({partStart, std::max(contentEnd, partStart)});
        }
        found = true;
        if (isClose) {
            *closed = true;
            return true;
        }
        const void* nl = std::memchr(data + after, '\n', static_cast<size_t>(end - after));
        partStart = nl ? static_cast<const char*>(nl) - data + 1 : end;
        // The next search starts at this line break, so that a delimiter
        // right after it (an empty part) is found.
        pos = nl ? partStart - 1 : end;
    }
    if (partStart >= 0) {
        ranges->append({partStart, end});
    }
    return found;
}

QByteArray MimeStructure::guessBoundary(qsizetype begin, qsizetype end) const
{
    // The first line starting with "--" within the first 64 KB.
    const qsizetype limit = std::min(end, begin + 65536);
    const QByteArrayView region = m_raw.sliced(begin, limit - begin);
    qsizetype line = region.startsWith("--") ? 0 : region.indexOf("\n--");
    if (line < 0) {
        return {};
    }
    if (region[line] == '\n') {
        ++line;
    }
    qsizetype lineEnd = region.indexOf('\n', line);
    if (lineEnd < 0) {
        lineEnd = region.size();
    }
    const QByteArray boundary = region.sliced(line + 2, lineEnd - line - 2).trimmed().toByteArray();
    if (boundary.isEmpty() || boundary.size() > 200) {
        return {};
    }
    return boundary;
}

} // namespace MimeDetail
