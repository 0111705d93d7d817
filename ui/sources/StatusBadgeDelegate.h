#pragma once

#include "sources/IngestionSource.h"

#include <QColor>
#include <QFontMetrics>
#include <QIcon>
#include <QStyledItemDelegate>

// Paints a source's status as a coloured badge with an icon and its text, so
// Importing, Active, Paused and Error can be told apart at a glance, and not
// by colour alone.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBadgeDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static QColor colorFor(IngestionSource::Status status);
    // A source whose passes keep failing but that is not an Error yet; dark
    // enough for white text (about 6.8:1).
    static inline const QColor WarningColor {0x8a, 0x4b, 0x00};
    static QIcon warningIcon(const QWidget* widget);
    // The width of the widest badge ("Importing" in English), for the column.
    static int widestBadge(const QFontMetrics& metrics);
    static QIcon iconFor(IngestionSource::Status status, const QWidget* widget);
};
