#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Finds the words a search looked for in a text, the way the search index
// matched them: words are runs of letters and digits, compared with case
// and diacritics ignored (café = CAFE), a phrase is its words in a row, a
// term ending in `*` matches the start of a word. The list's excerpt line
// and the message viewer highlight what it finds.
class SearchHighlighter
{
public:
    struct Range
    {
        qsizetype start = 0;
        qsizetype length = 0;
        bool operator==(const Range&) const = default;
    };

    // Terms as SearchQuery::highlightTerms gives them.
    explicit SearchHighlighter(const QStringList& terms = {});

    bool isEmpty() const { return m_terms.isEmpty(); }

    // Every match in `text`, in order, not overlapping.
    QList<Range> find(const QString& text) const;

    // A line of at most about `width` characters around the first match in
    // `text` (whitespace collapsed, "…" where it was cut); empty when
    // nothing matches.
    QString excerpt(const QString& text, qsizetype width) const;

    // A word folded as the index folds it: lower case, no diacritics.
    static QString fold(QStringView word);

private:
    struct Term
    {
        QStringList words;
        bool prefix = false;
    };
    struct Word
    {
        QString folded;
        qsizetype start = 0;
        qsizetype end = 0;
    };
    static QList<Word> words(const QString& text);

    QList<Term> m_terms;
};
