#pragma once

#include "search/SearchQuery.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QToolButton;

// The search box above the message list: searches as the user types
// (after a pause, so a word is not searched letter by letter), within the
// folder or source selected in the tree — a chip names it, and one click
// widens the search to all mail —, best match first on request. Under it,
// while searching: how many messages match (or why the query cannot be
// read, in words), "Select all N matching" and Export….
class SearchBar : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchBar)

public:
    // Above this, the count says "more than": counting every match of a
    // common word in a million messages would keep the number waiting.
    static constexpr qint64 CountCap = 10000;
    // The pause after the last key before a search starts.
    static constexpr int TypingPauseMs = 250;

    explicit SearchBar(QWidget* parent = nullptr);
    ~SearchBar() override;

    QLineEdit* edit() const;
    // The search to show: valid and not blank; none shows the folder.
    std::optional<SearchQuery> query() const;
    QString text() const;

    // What the search is limited to ("Work › INBOX"), and whether that is
    // less than all mail (the chip shows only then).
    void setScope(const QString& title, bool narrowed);
    // The matches counted: `count` up to CountCap + 1; -1 while counting.
    void setCount(qint64 count);
    qint64 count() const;
    // "All 1,204 matching messages are selected" instead of the offer.
    void setAllMatchingSelected(bool selected);
    void setBestMatch(bool bestMatch);
    // The list is mail of removed sources: its count, Select all and
    // "Delete from Archive…" show also without a search.
    void setDeleteAvailable(bool available);
    // Says what a deletion did, or why it failed, until the next search.
    void showOutcome(const QString& text, bool isError);

public slots:
    // Focus in the box, its text selected to be typed over (Ctrl+K).
    void focusSearch();
    // Searches now what the box holds (Enter; tests).
    void applyNow();
    void clearSearch();

signals:
    // query() changed.
    void searchChanged();
    void widenScopeRequested();
    void bestMatchToggled(bool bestMatch);
    void selectAllMatchingRequested();
    void exportRequested();
    void deleteRequested();
    // Down or Escape in the box: the keys go to the list.
    void leaveRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateStatus();

    QLineEdit* m_edit;
    QToolButton* m_scope;
    QToolButton* m_bestMatch;
    QWidget* m_statusRow;
    QLabel* m_status;
    QPushButton* m_selectAll;
    QPushButton* m_export;
    QPushButton* m_delete;
    QString m_outcome;
    bool m_outcomeIsError = false;
    bool m_deleteAvailable = false;
    QTimer* m_typing;
    std::optional<SearchQuery> m_query;
    QString m_appliedText;
    QString m_error;
    qint64 m_count = -1;
    bool m_allSelected = false;
    bool m_scopeNarrowed = false;
};
