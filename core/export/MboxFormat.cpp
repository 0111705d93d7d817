#include "MboxFormat.h"

#include <array>

namespace MboxFormat {

namespace {

// A line of `data` starting at `begin` is ">*From ".
bool isFromLine(const QByteArray& data, qsizetype begin)
{
    qsizetype i = begin;
    while (i < data.size() && data.at(i) == '>') {
        ++i;
    }
    return data.size() - i >= 5 && data.at(i) == 'F' && data.at(i + 1) == 'r' && data.at(i + 2) == 'o'
        && data.at(i + 3) == 'm' && data.at(i + 4) == ' ';
}

bool fitsOnTheLine(const QString& address)
{
    if (address.isEmpty() || address.size() > 254) {
        return false;
    }
    for (const QChar c : address) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7F) {
            return false;
        }
    }
    return true;
}

} // namespace

QByteArray separatorLine(const QString& senderAddress, const QDateTime& received)
{
    static constexpr std::array<const char*, 7> Days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr std::array<const char*, 12> Months = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = (received.isValid() ? received : QDateTime::fromSecsSinceEpoch(0, Qt::UTC)).toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    QByteArray line = "From ";
    line += fitsOnTheLine(senderAddress) ? senderAddress.toLatin1() : QByteArray("MAILER-DAEMON");
    line += ' ';
    line += Days.at(static_cast<size_t>(date.dayOfWeek() - 1));
    line += ' ';
    line += Months.at(static_cast<size_t>(date.month() - 1));
    line += ' ';
    line += QByteArray::number(date.day()).rightJustified(2, ' ');
    line += ' ';
    line += QByteArray::number(time.hour()).rightJustified(2, '0') + ':'
        + QByteArray::number(time.minute()).rightJustified(2, '0') + ':'
        + QByteArray::number(time.second()).rightJustified(2, '0');
    line += ' ';
    line += QByteArray::number(date.year());
    line += '\n';
    return line;
}

void appendMessage(const QByteArray& message, QByteArray* out)
{
    out->reserve(out->size() + message.size() + 64);
    qsizetype begin = 0;
    while (begin < message.size()) {
        qsizetype end = message.indexOf('\n', begin);
        end = end < 0 ? message.size() : end + 1;
        if (isFromLine(message, begin)) {
            out->append('>');
        }
        out->append(message.constData() + begin, end - begin);
        begin = end;
    }
    if (!message.endsWith('\n')) {
        out->append('\n');
    }
    out->append('\n');
}

QByteArray unescape(const QByteArray& escaped)
{
    QByteArray out;
    out.reserve(escaped.size());
    qsizetype begin = 0;
    while (begin < escaped.size()) {
        qsizetype end = escaped.indexOf('\n', begin);
        end = end < 0 ? escaped.size() : end + 1;
        const bool quoted = escaped.at(begin) == '>' && isFromLine(escaped, begin);
        out.append(escaped.constData() + begin + (quoted ? 1 : 0), end - begin - (quoted ? 1 : 0));
        begin = end;
    }
    return out;
}

} // namespace MboxFormat
