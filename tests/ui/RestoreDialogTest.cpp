// File → Restore to Server…: asks before it writes, says what goes where,
// lets the user trust a one-off server's certificate after seeing it, and
// puts the mail on a real Dovecot account.
#include "restore/RestoreDialog.h"

#include "DovecotServer.h"
#include "MailGenerator.h"
#include "TemporaryArchive.h"
#include "WaitUntil.h"
#include "archive/ArchiveQueryRunner.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <gtest/gtest.h>

namespace {

const QString RestoreUser = QStringLiteral("restore");
const QString RestorePassword = QStringLiteral("restore-pass-789");

class RestoreDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(m_server.start(&error)) << error.toStdString();
        ASSERT_TRUE(m_server.setUser(RestoreUser, RestorePassword, &error)) << error.toStdString();
        ASSERT_TRUE(m_archive.isOpen()) << m_archive.error().toStdString();
        const qint64 inbox = m_archive.folder(QStringLiteral("Work"), QStringLiteral("INBOX"));
        ASSERT_TRUE(m_archive.store(inbox, MailGenerator::smallMessages(12, 61))) << m_archive.error().toStdString();
    }

    QList<qint64> messageIds()
    {
        QList<qint64> ids;
        QSqlQuery query(m_archive.archive().connection());
        EXPECT_TRUE(query.exec(QStringLiteral("SELECT id FROM messages ORDER BY id")));
        while (query.next()) {
            ids << query.value(0).toLongLong();
        }
        return ids;
    }

    // Dovecot's own count of the folder.
    int messagesOnServer(const QString& folder)
    {
        QByteArray output;
        m_server.doveadm({QStringLiteral("mailbox"),
                          QStringLiteral("status"),
                          QStringLiteral("-u"),
                          RestoreUser,
                          QStringLiteral("messages"),
                          folder},
                         &output);
        const qsizetype at = output.indexOf("messages=");
        return at < 0 ? -1 : output.mid(at + 9).trimmed().toInt();
    }

    QString message(const RestoreDialog& dialog)
    {
        return dialog.findChild<QLabel*>(QStringLiteral("restoreMessage"))->text();
    }

    DovecotServer m_server;
    TemporaryArchive m_archive;
};

} // namespace

// All mail to another account, with its certificate not known to the
// system: the question names the count and the account; the refusal shows
// the fingerprint; pressing Restore again trusts it for this restore.
TEST_F(RestoreDialogTest, AsksFirstThenRestoresToAnotherAccountAfterTheCertificateIsSeen)
{
    ArchiveQueryRunner queries(m_archive.archive());
    ExportDialog::Offer offer;
    offer.listDescription = QStringLiteral("All mail");
    RestoreDialog dialog(m_archive.path(), offer, &queries, nullptr);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    ASSERT_TRUE(waitUntil([&] { return dialog.accountsLoaded(); }, 10000));
    EXPECT_FALSE(dialog.chooseSource(QStringLiteral("Work"))) << "an account without a server is not offered";
    dialog.chooseOtherAccount(m_server.host(), m_server.imapsPort(), RestoreUser, RestorePassword);
    auto* restore = dialog.findChild<QPushButton*>(QStringLiteral("restoreButton"));
    ASSERT_NE(restore, nullptr);

    QSignalSpy ended(&dialog, &RestoreDialog::restoreEnded);
    QTest::keyClick(restore, Qt::Key_Space);
    ASSERT_TRUE(waitUntil([&] { return dialog.isAwaitingConfirmation(); }, 10000));
    EXPECT_TRUE(
        message(dialog).startsWith(QStringLiteral("Restore 12 messages to restore on 127.0.0.1, into “Restored”?")))
        << message(dialog).toStdString();
    EXPECT_EQ(restore->text(), QStringLiteral("&Confirm Restore"));
    EXPECT_EQ(messagesOnServer(QStringLiteral("Restored")), -1) << "nothing before the second press";

    QTest::keyClick(restore, Qt::Key_Space);
    ASSERT_TRUE(ended.count() == 1 || ended.wait(60000));
    EXPECT_FALSE(ended.at(0).at(0).toBool()) << message(dialog).toStdString();
    EXPECT_TRUE(message(dialog).contains(QStringLiteral("SHA-256 fingerprint is"))) << message(dialog).toStdString();

    QTest::keyClick(restore, Qt::Key_Space);
    ASSERT_TRUE(waitUntil([&] { return dialog.isAwaitingConfirmation(); }, 10000));
    QTest::keyClick(restore, Qt::Key_Space);
    ASSERT_TRUE(ended.count() == 2 || ended.wait(60000));
    EXPECT_TRUE(ended.at(1).at(0).toBool()) << message(dialog).toStdString();
    EXPECT_TRUE(message(dialog).startsWith(QStringLiteral("Restored 12 messages"))) << message(dialog).toStdString();
    EXPECT_EQ(messagesOnServer(QStringLiteral("Restored")), 12);
}

// Three selected messages into the folders they came from; a second run
// sends nothing.
TEST_F(RestoreDialogTest, TheSelectionGoesIntoItsOwnFoldersOnce)
{
    ArchiveQueryRunner queries(m_archive.archive());
    ExportDialog::Offer offer;
    offer.listDescription = QStringLiteral("All mail");
    offer.selected = messageIds().mid(0, 3);
    RestoreDialog dialog(m_archive.path(), offer, &queries, nullptr);
    ASSERT_TRUE(waitUntil([&] { return dialog.accountsLoaded(); }, 10000));
    dialog.chooseOtherAccount(m_server.host(), m_server.imapsPort(), RestoreUser, RestorePassword);
    dialog.setKeepFolders(true);
    dialog.setRestoreSelection(true);
    EXPECT_EQ(dialog.request().messageIds.size(), 3);
    RestoreRequest request = dialog.request();
    EXPECT_TRUE(request.keepFolders);

    QSignalSpy ended(&dialog, &RestoreDialog::restoreEnded);
    const auto restoreOnce = [&](int endings) {
        dialog.startRestore(); // asks
        EXPECT_TRUE(dialog.isAwaitingConfirmation());
        EXPECT_TRUE(message(dialog).contains(QStringLiteral("into the folders they were archived from")))
            << message(dialog).toStdString();
        dialog.startRestore();
        return ended.count() == endings || ended.wait(60000);
    };
    // The certificate first (seen, then trusted), as above.
    ASSERT_TRUE(restoreOnce(1));
    ASSERT_TRUE(restoreOnce(2));
    EXPECT_TRUE(message(dialog).startsWith(QStringLiteral("Restored 3 messages"))) << message(dialog).toStdString();
    EXPECT_EQ(messagesOnServer(QStringLiteral("INBOX")), 3);
    ASSERT_TRUE(restoreOnce(3));
    EXPECT_TRUE(message(dialog).startsWith(QStringLiteral("Nothing to restore: all 3 messages are in the folder")))
        << message(dialog).toStdString();
    EXPECT_EQ(messagesOnServer(QStringLiteral("INBOX")), 3);
}
