#include "MboxReader.h"

#include <QIODevice>
#include <QRegularExpression>

#include <algorithm>
#include <cstring>

namespace {

// A line longer than this is read in pieces: a file without line breaks
// must not be read into memory whole.
constexpr qint64 PieceBytes = 1024 * 1024;

// Read in blocks of this size: a line at a time through QIODevice would
// allocate for every line (a gigabyte of base64 is ten million lines).
constexpr qsizetype BlockBytes = 4 * 1024 * 1024;

bool isEmptyLine(QByteArrayView line)
{
    return line == "\n" || line == "\r\n";
}

QByteArray withoutLineBreak(QByteArrayView view)
{
    QByteArray line = view.toByteArray();
    while (line.endsWith('\n') || line.endsWith('\r')) {
        line.chop(1);
    }
    return line;
}

// The value of the Content-Length header in `headers`, or -1.
qint64 contentLength(const QByteArray& headers)
{
    qsizetype begin = 0;
    while (begin < headers.size()) {
        qsizetype end = headers.indexOf('\n', begin);
        end = end < 0 ? headers.size() : end + 1;
        const QByteArray line = headers.mid(begin, end - begin);
        if (line.size() > 15 && line.left(15).compare("Content-Length:", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 value = withoutLineBreak(line.mid(15)).trimmed().toLongLong(&ok);
            return ok && value >= 0 ? value : -1;
        }
        begin = end;
    }
    return -1;
}

} // namespace

MboxReader::MboxReader(QIODevice* device, Quoting quoting, qint64 maxMessageBytes)
    : m_device(device)
    , m_quoting(quoting)
    , m_maxMessageBytes(maxMessageBytes)
    , m_bufferOffset(device->pos())
{
}

bool MboxReader::looksLikeSeparator(QByteArrayView line)
{
    if (!line.startsWith("From ")) {
        return false;
    }
    // A time of day and a year, where every writer puts them.
    static const QRegularExpression time(QStringLiteral("\\b\\d{1,2}:\\d{2}(:\\d{2})?\\b"));
    static const QRegularExpression year(QStringLiteral("\\b(19|20|21)\\d{2}\\b"));
    const QString text = QString::fromLatin1(line.first(std::min<qsizetype>(line.size(), 400)));
    return time.match(text).hasMatch() && year.match(text).hasMatch();
}

QStringList MboxReader::flagsOf(const QByteArray& message)
{
    QStringList flags;
    const auto add = [&flags](const char* flag) {
        const QString name = QString::fromLatin1(flag);
        if (!flags.contains(name)) {
            flags << name;
        }
    };
    qsizetype begin = 0;
    while (begin < message.size()) {
        qsizetype end = message.indexOf('\n', begin);
        end = end < 0 ? message.size() : end + 1;
        const QByteArray line = withoutLineBreak(message.mid(begin, std::min<qsizetype>(end - begin, 200)));
        if (line.isEmpty()) {
            break; // the end of the headers
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon > 0 ? line.left(colon).toLower() : QByteArray();
        const QByteArray value = colon > 0 ? line.mid(colon + 1).trimmed() : QByteArray();
        if (name == "status") {
            if (value.contains('R')) {
                add("\\Seen");
            }
        } else if (name == "x-status") {
            for (const char letter : value) {
                switch (letter) {
                case 'A':
                    add("\\Answered");
                    break;
                case 'F':
                    add("\\Flagged");
                    break;
                case 'T':
                    add("\\Draft");
                    break;
                case 'D':
                    add("\\Deleted");
                    break;
                default:
                    break;
                }
            }
        } else if (name == "x-mozilla-status") {
            bool ok = false;
            const uint bits = value.toUInt(&ok, 16);
            if (ok) {
                if (bits & 0x0001) {
                    add("\\Seen");
                }
                if (bits & 0x0002) {
                    add("\\Answered");
                }
                if (bits & 0x0004) {
                    add("\\Flagged");
                }
                if (bits & 0x0008) { // deleted, not yet compacted away
                    add("\\Deleted");
                }
                if (bits & 0x1000) {
                    add("$Forwarded");
                }
            }
        }
        begin = end;
    }
    return flags;
}

void MboxReader::ensure(qsizetype wanted)
{
    if (m_buffer.size() - m_pos >= wanted || m_deviceDone) {
        return;
    }
    // What was read goes; the rest moves to the front (less than a line).
    m_buffer.remove(0, m_pos);
    m_bufferOffset += m_pos;
    m_pos = 0;
    while (m_buffer.size() < wanted && !m_deviceDone) {
        const qsizetype before = m_buffer.size();
        const qsizetype block = std::max(BlockBytes, wanted - before);
        m_buffer.resize(before + block);
        const qint64 got = m_device->read(m_buffer.data() + before, block);
        m_buffer.resize(before + std::max<qint64>(got, 0));
        if (got <= 0) {
            m_deviceDone = true;
            if (got < 0) {
                m_error = tr("The file could not be read: %1").arg(m_device->errorString());
            }
        }
    }
}

void MboxReader::seekTo(qint64 offset)
{
    if (offset >= m_bufferOffset && offset <= m_bufferOffset + m_buffer.size()) {
        m_pos = offset - m_bufferOffset;
        return;
    }
    m_device->seek(offset);
    m_buffer.clear();
    m_pos = 0;
    m_bufferOffset = offset;
    m_deviceDone = false;
}

bool MboxReader::readLine(QByteArrayView* line)
{
    ensure(1);
    qsizetype available = m_buffer.size() - m_pos;
    if (available <= 0 || !m_error.isEmpty()) {
        return false;
    }
    const auto lineBreak = [&] {
        return static_cast<const char*>(std::memchr(
            m_buffer.constData() + m_pos, '\n', static_cast<size_t>(std::min<qsizetype>(available, PieceBytes))));
    };
    const char* end = lineBreak();
    if (!end && available < PieceBytes && !m_deviceDone) {
        ensure(PieceBytes); // moves the buffer
        available = m_buffer.size() - m_pos;
        end = lineBreak();
    }
    const char* start = m_buffer.constData() + m_pos;
    const qsizetype length = end ? end - start + 1 : std::min<qsizetype>(available, PieceBytes);
    *line = QByteArrayView(start, length);
    m_pos += length;
    return true;
}

QByteArrayView MboxReader::unquoted(QByteArrayView line) const
{
    if (!line.startsWith('>')) {
        return line;
    }
    qsizetype quotes = 0;
    while (quotes < line.size() && line.at(quotes) == '>') {
        ++quotes;
    }
    const bool from = line.sliced(quotes).startsWith("From ");
    if (from && (m_quoting == Quoting::Mboxrd || quotes == 1)) {
        return line.sliced(1);
    }
    return line;
}

void MboxReader::problem(qint64 offset, const QString& reason)
{
    m_problems.append({offset, reason});
}

QList<MboxReader::Problem> MboxReader::takeProblems()
{
    return std::exchange(m_problems, {});
}

QString MboxReader::error() const
{
    return m_error;
}

qint64 MboxReader::position() const
{
    return m_bufferOffset + m_pos;
}

bool MboxReader::takeByContentLength(const QByteArray& headers, Message* message)
{
    const qint64 length = contentLength(headers);
    if (length < 0 || m_device->isSequential()) {
        return false;
    }
    const qint64 bodyStart = position();
    if (bodyStart + length > m_device->size()) {
        problem(message->offset,
                tr("The message's Content-Length (%1 bytes) runs past the end of the file: the file may be cut "
                   "short. The message was taken as far as it goes.")
                    .arg(length));
        return false;
    }
    if (length > m_maxMessageBytes) {
        return false; // read line by line, it is found too big there
    }
    ensure(length);
    const QByteArray body(m_buffer.constData() + m_pos, std::min<qsizetype>(length, m_buffer.size() - m_pos));
    m_pos += body.size();
    // What follows must be the end of the file, or the next separator
    // after at most one empty line; anything else and the length is not
    // to be trusted (an mboxo file whose messages were edited).
    QByteArrayView line;
    qint64 lineOffset = position();
    bool atEnd = !readLine(&line);
    if (!atEnd && isEmptyLine(line)) {
        lineOffset = position();
        atEnd = !readLine(&line);
    }
    if (body.size() != length || !m_error.isEmpty() || (!atEnd && !looksLikeSeparator(line))) {
        seekTo(bodyStart);
        return false;
    }
    if (atEnd) {
        m_ended = true;
    } else {
        m_nextFrom = withoutLineBreak(line);
        m_nextOffset = lineOffset;
    }
    message->bytes = headers + body;
    return true;
}

bool MboxReader::next(Message* message)
{
    if (!m_error.isEmpty()) {
        return false;
    }
    if (!m_started) {
        m_started = true;
        QByteArrayView first;
        if (!readLine(&first)) {
            m_ended = true;
            return false; // an empty file: no messages, and nothing wrong
        }
        if (!first.startsWith("From ")) {
            m_error = tr("This is not an mbox file: it does not start with a \"From \" line.");
            return false;
        }
        m_nextFrom = withoutLineBreak(first);
        m_nextOffset = 0;
    }
    while (!m_ended && !m_nextFrom.isNull()) {
        Message current;
        current.offset = m_nextOffset;
        current.fromLine = std::exchange(m_nextFrom, QByteArray());
        QByteArray bytes;
        bool tooBig = false;
        bool inHeaders = true;
        bool lineStart = true; // the piece read next starts a line
        bool previousEmpty = false;
        bool lastEndedLine = true;
        bool byLength = false;
        QByteArrayView piece; // valid until the next readLine()
        while (true) {
            const qint64 pieceOffset = position();
            if (!readLine(&piece)) {
                m_ended = true;
                break;
            }
            const bool startsLine = lineStart;
            lineStart = piece.endsWith('\n');
            lastEndedLine = lineStart;
            if (startsLine && previousEmpty && looksLikeSeparator(piece)) {
                m_nextFrom = withoutLineBreak(piece);
                m_nextOffset = pieceOffset;
                break;
            }
            const bool empty = startsLine && isEmptyLine(piece);
            if (!tooBig) {
                bytes.append(startsLine ? unquoted(piece) : piece);
                if (bytes.size() > m_maxMessageBytes) {
                    tooBig = true;
                    bytes = QByteArray(); // the rest is only looked through
                }
            }
            if (inHeaders && empty) {
                inHeaders = false;
                if (!tooBig && takeByContentLength(bytes, &current)) {
                    byLength = true;
                    break;
                }
            }
            previousEmpty = empty;
        }
        if (!m_error.isEmpty()) {
            return false;
        }
        if (!byLength) {
            // The empty line before the next separator (or the end) belongs
            // to the mbox, not to the message.
            if (previousEmpty && !tooBig) {
                bytes.chop(bytes.endsWith("\r\n") ? 2 : 1);
            }
            // A message whose lines end in CRLF (as all mail on the wire
            // does) but whose last line ends in a bare LF had no line break
            // at its end: the mbox writer added that LF, so it goes again.
            const qsizetype firstBreak = bytes.indexOf('\n');
            if (!tooBig && firstBreak > 0 && bytes.at(firstBreak - 1) == '\r' && bytes.endsWith('\n')
                && !bytes.endsWith("\r\n")) {
                bytes.chop(1);
            }
            current.bytes = std::move(bytes);
            if (m_ended && !lastEndedLine) {
                problem(current.offset,
                        tr("The file ends in the middle of a line: it may be cut short. The last message was "
                           "taken as far as it goes."));
            }
        }
        if (tooBig) {
            problem(current.offset,
                    tr("The message is larger than %1 MB, more than the app takes in one message; it was skipped.")
                        .arg(m_maxMessageBytes / (1024 * 1024)));
            continue;
        }
        if (current.bytes.isEmpty()) {
            problem(current.offset, tr("An empty message (a \"From \" line and nothing else) was skipped."));
            continue;
        }
        *message = std::move(current);
        return true;
    }
    return false;
}
