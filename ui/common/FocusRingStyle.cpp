#include "FocusRingStyle.h"

#include "ThemeColors.h"

#include <QApplication>
#include <QPainter>
#include <QPushButton>
#include <QStyleFactory>
#include <QStyleOption>

FocusRingStyle::FocusRingStyle(QStyle* baseStyle)
    : QProxyStyle(baseStyle)
{
}

FocusRingStyle::~FocusRingStyle() = default;

void FocusRingStyle::install()
{
    // QApplication owns the style; a second install would wrap the first.
    if (!qobject_cast<FocusRingStyle*>(QApplication::style())) {
        // A fresh instance of the style in use (a proxy takes its base over),
        // not Qt's desktop default: "-style" and QT_STYLE_OVERRIDE still count.
        QApplication::setStyle(new FocusRingStyle(QStyleFactory::create(QApplication::style()->name())));
    }
}

void FocusRingStyle::drawPrimitive(PrimitiveElement element,
                                   const QStyleOption* option,
                                   QPainter* painter,
                                   const QWidget* widget) const
{
    const bool focused = option->state & State_HasFocus;
    switch (element) {
    case PE_FrameFocusRect:
        // A push button has its ring on its panel already (below); a second,
        // inner one around the label would only add noise.
        if (!qobject_cast<const QPushButton*>(widget)) {
            const auto* focus = qstyleoption_cast<const QStyleOptionFocusRect*>(option);
            // An item view's current cell: drawn on its row's Highlight
            // when selected, where a Highlight ring would not show.
            drawRing(option, option->rect, painter, focus ? focus->backgroundColor : QColor());
        }
        return;
    case PE_PanelButtonCommand:
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if (focused) {
            drawRing(option, option->rect, painter);
        }
        return;
    case PE_PanelLineEdit: {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        // A frameless line edit inside a combo or spin box: the box draws
        // the ring around itself.
        const auto* frame = qstyleoption_cast<const QStyleOptionFrame*>(option);
        if (focused && frame && frame->lineWidth > 0) {
            drawRing(option, option->rect, painter);
        }
        return;
    }
    default:
        QProxyStyle::drawPrimitive(element, option, painter, widget);
    }
}

void FocusRingStyle::drawComplexControl(ComplexControl control,
                                        const QStyleOptionComplex* option,
                                        QPainter* painter,
                                        const QWidget* widget) const
{
    QProxyStyle::drawComplexControl(control, option, painter, widget);
    const bool framed = control == CC_ComboBox || control == CC_SpinBox || control == CC_ToolButton;
    if (framed && (option->state & State_HasFocus)) {
        drawRing(option, option->rect, painter);
    }
}

void FocusRingStyle::drawRing(const QStyleOption* option,
                              const QRect& rect,
                              QPainter* painter,
                              const QColor& background)
{
    if (rect.width() <= 2 * RingWidth || rect.height() <= 2 * RingWidth) {
        return;
    }
    painter->save();
    // Straight edges on whole pixels: a 2-px pen centred 1 px inside the
    // rectangle covers its outer two pixel rows exactly, in the pure colour.
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(
        ThemeColors::focusRing(option->palette, background), RingWidth, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(QRectF(rect).adjusted(1, 1, -1, -1));
    painter->restore();
}
