#pragma once

#include "export/MessageExporter.h"

#include "common/TaskDialog.h"

#include <memory>

class QCheckBox;
class QComboBox;
class QDate;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class OfferChoice;
class QRadioButton;

// File → Export Messages… and the search's Export…: the messages selected,
// or every message of the list shown (a folder, a source, all mail, a whole
// search result, not only the rows loaded), as one mbox file or .eml files
// in a folder (MessageExporter), on a thread of its own. Not modal: the
// window stays usable during a long export. Cancel leaves no half-written
// file; the end says what was written in words.
class ExportDialog : public TaskDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    // What the list holds, for the dialog to offer.
    struct Offer
    {
        MessageListQuery list; // the list shown (with its search)
        QString listDescription; // "1,204 messages matching “invoice” in Work › INBOX"
        QList<qint64> selected; // the rows selected, when more than one
        bool preferList = false; // "Select all matching" was chosen
    };

    ExportDialog(QString archivePath, Offer offer, QWidget* parent = nullptr);
    ~ExportDialog() override;

    // "OpenArchiver export 2026-12-07.mbox" (or a folder without the
    // suffix) in the Documents folder.
    static QString defaultTarget(ExportRequest::Format format, const QDate& date);

    QString targetPath() const;
    void setTargetPath(const QString& path);
    void setFormat(ExportRequest::Format format);
    // The selected messages rather than the whole list.
    void setExportSelection(bool selection);
    // The request the Export button would run.
    ExportRequest request() const;

public slots:
    void startExport();

signals:
    void exportEnded(bool succeeded);

private:
    void chooseTarget();
    void formatChanged();
    void showProgress(qint64 done, qint64 total);
    void showResult(const ExportResult& result);
    void setRunning(bool running);
    ExportRequest::Format format() const;

    QString m_archivePath;
    Offer m_offer;
    OfferChoice* m_what;
    QComboBox* m_format;
    QCheckBox* m_keepFolders;
    QLineEdit* m_path;
    QPushButton* m_choose;
    QProgressBar* m_progress;
    QPushButton* m_export;
    QString m_replaceConfirmed;
};
