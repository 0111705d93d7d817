#include "ProgressDelegate.h"

#include "SourceTableModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

#include <algorithm>

namespace {

constexpr int BarHeight = 4;
constexpr int Margin = 4;

} // namespace

void ProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const double fraction = index.data(SourceTableModel::ProgressFractionRole).toDouble();
    if (fraction < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The text where it always is, a thin bar under it: a full-height
    // progress bar would squeeze "INBOX: 12,345 of 40,000" into two lines.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.rect.adjust(0, 0, 0, -(BarHeight + 2));
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    cell.backgroundBrush = Qt::NoBrush;
    cell.state &= ~QStyle::State_HasFocus;
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    const QRect track(option.rect.left() + Margin,
                      option.rect.bottom() - BarHeight - Margin + 1,
                      option.rect.width() - 2 * Margin,
                      BarHeight);
    const bool selected = option.state & QStyle::State_Selected;
    const QColor fill =
        selected ? option.palette.color(QPalette::HighlightedText) : option.palette.color(QPalette::Highlight);
    QColor empty = fill;
    empty.setAlphaF(0.25);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(empty);
    painter->drawRoundedRect(track, BarHeight / 2.0, BarHeight / 2.0);
    QRect done = track;
    done.setWidth(std::max(BarHeight, static_cast<int>(track.width() * std::clamp(fraction, 0.0, 1.0))));
    painter->setBrush(fill);
    painter->drawRoundedRect(done, BarHeight / 2.0, BarHeight / 2.0);
    painter->restore();
}
