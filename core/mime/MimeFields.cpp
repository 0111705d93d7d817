#include "MimeFields.h"

#include <array>
#include <optional>

namespace MimeDetail {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Reads a quoted string starting after the opening quote; returns its
// content without escapes and leaves `i` after the closing quote.
QByteArray readQuoted(QByteArrayView v, qsizetype& i)
{
    QByteArray out;
    while (i < v.size() && v[i] != '"') {
        if (v[i] == '\\' && i + 1 < v.size()) {
            ++i;
        }
        out.append(v[i]);
        ++i;
    }
    ++i;
    return out;
}

// Reads a (possibly nested) comment starting after the opening parenthesis.
QByteArray readComment(QByteArrayView v, qsizetype& i)
{
    QByteArray out;
    int depth = 1;
    while (i < v.size()) {
        const char c = v[i];
        if (c == '\\' && i + 1 < v.size()) {
            out.append(v[i + 1]);
            i += 2;
            continue;
        }
        ++i;
        if (c == '(') {
            ++depth;
        } else if (c == ')' && --depth == 0) {
            break;
        }
        out.append(c);
    }
    return out.trimmed();
}

class AddressListParser
{
public:
    AddressListParser(QByteArrayView value, Problems* problems)
        : m_value(value)
        , m_problems(problems)
    {
    }

    QList<MailAddress> parse()
    {
        const QByteArrayView v = m_value;
        qsizetype i = 0;
        while (i < v.size()) {
            const char c = v[i];
            if (c == '"') {
                ++i;
                const QByteArray quoted = readQuoted(v, i);
                appendWord(quoted);
                m_plain += '"' + quoted + '"';
            } else if (c == '(') {
                ++i;
                const QByteArray comment = readComment(v, i);
                if (m_comment.isEmpty()) {
                    m_comment = comment;
                }
                m_pendingSpace = true;
            } else if (c == '<') {
                const qsizetype close = v.indexOf('>', i + 1);
                const qsizetype stop = close < 0 ? v.size() : close;
                for (qsizetype k = i + 1; k < stop; ++k) {
                    if (!isSpace(v[k])) {
                        m_angle.append(v[k]);
                    }
                }
                m_hasAngle = true;
                i = stop + 1;
            } else if (c == ',') {
                finishAddress();
                ++i;
            } else if (c == ';') {
                finishAddress();
                ++i;
            } else if (c == ':' && !m_hasAngle && !m_plain.contains('@')) {
                // "Group name: members;" - the name is dropped, members kept.
                resetCurrent();
                ++i;
            } else if (isSpace(c)) {
                m_pendingSpace = true;
                ++i;
            } else {
                const qsizetype start = i;
                if (c == '[') {
                    const qsizetype close = v.indexOf(']', i);
                    i = close < 0 ? v.size() : close + 1;
                } else {
                    while (i < v.size() && !isSpace(v[i]) && v[i] != '"' && v[i] != '(' && v[i] != '<' && v[i] != ','
                           && v[i] != ';' && v[i] != ':') {
                        ++i;
                    }
                    if (i == start) {
                        ++i; // a lone ':' inside an address
                    }
                }
                const QByteArrayView atom = v.sliced(start, i - start);
                appendWord(atom);
                m_plain += atom;
            }
        }
        finishAddress();
        return m_result;
    }

private:
    void appendWord(QByteArrayView word)
    {
        if (m_pendingSpace && !m_phrase.isEmpty()) {
            m_phrase += ' ';
        }
        m_phrase += word;
        m_pendingSpace = false;
    }

    void resetCurrent()
    {
        m_phrase.clear();
        m_plain.clear();
        m_comment.clear();
        m_angle.clear();
        m_hasAngle = false;
        m_pendingSpace = false;
    }

    void finishAddress()
    {
        QByteArray address;
        QByteArray name;
        if (m_hasAngle) {
            address = m_angle;
            // Obsolete source route "<@relay:user@host>".
            if (address.startsWith('@') && address.contains(':')) {
                address = address.mid(address.indexOf(':') + 1);
            }
            name = m_phrase.isEmpty() ? m_comment : m_phrase;
        } else if (!m_plain.contains('@') && m_phrase.contains(' ')) {
            name = m_phrase; // a display name alone
        } else {
            address = m_plain;
            name = m_comment;
        }
        if (!address.isEmpty() || !name.isEmpty()) {
            MailAddress mail;
            mail.name = decodeHeaderText(name, m_problems).trimmed();
            mail.address = decodeUnlabelled(address).trimmed();
            if (mail.name.size() >= 2
                && ((mail.name.startsWith(u'\'') && mail.name.endsWith(u'\''))
                    || (mail.name.startsWith(u'"') && mail.name.endsWith(u'"')))) {
                mail.name = mail.name.mid(1, mail.name.size() - 2).trimmed();
            }
            m_result.append(mail);
        }
        resetCurrent();
    }

    QByteArrayView m_value;
    Problems* m_problems;
    QList<MailAddress> m_result;
    QByteArray m_phrase; // display name words, single spaces
    QByteArray m_plain; // the address as written, without white space and comments
    QByteArray m_comment; // the first comment: a name in "user@host (Name)"
    QByteArray m_angle;
    bool m_hasAngle = false;
    bool m_pendingSpace = false;
};

int monthFromName(QByteArrayView token)
{
    static constexpr std::array<const char*, 12> Months = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (token.size() < 3) {
        return 0;
    }
    for (size_t m = 0; m < Months.size(); ++m) {
        if (token.first(3).compare(QByteArrayView(Months[m], 3), Qt::CaseInsensitive) == 0) {
            return static_cast<int>(m) + 1;
        }
    }
    return 0;
}

// Offset in seconds for an obsolete zone name; nullopt when not a zone.
std::optional<int> zoneFromName(QByteArrayView token)
{
    struct Zone
    {
        const char* name;
        int hours;
    };
    static constexpr std::array<Zone, 12> Zones = {{{"UT", 0},
                                                    {"UTC", 0},
                                                    {"GMT", 0},
                                                    {"Z", 0},
                                                    {"EST", -5},
                                                    {"EDT", -4},
                                                    {"CST", -6},
                                                    {"CDT", -5},
                                                    {"MST", -7},
                                                    {"MDT", -6},
                                                    {"PST", -8},
                                                    {"PDT", -7}}};
    for (const Zone& zone : Zones) {
        if (token.compare(QByteArrayView(zone.name), Qt::CaseInsensitive) == 0) {
            return zone.hours * 3600;
        }
    }
    return std::nullopt;
}

int parseNumber(QByteArrayView digits)
{
    int value = 0;
    for (const char c : digits) {
        if (!isDigit(c) || value > 100000) {
            return -1;
        }
        value = value * 10 + (c - '0');
    }
    return digits.isEmpty() ? -1 : value;
}

struct DateParts
{
    int year = -1;
    int month = 0;
    int day = -1;
    int hour = -1;
    int minute = 0;
    int second = 0;
    bool pm = false;
    bool am = false;
    std::optional<int> offset;
};

// "08:00", "08:00:00", "08:00:00.123", optionally followed by a zone.
void parseTimeToken(QByteArrayView token, DateParts* parts)
{
    qsizetype zoneStart = token.size();
    for (qsizetype k = 1; k < token.size(); ++k) {
        if (token[k] == '+' || token[k] == '-' || isAlpha(token[k])) {
            zoneStart = k;
            break;
        }
    }
    const QByteArrayView zone = token.sliced(zoneStart);
    QByteArrayView time = token.first(zoneStart);
    if (const qsizetype dot = time.indexOf('.'); dot >= 0) {
        time = time.first(dot);
    }
    const QList<QByteArrayView> fields = [time] {
        QList<QByteArrayView> list;
        qsizetype start = 0;
        for (qsizetype k = 0; k <= time.size(); ++k) {
            if (k == time.size() || time[k] == ':') {
                list.append(time.sliced(start, k - start));
                start = k + 1;
            }
        }
        return list;
    }();
    if (fields.size() < 2 || fields.size() > 3) {
        return;
    }
    parts->hour = parseNumber(fields[0]);
    parts->minute = parseNumber(fields[1]);
    parts->second = fields.size() == 3 ? parseNumber(fields[2]) : 0;
    if (!zone.isEmpty()) {
        if ((zone[0] == '+' || zone[0] == '-') && zone.size() >= 5) {
            const int hhmm = parseNumber(zone.sliced(1, 4));
            if (hhmm >= 0) {
                parts->offset = (zone[0] == '-' ? -1 : 1) * ((hhmm / 100) * 3600 + (hhmm % 100) * 60);
            }
        } else if (const std::optional<int> named = zoneFromName(zone)) {
            parts->offset = named;
        }
    }
}

void parseDateToken(QByteArrayView token, DateParts* parts)
{
    if (token.isEmpty()) {
        return;
    }
    // ISO 8601 "2024-03-05" or "2024-03-05T10:00:00Z".
    if (token.size() >= 10 && isDigit(token[0]) && token[4] == '-' && token[7] == '-') {
        parts->year = parseNumber(token.first(4));
        parts->month = parseNumber(token.sliced(5, 2));
        parts->day = parseNumber(token.sliced(8, 2));
        if (token.size() > 11 && (token[10] == 'T' || token[10] == 't')) {
            parseTimeToken(token.sliced(11), parts);
        }
        return;
    }
    if (isDigit(token[0]) && token.contains(':')) {
        parseTimeToken(token, parts);
        return;
    }
    if ((token[0] == '+' || token[0] == '-') && token.size() == 5) {
        const int hhmm = parseNumber(token.sliced(1));
        if (hhmm >= 0 && !parts->offset) {
            parts->offset = (token[0] == '-' ? -1 : 1) * ((hhmm / 100) * 3600 + (hhmm % 100) * 60);
        }
        return;
    }
    if (isAlpha(token[0])) {
        if (token.compare("pm", Qt::CaseInsensitive) == 0) {
            parts->pm = true;
        } else if (token.compare("am", Qt::CaseInsensitive) == 0) {
            parts->am = true;
        } else if (const std::optional<int> zone = zoneFromName(token)) {
            if (!parts->offset) {
                parts->offset = zone;
            }
        } else if (parts->month == 0 && token.size() <= 9) {
            parts->month = monthFromName(token);
        }
        return;
    }
    const int number = parseNumber(token);
    if (number < 0) {
        return;
    }
    if (token.size() >= 3 || number > 31 || parts->day >= 0) {
        if (parts->year < 0) {
            // RFC 5322 obsolete years: two digits, 00-49 are 20xx; three digits add 1900.
            parts->year = token.size() == 2 ? (number < 50 ? 2000 + number : 1900 + number)
                : token.size() == 3         ? 1900 + number
                                            : number;
        }
    } else {
        parts->day = number;
    }
}

} // namespace

QList<MailAddress> parseAddressList(QByteArrayView value, Problems* problems)
{
    return AddressListParser(value, problems).parse();
}

QStringList parseMessageIds(QByteArrayView value)
{
    QStringList ids;
    qsizetype i = 0;
    while (i < value.size()) {
        const qsizetype open = value.indexOf('<', i);
        if (open < 0) {
            break;
        }
        const qsizetype close = value.indexOf('>', open + 1);
        const qsizetype stop = close < 0 ? value.size() : close;
        QByteArray id;
        for (qsizetype k = open + 1; k < stop; ++k) {
            if (!isSpace(value[k]) && value[k] != '<') {
                id.append(value[k]);
            }
        }
        if (!id.isEmpty()) {
            ids.append(decodeUnlabelled(id));
        }
        i = stop + 1;
    }
    if (ids.isEmpty()) {
        // Ids written without brackets: take the words that look like ids.
        const QList<QByteArray> words = value.toByteArray().simplified().split(' ');
        for (const QByteArray& word : words) {
            QByteArray id = word;
            while (id.endsWith(',')) {
                id.chop(1);
            }
            if (id.contains('@') && !id.startsWith('(')) {
                ids.append(decodeUnlabelled(id));
            }
        }
    }
    return ids;
}

QDateTime parseMailDate(QByteArrayView value)
{
    // Comments go first: "(CEST)" and "(Pacific Standard Time)" hold words
    // that would be read as month or zone names.
    QByteArray text;
    text.reserve(value.size());
    int depth = 0;
    for (const char c : value) {
        if (c == '(') {
            ++depth;
        } else if (c == ')' && depth > 0) {
            --depth;
        } else if (depth == 0) {
            text.append(c == ',' ? ' ' : c);
        }
    }
    DateParts parts;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i])) {
            ++i;
        }
        const qsizetype start = i;
        while (i < text.size() && !isSpace(text[i])) {
            ++i;
        }
        QByteArrayView token = QByteArrayView(text).sliced(start, i - start);
        // "5-Mar-2024" and "Mar-5-2024": the dashes separate tokens there.
        if (token.size() > 5 && token.count('-') == 2 && !(token.size() >= 10 && token[4] == '-')) {
            const QList<QByteArray> pieces = token.toByteArray().split('-');
            for (const QByteArray& piece : pieces) {
                parseDateToken(piece, &parts);
            }
            continue;
        }
        parseDateToken(token, &parts);
    }
    if (parts.year < 0 || parts.month < 1 || parts.month > 12 || parts.day < 1) {
        return {};
    }
    const QDate date(parts.year, parts.month, parts.day);
    int hour = parts.hour < 0 ? 0 : parts.hour;
    if (parts.pm && hour < 12) {
        hour += 12;
    } else if (parts.am && hour == 12) {
        hour = 0;
    }
    const int second = parts.second == 60 ? 59 : parts.second; // a leap second
    const QTime time(hour, parts.minute, second);
    if (!date.isValid() || !time.isValid()) {
        return {};
    }
    int offset = parts.offset.value_or(0);
    if (offset < -24 * 3600 || offset > 24 * 3600) {
        offset = 0;
    }
    return QDateTime(date, time, Qt::UTC).addSecs(-offset);
}

} // namespace MimeDetail
