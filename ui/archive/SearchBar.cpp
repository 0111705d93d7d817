#include "SearchBar.h"

#include "common/ThemeColors.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

SearchBar::SearchBar(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_scope(new QToolButton(this))
    , m_bestMatch(new QToolButton(this))
    , m_statusRow(new QWidget(this))
    , m_status(new QLabel(m_statusRow))
    , m_selectAll(new QPushButton(m_statusRow))
    , m_export(new QPushButton(tr("E&xport…"), m_statusRow))
    , m_delete(new QPushButton(tr("Dele&te from Archive…"), m_statusRow))
    , m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("searchBar"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto* row = new QHBoxLayout;
    row->setSpacing(6);
    m_edit->setObjectName(QStringLiteral("searchEdit"));
    m_edit->setAccessibleName(tr("Search mail"));
    //: The search box's hint; Ctrl+K is its shortcut.
    m_edit->setPlaceholderText(tr("Search: words, \"a phrase\", from:, subject:, date:2019… (Ctrl+K)"));
    m_edit->setToolTip(tr("Words match subject, sender, recipients, text and attachment names.\n"
                          "from: to: subject: body: filename: has:attachment in:FOLDER source:NAME\n"
                          "before:2021-06-30 after:2019 date:2019-03..2020-01 larger:5M smaller:100K\n"
                          "\"a phrase\", prefix*, A OR B, -word, (parentheses)"));
    m_edit->setClearButtonEnabled(true);
    QAction* searchNow =
        m_edit->addAction(style()->standardIcon(QStyle::SP_FileDialogContentsView), QLineEdit::LeadingPosition);
    searchNow->setText(tr("Search now"));
    connect(searchNow, &QAction::triggered, this, &SearchBar::applyNow);
    // The box's own buttons (search, clear) get names a screen reader says.
    for (QToolButton* button : m_edit->findChildren<QToolButton*>()) {
        const QAction* action = button->defaultAction();
        button->setAccessibleName(action == searchNow ? tr("Search now") : tr("Clear the search"));
    }
    m_edit->installEventFilter(this);
    row->addWidget(m_edit, 1);

    m_scope->setObjectName(QStringLiteral("searchScopeChip"));
    m_scope->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_scope->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_scope->setLayoutDirection(Qt::RightToLeft); // the ✕ after the name, as on a chip
    m_scope->setAutoRaise(false);
    m_scope->setToolTip(tr("Searching only here; click to search all mail"));
    m_scope->hide();
    row->addWidget(m_scope);

    m_bestMatch->setObjectName(QStringLiteral("bestMatchButton"));
    m_bestMatch->setText(tr("&Best match first"));
    m_bestMatch->setCheckable(true);
    m_bestMatch->setToolTip(tr("Order the results by how well they match rather than by date"));
    row->addWidget(m_bestMatch);
    layout->addLayout(row);

    auto* statusLayout = new QHBoxLayout(m_statusRow);
    statusLayout->setContentsMargins(0, 0, 0, 0);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusLayout->addWidget(m_status, 1);
    m_selectAll->setObjectName(QStringLiteral("selectAllMatchingButton"));
    m_selectAll->setText(tr("Select all &matching")); // the count joins it once known
    m_selectAll->setFlat(true);
    statusLayout->addWidget(m_selectAll);
    m_export->setObjectName(QStringLiteral("exportResultsButton"));
    m_export->setToolTip(tr("Export the messages found, or the ones selected, as .eml files or an mbox file"));
    statusLayout->addWidget(m_export);
    m_delete->setObjectName(QStringLiteral("deleteRemovedMailButton"));
    m_delete->setToolTip(tr("Delete the selected messages, or all matching, from the archive: mail kept from "
                            "removed sources that no current source holds"));
    m_delete->hide();
    statusLayout->addWidget(m_delete);
    m_statusRow->hide();
    layout->addWidget(m_statusRow);

    m_typing->setSingleShot(true);
    m_typing->setInterval(TypingPauseMs);
    connect(m_typing, &QTimer::timeout, this, &SearchBar::applyNow);
    connect(m_edit, &QLineEdit::textChanged, this, [this] { m_typing->start(); });
    connect(m_edit, &QLineEdit::returnPressed, this, &SearchBar::applyNow);
    connect(m_scope, &QToolButton::clicked, this, &SearchBar::widenScopeRequested);
    connect(m_bestMatch, &QToolButton::toggled, this, &SearchBar::bestMatchToggled);
    connect(m_selectAll, &QPushButton::clicked, this, &SearchBar::selectAllMatchingRequested);
    connect(m_export, &QPushButton::clicked, this, &SearchBar::exportRequested);
    connect(m_delete, &QPushButton::clicked, this, &SearchBar::deleteRequested);
}

SearchBar::~SearchBar() = default;

QLineEdit* SearchBar::edit() const
{
    return m_edit;
}

std::optional<SearchQuery> SearchBar::query() const
{
    return m_query;
}

QString SearchBar::text() const
{
    return m_appliedText;
}

void SearchBar::focusSearch()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void SearchBar::applyNow()
{
    m_typing->stop();
    const QString text = m_edit->text().trimmed();
    const SearchQuery parsed = SearchQuery::parse(text);
    if (!parsed.isValid()) {
        // The results of the last query that could be read stay; the
        // sentence says what to change.
        m_error = parsed.error();
        updateStatus();
        return;
    }
    m_error.clear();
    std::optional<SearchQuery> next;
    if (!parsed.isEmpty()) {
        next = parsed;
    }
    if (text == m_appliedText && next.has_value() == m_query.has_value()) {
        updateStatus();
        return;
    }
    m_appliedText = next ? text : QString();
    m_query = next;
    m_outcome.clear();
    m_count = -1;
    m_allSelected = false;
    updateStatus();
    emit searchChanged();
}

void SearchBar::clearSearch()
{
    m_edit->clear();
    applyNow();
}

void SearchBar::setScope(const QString& title, bool narrowed)
{
    //: The search's scope chip: %1 is a source or "Source › Folder".
    m_scope->setText(tr("in %1").arg(title));
    m_scope->setAccessibleName(tr("Searching only in %1. Press to search all mail.").arg(title));
    m_scope->setVisible(narrowed && m_query.has_value());
    m_scopeNarrowed = narrowed;
}

void SearchBar::setCount(qint64 count)
{
    m_count = count;
    updateStatus();
}

qint64 SearchBar::count() const
{
    return m_count;
}

void SearchBar::setAllMatchingSelected(bool selected)
{
    m_allSelected = selected;
    updateStatus();
}

void SearchBar::setBestMatch(bool bestMatch)
{
    const QSignalBlocker blocker(m_bestMatch);
    m_bestMatch->setChecked(bestMatch);
}

void SearchBar::setDeleteAvailable(bool available)
{
    if (available != m_deleteAvailable) {
        m_deleteAvailable = available;
        m_count = -1;
        m_allSelected = false;
        updateStatus();
    }
}

void SearchBar::showOutcome(const QString& text, bool isError)
{
    m_outcome = text;
    m_outcomeIsError = isError;
    updateStatus();
}

void SearchBar::updateStatus()
{
    const bool searching = m_query.has_value();
    // The count and the list's actions: for a search, and for the mail of
    // removed sources, which can be deleted.
    const bool listed = searching || m_deleteAvailable;
    m_statusRow->setVisible(listed || !m_error.isEmpty() || !m_outcome.isEmpty());
    m_scope->setVisible(searching && m_scopeNarrowed);
    m_selectAll->setVisible(false);
    m_export->setVisible(searching && m_error.isEmpty());
    m_delete->setVisible(m_deleteAvailable && m_error.isEmpty() && m_count != 0);
    const QString shown = !m_error.isEmpty() ? m_error : m_outcome;
    if (!shown.isEmpty()) {
        m_status->setText(shown);
        m_status->setAccessibleName(shown);
        if (m_error.isEmpty() && !m_outcomeIsError) {
            ThemeColors::apply(m_status, ThemeColors::Role::Success);
        } else {
            ThemeColors::apply(m_status, ThemeColors::Role::Error);
        }
        return;
    }
    ThemeColors::apply(m_status, ThemeColors::Role::Secondary);
    QString text;
    const QLocale locale;
    if (!listed) {
        text.clear();
    } else if (m_count < 0) {
        text = searching ? tr("Searching…") : tr("Counting…");
    } else if (m_count > CountCap) {
        //: A search's count when counting on would take long; %1 is 10,000.
        text = tr("More than %1 messages").arg(locale.toString(CountCap));
    } else {
        text = tr("%Ln message(s)", nullptr, static_cast<int>(m_count));
    }
    if (listed && m_count > 1) {
        if (m_allSelected) {
            text += QStringLiteral(" · ")
                + (m_count > CountCap
                       ? tr("All matching messages are selected.")
                       : tr("All %Ln matching messages are selected.", nullptr, static_cast<int>(m_count)));
        } else {
            m_selectAll->setText(m_count > CountCap
                                     ? tr("Select all &matching")
                                     : tr("Select all %Ln &matching", nullptr, static_cast<int>(m_count)));
            m_selectAll->setVisible(true);
        }
    }
    m_status->setText(text);
    m_status->setAccessibleName(text);
}

bool SearchBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && event->type() == QEvent::ShortcutOverride) {
        // On X11 a line edit takes Ctrl+K (delete to the end of the line)
        // for itself; here it stays the window's search key (select the
        // query to type over), as Ctrl+F does.
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::ControlModifier && (key->key() == Qt::Key_K || key->key() == Qt::Key_F)) {
            return true; // not accepted: the shortcut gets it
        }
    }
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape) {
            if (!m_edit->text().isEmpty()) {
                clearSearch();
            } else {
                emit leaveRequested();
            }
            return true;
        }
        if (key->key() == Qt::Key_Down) {
            applyNow();
            emit leaveRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
