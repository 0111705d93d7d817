#pragma once

#include "archive/LatestQuery.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

// "Show original": the message's bytes exactly as archived, and Save as .eml
// writing exactly those bytes.
class RawMessageDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawMessageDialog)

public:
    // Reads the archived message `messageId` off the UI thread.
    RawMessageDialog(ArchiveQueryRunner* runner, qint64 messageId, const QString& subject, QWidget* parent = nullptr);
    // A message attached to another, given as its bytes.
    RawMessageDialog(const QByteArray& raw, const QString& subject, QWidget* parent = nullptr);

    // Shown as text up to this size; Save as keeps everything.
    static constexpr qsizetype MaxShownBytes = 2 * 1024 * 1024;

    QByteArray rawBytes() const;
    // Writes the bytes to `path`; false with a message box on failure.
    bool saveTo(const QString& path);

public slots:
    void saveAs();

private:
    void build(const QString& subject);
    void showBytes(const QByteArray& raw, const QString& error);

    LatestQuery m_load;
    QByteArray m_raw;
    QString m_subject;
    QLabel* m_note = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QPushButton* m_save = nullptr;
};
