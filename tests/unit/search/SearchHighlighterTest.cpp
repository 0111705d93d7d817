#include "search/SearchHighlighter.h"

#include <gtest/gtest.h>

namespace {

// The highlighted pieces of `text`, as strings.
QStringList found(const QStringList& terms, const QString& text)
{
    QStringList pieces;
    for (const SearchHighlighter::Range& range : SearchHighlighter(terms).find(text)) {
        pieces << text.mid(range.start, range.length);
    }
    return pieces;
}

} // namespace

TEST(SearchHighlighter, FindsWholeWordsWithCaseAndDiacriticsIgnored)
{
    EXPECT_EQ(found({QStringLiteral("cafe")}, QStringLiteral("Café, CAFE and café au lait; cafeteria")),
              (QStringList {QStringLiteral("Café"), QStringLiteral("CAFE"), QStringLiteral("café")}));
    // A combining accent (e + U+0301) folds like the precomposed letter.
    EXPECT_EQ(found({QStringLiteral("café")}, QStringLiteral("cafe\u0301!")),
              QStringList {QStringLiteral("cafe\u0301")});
    EXPECT_EQ(found({QStringLiteral("muller")}, QStringLiteral("Herr Müller")), QStringList {QStringLiteral("Müller")});
    EXPECT_TRUE(found({QStringLiteral("voice")}, QStringLiteral("invoice")).isEmpty());
}

TEST(SearchHighlighter, PhrasesArePiecesInARowAndPrefixesStartWords)
{
    EXPECT_EQ(found({QStringLiteral("late payment")}, QStringLiteral("a late  payment; late, payment; payment late")),
              (QStringList {QStringLiteral("late  payment"), QStringLiteral("late, payment")}));
    EXPECT_EQ(found({QStringLiteral("inv*")}, QStringLiteral("Invoices, an invite, no reinvent")),
              (QStringList {QStringLiteral("Invoices"), QStringLiteral("invite")}));
    // The longest term wins where two start at one word.
    EXPECT_EQ(found({QStringLiteral("late"), QStringLiteral("late payment")}, QStringLiteral("late payment late")),
              (QStringList {QStringLiteral("late payment"), QStringLiteral("late")}));
    EXPECT_TRUE(SearchHighlighter({QStringLiteral("***"), QStringLiteral("  ")}).isEmpty());
}

TEST(SearchHighlighter, AnExcerptIsOneLineAroundTheFirstMatch)
{
    const QString text = QStringLiteral("Dear Anna,\r\n\r\nthank you for the meeting. ")
        + QString(300, QLatin1Char('x')) + QStringLiteral(" The invoice for March\r\nis attached. ")
        + QString(300, QLatin1Char('y'));
    const SearchHighlighter highlighter({QStringLiteral("invoice")});
    const QString excerpt = highlighter.excerpt(text, 80);
    EXPECT_TRUE(excerpt.startsWith(QChar(0x2026))) << excerpt.toStdString();
    EXPECT_TRUE(excerpt.endsWith(QChar(0x2026))) << excerpt.toStdString();
    EXPECT_TRUE(excerpt.contains(QStringLiteral("The invoice for March is attached."))) << excerpt.toStdString();
    EXPECT_LE(excerpt.size(), 82);
    EXPECT_FALSE(excerpt.contains(QLatin1Char('\n')));
    EXPECT_TRUE(highlighter.excerpt(QStringLiteral("nothing here"), 80).isEmpty());
    // Near the start: no leading ellipsis, nothing cut at the front.
    EXPECT_EQ(highlighter.excerpt(QStringLiteral("invoice   attached"), 80), QStringLiteral("invoice attached"));
    // Never half a character at the end.
    const QString emoji =
        QStringLiteral("invoice ") + QString(10, QChar(0x00e9)) + QStringLiteral("\U0001F600\U0001F600");
    const QString cut = highlighter.excerpt(emoji, 19);
    EXPECT_FALSE(cut.at(cut.size() - 2).isHighSurrogate()) << cut.toStdString();
}
