#include "sources/SourceDialog.h"
#include "UnreachableCredentialStore.h"
#include "WaitUntil.h"
#include "archive/Archive.h"
#include "credentials/LayeredCredentialStore.h"
#include "credentials/SessionCredentialStore.h"
#include "sources/SourceRepository.h"
#include "sync/SourceService.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

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
        m_dialog = std::make_unique<SourceDialog>(&m_service, &m_credentials);
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

TEST_F(SourceDialogTest, PortFollowsTheSecurityChoiceAndNoneWarnsInRed)
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
    EXPECT_TRUE(warning->styleSheet().contains(QStringLiteral("color")));
    security->setCurrentIndex(0);
    EXPECT_EQ(port->text(), QStringLiteral("993"));
    EXPECT_FALSE(warning->isVisibleTo(m_dialog.get()));

    // A port the user typed is theirs: the security choice leaves it alone.
    type("portEdit", QStringLiteral("10993"));
    security->setCurrentIndex(1);
    EXPECT_EQ(port->text(), QStringLiteral("10993"));
}

TEST_F(SourceDialogTest, ANameAlreadyTakenIsRefusedInline)
{
    IngestionSource existing;
    existing.name = QStringLiteral("Work");
    existing.host = QStringLiteral("imap.example.com");
    existing.username = QStringLiteral("jane");
    QString error;
    ASSERT_TRUE(SourceRepository(m_archive.connection()).add(existing, &error)) << error.toStdString();

    chooseProvider(QStringLiteral("generic"));
    type("nameEdit", QStringLiteral("Work"));
    EXPECT_TRUE(errorShown("nameError"));
    EXPECT_TRUE(child<QLabel>("nameError")->text().contains(QStringLiteral("already exists")));
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
    {
        SourceDialog dialog(&service, &credentials);
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

} // namespace
