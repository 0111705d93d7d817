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
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>

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
    // The row is there at once, before the server has answered.
    ASSERT_GE(model()->rowOf(id), 0);
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
    QPointer<SourceDetailsDialog> details = page()->showDetails();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(details));
    auto* technical = details->findChild<QLabel*>(QStringLiteral("detailsTechnical"));
    ASSERT_NE(technical, nullptr);
    EXPECT_TRUE(technical->isVisible());
    EXPECT_TRUE(technical->text().contains(QStringLiteral("[AUTHENTICATIONFAILED] Authentication failed.")))
        << technical->text().toStdString();
    EXPECT_FALSE(details->findChild<QLabel*>(QStringLiteral("detailsError"))
                     ->text()
                     .contains(QStringLiteral("AUTHENTICATIONFAILED")));
    details->close();
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

    // The chooser comes up once the server has listed its folders.
    QStringList offered;
    auto* poll = new QTimer(m_window.get());
    QObject::connect(poll, &QTimer::timeout, poll, [poll, &offered] {
        auto* chooser = qobject_cast<FolderChooserDialog*>(QApplication::activeModalWidget());
        if (!chooser) {
            return;
        }
        auto* list = chooser->findChild<QListWidget*>(QStringLiteral("folderList"));
        for (int row = 0; row < list->count(); ++row) {
            QListWidgetItem* item = list->item(row);
            offered << item->data(Qt::UserRole).toString();
            const bool wanted = offered.last() == QStringLiteral("INBOX") || offered.last() == QStringLiteral("Sent");
            item->setCheckState(wanted ? Qt::Checked : Qt::Unchecked);
        }
        chooser->accept();
        poll->deleteLater();
    });
    poll->start(20);
    auto* folders = dialog->findChild<QComboBox*>(QStringLiteral("foldersCombo"));
    folders->setCurrentIndex(2);
    emit folders->activated(2); // "Choose…", as a click would
    ASSERT_TRUE(waitUntil([&] { return !offered.isEmpty(); }, 30000));
    EXPECT_TRUE(offered.contains(QStringLiteral("Archive/2023"))) << offered.join(QLatin1Char(' ')).toStdString();
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
    const QString result = dialog->findChild<QLabel*>(QStringLiteral("testResult"))->text();
    EXPECT_TRUE(result.contains(QString::fromLatin1(server().serverFingerprint()))) << result.toStdString();
    auto* trust = dialog->findChild<QPushButton*>(QStringLiteral("trustButton"));
    ASSERT_TRUE(trust->isVisible());

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
    EXPECT_EQ(status(id), Status::Active);
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

    pauseResume->trigger();
    // From the moment it resumes, everything says it imports.
    ASSERT_TRUE(waitUntil([&] {
        return m_manager->activity(id).state == SyncManager::Activity::State::Syncing
            && status(id) == Status::Importing;
    }));
    QTest::qWait(400); // a repaint or two of the table while the pass runs
    EXPECT_EQ(cell(id, SourceTableModel::Status), QStringLiteral("Importing"));
    EXPECT_EQ(cell(id, SourceTableModel::NextCheck), QStringLiteral("now"));
    EXPECT_EQ(pauseResume->text(), QStringLiteral("&Pause"));
    EXPECT_TRUE(action("syncNowAction")->isEnabled());
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
    QPointer<SourceDetailsDialog> details = page()->showDetails();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(details));
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
    dialog->findChild<QRadioButton*>(QStringLiteral("removeMailRadio"))->setChecked(true);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("confirmDeleteButton")), Qt::LeftButton);

    ASSERT_TRUE(waitUntil([&] { return model()->rowOf(id) < 0; }));
    EXPECT_EQ(archivedMessages(), 0);
    EXPECT_TRUE(waitUntil([&] { return storedPassword(id).status == CredentialResult::Status::NotFound; }));
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
    QPointer<SourceDetailsDialog> details = page()->showDetails();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(details));
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
    details->close();
}

} // namespace
