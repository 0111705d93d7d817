#include "sources/SourceDialog.h"
#include "ScriptedImapServer.h"
#include "ScriptedReply.h"
#include "UnreachableCredentialStore.h"
#include "WaitUntil.h"
#include "archive/Archive.h"
#include "archive/ArchiveQueryRunner.h"
#include "credentials/LayeredCredentialStore.h"
#include "credentials/SessionCredentialStore.h"
#include "sources/FolderChooserDialog.h"
#include "sources/SourceRepository.h"
#include "sync/SourceService.h"

#include <QAbstractItemView>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <cmath>
#include <optional>

#include <gtest/gtest.h>

namespace {

// The dialog on its own, without a server: what the user sees while filling
// it in. (IngestionsPageTest saves through it against a real Dovecot.)
class SourceDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_directory.isValid());
        QString error;
        ASSERT_TRUE(m_archive.open(&error)) << error.toStdString();
        m_dialog = std::make_unique<SourceDialog>(&m_service, &m_credentials, &m_queries);
        m_dialog->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void TearDown() override
    {
        m_dialog.reset();
        m_archive.closeConnection();
    }

    template<typename T>
    T* child(const char* name) const
    {
        T* found = m_dialog->findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    void chooseProvider(const QString& id)
    {
        auto* provider = child<QComboBox>("providerCombo");
        provider->setCurrentIndex(provider->findData(id));
    }

    void type(const char* field, const QString& text)
    {
        auto* edit = child<QLineEdit>(field);
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    bool errorShown(const char* label) const { return child<QLabel>(label)->isVisibleTo(m_dialog.get()); }

    QTemporaryDir m_directory;
    Archive m_archive {m_directory.filePath(QStringLiteral("archive.sqlite"))};
    SessionCredentialStore m_credentials;
    SourceService m_service {m_archive, &m_credentials};
    ArchiveQueryRunner m_queries {m_archive};
    std::unique_ptr<SourceDialog> m_dialog;
};

TEST_F(SourceDialogTest, RevealsTheAccountFieldsOnlyOnceAProviderIsChosen)
{
    EXPECT_FALSE(child<QWidget>("usernameEdit")->isVisibleTo(m_dialog.get()));
    chooseProvider(QStringLiteral("generic"));
    EXPECT_TRUE(child<QWidget>("usernameEdit")->isVisibleTo(m_dialog.get()));
    EXPECT_TRUE(child<QLineEdit>("hostEdit")->isVisibleTo(m_dialog.get()));
    EXPECT_EQ(child<QLineEdit>("portEdit")->text(), QStringLiteral("993"));
    EXPECT_TRUE(child<QLabel>("adviceLabel")->text().contains(QStringLiteral("app password")));
}

TEST_F(SourceDialogTest, GmailFillsTheServerAndTailorsTheAdvice)
{
    chooseProvider(QStringLiteral("gmail"));
    EXPECT_FALSE(child<QLineEdit>("hostEdit")->isVisibleTo(m_dialog.get()));
    EXPECT_EQ(child<QLineEdit>("hostEdit")->text(), QStringLiteral("imap.gmail.com"));
    EXPECT_TRUE(child<QLabel>("presetServer")->text().contains(QStringLiteral("imap.gmail.com")));
    const QString advice = child<QLabel>("adviceLabel")->text();
    EXPECT_TRUE(advice.contains(QStringLiteral("2-Step Verification"))) << advice.toStdString();
    EXPECT_TRUE(advice.contains(QStringLiteral("https://support.google.com/accounts/answer/185833")));
    EXPECT_EQ(child<QLineEdit>("nameEdit")->text(), QStringLiteral("Gmail")); // a starting name
    EXPECT_EQ(child<QLineEdit>("usernameEdit")->placeholderText(), QStringLiteral("Your full Gmail address"));
}

TEST_F(SourceDialogTest, SaveWithEmptyFieldsShowsEachErrorNextToItsField)
{
    chooseProvider(QStringLiteral("generic"));
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    EXPECT_TRUE(m_dialog->isVisible()) << "an invalid form must not close";
    EXPECT_TRUE(errorShown("nameError"));
    EXPECT_TRUE(errorShown("hostError"));
    EXPECT_TRUE(errorShown("usernameError"));
    EXPECT_TRUE(errorShown("passwordError"));
    EXPECT_FALSE(errorShown("portError"));
    EXPECT_TRUE(child<QLabel>("hostError")->text().contains(QStringLiteral("imap.example.com")));
    EXPECT_TRUE(child<QLineEdit>("nameEdit")->hasFocus()) << "the first invalid field gets the focus";
    EXPECT_EQ(SourceRepository(m_archive.connection()).list().size(), 0);
}

TEST_F(SourceDialogTest, ValidatesHostAndPortAsTheUserTypes)
{
    chooseProvider(QStringLiteral("generic"));
    type("hostEdit", QStringLiteral("imaps://mail.example.com"));
    EXPECT_TRUE(errorShown("hostError"));
    EXPECT_TRUE(child<QLabel>("hostError")->text().contains(QStringLiteral("without")));
    type("hostEdit", QStringLiteral("mail..example.com"));
    EXPECT_TRUE(errorShown("hostError"));
    type("hostEdit", QStringLiteral("mail.example.com"));
    EXPECT_FALSE(errorShown("hostError"));
    type("hostEdit", QStringLiteral("192.0.2.7"));
    EXPECT_FALSE(errorShown("hostError"));

    type("portEdit", QStringLiteral("0"));
    EXPECT_TRUE(errorShown("portError"));
    type("portEdit", QStringLiteral("1143"));
    EXPECT_FALSE(errorShown("portError"));
    // Untouched fields stay quiet while the user works elsewhere.
    EXPECT_FALSE(errorShown("nameError"));
}

TEST_F(SourceDialogTest, PortFollowsTheSecurityChoiceAndNoneWarns)
{
    chooseProvider(QStringLiteral("generic"));
    auto* security = child<QComboBox>("securityCombo");
    auto* port = child<QLineEdit>("portEdit");
    auto* warning = child<QLabel>("plaintextWarning");
    EXPECT_FALSE(warning->isVisibleTo(m_dialog.get()));

    security->setCurrentIndex(1); // STARTTLS
    EXPECT_EQ(port->text(), QStringLiteral("143"));
    security->setCurrentIndex(2); // None
    EXPECT_EQ(port->text(), QStringLiteral("143"));
    EXPECT_TRUE(warning->isVisibleTo(m_dialog.get()));
    EXPECT_TRUE(warning->text().contains(QStringLiteral("clear text")));
    // A warning, not an error: no red error style, a warning icon beside it.
    EXPECT_FALSE(warning->styleSheet().contains(QStringLiteral("color")));
    bool hasIcon = false;
    for (const QLabel* label : child<QWidget>("plaintextWarningRow")->findChildren<QLabel*>()) {
        hasIcon = hasIcon || !label->pixmap().isNull();
    }
    EXPECT_TRUE(hasIcon);
    security->setCurrentIndex(0);
    EXPECT_EQ(port->text(), QStringLiteral("993"));
    EXPECT_FALSE(warning->isVisibleTo(m_dialog.get()));

    // A port the user typed is theirs: the security choice leaves it alone.
    type("portEdit", QStringLiteral("10993"));
    security->setCurrentIndex(1);
    EXPECT_EQ(port->text(), QStringLiteral("10993"));
}

// WCAG's contrast ratio of two colours: 4.5 is the minimum for text.
double contrast(const QColor& a, const QColor& b)
{
    const auto luminance = [](const QColor& c) {
        const auto channel = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The text colour as drawn: of the label's rendered pixels, the one that
// stands out most from the background (glyph stems are fully covered).
double renderedContrast(QWidget* label, const QColor& background)
{
    const QImage image = label->grab().toImage();
    double best = 1.0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            best = std::max(best, contrast(image.pixelColor(x, y), background));
        }
    }
    return best;
}

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    return dark;
}

// "None" is a warning people must be able to read, in a light and in a dark
// palette alike.
TEST_F(SourceDialogTest, TheNoEncryptionWarningReadsWellInLightAndDarkPalettes)
{
    chooseProvider(QStringLiteral("generic"));
    child<QComboBox>("securityCombo")->setCurrentIndex(2); // None
    auto* warning = child<QLabel>("plaintextWarning");
    ASSERT_TRUE(warning->isVisible());
    for (const QPalette& palette : {QApplication::style()->standardPalette(), darkPalette()}) {
        m_dialog->setPalette(palette);
        QApplication::processEvents();
        const QColor window = palette.color(QPalette::Window);
        const double ratio = renderedContrast(warning, window);
        EXPECT_GE(ratio, 4.5) << "against " << window.name().toStdString();
    }
}

TEST_F(SourceDialogTest, SaveWithoutAProviderSaysSoAtTheProviderField)
{
    type("nameEdit", QStringLiteral("Work"));
    EXPECT_FALSE(errorShown("providerError"));
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    EXPECT_TRUE(m_dialog->isVisible());
    EXPECT_TRUE(errorShown("providerError"));
    EXPECT_TRUE(child<QLabel>("providerError")->text().contains(QStringLiteral("provider")))
        << child<QLabel>("providerError")->text().toStdString();
    EXPECT_EQ(m_dialog->focusWidget(), child<QComboBox>("providerCombo"));
    EXPECT_FALSE(child<QComboBox>("providerCombo")->accessibleDescription().isEmpty()) << "read by screen readers";
    chooseProvider(QStringLiteral("fastmail"));
    EXPECT_FALSE(errorShown("providerError"));
}

// Errors and results wrap inside the form: the help beside it keeps its
// width, so nothing jumps.
TEST_F(SourceDialogTest, AnErrorOrResultDoesNotSqueezeTheHelpPanel)
{
    chooseProvider(QStringLiteral("generic"));
    QApplication::processEvents();
    auto* advice = child<QWidget>("adviceFrame");
    const int adviceWidth = advice->width();
    const int dialogWidth = m_dialog->width();
    ASSERT_GT(adviceWidth, 150);

    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    QApplication::processEvents();
    ASSERT_TRUE(errorShown("hostError"));
    EXPECT_EQ(advice->width(), adviceWidth) << "after the validation errors";

    child<QComboBox>("securityCombo")->setCurrentIndex(2);
    QApplication::processEvents();
    EXPECT_EQ(advice->width(), adviceWidth) << "after the no-encryption warning";

    // A test that fails at once (nothing listens on port 1) shows a long result.
    type("nameEdit", QStringLiteral("Local"));
    type("hostEdit", QStringLiteral("127.0.0.1"));
    type("portEdit", QStringLiteral("1"));
    type("usernameEdit", QStringLiteral("someone.with.a.rather.long.user.name@example.test"));
    type("passwordEdit", QStringLiteral("secret"));
    QSignalSpy tested(m_dialog.get(), &SourceDialog::connectionTestFinished);
    QTest::mouseClick(child<QPushButton>("testButton"), Qt::LeftButton);
    ASSERT_TRUE(tested.wait(30000));
    QApplication::processEvents();
    auto* result = child<QLabel>("testResult");
    ASSERT_TRUE(result->isVisible());
    EXPECT_GT(result->text().size(), 60) << result->text().toStdString();
    EXPECT_EQ(advice->width(), adviceWidth) << "after the test result";
    EXPECT_EQ(m_dialog->width(), dialogWidth);
    EXPECT_GE(result->height(), result->heightForWidth(result->width())) << "the result wraps, uncut";
}

// Switching provider drops errors of fields that no longer apply (Gmail's
// host is not the user's to type) and checks again those that still do.
// After a failed Save the focus goes to the first invalid field once; typing
// elsewhere then stays there (it jumped to the first invalid field at every
// keystroke, scattering what the user typed over the form).
TEST_F(SourceDialogTest, TypingAfterAFailedSaveStaysInTheField)
{
    chooseProvider(QStringLiteral("generic"));
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    ASSERT_EQ(m_dialog->focusWidget(), child<QLineEdit>("nameEdit"));
    auto* host = child<QLineEdit>("hostEdit");
    host->setFocus();
    QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
    EXPECT_EQ(host->text(), QStringLiteral("127.0.0.1"));
    EXPECT_EQ(m_dialog->focusWidget(), host);
    EXPECT_TRUE(child<QLineEdit>("nameEdit")->text().isEmpty());
    EXPECT_TRUE(errorShown("nameError")) << "the other errors stay";
}

TEST_F(SourceDialogTest, SwitchingProviderClearsErrorsThatNoLongerApply)
{
    chooseProvider(QStringLiteral("generic"));
    type("hostEdit", QStringLiteral("imaps://mail.example.com"));
    type("portEdit", QStringLiteral("0"));
    ASSERT_TRUE(errorShown("hostError"));
    ASSERT_TRUE(errorShown("portError"));
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    ASSERT_TRUE(errorShown("usernameError"));

    chooseProvider(QStringLiteral("gmail"));
    EXPECT_FALSE(errorShown("hostError"));
    EXPECT_FALSE(errorShown("portError"));
    EXPECT_TRUE(child<QLineEdit>("hostEdit")->accessibleDescription().isEmpty());
    EXPECT_TRUE(errorShown("usernameError")) << "the user name is still missing";
    EXPECT_FALSE(errorShown("nameError")) << "Gmail named it";

    type("usernameEdit", QStringLiteral("jane@gmail.com"));
    chooseProvider(QStringLiteral("generic"));
    EXPECT_FALSE(errorShown("usernameError"));
    EXPECT_FALSE(errorShown("hostError")) << "the host is Gmail's now, which is valid";
    auto* host = child<QLineEdit>("hostEdit");
    host->selectAll();
    QTest::keyClick(host, Qt::Key_Backspace);
    EXPECT_TRUE(errorShown("hostError")) << "and checked again as the user types";
}

// Every control says what it is to a screen reader, and the password's hint
// makes sense without seeing the layout.
TEST_F(SourceDialogTest, EveryControlHasAnAccessibleNameAndThePasswordHintStandsAlone)
{
    chooseProvider(QStringLiteral("generic"));
    child<QComboBox>("securityCombo")->setCurrentIndex(2);
    auto* password = child<QLineEdit>("passwordEdit");
    EXPECT_FALSE(password->placeholderText().contains(QStringLiteral("right"))) << "no direction to look in";
    EXPECT_TRUE(password->placeholderText().contains(QStringLiteral("app password"), Qt::CaseInsensitive));
    EXPECT_FALSE(password->accessibleDescription().isEmpty());
    for (QWidget* widget : m_dialog->findChildren<QWidget*>()) {
        if (!widget->isVisibleTo(m_dialog.get()) || !widget->focusPolicy() || qobject_cast<QLabel*>(widget)) {
            continue;
        }
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
        ASSERT_NE(accessible, nullptr);
        EXPECT_FALSE(accessible->text(QAccessible::Name).isEmpty())
            << widget->metaObject()->className() << " " << widget->objectName().toStdString();
    }
}

TEST(FolderChooser, ATreeByTheDelimiterInboxFirstWithContainersAndTrashMarked)
{
    const auto folder = [](const char* path, QStringList flags = {}) {
        RemoteFolder remote;
        remote.path = QString::fromUtf8(path);
        remote.name = QByteArray(path);
        remote.delimiter = QLatin1Char('.');
        remote.flags = flags;
        return remote;
    };
    const QList<RemoteFolder> folders {folder("Sent", {QStringLiteral("\\Sent")}),
                                       folder("Work.Projects"),
                                       folder("Trash", {QStringLiteral("\\Trash")}),
                                       folder("Work", {QStringLiteral("\\Noselect"), QStringLiteral("\\HasChildren")}),
                                       folder("archive"),
                                       folder("Junk", {QStringLiteral("\\Junk")}),
                                       folder("INBOX"),
                                       folder("Work.Clients")};
    FolderChooserDialog chooser(folders, {QStringLiteral("INBOX"), QStringLiteral("Work.Clients")});
    chooser.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&chooser));
    auto* tree = chooser.findChild<QTreeWidget*>(QStringLiteral("folderTree"));
    ASSERT_NE(tree, nullptr);
    EXPECT_FALSE(tree->accessibleName().isEmpty());
    QStringList shown;
    QStringList checked;
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        const QTreeWidgetItem* item = *it;
        const bool checkable = item->flags() & Qt::ItemIsUserCheckable;
        shown << QString(item->parent() ? 2 : 0, QLatin1Char(' ')) + item->text(0)
                + (checkable ? QString() : QStringLiteral(" [no box]"));
        if (checkable && item->checkState(0) == Qt::Checked) {
            checked << item->data(0, Qt::UserRole).toString();
        }
    }
    EXPECT_EQ(shown,
              QStringList({QStringLiteral("INBOX"),
                           QStringLiteral("archive"),
                           QStringLiteral("Junk (not in All folders)"),
                           QStringLiteral("Sent"),
                           QStringLiteral("Trash (not in All folders)"),
                           QStringLiteral("Work [no box]"),
                           QStringLiteral("  Clients"),
                           QStringLiteral("  Projects")}))
        << shown.join(QLatin1Char('|')).toStdString();
    EXPECT_EQ(checked, QStringList({QStringLiteral("INBOX"), QStringLiteral("Work.Clients")}));

    // Keyboard only: arrows move, Space checks.
    tree->setFocus();
    tree->setCurrentItem(tree->topLevelItem(0));
    QTest::keyClick(tree, Qt::Key_Down);
    QTest::keyClick(tree, Qt::Key_Space);
    EXPECT_EQ(chooser.chosenFolders(),
              QStringList({QStringLiteral("INBOX"), QStringLiteral("archive"), QStringLiteral("Work.Clients")}));
}

TEST_F(SourceDialogTest, ANameAlreadyTakenIsRefusedInline)
{
    IngestionSource existing;
    existing.name = QStringLiteral("Work");
    existing.host = QStringLiteral("imap.example.com");
    existing.username = QStringLiteral("jane");
    QString error;
    ASSERT_TRUE(SourceRepository(m_archive.connection()).add(existing, &error)) << error.toStdString();
    // The names in use are read (off the UI thread) when the dialog opens.
    m_dialog = std::make_unique<SourceDialog>(&m_service, &m_credentials, &m_queries);
    m_dialog->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_dialog.get()));

    chooseProvider(QStringLiteral("generic"));
    type("nameEdit", QStringLiteral("Work"));
    ASSERT_TRUE(waitUntil([&] { return errorShown("nameError"); }, 5000));
    EXPECT_TRUE(child<QLabel>("nameError")->text().contains(QStringLiteral("already exists")));
    // Another name is fine, the same one with other spaces is not.
    type("nameEdit", QStringLiteral("Work 2"));
    EXPECT_FALSE(errorShown("nameError"));
    type("nameEdit", QStringLiteral("  Work "));
    EXPECT_TRUE(errorShown("nameError"));
}

TEST_F(SourceDialogTest, ThePasswordIsMaskedWithAShowToggle)
{
    chooseProvider(QStringLiteral("generic"));
    auto* password = child<QLineEdit>("passwordEdit");
    EXPECT_EQ(password->echoMode(), QLineEdit::Password);
    auto* toggle = password->findChild<QAction*>(QStringLiteral("showPasswordAction"));
    ASSERT_NE(toggle, nullptr);
    toggle->trigger();
    EXPECT_EQ(password->echoMode(), QLineEdit::Normal);
    toggle->trigger();
    EXPECT_EQ(password->echoMode(), QLineEdit::Password);
}

// Without a keychain the password can be kept for this session, and the
// source is saved; nothing is written anywhere on disk.
TEST(SourceDialogWithoutKeychain, OffersToKeepThePasswordForThisSession)
{
    QTemporaryDir directory;
    Archive archive(directory.filePath(QStringLiteral("archive.sqlite")));
    QString error;
    ASSERT_TRUE(archive.open(&error)) << error.toStdString();
    UnreachableCredentialStore keychain;
    SessionCredentialStore session;
    LayeredCredentialStore credentials(&keychain, &session);
    SourceService service(archive, &credentials);
    ArchiveQueryRunner queries(archive);
    {
        SourceDialog dialog(&service, &credentials, &queries);
        dialog.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
        auto* provider = dialog.findChild<QComboBox*>(QStringLiteral("providerCombo"));
        provider->setCurrentIndex(provider->findData(QStringLiteral("fastmail")));
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("usernameEdit")),
                         QStringLiteral("jane@fastmail.com"));
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("passwordEdit")), QStringLiteral("app-pw"));

        bool offered = false;
        QTimer::singleShot(0, &dialog, [&offered] {
            // The question comes once the keychain has said no.
            QTimer* poll = new QTimer;
            QObject::connect(poll, &QTimer::timeout, poll, [poll, &offered] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (!box) {
                    return;
                }
                offered = box->objectName() == QStringLiteral("keepForSessionBox");
                for (QAbstractButton* button : box->buttons()) {
                    if (box->buttonRole(button) == QMessageBox::AcceptRole) {
                        button->click();
                    }
                }
                poll->deleteLater();
            });
            poll->start(20);
        });
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
        ASSERT_TRUE(waitUntil([&] { return dialog.result() == QDialog::Accepted; }, 10000));
        EXPECT_TRUE(offered);
        EXPECT_TRUE(dialog.createdSource());
        EXPECT_TRUE(credentials.isKeptForSession(dialog.savedSourceId()));
    }
    const auto saved = SourceRepository(archive.connection()).findByName(QStringLiteral("Fastmail"));
    ASSERT_TRUE(saved.has_value());
    EXPECT_EQ(saved->host, QStringLiteral("imap.fastmail.com"));
    // The first attempt, refused by the keychain, left no source behind.
    EXPECT_EQ(SourceRepository(archive.connection()).list().size(), 1);
    archive.closeConnection();
}

// A port on loopback where nothing listens: a connection test fails at once.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost)) {
        return 1;
    }
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

class SourceDialogKeyboardTest : public SourceDialogTest
{
protected:
    // Shortcuts and the focus need the dialog to be the active window.
    void activate()
    {
        m_dialog->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(m_dialog.get()));
    }

    void fillValidGenericForm()
    {
        activate();
        chooseProvider(QStringLiteral("generic"));
        type("nameEdit", QStringLiteral("Local"));
        type("hostEdit", QStringLiteral("127.0.0.1"));
        type("portEdit", QString::number(closedPort()));
        type("usernameEdit", QStringLiteral("someone@example.test"));
        type("passwordEdit", QStringLiteral("secret"));
    }

    QPushButton* cancelButton() const
    {
        return m_dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel);
    }
};

// Test disables itself while it runs; the focus must not leave Cancel as the
// default button, or Return after the result closes the dialog unsaved.
TEST_F(SourceDialogKeyboardTest, AfterATestReturnStillSaves)
{
    fillValidGenericForm();
    auto* test = child<QPushButton>("testButton");
    auto* save = child<QPushButton>("saveButton");
    test->setFocus();
    QSignalSpy tested(m_dialog.get(), &SourceDialog::connectionTestFinished);
    QTest::keyClick(test, Qt::Key_Space);
    ASSERT_TRUE(tested.wait(30000));
    QApplication::processEvents();

    EXPECT_TRUE(save->isDefault());
    EXPECT_FALSE(cancelButton()->isDefault());
    EXPECT_TRUE(test->isEnabled());
    EXPECT_EQ(m_dialog->focusWidget(), test) << "the focus is back on Test, not on Cancel";

    // The result is announced: the label and the focused button carry it.
    auto* result = child<QLabel>("testResult");
    const QString shown = result->text().remove(QChar(0x200B)).mid(2); // without "✖ "
    EXPECT_FALSE(shown.isEmpty());
    EXPECT_EQ(result->accessibleName(), shown);
    EXPECT_EQ(result->accessibleDescription(), shown);
    EXPECT_EQ(test->accessibleDescription(), shown);

    QSignalSpy rejected(m_dialog.get(), &QDialog::rejected);
    QTest::keyClick(m_dialog->focusWidget(), Qt::Key_Return);
    EXPECT_EQ(rejected.count(), 0) << "Return did not cancel";
    ASSERT_TRUE(waitUntil([&] { return m_dialog->result() == QDialog::Accepted; }, 10000)) << "Return saves the source";
    EXPECT_TRUE(m_dialog->createdSource());
    EXPECT_EQ(SourceRepository(m_archive.connection()).list().size(), 1);
}

// Reading through the folder choices with the arrows neither tests the
// connection nor opens the chooser; an explicit pick does.
TEST_F(SourceDialogKeyboardTest, ArrowingOntoChooseOpensNothingButPickingItDoes)
{
    fillValidGenericForm();
    auto* folders = child<QComboBox>("foldersCombo");
    folders->setFocus();
    QSignalSpy tested(m_dialog.get(), &SourceDialog::connectionTestFinished);
    for (int i = 0; i < 3; ++i) {
        QTest::keyClick(folders, Qt::Key_Down);
    }
    EXPECT_EQ(folders->currentIndex(), 2);
    EXPECT_FALSE(tested.wait(500)) << "no connection test";
    EXPECT_EQ(m_dialog->findChild<FolderChooserDialog*>(), nullptr);
    EXPECT_TRUE(child<QPushButton>("chooseFoldersButton")->isVisibleTo(m_dialog.get()));
    EXPECT_TRUE(child<QPushButton>("testButton")->isEnabled()) << "nothing is running";
    QTest::keyClick(folders, Qt::Key_Up);
    QTest::keyClick(folders, Qt::Key_Down);
    EXPECT_FALSE(tested.wait(200));

    // Open the list and pick "Choose…" with Enter: the folders are fetched
    // (the test fails here: nothing listens), so a test runs.
    QTest::keyClick(folders, Qt::Key_F4);
    ASSERT_TRUE(waitUntil([&] { return folders->view()->isVisible(); }, 2000));
    QTest::keyClick(folders->view(), Qt::Key_Return);
    EXPECT_TRUE(tested.wait(30000)) << "an explicit pick fetches the folders";
}

// The show-password toggle takes no focus: Ctrl+H in the field is its key,
// it has a name, and the field's description mentions it.
// A server without folders: "Choose…" says so on the field and opens no
// empty chooser (issue 19, small ones).
TEST_F(SourceDialogKeyboardTest, ChoosingFoldersOnAServerWithoutAnySaysSo)
{
    // INBOX is there (the test examines it), but LIST names nothing.
    ScriptedImapServer server;
    ScriptedFolder inbox;
    inbox.name = "INBOX";
    server.setFolders({inbox});
    server.setHandler("LIST", [](const ScriptedCommand&, ScriptedReply& reply) { reply.ok("LIST completed"); });
    QString error;
    ASSERT_TRUE(server.start(&error)) << error.toStdString();
    activate();
    chooseProvider(QStringLiteral("generic"));
    type("nameEdit", QStringLiteral("Empty"));
    type("hostEdit", server.host());
    auto* security = child<QComboBox>("securityCombo");
    security->setCurrentIndex(security->findData(static_cast<int>(ConnectionSecurity::None)));
    type("portEdit", QString::number(server.port()));
    type("usernameEdit", QString::fromLatin1(server.user()));
    type("passwordEdit", QString::fromLatin1(server.password()));

    // Were a chooser to open anyway (modal), close it and note it.
    bool chooserOpened = false;
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &watch, [&chooserOpened] {
        if (auto* chooser = qobject_cast<FolderChooserDialog*>(QApplication::activeModalWidget())) {
            chooserOpened = true;
            chooser->reject();
        }
    });
    watch.start(50);
    auto* folders = child<QComboBox>("foldersCombo");
    QSignalSpy tested(m_dialog.get(), &SourceDialog::connectionTestFinished);
    folders->setCurrentIndex(2);
    emit folders->activated(2); // "Choose…" picked: tests, then would choose
    ASSERT_TRUE(tested.wait(30000));
    ASSERT_TRUE(tested.first().at(0).toBool()) << child<QLabel>("testResult")->text().toStdString();
    QApplication::processEvents();
    EXPECT_FALSE(chooserOpened);
    auto* summary = child<QLabel>("folderSummary");
    EXPECT_TRUE(summary->text().contains(QStringLiteral("no folders"))) << summary->text().toStdString();
    EXPECT_EQ(folders->accessibleDescription(), summary->text());
    EXPECT_EQ(m_dialog->focusWidget(), folders);

    // Picking it again says the same, without a new test.
    folders->setCurrentIndex(2);
    emit folders->activated(2);
    QApplication::processEvents();
    EXPECT_EQ(tested.size(), 1);
    EXPECT_FALSE(chooserOpened);
}

TEST_F(SourceDialogKeyboardTest, CtrlHShowsAndHidesThePassword)
{
    activate();
    chooseProvider(QStringLiteral("generic"));
    auto* password = child<QLineEdit>("passwordEdit");
    QTest::keyClicks(password, QStringLiteral("secret"));
    password->setFocus();
    auto* toggle = password->findChild<QAction*>(QStringLiteral("showPasswordAction"));
    ASSERT_NE(toggle, nullptr);
    EXPECT_EQ(toggle->text(), QStringLiteral("Show the password"));
    QTest::keyClick(password, Qt::Key_H, Qt::ControlModifier);
    EXPECT_EQ(password->echoMode(), QLineEdit::Normal);
    EXPECT_EQ(toggle->text(), QStringLiteral("Hide the password"));
    EXPECT_EQ(password->text(), QStringLiteral("secret")) << "Ctrl+H is not a backspace here";
    QTest::keyClick(password, Qt::Key_H, Qt::ControlModifier);
    EXPECT_EQ(password->echoMode(), QLineEdit::Password);
    EXPECT_TRUE(password->accessibleDescription().contains(QStringLiteral("Ctrl+H")))
        << password->accessibleDescription().toStdString();
    // The button Qt draws for the action is named after it.
    bool named = false;
    for (QToolButton* button : password->findChildren<QToolButton*>()) {
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(button);
        named = named || (accessible && accessible->text(QAccessible::Name) == QStringLiteral("Show the password"));
    }
    EXPECT_TRUE(named);
}

// For each provider, every control the keyboard reaches says what it is,
// not just what it holds; the help's links are in the Tab order.
TEST_F(SourceDialogKeyboardTest, EveryFocusableControlHasANameThatIsNotItsValue)
{
    auto* provider = child<QComboBox>("providerCombo");
    for (int index = 0; index < provider->count(); ++index) {
        provider->setCurrentIndex(index);
        if (provider->currentData().toString() == QStringLiteral("generic")) {
            auto* security = child<QComboBox>("securityCombo");
            security->setCurrentIndex(2);
            EXPECT_TRUE(security->accessibleDescription().contains(QStringLiteral("clear text")))
                << "the no-encryption warning is read with the combo";
        }
        QApplication::processEvents();
        for (QWidget* widget : m_dialog->findChildren<QWidget*>()) {
            if (!widget->isVisibleTo(m_dialog.get()) || !(widget->focusPolicy() & Qt::TabFocus)) {
                continue;
            }
            QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
            ASSERT_NE(accessible, nullptr);
            const QString name = accessible->text(QAccessible::Name);
            QString value = accessible->text(QAccessible::Value);
            if (auto* combo = qobject_cast<QComboBox*>(widget)) {
                value = combo->currentText();
            } else if (auto* label = qobject_cast<QLabel*>(widget)) {
                value = label->text();
            }
            const std::string what = widget->metaObject()->className() + std::string(" ")
                + widget->objectName().toStdString() + " for " + provider->currentText().toStdString();
            EXPECT_FALSE(name.isEmpty()) << what;
            if (name == value) {
                // Qt on Linux names a combo box by its value; its label comes
                // through the relation to the caption whose buddy it is.
                const auto labels = accessible->relations(QAccessible::Label);
                ASSERT_FALSE(labels.isEmpty()) << what << " has only its value for a name";
                EXPECT_FALSE(labels.first().first->text(QAccessible::Name).isEmpty()) << what;
            }
        }
    }
    // The help panel's links: Tab reaches them from the form.
    auto* advice = child<QLabel>("adviceLabel");
    EXPECT_TRUE(advice->textInteractionFlags() & Qt::LinksAccessibleByKeyboard);
    child<QLineEdit>("passwordEdit")->setFocus();
    bool reached = false;
    for (int i = 0; i < 20 && !reached; ++i) {
        QTest::keyClick(m_dialog->focusWidget(), Qt::Key_Tab);
        reached = m_dialog->focusWidget() == advice;
    }
    EXPECT_TRUE(reached) << "the help's links are in the Tab order";
}

// The chooser's check boxes are what a screen reader reports, and Space
// toggles them.
TEST(FolderChooser, ChecksAreAccessibleAndToggleWithSpace)
{
    const auto folder = [](const char* path) {
        RemoteFolder remote;
        remote.path = QString::fromUtf8(path);
        remote.name = QByteArray(path);
        remote.delimiter = QLatin1Char('.');
        return remote;
    };
    FolderChooserDialog chooser({folder("INBOX"), folder("Archive")}, {QStringLiteral("INBOX")});
    chooser.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&chooser));
    auto* tree = chooser.findChild<QTreeWidget*>(QStringLiteral("folderTree"));
    ASSERT_NE(tree, nullptr);
    const auto accessibleState = [tree](const QString& text) -> std::optional<QAccessible::State> {
        QAccessibleInterface* view = QAccessible::queryAccessibleInterface(tree);
        for (int i = 0; view && i < view->childCount(); ++i) {
            QAccessibleInterface* cell = view->child(i);
            if (cell && cell->text(QAccessible::Name) == text) {
                return cell->state();
            }
        }
        return std::nullopt;
    };
    auto inbox = accessibleState(QStringLiteral("INBOX"));
    ASSERT_TRUE(inbox.has_value());
    EXPECT_TRUE(inbox->checkable);
    EXPECT_TRUE(inbox->checked);
    auto archive = accessibleState(QStringLiteral("Archive"));
    ASSERT_TRUE(archive.has_value());
    EXPECT_TRUE(archive->checkable);
    EXPECT_FALSE(archive->checked);

    tree->setFocus();
    ASSERT_EQ(tree->currentItem()->text(0), QStringLiteral("INBOX"));
    QTest::keyClick(tree, Qt::Key_Space);
    EXPECT_EQ(tree->currentItem()->checkState(0), Qt::Unchecked);
    EXPECT_FALSE(accessibleState(QStringLiteral("INBOX"))->checked);
    QTest::keyClick(tree, Qt::Key_Down);
    QTest::keyClick(tree, Qt::Key_Space);
    EXPECT_EQ(tree->currentItem()->text(0), QStringLiteral("Archive"));
    EXPECT_TRUE(accessibleState(QStringLiteral("Archive"))->checked);
    EXPECT_EQ(chooser.chosenFolders(), QStringList {QStringLiteral("Archive")});
}

} // namespace
