#include "sources/IngestionsPage.h"
#include "DovecotTest.h"
#include "MailGenerator.h"
#include "MaildirWriter.h"
#include "MainWindow.h"
#include "WaitUntil.h"
#include "archive/Archive.h"
#include "archive/ArchiveReader.h"
#include "archive/EventLog.h"
#include "credentials/KeychainCredentialStore.h"
#include "sources/CertificateExceptions.h"
#include "sources/DeleteSourceDialog.h"
#include "sources/FolderChooserDialog.h"
#include "sources/SourceDetailsDialog.h"
#include "sources/SourceDialog.h"
#include "sources/SourceRepository.h"
#include "sources/SourceTableModel.h"
#include "sync/SourceService.h"
#include "sync/SyncManager.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include "common/AppInfo.h"

namespace {

using Status = IngestionSource::Status;

// The Ingestions page as a user drives it: through the dialog, the table and
// the actions, against a real Dovecot and the session's real keyring.
class IngestionsPageTest : public DovecotTest
{
protected:
    void SetUp() override
    {
        DovecotTest::SetUp();
        AppInfo::configure();
        QSettings().clear();
        ASSERT_TRUE(m_directory.isValid());
        m_archive = std::make_unique<Archive>(m_directory.filePath(QStringLiteral("archive.sqlite")));
        QString error;
        ASSERT_TRUE(m_archive->open(&error)) << error.toStdString();
        m_credentials = std::make_unique<KeychainCredentialStore>(m_archive->identity());
        m_manager = std::make_unique<SyncManager>(*m_archive, m_credentials.get());
        // The fixture's CA is private; the app trusts it as a user's system would.
        m_manager->setExtraCaCertificatesFile(server().caCertificatePath());
        m_service = std::make_unique<SourceService>(*m_archive, m_credentials.get(), m_manager.get());
        m_window = std::make_unique<MainWindow>(*m_archive, m_manager.get(), m_service.get(), m_credentials.get());
        page()->setExtraCaCertificatesFile(server().caCertificatePath());
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        // Keyboard shortcuts only reach the active window.
        m_window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
        m_manager->start();
    }

    void TearDown() override
    {
        m_window.reset();
        m_service.reset();
        m_manager.reset();
        m_credentials.reset();
        m_archive->closeConnection();
        DovecotTest::TearDown();
    }

    IngestionsPage* page() const { return m_window->ingestionsPage(); }
    // Details of the selected source, shown and filled in (it reads the
    // archive off the UI thread).
    SourceDetailsDialog* openDetails() const
    {
        SourceDetailsDialog* details = page()->showDetails();
        if (!details) {
            return nullptr;
        }
        QSignalSpy refreshed(details, &SourceDetailsDialog::refreshed);
        if (!QTest::qWaitForWindowExposed(details) || !waitUntil([&] { return refreshed.count() > 0; }, 10000)) {
            return nullptr;
        }
        return details;
    }
    SourceTableModel* model() const { return page()->model(); }

    QList<GeneratedMessage> deliver(int count, quint64 seed, const QString& user = QStringLiteral("test"))
    {
        MailGeneratorOptions options;
        options.seed = seed;
        options.attachmentScale = 0.02;
        const QList<GeneratedMessage> messages = MailGenerator(options).next(count, QStringLiteral("INBOX"));
        MaildirWriter writer = server().maildirWriter(user);
        QString error;
        for (const GeneratedMessage& message : messages) {
            EXPECT_TRUE(writer.write(message, &error)) << error.toStdString();
        }
        return messages;
    }

    static void type(QWidget* dialog, const char* field, const QString& text)
    {
        auto* edit = dialog->findChild<QLineEdit*>(QString::fromLatin1(field));
        ASSERT_NE(edit, nullptr) << field;
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

    // Fills Create New as the user guide says, for the fixture's server.
    void fillGenericImap(SourceDialog* dialog, const QString& name, const QString& password)
    {
        auto* provider = dialog->findChild<QComboBox*>(QStringLiteral("providerCombo"));
        ASSERT_NE(provider, nullptr);
        provider->setCurrentIndex(provider->findData(QStringLiteral("generic")));
        type(dialog, "nameEdit", name);
        type(dialog, "hostEdit", server().host());
        type(dialog, "portEdit", QString::number(server().imapsPort()));
        type(dialog, "usernameEdit", QStringLiteral("test"));
        type(dialog, "passwordEdit", password);
    }

    // Create New → fill → Save changes; returns the new source's id.
    qint64 createThroughDialog(const QString& name, const QString& password)
    {
        QPointer<SourceDialog> dialog = page()->createNew();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(dialog));
        fillGenericImap(dialog, name, password);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
        // The dialog closes once the keychain has the password.
        EXPECT_TRUE(waitUntil([&] { return dialog.isNull() || !dialog->isVisible(); }, 30000));
        const auto source = SourceRepository(m_archive->connection()).findByName(name);
        EXPECT_TRUE(source.has_value());
        return source ? source->id : 0;
    }

    QString cell(qint64 sourceId, int column) const
    {
        const int row = model()->rowOf(sourceId);
        return row < 0 ? QString() : model()->index(row, column).data().toString();
    }
    Status status(qint64 sourceId) const { return model()->source(sourceId).value_or(IngestionSource {}).status; }
    bool waitForStatus(qint64 sourceId, Status wanted, int timeoutMs = 90000) const
    {
        return waitUntil([&] { return status(sourceId) == wanted; }, timeoutMs);
    }
    qint64 archivedMessages() const { return ArchiveReader(m_archive->connection()).messageCount(); }

    CredentialResult storedPassword(qint64 sourceId) const
    {
        QSignalSpy finished(m_credentials.get(), &CredentialStore::requestFinished);
        m_credentials->readPassword(sourceId);
        EXPECT_TRUE(finished.wait(20000));
        return finished.isEmpty() ? CredentialResult {} : finished.last().at(3).value<CredentialResult>();
    }

    // Keyboard shortcuts reach only the active window, and closing a dialog
    // on the offscreen platform leaves none active.
    void focusTable()
    {
        m_window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
        page()->table()->setFocus();
    }

    void selectByName(const QString& name)
    {
        const auto source = SourceRepository(m_archive->connection()).findByName(name);
        ASSERT_TRUE(source.has_value()) << name.toStdString();
        const int row = model()->rowOf(source->id);
        auto* proxy = page()->table()->model();
        for (int proxyRow = 0; proxyRow < proxy->rowCount(); ++proxyRow) {
            if (proxy->index(proxyRow, 0).data(SourceTableModel::SourceIdRole).toLongLong() == source->id) {
                page()->table()->selectRow(proxyRow);
                return;
            }
        }
        ADD_FAILURE() << "no row " << row << " for " << name.toStdString();
    }

    QAction* action(const char* name) const
    {
        auto* found = page()->findChild<QAction*>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    QTemporaryDir m_directory;
    std::unique_ptr<Archive> m_archive;
    std::unique_ptr<KeychainCredentialStore> m_credentials;
    std::unique_ptr<SyncManager> m_manager;
    std::unique_ptr<SourceService> m_service;
    std::unique_ptr<MainWindow> m_window;
};

TEST_F(IngestionsPageTest, ANewSourceGoesFromImportingToActiveWithTheRightCount)
{
    deliver(60, 501);
    QAbstractItemModelTester tester(model(), QAbstractItemModelTester::FailureReportingMode::Warning);
    const qint64 id = createThroughDialog(QStringLiteral("Work mail"), server().password(QStringLiteral("test")));
    ASSERT_NE(id, 0);
    // The row is there at once, before the server has answered, and selected:
    // what the toolbar acts on next is the source just created.
    ASSERT_TRUE(waitUntil([&] { return model()->rowOf(id) >= 0; }, 5000));
    const auto selected = [&] {
        const QModelIndexList rows = page()->table()->selectionModel()->selectedRows();
        return rows.isEmpty() ? 0 : rows.first().data(SourceTableModel::SourceIdRole).toLongLong();
    };
    ASSERT_TRUE(waitUntil([&] { return selected() == id; }, 5000));
    EXPECT_FALSE(page()->emptyState()->isVisible());
    EXPECT_EQ(cell(id, SourceTableModel::Status), QStringLiteral("Importing"));
    EXPECT_EQ(cell(id, SourceTableModel::Account), QStringLiteral("test@%1").arg(server().host()));
    EXPECT_EQ(cell(id, SourceTableModel::Provider), QStringLiteral("Generic IMAP"));

    ASSERT_TRUE(waitForStatus(id, Status::Active)) << cell(id, SourceTableModel::Progress).toStdString();
    EXPECT_TRUE(waitUntil([&] { return cell(id, SourceTableModel::Archived).startsWith(QStringLiteral("60 · ")); }))
        << cell(id, SourceTableModel::Archived).toStdString();
    EXPECT_EQ(cell(id, SourceTableModel::LastSync), QStringLiteral("just now"));
    EXPECT_EQ(archivedMessages(), 60);
    // The password is in the keychain, and only there.
    const CredentialResult stored = storedPassword(id);
    EXPECT_EQ(stored.status, CredentialResult::Status::Ok) << stored.message.toStdString();
    EXPECT_EQ(stored.password, server().password(QStringLiteral("test")));
    auto* summary = m_window->findChild<QLabel*>(QStringLiteral("syncSummary"));
    // "message(s)" until the English catalogue has the plural, "messages" after.
    EXPECT_TRUE(waitUntil([&] { return summary->text().contains(QStringLiteral("60 message")); }))
        << summary->text().toStdString();
}

// What the toolbar acts on after Create New is the source just created,
// though its row arrives with the model's next read.
TEST_F(IngestionsPageTest, TheSourceJustCreatedIsSelected)
{
    const auto selected = [&] {
        const QModelIndexList rows = page()->table()->selectionModel()->selectedRows();
        return rows.isEmpty() ? 0 : rows.first().data(SourceTableModel::SourceIdRole).toLongLong();
    };
    const qint64 first = createThroughDialog(QStringLiteral("B first"), server().password(QStringLiteral("test")));
    ASSERT_TRUE(waitUntil([&] { return selected() == first; }, 5000));
    // Sorted by name, the second one's row comes before the first's.
    const qint64 second = createThroughDialog(QStringLiteral("A second"), server().password(QStringLiteral("test")));
    ASSERT_TRUE(waitUntil([&] { return model()->rowOf(second) >= 0; }, 5000));
    EXPECT_TRUE(waitUntil([&] { return selected() == second; }, 5000)) << "selected: " << selected();
}

TEST_F(IngestionsPageTest, AWrongPasswordShowsErrorWithTheReasonAndAHint)
{
    deliver(3, 502);
    const qint64 id = createThroughDialog(QStringLiteral("Typo"), QStringLiteral("not-the-password"));
    ASSERT_TRUE(waitForStatus(id, Status::Error));
    const QString progress = cell(id, SourceTableModel::Progress);
    EXPECT_TRUE(progress.contains(QStringLiteral("rejected the user name or password"))) << progress.toStdString();
    EXPECT_TRUE(progress.contains(QStringLiteral("app password"))) << progress.toStdString();
    const int row = model()->rowOf(id);
    EXPECT_EQ(model()->index(row, SourceTableModel::Status).data(Qt::ToolTipRole).toString(), progress);
    EXPECT_EQ(archivedMessages(), 0);
    // The sentence carries no protocol; Details has the server's words.
    EXPECT_FALSE(progress.contains(QStringLiteral("AUTHENTICATIONFAILED"))) << progress.toStdString();
    page()->table()->selectRow(row);
    QPointer<SourceDetailsDialog> details = openDetails();
    ASSERT_TRUE(details);
    auto* technical = details->findChild<QLabel*>(QStringLiteral("detailsTechnical"));
    ASSERT_NE(technical, nullptr);
    EXPECT_TRUE(technical->isVisible());
    EXPECT_TRUE(technical->text().contains(QStringLiteral("[AUTHENTICATIONFAILED] Authentication failed.")))
        << technical->text().toStdString();
    EXPECT_FALSE(details->findChild<QLabel*>(QStringLiteral("detailsError"))
                     ->text()
                     .contains(QStringLiteral("AUTHENTICATIONFAILED")));
    // The failure's kind offers its fix: the certificate is not the problem,
    // the password is; the button opens the source's settings at the
    // password, which says why.
    EXPECT_FALSE(details->findChild<QPushButton*>(QStringLiteral("detailsTrustButton"))->isVisible());
    auto* change = details->findChild<QPushButton*>(QStringLiteral("detailsPasswordButton"));
    ASSERT_NE(change, nullptr);
    ASSERT_TRUE(change->isVisible());
    QTest::mouseClick(change, Qt::LeftButton);
    QPointer<SourceDialog> edit = page()->findChild<SourceDialog*>();
    ASSERT_TRUE(edit);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(edit));
    auto* password = edit->findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    EXPECT_TRUE(waitUntil([&] { return edit->focusWidget() == password; }, 5000));
    EXPECT_TRUE(password->accessibleDescription().contains(QStringLiteral("rejected the user name or password")))
        << password->accessibleDescription().toStdString();
    details->close();
    // The right password, saved: the same source imports.
    edit->activateWindow();
    QTest::keyClicks(password, server().password(QStringLiteral("test")));
    QTest::mouseClick(edit->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return edit.isNull() || !edit->isVisible(); }, 30000));
    ASSERT_TRUE(waitForStatus(id, Status::Active));
    EXPECT_EQ(archivedMessages(), 3);
    EXPECT_EQ(model()->source(id)->lastErrorKind, SyncFailure::Kind::None);
}

TEST_F(IngestionsPageTest, TestConnectionSaysWhatWorkedAndListsFoldersForChoose)
{
    QPointer<SourceDialog> dialog = page()->createNew();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    fillGenericImap(dialog, QStringLiteral("Tested"), server().password(QStringLiteral("test")));
    QSignalSpy tested(dialog.data(), &SourceDialog::connectionTestFinished);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("testButton")), Qt::LeftButton);
    ASSERT_TRUE(tested.wait(30000));
    EXPECT_TRUE(tested.first().at(0).toBool());
    const QString result = dialog->findChild<QLabel*>(QStringLiteral("testResult"))->text();
    EXPECT_TRUE(result.contains(QStringLiteral("logged in as test"))) << result.toStdString();
    dialog->close();
}

TEST_F(IngestionsPageTest, TestConnectionWithAWrongPasswordSaysSoWithoutProtocol)
{
    QPointer<SourceDialog> dialog = page()->createNew();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    fillGenericImap(dialog, QStringLiteral("Typo"), QStringLiteral("not-the-password"));
    QSignalSpy tested(dialog.data(), &SourceDialog::connectionTestFinished);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("testButton")), Qt::LeftButton);
    ASSERT_TRUE(tested.wait(30000));
    EXPECT_FALSE(tested.first().at(0).toBool());
    auto* label = dialog->findChild<QLabel*>(QStringLiteral("testResult"));
    EXPECT_TRUE(label->text().contains(QStringLiteral("rejected the user name or password")))
        << label->text().toStdString();
    EXPECT_FALSE(label->text().contains(QStringLiteral("AUTHENTICATIONFAILED"))) << label->text().toStdString();
    // The server's words are a hover away.
    EXPECT_TRUE(label->toolTip().contains(QStringLiteral("[AUTHENTICATIONFAILED] Authentication failed.")))
        << label->toolTip().toStdString();
    // The cursor goes where the fix is: the password, selected to be typed
    // over, and carrying the result for a screen reader.
    auto* password = dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    EXPECT_EQ(dialog->focusWidget(), password);
    EXPECT_EQ(password->selectedText().size(), QStringLiteral("not-the-password").size());
    EXPECT_TRUE(password->accessibleDescription().contains(QStringLiteral("rejected the user name or password")));
    dialog->close();
}

// A server name that does not resolve: the cursor goes to the name.
TEST_F(IngestionsPageTest, TestConnectionWithAnUnknownHostPutsTheCursorInTheServerName)
{
    QPointer<SourceDialog> dialog = page()->createNew();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    fillGenericImap(dialog, QStringLiteral("Typo"), QStringLiteral("secret"));
    auto* host = dialog->findChild<QLineEdit*>(QStringLiteral("hostEdit"));
    host->clear();
    QTest::keyClicks(host, QStringLiteral("imap.no-such-host.invalid"));
    QSignalSpy tested(dialog.data(), &SourceDialog::connectionTestFinished);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("testButton")), Qt::LeftButton);
    ASSERT_TRUE(tested.wait(30000));
    EXPECT_FALSE(tested.first().at(0).toBool());
    auto* label = dialog->findChild<QLabel*>(QStringLiteral("testResult"));
    EXPECT_TRUE(label->text().contains(QStringLiteral("Check the server name"))) << label->text().toStdString();
    EXPECT_EQ(dialog->focusWidget(), host);
    EXPECT_EQ(host->selectedText(), QStringLiteral("imap.no-such-host.invalid"));
    dialog->close();
}

TEST_F(IngestionsPageTest, ChooseListsTheServersFoldersAndOnlyTheChosenAreArchived)
{
    deliver(3, 513);
    MailGeneratorOptions options;
    options.seed = 514;
    MaildirWriter writer = server().maildirWriter(QStringLiteral("test"));
    QString error;
    for (const QString& folder : {QStringLiteral("Sent"), QStringLiteral("Archive/2023")}) {
        for (const GeneratedMessage& message : MailGenerator(options).next(2, folder)) {
            ASSERT_TRUE(writer.write(message, &error)) << error.toStdString();
        }
    }
    QPointer<SourceDialog> dialog = page()->createNew();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    fillGenericImap(dialog, QStringLiteral("Chosen"), server().password(QStringLiteral("test")));

    // The chooser comes up once the server has listed its folders: a tree
    // in the server's hierarchy, INBOX first, what "Inbox only" archives
    // checked. The user checks Sent with the keyboard.
    QStringList offered;
    QStringList checkedAtFirst;
    auto* poll = new QTimer(m_window.get());
    QObject::connect(poll, &QTimer::timeout, poll, [poll, &offered, &checkedAtFirst] {
        auto* chooser = qobject_cast<FolderChooserDialog*>(QApplication::activeModalWidget());
        if (!chooser) {
            return;
        }
        poll->deleteLater();
        auto* tree = chooser->findChild<QTreeWidget*>(QStringLiteral("folderTree"));
        ASSERT_NE(tree, nullptr);
        QTreeWidgetItem* sent = nullptr;
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            const QTreeWidgetItem* item = *it;
            const QString indent(item->parent() ? 2 : 0, QLatin1Char(' '));
            offered << indent + item->text(0);
            if (item->checkState(0) == Qt::Checked) {
                checkedAtFirst << item->data(0, Qt::UserRole).toString();
            }
            if (item->text(0) == QStringLiteral("Sent")) {
                sent = *it;
            }
        }
        ASSERT_NE(sent, nullptr);
        tree->setFocus();
        tree->setCurrentItem(sent);
        QTest::keyClick(tree, Qt::Key_Space);
        chooser->accept();
    });
    poll->start(20);
    auto* folders = dialog->findChild<QComboBox*>(QStringLiteral("foldersCombo"));
    folders->setCurrentIndex(2);
    emit folders->activated(2); // "Choose…", as a click would
    ASSERT_TRUE(waitUntil([&] { return !offered.isEmpty(); }, 30000));
    EXPECT_EQ(offered,
              QStringList({QStringLiteral("INBOX"),
                           QStringLiteral("Archive"),
                           QStringLiteral("  2023"),
                           QStringLiteral("Junk (not in All folders)"),
                           QStringLiteral("Sent"),
                           QStringLiteral("Trash (not in All folders)")}))
        << offered.join(QLatin1Char('|')).toStdString();
    EXPECT_EQ(checkedAtFirst, QStringList({QStringLiteral("INBOX")})) << "Inbox only was the choice";
    const QString summary = dialog->findChild<QLabel*>(QStringLiteral("folderSummary"))->text();
    EXPECT_TRUE(summary.startsWith(QStringLiteral("2 folders: ")) && summary.contains(QStringLiteral("INBOX"))
                && summary.contains(QStringLiteral("Sent")))
        << summary.toStdString();

    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return dialog.isNull() || !dialog->isVisible(); }));
    const auto source = SourceRepository(m_archive->connection()).findByName(QStringLiteral("Chosen"));
    ASSERT_TRUE(source.has_value());
    EXPECT_EQ(source->folderScope, IngestionSource::FolderScope::Chosen);
    ASSERT_TRUE(waitForStatus(source->id, Status::Active));
    EXPECT_EQ(archivedMessages(), 5) << "INBOX and Sent, not Archive/2023";
}

// The chooser starts from the scope the user had: "All folders" checks all
// but Trash and Junk; reopened with "Change…", the folders chosen before.
TEST_F(IngestionsPageTest, TheFolderChooserStartsFromTheCurrentScope)
{
    QPointer<SourceDialog> dialog = page()->createNew();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    fillGenericImap(dialog, QStringLiteral("Scoped"), server().password(QStringLiteral("test")));
    auto* folders = dialog->findChild<QComboBox*>(QStringLiteral("foldersCombo"));
    folders->setCurrentIndex(1); // All folders
    emit folders->activated(1);

    QList<QStringList> checkedEachTime;
    const auto answerChooser = [&](bool uncheckArchive) {
        auto* poll = new QTimer(m_window.get());
        QObject::connect(poll, &QTimer::timeout, poll, [poll, &checkedEachTime, uncheckArchive] {
            auto* chooser = qobject_cast<FolderChooserDialog*>(QApplication::activeModalWidget());
            if (!chooser) {
                return;
            }
            poll->deleteLater();
            QStringList checked;
            for (QTreeWidgetItemIterator it(chooser->findChild<QTreeWidget*>(QStringLiteral("folderTree"))); *it;
                 ++it) {
                if ((*it)->checkState(0) == Qt::Checked) {
                    checked << (*it)->data(0, Qt::UserRole).toString();
                }
                if (uncheckArchive && (*it)->data(0, Qt::UserRole).toString() == QStringLiteral("Archive")) {
                    (*it)->setCheckState(0, Qt::Unchecked);
                }
            }
            checkedEachTime << checked;
            chooser->accept();
        });
        poll->start(20);
    };
    answerChooser(true);
    folders->setCurrentIndex(2);
    emit folders->activated(2); // "Choose…": tests first, then opens the chooser
    ASSERT_TRUE(waitUntil([&] { return checkedEachTime.size() == 1; }, 30000));
    EXPECT_EQ(checkedEachTime.at(0),
              QStringList({QStringLiteral("INBOX"), QStringLiteral("Archive"), QStringLiteral("Sent")}));

    answerChooser(false);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("chooseFoldersButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return checkedEachTime.size() == 2; }, 10000));
    EXPECT_EQ(checkedEachTime.at(1), QStringList({QStringLiteral("INBOX"), QStringLiteral("Sent")}));
    dialog->close();
}

TEST_F(IngestionsPageTest, AnUntrustedCertificateShowsItsFingerprintAndCanBeTrusted)
{
    // No extra CA this time: the fixture's certificate is unknown here.
    page()->setExtraCaCertificatesFile(QString());
    QPointer<SourceDialog> dialog = page()->createNew();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    fillGenericImap(dialog, QStringLiteral("Self-signed"), server().password(QStringLiteral("test")));
    QSignalSpy tested(dialog.data(), &SourceDialog::connectionTestFinished);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("testButton")), Qt::LeftButton);
    ASSERT_TRUE(tested.wait(30000));
    EXPECT_FALSE(tested.first().at(0).toBool());
    // As read: without the zero-width spaces that let the fingerprint wrap.
    const QString result = dialog->findChild<QLabel*>(QStringLiteral("testResult"))->text().remove(QChar(0x200B));
    CertificateInfo certificate;
    certificate.sha256 = server().serverFingerprint();
    EXPECT_TRUE(result.contains(certificate.formattedFingerprint())) << result.toStdString();
    auto* trust = dialog->findChild<QPushButton*>(QStringLiteral("trustButton"));
    ASSERT_TRUE(trust->isVisible());
    // The button that matters now has the focus, the result in its
    // description, so a screen reader reads both (issue 19, trap 3).
    EXPECT_EQ(dialog->focusWidget(), trust);
    EXPECT_FALSE(trust->accessibleDescription().isEmpty());

    // Trusting asks first, showing the fingerprint; then the test passes.
    QTimer::singleShot(0, m_window.get(), [] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        EXPECT_TRUE(box->text().contains(QStringLiteral("SHA-256")));
        for (QAbstractButton* button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::AcceptRole) {
                button->click();
            }
        }
    });
    QTest::mouseClick(trust, Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return tested.size() == 2; }, 30000));
    EXPECT_TRUE(tested.last().at(0).toBool())
        << dialog->findChild<QLabel*>(QStringLiteral("testResult"))->text().toStdString();
    dialog->close();
}

// Answers the next modal message box named `objectName` with the button of
// `role`, noting its text. Polls, since the box may come after a test.
QTimer* answerBox(QObject* owner, const QString& objectName, QMessageBox::ButtonRole role, QStringList* texts)
{
    auto* poll = new QTimer(owner);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, objectName, role, texts] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || box->objectName() != objectName) {
            return;
        }
        poll->deleteLater();
        *texts << box->text();
        for (QAbstractButton* button : box->buttons()) {
            if (box->buttonRole(button) == role) {
                button->click();
                return;
            }
        }
    });
    poll->start(20);
    return poll;
}

// A label's text as a screen reader or a copy gets it, without the
// zero-width spaces that let a fingerprint wrap.
QString read(const QLabel* label)
{
    return label->text().remove(QChar(0x200B));
}

// Nothing of a word-wrapped label is cut off: it got the height its text
// needs at its width.
::testing::AssertionResult notClipped(const QLabel* label)
{
    const int needed = label->heightForWidth(label->width());
    if (label->isVisible() && label->height() >= needed) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << label->objectName().toStdString() << " is " << label->width() << "x"
                                         << label->height() << " but needs " << needed << " in height for \""
                                         << read(label).toStdString() << "\"";
}

// Trust is per server: saving after a test that met an untrusted certificate
// asks first; a second source on the same host and port is not asked again;
// Details names the exception, and removing it makes the next sync fail as
// untrusted, which Details then says.
TEST_F(IngestionsPageTest, TrustIsAskedBeforeSavingOnceForTheServerAndCanBeRemovedInDetails)
{
    deliver(4, 530);
    page()->setExtraCaCertificatesFile(QString());
    m_manager->setExtraCaCertificatesFile(QString());
    CertificateInfo certificate;
    certificate.sha256 = server().serverFingerprint();
    const QString serverName = QStringLiteral("%1:%2").arg(server().host()).arg(server().imapsPort());

    QPointer<SourceDialog> first = page()->createNew();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(first));
    fillGenericImap(first, QStringLiteral("First"), server().password(QStringLiteral("test")));
    QSignalSpy tested(first.data(), &SourceDialog::connectionTestFinished);
    auto* help = first->findChild<QWidget*>(QStringLiteral("adviceFrame"));
    const int helpWidth = help->width();
    QTest::mouseClick(first->findChild<QPushButton*>(QStringLiteral("testButton")), Qt::LeftButton);
    ASSERT_TRUE(tested.wait(30000));
    ASSERT_FALSE(tested.first().at(0).toBool());
    // The result names the 95-character fingerprint: it wraps in the form
    // instead of widening it and squeezing the help beside it.
    QApplication::processEvents();
    EXPECT_EQ(help->width(), helpWidth);
    auto* result = first->findChild<QLabel*>(QStringLiteral("testResult"));
    EXPECT_LE(result->geometry().right(), help->geometry().left());

    // Declining keeps the dialog open and saves nothing.
    QStringList asked;
    answerBox(m_window.get(), QStringLiteral("trustCertificateBox"), QMessageBox::RejectRole, &asked);
    QTest::mouseClick(first->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return !asked.isEmpty(); }, 10000));
    EXPECT_TRUE(first->isVisible());
    EXPECT_FALSE(SourceRepository(m_archive->connection()).findByName(QStringLiteral("First")).has_value());
    EXPECT_TRUE(first->findChild<QLabel*>(QStringLiteral("testResult"))->text().contains(QStringLiteral("Not saved")));

    answerBox(m_window.get(), QStringLiteral("trustCertificateBox"), QMessageBox::AcceptRole, &asked);
    QTest::mouseClick(first->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return first.isNull() || !first->isVisible(); }, 30000));
    ASSERT_EQ(asked.size(), 2);
    EXPECT_TRUE(asked.last().contains(certificate.formattedFingerprint())) << asked.last().toStdString();
    EXPECT_TRUE(asked.last().contains(serverName)) << asked.last().toStdString();
    const auto firstSource = SourceRepository(m_archive->connection()).findByName(QStringLiteral("First"));
    ASSERT_TRUE(firstSource.has_value());
    ASSERT_TRUE(waitForStatus(firstSource->id, Status::Active)) << firstSource->lastError.toStdString();

    // The second source on that server: tested and saved without a question.
    QPointer<SourceDialog> second = page()->createNew();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(second));
    fillGenericImap(second, QStringLiteral("Second"), server().password(QStringLiteral("test")));
    QSignalSpy secondTested(second.data(), &SourceDialog::connectionTestFinished);
    QTest::mouseClick(second->findChild<QPushButton*>(QStringLiteral("testButton")), Qt::LeftButton);
    ASSERT_TRUE(secondTested.wait(30000));
    EXPECT_TRUE(secondTested.first().at(0).toBool())
        << second->findChild<QLabel*>(QStringLiteral("testResult"))->text().toStdString();
    QTest::mouseClick(second->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return second.isNull() || !second->isVisible(); }, 30000));
    EXPECT_EQ(asked.size(), 2) << "not asked again";
    const auto secondSource = SourceRepository(m_archive->connection()).findByName(QStringLiteral("Second"));
    ASSERT_TRUE(secondSource.has_value());
    ASSERT_TRUE(waitForStatus(secondSource->id, Status::Active)) << secondSource->lastError.toStdString();

    // Details of the second source name the exception of its server.
    page()->table()->selectRow(model()->rowOf(secondSource->id));
    QPointer<SourceDetailsDialog> details = openDetails();
    ASSERT_TRUE(details);
    auto* line = details->findChild<QLabel*>(QStringLiteral("detailsCertificate"));
    auto* remove = details->findChild<QPushButton*>(QStringLiteral("detailsRemoveTrustButton"));
    EXPECT_TRUE(read(line).startsWith(QStringLiteral("trusted by you for %1 since ").arg(serverName)))
        << read(line).toStdString();
    EXPECT_TRUE(read(line).contains(certificate.formattedFingerprint())) << read(line).toStdString();
    EXPECT_TRUE(remove->isVisible());
    EXPECT_FALSE(remove->accessibleName().isEmpty());
    waitUntil([&] { return bool(notClipped(line)); }, 2000);
    EXPECT_TRUE(notClipped(line));

    // Cancel keeps it; Remove Trust removes it.
    answerBox(details, QStringLiteral("removeTrustBox"), QMessageBox::RejectRole, &asked);
    QTest::mouseClick(remove, Qt::LeftButton);
    EXPECT_TRUE(CertificateExceptions(m_archive->connection()).find(server().host(), server().imapsPort()));
    answerBox(details, QStringLiteral("removeTrustBox"), QMessageBox::DestructiveRole, &asked);
    QTest::mouseClick(remove, Qt::LeftButton);
    EXPECT_EQ(asked.size(), 4);
    EXPECT_FALSE(CertificateExceptions(m_archive->connection()).find(server().host(), server().imapsPort()));
    // Details reads the archive again, off the UI thread.
    EXPECT_TRUE(waitUntil([&] { return !remove->isVisible(); }, 5000));
    EXPECT_TRUE(read(line).startsWith(QStringLiteral("not checked since you removed the trust")))
        << read(line).toStdString();

    // The next sync is refused, and Details says why, uncut.
    m_manager->syncNow(secondSource->id);
    ASSERT_TRUE(waitForStatus(secondSource->id, Status::Error));
    ASSERT_TRUE(waitUntil([&] { return read(line).startsWith(QStringLiteral("not trusted: ")); }))
        << read(line).toStdString();
    EXPECT_TRUE(read(line).contains(certificate.formattedFingerprint())) << read(line).toStdString();
    auto* error = details->findChild<QLabel*>(QStringLiteral("detailsError"));
    EXPECT_TRUE(read(error).contains(certificate.formattedFingerprint())) << read(error).toStdString();
    EXPECT_TRUE(details->findChild<QPushButton*>(QStringLiteral("detailsTrustButton"))->isVisible());
    // Once the layout has settled (a few posted layout requests), nothing is cut.
    waitUntil([&] { return notClipped(error) && notClipped(line) ? true : false; }, 2000);
    EXPECT_TRUE(notClipped(error));
    EXPECT_TRUE(notClipped(line));

    // Trusting again from Details restores the exception and the sync.
    answerBox(details, QStringLiteral("trustCertificateBox"), QMessageBox::AcceptRole, &asked);
    QTest::mouseClick(details->findChild<QPushButton*>(QStringLiteral("detailsTrustButton")), Qt::LeftButton);
    EXPECT_TRUE(asked.last().contains(serverName)) << asked.last().toStdString();
    const auto restored = CertificateExceptions(m_archive->connection()).find(server().host(), server().imapsPort());
    ASSERT_TRUE(restored.has_value());
    EXPECT_EQ(restored->certificate.subject, QStringLiteral("localhost")) << "what the prompt showed is kept";
    ASSERT_TRUE(waitForStatus(secondSource->id, Status::Active));
    EXPECT_TRUE(waitUntil([&] { return read(line).startsWith(QStringLiteral("trusted by you for ")); }))
        << read(line).toStdString();
    details->close();
}

// Before any connection, Details does not claim anything about the
// certificate.
TEST_F(IngestionsPageTest, DetailsOfASourceNeverConnectedSayTheCertificateIsNotCheckedYet)
{
    IngestionSource source;
    source.name = QStringLiteral("Unchecked");
    source.host = server().host();
    source.port = server().imapsPort();
    source.username = QStringLiteral("test");
    source.status = Status::Paused;
    QString error;
    const auto added = SourceRepository(m_archive->connection()).add(source, &error);
    ASSERT_TRUE(added.has_value()) << error.toStdString();
    ArchiveQueryRunner queries(*m_archive);
    SourceDetailsDialog details(&queries, m_manager.get(), m_service.get(), added->id);
    QSignalSpy refreshed(&details, &SourceDetailsDialog::refreshed);
    details.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&details));
    ASSERT_TRUE(waitUntil([&] { return refreshed.count() > 0; }));
    auto* line = details.findChild<QLabel*>(QStringLiteral("detailsCertificate"));
    EXPECT_EQ(read(line), QStringLiteral("not checked yet"));
    EXPECT_FALSE(details.findChild<QPushButton*>(QStringLiteral("detailsRemoveTrustButton"))->isVisible());
}

TEST_F(IngestionsPageTest, EditWithABlankPasswordKeepsTheStoredOne)
{
    deliver(5, 503);
    const qint64 id = createThroughDialog(QStringLiteral("Before"), server().password(QStringLiteral("test")));
    ASSERT_TRUE(waitForStatus(id, Status::Active));

    page()->table()->selectRow(model()->rowOf(id));
    QPointer<SourceDialog> dialog = page()->editSelected();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    EXPECT_TRUE(dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->text().isEmpty());
    type(dialog, "nameEdit", QStringLiteral("After"));
    // Saving restarts a pass with the kept password: it must log in and
    // fetch what arrived meanwhile.
    deliver(1, 504);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return dialog.isNull() || !dialog->isVisible(); }));

    EXPECT_TRUE(waitUntil([&] { return cell(id, SourceTableModel::Name) == QStringLiteral("After"); }));
    EXPECT_EQ(storedPassword(id).password, server().password(QStringLiteral("test")));
    EXPECT_TRUE(waitUntil([&] { return archivedMessages() == 6; }));
    EXPECT_EQ(status(id), Status::Active) << cell(id, SourceTableModel::Progress).toStdString();
}

// Pointing a source at another account asks first; a fresh import then
// reads the new account from the start and keeps the old account's mail.
TEST_F(IngestionsPageTest, ChangingTheUserOffersAFreshImport)
{
    deliver(7, 511);
    QString error;
    ASSERT_TRUE(server().setUser(QStringLiteral("other"), QStringLiteral("other-pass"), &error)) << error.toStdString();
    deliver(4, 512, QStringLiteral("other"));
    const qint64 id = createThroughDialog(QStringLiteral("Moving"), server().password(QStringLiteral("test")));
    ASSERT_TRUE(waitForStatus(id, Status::Active));
    ASSERT_TRUE(waitUntil([&] { return m_manager->activity(id).state == SyncManager::Activity::State::Idle; }));

    page()->table()->selectRow(model()->rowOf(id));
    QPointer<SourceDialog> dialog = page()->editSelected();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    type(dialog, "usernameEdit", QStringLiteral("other"));
    type(dialog, "passwordEdit", QStringLiteral("other-pass"));
    bool asked = false;
    QTimer::singleShot(0, m_window.get(), [&asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        asked = box->text().contains(QStringLiteral("from the start"));
        for (QAbstractButton* button : box->buttons()) {
            if (button->text() == QStringLiteral("&Fresh import")) {
                button->click();
            }
        }
    });
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return dialog.isNull() || !dialog->isVisible(); }));
    EXPECT_TRUE(asked);

    ASSERT_TRUE(waitUntil([&] { return cell(id, SourceTableModel::Archived).startsWith(QStringLiteral("4 · ")); }))
        << cell(id, SourceTableModel::Archived).toStdString();
    // The count is recounted while the pass runs; the pass then records
    // the source Active as it ends.
    EXPECT_TRUE(waitForStatus(id, Status::Active));
    EXPECT_EQ(archivedMessages(), 11) << "the first account's mail stays in the archive";
    EXPECT_EQ(storedPassword(id).password, QStringLiteral("other-pass"));
}

TEST_F(IngestionsPageTest, PauseMidImportThenResumeCompletesExactly)
{
    deliver(2500, 505);
    const qint64 id = createThroughDialog(QStringLiteral("Big"), server().password(QStringLiteral("test")));
    page()->table()->selectRow(model()->rowOf(id));
    ASSERT_TRUE(waitUntil([&] { return archivedMessages() > 0; }));

    QAction* pauseResume = action("pauseResumeAction");
    EXPECT_EQ(pauseResume->text(), QStringLiteral("&Pause"));
    pauseResume->trigger();
    ASSERT_TRUE(waitForStatus(id, Status::Paused));
    ASSERT_TRUE(waitUntil([&] { return m_manager->activity(id).state == SyncManager::Activity::State::Idle; }));
    const qint64 atPause = archivedMessages();
    QTest::qWait(500);
    EXPECT_EQ(archivedMessages(), atPause) << "a paused source must not import";
    EXPECT_EQ(cell(id, SourceTableModel::NextCheck), QStringLiteral("paused"));
    EXPECT_EQ(pauseResume->text(), QStringLiteral("&Resume"));
    EXPECT_FALSE(action("syncNowAction")->isEnabled());
    {
        // Details agree: nothing to sync while paused, and the history says
        // who paused it.
        QPointer<SourceDetailsDialog> details = openDetails();
        ASSERT_TRUE(details);
        EXPECT_FALSE(details->findChild<QPushButton*>(QStringLiteral("detailsSyncNowButton"))->isEnabled());
        auto* history = details->findChild<QTreeWidget*>(QStringLiteral("historyList"));
        ASSERT_NE(history, nullptr);
        QStringList rows;
        for (int item = 0; item < history->topLevelItemCount(); ++item) {
            rows << history->topLevelItem(item)->text(1);
        }
        EXPECT_EQ(rows.filter(QRegularExpression(QStringLiteral("^Paused: no checks for new mail"))).size(), 1)
            << rows.join(QLatin1Char('\n')).toStdString();
        EXPECT_EQ(
            rows.filter(QRegularExpression(QStringLiteral("^Big: stopped after storing [0-9,]+ new messages"))).size(),
            1)
            << rows.join(QLatin1Char('\n')).toStdString();
        details->close();
        focusTable();
    }

    pauseResume->trigger();
    // From the moment it resumes, everything says it imports.
    // Read together while the pass runs: waiting a fixed time could let a
    // short remainder of the import finish first.
    QString seen;
    ASSERT_TRUE(waitUntil([&] {
        seen = cell(id, SourceTableModel::Status) + QLatin1Char('|') + cell(id, SourceTableModel::NextCheck)
            + QLatin1Char('|') + pauseResume->text() + QLatin1Char('|')
            + (action("syncNowAction")->isEnabled() ? QStringLiteral("sync enabled") : QStringLiteral("sync disabled"));
        return m_manager->activity(id).state == SyncManager::Activity::State::Syncing
            && seen == QStringLiteral("Importing|now|&Pause|sync enabled");
    })) << "the row, toolbar and menu must follow the resume while it imports; last seen: "
        << seen.toStdString();
    ASSERT_TRUE(waitForStatus(id, Status::Active, 180000)) << cell(id, SourceTableModel::Progress).toStdString();
    EXPECT_EQ(archivedMessages(), 2500);

    // The history adds up to what arrived: what the stopped pass stored and
    // what the one after the resume stored.
    qint64 counted = 0;
    QStringList kinds;
    for (const ArchiveEvent& event : m_archive->events().recent(id)) {
        kinds << event.kind;
        if (event.kind == QLatin1String("sync.finished") || event.kind == QLatin1String("sync.cancelled")) {
            counted += event.details.value(QStringLiteral("new")).toInteger();
        }
    }
    EXPECT_EQ(counted, 2500);
    EXPECT_TRUE(kinds.contains(QStringLiteral("source.paused")));
    EXPECT_TRUE(kinds.contains(QStringLiteral("source.resumed")));
}

// The server stops answering: the row keeps its status but warns at once,
// with since when and the next try; Details says the same and shows the
// error; the warning goes with the first good pass.
TEST_F(IngestionsPageTest, AnUnreachableServerShowsAWarningNotAGreenActive)
{
    deliver(3, 520);
    m_manager->setRetryBaseDelay(std::chrono::milliseconds(60000));
    const qint64 id = createThroughDialog(QStringLiteral("Flaky"), server().password(QStringLiteral("test")));
    ASSERT_TRUE(waitForStatus(id, Status::Active));
    ASSERT_TRUE(waitUntil([&] { return m_manager->activity(id).state == SyncManager::Activity::State::Idle; }));
    const int row = model()->rowOf(id);
    EXPECT_FALSE(model()->index(row, SourceTableModel::Status).data(SourceTableModel::FailingRole).toBool());

    server().stop();
    ASSERT_TRUE(m_service->syncNow(id).ok());
    ASSERT_TRUE(waitUntil([&] {
        return cell(id, SourceTableModel::Progress).startsWith(QStringLiteral("can't reach the server since"));
    })) << cell(id, SourceTableModel::Progress).toStdString();
    EXPECT_TRUE(cell(id, SourceTableModel::Progress).contains(QStringLiteral("retrying at")))
        << cell(id, SourceTableModel::Progress).toStdString();
    EXPECT_EQ(cell(id, SourceTableModel::Status), QStringLiteral("Active"));
    EXPECT_TRUE(model()->index(row, SourceTableModel::Status).data(SourceTableModel::FailingRole).toBool());
    EXPECT_TRUE(model()
                    ->index(row, SourceTableModel::Status)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(QStringLiteral("warning")));

    page()->table()->selectRow(model()->rowOf(id));
    QPointer<SourceDetailsDialog> details = openDetails();
    ASSERT_TRUE(details);
    const QString detailsStatus = details->findChild<QLabel*>(QStringLiteral("detailsStatus"))->text();
    EXPECT_TRUE(detailsStatus.contains(QStringLiteral("can't reach the server since"))) << detailsStatus.toStdString();
    const QString detailsError = details->findChild<QLabel*>(QStringLiteral("detailsError"))->text();
    EXPECT_NE(detailsError, QStringLiteral("none"));
    EXPECT_TRUE(detailsError.contains(QStringLiteral("failing since"))) << detailsError.toStdString();

    QString error;
    ASSERT_TRUE(server().restart(&error)) << error.toStdString();
    ASSERT_TRUE(m_service->syncNow(id).ok());
    ASSERT_TRUE(waitUntil([&] {
        return !model()
                    ->index(model()->rowOf(id), SourceTableModel::Status)
                    .data(SourceTableModel::FailingRole)
                    .toBool()
            && m_manager->activity(id).state == SyncManager::Activity::State::Idle;
    }));
    EXPECT_EQ(cell(id, SourceTableModel::Progress), QStringLiteral("up to date"));
    EXPECT_TRUE(waitUntil(
        [&] { return details->findChild<QLabel*>(QStringLiteral("detailsError"))->text() == QStringLiteral("none"); }));
}

TEST_F(IngestionsPageTest, SyncNowPicksUpANewlyDeliveredMessage)
{
    deliver(4, 506);
    const qint64 id = createThroughDialog(QStringLiteral("Inbox"), server().password(QStringLiteral("test")));
    ASSERT_TRUE(waitForStatus(id, Status::Active));
    ASSERT_TRUE(waitUntil([&] { return m_manager->activity(id).state == SyncManager::Activity::State::Idle; }));
    EXPECT_TRUE(cell(id, SourceTableModel::NextCheck).startsWith(QStringLiteral("in ")))
        << cell(id, SourceTableModel::NextCheck).toStdString();

    deliver(1, 507);
    page()->table()->selectRow(model()->rowOf(id));
    focusTable();
    QTest::keyClick(page()->table(), Qt::Key_F5); // Sync Now
    EXPECT_TRUE(waitUntil([&] { return archivedMessages() == 5; }));
    EXPECT_TRUE(waitUntil([&] { return cell(id, SourceTableModel::Archived).startsWith(QStringLiteral("5 · ")); }));
}

TEST_F(IngestionsPageTest, DeleteKeepingTheMailLeavesEveryMessage)
{
    deliver(8, 508);
    const qint64 id = createThroughDialog(QStringLiteral("Keep"), server().password(QStringLiteral("test")));
    ASSERT_TRUE(waitForStatus(id, Status::Active));
    page()->table()->selectRow(model()->rowOf(id));
    focusTable();
    QTest::keyClick(page()->table(), Qt::Key_Delete);
    auto* dialog = page()->findChild<DeleteSourceDialog*>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    EXPECT_TRUE(dialog->findChild<QRadioButton*>(QStringLiteral("keepMailRadio"))->isChecked())
        << "keeping is the default";
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("confirmDeleteButton")), Qt::LeftButton);

    ASSERT_TRUE(waitUntil([&] { return model()->rowOf(id) < 0; }));
    EXPECT_TRUE(page()->emptyState()->isVisible());
    EXPECT_EQ(archivedMessages(), 8);
    EXPECT_TRUE(waitUntil([&] { return storedPassword(id).status == CredentialResult::Status::NotFound; }));
}

TEST_F(IngestionsPageTest, DeleteWithTheMailRemovesItFromTheArchive)
{
    deliver(8, 509);
    const qint64 id = createThroughDialog(QStringLiteral("Remove"), server().password(QStringLiteral("test")));
    ASSERT_TRUE(waitForStatus(id, Status::Active));
    page()->table()->selectRow(model()->rowOf(id));
    action("deleteAction")->trigger();
    auto* dialog = page()->findChild<DeleteSourceDialog*>();
    ASSERT_NE(dialog, nullptr);
    // Deleting the mail is offered once the count says what it deletes.
    auto* removeMail = dialog->findChild<QRadioButton*>(QStringLiteral("removeMailRadio"));
    EXPECT_FALSE(removeMail->isEnabled());
    EXPECT_TRUE(
        dialog->findChild<QLabel*>(QStringLiteral("removeMailDetail"))->text().startsWith(QStringLiteral("Counting")));
    ASSERT_TRUE(waitUntil([&] { return removeMail->isEnabled(); }));
    EXPECT_TRUE(dialog->findChild<QLabel*>(QStringLiteral("removeMailDetail"))
                    ->text()
                    .startsWith(QStringLiteral("8 messages are deleted")));
    removeMail->setChecked(true);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("confirmDeleteButton")), Qt::LeftButton);

    ASSERT_TRUE(waitUntil([&] { return model()->rowOf(id) < 0; }));
    EXPECT_EQ(archivedMessages(), 0);
    EXPECT_TRUE(waitUntil([&] { return storedPassword(id).status == CredentialResult::Status::NotFound; }));
}

// Counting what a deletion removes runs off the UI thread; closing the
// dialog before it answers stops it and calls nothing back.
TEST_F(IngestionsPageTest, ClosingTheDeleteDialogWhileCountingStopsTheCount)
{
    deliver(3, 523);
    const qint64 id = createThroughDialog(QStringLiteral("Counted"), server().password(QStringLiteral("test")));
    ASSERT_TRUE(waitForStatus(id, Status::Active));
    selectByName(QStringLiteral("Counted"));
    QPointer<DeleteSourceDialog> dialog = page()->deleteSelected();
    ASSERT_FALSE(dialog.isNull());
    EXPECT_FALSE(dialog->hasPreview()) << "the count is not read on the UI thread";
    dialog->reject();
    ASSERT_TRUE(waitUntil([&] { return dialog.isNull(); }));
    ASSERT_TRUE(waitUntil([&] { return m_window->queries()->pendingCount() == 0; }));
    QTest::qWait(50);
    EXPECT_GE(model()->rowOf(id), 0) << "cancelling deletes nothing";
    EXPECT_EQ(archivedMessages(), 3);
}

// Two sources on the same account share every message. The dialog says what
// will go and what stays, with which source; the result is the promise.
TEST_F(IngestionsPageTest, DeletingWithMailDeletesExactlyWhatTheDialogPromised)
{
    deliver(8, 521);
    const qint64 first = createThroughDialog(QStringLiteral("First"), server().password(QStringLiteral("test")));
    const qint64 second = createThroughDialog(QStringLiteral("Second"), server().password(QStringLiteral("test")));
    ASSERT_TRUE(waitForStatus(first, Status::Active));
    ASSERT_TRUE(waitForStatus(second, Status::Active));
    ASSERT_EQ(archivedMessages(), 8);
    QSignalSpy messages(page(), &IngestionsPage::message);

    // Second: everything it holds, First holds too.
    selectByName(QStringLiteral("Second"));
    QPointer<DeleteSourceDialog> dialog = page()->deleteSelected();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    ASSERT_TRUE(waitUntil([&] { return dialog->hasPreview(); }));
    const QString promise = dialog->findChild<QLabel*>(QStringLiteral("removeMailDetail"))->text();
    EXPECT_TRUE(promise.contains(QStringLiteral("No message is deleted"))) << promise.toStdString();
    EXPECT_TRUE(promise.contains(QStringLiteral("8 messages stay because other sources also hold them: First (8)")))
        << promise.toStdString();
    dialog->findChild<QRadioButton*>(QStringLiteral("removeMailRadio"))->setChecked(true);
    EXPECT_FALSE(dialog->findChild<QLabel*>(QStringLiteral("deleteWarning"))->text().isEmpty());
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("confirmDeleteButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return model()->rowOf(second) < 0 && !messages.isEmpty(); }));
    EXPECT_EQ(archivedMessages(), 8);
    const QString result = messages.last().at(0).toString();
    EXPECT_TRUE(result.contains(QStringLiteral("0 messages deleted"))) << result.toStdString();
    EXPECT_TRUE(result.contains(QStringLiteral("8 messages stay"))) << result.toStdString();

    // First now holds them alone: all 8 go.
    selectByName(QStringLiteral("First"));
    dialog = page()->deleteSelected();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    ASSERT_TRUE(waitUntil([&] { return dialog->hasPreview(); }));
    const QString alonePromise = dialog->findChild<QLabel*>(QStringLiteral("removeMailDetail"))->text();
    EXPECT_TRUE(alonePromise.startsWith(QStringLiteral("8 messages are deleted"))) << alonePromise.toStdString();
    EXPECT_FALSE(alonePromise.contains(QStringLiteral("stay")));
    dialog->findChild<QRadioButton*>(QStringLiteral("removeMailRadio"))->setChecked(true);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("confirmDeleteButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return model()->rowOf(first) < 0 && messages.size() == 2; }));
    EXPECT_EQ(archivedMessages(), 0);
    EXPECT_TRUE(messages.last().at(0).toString().contains(QStringLiteral("8 messages deleted")))
        << messages.last().at(0).toString().toStdString();
}

// Mail kept from a removed source is another holder: deleting the other
// source's mail keeps it, and the dialog says it is a removed source's.
TEST_F(IngestionsPageTest, MailKeptFromARemovedSourceIsNamedAndStays)
{
    deliver(5, 522);
    const qint64 old = createThroughDialog(QStringLiteral("Old"), server().password(QStringLiteral("test")));
    const qint64 current = createThroughDialog(QStringLiteral("Current"), server().password(QStringLiteral("test")));
    ASSERT_TRUE(waitForStatus(old, Status::Active));
    ASSERT_TRUE(waitForStatus(current, Status::Active));
    selectByName(QStringLiteral("Old"));
    QPointer<DeleteSourceDialog> dialog = page()->deleteSelected();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("confirmDeleteButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return model()->rowOf(old) < 0; }));
    ASSERT_EQ(m_service->removedSourcesWithMail().size(), 1);

    selectByName(QStringLiteral("Current"));
    dialog = page()->deleteSelected();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    ASSERT_TRUE(waitUntil([&] { return dialog->hasPreview(); }));
    const QString promise = dialog->findChild<QLabel*>(QStringLiteral("removeMailDetail"))->text();
    EXPECT_TRUE(promise.contains(QStringLiteral("removed source, 5"))) << promise.toStdString();
    dialog->findChild<QRadioButton*>(QStringLiteral("removeMailRadio"))->setChecked(true);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("confirmDeleteButton")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return model()->rowOf(current) < 0; }));
    EXPECT_EQ(archivedMessages(), 5) << "the removed source's mail stays reachable";

    // Deleting the removed source's mail later takes it.
    QSignalSpy finished(m_service.get(), &SourceService::finished);
    const quint64 request = m_service->purgeRemovedSource(old);
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty() && finished.last().at(0).toULongLong() == request; }));
    EXPECT_TRUE(finished.last().at(1).value<SourceOutcome>().ok());
    EXPECT_EQ(archivedMessages(), 0);
    EXPECT_TRUE(m_service->removedSourcesWithMail().isEmpty());
}

TEST_F(IngestionsPageTest, DetailsShowFoldersCompletenessAndHistory)
{
    deliver(12, 510);
    const qint64 id = createThroughDialog(QStringLiteral("Detailed"), server().password(QStringLiteral("test")));
    ASSERT_TRUE(waitForStatus(id, Status::Active));
    page()->table()->selectRow(model()->rowOf(id));
    QPointer<SourceDetailsDialog> details = openDetails();
    ASSERT_TRUE(details);
    ASSERT_TRUE(waitUntil([&] {
        auto* folders = details->findChild<QTableWidget*>(QStringLiteral("foldersTable"));
        return folders->rowCount() == 1 && folders->item(0, 3)->text() == QStringLiteral("complete");
    }));
    auto* folders = details->findChild<QTableWidget*>(QStringLiteral("foldersTable"));
    EXPECT_EQ(folders->item(0, 0)->text(), QStringLiteral("INBOX"));
    EXPECT_EQ(folders->item(0, 1)->text(), QStringLiteral("12"));
    EXPECT_EQ(folders->item(0, 2)->text(), QStringLiteral("12"));
    auto* history = details->findChild<QTreeWidget*>(QStringLiteral("historyList"));
    ASSERT_GE(history->topLevelItemCount(), 2);
    EXPECT_TRUE(history->topLevelItem(0)->text(1).contains(QStringLiteral("server 12, archived 12")))
        << history->topLevelItem(0)->text(1).toStdString();
    EXPECT_TRUE(details->findChild<QLabel*>(QStringLiteral("detailsArchived"))
                    ->text()
                    .startsWith(QStringLiteral("12 messages")));

    // The interval is editable and takes effect on the armed check.
    auto* interval = details->findChild<QSpinBox*>(QStringLiteral("intervalSpin"));
    interval->setValue(30);
    emit interval->editingFinished();
    EXPECT_EQ(SourceRepository(m_archive->connection()).find(id)->checkIntervalMinutes, 30);
    EXPECT_GT(QDateTime::currentDateTimeUtc().secsTo(m_manager->activity(id).nextCheckAt), 25 * 60);

    // Dovecot offers IDLE: the details say new mail comes at once, and
    // that stops being true while the source is paused.
    auto* newMail = details->findChild<QLabel*>(QStringLiteral("detailsNewMail"));
    EXPECT_TRUE(waitUntil([&] { return newMail->text().startsWith(QStringLiteral("Archived within seconds")); }))
        << newMail->text().toStdString();
    ASSERT_TRUE(m_service->pause(id).ok());
    EXPECT_TRUE(waitUntil([&] { return newMail->text() == QStringLiteral("Not looked for while paused"); }))
        << newMail->text().toStdString();
    details->close();
}

// Idle in the tray, the table must not wake the app: once nothing syncs
// and every change is shown, no timer of the model runs more often than the
// 30-second clock that ages "5 min ago" (the flush used to tick 4 times a
// second for ever: 241 wake-ups a minute, measured with /proc).
TEST_F(IngestionsPageTest, IdleTheTableWakesNothingFasterThanItsClock)
{
    deliver(5, 520);
    const qint64 id = createThroughDialog(QStringLiteral("Quiet"), server().password(QStringLiteral("test")));
    ASSERT_TRUE(waitForStatus(id, Status::Active));
    const auto fastTimers = [&] {
        int fast = 0;
        for (const QTimer* timer : model()->findChildren<QTimer*>()) {
            fast += timer->isActive() && timer->interval() < 30000 ? 1 : 0;
        }
        return fast;
    };
    EXPECT_TRUE(waitUntil(
        [&] { return fastTimers() == 0 && m_manager->activity(id).state == SyncManager::Activity::State::Idle; }, 5000))
        << fastTimers() << " fast timer(s) still run";
    // A change starts the flush again, and it shows.
    m_manager->syncNow(id);
    EXPECT_TRUE(waitUntil([&] { return fastTimers() > 0; }, 5000));
    EXPECT_TRUE(waitUntil([&] { return fastTimers() == 0; }, 15000));
}

} // namespace
