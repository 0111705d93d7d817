#pragma once

#include "archive/LatestQuery.h"
#include "archive/MessageDocument.h"

#include <QWidget>

class AttachmentPanel;
class MessageBodyBrowser;
class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;

// One message as the preview pane and the message window show it: From, To,
// Cc, Date, Subject, where it was found, the body (sanitized HTML or plain
// text, switchable), how many remote images were not loaded, the
// attachments and Show original. Everything is read and prepared off the UI
// thread; nothing is ever fetched from the network.
class MessageView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageView)

public:
    explicit MessageView(ArchiveQueryRunner* runner, QWidget* parent = nullptr);
    ~MessageView() override;

    // Reads and shows an archived message; 0 shows the empty state.
    void showMessage(qint64 messageId);
    // Shows a message prepared already (an attached one).
    void showDocument(const MessageDocument& document);
    void clear();

    qint64 messageId() const;
    const MessageDocument& document() const;
    // The text of the body as shown (for tests and screen readers).
    QString bodyText() const;
    bool isShowingHtml() const;
    // Marks these words (SearchQuery::highlightTerms) in the body of every
    // message shown from now on, and scrolls to the first; none marks none.
    void setHighlightTerms(const QStringList& terms);
    // How many places are marked in the body shown (for tests).
    int highlightCount() const;
    MessageBodyBrowser* bodyBrowser() const;
    AttachmentPanel* attachmentPanel() const;

public slots:
    void setShowHtml(bool html);
    void showOriginal();

signals:
    // The message in view is shown in full (for tests and the window title).
    void documentShown();

private:
    void render();
    void markMatches();
    void openAttachedMessage(const QByteArray& raw, const QString& name);

    ArchiveQueryRunner* m_runner;
    LatestQuery m_load;
    MessageDocument m_document;
    bool m_preferHtml = true;
    QStackedWidget* m_stack;
    QLabel* m_placeholder;
    QLabel* m_subject;
    QLabel* m_from;
    QLabel* m_to;
    QLabel* m_toLabel;
    QLabel* m_cc;
    QLabel* m_ccLabel;
    QLabel* m_date;
    QLabel* m_foundIn;
    QLabel* m_notice;
    QComboBox* m_format;
    QPushButton* m_original;
    MessageBodyBrowser* m_body;
    QLabel* m_linkTarget;
    AttachmentPanel* m_attachments;
    QStringList m_highlightTerms;
};
