#include "ImapResponseReader.h"

#include <vmime/exception.hpp>

#include <cstring>
#include <string>

namespace {

// The announced size when `line` ends with a literal's "{n}", "{n+}"
// (LITERAL+) or "~{n}" (literal8), with the marker cut off `line`; -1
// otherwise.
qsizetype takeLiteralSize(QByteArray& line)
{
    if (!line.endsWith('}')) {
        return -1;
    }
    const qsizetype open = line.lastIndexOf('{');
    if (open < 0) {
        return -1;
    }
    QByteArray digits = line.mid(open + 1, line.size() - open - 2);
    if (digits.endsWith('+')) {
        digits.chop(1);
    }
    bool ok = false;
    const qlonglong size = digits.toLongLong(&ok);
    if (!ok || size < 0 || digits.isEmpty() || digits.startsWith('+') || digits.startsWith('-')) {
        return -1;
    }
    line.truncate(open > 0 && line[open - 1] == '~' ? open - 1 : open);
    return static_cast<qsizetype>(size);
}

} // namespace

QByteArray ImapResponse::firstLine() const
{
    return lines.value(0);
}

ImapResponseReader::ImapResponseReader(Receive receive)
    : m_receive(std::move(receive))
{
}

qsizetype ImapResponseReader::buffered() const
{
    return static_cast<qsizetype>(m_buffer.size()) - m_offset;
}

ImapResponse ImapResponseReader::next()
{
    ImapResponse response;
    for (;;) {
        QByteArray line = readLine();
        const qsizetype literal = takeLiteralSize(line);
        if (literal > MaxLiteralBytes) {
            throw vmime::exceptions::invalid_response("",
                                                      "the server announced " + std::to_string(literal)
                                                          + " bytes, more than the " + std::to_string(MaxLiteralBytes)
                                                          + " a message may have");
        }
        response.lines << line;
        if (literal < 0) {
            return response;
        }
        response.literals << readBytes(literal);
    }
}

void ImapResponseReader::fill()
{
    if (buffered() == 0) {
        m_buffer = m_receive(); // taken over, not copied
        m_offset = 0;
        return;
    }
    // Drop what was consumed before the buffer grows, so a long import does
    // not keep moving or keeping old bytes.
    if (m_offset > 0 && m_offset >= buffered()) {
        m_buffer.erase(0, static_cast<size_t>(m_offset));
        m_offset = 0;
    }
    m_buffer += m_receive();
}

QByteArray ImapResponseReader::readLine()
{
    qsizetype searchFrom = m_offset;
    for (;;) {
        const size_t end = m_buffer.find("\r\n", static_cast<size_t>(searchFrom));
        if (end != std::string::npos) {
            QByteArray line(m_buffer.data() + m_offset, static_cast<qsizetype>(end) - m_offset);
            m_offset = static_cast<qsizetype>(end) + 2;
            return line;
        }
        // Search the new bytes only (and the last byte, which may be the CR).
        const qsizetype seen = buffered();
        if (seen > MaxLineBytes) {
            throw vmime::exceptions::invalid_response(
                "", "the server sent a line longer than " + std::to_string(MaxLineBytes) + " bytes");
        }
        fill();
        searchFrom = m_offset + qMax<qsizetype>(0, seen - 1);
    }
}

QByteArray ImapResponseReader::readBytes(qsizetype count)
{
    // Grown as the bytes arrive, not as announced: a server that claims a
    // huge literal and sends little costs what it sent.
    QByteArray bytes;
    bytes.reserve(qMin<qsizetype>(count, InitialLiteralReserve));
    qsizetype filled = 0;
    while (filled < count) {
        if (buffered() == 0) {
            fill();
        }
        const qsizetype take = qMin(count - filled, buffered());
        if (filled + take > bytes.capacity()) {
            // Doubling while little has come; once InitialLiteralReserve
            // bytes have really arrived the announcement is believed, so a
            // big message is copied once more at most, not at every doubling.
            const qsizetype wanted = filled >= InitialLiteralReserve ? count : bytes.capacity() * 2;
            bytes.reserve(qMin<qsizetype>(count, qMax(filled + take, wanted)));
        }
        bytes.resize(filled + take);
        std::memcpy(bytes.data() + filled, m_buffer.data() + m_offset, static_cast<size_t>(take));
        filled += take;
        m_offset += take;
    }
    return bytes;
}
