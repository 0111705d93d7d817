#pragma once

#include <QWidget>

// The Ingestions page: the email accounts the archive imports from. Until the
// first source exists it shows an empty state that says what the app does.
class IngestionsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestionsPage)

public:
    explicit IngestionsPage(QWidget* parent = nullptr);
    ~IngestionsPage() override;

    QWidget* emptyState() const;

private:
    QWidget* createHeader();
    QWidget* createEmptyState();

    QWidget* m_emptyState = nullptr;
};
