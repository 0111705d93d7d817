#pragma once

#include <QDialog>

class QRadioButton;

// Confirms deleting a source, with the choice that matters: keep the mail it
// archived (the default: the archive exists to keep mail) or delete it too.
class DeleteSourceDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteSourceDialog)

public:
    DeleteSourceDialog(const QString& sourceName, qint64 archivedMessages, QWidget* parent = nullptr);
    ~DeleteSourceDialog() override;

    bool deleteMail() const;

private:
    QRadioButton* m_keep;
    QRadioButton* m_remove;
};
