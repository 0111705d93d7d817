#pragma once

#include "archive/ArchiveReader.h"
#include "archive/LatestQuery.h"

#include <QAbstractTableModel>
#include <QSet>

class ArchiveQueryRunner;

// The Archive page's message list: one folder, one source or all mail,
// loaded a keyset page at a time as the view scrolls (canFetchMore /
// fetchMore), every page read off the UI thread. A folder of a million
// messages opens with its first page and never holds more rows than were
// scrolled to.
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageListModel)

public:
    enum Column { AttachmentColumn, CorrespondentColumn, SubjectColumn, DateColumn, SizeColumn, ColumnCount };
    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        // While a search is shown: the words to mark (SearchHighlighter), and
        // the line of the body where they were found (or the message's start).
        HighlightTermsRole,
        ExcerptRole,
    };

    static constexpr int PageSize = 200;

    explicit MessageListModel(ArchiveQueryRunner* runner, QObject* parent = nullptr);
    ~MessageListModel() override;

    // Shows these messages (the sort of `query` is replaced by the model's
    // current sort). An empty optional shows nothing.
    void setQuery(const std::optional<MessageListQuery>& query);
    std::optional<MessageListQuery> query() const;

    // New mail arrived: newest-first lists take the rows newer than their
    // first row at the top; other orders keep what they show.
    void refreshNewest();

    // Best match first (a search of words) instead of the column sort;
    // sorting by a column ends it.
    void setRelevanceOrder(bool relevance);
    bool isRelevanceOrder() const;
    // The query is a search.
    bool isSearch() const;

    // True from a new query until its first page arrived.
    bool isLoading() const;
    qint64 messageIdAt(int row) const;
    const MessageSummary* summaryAt(int row) const;
    // The row of a message, -1 when it is not loaded.
    int rowOf(qint64 messageId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // The first page of a new query (or sort) is shown.
    void loaded();
    // The order changed from relevance to a column's, or back.
    void relevanceOrderChanged(bool relevance);
    // The excerpts of the loaded rows have arrived (for tests).
    void excerptsLoaded();

private:
    void requestPage();
    void appendPage(quint64 generation, const MessagePage& page);
    void requestExcerpts();

    ArchiveQueryRunner* m_runner;
    std::optional<MessageListQuery> m_query;
    MessageListQuery::Sort m_sort = MessageListQuery::Sort::Date;
    Qt::SortOrder m_order = Qt::DescendingOrder;
    QList<MessageSummary> m_rows;
    PageCursor m_next;
    bool m_atEnd = true;
    bool m_loading = false;
    quint64 m_generation = 0; // a new query or sort: older pages are dropped
    LatestQuery m_pageQuery;
    LatestQuery m_newestQuery;
    bool m_relevance = false;
    QStringList m_terms; // the search's words, for the delegate
    QHash<qint64, QString> m_excerpts;
    QSet<qint64> m_excerptsAsked;
    qsizetype m_excerptsUpTo = 0; // rows before this have asked for theirs
    LatestQuery m_excerptQuery;
};
