#pragma once

#include "archive/SourcePurge.h"

#include <QDialog>

class QLabel;
class QRadioButton;

// Confirms deleting a source, with the choice that matters: keep the mail it
// archived (the default: the archive exists to keep mail) or delete it too.
// The numbers are the removal's own (SourcePurge::Preview): what only this
// source holds goes, what another source also holds stays, and the dialog
// names those sources.
class DeleteSourceDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteSourceDialog)

public:
    DeleteSourceDialog(const QString& sourceName, const SourcePurge::Preview& preview, QWidget* parent = nullptr);
    ~DeleteSourceDialog() override;

    bool deleteMail() const;

private:
    QRadioButton* m_keep;
    QRadioButton* m_remove;
    QLabel* m_warning;
};
