#pragma once

#include <QHash>
#include <QTextBrowser>

// Shows a message body and fetches nothing: QTextDocument asks loadResource
// for every image and style sheet, and this answers only with the message's
// own cid: parts and data: images. Links never open by themselves
// (setOpenLinks(false)); the view says where a link goes and opens it in
// the browser only when the user clicks it.
class MessageBodyBrowser : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBodyBrowser)

public:
    explicit MessageBodyBrowser(QWidget* parent = nullptr);

    // The images the HTML refers to by cid: (lower-case content ids).
    void setInlineImages(const QHash<QString, QByteArray>& images);

    // HTML mail is written for a white page, with its own (mostly dark)
    // colours and none for the background: on a dark theme's base it would
    // be dark on dark. Like every mail client, it gets a white page with
    // black default text; a plain-text body follows the theme.
    void setHtmlPage(bool htmlMail);

    // Every resource asked for that was not served (for tests and the
    // count of blocked content).
    int refusedResources() const;

    QVariant loadResource(int type, const QUrl& name) override;

private:
    QHash<QString, QByteArray> m_images;
    int m_refused = 0;
};
