#pragma once

#include "archive/LatestQuery.h"
#include "mime/ParsedMessage.h"

#include <QTemporaryDir>
#include <QWidget>

#include <memory>

class QPushButton;
class QTreeWidget;

// The attachments of the message in view: name, type, size; Save, Save All
// (to a folder, under safe and unique names: hostile names never leave the
// folder), Open (a private temporary copy, opened by the desktop), and an
// attached message opens in a window of its own.
class AttachmentPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttachmentPanel)

public:
    explicit AttachmentPanel(ArchiveQueryRunner* runner, QWidget* parent = nullptr);
    ~AttachmentPanel() override;

    // The archived message `messageId`, or (messageId 0) a message given as
    // its bytes, whose parts are cut from `raw`.
    void setAttachments(qint64 messageId, const QList<AttachmentInfo>& attachments, const QByteArray& raw = {});
    int count() const;

    // Saves the attachments at these rows into `folder`, each under a safe,
    // unused name. Reports the paths written, or an error, through saved().
    void saveInto(const QString& folder, const QList<int>& rows);

public slots:
    void saveSelected();
    void saveAll();
    void openSelected();

signals:
    // An attached message (message/rfc822) to show in a window of its own.
    void openMessageRequested(const QByteArray& raw, const QString& name);
    void saved(const QStringList& paths, const QString& error);

private:
    struct Part
    {
        AttachmentInfo info;
        QByteArray content;
        QString error;
    };
    // Reads the parts off the UI thread (or from the bytes given), then done.
    void withContents(const QList<int>& rows, std::function<void(const QList<Part>&)> done);
    QList<int> selectedRows() const;
    void updateButtons();
    QString displayName(const AttachmentInfo& attachment) const;

    ArchiveQueryRunner* m_runner;
    LatestQuery m_read;
    qint64 m_messageId = 0;
    QByteArray m_raw;
    QList<AttachmentInfo> m_attachments;
    QTreeWidget* m_list;
    QPushButton* m_save;
    QPushButton* m_saveAll;
    QPushButton* m_open;
    std::unique_ptr<QTemporaryDir> m_openedCopies; // removed when the panel goes
};
