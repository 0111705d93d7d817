#include "CompactTextDelegate.h"

#include "SourceTableModel.h"

#include <QApplication>
#include <QStyle>

void CompactTextDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (option->rect.isEmpty()) {
        return; // measuring for a size hint: the whole text
    }
    const QStyle* style = option->widget ? option->widget->style() : QApplication::style();
    // The room the style leaves around an item's text, on each side.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option->widget) + 1;
    if (option->fontMetrics.horizontalAdvance(option->text) + 2 * margin > option->rect.width()) {
        const QString compact = index.data(SourceTableModel::CompactTextRole).toString();
        if (!compact.isEmpty()) {
            option->text = compact;
        }
    }
}
