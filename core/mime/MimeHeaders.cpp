#include "MimeHeaders.h"

#include "MimeText.h"

#include <cstring>
#include <map>

namespace MimeDetail {

namespace {

bool isWhiteSpace(char c)
{
    return c == ' ' || c == '\t';
}

// End of the line content starting at `pos` (before "\r\n" or "\n"), and the
// start of the next line.
void findLine(const char* data, qsizetype pos, qsizetype end, qsizetype* contentEnd, qsizetype* next)
{
    const void* nl = std::memchr(data + pos, '\n', static_cast<size_t>(end - pos));
    qsizetype lineEnd = nl ? static_cast<const char*>(nl) - data : end;
    *next = nl ? lineEnd + 1 : end;
    if (lineEnd > pos && data[lineEnd - 1] == '\r') {
        --lineEnd;
    }
    *contentEnd = lineEnd;
}

// The length of a valid field name at `pos` ("Name:" or obsolete "Name :"),
// or -1; `colon` gets the position of the colon.
qsizetype fieldNameLength(const char* data, qsizetype pos, qsizetype contentEnd, qsizetype* colon)
{
    qsizetype i = pos;
    while (i < contentEnd) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c == ':' || c <= 32 || c >= 127) {
            break;
        }
        ++i;
    }
    const qsizetype nameLength = i - pos;
    while (i < contentEnd && isWhiteSpace(data[i])) {
        ++i;
    }
    if (nameLength == 0 || i >= contentEnd || data[i] != ':') {
        return -1;
    }
    *colon = i;
    return nameLength;
}

bool isBlankLine(const char* data, qsizetype pos, qsizetype contentEnd)
{
    for (qsizetype i = pos; i < contentEnd; ++i) {
        if (!isWhiteSpace(data[i])) {
            return false;
        }
    }
    return true;
}

QByteArray percentDecode(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hexDigitValue(text[i + 1]) >= 0
            && hexDigitValue(text[i + 2]) >= 0) {
            out.append(static_cast<char>(hexDigitValue(text[i + 1]) * 16 + hexDigitValue(text[i + 2])));
            i += 2;
        } else {
            out.append(text[i]);
        }
    }
    return out;
}

// RFC 2231 "charset'language'percent-encoded": splits off the charset.
QByteArray splitExtendedValue(QByteArrayView value, QByteArray* charset)
{
    const qsizetype first = value.indexOf('\'');
    const qsizetype second = first >= 0 ? value.indexOf('\'', first + 1) : -1;
    if (second < 0) {
        return percentDecode(value);
    }
    *charset = value.first(first).toByteArray();
    return percentDecode(value.sliced(second + 1));
}

} // namespace

const HeaderField* HeaderBlock::find(QByteArrayView name) const
{
    for (const HeaderField& field : fields) {
        if (field.name.size() == name.size() && field.name.compare(name, Qt::CaseInsensitive) == 0) {
            return &field;
        }
    }
    return nullptr;
}

QByteArray HeaderBlock::value(QByteArrayView name) const
{
    const HeaderField* field = find(name);
    return field ? unfold(field->rawValue).trimmed() : QByteArray();
}

HeaderBlock parseHeaderBlock(const char* data, qsizetype begin, qsizetype end, Problems* problems)
{
    HeaderBlock block;
    block.bodyBegin = end;
    qsizetype pos = begin;
    bool firstLine = true;
    while (pos < end) {
        qsizetype contentEnd = 0;
        qsizetype next = 0;
        findLine(data, pos, end, &contentEnd, &next);
        if (isBlankLine(data, pos, contentEnd)) {
            // A line of only white space ends the header too: senders that
            // pad the separator line are more common than folded empty lines.
            block.bodyBegin = next;
            return block;
        }
        if (isWhiteSpace(data[pos]) && !block.fields.isEmpty()) {
            HeaderField& last = block.fields.last();
            last.rawValue = QByteArrayView(last.rawValue.data(), data + contentEnd);
            pos = next;
            firstLine = false;
            continue;
        }
        qsizetype colon = 0;
        const qsizetype nameLength = fieldNameLength(data, pos, contentEnd, &colon);
        if (nameLength > 0) {
            block.fields.append(HeaderField {QByteArrayView(data + pos, nameLength),
                                             QByteArrayView(data + colon + 1, data + contentEnd)});
        } else if (firstLine && contentEnd - pos >= 5 && std::memcmp(data + pos, "From ", 5) == 0) {
            // An mbox separator line left in front of the message.
        } else if (block.fields.isEmpty()) {
            // All content, including a first line that looked like an mbox
            // separator ("From the desk of ...").
            block.missing = true;
            block.bodyBegin = begin;
            return block;
        } else {
            // A line that is no header: skip it if the header goes on after
            // it, else the sender forgot the blank line before the body.
            qsizetype nextContentEnd = 0;
            qsizetype afterNext = 0;
            qsizetype nextColon = 0;
            if (next < end) {
                findLine(data, next, end, &nextContentEnd, &afterNext);
            }
            if (next < end && fieldNameLength(data, next, nextContentEnd, &nextColon) > 0) {
                problems->add(Tr::tr("A header line without a colon was skipped."));
            } else {
                problems->add(Tr::tr("The header does not end with an empty line."));
                block.bodyBegin = pos;
                return block;
            }
        }
        firstLine = false;
        pos = next;
    }
    return block;
}

QByteArray ParameterizedValue::rawParam(QByteArrayView name) const
{
    for (const auto& [paramName, paramValue] : params) {
        if (paramName == name) {
            return paramValue;
        }
    }
    return {};
}

QString ParameterizedValue::param(QByteArrayView name, Problems* problems) const
{
    QByteArray plain;
    bool hasPlain = false;
    QByteArray extended;
    bool hasExtended = false;
    std::map<int, std::pair<bool, QByteArray>> sections; // number -> (encoded, value)
    for (const auto& [paramName, paramValue] : params) {
        if (paramName == name) {
            if (!hasPlain) {
                plain = paramValue;
                hasPlain = true;
            }
            continue;
        }
        if (paramName.size() <= name.size() || !paramName.startsWith(name) || paramName[name.size()] != '*') {
            continue;
        }
        QByteArrayView rest = QByteArrayView(paramName).sliced(name.size() + 1);
        if (rest.isEmpty()) {
            extended = paramValue;
            hasExtended = true;
            continue;
        }
        const bool encoded = rest.endsWith('*');
        if (encoded) {
            rest.chop(1);
        }
        bool ok = false;
        const int number = rest.toInt(&ok);
        if (ok && number >= 0 && number < 10000) {
            sections.emplace(number, std::make_pair(encoded, paramValue));
        }
    }

    QByteArray charset;
    if (!sections.empty()) {
        QByteArray bytes;
        bool first = true;
        for (const auto& [number, section] : sections) {
            if (section.first) {
                bytes += first ? splitExtendedValue(section.second, &charset) : percentDecode(section.second);
            } else {
                bytes += section.second;
            }
            first = false;
        }
        if (charset.isEmpty() && bytes.contains("=?")) {
            return decodeHeaderText(bytes, problems).trimmed();
        }
        return decodeCharset(bytes, charset, problems).trimmed();
    }
    if (hasExtended) {
        const QByteArray bytes = splitExtendedValue(extended, &charset);
        return decodeCharset(bytes, charset, problems).trimmed();
    }
    if (hasPlain) {
        return decodeHeaderText(plain, problems).trimmed();
    }
    return {};
}

ParameterizedValue parseParameterized(QByteArrayView v)
{
    ParameterizedValue result;
    const qsizetype n = v.size();
    qsizetype i = v.indexOf(';');
    QByteArray main = v.first(i < 0 ? n : i).trimmed().toByteArray().toLower();
    if (const qsizetype comment = main.indexOf('('); comment >= 0) {
        main = main.left(comment).trimmed();
    }
    if (main.size() >= 2 && main.startsWith('"') && main.endsWith('"')) {
        main = main.mid(1, main.size() - 2).trimmed();
    }
    result.value = main;
    if (i < 0) {
        return result;
    }
    ++i;
    while (i < n) {
        while (i < n && (isWhiteSpace(v[i]) || v[i] == ';')) {
            ++i;
        }
        const qsizetype nameStart = i;
        while (i < n && v[i] != '=' && v[i] != ';') {
            ++i;
        }
        if (i >= n || v[i] == ';') {
            continue; // junk without '=': ignore it
        }
        const QByteArray name = v.sliced(nameStart, i - nameStart).trimmed().toByteArray().toLower();
        ++i; // '='
        while (i < n && isWhiteSpace(v[i])) {
            ++i;
        }
        QByteArray value;
        if (i < n && v[i] == '"') {
            ++i;
            while (i < n && v[i] != '"') {
                if (v[i] == '\\' && i + 1 < n) {
                    ++i;
                }
                value.append(v[i]);
                ++i;
            }
            ++i; // closing quote
            while (i < n && v[i] != ';') {
                ++i; // anything after the quoted string
            }
        } else {
            const qsizetype valueStart = i;
            while (i < n && v[i] != ';') {
                ++i;
            }
            value = v.sliced(valueStart, i - valueStart).trimmed().toByteArray();
        }
        if (!name.isEmpty()) {
            result.params.append({name, value});
        }
    }
    return result;
}

} // namespace MimeDetail
