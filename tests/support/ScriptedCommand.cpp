#include "ScriptedCommand.h"

#include <optional>

namespace {

// Reads IMAP tokens one after another. Lenient on purpose: a test server
// must take any garbage a client sends without crashing or hanging, so an
// unterminated string or list simply ends at the end of the text.
class Tokenizer
{
public:
    explicit Tokenizer(const QByteArray& text)
        : m_text(text)
    {
    }

    bool atEnd()
    {
        while (m_position < m_text.size() && m_text.at(m_position) == ' ') {
            ++m_position;
        }
        return m_position >= m_text.size();
    }

    QByteArray next()
    {
        const char first = m_text.at(m_position);
        if (first == '"') {
            return quoted();
        }
        if (first == '{') {
            if (const auto value = literal()) {
                return *value;
            }
        }
        if (first == '(') {
            const qsizetype start = m_position;
            skipBalanced();
            return m_text.mid(start, m_position - start);
        }
        return atom();
    }

private:
    QByteArray quoted()
    {
        QByteArray value;
        ++m_position;
        while (m_position < m_text.size()) {
            const char c = m_text.at(m_position++);
            if (c == '"') {
                break;
            }
            if (c == '\\' && m_position < m_text.size()) {
                value += m_text.at(m_position++);
            } else {
                value += c;
            }
        }
        return value;
    }

    // "{n}" or "{n+}", CRLF, then n bytes; nullopt when it is not a literal
    // (it is then read as an atom).
    std::optional<QByteArray> literal()
    {
        const qsizetype close = m_text.indexOf('}', m_position);
        if (close < 0) {
            return std::nullopt;
        }
        QByteArray digits = m_text.mid(m_position + 1, close - m_position - 1);
        if (digits.endsWith('+')) {
            digits.chop(1);
        }
        bool ok = false;
        const qint64 size = digits.toLongLong(&ok);
        qsizetype start = close + 1;
        if (start < m_text.size() && m_text.at(start) == '\r') {
            ++start;
        }
        if (!ok || size < 0 || start >= m_text.size() || m_text.at(start) != '\n') {
            return std::nullopt;
        }
        ++start;
        const qsizetype length = qMin<qint64>(size, m_text.size() - start);
        m_position = start + length;
        return m_text.mid(start, length);
    }

    // An atom runs to the next space, except inside [...] where section
    // specifications carry spaces and lists: BODY[HEADER.FIELDS (FROM TO)].
    QByteArray atom()
    {
        const qsizetype start = m_position;
        int brackets = 0;
        while (m_position < m_text.size()) {
            const char c = m_text.at(m_position);
            if (c == '[') {
                ++brackets;
            } else if (c == ']' && brackets > 0) {
                --brackets;
            } else if (brackets == 0 && (c == ' ' || c == ')' || c == '(')) {
                break;
            }
            ++m_position;
        }
        if (m_position == start) {
            ++m_position; // a stray ')': one character, so the caller moves on
        }
        return m_text.mid(start, m_position - start);
    }

    // From '(' to its matching ')', skipping strings and literals inside.
    void skipBalanced()
    {
        int depth = 0;
        while (m_position < m_text.size()) {
            const char c = m_text.at(m_position);
            if (c == '"') {
                quoted();
                continue;
            }
            if (c == '{' && literal()) {
                continue;
            }
            ++m_position;
            if (c == '(') {
                ++depth;
            } else if (c == ')' && --depth == 0) {
                return;
            }
        }
    }

    const QByteArray& m_text;
    qsizetype m_position = 0;
};

} // namespace

ScriptedCommand ScriptedCommand::parse(const QByteArray& line)
{
    ScriptedCommand command;
    command.line = line;
    if (line.startsWith(' ')) {
        return command; // no tag: the server answers BAD
    }
    Tokenizer tokenizer(line);
    if (tokenizer.atEnd()) {
        return command;
    }
    command.tag = tokenizer.next();
    if (tokenizer.atEnd()) {
        return command;
    }
    command.verb = tokenizer.next().toUpper();
    if (command.verb == "UID" && !tokenizer.atEnd()) {
        command.verb += ' ' + tokenizer.next().toUpper();
    }
    while (!tokenizer.atEnd()) {
        command.arguments << tokenizer.next();
    }
    return command;
}

QList<QByteArray> ScriptedCommand::tokens(const QByteArray& text)
{
    QByteArray inside = text.trimmed();
    if (inside.startsWith('(') && inside.endsWith(')')) {
        // Only when the first '(' closes at the very end: "(A) (B)" stays two lists.
        Tokenizer whole(inside);
        whole.next();
        if (whole.atEnd()) {
            inside = inside.mid(1, inside.size() - 2);
        }
    }
    QList<QByteArray> result;
    Tokenizer tokenizer(inside);
    while (!tokenizer.atEnd()) {
        result << tokenizer.next();
    }
    return result;
}
