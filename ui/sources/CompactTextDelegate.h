#pragma once

#include <QStyledItemDelegate>

// A cell that shortens rather than elides: where its text does not fit, it
// shows SourceTableModel::CompactTextRole instead ("5,000" for "5,000 ·
// 166.1 MB"); the tooltip still says it in full.
class CompactTextDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompactTextDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};
