#include "export/MboxFormat.h"

#include <gtest/gtest.h>

TEST(MboxFormat, TheSeparatorLineHasTheSenderAndAnAsctimeDateInUtc)
{
    const QDateTime received(QDate(2019, 3, 5), QTime(14, 23, 1), Qt::OffsetFromUTC, 3600);
    EXPECT_EQ(MboxFormat::separatorLine(QStringLiteral("anna@example.org"), received),
              QByteArray("From anna@example.org Tue Mar  5 13:23:01 2019\n"));
    // No address, or one that would break the line: MAILER-DAEMON.
    EXPECT_EQ(MboxFormat::separatorLine({}, received), QByteArray("From MAILER-DAEMON Tue Mar  5 13:23:01 2019\n"));
    EXPECT_EQ(MboxFormat::separatorLine(QStringLiteral("a b@c"), received),
              QByteArray("From MAILER-DAEMON Tue Mar  5 13:23:01 2019\n"));
    EXPECT_EQ(MboxFormat::separatorLine(QStringLiteral("jürgen@example.de"), received),
              QByteArray("From MAILER-DAEMON Tue Mar  5 13:23:01 2019\n"));
    EXPECT_EQ(MboxFormat::separatorLine(QStringLiteral("x@y"), QDateTime(QDate(2020, 12, 25), QTime(0, 0), Qt::UTC)),
              QByteArray("From x@y Fri Dec 25 00:00:00 2020\n"));
}

TEST(MboxFormat, FromLinesAreQuotedOnceMoreAndComeBackExactly)
{
    const QByteArray message = "From: a@b\r\nSubject: x\r\n\r\nFrom here on\r\n>From there\r\n>>From afar\r\n"
                               " From not at the start\r\nFromage\r\n>From\r\n";
    QByteArray out;
    MboxFormat::appendMessage(message, &out);
    EXPECT_EQ(out,
              QByteArray("From: a@b\r\nSubject: x\r\n\r\n>From here on\r\n>>From there\r\n>>>From afar\r\n"
                         " From not at the start\r\nFromage\r\n>From\r\n\n"));
    EXPECT_EQ(MboxFormat::unescape(out.chopped(1)), message);

    // A message beginning with "From " (a forwarded mbox) and one without a
    // final line break.
    QByteArray second;
    MboxFormat::appendMessage("From x\nbody", &second);
    EXPECT_EQ(second, QByteArray(">From x\nbody\n\n"));
}
