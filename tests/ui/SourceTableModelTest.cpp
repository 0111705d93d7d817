#include "sources/SourceTableModel.h"
#include "WaitUntil.h"
#include "archive/Archive.h"
#include "credentials/SessionCredentialStore.h"
#include "sources/SourceRepository.h"
#include "sync/SyncManager.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "archive/ArchiveQueryRunner.h"

#include <gtest/gtest.h>

namespace {

// The model without a server: rows from the archive, updates from the sync
// manager's signals.
class SourceTableModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_directory.isValid());
        QString error;
        ASSERT_TRUE(m_archive.open(&error)) << error.toStdString();
    }

    void TearDown() override { m_archive.closeConnection(); }

    qint64 addSource(const QString& name, IngestionSource::Status status = IngestionSource::Status::Importing)
    {
        IngestionSource source;
        source.name = name;
        source.host = QStringLiteral("imap.example.com");
        source.username = QStringLiteral("jane");
        QString error;
        const auto added = SourceRepository(m_archive.connection()).add(source, &error);
        EXPECT_TRUE(added.has_value()) << error.toStdString();
        if (added && status != IngestionSource::Status::Importing) {
            SourceRepository(m_archive.connection())
                .setStatus(added->id, status, QStringLiteral("why"), SyncFailure::Kind::Other, &error);
        }
        return added ? added->id : 0;
    }

    QTemporaryDir m_directory;
    Archive m_archive {m_directory.filePath(QStringLiteral("archive.sqlite"))};
    SessionCredentialStore m_credentials;
    SyncManager m_manager {m_archive, &m_credentials};
    ArchiveQueryRunner m_queries {m_archive};
};

TEST_F(SourceTableModelTest, PassesTheModelTesterThroughInsertsChangesAndRemovals)
{
    addSource(QStringLiteral("First"));
    SourceTableModel model(&m_manager, &m_queries);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Read off the UI thread: nothing yet, and not "no sources" either.
    EXPECT_FALSE(model.isLoaded());
    EXPECT_EQ(model.rowCount(), 0);
    QSignalSpy loaded(&model, &SourceTableModel::loaded);
    ASSERT_TRUE(loaded.wait(5000));
    EXPECT_TRUE(model.isLoaded());
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.columnCount(), SourceTableModel::ColumnCount);

    const qint64 second = addSource(QStringLiteral("Second"), IngestionSource::Status::Error);
    emit m_manager.sourceAdded(second);
    EXPECT_EQ(model.rowCount(), 1) << "the row arrives with the read";
    ASSERT_TRUE(waitUntil([&] { return model.rowCount() == 2; }, 5000));
    const QModelIndex status = model.index(model.rowOf(second), SourceTableModel::Status);
    EXPECT_EQ(status.data().toString(), QStringLiteral("Error"));
    EXPECT_EQ(status.data(Qt::ToolTipRole).toString(), QStringLiteral("why"));
    EXPECT_EQ(status.data(SourceTableModel::StatusRole).toInt(), static_cast<int>(IngestionSource::Status::Error));

    QString error;
    ASSERT_TRUE(SourceRepository(m_archive.connection()).removeKeepingMail(second, &error));
    emit m_manager.sourceRemoved(second, QString());
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.rowOf(second), -1);
}

// A read of a source can be on its way when the source is removed; its
// answer, older than the removal, must not bring the row back.
TEST_F(SourceTableModelTest, AReadOlderThanARemovalDoesNotBringTheRowBack)
{
    const qint64 id = addSource(QStringLiteral("Going"));
    SourceTableModel model(&m_manager, &m_queries);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(waitUntil([&] { return model.rowOf(id) >= 0; }, 5000));

    // The read is queued while the source still exists in the archive.
    emit m_manager.sourceAdded(id);
    emit m_manager.sourceRemoved(id, QString());
    EXPECT_EQ(model.rowOf(id), -1);
    ASSERT_TRUE(waitUntil([&] { return m_queries.pendingCount() == 0; }, 5000));
    QCoreApplication::processEvents();
    EXPECT_EQ(model.rowOf(id), -1);
    EXPECT_EQ(model.rowCount(), 0);
}

// Changes while a read of the row runs are not lost: the row is read once
// more after it, and shows the last state.
TEST_F(SourceTableModelTest, AChangeDuringARowReadIsReadAgain)
{
    const qint64 id = addSource(QStringLiteral("Changing"));
    SourceTableModel model(&m_manager, &m_queries);
    ASSERT_TRUE(waitUntil([&] { return model.rowOf(id) >= 0; }, 5000));
    QString error;
    for (const auto status : {IngestionSource::Status::Paused, IngestionSource::Status::Error}) {
        ASSERT_TRUE(SourceRepository(m_archive.connection())
                        .setStatus(id, status, QStringLiteral("why"), SyncFailure::Kind::Other, &error));
        emit m_manager.sourceAdded(id); // reads the row at once, like a status change's flush
    }
    ASSERT_TRUE(waitUntil([&] { return model.source(id)->status == IngestionSource::Status::Error; }, 5000));
    ASSERT_TRUE(waitUntil([&] { return m_queries.pendingCount() == 0; }, 5000));
    QCoreApplication::processEvents();
    EXPECT_EQ(model.source(id)->status, IngestionSource::Status::Error);
}

// A failure reaches the row as the sync manager reports it, kind and all,
// without waiting for the archive to be read again.
TEST_F(SourceTableModelTest, AFailureIsOnTheRowAsSoonAsItIsReported)
{
    const qint64 id = addSource(QStringLiteral("Work"), IngestionSource::Status::Active);
    SourceTableModel model(&m_manager, &m_queries);
    ASSERT_TRUE(waitUntil([&] { return model.rowOf(id) >= 0; }, 5000));
    ASSERT_TRUE(waitUntil([&] { return m_queries.pendingCount() == 0; }, 5000));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy summary(&model, &SourceTableModel::summaryChanged);
    SyncFailure failure;
    failure.kind = SyncFailure::Kind::Authentication;
    failure.message = QStringLiteral("The server rejected the user name or password.");
    emit m_manager.sourceFailed(id, failure);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(summary.count(), 1);
    EXPECT_EQ(model.source(id)->lastErrorKind, SyncFailure::Kind::Authentication);
    EXPECT_EQ(model.source(id)->lastError, failure.message);
    // A source the model does not show is no row's business.
    emit m_manager.sourceFailed(id + 100, failure);
    EXPECT_EQ(changed.count(), 1);
}

// Mail imported from files is no ingestion source: no row, nothing to sync.
TEST_F(SourceTableModelTest, ALocalSourceIsNoRow)
{
    const qint64 synced = addSource(QStringLiteral("Work"));
    QString error;
    const auto local = SourceRepository(m_archive.connection()).addLocal(QStringLiteral("Local files"), &error);
    ASSERT_TRUE(local.has_value()) << error.toStdString();
    SourceTableModel model(&m_manager, &m_queries);
    ASSERT_TRUE(waitUntil([&] { return model.isLoaded(); }, 5000));
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_GE(model.rowOf(synced), 0);
    EXPECT_LT(model.rowOf(local->id), 0);
    emit m_manager.sourceAdded(local->id);
    ASSERT_TRUE(waitUntil([&] { return m_queries.pendingCount() == 0; }, 5000));
    QCoreApplication::processEvents();
    EXPECT_EQ(model.rowCount(), 1);
}

// An import reports progress far more often than anyone can read it: the
// model must repaint a few times a second, not once a signal.
TEST_F(SourceTableModelTest, AFloodOfProgressRepaintsOnlyAFewTimes)
{
    const qint64 id = addSource(QStringLiteral("Busy"));
    const qint64 quiet = addSource(QStringLiteral("Quiet"));
    SourceTableModel model(&m_manager, &m_queries);
    // The totals are counted off the UI thread first; then the flood.
    ASSERT_TRUE(waitUntil(
        [&] {
            return model.index(model.rowOf(quiet), SourceTableModel::Archived).data() == QStringLiteral("none yet");
        },
        5000));
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    for (int done = 1; done <= 20000; ++done) {
        emit m_manager.progress(id, QStringLiteral("INBOX"), done, 20000);
    }
    EXPECT_EQ(changes.count(), 0) << "repaints are collected, not sent per signal";
    ASSERT_TRUE(waitUntil([&] { return changes.count() > 0; }, 2000));
    QTest::qWait(300);
    EXPECT_LE(changes.count(), 4);
    // Only the busy row changed.
    for (const QList<QVariant>& change : std::as_const(changes)) {
        EXPECT_EQ(change.at(0).toModelIndex().row(), model.rowOf(id));
        EXPECT_EQ(change.at(1).toModelIndex().row(), model.rowOf(id));
    }
    EXPECT_NE(model.rowOf(quiet), model.rowOf(id));
}

} // namespace
