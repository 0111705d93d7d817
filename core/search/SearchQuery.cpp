#include "SearchQuery.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <optional>
#include <vector>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SearchQuery)
};

} // namespace

struct SearchQuery::Node
{
    enum class Kind { And, Or, Not, Text, HasAttachment, InFolder, InSource, Date, Size };
    Kind kind = Kind::Text;
    std::vector<Node> children;
    // Text: the index column (empty: every column), the words, and how.
    QString column;
    QString text;
    bool prefix = false;
    // InFolder, InSource: the name. Date, Size: the bounds, either may be open.
    std::optional<qint64> atLeast;
    std::optional<qint64> below;
};

namespace {

using Node = SearchQuery::Node;

struct Token
{
    enum class Kind { Open, Close, Or, Not, Term };
    Kind kind = Kind::Term;
    QString op; // lower case, without the colon; empty for a plain term
    QString value;
    bool quoted = false;
};

// The operators the language knows. Anything else before a colon ("Re:",
// "http:") is text.
const QStringList& operators()
{
    static const QStringList names = {QStringLiteral("from"),
                                      QStringLiteral("to"),
                                      QStringLiteral("subject"),
                                      QStringLiteral("body"),
                                      QStringLiteral("filename"),
                                      QStringLiteral("has"),
                                      QStringLiteral("in"),
                                      QStringLiteral("source"),
                                      QStringLiteral("before"),
                                      QStringLiteral("after"),
                                      QStringLiteral("date"),
                                      QStringLiteral("larger"),
                                      QStringLiteral("smaller")};
    return names;
}

QString indexColumn(const QString& op)
{
    if (op == QLatin1String("from")) {
        return QStringLiteral("sender");
    }
    if (op == QLatin1String("to")) {
        return QStringLiteral("recipients");
    }
    if (op == QLatin1String("filename")) {
        return QStringLiteral("attachment_names");
    }
    return op; // subject, body
}

bool endsWord(QChar c)
{
    return c.isSpace() || c == QLatin1Char('(') || c == QLatin1Char(')');
}

class Tokenizer
{
public:
    explicit Tokenizer(const QString& text)
        : m_text(text)
    {
    }

    bool run(QList<Token>* tokens, QString* error)
    {
        while (true) {
            while (m_at < m_text.size() && m_text.at(m_at).isSpace()) {
                ++m_at;
            }
            if (m_at >= m_text.size()) {
                return true;
            }
            const QChar c = m_text.at(m_at);
            if (c == QLatin1Char('(') || c == QLatin1Char(')')) {
                tokens->append({c == QLatin1Char('(') ? Token::Kind::Open : Token::Kind::Close, {}, {}, false});
                ++m_at;
                continue;
            }
            if (c == QLatin1Char('-') && m_at + 1 < m_text.size() && !m_text.at(m_at + 1).isSpace()) {
                tokens->append({Token::Kind::Not, {}, {}, false});
                ++m_at;
                continue;
            }
            Token token;
            if (c == QLatin1Char('"')) {
                if (!readQuoted(&token.value, error)) {
                    return false;
                }
                token.quoted = true;
                tokens->append(token);
                continue;
            }
            const qsizetype start = m_at;
            while (
                m_at < m_text.size() && !endsWord(m_text.at(m_at))
                && !(m_text.at(m_at) == QLatin1Char('"') && m_at > start && m_text.at(m_at - 1) == QLatin1Char(':'))) {
                ++m_at;
            }
            const QString word = m_text.mid(start, m_at - start);
            if (word == QLatin1String("OR")) {
                tokens->append({Token::Kind::Or, {}, {}, false});
                continue;
            }
            if (word == QLatin1String("AND")) {
                continue; // side by side means AND already
            }
            const qsizetype colon = word.indexOf(QLatin1Char(':'));
            const QString op = colon > 0 ? word.left(colon).toLower() : QString();
            if (colon > 0 && operators().contains(op)) {
                token.op = op;
                token.value = word.mid(colon + 1);
                if (token.value.isEmpty() && m_at < m_text.size() && m_text.at(m_at) == QLatin1Char('"')) {
                    if (!readQuoted(&token.value, error)) {
                        return false;
                    }
                    token.quoted = true;
                }
            } else {
                token.value = word;
            }
            tokens->append(token);
        }
    }

private:
    bool readQuoted(QString* value, QString* error)
    {
        const qsizetype close = m_text.indexOf(QLatin1Char('"'), m_at + 1);
        if (close < 0) {
            *error = Tr::tr("A quotation mark is not closed: add the closing \" after the phrase.");
            return false;
        }
        *value = m_text.mid(m_at + 1, close - m_at - 1);
        m_at = close + 1;
        return true;
    }

    const QString& m_text;
    qsizetype m_at = 0;
};

bool hasWordCharacter(const QString& text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            return true;
        }
    }
    return false;
}

// A day, month or year ("2019", "2019-03", "2019-03-05"): its first instant
// and the first instant after it, in `zone`.
bool parsePeriod(const QString& text, const QTimeZone& zone, qint64* begin, qint64* end)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return false;
    }
    const int year = match.captured(1).toInt();
    const bool hasMonth = match.hasCaptured(2);
    const bool hasDay = match.hasCaptured(3);
    const QDate first(year, hasMonth ? match.captured(2).toInt() : 1, hasDay ? match.captured(3).toInt() : 1);
    if (!first.isValid()) {
        return false;
    }
    const QDate next = hasDay ? first.addDays(1) : hasMonth ? first.addMonths(1) : first.addYears(1);
    *begin = QDateTime(first, QTime(0, 0), zone).toSecsSinceEpoch();
    *end = QDateTime(next, QTime(0, 0), zone).toSecsSinceEpoch();
    return true;
}

std::optional<qint64> parseSize(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+(?:\\.\\d+)?)([KMG]?)B?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    const QString unit = match.captured(2).toUpper();
    const double factor = unit == QLatin1String("K") ? 1024.0
        : unit == QLatin1String("M")                 ? 1024.0 * 1024
        : unit == QLatin1String("G")                 ? 1024.0 * 1024 * 1024
                                                     : 1.0;
    const double bytes = match.captured(1).toDouble() * factor;
    if (bytes > 1e15) {
        return std::nullopt;
    }
    return static_cast<qint64>(bytes);
}

class Parser
{
public:
    Parser(const QList<Token>& tokens, const QTimeZone& zone)
        : m_tokens(tokens)
        , m_zone(zone)
    {
    }

    // Returns false with `error`; an empty query gives an And without children.
    bool run(Node* root, QString* error)
    {
        m_error = error;
        if (!parseSequence(root)) {
            return false;
        }
        if (m_at < m_tokens.size()) {
            // Only a stray ")" ends a sequence early.
            return fail(Tr::tr("A \")\" has no matching \"(\"."));
        }
        return true;
    }

private:
    bool fail(const QString& message)
    {
        *m_error = message;
        return false;
    }

    bool atKind(Token::Kind kind) const { return m_at < m_tokens.size() && m_tokens.at(m_at).kind == kind; }
    bool atEnd() const { return m_at >= m_tokens.size() || atKind(Token::Kind::Close); }

    static bool isBlank(const Node& node) { return node.kind == Node::Kind::And && node.children.empty(); }

    // Terms side by side: all must match. OR binds tighter, as in mail
    // clients: "invoice from:anna OR from:ben" is an invoice from either.
    bool parseSequence(Node* out)
    {
        Node all;
        all.kind = Node::Kind::And;
        while (!atEnd()) {
            Node item;
            bool skip = false;
            if (!parseEither(&item, &skip)) {
                return false;
            }
            if (!skip) {
                all.children.push_back(std::move(item));
            }
        }
        *out = all.children.size() == 1 ? std::move(all.children.front()) : std::move(all);
        return true;
    }

    bool parseEither(Node* out, bool* skip)
    {
        const auto orNeedsBothSides = [this] {
            return fail(Tr::tr("\"OR\" needs a search term on both sides, as in invoice OR receipt."));
        };
        if (atKind(Token::Kind::Or)) {
            return orNeedsBothSides();
        }
        Node either;
        either.kind = Node::Kind::Or;
        while (true) {
            Node item;
            bool itemSkip = false;
            if (!parseUnary(&item, &itemSkip)) {
                return false;
            }
            if (!itemSkip) {
                either.children.push_back(std::move(item));
            }
            if (!atKind(Token::Kind::Or)) {
                break;
            }
            ++m_at;
            if (atEnd() || atKind(Token::Kind::Or)) {
                return orNeedsBothSides();
            }
        }
        *skip = either.children.empty();
        *out = either.children.size() == 1 ? std::move(either.children.front()) : std::move(either);
        return true;
    }

    bool parseUnary(Node* out, bool* skip)
    {
        if (atKind(Token::Kind::Not)) {
            ++m_at;
            if (atEnd() || atKind(Token::Kind::Or)) {
                return fail(Tr::tr("\"-\" needs a search term right after it, as in -newsletter."));
            }
            Node inner;
            bool innerSkip = false;
            if (!parseUnary(&inner, &innerSkip)) {
                return false;
            }
            *skip = innerSkip;
            out->kind = Node::Kind::Not;
            out->children.push_back(std::move(inner));
            return true;
        }
        if (atKind(Token::Kind::Open)) {
            ++m_at;
            Node inner;
            if (!parseSequence(&inner)) {
                return false;
            }
            if (!atKind(Token::Kind::Close)) {
                return fail(Tr::tr("A \"(\" is not closed: add the \")\" that ends it."));
            }
            ++m_at;
            if (isBlank(inner)) {
                return fail(Tr::tr("There is nothing between \"(\" and \")\"."));
            }
            *out = std::move(inner);
            return true;
        }
        return parseTerm(m_tokens.at(m_at++), out, skip);
    }

    bool parseTerm(const Token& token, Node* out, bool* skip)
    {
        const QString& op = token.op;
        const QString value = token.value.trimmed();
        if (op.isEmpty() || op == QLatin1String("from") || op == QLatin1String("to") || op == QLatin1String("subject")
            || op == QLatin1String("body") || op == QLatin1String("filename")) {
            out->kind = Node::Kind::Text;
            out->column = op.isEmpty() ? QString() : indexColumn(op);
            out->text = value;
            if (!token.quoted && out->text.endsWith(QLatin1Char('*'))) {
                out->prefix = true;
                while (out->text.endsWith(QLatin1Char('*'))) {
                    out->text.chop(1);
                }
            }
            if (!hasWordCharacter(out->text)) {
                if (!op.isEmpty()) {
                    return fail(Tr::tr("\"%1:\" needs a word or a \"phrase\" after it, as in %1:invoice.").arg(op));
                }
                *skip = true; // punctuation alone finds nothing to look for
            }
            return true;
        }
        if (op == QLatin1String("has")) {
            if (value.compare(QLatin1String("attachment"), Qt::CaseInsensitive) != 0
                && value.compare(QLatin1String("attachments"), Qt::CaseInsensitive) != 0) {
                return fail(Tr::tr("\"has:\" knows only has:attachment."));
            }
            out->kind = Node::Kind::HasAttachment;
            return true;
        }
        if (op == QLatin1String("in") || op == QLatin1String("source")) {
            if (value.isEmpty()) {
                return op == QLatin1String("in")
                    ? fail(Tr::tr("\"in:\" needs a folder, as in in:INBOX or in:\"Archive/2023\"."))
                    : fail(Tr::tr("\"source:\" needs an account's name, as in source:Work."));
            }
            out->kind = op == QLatin1String("in") ? Node::Kind::InFolder : Node::Kind::InSource;
            out->text = value;
            return true;
        }
        if (op == QLatin1String("before") || op == QLatin1String("after")) {
            qint64 begin = 0;
            qint64 end = 0;
            if (!parsePeriod(value, m_zone, &begin, &end)) {
                return fail(Tr::tr("\"%1:\" needs a date like 2021-06-30 (or 2021-06, or 2021).").arg(op));
            }
            out->kind = Node::Kind::Date;
            if (op == QLatin1String("before")) {
                out->below = begin;
            } else {
                out->atLeast = begin;
            }
            return true;
        }
        if (op == QLatin1String("date")) {
            const qsizetype dots = value.indexOf(QLatin1String(".."));
            const QString from = dots < 0 ? value : value.left(dots);
            const QString to = dots < 0 ? value : value.mid(dots + 2);
            qint64 fromBegin = 0;
            qint64 fromEnd = 0;
            qint64 toBegin = 0;
            qint64 toEnd = 0;
            if (!parsePeriod(from, m_zone, &fromBegin, &fromEnd) || !parsePeriod(to, m_zone, &toBegin, &toEnd)) {
                return fail(Tr::tr("\"date:\" needs a year, a month or a day, as in 2019, 2019-03 or 2019-03-05, or "
                                   "a range such as 2019-03..2020-01."));
            }
            if (toEnd <= fromBegin) {
                return fail(Tr::tr("The range of \"date:\" ends before it begins: %1.").arg(value));
            }
            out->kind = Node::Kind::Date;
            out->atLeast = fromBegin;
            out->below = toEnd;
            return true;
        }
        // larger, smaller
        const std::optional<qint64> bytes = parseSize(value);
        if (!bytes) {
            return fail(Tr::tr("\"%1:\" needs a size like 5M, 500K or 2G.").arg(op));
        }
        out->kind = Node::Kind::Size;
        if (op == QLatin1String("larger")) {
            out->atLeast = *bytes + 1;
        } else {
            out->below = *bytes;
        }
        return true;
    }

    const QList<Token>& m_tokens;
    const QTimeZone& m_zone;
    qsizetype m_at = 0;
    QString* m_error = nullptr;
};

// FTS5 text for one term: a string in double quotes (so no word is read
// as FTS5 syntax), a column filter, a prefix star.
QString ftsTerm(const Node& node)
{
    QString quoted = node.text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    QString term = QLatin1Char('"') + quoted + QLatin1Char('"');
    if (node.prefix) {
        term += QLatin1String(" *");
    }
    return node.column.isEmpty() ? term : node.column + QLatin1String(" : ") + term;
}

// True when the subtree can be one FTS5 expression: terms joined by AND and
// OR, and NOT where something positive stands next to it (FTS5's NOT is
// binary: "a NOT b").
bool isFtsOnly(const Node& node)
{
    switch (node.kind) {
    case Node::Kind::Text:
        return true;
    case Node::Kind::Or:
        for (const Node& child : node.children) {
            if (!isFtsOnly(child)) {
                return false;
            }
        }
        return true;
    case Node::Kind::And: {
        bool positive = false;
        for (const Node& child : node.children) {
            if (child.kind == Node::Kind::Not && isFtsOnly(child.children.front())) {
                continue;
            }
            if (!isFtsOnly(child)) {
                return false;
            }
            positive = true;
        }
        return positive;
    }
    default:
        return false;
    }
}

QString ftsExpression(const Node& node)
{
    if (node.kind == Node::Kind::Text) {
        return ftsTerm(node);
    }
    QStringList parts;
    QStringList excluded;
    for (const Node& child : node.children) {
        if (child.kind == Node::Kind::Not) {
            excluded << ftsExpression(child.children.front());
        } else {
            parts << QLatin1Char('(') + ftsExpression(child) + QLatin1Char(')');
        }
    }
    QString expression = QLatin1Char('(')
        + parts.join(node.kind == Node::Kind::Or ? QLatin1String(" OR ") : QLatin1String(" AND ")) + QLatin1Char(')');
    for (const QString& part : std::as_const(excluded)) {
        expression += QLatin1String(" NOT (") + part + QLatin1Char(')');
    }
    return expression;
}

void compile(const Node& node, QString* sql, QVariantList* values)
{
    if (isFtsOnly(node)) {
        *sql += QLatin1String("m.id IN (SELECT rowid FROM message_fts WHERE message_fts MATCH ?)");
        *values << ftsExpression(node);
        return;
    }
    switch (node.kind) {
    case Node::Kind::And: {
        // The index answers all of its terms at once: one MATCH for them.
        Node indexed;
        indexed.kind = Node::Kind::And;
        std::vector<const Node*> rest;
        for (const Node& child : node.children) {
            const bool fts = isFtsOnly(child) || (child.kind == Node::Kind::Not && isFtsOnly(child.children.front()));
            if (fts) {
                indexed.children.push_back(child);
            } else {
                rest.push_back(&child);
            }
        }
        QStringList parts;
        if (isFtsOnly(indexed)) {
            QString part;
            compile(indexed, &part, values);
            parts << part;
        } else {
            for (const Node& child : indexed.children) {
                QString part;
                compile(child, &part, values);
                parts << part;
            }
        }
        for (const Node* child : rest) {
            QString part;
            compile(*child, &part, values);
            parts << part;
        }
        *sql += QLatin1Char('(') + parts.join(QLatin1String(" AND ")) + QLatin1Char(')');
        return;
    }
    case Node::Kind::Or: {
        QStringList parts;
        for (const Node& child : node.children) {
            QString part;
            compile(child, &part, values);
            parts << part;
        }
        *sql += QLatin1Char('(') + parts.join(QLatin1String(" OR ")) + QLatin1Char(')');
        return;
    }
    case Node::Kind::Not: {
        QString part;
        compile(node.children.front(), &part, values);
        *sql += QLatin1String("NOT (") + part + QLatin1Char(')');
        return;
    }
    case Node::Kind::HasAttachment:
        *sql += QLatin1String("m.has_attachments = 1");
        return;
    case Node::Kind::InFolder:
        // The whole path, or its last level: in:INBOX, in:2023, in:Archive/2023.
        *sql += QLatin1String(
            "EXISTS (SELECT 1 FROM locations l JOIN folders f ON f.id = l.folder_id WHERE l.message_id = m.id AND "
            "(lower(f.path) = lower(?) OR (COALESCE(f.delimiter, '') <> '' AND "
            "substr(lower(f.path), -(length(?) + length(f.delimiter))) = lower(f.delimiter || ?))))");
        *values << node.text << node.text << node.text;
        return;
    case Node::Kind::InSource:
        *sql += QLatin1String(
            "EXISTS (SELECT 1 FROM locations l JOIN folders f ON f.id = l.folder_id JOIN sources s ON s.id = "
            "f.source_id WHERE l.message_id = m.id AND lower(s.name) = lower(?))");
        *values << node.text;
        return;
    case Node::Kind::Date:
    case Node::Kind::Size: {
        const QString column = node.kind == Node::Kind::Date ? QStringLiteral("m.date") : QStringLiteral("m.size");
        QStringList parts;
        if (node.atLeast) {
            parts << column + QLatin1String(" >= ?");
            *values << *node.atLeast;
        }
        if (node.below) {
            parts << column + QLatin1String(" < ?");
            *values << *node.below;
        }
        *sql += QLatin1Char('(') + parts.join(QLatin1String(" AND ")) + QLatin1Char(')');
        return;
    }
    case Node::Kind::Text:
        break; // handled as FTS above
    }
}

// Every term the query looks for, for ranking: a message that holds more of
// them, and holds them more often, ranks higher.
void collectRankingTerms(const Node& node, QStringList* out)
{
    if (node.kind == Node::Kind::Not) {
        return;
    }
    if (node.kind == Node::Kind::Text) {
        *out << ftsTerm(node);
    }
    for (const Node& child : node.children) {
        collectRankingTerms(child, out);
    }
}

void collectHighlights(const Node& node, QStringList* out)
{
    if (node.kind == Node::Kind::Not) {
        return;
    }
    if (node.kind == Node::Kind::Text) {
        const QString term = node.prefix ? node.text + QLatin1Char('*') : node.text;
        if (!out->contains(term)) {
            *out << term;
        }
    }
    for (const Node& child : node.children) {
        collectHighlights(child, out);
    }
}

} // namespace

SearchQuery SearchQuery::parse(const QString& text, const QTimeZone& zone)
{
    SearchQuery query;
    QList<Token> tokens;
    if (!Tokenizer(text).run(&tokens, &query.m_error)) {
        return query;
    }
    Node root;
    if (!Parser(tokens, zone).run(&root, &query.m_error)) {
        return query;
    }
    collectHighlights(root, &query.m_highlights);
    QStringList ranking;
    collectRankingTerms(root, &ranking);
    query.m_rankingMatch = ranking.join(QLatin1String(" OR "));
    query.m_root = std::make_shared<const Node>(std::move(root));
    // Compiled once: every search and count of this query reuses it.
    if (!query.isEmpty()) {
        compile(*query.m_root, &query.m_condition, &query.m_bindings);
    }
    return query;
}

SearchQuery::SearchQuery() = default;
SearchQuery::~SearchQuery() = default;
SearchQuery::SearchQuery(const SearchQuery& other) = default;
SearchQuery& SearchQuery::operator=(const SearchQuery& other) = default;

bool SearchQuery::isValid() const
{
    return m_root != nullptr;
}

QString SearchQuery::error() const
{
    return m_error;
}

bool SearchQuery::isEmpty() const
{
    return isValid() && m_root->kind == Node::Kind::And && m_root->children.empty();
}

QString SearchQuery::condition() const
{
    return m_condition;
}

QVariantList SearchQuery::bindings() const
{
    return m_bindings;
}

QStringList SearchQuery::highlightTerms() const
{
    return m_highlights;
}

QString SearchQuery::rankingMatch() const
{
    return m_rankingMatch;
}
