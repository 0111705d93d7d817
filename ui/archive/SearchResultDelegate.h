#pragma once

#include "search/SearchHighlighter.h"

#include <QStyledItemDelegate>

// Draws the message list's Subject column while a search is shown: the
// subject, and under it the line of the body where the words were found,
// every matched word marked (ThemeColors::searchMatch…) as in a mail
// client's search. Other lists draw as any table cell.
class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchResultDelegate)

public:
    explicit SearchResultDelegate(QObject* parent = nullptr);
    ~SearchResultDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    // Draws `text` in `line`, its matches marked, cut with "…" at the end.
    static void drawLine(QPainter* painter,
                         const SearchHighlighter& highlighter,
                         const QString& text,
                         const QRect& line,
                         const QColor& color,
                         const QPalette& palette);
    const SearchHighlighter& highlighterFor(const QStringList& terms) const;

    mutable QStringList m_terms;
    mutable SearchHighlighter m_highlighter;
};
