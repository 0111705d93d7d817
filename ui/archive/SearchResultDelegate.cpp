#include "SearchResultDelegate.h"

#include "MessageListModel.h"
#include "common/ThemeColors.h"

#include <QApplication>
#include <QPainter>

SearchResultDelegate::SearchResultDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

SearchResultDelegate::~SearchResultDelegate() = default;

const SearchHighlighter& SearchResultDelegate::highlighterFor(const QStringList& terms) const
{
    if (terms != m_terms) {
        m_terms = terms;
        m_highlighter = SearchHighlighter(terms);
    }
    return m_highlighter;
}

void SearchResultDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QStringList terms = index.data(MessageListModel::HighlightTermsRole).toStringList();
    if (terms.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell's background, selection and focus as the style draws them,
    // without its text: the text is drawn below, line by line.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const QString subject = cell.text;
    cell.text.clear();
    const QStyle* style = cell.widget ? cell.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, cell.widget);

    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &cell, cell.widget);
    const bool selected = cell.state.testFlag(QStyle::State_Selected);
    const QPalette& palette = cell.palette;
    const QColor main = selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text);
    const QColor secondary = selected ? main : ThemeColors::secondaryText(palette);
    const int lineHeight = cell.fontMetrics.height();
    const int top = text.top() + std::max(0, (text.height() - 2 * lineHeight) / 2);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &cell, cell.widget) + 1;
    const QRect first(text.left() + margin, top, text.width() - 2 * margin, lineHeight);
    const SearchHighlighter& highlighter = highlighterFor(terms);
    painter->save();
    painter->setFont(cell.font);
    drawLine(painter, highlighter, subject, first, main, palette);
    drawLine(painter,
             highlighter,
             index.data(MessageListModel::ExcerptRole).toString(),
             first.translated(0, lineHeight),
             secondary,
             palette);
    painter->restore();
}

void SearchResultDelegate::drawLine(QPainter* painter,
                                    const SearchHighlighter& highlighter,
                                    const QString& text,
                                    const QRect& line,
                                    const QColor& color,
                                    const QPalette& palette)
{
    const QFont plain = painter->font();
    QFont bold = plain;
    bold.setBold(true);
    const QFontMetrics plainMetrics(plain);
    const QFontMetrics boldMetrics(bold);
    const QList<SearchHighlighter::Range> ranges = highlighter.find(text);
    int x = line.left();
    qsizetype at = 0;
    const auto draw = [&](qsizetype start, qsizetype length, bool match) {
        if (length <= 0 || x >= line.right()) {
            return;
        }
        const QFontMetrics& metrics = match ? boldMetrics : plainMetrics;
        painter->setFont(match ? bold : plain);
        QString piece = text.mid(start, length);
        int width = metrics.horizontalAdvance(piece);
        if (x + width > line.right()) {
            piece = metrics.elidedText(piece, Qt::ElideRight, line.right() - x);
            width = metrics.horizontalAdvance(piece);
        }
        const QRect box(x, line.top(), width, line.height());
        if (match) {
            painter->fillRect(box, ThemeColors::searchMatchBackground(palette));
            painter->setPen(ThemeColors::searchMatchText(palette));
        } else {
            painter->setPen(color);
        }
        painter->drawText(box, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, piece);
        x += width;
    };
    for (const SearchHighlighter::Range& range : ranges) {
        draw(at, range.start - at, false);
        draw(range.start, range.length, true);
        at = range.start + range.length;
    }
    draw(at, text.size() - at, false);
    painter->setFont(plain);
}
