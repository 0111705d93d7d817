#include "MessageListView.h"

#include <QEvent>
#include <QHeaderView>

MessageListView::MessageListView(QWidget* parent)
    : QTableView(parent)
{
    setShowGrid(false);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setTabKeyNavigation(false);
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    updateRowHeight();
}

QHeaderView* MessageListView::header() const
{
    return horizontalHeader();
}

QModelIndex MessageListView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    const QModelIndex current = currentIndex();
    if (!model() || model()->rowCount() == 0) {
        return QTableView::moveCursor(cursorAction, modifiers);
    }
    const int column = current.isValid() ? current.column() : 0;
    switch (cursorAction) {
    // Home and End go to the first and last message, as in a mail client
    // (a table would go to the first and last column of the row).
    case MoveHome:
        return model()->index(0, column);
    case MoveEnd:
        return model()->index(model()->rowCount() - 1, column);
    // A row is one message: left and right have nowhere to go.
    case MoveLeft:
    case MoveRight:
        return current;
    default:
        return QTableView::moveCursor(cursorAction, modifiers);
    }
}

void MessageListView::changeEvent(QEvent* event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        updateRowHeight();
    }
}

void MessageListView::setTwoLineRows(bool twoLines)
{
    if (twoLines != m_twoLines) {
        m_twoLines = twoLines;
        updateRowHeight();
    }
}

void MessageListView::updateRowHeight()
{
    // The height a QTreeView gives a line of text, so the list looks as
    // before and as dense as a mail client's.
    const int height = fontMetrics().height() * (m_twoLines ? 2 : 1) + 6;
    verticalHeader()->setMinimumSectionSize(height);
    verticalHeader()->setDefaultSectionSize(height);
}
