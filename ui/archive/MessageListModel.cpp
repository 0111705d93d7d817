#include "MessageListModel.h"

#include "archive/ArchiveQueryRunner.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QStyle>

#include <algorithm>

MessageListModel::MessageListModel(ArchiveQueryRunner* runner, QObject* parent)
    : QAbstractTableModel(parent)
    , m_runner(runner)
    , m_pageQuery(runner)
    , m_newestQuery(runner)
{
}

MessageListModel::~MessageListModel() = default;

void MessageListModel::setQuery(const std::optional<MessageListQuery>& query)
{
    m_pageQuery.cancel();
    m_newestQuery.cancel();
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_query = query;
    if (m_query) {
        m_query->sort = m_sort;
        m_query->order = m_order;
    }
    m_next = {};
    m_atEnd = !m_query.has_value();
    m_loading = m_query.has_value();
    endResetModel();
    if (m_query) {
        requestPage();
    } else {
        emit loaded();
    }
}

std::optional<MessageListQuery> MessageListModel::query() const
{
    return m_query;
}

bool MessageListModel::isLoading() const
{
    return m_loading;
}

void MessageListModel::requestPage()
{
    if (!m_query) {
        return;
    }
    const MessageListQuery query = *m_query;
    const PageCursor after = m_next;
    const quint64 generation = m_generation;
    m_pageQuery.run(
        ArchiveQueryRunner::Lane::Interactive,
        this,
        [query, after](const ArchiveReader& reader) { return reader.page(query, after, PageSize); },
        [this, generation](const MessagePage& page) { appendPage(generation, page); });
}

void MessageListModel::appendPage(quint64 generation, const MessagePage& page)
{
    if (generation != m_generation) {
        return;
    }
    const bool first = m_loading;
    m_loading = false;
    m_atEnd = page.atEnd;
    if (!page.messages.isEmpty()) {
        m_next = page.next;
        beginInsertRows(
            {}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + page.messages.size() - 1));
        m_rows += page.messages;
        endInsertRows();
    }
    if (first) {
        emit loaded();
    }
}

void MessageListModel::refreshNewest()
{
    if (!m_query || m_loading || m_newestQuery.isBusy() || m_sort != MessageListQuery::Sort::Date
        || m_order != Qt::DescendingOrder) {
        return;
    }
    if (m_rows.isEmpty()) {
        if (m_atEnd) {
            setQuery(m_query);
        }
        return;
    }
    // The messages newer than the first row, oldest first: each answer
    // joins the list exactly at its top, so however many arrived, the rows
    // already shown stay where they are and the current one stays current
    // (an import can store hundreds a second; starting over would throw
    // the reader back to the top every few seconds).
    MessageListQuery newer = *m_query;
    newer.order = Qt::AscendingOrder;
    const PageCursor after {m_rows.first().date.toSecsSinceEpoch(), m_rows.first().id};
    const quint64 generation = m_generation;
    m_newestQuery.run(
        ArchiveQueryRunner::Lane::Interactive,
        this,
        [newer, after](const ArchiveReader& reader) { return reader.page(newer, after, PageSize); },
        [this, generation](const MessagePage& page) {
            if (generation != m_generation || page.messages.isEmpty()) {
                return;
            }
            QList<MessageSummary> rows = page.messages;
            std::reverse(rows.begin(), rows.end());
            beginInsertRows({}, 0, static_cast<int>(rows.size() - 1));
            m_rows = rows + m_rows;
            endInsertRows();
            if (!page.atEnd) {
                refreshNewest(); // the next page of what arrived
            }
        });
}

qint64 MessageListModel::messageIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

const MessageSummary* MessageListModel::summaryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int MessageListModel::rowOf(qint64 messageId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == messageId) {
            return row;
        }
    }
    return -1;
}

int MessageListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MessageListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const MessageSummary& message = m_rows.at(index.row());
    const bool sent = m_query && m_query->byRecipients;
    if (role == MessageIdRole) {
        return message.id;
    }
    if (role == Qt::ToolTipRole && index.column() == CorrespondentColumn) {
        return sent
            ? message.recipients
            : (message.fromName.isEmpty() ? message.fromAddress
                                          : QStringLiteral("%1 <%2>").arg(message.fromName, message.fromAddress));
    }
    if (role == Qt::ToolTipRole && index.column() == SubjectColumn && !message.snippet.isEmpty()) {
        return message.snippet;
    }
    if (role == Qt::DecorationRole && index.column() == AttachmentColumn && message.hasAttachments) {
        return QApplication::style()->standardIcon(QStyle::SP_FileIcon);
    }
    if (role == Qt::TextAlignmentRole && index.column() == SizeColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::AccessibleTextRole || role == Qt::DisplayRole) {
        switch (index.column()) {
        case AttachmentColumn:
            if (role == Qt::AccessibleTextRole) {
                return message.hasAttachments ? tr("Has attachments") : tr("No attachments");
            }
            return {};
        case CorrespondentColumn:
            if (sent) {
                return message.recipients.isEmpty() ? tr("(no recipient)") : message.recipients;
            }
            if (!message.fromName.isEmpty()) {
                return message.fromName;
            }
            return message.fromAddress.isEmpty() ? tr("(no sender)") : message.fromAddress;
        case SubjectColumn:
            return message.subject.isEmpty() ? tr("(no subject)") : message.subject;
        case DateColumn:
            return QLocale().toString(message.date.toLocalTime(), QLocale::ShortFormat);
        case SizeColumn:
            return QLocale().formattedDataSize(message.size, 0, QLocale::DataSizeTraditionalFormat);
        default:
            return {};
        }
    }
    return {};
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole || role == Qt::ToolTipRole) {
        switch (section) {
        case AttachmentColumn:
            if (role == Qt::DisplayRole) {
                return {};
            }
            return tr("Attachments");
        case CorrespondentColumn:
            return m_query && m_query->byRecipients ? tr("To") : tr("From");
        case SubjectColumn:
            return tr("Subject");
        case DateColumn:
            return tr("Date");
        case SizeColumn:
            return tr("Size");
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && section == AttachmentColumn) {
        return QApplication::style()->standardIcon(QStyle::SP_FileIcon);
    }
    return {};
}

bool MessageListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_query && !m_atEnd && !m_loading && !m_pageQuery.isBusy();
}

void MessageListModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent)) {
        requestPage();
    }
}

void MessageListModel::sort(int column, Qt::SortOrder order)
{
    MessageListQuery::Sort sort = MessageListQuery::Sort::Date;
    switch (column) {
    case CorrespondentColumn:
        sort = MessageListQuery::Sort::Correspondent;
        break;
    case SubjectColumn:
        sort = MessageListQuery::Sort::Subject;
        break;
    case SizeColumn:
        sort = MessageListQuery::Sort::Size;
        break;
    default:
        sort = MessageListQuery::Sort::Date;
        break;
    }
    if (sort == m_sort && order == m_order) {
        return;
    }
    m_sort = sort;
    m_order = order;
    if (m_query) {
        setQuery(m_query);
    }
}
