#pragma once

#include "archive/SourcePurge.h"

#include <QDialog>

class ArchiveQueryRunner;
class QLabel;
class QRadioButton;

// Confirms deleting a source, with the choice that matters: keep the mail it
// archived (the default: the archive exists to keep mail) or delete it too.
// The numbers are the removal's own (SourcePurge::Preview): what only this
// source holds goes, what another source also holds stays, and the dialog
// names those sources. Counting them reads every message of the source
// (seconds at a million), so the dialog opens at once and the numbers follow:
// keeping the mail needs no count and can be confirmed meanwhile; deleting
// it can be chosen only once the user can see what it deletes.
class DeleteSourceDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteSourceDialog)

public:
    explicit DeleteSourceDialog(const QString& sourceName, QWidget* parent = nullptr);
    ~DeleteSourceDialog() override;

    // Opens the question for this source (deleted when closed) and counts
    // its numbers through `queries`; closing it stops the count. The caller
    // connects accepted() to the removal.
    static DeleteSourceDialog*
    ask(qint64 sourceId, const QString& sourceName, ArchiveQueryRunner* queries, QWidget* parent);

    // The count arrived: the numbers are shown and deleting can be chosen.
    void setPreview(const SourcePurge::Preview& preview);
    // The count failed: keeping the mail is still offered, deleting is not.
    void setPreviewError(const QString& error);
    bool hasPreview() const;

    bool deleteMail() const;

private:
    void fitText();

    QRadioButton* m_keep;
    QRadioButton* m_remove;
    QLabel* m_keepDetail;
    QLabel* m_removeDetail;
    QLabel* m_warning;
    bool m_hasPreview = false;
};
