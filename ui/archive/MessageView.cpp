#include "MessageView.h"

#include "AttachmentPanel.h"
#include "MessageBodyBrowser.h"
#include "MessageWindow.h"
#include "RawMessageDialog.h"
#include "common/ThemeColors.h"
#include "search/SearchHighlighter.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace {

QLabel* headerValue(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}

QString addressList(const QList<MailAddress>& addresses)
{
    QStringList parts;
    for (const MailAddress& address : addresses) {
        parts << address.toDisplayString();
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

MessageView::MessageView(ArchiveQueryRunner* runner, QWidget* parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_load(runner)
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_subject(headerValue(this, QStringLiteral("messageSubject")))
    , m_from(headerValue(this, QStringLiteral("messageFrom")))
    , m_to(headerValue(this, QStringLiteral("messageTo")))
    , m_toLabel(new QLabel(tr("To:"), this))
    , m_cc(headerValue(this, QStringLiteral("messageCc")))
    , m_ccLabel(new QLabel(tr("Cc:"), this))
    , m_date(headerValue(this, QStringLiteral("messageDate")))
    , m_foundIn(headerValue(this, QStringLiteral("messageFoundIn")))
    , m_notice(new QLabel(this))
    , m_format(new QComboBox(this))
    , m_original(new QPushButton(tr("Show &Original"), this))
    , m_body(new MessageBodyBrowser(this))
    , m_linkTarget(new QLabel(this))
    , m_attachments(new AttachmentPanel(runner, this))
{
    setObjectName(QStringLiteral("MessageView"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    m_placeholder->setObjectName(QStringLiteral("messagePlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    ThemeColors::apply(m_placeholder, ThemeColors::Role::Secondary);
    m_stack->addWidget(m_placeholder);

    // In a scroll area: a small window still shows all of it, and the
    // preview pane asks for no more height than the window can give.
    auto* scroll = new QScrollArea(m_stack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto* page = new QWidget(scroll);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 6, 8, 6);
    QFont subjectFont = m_subject->font();
    subjectFont.setPointSizeF(subjectFont.pointSizeF() * 1.25);
    subjectFont.setBold(true);
    m_subject->setFont(subjectFont);
    m_subject->setAccessibleName(tr("Subject"));
    layout->addWidget(m_subject);

    auto* headers = new QFormLayout;
    headers->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    headers->setRowWrapPolicy(QFormLayout::DontWrapRows);
    headers->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    const auto addRow = [&](QLabel* label, QLabel* value, const QString& name) {
        ThemeColors::apply(label, ThemeColors::Role::Secondary);
        label->setBuddy(value);
        value->setAccessibleName(name);
        headers->addRow(label, value);
    };
    addRow(new QLabel(tr("From:"), page), m_from, tr("From"));
    addRow(m_toLabel, m_to, tr("To"));
    addRow(m_ccLabel, m_cc, tr("Cc"));
    addRow(new QLabel(tr("Date:"), page), m_date, tr("Date"));
    addRow(new QLabel(tr("Found in:"), page), m_foundIn, tr("Found in"));
    layout->addLayout(headers);

    auto* bar = new QHBoxLayout;
    m_notice->setObjectName(QStringLiteral("messageNotice"));
    m_notice->setWordWrap(true);
    ThemeColors::apply(m_notice, ThemeColors::Role::Secondary);
    bar->addWidget(m_notice, 1);
    m_notice->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addStretch(0);
    m_format->setObjectName(QStringLiteral("messageFormat"));
    m_format->addItem(tr("Formatted (HTML)"), true);
    m_format->addItem(tr("Plain text"), false);
    m_format->setAccessibleName(tr("Show the message as"));
    m_format->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_format->setToolTip(tr("Show the message as formatted HTML or as plain text"));
    bar->addWidget(m_format);
    m_original->setObjectName(QStringLiteral("showOriginalButton"));
    m_original->setToolTip(tr("The message exactly as archived, with Save as .eml"));
    bar->addWidget(m_original);
    layout->addLayout(bar);

    m_body->setObjectName(QStringLiteral("messageBody"));
    m_body->setAccessibleName(tr("Message text"));
    m_body->setFrameShape(QFrame::StyledPanel);
    m_body->setMinimumHeight(fontMetrics().height() * 8);
    // The attachments above the text: in view without scrolling, however
    // long the message.
    layout->addWidget(m_attachments);
    layout->addWidget(m_body, 1);
    m_linkTarget->setObjectName(QStringLiteral("linkTarget"));
    m_linkTarget->setTextFormat(Qt::PlainText);
    m_linkTarget->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    ThemeColors::apply(m_linkTarget, ThemeColors::Role::Secondary);
    layout->addWidget(m_linkTarget);
    scroll->setWidget(page);
    m_stack->addWidget(scroll);

    connect(m_format, &QComboBox::activated, this, [this] { setShowHtml(m_format->currentData().toBool()); });
    connect(m_original, &QPushButton::clicked, this, &MessageView::showOriginal);
    // Hovering or tabbing to a link says where it really goes; a click opens
    // it in the browser, never in this window.
    connect(m_body, qOverload<const QUrl&>(&QTextBrowser::highlighted), this, [this](const QUrl& url) {
        m_linkTarget->setText(url.isEmpty() ? QString() : tr("Link to %1").arg(url.toDisplayString()));
    });
    connect(m_body, &QTextBrowser::anchorClicked, this, [](const QUrl& url) {
        const QString scheme = url.scheme().toLower();
        if (scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("mailto")) {
            QDesktopServices::openUrl(url);
        }
    });
    connect(m_attachments, &AttachmentPanel::openMessageRequested, this, &MessageView::openAttachedMessage);
    clear();
}

MessageView::~MessageView() = default;

void MessageView::clear()
{
    m_load.cancel();
    m_document = MessageDocument();
    m_placeholder->setText(tr("Select a message to read it."));
    m_stack->setCurrentIndex(0);
}

void MessageView::showMessage(qint64 messageId)
{
    if (messageId == 0) {
        clear();
        return;
    }
    if (messageId == m_document.id && m_stack->currentIndex() == 1) {
        return;
    }
    m_load.run(
        ArchiveQueryRunner::Lane::Interactive,
        this,
        [messageId](const ArchiveReader& reader) { return MessageDocument::load(reader, messageId); },
        [this](const MessageDocument& document) { showDocument(document); });
}

void MessageView::showDocument(const MessageDocument& document)
{
    m_document = document;
    if (!document.error.isEmpty()) {
        m_placeholder->setText(document.error);
        m_stack->setCurrentIndex(0);
        emit documentShown();
        return;
    }
    const ParsedMessage& parsed = document.parsed;
    m_subject->setText(parsed.subject.isEmpty() ? tr("(no subject)") : parsed.subject);
    m_from->setText(parsed.from.toDisplayString());
    m_to->setText(addressList(parsed.to));
    m_to->setVisible(!parsed.to.isEmpty());
    m_toLabel->setVisible(!parsed.to.isEmpty());
    m_cc->setText(addressList(parsed.cc));
    m_cc->setVisible(!parsed.cc.isEmpty());
    m_ccLabel->setVisible(!parsed.cc.isEmpty());
    m_date->setText(parsed.date.isValid() ? QLocale().toString(parsed.date.toLocalTime(), QLocale::LongFormat)
                                          : tr("unknown"));
    QStringList places;
    for (const MessageLocation& location : document.locations) {
        QString place = QStringLiteral("%1 › %2").arg(location.sourceName, location.folderPath);
        if (location.deletedOnServer) {
            place = tr("%1 (deleted on the server)").arg(place);
        }
        if (!places.contains(place)) {
            places << place;
        }
    }
    m_foundIn->setText(document.id == 0 ? tr("attached to another message") : places.join(QStringLiteral("; ")));

    // Inline images the HTML shows are not listed again as attachments.
    QList<AttachmentInfo> listed;
    for (const AttachmentInfo& attachment : parsed.attachments) {
        if (!attachment.contentId.isEmpty() && document.inlineImages.contains(attachment.contentId.toLower())) {
            continue;
        }
        listed << attachment;
    }
    m_attachments->setAttachments(document.id, listed, document.raw);
    m_attachments->setVisible(!listed.isEmpty());
    m_format->setVisible(document.hasHtml);
    m_body->setInlineImages(document.inlineImages);
    render();
    m_stack->setCurrentIndex(1);
    emit documentShown();
}

void MessageView::render()
{
    const bool html = m_preferHtml && m_document.hasHtml;
    m_format->setCurrentIndex(html ? 0 : 1);
    m_linkTarget->clear();
    m_body->setHtmlPage(html);
    if (html) {
        m_body->setHtml(m_document.html);
    } else {
        m_body->setPlainText(m_document.parsed.bodyText);
    }
    QStringList notes;
    if (html && m_document.blockedRemoteImages > 0) {
        notes << tr("%n remote image(s) not loaded: the archive never contacts other servers.",
                    nullptr,
                    m_document.blockedRemoteImages);
    }
    if (html && m_document.htmlTruncated) {
        notes << tr("Only the beginning of this very long message is shown; Show Original has all of it.");
    }
    if (m_document.parsed.status != ParsedMessage::Status::Ok && !m_document.parsed.problems.isEmpty()) {
        // The reader's own words ("The Date header is more than a day in the
        // future…"), not a vague "damaged": the bytes themselves are intact.
        notes << tr("Read with %n problem(s): %1 Show Original has the exact bytes.",
                    nullptr,
                    static_cast<int>(m_document.parsed.problems.size()))
                     .arg(m_document.parsed.problems.first());
    }
    m_notice->setText(notes.join(QLatin1Char(' ')));
    m_notice->setVisible(!notes.isEmpty());
    m_body->setAccessibleDescription(m_notice->text());
    markMatches();
}

void MessageView::setHighlightTerms(const QStringList& terms)
{
    if (terms == m_highlightTerms) {
        return;
    }
    m_highlightTerms = terms;
    if (m_stack->currentIndex() == 1) {
        markMatches();
    }
}

int MessageView::highlightCount() const
{
    return static_cast<int>(m_body->extraSelections().size());
}

void MessageView::markMatches()
{
    // Extra selections colour the text without changing the document: Copy
    // and Show Original are not affected.
    QList<QTextEdit::ExtraSelection> marks;
    const SearchHighlighter highlighter(m_highlightTerms);
    if (!highlighter.isEmpty()) {
        QTextCharFormat format;
        format.setBackground(ThemeColors::searchMatchBackground(palette()));
        format.setForeground(ThemeColors::searchMatchText(palette()));
        const QList<SearchHighlighter::Range> ranges = highlighter.find(m_body->document()->toPlainText());
        for (const SearchHighlighter::Range& range : ranges) {
            QTextCursor cursor(m_body->document());
            cursor.setPosition(static_cast<int>(range.start));
            cursor.setPosition(static_cast<int>(range.start + range.length), QTextCursor::KeepAnchor);
            marks.append({cursor, format});
        }
        if (!marks.isEmpty()) {
            // The first match in view, a third of the way down, as a mail
            // client opens a search result; once the text is laid out.
            QTextCursor first = marks.constFirst().cursor;
            first.clearSelection();
            m_body->setTextCursor(first);
            QTimer::singleShot(0, m_body, [body = m_body] {
                const int top = body->cursorRect().top() + body->verticalScrollBar()->value();
                body->verticalScrollBar()->setValue(top - body->viewport()->height() / 3);
            });
        }
    }
    m_body->setExtraSelections(marks);
}

void MessageView::setShowHtml(bool html)
{
    m_preferHtml = html;
    if (m_stack->currentIndex() == 1) {
        render();
    }
}

void MessageView::showOriginal()
{
    RawMessageDialog* dialog = m_document.id != 0
        ? new RawMessageDialog(m_runner, m_document.id, m_document.parsed.subject, window())
        : new RawMessageDialog(m_document.raw, m_document.parsed.subject, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MessageView::openAttachedMessage(const QByteArray& raw, const QString& name)
{
    auto* window = new MessageWindow(m_runner, this->window());
    window->setWindowTitle(name);
    window->show();
    // Parsed and sanitized off the UI thread, like an archived message.
    m_runner->run(
        ArchiveQueryRunner::Lane::Interactive,
        window,
        [raw](const ArchiveReader&) { return MessageDocument::fromRaw(raw); },
        [window](const MessageDocument& document) { window->showDocument(document); });
}

qint64 MessageView::messageId() const
{
    return m_document.id;
}

const MessageDocument& MessageView::document() const
{
    return m_document;
}

QString MessageView::bodyText() const
{
    return m_body->toPlainText();
}

bool MessageView::isShowingHtml() const
{
    return m_preferHtml && m_document.hasHtml;
}

MessageBodyBrowser* MessageView::bodyBrowser() const
{
    return m_body;
}

AttachmentPanel* MessageView::attachmentPanel() const
{
    return m_attachments;
}
