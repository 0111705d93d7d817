#include "ColumnFitter.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QTimer>

#include <algorithm>

ColumnFitter::ColumnFitter(QTableView* view, int stretchColumn)
    : QObject(view)
    , m_view(view)
    , m_stretchColumn(stretchColumn)
    , m_timer(new QTimer(this))
{
    // Coalesced: a repaint of many rows or a drag of the window edge fits
    // once, before the next paint.
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &ColumnFitter::fit);

    QHeaderView* header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Fixed);
    header->setMinimumSectionSize(0);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);

    QAbstractItemModel* model = m_view->model();
    connect(model, &QAbstractItemModel::dataChanged, this, &ColumnFitter::scheduleFit);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ColumnFitter::scheduleFit);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ColumnFitter::scheduleFit);
    connect(model, &QAbstractItemModel::modelReset, this, &ColumnFitter::scheduleFit);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ColumnFitter::scheduleFit);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &ColumnFitter::scheduleFit);
    scheduleFit();
}

void ColumnFitter::setStretchMinimum(int width)
{
    m_stretchMinimum = width;
    scheduleFit();
}

void ColumnFitter::addElidable(int column, int minimumWidth, int stage)
{
    m_elidable << column;
    m_minimum.insert(column, minimumWidth);
    m_stage.insert(column, stage);
    scheduleFit();
}

bool ColumnFitter::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::Resize:
        if (watched == m_view->viewport()) {
            // At once, not coalesced: the view paints right after a resize.
            fit();
        }
        break;
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::Show:
        scheduleFit();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void ColumnFitter::scheduleFit()
{
    m_timer->start();
}

int ColumnFitter::headerWidth(int column) const
{
    // The header's own hint keeps room for a sort arrow in every section;
    // only the sorted one shows it, and eight arrows' room is what pushed
    // columns out of an 800 px window.
    const QHeaderView* header = m_view->horizontalHeader();
    QStyleOptionHeader option;
    option.initFrom(header);
    option.section = column;
    option.orientation = Qt::Horizontal;
    option.text = m_view->model()->headerData(column, Qt::Horizontal).toString();
    option.fontMetrics = header->fontMetrics();
    QSize headerSize = header->style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), header);
    if (header->isSortIndicatorShown() && header->sortIndicatorSection() == column) {
        headerSize.rwidth() +=
            headerSize.height() + header->style()->pixelMetric(QStyle::PM_HeaderMargin, &option, header);
    }
    return headerSize.width();
}

int ColumnFitter::contentWidth(int column) const
{
    // QTableView hides sizeHintForColumn; QAbstractItemView's is public.
    const QAbstractItemView* view = m_view;
    return std::max(headerWidth(column), view->sizeHintForColumn(column));
}

void ColumnFitter::fit()
{
    const QAbstractItemModel* model = m_view->model();
    if (!model) {
        return;
    }
    const int columns = model->columnCount();
    QList<int> widths(columns, 0);
    int total = 0;
    for (int column = 0; column < columns; ++column) {
        if (!m_view->isColumnHidden(column)) {
            widths[column] = contentWidth(column);
            total += widths[column];
        }
    }
    const int available = m_view->viewport()->width();
    int deficit = total - available;
    // Too narrow: the elidable columns give up room first, stage by stage,
    // each in proportion to what it has above its minimum (so one long
    // address does not leave its neighbour with three letters); then the
    // name. An elided column still shows its whole header.
    QList<int> stages = m_stage.values();
    std::sort(stages.begin(), stages.end());
    stages.erase(std::unique(stages.begin(), stages.end()), stages.end());
    for (const int stage : std::as_const(stages)) {
        if (deficit <= 0) {
            break;
        }
        QHash<int, int> minimum;
        int spare = 0;
        for (const int column : std::as_const(m_elidable)) {
            if (m_stage.value(column) == stage) {
                minimum.insert(column, std::max(m_minimum.value(column), headerWidth(column)));
                spare += std::max(0, widths[column] - minimum.value(column));
            }
        }
        if (spare == 0) {
            continue;
        }
        const int taken = std::min(deficit, spare);
        int left = taken;
        for (auto it = minimum.cbegin(); it != minimum.cend(); ++it) {
            const int above = std::max(0, widths[it.key()] - it.value());
            const int give = std::min({left, above, static_cast<int>((qint64(taken) * above + spare - 1) / spare)});
            widths[it.key()] -= give;
            left -= give;
        }
        deficit -= taken - left;
    }
    if (deficit > 0) {
        const int give = std::clamp(widths[m_stretchColumn] - m_stretchMinimum, 0, deficit);
        widths[m_stretchColumn] -= give;
        deficit -= give;
    }
    if (deficit < 0) {
        widths[m_stretchColumn] -= deficit; // the room left over
    }
    QHeaderView* header = m_view->horizontalHeader();
    for (int column = 0; column < columns; ++column) {
        if (!m_view->isColumnHidden(column) && header->sectionSize(column) != widths[column]) {
            header->resizeSection(column, widths[column]);
        }
    }
}
