#include "MainWindow.h"
#include "WaitUntil.h"
#include "about/AboutDialog.h"
#include "archive/Archive.h"
#include "backup/BackupDialog.h"
#include "common/AppInfo.h"
#include "credentials/SessionCredentialStore.h"
#include "help/ShortcutsWindow.h"
#include "sources/DeleteSourceDialog.h"
#include "sources/FolderChooserDialog.h"
#include "sources/IngestionsPage.h"
#include "sources/ProviderPreset.h"
#include "sources/SourceDetailsDialog.h"
#include "sources/SourceDialog.h"
#include "sources/SourceRepository.h"
#include "sync/SourceService.h"
#include "sync/SyncManager.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QShortcut>
#include <QSignalSpy>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "archive/ArchiveQueryRunner.h"

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

// Issue 19, "Tests": every window and dialog, in each of its states, walked
// the way a keyboard and screen-reader user meets it. For each interactive
// widget: a name a screen reader can say that is not merely its value; a
// way to reach it (Tab, or a documented key); and Tab visiting the controls
// in the order they are seen.
namespace {

bool hasAncestor(const QWidget* widget, const QWidget* stop, const std::function<bool(const QWidget*)>& test)
{
    for (const QWidget* parent = widget->parentWidget(); parent && parent != stop; parent = parent->parentWidget()) {
        if (test(parent)) {
            return true;
        }
    }
    return false;
}

bool hasLinks(const QLabel* label)
{
    return label->openExternalLinks() || (label->textInteractionFlags() & Qt::LinksAccessibleByKeyboard)
        || label->text().contains(QStringLiteral("<a "));
}

bool isInteractive(const QWidget* widget)
{
    if (qobject_cast<const QHeaderView*>(widget)) {
        return false; // part of its view, which has the name
    }
    if (auto* label = qobject_cast<const QLabel*>(widget)) {
        return hasLinks(label);
    }
    return qobject_cast<const QAbstractButton*>(widget) || qobject_cast<const QLineEdit*>(widget)
        || qobject_cast<const QComboBox*>(widget) || qobject_cast<const QAbstractSpinBox*>(widget)
        || qobject_cast<const QAbstractItemView*>(widget) || qobject_cast<const QTabBar*>(widget);
}

// Parts Qt builds inside a control (a combo box's list and line edit, a
// spin box's editor, a table's corner button, a tab bar's scroll arrows)
// belong to that control, which the walk checks instead.
bool isPartOfAnotherControl(const QWidget* widget, const QWidget* window)
{
    return hasAncestor(widget, window, [](const QWidget* parent) {
        return qobject_cast<const QComboBox*>(parent) || qobject_cast<const QAbstractSpinBox*>(parent)
            || qobject_cast<const QAbstractItemView*>(parent) || qobject_cast<const QTabBar*>(parent)
            || parent->inherits("QComboBoxPrivateContainer");
    });
}

QString currentValue(const QWidget* widget)
{
    if (auto* edit = qobject_cast<const QLineEdit*>(widget)) {
        return edit->text();
    }
    if (auto* combo = qobject_cast<const QComboBox*>(widget)) {
        return combo->currentText();
    }
    if (auto* spin = qobject_cast<const QAbstractSpinBox*>(widget)) {
        return spin->text();
    }
    return {};
}

std::string describe(const QWidget* widget)
{
    QString text;
    if (auto* button = qobject_cast<const QAbstractButton*>(widget)) {
        text = button->text();
    }
    return QStringLiteral("%1 \"%2\" %3")
        .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(), text)
        .toStdString();
}

// The widgets Tab visits, in order, from the window's first focus widget.
QList<QWidget*> tabChain(QWidget* window)
{
    QList<QWidget*> chain;
    for (QWidget* widget = window->nextInFocusChain(); widget && widget != window;
         widget = widget->nextInFocusChain()) {
        if ((widget->focusPolicy() & Qt::TabFocus) && widget->isVisible() && widget->isEnabled()
            && !widget->focusProxy() && widget->window() == window) {
            chain << widget;
        }
    }
    return chain;
}

bool reachableByTab(const QWidget* widget, const QList<QWidget*>& chain)
{
    for (const QWidget* member : chain) {
        if (member == widget || member->focusProxy() == widget || widget->focusProxy() == member
            || widget->isAncestorOf(member)) {
            return true;
        }
    }
    return false;
}

// A key reaches it: a mnemonic in its text or its buddy label's, or its
// action's shortcut (a toolbar button).
bool reachableByKey(const QWidget* widget, const QWidget* window)
{
    if (auto* tool = qobject_cast<const QToolButton*>(widget)) {
        if (tool->defaultAction() && !tool->defaultAction()->shortcuts().isEmpty()) {
            return true;
        }
    }
    if (auto* button = qobject_cast<const QAbstractButton*>(widget)) {
        if (!QKeySequence::mnemonic(button->text()).isEmpty()) {
            return true;
        }
    }
    for (const QLabel* label : window->findChildren<QLabel*>()) {
        if (label->buddy() == widget && !QKeySequence::mnemonic(label->text()).isEmpty()) {
            return true;
        }
    }
    return false;
}

// Walks one window as it is now shown. `where` names it in failures.
void walk(QWidget* window, const std::string& where)
{
    QApplication::processEvents();
    const QList<QWidget*> chain = tabChain(window);
    int checked = 0;
    for (QWidget* widget : window->findChildren<QWidget*>()) {
        if (!widget->isVisible() || !widget->isEnabled() || widget->window() != window || !isInteractive(widget)
            || isPartOfAnotherControl(widget, window)) {
            continue;
        }
        ++checked;
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
        ASSERT_NE(accessible, nullptr) << where << ": " << describe(widget);
        const QString name = accessible->text(QAccessible::Name).trimmed();
        EXPECT_FALSE(name.isEmpty()) << where << ": no accessible name: " << describe(widget);
        const QString value = currentValue(widget);
        if (!value.isEmpty() && name == value) {
            // Qt on Linux names a combo box by its value, whatever its
            // accessible name; Orca reads the label it is labelled by.
            const auto labels = accessible->relations(QAccessible::Label);
            EXPECT_TRUE(!labels.isEmpty() && !labels.first().first->text(QAccessible::Name).trimmed().isEmpty())
                << where << ": named only by its value, with no label: " << describe(widget);
        }
        // A line edit's own buttons (the password's eye) have the field's
        // key (Ctrl+H, in the field's description) instead of a Tab stop.
        const bool insideField = hasAncestor(
            widget, window, [](const QWidget* parent) { return qobject_cast<const QLineEdit*>(parent) != nullptr; });
        EXPECT_TRUE(insideField || reachableByTab(widget, chain) || reachableByKey(widget, window))
            << where << ": neither Tab nor a key reaches " << describe(widget);
    }
    EXPECT_GT(checked, 0) << where;
    std::cout << where << ": " << checked << " controls, " << chain.size() << " Tab stops\n";

    // Tab order = visual order, compared between neighbours in the chain
    // that share a parent (one layout): below, or on the same row to the
    // right. Columns side by side are separate parents, read one by one.
    const int tolerance = window->fontMetrics().height() / 2;
    for (qsizetype i = 1; i < chain.size(); ++i) {
        const QWidget* before = chain.at(i - 1);
        const QWidget* after = chain.at(i);
        if (before->parentWidget() != after->parentWidget()) {
            continue;
        }
        const QRect a(before->mapTo(window, QPoint(0, 0)), before->size());
        const QRect b(after->mapTo(window, QPoint(0, 0)), after->size());
        const bool sameRow = std::abs(a.center().y() - b.center().y()) <= tolerance;
        const bool inOrder = sameRow ? b.left() >= a.left() - tolerance : b.top() >= a.top() - tolerance;
        EXPECT_TRUE(inOrder) << where << ": Tab goes from " << describe(before) << " to " << describe(after)
                             << ", against the visual order";
    }
}

class AccessibilityWalkTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        AppInfo::configure();
        QSettings().clear();
        ASSERT_TRUE(m_directory.isValid());
        QString error;
        ASSERT_TRUE(m_archive.open(&error)) << error.toStdString();
        IngestionSource source;
        source.name = QStringLiteral("Work");
        source.providerId = QStringLiteral("generic");
        source.host = QStringLiteral("imap.example.com");
        source.username = QStringLiteral("jane@example.com");
        const auto added = SourceRepository(m_archive.connection()).add(source, &error);
        ASSERT_TRUE(added.has_value()) << error.toStdString();
        m_source = *added;
    }

    void TearDown() override { m_archive.closeConnection(); }

    template<typename Window>
    void showAndWalk(Window* window, const std::string& where)
    {
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
        walk(window, where);
    }

    QTemporaryDir m_directory;
    Archive m_archive {m_directory.filePath(QStringLiteral("archive.sqlite"))};
    SessionCredentialStore m_credentials;
    SyncManager m_manager {m_archive, &m_credentials};
    SourceService m_service {m_archive, &m_credentials, &m_manager};
    IngestionSource m_source;
};

TEST_F(AccessibilityWalkTest, MainWindowEachPage)
{
    MainWindow window(m_archive, &m_manager, &m_service, &m_credentials);
    showAndWalk(&window, "Main window, Ingestions");
    auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    ASSERT_NE(navigation, nullptr);
    navigation->setCurrentRow(1);
    walk(&window, "Main window, Archive");
}

TEST_F(AccessibilityWalkTest, SourceDialogEachProviderNewAndEdit)
{
    ArchiveQueryRunner queries(m_archive);
    for (const bool edit : {false, true}) {
        SourceDialog dialog(&m_service,
                            &m_credentials,
                            &queries,
                            edit ? std::optional<IngestionSource>(m_source) : std::optional<IngestionSource>());
        const std::string mode = edit ? "Edit" : "Create New";
        showAndWalk(&dialog, mode + ", as opened");
        auto* provider = dialog.findChild<QComboBox*>(QStringLiteral("providerCombo"));
        ASSERT_NE(provider, nullptr);
        for (const ProviderPreset& preset : ProviderPreset::all()) {
            provider->setCurrentIndex(provider->findData(preset.id));
            walk(&dialog, mode + ", " + preset.id.toStdString());
        }
    }
}

TEST_F(AccessibilityWalkTest, DetailsDeleteFolderChooserAboutAndShortcuts)
{
    ArchiveQueryRunner queries(m_archive);
    SourceDetailsDialog details(&queries, &m_manager, &m_service, m_source.id);
    QSignalSpy refreshed(&details, &SourceDetailsDialog::refreshed);
    ASSERT_TRUE(waitUntil([&] { return refreshed.count() > 0; }));
    showAndWalk(&details, "Details");

    SourcePurge::Preview preview;
    preview.messagesOnlyHere = 3;
    DeleteSourceDialog remove(m_source.name);
    remove.setPreview(preview);
    showAndWalk(&remove, "Delete");

    RemoteFolder inbox;
    inbox.path = QStringLiteral("INBOX");
    inbox.name = QByteArray("INBOX");
    inbox.delimiter = QLatin1Char('/');
    RemoteFolder sent = inbox;
    sent.path = QStringLiteral("Sent");
    sent.name = QByteArray("Sent");
    FolderChooserDialog chooser({inbox, sent}, {QStringLiteral("INBOX")});
    showAndWalk(&chooser, "Folder chooser");

    AboutDialog about;
    showAndWalk(&about, "About");

    BackupDialog backup(m_archive.path());
    showAndWalk(&backup, "Back up, as opened");
    backup.setTargetPath(m_directory.filePath(QStringLiteral("backup.sqlite")));
    QSignalSpy backedUp(&backup, &BackupDialog::backupEnded);
    backup.startBackup();
    ASSERT_TRUE(backedUp.count() == 1 || backedUp.wait(60000));
    walk(&backup, "Back up, finished");

    MainWindow window(m_archive, &m_manager, &m_service, &m_credentials);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ShortcutsWindow* shortcuts = window.showShortcuts();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(shortcuts));
    walk(shortcuts, "Keyboard shortcuts");
}

} // namespace
