#pragma once

#include <QProxyStyle>

// Draws the keyboard focus as a 2-px ring in ThemeColors::focusRing (the
// palette's Highlight, moved until it stands out at 3:1 against Window and
// Base) around line edits, combo and spin boxes, buttons, and wherever the
// style asks for a focus rectangle (check boxes, tabs, an item view's
// current cell). Fusion's own 1-px outline changed too little and looked
// like the default button's, so two controls seemed focused.
class FocusRingStyle : public QProxyStyle
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FocusRingStyle)

public:
    // Wraps the application's current style (or `baseStyle`, taking it over).
    explicit FocusRingStyle(QStyle* baseStyle = nullptr);
    ~FocusRingStyle() override;

    // Makes this the application's style, around the one in use.
    static void install();
    static constexpr int RingWidth = 2;

    void drawPrimitive(PrimitiveElement element,
                       const QStyleOption* option,
                       QPainter* painter,
                       const QWidget* widget = nullptr) const override;
    void drawComplexControl(ComplexControl control,
                            const QStyleOptionComplex* option,
                            QPainter* painter,
                            const QWidget* widget = nullptr) const override;

private:
    // `background`: what the ring is drawn on when it is not the window's
    // (a selected cell's Highlight), so the ring does not vanish into it.
    static void
    drawRing(const QStyleOption* option, const QRect& rect, QPainter* painter, const QColor& background = QColor());
};
