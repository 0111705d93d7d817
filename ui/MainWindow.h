#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class IngestionsPage;

// The window the user lives in: a navigation list on the left (Ingestions now,
// the Archive browser later), the selected page on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    IngestionsPage* ingestionsPage() const;

public slots:
    void showAbout();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createPages();
    void restoreWindowState();
    void saveWindowState() const;

    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    IngestionsPage* m_ingestionsPage = nullptr;
};
