#pragma once

#include <QTableView>

class QHeaderView;

// The Archive page's message list: one line per message, the whole row
// selected, keys as in a mail client.
//
// A table rather than a QTreeView over a flat model: a QTreeView lays out
// every loaded row again whenever rows are added, so each page the lazy
// model appends costs more than the one before (70–140 ms of the UI thread
// after 10,000 rows, measured with bench/browse). A table with fixed row
// heights only moves its header's section list.
class MessageListView : public QTableView
{
    Q_OBJECT

public:
    explicit MessageListView(QWidget* parent = nullptr);

    // The column header (QTreeView's name for it).
    QHeaderView* header() const;

    // Rows two lines high: a search's results show, under the subject, the
    // line where the words were found.
    void setTwoLineRows(bool twoLines);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void changeEvent(QEvent* event) override;

private:
    void updateRowHeight();

    bool m_twoLines = false;
};
