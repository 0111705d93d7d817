#include "WaitUntil.h"
#include "archive/Archive.h"
#include "archive/ArchiveQueryRunner.h"
#include "archive/EventLog.h"
#include "archive/MessageBodyBrowser.h"
#include "archive/MessageDocument.h"
#include "archive/MessageView.h"
#include "common/FocusRingStyle.h"
#include "common/ThemeColors.h"
#include "credentials/SessionCredentialStore.h"
#include "sources/DeleteSourceDialog.h"
#include "sources/SourceDetailsDialog.h"
#include "sources/SourceDialog.h"
#include "sources/SourceRepository.h"
#include "sync/SourceService.h"
#include "sync/SyncManager.h"

#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

#include <gtest/gtest.h>

// Issue 19 point 13: every colour the app puts on text reads at 4.5:1
// (WCAG 2.1 AA) in a light and in a dark palette.
namespace {

constexpr double AA = 4.5;
using Status = IngestionSource::Status;

QPalette lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette(); // Window #efefef, Base #ffffff
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x6e, 0xb4));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    return palette;
}

// The colour the label's text actually has on screen, style sheets
// included: of the rendered pixels, the one furthest from the background.
QColor renderedText(QWidget* widget, const QColor& background)
{
    const QImage image = widget->grab().toImage();
    QColor furthest = background;
    double best = 1.0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            const double ratio = ThemeColors::contrastRatio(pixel, background);
            if (ratio > best) {
                best = ratio;
                furthest = pixel;
            }
        }
    }
    return furthest;
}

class ContrastTest : public ::testing::TestWithParam<bool>
{
protected:
    void SetUp() override
    {
        m_previous = QApplication::palette();
        QApplication::setPalette(dark() ? darkPalette() : lightPalette());
        ASSERT_TRUE(m_directory.isValid());
        QString error;
        ASSERT_TRUE(m_archive.open(&error)) << error.toStdString();
    }

    void TearDown() override
    {
        m_archive.closeConnection();
        QApplication::setPalette(m_previous);
    }

    bool dark() const { return GetParam(); }

    // The label's text against its window, as set and as rendered.
    void expectReadable(QLabel* label, const char* what)
    {
        ASSERT_NE(label, nullptr) << what;
        ASSERT_FALSE(label->text().isEmpty()) << what;
        const QPalette& palette = label->palette();
        const QColor window = palette.color(QPalette::Window);
        const QColor text = palette.color(QPalette::WindowText);
        EXPECT_GE(ThemeColors::contrastRatio(text, window), AA) << what << " sets " << text.name().toStdString();
        EXPECT_GE(ThemeColors::contrastRatio(text, palette.color(QPalette::Base)), AA) << what;
        const QColor shown = renderedText(label, window);
        EXPECT_GE(ThemeColors::contrastRatio(shown, window), AA)
            << what << " shows " << shown.name().toStdString() << " on " << window.name().toStdString();
    }

    QPalette m_previous;
    QTemporaryDir m_directory;
    Archive m_archive {m_directory.filePath(QStringLiteral("archive.sqlite"))};
    SessionCredentialStore m_credentials;
};

INSTANTIATE_TEST_SUITE_P(Contrast,
                         ContrastTest,
                         ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& param) { return param.param ? "Dark" : "Light"; });

// The measure itself: the old red fails where the issue measured it.
TEST(ContrastMeasureTest, MatchesTheIssuesMeasurements)
{
    EXPECT_NEAR(ThemeColors::contrastRatio(QColor(0xd3, 0x2f, 0x2f), QColor(0xef, 0xef, 0xef)), 4.33, 0.01);
    EXPECT_NEAR(ThemeColors::contrastRatio(Qt::black, Qt::white), 21.0, 0.001);
    EXPECT_LT(ThemeColors::contrastRatio(QColor(0xd3, 0x2f, 0x2f), lightPalette().color(QPalette::Window)), AA);
    EXPECT_FALSE(ThemeColors::isDark(lightPalette()));
    EXPECT_TRUE(ThemeColors::isDark(darkPalette()));
}

TEST_P(ContrastTest, EveryThemeColourReadsOnWindowAndBase)
{
    const QPalette palette = QApplication::palette();
    const QList<std::pair<const char*, QColor>> colours {
        {"error", ThemeColors::errorText(palette)},
        {"success", ThemeColors::successText(palette)},
        {"warning", ThemeColors::warningText(palette)},
        {"secondary", ThemeColors::secondaryText(palette)},
        {"Importing", ThemeColors::statusText(Status::Importing, palette)},
        {"Active", ThemeColors::statusText(Status::Active, palette)},
        {"Paused", ThemeColors::statusText(Status::Paused, palette)},
        {"Error", ThemeColors::statusText(Status::Error, palette)},
    };
    for (const auto& [name, colour] : colours) {
        for (const auto role : {QPalette::Window, QPalette::Base}) {
            const double ratio = ThemeColors::contrastRatio(colour, palette.color(role));
            EXPECT_GE(ratio, AA) << name << ' ' << colour.name().toStdString() << " on "
                                 << palette.color(role).name().toStdString() << ": " << ratio;
        }
    }
    // Secondary text is still set apart from ordinary text.
    EXPECT_NE(ThemeColors::secondaryText(palette), palette.color(QPalette::WindowText));
}

// A search's marked words: their text reads on the marker (4.5:1). The
// marker itself is a tint, as a browser's find marker is (yellow on white
// is 1.3:1); the word is told apart by its weight too (bold in the list).
TEST_P(ContrastTest, SearchMatchesReadOnTheirMarker)
{
    const QPalette palette = QApplication::palette();
    const QColor marker = ThemeColors::searchMatchBackground(palette);
    EXPECT_GE(ThemeColors::contrastRatio(ThemeColors::searchMatchText(palette), marker), AA)
        << marker.name().toStdString();
    EXPECT_GE(ThemeColors::contrastRatio(marker, palette.color(QPalette::Base)), 1.25) << marker.name().toStdString();
}

TEST_P(ContrastTest, SourceDialogErrorsAndTestResultRead)
{
    SourceService service {m_archive, &m_credentials};
    ArchiveQueryRunner queries(m_archive);
    SourceDialog dialog(&service, &m_credentials, &queries);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto* provider = dialog.findChild<QComboBox*>(QStringLiteral("providerCombo"));
    provider->setCurrentIndex(provider->findData(QStringLiteral("generic")));
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    QApplication::processEvents();
    expectReadable(dialog.findChild<QLabel*>(QStringLiteral("nameError")), "nameError");
    expectReadable(dialog.findChild<QLabel*>(QStringLiteral("hostError")), "hostError");

    // A test that fails at once: nothing listens on port 1.
    const auto type = [&dialog](const char* field, const QString& text) {
        auto* edit = dialog.findChild<QLineEdit*>(QString::fromLatin1(field));
        edit->clear();
        QTest::keyClicks(edit, text);
    };
    type("nameEdit", QStringLiteral("Local"));
    type("hostEdit", QStringLiteral("127.0.0.1"));
    type("portEdit", QStringLiteral("1"));
    type("usernameEdit", QStringLiteral("someone@example.test"));
    type("passwordEdit", QStringLiteral("secret"));
    QSignalSpy tested(&dialog, &SourceDialog::connectionTestFinished);
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("testButton")), Qt::LeftButton);
    ASSERT_TRUE(tested.wait(30000));
    QApplication::processEvents();
    auto* result = dialog.findChild<QLabel*>(QStringLiteral("testResult"));
    ASSERT_TRUE(result->isVisible());
    expectReadable(result, "testResult");
    EXPECT_EQ(result->palette().color(QPalette::WindowText), ThemeColors::errorText(result->palette()));
}

TEST_P(ContrastTest, DetailsOfAFailingSourceRead)
{
    IngestionSource source;
    source.name = QStringLiteral("Broken");
    source.host = QStringLiteral("127.0.0.1");
    source.port = 1;
    source.username = QStringLiteral("someone");
    source.status = Status::Paused;
    QString error;
    SourceRepository repository(m_archive.connection());
    const auto added = repository.add(source, &error);
    ASSERT_TRUE(added.has_value()) << error.toStdString();
    ASSERT_TRUE(repository.setStatus(
        added->id, Status::Error, QStringLiteral("The password was refused."), SyncFailure::Kind::Other, &error))
        << error.toStdString();
    ASSERT_TRUE(m_archive.events().append(QStringLiteral("sync.failed"),
                                          QStringLiteral("Sync failed: the password was refused."),
                                          added->id,
                                          {{QStringLiteral("technical"), QStringLiteral("NO [AUTHENTICATIONFAILED]")}},
                                          &error))
        << error.toStdString();

    SyncManager manager(m_archive, &m_credentials);
    SourceService service(m_archive, &m_credentials, &manager);
    ArchiveQueryRunner queries(m_archive);
    SourceDetailsDialog details(&queries, &manager, &service, added->id);
    QSignalSpy refreshed(&details, &SourceDetailsDialog::refreshed);
    details.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&details));
    ASSERT_TRUE(waitUntil([&] { return refreshed.count() > 0; }));
    expectReadable(details.findChild<QLabel*>(QStringLiteral("detailsStatus")), "detailsStatus");
    expectReadable(details.findChild<QLabel*>(QStringLiteral("detailsError")), "detailsError");
    expectReadable(details.findChild<QLabel*>(QStringLiteral("detailsTechnical")), "detailsTechnical");

    auto* history = details.findChild<QTreeWidget*>(QStringLiteral("historyList"));
    ASSERT_NE(history, nullptr);
    ASSERT_GE(history->topLevelItemCount(), 1);
    bool sawFailure = false;
    for (int row = 0; row < history->topLevelItemCount(); ++row) {
        const QTreeWidgetItem* item = history->topLevelItem(row);
        if (!item->text(1).startsWith(QStringLiteral("Sync failed"))) {
            continue;
        }
        sawFailure = true;
        const QColor text = item->foreground(1).color();
        EXPECT_NE(text, history->palette().color(QPalette::Text)) << "a failed row stands out";
        EXPECT_GE(ThemeColors::contrastRatio(text, history->palette().color(QPalette::Base)), AA)
            << text.name().toStdString();
        EXPECT_GE(ThemeColors::contrastRatio(text, history->palette().color(QPalette::AlternateBase)), AA)
            << text.name().toStdString();
    }
    EXPECT_TRUE(sawFailure);
}

TEST_P(ContrastTest, DeleteDialogDetailsAndWarningRead)
{
    SourcePurge::Preview preview;
    preview.messagesOnlyHere = 3;
    preview.bytesOnlyHere = 4096;
    DeleteSourceDialog dialog(QStringLiteral("Work"));
    dialog.setPreview(preview);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    dialog.findChild<QRadioButton*>(QStringLiteral("removeMailRadio"))->setChecked(true);
    QApplication::processEvents();
    expectReadable(dialog.findChild<QLabel*>(QStringLiteral("keepMailDetail")), "keepMailDetail");
    expectReadable(dialog.findChild<QLabel*>(QStringLiteral("removeMailDetail")), "removeMailDetail");
    expectReadable(dialog.findChild<QLabel*>(QStringLiteral("deleteWarning")), "deleteWarning");
}

// Switching the theme while a dialog is open recolours its errors.
TEST_P(ContrastTest, ErrorTextFollowsAPaletteChange)
{
    SourceService service {m_archive, &m_credentials};
    ArchiveQueryRunner queries(m_archive);
    SourceDialog dialog(&service, &m_credentials, &queries);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto* provider = dialog.findChild<QComboBox*>(QStringLiteral("providerCombo"));
    provider->setCurrentIndex(provider->findData(QStringLiteral("generic")));
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    QApplication::processEvents();
    QApplication::setPalette(dark() ? lightPalette() : darkPalette()); // the other one
    QApplication::processEvents();
    auto* label = dialog.findChild<QLabel*>(QStringLiteral("nameError"));
    EXPECT_EQ(label->palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
    expectReadable(label, "nameError after the switch");
}

// Issue 19 point 12: the focus ring stands out at 3:1 (WCAG 2.1 non-text
// contrast) against Window and Base in both palettes.
// HTML mail brings its own dark text and no background: on a dark theme it
// gets the white page it was written for; plain text follows the theme.
TEST_P(ContrastTest, HtmlMailGetsTheWhitePageItWasWrittenFor)
{
    ArchiveQueryRunner queries(m_archive);
    MessageView view(&queries);
    view.resize(700, 500);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    MessageDocument document;
    document.hasHtml = true;
    document.html =
        QStringLiteral("<html><body><p style=\"color: #30363d\">Written for a white page</p>"
                       "<p>Default text, and <a href=\"https://example.com/\">a link</a></p></body></html>");
    document.parsed.bodyText = QStringLiteral("The plain text body");
    view.showDocument(document);
    ASSERT_TRUE(view.isShowingHtml());
    MessageBodyBrowser* body = view.bodyBrowser();
    const QPalette page = body->palette();
    for (const auto role : {QPalette::Text, QPalette::Link}) {
        EXPECT_GE(ThemeColors::contrastRatio(page.color(role), page.color(QPalette::Base)), AA) << role;
    }
    QApplication::processEvents();
    const QImage shown = body->viewport()->grab().toImage();
    const QColor background = shown.pixelColor(shown.width() - 4, shown.height() - 4);
    EXPECT_EQ(background, QColor(Qt::white)) << background.name().toStdString();
    const QColor text = renderedText(body->viewport(), background);
    EXPECT_GE(ThemeColors::contrastRatio(text, background), AA) << text.name().toStdString();
    EXPECT_GE(ThemeColors::contrastRatio(QColor(0x30, 0x36, 0x3d), background), AA);

    view.setShowHtml(false);
    const QPalette plain = body->palette();
    EXPECT_EQ(plain.color(QPalette::Base), QApplication::palette().color(QPalette::Base)) << "the theme's again";
    EXPECT_GE(ThemeColors::contrastRatio(plain.color(QPalette::Text), plain.color(QPalette::Base)), AA);
}

TEST_P(ContrastTest, FocusRingStandsOutAgainstWindowAndBase)
{
    const QPalette palette = QApplication::palette();
    const QColor ring = ThemeColors::focusRing(palette);
    for (const auto role : {QPalette::Window, QPalette::Base}) {
        EXPECT_GE(ThemeColors::contrastRatio(ring, palette.color(role)), 3.0)
            << ring.name().toStdString() << " on " << palette.color(role).name().toStdString();
    }
    // On a selected row (the current cell of a table), against Highlight.
    const QColor highlight = palette.color(QPalette::Highlight);
    EXPECT_GE(ThemeColors::contrastRatio(ThemeColors::focusRing(palette, highlight), highlight), 3.0);
}

// The current cell of a selected row shows its ring: pixels of the colour
// chosen against Highlight, which the unfocused table does not have.
TEST_P(ContrastTest, TheCurrentCellOfASelectedRowShowsTheRing)
{
    QTableWidget table(3, 2);
    for (int row = 0; row < 3; ++row) {
        for (int column = 0; column < 2; ++column) {
            table.setItem(row, column, new QTableWidgetItem(QStringLiteral("cell")));
        }
    }
    table.setSelectionBehavior(QAbstractItemView::SelectRows);
    table.resize(300, 200);
    table.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&table));
    table.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&table));
    table.setCurrentCell(1, 0);
    table.selectRow(1);
    const QColor highlight = table.palette().color(QPalette::Highlight);
    const QColor ring = ThemeColors::focusRing(table.palette(), highlight);
    const auto ringPixels = [&] {
        const QImage image = table.viewport()->grab().toImage();
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                count += image.pixelColor(x, y).rgb() == ring.rgb() ? 1 : 0;
            }
        }
        return count;
    };
    table.clearFocus();
    QApplication::processEvents();
    const int unfocused = ringPixels();
    table.setFocus();
    QApplication::processEvents();
    ASSERT_TRUE(table.hasFocus());
    EXPECT_GE(ringPixels() - unfocused, 2 * 2 * (table.columnWidth(0) - 8))
        << "no ring of " << ring.name().toStdString() << " on " << highlight.name().toStdString();
}

// Focusing a field or a button adds pixels of the ring's colour that the
// unfocused control does not have; the default button, unfocused, has none
// (it must not look focused).
TEST_P(ContrastTest, TheFocusedControlShowsTheRing)
{
    ASSERT_NE(qobject_cast<FocusRingStyle*>(QApplication::style()), nullptr) << "tests/ui/main.cpp installs it";
    QWidget window;
    auto* edit = new QLineEdit(QStringLiteral("text"), &window);
    auto* button = new QPushButton(QStringLiteral("Button"), &window);
    auto* fallback = new QPushButton(QStringLiteral("Other"), &window);
    button->setDefault(true);
    edit->setGeometry(10, 10, 160, 30);
    button->setGeometry(10, 50, 160, 30);
    fallback->setGeometry(10, 90, 160, 30);
    window.resize(200, 140);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    const QColor ring = ThemeColors::focusRing(window.palette());
    const auto ringPixels = [&ring](QWidget* widget) {
        const QImage image = widget->grab().toImage();
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                count += image.pixelColor(x, y).rgb() == ring.rgb() ? 1 : 0;
            }
        }
        return count;
    };
    for (QWidget* control : std::initializer_list<QWidget*> {edit, button}) {
        fallback->setFocus();
        QApplication::processEvents();
        const int unfocused = ringPixels(control);
        control->setFocus();
        QApplication::processEvents();
        ASSERT_TRUE(control->hasFocus());
        const int focused = ringPixels(control);
        // A 2-px ring around the control: at least its two long sides.
        EXPECT_GE(focused - unfocused, 2 * 2 * (control->width() - 8)) << control->metaObject()->className();
        if (control == button) {
            EXPECT_EQ(unfocused, 0) << "the default button looks focused";
        }
    }
}

} // namespace
