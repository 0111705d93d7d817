#include "MessageWindow.h"

#include "MessageView.h"
#include "help/ShortcutCatalog.h"

#include <QAction>
#include <QKeySequence>
#include <QVBoxLayout>

MessageWindow::MessageWindow(ArchiveQueryRunner* runner, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_view(new MessageView(runner, this))
{
    setObjectName(QStringLiteral("MessageWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Message"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    auto* close = new QAction(tr("Close"), this);
    // Ctrl+W spelled out: QKeySequence::Close is empty without a desktop theme.
    close->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_W)});
    close->setProperty(ShortcutCatalog::DescriptionProperty, tr("Close the message window"));
    connect(close, &QAction::triggered, this, &QWidget::close);
    addAction(close);
    connect(m_view, &MessageView::documentShown, this, [this] {
        const QString subject = m_view->document().parsed.subject;
        if (!subject.isEmpty()) {
            setWindowTitle(subject);
        }
    });
    resize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 40);
}

void MessageWindow::showMessage(qint64 messageId)
{
    m_view->showMessage(messageId);
}

void MessageWindow::showDocument(const MessageDocument& document)
{
    m_view->showDocument(document);
}

MessageView* MessageWindow::view() const
{
    return m_view;
}
