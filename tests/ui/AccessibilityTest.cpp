#include "MainWindow.h"
#include "WaitUntil.h"
#include "archive/Archive.h"
#include "common/AppInfo.h"
#include "common/FocusRingStyle.h"
#include "common/ThemeColors.h"
#include "credentials/SessionCredentialStore.h"
#include "sources/DeleteSourceDialog.h"
#include "sources/FolderChooserDialog.h"
#include "sources/IngestionsPage.h"
#include "sources/SourceDetailsDialog.h"
#include "sources/SourceRepository.h"
#include "sources/SourceTableModel.h"
#include "sync/SourceService.h"
#include "sync/SyncManager.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPointer>
#include <QRadioButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QtGui/private/qguiapplication_p.h>
#include <QtGui/qpa/qplatformaccessibility.h>
#include <QtGui/qpa/qplatformintegration.h>

#include <gtest/gtest.h>

#include <optional>

// Issue 19: what a screen reader is told (points 10 and 11) and what a
// larger font does to the layouts (point 14).
namespace {

using Status = IngestionSource::Status;

struct SeenEvent
{
    QPointer<QObject> object;
    QAccessible::Event type;
    QString name;
    QAccessible::State changed;
};

QList<SeenEvent>& seenEvents()
{
    static QList<SeenEvent> events;
    return events;
}

void recordEvent(QAccessibleEvent* event)
{
    SeenEvent seen {event->object(), event->type(), {}, {}};
    if (QAccessibleInterface* target = event->accessibleInterface()) {
        seen.name = target->text(QAccessible::Name);
    }
    if (event->type() == QAccessible::StateChanged) {
        seen.changed = static_cast<QAccessibleStateChangeEvent*>(event)->changedStates();
    }
    seenEvents() << seen;
}

// Catches the events Qt would hand the screen reader, while it lives.
class AccessibilityEvents
{
public:
    AccessibilityEvents()
        : m_wasActive(QAccessible::isActive())
    {
        seenEvents().clear();
        QAccessible::installUpdateHandler(recordEvent);
        // Without a screen reader Qt sends no events at all; this is what
        // a screen reader's arrival does (QAccessible::setActive only tells
        // the observers).
        setActive(true);
    }
    ~AccessibilityEvents()
    {
        QAccessible::installUpdateHandler(nullptr);
        setActive(m_wasActive);
        seenEvents().clear();
    }
    Q_DISABLE_COPY_MOVE(AccessibilityEvents)

private:
    static void setActive(bool active)
    {
        QPlatformAccessibility* platform = QGuiApplicationPrivate::platformIntegration()->accessibility();
        ASSERT_NE(platform, nullptr) << "the platform has no accessibility";
        platform->setActive(active);
    }

    bool m_wasActive;
};

// Sets the application font for the test's duration.
class ApplicationFont
{
public:
    explicit ApplicationFont(int pointSize)
        : m_previous(QApplication::font())
    {
        QFont font = m_previous;
        font.setPointSize(pointSize);
        QApplication::setFont(font);
    }
    ~ApplicationFont() { QApplication::setFont(m_previous); }
    Q_DISABLE_COPY_MOVE(ApplicationFont)

private:
    QFont m_previous;
};

// Each word-wrapped label visible in `root` is as tall as its text needs.
void expectNoLabelCut(QWidget* root, const char* where)
{
    for (QLabel* label : root->findChildren<QLabel*>()) {
        if (!label->isVisible() || !label->wordWrap() || label->text().isEmpty()) {
            continue;
        }
        EXPECT_GE(label->height(), label->heightForWidth(label->width()))
            << where << ": \"" << label->text().left(60).toStdString() << "\" is cut off";
    }
}

class AccessibilityTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        AppInfo::configure();
        QSettings().clear();
        ASSERT_TRUE(m_directory.isValid());
        QString error;
        ASSERT_TRUE(m_archive.open(&error)) << error.toStdString();
    }

    void TearDown() override
    {
        m_window.reset();
        m_archive.closeConnection();
    }

    qint64 addSource(const QString& name, Status status, const QString& lastError = {})
    {
        IngestionSource source;
        source.name = name;
        source.providerId = QStringLiteral("generic");
        source.host = QStringLiteral("imap.example.com");
        source.username = QStringLiteral("jane.doe@example.com");
        QString error;
        const auto added = SourceRepository(m_archive.connection()).add(source, &error);
        EXPECT_TRUE(added.has_value()) << error.toStdString();
        if (!added) {
            return 0;
        }
        EXPECT_TRUE(SourceRepository(m_archive.connection())
                        .setStatus(added->id, status, lastError, SyncFailure::Kind::Other, &error));
        return added->id;
    }

    void openWindow()
    {
        m_window = std::make_unique<MainWindow>(m_archive, &m_manager, &m_service, &m_credentials);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
    }

    QTemporaryDir m_directory;
    Archive m_archive {m_directory.filePath(QStringLiteral("archive.sqlite"))};
    SessionCredentialStore m_credentials;
    SyncManager m_manager {m_archive, &m_credentials};
    SourceService m_service {m_archive, &m_credentials, &m_manager};
    std::unique_ptr<MainWindow> m_window;
};

// Point 10: pausing the selected source changes its row (dataChanged for
// the Status cell) and the status bar's message label says so with a
// NameChanged event; a screen reader hears "Work: Paused".
TEST_F(AccessibilityTest, PausingTheSelectedSourceIsAnnounced)
{
    addSource(QStringLiteral("Work"), Status::Active);
    openWindow();
    SourceTableModel* model = m_window->ingestionsPage()->model();
    QTableView* table = m_window->ingestionsPage()->table();
    ASSERT_TRUE(table->selectionModel()->hasSelection());
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    const AccessibilityEvents events;

    auto* pause = m_window->findChild<QAction*>(QStringLiteral("pauseResumeAction"));
    ASSERT_NE(pause, nullptr);
    ASSERT_TRUE(pause->isEnabled());
    pause->trigger();

    auto* message = m_window->findChild<QLabel*>(QStringLiteral("statusMessage"));
    ASSERT_NE(message, nullptr);
    const auto announced = [&] {
        for (const SeenEvent& event : seenEvents()) {
            if (event.object == message && event.type == QAccessible::NameChanged
                && event.name.contains(QStringLiteral("Paused"))) {
                return true;
            }
        }
        return false;
    };
    EXPECT_TRUE(waitUntil(announced, 5000)) << message->text().toStdString();
    EXPECT_EQ(message->text(), QStringLiteral("Work: Paused"));
    EXPECT_EQ(message->accessibleName(), message->text());

    bool statusCellChanged = false;
    for (const QList<QVariant>& arguments : std::as_const(changed)) {
        const auto from = arguments.at(0).value<QModelIndex>();
        const auto to = arguments.at(1).value<QModelIndex>();
        statusCellChanged =
            statusCellChanged || (from.column() <= SourceTableModel::Status && to.column() >= SourceTableModel::Status);
    }
    EXPECT_TRUE(statusCellChanged) << "the model did not report the Status cell changed";

    // Resuming is said too.
    seenEvents().clear();
    pause->trigger();
    EXPECT_TRUE(waitUntil([&] { return !message->text().contains(QStringLiteral("Paused")); }, 5000));
    EXPECT_FALSE(seenEvents().isEmpty());
}

// Point 11: the folder chooser's check boxes are checkable cells, and
// toggling one tells the screen reader its state changed.
TEST_F(AccessibilityTest, TogglingAFolderSendsAStateChange)
{
    const auto folder = [](const char* path) {
        RemoteFolder remote;
        remote.path = QString::fromUtf8(path);
        remote.name = QByteArray(path);
        remote.delimiter = QLatin1Char('/');
        return remote;
    };
    FolderChooserDialog chooser({folder("INBOX"), folder("Work"), folder("Work/Clients")}, {QStringLiteral("INBOX")});
    chooser.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&chooser));
    auto* tree = chooser.findChild<QTreeWidget*>(QStringLiteral("folderTree"));
    ASSERT_NE(tree, nullptr);
    const AccessibilityEvents events;

    QTreeWidgetItem* clients = tree->topLevelItem(1)->child(0);
    ASSERT_EQ(clients->text(0), QStringLiteral("Clients"));
    tree->setCurrentItem(clients);
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Space);
    ASSERT_EQ(clients->checkState(0), Qt::Checked);

    bool sent = false;
    for (const SeenEvent& event : seenEvents()) {
        sent = sent
            || (event.type == QAccessible::StateChanged && event.changed.checked
                && event.name == QStringLiteral("Clients"));
    }
    EXPECT_TRUE(sent) << "no StateChanged(checked) for the toggled folder";
    // And the cell now reads as checked.
    QAccessibleInterface* view = QAccessible::queryAccessibleInterface(tree);
    bool checked = false;
    for (int i = 0; view && i < view->childCount(); ++i) {
        QAccessibleInterface* cell = view->child(i);
        if (cell && cell->text(QAccessible::Name) == QStringLiteral("Clients")) {
            checked = cell->state().checkable && cell->state().checked;
        }
    }
    EXPECT_TRUE(checked);
}

// Point 14: the Delete dialog opens with a visible ring on "Keep", and
// choosing Delete shows the warning without cutting the question off, at
// the default font and at 12 pt.
TEST_F(AccessibilityTest, TheDeleteDialogShowsItsFocusAndGrowsForTheWarning)
{
    for (const int points : {0, 12}) {
        std::optional<ApplicationFont> font;
        if (points > 0) {
            font.emplace(points);
        }
        SourcePurge::Preview preview;
        preview.messagesOnlyHere = 1200;
        preview.bytesOnlyHere = 40'000'000;
        preview.messagesShared = 30;
        preview.sharedWith = {{2, QStringLiteral("Personal Gmail with a long name"), false, 20},
                              {3, QStringLiteral("Old laptop"), true, 10}};
        DeleteSourceDialog dialog(QStringLiteral("Work Email (IMAP) at the office"));
        dialog.setPreview(preview);
        dialog.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
        dialog.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&dialog));
        auto* keep = dialog.findChild<QRadioButton*>(QStringLiteral("keepMailRadio"));
        ASSERT_TRUE(keep->hasFocus());
        const QColor ring = ThemeColors::focusRing(keep->palette());
        const QImage image = keep->grab().toImage();
        int ringPixels = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                ringPixels += image.pixelColor(x, y).rgb() == ring.rgb() ? 1 : 0;
            }
        }
        EXPECT_GE(ringPixels, 40) << "no focus ring on Keep at " << points << " pt";

        const QSize before = dialog.size();
        QTest::keyClick(keep, Qt::Key_Down); // the arrows move to Delete
        auto* remove = dialog.findChild<QRadioButton*>(QStringLiteral("removeMailRadio"));
        ASSERT_TRUE(remove->isChecked());
        QApplication::processEvents();
        auto* warning = dialog.findChild<QLabel*>(QStringLiteral("deleteWarning"));
        EXPECT_FALSE(warning->text().isEmpty());
        EXPECT_GE(dialog.height(), before.height());
        expectNoLabelCut(&dialog, points > 0 ? "Delete dialog at 12 pt" : "Delete dialog");
        for (QWidget* widget : dialog.findChildren<QWidget*>()) {
            if (widget->isVisible() && widget->parentWidget() == &dialog) {
                EXPECT_LE(widget->geometry().bottom(), dialog.height()) << widget->objectName().toStdString();
            }
        }
    }
}

// Point 14: at a 12 pt font the table still fits the default window without
// scrolling sideways, and a long error is whole in its tooltip and in
// Details, where it wraps.
TEST_F(AccessibilityTest, At12PointTheTableFitsAndErrorsAreWhole)
{
    const ApplicationFont font(12);
    const QString longError = QStringLiteral("Authentication failed: the server says the user name or password is "
                                             "wrong. Gmail needs an app password, not your account password.");
    addSource(QStringLiteral("Work Email (IMAP)"), Status::Active);
    const qint64 failing = addSource(QStringLiteral("Personal Gmail"), Status::Error, longError);
    addSource(QStringLiteral("Family (old laptop)"), Status::Paused);
    openWindow();
    QApplication::processEvents();
    QTest::qWait(50);
    QTableView* table = m_window->ingestionsPage()->table();
    EXPECT_EQ(table->horizontalScrollBar()->maximum(), 0) << "the table scrolls sideways at 12 pt";
    EXPECT_FALSE(table->horizontalScrollBar()->isVisible());

    SourceTableModel* model = m_window->ingestionsPage()->model();
    const QModelIndex progress = model->index(model->rowOf(failing), SourceTableModel::Progress);
    EXPECT_TRUE(progress.data(Qt::ToolTipRole).toString().contains(longError));

    // Details of the failing source: the error wraps, whole.
    QPointer<SourceDetailsDialog> details =
        new SourceDetailsDialog(m_window->queries(), &m_manager, &m_service, failing, m_window.get());
    QSignalSpy refreshed(details.data(), &SourceDetailsDialog::refreshed);
    details->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(details));
    ASSERT_TRUE(waitUntil([&] { return refreshed.count() > 0; }));
    QApplication::processEvents();
    bool shown = false;
    for (QLabel* label : details->findChildren<QLabel*>()) {
        shown = shown || label->text().remove(QChar(0x200B)).contains(longError);
    }
    EXPECT_TRUE(shown) << "Details does not show the whole error";
    expectNoLabelCut(details, "Details at 12 pt");
    delete details;
}

} // namespace
