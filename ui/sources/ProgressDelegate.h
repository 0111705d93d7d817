#pragma once

#include <QStyledItemDelegate>

// The Progress column: while a folder is imported, a bar under "INBOX:
// 12,345 of 40,000"; otherwise just the activity text ("syncing…",
// "retrying in 2 min", the last error).
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};
