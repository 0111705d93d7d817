#include "MailGenerator.h"
#include "MainWindow.h"
#include "WaitUntil.h"
#include "archive/Archive.h"
#include "archive/MessageStore.h"
#include "credentials/SessionCredentialStore.h"
#include "sources/IngestionsPage.h"
#include "sources/SourceRepository.h"
#include "sources/SourceTableModel.h"
#include "sync/SourceService.h"
#include "sync/SyncManager.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <iostream>

#include "common/AppInfo.h"

namespace {

using Status = IngestionSource::Status;

// The table as a user with a small window sees it. ctest runs these twice:
// as they are, and with QT_SCALE_FACTOR=2 (200 %), where the window is
// 1,600 device pixels wide for 800 logical ones.
class IngestionsLayoutTest : public ::testing::Test
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

    qint64 addSource(const QString& name,
                     const QString& provider,
                     const QString& host,
                     const QString& user,
                     Status status,
                     const QString& lastError = {})
    {
        IngestionSource source;
        source.name = name;
        source.providerId = provider;
        source.host = host;
        source.username = user;
        QString error;
        const auto added = SourceRepository(m_archive.connection()).add(source, &error);
        EXPECT_TRUE(added.has_value()) << error.toStdString();
        if (!added) {
            return 0;
        }
        SourceRepository repository(m_archive.connection());
        EXPECT_TRUE(repository.setStatus(added->id, status, lastError, SyncFailure::Kind::Other, &error));
        EXPECT_TRUE(repository.markSynced(added->id, QDateTime::currentDateTimeUtc().addSecs(-300), &error));
        return added->id;
    }

    void store(qint64 sourceId, int count)
    {
        MailGeneratorOptions options;
        options.seed = 93;
        options.attachmentScale = 0.05;
        QString error;
        MessageStore store = m_archive.store();
        const qint64 folderId =
            store.ensureFolder(sourceId, "INBOX", QStringLiteral("INBOX"), QStringLiteral("/"), &error);
        FolderCheckpoint checkpoint = store.checkpoint(folderId);
        QList<PreparedMessage> prepared;
        for (const GeneratedMessage& message : MailGenerator(options).next(count)) {
            FetchedMessage fetched;
            fetched.uid = ++checkpoint.lastUid;
            fetched.raw = message.raw;
            prepared << MessageStore::prepare(fetched);
        }
        checkpoint.uidValidity = 1;
        checkpoint.uidNext = checkpoint.lastUid + 1;
        ASSERT_TRUE(store.storeBatch(prepared, checkpoint, nullptr, &error)) << error.toStdString();
    }

    // Where the columns are, against the viewport: each one whole, none past
    // the right edge.
    static void expectAllColumnsVisible(QTableView* table, int windowWidth)
    {
        const QHeaderView* header = table->horizontalHeader();
        const int viewport = table->viewport()->width();
        const auto* view = static_cast<const QAbstractItemView*>(table);
        for (int column = 0; column < SourceTableModel::ColumnCount; ++column) {
            const QString name = table->model()->headerData(column, Qt::Horizontal).toString();
            const int left = header->sectionViewportPosition(column);
            const int width = header->sectionSize(column);
            EXPECT_GE(left, 0) << name.toStdString() << " at " << windowWidth << " px";
            EXPECT_LE(left + width, viewport)
                << name.toStdString() << " ends past the viewport (" << viewport << ") at " << windowWidth << " px";
            EXPECT_GT(width, 0) << name.toStdString();
            // Name, status, archived count and times show their whole text:
            // the name is never cut for names like these, and the times never
            // wrap or elide. Progress, Account and Provider may elide; their
            // tooltips say it in full.
            const bool elidable = column == SourceTableModel::Progress || column == SourceTableModel::Account
                || column == SourceTableModel::Provider;
            if (column == SourceTableModel::Archived && width < view->sizeHintForColumn(column)) {
                // The size gives way, the count stays whole: "1,200", not "1,200 · 3…".
                for (int row = 0; row < table->model()->rowCount(); ++row) {
                    const QString compact =
                        table->model()->index(row, column).data(SourceTableModel::CompactTextRole).toString();
                    EXPECT_GE(width, table->fontMetrics().horizontalAdvance(compact) + 8)
                        << compact.toStdString() << " does not fit at " << windowWidth << " px";
                }
            } else if (!elidable) {
                EXPECT_GE(width, view->sizeHintForColumn(column))
                    << name.toStdString() << " is cut at " << windowWidth << " px";
            } else if (width < view->sizeHintForColumn(column)) {
                for (int row = 0; row < table->model()->rowCount(); ++row) {
                    EXPECT_FALSE(table->model()->index(row, column).data(Qt::ToolTipRole).toString().isEmpty())
                        << name.toStdString() << " elides without a tooltip";
                }
                // Still a few letters, not a lone ellipsis.
                EXPECT_GE(width, table->fontMetrics().averageCharWidth() * 6) << name.toStdString();
            }
        }
        EXPECT_EQ(table->horizontalScrollBar()->maximum(), 0) << "scrolls sideways at " << windowWidth << " px";
    }

    QTemporaryDir m_directory;
    Archive m_archive {m_directory.filePath(QStringLiteral("archive.sqlite"))};
    SessionCredentialStore m_credentials;
    SyncManager m_manager {m_archive, &m_credentials};
    SourceService m_service {m_archive, &m_credentials, &m_manager};
    std::unique_ptr<MainWindow> m_window;
};

// The table at 800, 900 and 1,240 px: every column visible without
// scrolling sideways, the names whole. Before, at 900 px Archived, Last sync
// and Next check were scrolled away and "Work Email (IMAP)" read "Work Email
// (IM…" while Progress had room to spare.
TEST_F(IngestionsLayoutTest, EveryColumnIsVisibleAt800Pixels)
{
    const qint64 work = addSource(QStringLiteral("Work Email (IMAP)"),
                                  QStringLiteral("generic"),
                                  QStringLiteral("imap.example.com"),
                                  QStringLiteral("jane.doe@example.com"),
                                  Status::Active);
    const QString longError = QStringLiteral("Cannot log in to imap.gmail.com: the server says the user name or "
                                             "password is wrong. Gmail needs an app password.");
    const qint64 personal = addSource(QStringLiteral("Personal Gmail"),
                                      QStringLiteral("gmail"),
                                      QStringLiteral("imap.gmail.com"),
                                      QStringLiteral("jane.doe.private@gmail.com"),
                                      Status::Error,
                                      longError);
    addSource(QStringLiteral("Family (old laptop)"),
              QStringLiteral("outlook"),
              QStringLiteral("outlook.office365.com"),
              QStringLiteral("family@outlook.com"),
              Status::Paused);
    store(work, 1200);
    store(personal, 20);

    m_window = std::make_unique<MainWindow>(m_archive, &m_manager, &m_service, &m_credentials);
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    if (qEnvironmentVariableIntValue("QT_SCALE_FACTOR") == 2) {
        EXPECT_EQ(m_window->devicePixelRatio(), 2.0);
    }
    SourceTableModel* model = m_window->ingestionsPage()->model();
    QTableView* table = m_window->ingestionsPage()->table();
    ASSERT_TRUE(waitUntil(
        [&] {
            return model->index(model->rowOf(work), SourceTableModel::Archived)
                .data()
                .toString()
                .startsWith(QStringLiteral("1"));
        },
        10000));

    for (const int width : {800, 900, 1240}) {
        m_window->resize(width, 600);
        ASSERT_TRUE(waitUntil([&] { return m_window->width() == width; }, 2000))
            << "the window cannot be " << width << " px wide: " << m_window->width();
        QTest::qWait(50);
        expectAllColumnsVisible(table, width);
        std::cout << width << " px: viewport " << table->viewport()->width() << ", columns";
        for (int column = 0; column < SourceTableModel::ColumnCount; ++column) {
            std::cout << ' ' << table->horizontalHeader()->sectionSize(column);
        }
        std::cout << '\n';
    }

    // Progress may elide; its tooltip says the whole of it.
    const QModelIndex progress = model->index(model->rowOf(personal), SourceTableModel::Progress);
    EXPECT_EQ(progress.data(Qt::ToolTipRole).toString(), progress.data().toString());
    EXPECT_EQ(progress.data(Qt::ToolTipRole).toString(), longError);
    // Nothing wraps: every row is one line high.
    const int rowHeight = table->rowHeight(0);
    for (int row = 1; row < model->rowCount(); ++row) {
        EXPECT_EQ(table->rowHeight(row), rowHeight);
    }
}

} // namespace
