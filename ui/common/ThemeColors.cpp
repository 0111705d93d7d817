#include "ThemeColors.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

#include <algorithm>
#include <cmath>
#include <utility>

namespace {

constexpr double MinimumRatio = 4.5;
// Non-text contrast (WCAG 2.1, 1.4.11): focus indicators and control borders.
constexpr double NonTextRatio = 3.0;
const auto FollowerName = QStringLiteral("ThemeColorsFollower");

double channel(double value)
{
    return value <= 0.04045 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

bool readsOn(const QColor& color, const QPalette& palette, double ratio = MinimumRatio)
{
    return ThemeColors::contrastRatio(color, palette.color(QPalette::Window)) >= ratio
        && ThemeColors::contrastRatio(color, palette.color(QPalette::Base)) >= ratio;
}

QColor mix(const QColor& from, const QColor& to, double amount)
{
    const auto blend = [amount](double a, double b) { return a + (b - a) * amount; };
    return QColor::fromRgbF(static_cast<float>(blend(from.redF(), to.redF())),
                            static_cast<float>(blend(from.greenF(), to.greenF())),
                            static_cast<float>(blend(from.blueF(), to.blueF())));
}

// The colour, or the nearest one towards black (light palette) or white
// (dark palette), that stands out at `ratio` against Window and Base.
QColor movedUntil(const QColor& preferred, const QPalette& palette, double ratio)
{
    const QColor target = ThemeColors::isDark(palette) ? QColor(Qt::white) : QColor(Qt::black);
    for (int step = 0; step <= 20; ++step) {
        const QColor candidate = mix(preferred, target, step / 20.0);
        if (readsOn(candidate, palette, ratio)) {
            return candidate;
        }
    }
    // Window and Base too far apart for any colour: the theme's own text.
    return palette.color(QPalette::WindowText);
}

// Keeps a widget's text colour in step with its palette. Only WindowText and
// Text are set on the widget, so Window and Base still come from the parent
// and the application, and a palette change reaches this filter.
class Follower : public QObject
{
public:
    Follower(QWidget* widget, std::function<QColor(const QPalette&)> colorFor)
        : QObject(widget)
        , m_widget(widget)
        , m_colorFor(std::move(colorFor))
    {
        setObjectName(FollowerName);
        widget->installEventFilter(this);
        update();
    }

    void setColorFor(std::function<QColor(const QPalette&)> colorFor)
    {
        m_colorFor = std::move(colorFor);
        update();
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_widget
            && (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange
                || event->type() == QEvent::ParentChange)) {
            update();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void update()
    {
        // Our own WindowText must not feed back (secondary text is mixed
        // from it): the text colours come from where the widget inherits.
        const QPalette current = m_widget->palette();
        const QPalette inherited =
            m_widget->parentWidget() ? m_widget->parentWidget()->palette() : QApplication::palette(m_widget);
        QPalette basis = current;
        basis.setColor(QPalette::WindowText, inherited.color(QPalette::WindowText));
        basis.setColor(QPalette::Text, inherited.color(QPalette::Text));
        const QColor color = m_colorFor(basis);
        if (current.color(QPalette::WindowText) == color && current.color(QPalette::Text) == color) {
            return; // also ends the PaletteChange our own setPalette() sends
        }
        QPalette palette;
        palette.setColor(QPalette::WindowText, color);
        palette.setColor(QPalette::Text, color);
        m_widget->setPalette(palette);
    }

    QWidget* m_widget;
    std::function<QColor(const QPalette&)> m_colorFor;
};

} // namespace

namespace ThemeColors {

double relativeLuminance(const QColor& color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool isDark(const QPalette& palette)
{
    return relativeLuminance(palette.color(QPalette::Window)) < 0.18;
}

QColor readable(const QColor& preferred, const QPalette& palette)
{
    return movedUntil(preferred, palette, MinimumRatio);
}

QColor focusRing(const QPalette& palette)
{
    return movedUntil(palette.color(QPalette::Highlight), palette, NonTextRatio);
}

QColor focusRing(const QPalette& palette, const QColor& background)
{
    const QColor ring = focusRing(palette);
    if (!background.isValid() || contrastRatio(ring, background) >= NonTextRatio) {
        return ring;
    }
    QColor best = ring;
    for (const auto role : {QPalette::HighlightedText, QPalette::WindowText, QPalette::Base}) {
        const QColor candidate = palette.color(role);
        if (contrastRatio(candidate, background) > contrastRatio(best, background)) {
            best = candidate;
        }
    }
    return best;
}

QColor errorText(const QPalette& palette)
{
    return readable(isDark(palette) ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28), palette);
}

QColor successText(const QPalette& palette)
{
    return readable(isDark(palette) ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x6e, 0x20), palette);
}

QColor warningText(const QPalette& palette)
{
    return readable(isDark(palette) ? QColor(0xff, 0xb7, 0x4d) : QColor(0x8a, 0x4b, 0x00), palette);
}

QColor secondaryText(const QPalette& palette)
{
    // A third of the way from the text towards the window, then back
    // towards the text until it reads.
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    for (int step = 0; step <= 10; ++step) {
        const QColor candidate = mix(window, text, 0.65 + 0.035 * step);
        if (readsOn(candidate, palette)) {
            return candidate;
        }
    }
    return text;
}

QColor searchMatchBackground(const QPalette& palette)
{
    return isDark(palette) ? QColor(0x7a, 0x5c, 0x00) : QColor(0xff, 0xe0, 0x66);
}

QColor searchMatchText(const QPalette& palette)
{
    const QColor background = searchMatchBackground(palette);
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    return contrastRatio(black, background) >= contrastRatio(white, background) ? black : white;
}

QColor statusText(IngestionSource::Status status, const QPalette& palette)
{
    switch (status) {
    case IngestionSource::Status::Importing:
        return readable(isDark(palette) ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1f, 0x5f, 0xbf), palette);
    case IngestionSource::Status::Active:
        return successText(palette);
    case IngestionSource::Status::Paused:
        return secondaryText(palette);
    case IngestionSource::Status::Error:
        return errorText(palette);
    }
    return palette.color(QPalette::WindowText);
}

QColor color(Role role, const QPalette& palette)
{
    switch (role) {
    case Role::Error:
        return errorText(palette);
    case Role::Success:
        return successText(palette);
    case Role::Warning:
        return warningText(palette);
    case Role::Secondary:
        return secondaryText(palette);
    }
    return palette.color(QPalette::WindowText);
}

void apply(QWidget* widget, Role role)
{
    apply(widget, [role](const QPalette& palette) { return color(role, palette); });
}

void apply(QWidget* widget, std::function<QColor(const QPalette&)> colorFor)
{
    // Follower has no Q_OBJECT (nothing to moc), so it is found by name.
    if (auto* follower = widget->findChild<QObject*>(FollowerName, Qt::FindDirectChildrenOnly)) {
        static_cast<Follower*>(follower)->setColorFor(std::move(colorFor));
        return;
    }
    new Follower(widget, std::move(colorFor));
}

void clear(QWidget* widget)
{
    delete widget->findChild<QObject*>(FollowerName, Qt::FindDirectChildrenOnly);
    widget->setPalette(QPalette());
}

} // namespace ThemeColors
