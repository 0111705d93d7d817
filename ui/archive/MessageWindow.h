#pragma once

#include "archive/MessageDocument.h"

#include <QWidget>

class ArchiveQueryRunner;
class MessageView;

// A message in a window of its own (Enter or double-click in the list, or an
// attached message). Closes with Escape or Ctrl+W; several can be open.
class MessageWindow : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageWindow)

public:
    explicit MessageWindow(ArchiveQueryRunner* runner, QWidget* parent = nullptr);

    void showMessage(qint64 messageId);
    void showDocument(const MessageDocument& document);
    MessageView* view() const;

private:
    MessageView* m_view;
};
