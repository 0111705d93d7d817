#include "SearchHighlighter.h"

namespace {

// What the index's tokenizer (FTS5 unicode61) treats as part of a word.
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c.category() == QChar::Other_PrivateUse || c.isSurrogate();
}

} // namespace

SearchHighlighter::SearchHighlighter(const QStringList& terms)
{
    for (const QString& text : terms) {
        Term term;
        QString body = text;
        if (body.endsWith(QLatin1Char('*'))) {
            term.prefix = true;
            body.chop(1);
        }
        for (const Word& word : words(body)) {
            term.words << word.folded;
        }
        if (!term.words.isEmpty()) {
            m_terms << term;
        }
    }
}

QString SearchHighlighter::fold(QStringView word)
{
    QString folded;
    folded.reserve(word.size());
    for (const QChar c : word) {
        if (c.isMark()) {
            continue; // a combining accent, as in "e\u0301"
        }
        if (c.decompositionTag() == QChar::Canonical) {
            // é → e + ◌́: keep what is not an accent.
            for (const QChar part : c.decomposition()) {
                if (!part.isMark()) {
                    folded += part.toCaseFolded();
                }
            }
            continue;
        }
        folded += c.toCaseFolded();
    }
    return folded;
}

QList<SearchHighlighter::Word> SearchHighlighter::words(const QString& text)
{
    QList<Word> out;
    qsizetype i = 0;
    const qsizetype size = text.size();
    while (i < size) {
        while (i < size && !isWordChar(text.at(i))) {
            ++i;
        }
        const qsizetype start = i;
        while (i < size && isWordChar(text.at(i))) {
            ++i;
        }
        if (i > start) {
            out << Word {fold(QStringView(text).mid(start, i - start)), start, i};
        }
    }
    return out;
}

QList<SearchHighlighter::Range> SearchHighlighter::find(const QString& text) const
{
    QList<Range> ranges;
    if (m_terms.isEmpty() || text.isEmpty()) {
        return ranges;
    }
    const QList<Word> tokens = words(text);
    qsizetype i = 0;
    while (i < tokens.size()) {
        qsizetype longest = 0;
        for (const Term& term : m_terms) {
            const qsizetype n = term.words.size();
            if (i + n > tokens.size() || n <= longest) {
                continue;
            }
            bool match = true;
            for (qsizetype k = 0; k < n && match; ++k) {
                const QString& token = tokens.at(i + k).folded;
                const QString& wanted = term.words.at(k);
                match = (term.prefix && k == n - 1) ? token.startsWith(wanted) : token == wanted;
            }
            if (match) {
                longest = n;
            }
        }
        if (longest > 0) {
            const qsizetype start = tokens.at(i).start;
            ranges << Range {start, tokens.at(i + longest - 1).end - start};
            i += longest;
        } else {
            ++i;
        }
    }
    return ranges;
}

QString SearchHighlighter::excerpt(const QString& text, qsizetype width) const
{
    const QList<Range> ranges = find(text);
    if (ranges.isEmpty() || width <= 0) {
        return {};
    }
    // Start a little before the match, at a word's beginning, so the line
    // reads as a sentence and the match is not the first thing cut off.
    const Range first = ranges.first();
    qsizetype start = std::max<qsizetype>(0, first.start - width / 4);
    while (start > 0 && start < first.start && !text.at(start - 1).isSpace()) {
        ++start;
    }
    if (start > first.start) {
        start = first.start;
    }
    QString line;
    bool space = false;
    qsizetype i = start;
    for (; i < text.size() && line.size() < width; ++i) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            space = !line.isEmpty();
            continue;
        }
        if (space) {
            line += QLatin1Char(' ');
            space = false;
        }
        line += c;
        if (c.isHighSurrogate() && i + 1 < text.size()) {
            line += text.at(++i); // never half a character
        }
    }
    if (start > 0) {
        line.prepend(QChar(0x2026));
    }
    if (i < text.size()) {
        line += QChar(0x2026);
    }
    return line;
}
