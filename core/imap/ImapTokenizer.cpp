#include "ImapTokenizer.h"

namespace ImapTokenizer {

namespace {

bool tokenizeLine(const QByteArray& line, qsizetype i, QList<ImapToken>& tokens)
{
    while (i < line.size()) {
        const char c = line[i];
        if (c == ' ') {
            ++i;
        } else if (c == '(' || c == ')') {
            tokens.append(ImapToken {c == '(' ? ImapToken::Open : ImapToken::Close, {}});
            ++i;
        } else if (c == '"') {
            QByteArray text;
            ++i;
            for (;;) {
                if (i >= line.size()) {
                    return false;
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
            tokens.append(ImapToken {ImapToken::String, text});
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
                } else if (depth <= 0 && (d == ' ' || d == '(' || d == ')')) {
                    break;
                }
                ++i;
            }
            tokens.append(ImapToken {ImapToken::Atom, line.mid(start, i - start)});
        }
    }
    return true;
}

} // namespace

bool tokenize(ImapResponse& response, qsizetype offset, QList<ImapToken>& tokens)
{
    for (qsizetype i = 0; i < response.lines.size(); ++i) {
        if (!tokenizeLine(response.lines[i], i == 0 ? offset : 0, tokens)) {
            return false;
        }
        if (i < response.literals.size()) {
            tokens.append(ImapToken {ImapToken::String, std::move(response.literals[i])});
        }
    }
    return true;
}

qsizetype skipValue(const QList<ImapToken>& tokens, qsizetype i)
{
    if (i >= tokens.size() || tokens[i].kind == ImapToken::Close) {
        return -1;
    }
    if (tokens[i].kind != ImapToken::Open) {
        return i + 1;
    }
    int depth = 0;
    for (; i < tokens.size(); ++i) {
        if (tokens[i].kind == ImapToken::Open) {
            ++depth;
        } else if (tokens[i].kind == ImapToken::Close && --depth == 0) {
            return i + 1;
        }
    }
    return -1;
}

bool toNumber(const QByteArray& text, quint32* value)
{
    if (text.isEmpty() || text.size() > 10) {
        return false;
    }
    quint64 number = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
        number = number * 10 + static_cast<quint64>(c - '0');
    }
    if (number > 0xFFFFFFFFULL) {
        return false;
    }
    *value = static_cast<quint32>(number);
    return true;
}

} // namespace ImapTokenizer
