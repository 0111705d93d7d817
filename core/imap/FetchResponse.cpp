#include "FetchResponse.h"

#include <vmime/exception.hpp>

#include <algorithm>

namespace {

// A FETCH response's tokens: atoms (numbers, NIL, flags, item names such as
// "BODY[]"), strings (quoted or literal) and parentheses.
struct Token
{
    enum Kind {
        Atom,
        String,
        Open,
        Close,
    };
    Kind kind;
    QByteArray text;
};

[[noreturn]] void malformed(const ImapResponse& response)
{
    throw vmime::exceptions::invalid_response("UID FETCH", response.firstLine().toStdString());
}

void tokenize(const QByteArray& line, QList<Token>& tokens, const ImapResponse& response)
{
    qsizetype i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (c == ' ') {
            ++i;
        } else if (c == '(' || c == ')') {
            tokens.append(Token {c == '(' ? Token::Open : Token::Close, {}});
            ++i;
        } else if (c == '"') {
            QByteArray text;
            ++i;
            for (;;) {
                if (i >= line.size()) {
                    malformed(response);
                }
                if (line[i] == '\\' && i + 1 < line.size()) {
                    text += line[i + 1];
                    i += 2;
                } else if (line[i] == '"') {
                    ++i;
                    break;
                } else {
                    text += line[i++];
                }
            }
            tokens.append(Token {Token::String, text});
        } else {
            // An atom; brackets may hold spaces and parentheses
            // ("BODY[HEADER.FIELDS (FROM)]").
            const qsizetype start = i;
            int depth = 0;
            while (i < line.size()) {
                const char d = line[i];
                if (d == '[') {
                    ++depth;
                } else if (d == ']') {
                    --depth;
                } else if (depth == 0 && (d == ' ' || d == '(' || d == ')')) {
                    break;
                }
                ++i;
            }
            tokens.append(Token {Token::Atom, line.mid(start, i - start)});
        }
    }
}

// Index just past the value starting at `i`: one token, or a whole
// parenthesised list.
qsizetype skipValue(const QList<Token>& tokens, qsizetype i, const ImapResponse& response)
{
    if (i >= tokens.size() || tokens[i].kind == Token::Close) {
        malformed(response);
    }
    if (tokens[i].kind != Token::Open) {
        return i + 1;
    }
    int depth = 0;
    for (; i < tokens.size(); ++i) {
        if (tokens[i].kind == Token::Open) {
            ++depth;
        } else if (tokens[i].kind == Token::Close && --depth == 0) {
            return i + 1;
        }
    }
    malformed(response);
}

} // namespace

std::optional<FetchResponse> FetchResponse::parse(ImapResponse response)
{
    // "* <n> FETCH (" is all in the first line.
    const QByteArray& first = response.firstLine();
    const qsizetype numberEnd = first.indexOf(' ', 2);
    if (!first.startsWith("* ") || numberEnd < 0 || first.mid(numberEnd + 1, 7).toUpper() != "FETCH (") {
        return std::nullopt;
    }
    bool isNumber = false;
    first.mid(2, numberEnd - 2).toUInt(&isNumber);
    if (!isNumber) {
        return std::nullopt;
    }

    QList<Token> tokens;
    for (qsizetype i = 0; i < response.lines.size(); ++i) {
        tokenize(i == 0 ? response.lines[i].mid(numberEnd + 8) : response.lines[i], tokens, response);
        if (i < response.literals.size()) {
            // Moved, not copied: a message body stays one buffer throughout.
            tokens.append(Token {Token::String, std::move(response.literals[i])});
        }
    }
    // The attributes, then the list's closing parenthesis.
    if (tokens.isEmpty() || tokens.constLast().kind != Token::Close) {
        malformed(response);
    }
    tokens.removeLast();

    FetchResponse fetch;
    qsizetype i = 0;
    while (i < tokens.size()) {
        if (tokens[i].kind != Token::Atom || i + 1 >= tokens.size()) {
            malformed(response);
        }
        const QByteArray name = tokens[i].text.toUpper();
        Token& value = tokens[i + 1];
        if (name == "UID" && value.kind == Token::Atom) {
            bool ok = false;
            fetch.uid = value.text.toUInt(&ok);
            if (!ok) {
                malformed(response);
            }
        } else if (name == "FLAGS" && value.kind == Token::Open) {
            fetch.hasFlags = true;
            const qsizetype end = skipValue(tokens, i + 1, response);
            for (qsizetype f = i + 2; f < end - 1; ++f) {
                fetch.flags << QString::fromUtf8(tokens[f].text);
            }
            i = end;
            continue;
        } else if (name == "INTERNALDATE" && value.kind == Token::String) {
            fetch.internalDate = parseInternalDate(value.text);
            if (!fetch.internalDate.isValid()) {
                malformed(response);
            }
        } else if (name == "BODY[]" || name == "BINARY[]" || name == "RFC822") {
            if (value.kind == Token::String) {
                fetch.hasBody = true;
                fetch.body = std::move(value.text);
            }
        }
        i = skipValue(tokens, i + 1, response);
    }
    return fetch;
}

QDateTime FetchResponse::parseInternalDate(const QByteArray& text)
{
    // dd-Mon-yyyy hh:mm:ss +zzzz (RFC 3501 "date-time"), parsed by hand:
    // month names are English whatever the locale.
    static const char* const Months[] = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    const QList<QByteArray> parts = text.trimmed().split(' ');
    if (parts.size() != 3) {
        return {};
    }
    const QList<QByteArray> day = parts[0].split('-');
    const QList<QByteArray> time = parts[1].split(':');
    const QByteArray& zone = parts[2];
    if (day.size() != 3 || time.size() != 3 || zone.size() != 5 || (zone[0] != '+' && zone[0] != '-')) {
        return {};
    }
    const QByteArray monthName = day[1].toLower();
    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (monthName == Months[i]) {
            month = i + 1;
        }
    }
    bool ok[8] = {};
    const QDate date(day[2].toInt(&ok[0]), month, day[0].toInt(&ok[1]));
    const QTime clock(time[0].toInt(&ok[2]), time[1].toInt(&ok[3]), time[2].toInt(&ok[4]));
    const int hours = zone.mid(1, 2).toInt(&ok[5]);
    const int minutes = zone.mid(3, 2).toInt(&ok[6]);
    ok[7] = month != 0 && date.isValid() && clock.isValid();
    if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; })) {
        return {};
    }
    const int offset = (zone[0] == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
    return QDateTime(date, clock, Qt::OffsetFromUTC, offset).toUTC();
}
