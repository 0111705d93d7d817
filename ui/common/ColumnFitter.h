#pragma once

#include <QHash>
#include <QList>
#include <QObject>

class QTableView;
class QTimer;

// Sizes a table's columns to their content and to the view's width, so every
// column stays visible without scrolling sideways: each column gets what its
// header and cells need; the stretch column takes whatever room is left. When
// the view is too narrow for that, the columns that may elide give up room
// first (stage by stage, each in proportion to what it has above its
// minimum); then the stretch column, down to its own. Widths are recomputed when the view is resized and when
// the model's rows or data change (a handful of rows: cheap).
class ColumnFitter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColumnFitter)

public:
    ColumnFitter(QTableView* view, int stretchColumn);

    // The stretch column never gets less than this while others can give.
    void setStretchMinimum(int width);
    // Columns that may be narrower than their content (their text elides or
    // shortens, their tooltip says it in full), never narrower than their
    // header. Stage 0 gives up room first, then stage 1, and so on.
    void addElidable(int column, int minimumWidth, int stage = 0);

    // Recomputes the widths now (normally done on its own, coalesced).
    void fit();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void scheduleFit();
    int headerWidth(int column) const;
    int contentWidth(int column) const;

    QTableView* m_view;
    int m_stretchColumn;
    int m_stretchMinimum = 0;
    QList<int> m_elidable;
    QHash<int, int> m_minimum;
    QHash<int, int> m_stage;
    QTimer* m_timer;
};
