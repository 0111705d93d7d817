#include "StatusBadgeDelegate.h"

#include "SourceTableModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

#include <algorithm>

namespace {

constexpr int HorizontalPadding = 8;
constexpr int IconTextGap = 4;

} // namespace

QIcon StatusBadgeDelegate::warningIcon(const QWidget* widget)
{
    QStyle* style = widget ? widget->style() : QApplication::style();
    return QIcon::fromTheme(QStringLiteral("dialog-warning"), style->standardIcon(QStyle::SP_MessageBoxWarning));
}

QColor StatusBadgeDelegate::colorFor(IngestionSource::Status status)
{
    // Dark enough for white text in light and dark palettes alike.
    switch (status) {
    case IngestionSource::Status::Importing:
        return QColor(0x1f, 0x5f, 0xbf);
    case IngestionSource::Status::Active:
        return QColor(0x1e, 0x7b, 0x46);
    case IngestionSource::Status::Paused:
        return QColor(0x66, 0x66, 0x6e);
    case IngestionSource::Status::Error:
        return QColor(0xb3, 0x26, 0x1e);
    }
    return Qt::gray;
}

int StatusBadgeDelegate::widestBadge(const QFontMetrics& metrics)
{
    int widest = 0;
    for (const auto status : {IngestionSource::Status::Importing,
                              IngestionSource::Status::Active,
                              IngestionSource::Status::Paused,
                              IngestionSource::Status::Error}) {
        widest = std::max(widest, metrics.horizontalAdvance(IngestionSource::statusText(status)));
    }
    return HorizontalPadding * 2 + metrics.height() - 2 + IconTextGap + widest + 4 + 8;
}

QIcon StatusBadgeDelegate::iconFor(IngestionSource::Status status, const QWidget* widget)
{
    QStyle* style = widget ? widget->style() : QApplication::style();
    switch (status) {
    case IngestionSource::Status::Importing:
        return QIcon::fromTheme(QStringLiteral("emblem-synchronizing"), style->standardIcon(QStyle::SP_BrowserReload));
    case IngestionSource::Status::Active:
        return QIcon::fromTheme(QStringLiteral("emblem-default"), style->standardIcon(QStyle::SP_DialogApplyButton));
    case IngestionSource::Status::Paused:
        return QIcon::fromTheme(QStringLiteral("media-playback-pause"), style->standardIcon(QStyle::SP_MediaPause));
    case IngestionSource::Status::Error:
        return QIcon::fromTheme(QStringLiteral("dialog-error"), style->standardIcon(QStyle::SP_MessageBoxCritical));
    }
    return {};
}

void StatusBadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // The cell's background and selection as usual, then the badge on top.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    const auto status = static_cast<IngestionSource::Status>(index.data(SourceTableModel::StatusRole).toInt());
    const QString text = index.data(Qt::DisplayRole).toString();
    const QFontMetrics metrics(option.font);
    const int iconSize = metrics.height() - 2;
    // A little slack: advances are rounded, and a clipped "Activ…" looks broken.
    const int width = HorizontalPadding * 2 + iconSize + IconTextGap + metrics.horizontalAdvance(text) + 4;
    const int height = metrics.height() + 6;
    QRect badge(option.rect.left() + 4, option.rect.center().y() - height / 2 + 1, width, height);
    badge = badge.intersected(option.rect.adjusted(2, 1, -2, -1));

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    const bool failing = index.data(SourceTableModel::FailingRole).toBool();
    // A warning: the status stays, the colour and icon say something is wrong.
    painter->setBrush(failing ? WarningColor : colorFor(status));
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);

    const QRect iconRect(badge.left() + HorizontalPadding, badge.center().y() - iconSize / 2 + 1, iconSize, iconSize);
    (failing ? warningIcon(widget) : iconFor(status, widget)).paint(painter, iconRect);
    painter->setPen(Qt::white);
    painter->setFont(option.font);
    const QRect textRect = badge.adjusted(HorizontalPadding + iconSize + IconTextGap, 0, -HorizontalPadding, 0);
    painter->drawText(
        textRect, Qt::AlignVCenter | Qt::AlignLeft, metrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    // As wide as the widest status, so the column does not jump when one changes.
    const QFontMetrics metrics(option.font);
    return {widestBadge(metrics) + 12, metrics.height() + 12};
}
