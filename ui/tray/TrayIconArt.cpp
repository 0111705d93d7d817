#include "TrayIconArt.h"

#include "AppIcon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <cmath>

namespace {

// Colours that keep white marks at 4.5:1 or more.
const QColor SyncingBlue(0x1a, 0x5f, 0xc8);
const QColor PausedGrey(0x5f, 0x63, 0x68);
const QColor AttentionRed(0xc5, 0x22, 0x1f);

void drawBadge(QPainter& painter, TrayState::Look look, qreal size)
{
    // Over half the icon at 16 px, so the mark inside is still a few
    // pixels; a smaller share at large sizes.
    const qreal diameter = size <= 24 ? size * 0.62 : size * 0.5;
    const QRectF disc(size - diameter, size - diameter, diameter, diameter);
    const qreal rim = std::max<qreal>(1.0, size / 16.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawEllipse(disc);
    const QRectF inner = disc.adjusted(rim, rim, -rim, -rim);
    const QColor fill = look == TrayState::Look::Syncing ? SyncingBlue
        : look == TrayState::Look::Paused                ? PausedGrey
                                                         : AttentionRed;
    painter.setBrush(fill);
    painter.drawEllipse(inner);

    const QPointF centre = inner.center();
    const qreal r = inner.width() / 2;
    QPen mark(Qt::white, std::max<qreal>(1.2, r * 0.28), Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
    painter.setBrush(Qt::NoBrush);
    switch (look) {
    case TrayState::Look::Syncing: {
        // Two arcs chasing each other, each with an arrow head.
        mark.setCapStyle(Qt::FlatCap);
        painter.setPen(mark);
        const qreal arc = r * 0.55;
        const QRectF box(centre.x() - arc, centre.y() - arc, 2 * arc, 2 * arc);
        painter.drawArc(box, 30 * 16, 120 * 16);
        painter.drawArc(box, 210 * 16, 120 * 16);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        const qreal head = mark.widthF() * 1.3;
        for (const qreal degrees : {30.0, 210.0}) {
            const qreal a = degrees * M_PI / 180.0;
            const QPointF tip(centre.x() + arc * std::cos(a), centre.y() - arc * std::sin(a));
            // Pointing along the turn (clockwise on screen).
            const QPointF along(std::sin(a), std::cos(a));
            const QPointF across(std::cos(a), -std::sin(a));
            QPainterPath arrow;
            arrow.moveTo(tip + along * head);
            arrow.lineTo(tip + across * head);
            arrow.lineTo(tip - across * head);
            arrow.closeSubpath();
            painter.drawPath(arrow);
        }
        break;
    }
    case TrayState::Look::Paused: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        const qreal barWidth = std::max<qreal>(1.0, r * 0.3);
        const qreal barHeight = r * 1.0;
        const qreal gap = std::max<qreal>(1.0, r * 0.25);
        painter.drawRect(QRectF(centre.x() - gap / 2 - barWidth, centre.y() - barHeight / 2, barWidth, barHeight));
        painter.drawRect(QRectF(centre.x() + gap / 2, centre.y() - barHeight / 2, barWidth, barHeight));
        break;
    }
    case TrayState::Look::NeedsAttention: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        const qreal width = std::max<qreal>(1.2, r * 0.32);
        painter.drawRect(QRectF(centre.x() - width / 2, centre.y() - r * 0.6, width, r * 0.75));
        painter.drawRect(QRectF(centre.x() - width / 2, centre.y() + r * 0.3, width, width));
        break;
    }
    case TrayState::Look::Idle:
        break;
    }
}

} // namespace

namespace TrayIconArt {

QIcon icon(TrayState::Look look)
{
    const QIcon base = appIcon();
    if (look == TrayState::Look::Idle) {
        return base;
    }
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = base.pixmap(size, size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        drawBadge(painter, look, size);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace TrayIconArt
