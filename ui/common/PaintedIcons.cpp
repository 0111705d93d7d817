#include "PaintedIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace PaintedIcons {

QIcon eye(const QColor& color)
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal s = size;
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
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace PaintedIcons
