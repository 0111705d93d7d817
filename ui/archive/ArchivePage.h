#pragma once

#include "archive/Archive.h"

#include <QWidget>

class QLabel;

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

public slots:
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;

private:
    Archive m_archive;
    QLabel* m_summary;
    QLabel* m_location;
};
