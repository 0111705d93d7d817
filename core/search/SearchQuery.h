#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QVariantList>

#include <memory>

// What a person types into the search box, turned into a condition on the
// archive's messages (`messages m`) with bound values: never SQL or FTS5
// syntax from the user's text, and a mistyped query gets a sentence in words
// ("`before:` needs a date like 2021-06-30"), never a database's error.
//
// The language (docs: README, "Search"):
//   words          each must occur, in subject, sender, recipients, body or
//                  an attachment's name, diacritics ignored (café = cafe)
//   "a phrase"     the words next to each other
//   prefix*        words starting so
//   from: to: subject: body: filename:   the word, phrase or prefix in that
//                  part only (to: covers To and Cc)
//   has:attachment
//   in:FOLDER      a folder's path or its last level, any source
//   source:NAME    an account
//   before:D after:D date:D date:D..D   D is 2019, 2019-03 or 2019-03-05;
//                  days are the computer's local days; after: includes D
//   larger:5M smaller:500K   sizes in bytes, K, M or G (×1024)
//   A OR B, -negation, (parentheses); terms side by side must all match.
class SearchQuery
{
public:
    // Parses `text`. `zone` decides where days begin (tests pin it).
    static SearchQuery parse(const QString& text, const QTimeZone& zone = QTimeZone::systemTimeZone());

    SearchQuery();
    ~SearchQuery();
    SearchQuery(const SearchQuery& other);
    SearchQuery& operator=(const SearchQuery& other);

    bool isValid() const; // false: error() says why
    QString error() const;
    bool isEmpty() const; // valid, but nothing to look for (blank, or only punctuation)

    // A condition on `messages m`, and the values for its placeholders in
    // order. Valid and non-empty queries only.
    QString condition() const;
    QVariantList bindings() const;

    // The words and phrases to highlight in results: those the query looks
    // for, not those it excludes; a prefix ends in `*` (SearchHighlighter).
    QStringList highlightTerms() const;

    // An FTS5 expression matching any of the terms the query looks for, for
    // ranking by relevance (bm25); empty when it looks for no words (only
    // operators such as has:attachment or date:), which cannot be ranked.
    QString rankingMatch() const;

    struct Node;

private:
    std::shared_ptr<const Node> m_root;
    QString m_error;
    QStringList m_highlights;
    QString m_condition;
    QVariantList m_bindings;
    QString m_rankingMatch;
};
