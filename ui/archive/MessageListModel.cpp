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
    , m_excerptQuery(runner)
{
}

MessageListModel::~MessageListModel() = default;

void MessageListModel::setQuery(const std::optional<MessageListQuery>& query)
{
    m_pageQuery.cancel();
    m_newestQuery.cancel();
    m_excerptQuery.cancel();
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_excerpts.clear();
    m_excerptsAsked.clear();
    m_excerptsUpTo = 0;
    m_query = query;
    m_terms.clear();
    if (m_query) {
        m_query->sort = m_relevance && m_query->search ? MessageListQuery::Sort::Relevance : m_sort;
        m_query->order = m_order;
        if (m_query->search) {
            m_terms = m_query->search->highlightTerms();
        }
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
        requestExcerpts();
    }
    if (first) {
        emit loaded();
    }
}

void MessageListModel::requestExcerpts()
{
    if (m_terms.isEmpty() || m_excerptQuery.isBusy() || m_excerptsUpTo >= m_rows.size()) {
        return;
    }
    // A few at a time, in the order of the list: each reads and parses its
    // message, and the first rows are the ones on screen.
    constexpr qsizetype Chunk = 25;
    QList<qint64> ids;
    for (; m_excerptsUpTo < m_rows.size() && ids.size() < Chunk; ++m_excerptsUpTo) {
        const qint64 id = m_rows.at(m_excerptsUpTo).id;
        if (!m_excerptsAsked.contains(id)) {
            m_excerptsAsked.insert(id);
            ids << id;
        }
    }
    if (ids.isEmpty()) {
        emit excerptsLoaded();
        return;
    }
    const QStringList terms = m_terms;
    const quint64 generation = m_generation;
    m_excerptQuery.run(
        ArchiveQueryRunner::Lane::Background,
        this,
        [ids, terms](const ArchiveReader& reader) { return reader.matchExcerpts(ids, terms, 160); },
        [this, generation](const QHash<qint64, QString>& excerpts) {
            if (generation != m_generation) {
                return;
            }
            m_excerpts.insert(excerpts);
            // One pass over the rows for the chunk (rowOf per message would
            // walk them once per message, on the UI thread).
            for (int row = 0; row < m_rows.size(); ++row) {
                if (excerpts.contains(m_rows.at(row).id)) {
                    emit dataChanged(index(row, SubjectColumn), index(row, SubjectColumn), {ExcerptRole});
                }
            }
            if (m_excerptsUpTo < m_rows.size()) {
                requestExcerpts();
            } else {
                emit excerptsLoaded();
            }
        });
}

void MessageListModel::setRelevanceOrder(bool relevance)
{
    if (relevance == m_relevance) {
        return;
    }
    m_relevance = relevance;
    emit relevanceOrderChanged(relevance);
    if (m_query && m_query->search) {
        setQuery(m_query);
    }
}

bool MessageListModel::isRelevanceOrder() const
{
    return m_relevance;
}

bool MessageListModel::isSearch() const
{
    return m_query && m_query->search;
}

void MessageListModel::refreshNewest()
{
    if (!m_query || m_loading || m_newestQuery.isBusy() || m_query->sort != MessageListQuery::Sort::Date
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
            // Their excerpts: the rows below moved down by as many.
            if (!m_terms.isEmpty()) {
                m_excerptsUpTo = 0;
                requestExcerpts();
            }
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
    if (role == HighlightTermsRole) {
        return index.column() == SubjectColumn ? QVariant(m_terms) : QVariant();
    }
    if (role == ExcerptRole) {
        return m_excerpts.value(message.id, message.snippet);
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
        case SubjectColumn: {
            const QString subject = message.subject.isEmpty() ? tr("(no subject)") : message.subject;
            if (role == Qt::AccessibleTextRole && !m_terms.isEmpty()) {
                //: A search result read aloud: the subject, then the line where the words were found.
                return tr("%1; found: %2").arg(subject, m_excerpts.value(message.id, message.snippet));
            }
            return subject;
        }
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
    if (sort == m_sort && order == m_order && !m_relevance) {
        return;
    }
    m_sort = sort;
    m_order = order;
    if (m_relevance) {
        m_relevance = false;
        emit relevanceOrderChanged(false);
    }
    if (m_query) {
        setQuery(m_query);
    }
}
