#include "PaintedIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <algorithm>
#include <functional>

namespace {

// The icon in the sizes toolbars and line edits ask for; `draw` paints one
// size s × s with antialiasing on.
QIcon paintedAtSizes(const std::function<void(QPainter& painter, qreal s)>& draw)
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        draw(painter, size);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

namespace PaintedIcons {

QIcon eye(const QColor& color)
{
    return paintedAtSizes([&color](QPainter& painter, qreal s) {
        QPen pen(color, std::max(1.0, s / 12.0));
        painter.setPen(pen);
        // The lids: two arcs meeting at the corners of the eye.
        QPainterPath outline;
        outline.moveTo(s * 0.06, s * 0.5);
        outline.quadTo(s * 0.5, s * 0.06, s * 0.94, s * 0.5);
        outline.quadTo(s * 0.5, s * 0.94, s * 0.06, s * 0.5);
        painter.drawPath(outline);
        // The iris.
        painter.setBrush(color);
        painter.drawEllipse(QPointF(s * 0.5, s * 0.5), s * 0.14, s * 0.14);
    });
}

QIcon pencil(const QColor& color)
{
    return paintedAtSizes([&color](QPainter& painter, qreal s) {
        const qreal line = std::max(1.0, s / 14.0);
        painter.setPen(QPen(color, line, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        // Drawn upright, then turned 45° about the centre: the tip points
        // down-left, as a hand holds it.
        painter.translate(s / 2, s / 2);
        painter.rotate(45);
        const qreal half = s * 0.13; // half the pencil's width
        const qreal top = -s * 0.46;
        const qreal shaft = s * 0.2; // where the sharpened part begins
        const qreal tip = s * 0.46;
        // The body, outlined.
        QPainterPath body;
        body.moveTo(-half, top);
        body.lineTo(half, top);
        body.lineTo(half, shaft);
        body.lineTo(0, tip);
        body.lineTo(-half, shaft);
        body.closeSubpath();
        painter.drawPath(body);
        // The eraser's band and the graphite point, filled.
        painter.drawLine(QPointF(-half, top + s * 0.14), QPointF(half, top + s * 0.14));
        painter.setBrush(color);
        QPainterPath point;
        const qreal graphite = s * 0.12;
        point.moveTo(-half * graphite / (tip - shaft), tip - graphite);
        point.lineTo(half * graphite / (tip - shaft), tip - graphite);
        point.lineTo(0, tip);
        point.closeSubpath();
        painter.drawPath(point);
    });
}

} // namespace PaintedIcons
