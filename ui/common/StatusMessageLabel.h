#pragma once

#include <QLabel>

class QTimer;

// The status bar's message, as a label a screen reader can follow:
// QStatusBar::showMessage() only paints the text and renames the bar, so a
// reader heard nothing. Each message becomes the label's accessible name
// with a NameChanged event (Qt 6.4 has no announcement event; Orca reads a
// name change of a showing label as a live region does).
class StatusMessageLabel : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusMessageLabel)

public:
    explicit StatusMessageLabel(QWidget* parent = nullptr);
    ~StatusMessageLabel() override;

public slots:
    // Shows `text` for `timeoutMs` (0: until the next message).
    void showMessage(const QString& text, int timeoutMs = 10000);
    void clearMessage();

private:
    QTimer* m_timer;
};
