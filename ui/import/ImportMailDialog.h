#pragma once

#include "import/MailFileImport.h"

#include "common/TaskDialog.h"

class ArchiveQueryRunner;
class QComboBox;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

// File → Import Mail…: mbox files, .eml files, folders of them and Maildirs
// into a local source (MailFileImport) on a thread of its own. Not modal:
// a big Takeout file takes a while and the window stays usable. Cancel
// stops at a batch boundary; what was stored stays, and importing the same
// files again goes on from there. The end says what came in, in words, and
// names every message that could not be read with its file and place.
class ImportMailDialog : public TaskDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportMailDialog)

public:
    // `queries` lists the local sources there are, to import into one of
    // them again.
    ImportMailDialog(QString archivePath, ArchiveQueryRunner* queries, QWidget* parent = nullptr);
    ~ImportMailDialog() override;

    QStringList paths() const;
    void addPaths(const QStringList& paths);
    QString sourceName() const;
    void setSourceName(const QString& name);
    // The problems of the last import, as listed (for tests).
    QStringList problemLines() const;

public slots:
    void startImport();

signals:
    // After every batch stored: the archive has more mail to show.
    void mailStored();
    void importEnded(bool succeeded);

private:
    void chooseFiles();
    void chooseFolder();
    void removeSelected();
    void updateButtons();
    void showProgress(const MailFileImport::Step& step);
    void showResult(const MailFileImport::Summary& summary);
    void setRunning(bool running);

    QString m_archivePath;
    QListWidget* m_paths;
    QPushButton* m_addFiles;
    QPushButton* m_addFolder;
    QPushButton* m_remove;
    QComboBox* m_source;
    QProgressBar* m_progress;
    QPlainTextEdit* m_problems;
    QPushButton* m_import;
    bool m_running = false; // from the press of Import to the summary
};
