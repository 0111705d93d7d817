#pragma once

#include "archive/Archive.h"
#include "sources/SourceStatistics.h"

#include <QWidget>

class QLabel;
class QMessageBox;

// The Archive page: what the archive holds and where it lives. The message
// browser and search will grow here (their own issue); for now it answers
// "how much mail is safe, and where is the file?".
class ArchivePage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArchivePage)

public:
    explicit ArchivePage(Archive archive, QWidget* parent = nullptr);
    ~ArchivePage() override;

    // What the archive holds, as counted off the UI thread (the Ingestions
    // table's model counts it with the sources' totals, so the status bar and
    // this page always show the same number).
    void setTotals(const ArchiveTotals& totals);

public slots:
    void refresh();
    // Opens the archive's folder in the file manager; where none opens it,
    // shows the folder's path in a box it can be copied from.
    void openArchiveFolder();

protected:
    void showEvent(QShowEvent* event) override;

private:
    Archive m_archive;
    ArchiveTotals m_totals;
    QLabel* m_summary;
    QLabel* m_location;
};
