#include "TemporaryArchive.h"

#include "archive/EventLog.h"
#include "archive/MessageStore.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

namespace {

TEST(EventLog, AppendsAndListsNewestFirstPerSource)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    QString error;
    const qint64 work = archive.archive().store().ensureSource(QStringLiteral("Work"), &error);
    const qint64 home = archive.archive().store().ensureSource(QStringLiteral("Home"), &error);
    EventLog log = archive.archive().events();
    ASSERT_TRUE(log.append(QStringLiteral("source.created"), QStringLiteral("Work added"), work));
    ASSERT_TRUE(log.append(QStringLiteral("source.created"), QStringLiteral("Home added"), home));
    ASSERT_TRUE(log.append(QStringLiteral("sync.finished"),
                           QStringLiteral("12 new messages"),
                           work,
                           QJsonObject {{QStringLiteral("new"), 12}}));

    const QList<ArchiveEvent> workEvents = log.recent(work);
    ASSERT_EQ(workEvents.size(), 2);
    EXPECT_EQ(workEvents.first().kind, QStringLiteral("sync.finished"));
    EXPECT_EQ(workEvents.first().details.value(QStringLiteral("new")).toInt(), 12);
    EXPECT_EQ(workEvents.last().message, QStringLiteral("Work added"));
    EXPECT_LE(qAbs(workEvents.first().at.secsTo(QDateTime::currentDateTimeUtc())), 60);
    EXPECT_EQ(log.recent().size(), 3);
}

TEST(EventLog, RefusesToChangeOrRemoveHistory)
{
    TemporaryArchive archive;
    ASSERT_TRUE(archive.isOpen()) << archive.error().toStdString();
    EventLog log = archive.archive().events();
    ASSERT_TRUE(log.append(QStringLiteral("verify.finished"), QStringLiteral("intact")));
    QSqlQuery query(archive.archive().connection());
    EXPECT_FALSE(query.exec(QStringLiteral("UPDATE events SET message = 'rewritten'")));
    EXPECT_FALSE(query.exec(QStringLiteral("DELETE FROM events")));
    EXPECT_EQ(log.recent().first().message, QStringLiteral("intact"));
}

} // namespace
