#pragma once

#include "DeterministicRandom.h"
#include "GeneratedMessage.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

struct MailGeneratorOptions
{
    quint64 seed = 1;
    // Multiplies attachment sizes: 1.0 is the realistic mix (mean ~100 KB a
    // message), small values make quick test mailboxes with the same shapes.
    double attachmentScale = 1.0;
    // Date of the first message; later ones follow at random intervals.
    QDateTime firstDate = QDateTime(QDate(2019, 1, 1), QTime(8, 0), Qt::UTC);
};

// A folder of a planned mailbox and how many messages it gets.
struct FolderPlan
{
    QString name; // IMAP name, '/' separated
    int count = 0;
};

// Seeded generator of realistic mail (see docs/testing.md for the mix):
// 45% UTF-8 text/plain, 10% legacy charsets, 25% multipart/alternative (a
// third with inline images), 17% attachments (RFC 2231 and RFC 2047 names),
// 3% a large attachment; about 30% of subjects RFC 2047 encoded, some raw
// 8-bit UTF-8 headers, and replies that form threads (In-Reply-To, References).
class MailGenerator
{
public:
    explicit MailGenerator(const MailGeneratorOptions& options = {});

    // The next message, filed into `folder`. Deterministic for a given seed
    // and sequence of calls.
    GeneratedMessage next(const QString& folder = QStringLiteral("INBOX"));

    // The next `count` messages, all filed into `folder`.
    QList<GeneratedMessage> next(int count, const QString& folder = QStringLiteral("INBOX"));

    // `count` messages of the usual mix with attachments scaled to 2 %: what
    // the archive tests store, small enough to store hundreds in a test.
    static QList<GeneratedMessage> smallMessages(int count, quint64 seed);

    // A mailbox of `plan` folders, messages interleaved by date.
    QList<GeneratedMessage> generate(const QList<FolderPlan>& plan);
    // The same messages handed to `sink` one at a time, so a mailbox of any
    // size never has to fit in memory (100,000 of the default mix are
    // 10 GB). Stops early, returning false, when `sink` returns false.
    bool generate(const QList<FolderPlan>& plan, const std::function<bool(GeneratedMessage)>& sink);

    // The demo and test mailbox shape: INBOX with `inboxCount` messages, Sent,
    // Archive, Archive/2023, the non-ASCII "Archive/Grüße & Co" and a nested
    // "Projekte/Übersicht/2024".
    static QList<FolderPlan> standardPlan(int inboxCount);

private:
    MailGeneratorOptions m_options;
    DeterministicRandom m_random;
    QDateTime m_clock;
    int m_counter = 0;
    QList<QByteArray> m_recentMessageIds; // candidates to reply to
    QList<QByteArray> m_recentReferences; // their References chains
    QList<QString> m_recentSubjects;
};
