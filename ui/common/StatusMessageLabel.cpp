#include "StatusMessageLabel.h"

#include <QAccessible>
#include <QTimer>

StatusMessageLabel::StatusMessageLabel(QWidget* parent)
    : QLabel(parent)
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("statusMessage"));
    setTextFormat(Qt::PlainText);
    // The whole message in one line; the summary next to it keeps its room.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &StatusMessageLabel::clearMessage);
}

StatusMessageLabel::~StatusMessageLabel() = default;

void StatusMessageLabel::showMessage(const QString& text, int timeoutMs)
{
    setText(text);
    setToolTip(text); // cut off in a narrow window, whole on hover
    setAccessibleName(text);
    QAccessibleEvent changed(this, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&changed);
    if (timeoutMs > 0) {
        m_timer->start(timeoutMs);
    } else {
        m_timer->stop();
    }
}

void StatusMessageLabel::clearMessage()
{
    m_timer->stop();
    clear();
    setToolTip(QString());
    // Cleared silently: the reader has nothing to say about an empty line.
    setAccessibleName(QString());
}
