#pragma once

#include <QDialog>

// Who made the app, under which licence, and which library versions it runs
// on: the first thing a bug report needs.
class AboutDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget* parent = nullptr);
    ~AboutDialog() override;
};
