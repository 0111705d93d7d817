#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// What the archive shows and searches of a message, read from its raw bytes.
// The raw bytes stay the record; this is derived and can be rebuilt.
struct MailAddress
{
    QString name; // decoded display name, may be empty
    QString address; // addr-spec as written, may be empty for groups

    // "Name <address>", or the address alone.
    QString toDisplayString() const;
};

struct AttachmentInfo
{
    QString partPath; // "2", "2.1", …: the IMAP-style part number in the raw message
    QString fileName; // decoded (RFC 2231 / RFC 2047), may be empty
    QString mimeType; // lower case, "application/pdf"
    qint64 size = 0; // encoded size of the part body in bytes (cheap; decoded size is not computed)
    bool isInline = false;
    QString contentId; // without angle brackets
};

struct ParsedMessage
{
    enum class Status {
        Ok = 0, // parsed as expected
        Partial = 1, // parsed, but parts were broken or guessed (see problems)
        Failed = 2, // could not be parsed; only what could be read is filled in
    };

    QString subject;
    MailAddress from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> bcc;
    QString messageId; // without angle brackets
    QString inReplyTo; // without angle brackets
    QStringList references; // without angle brackets, oldest first
    QDateTime date; // UTC
    bool dateFromHeader = false; // false: the Date header was missing or absurd and the fallback was used
    QString bodyText; // the best text body: text/plain, else HTML converted to text
    bool hasHtmlBody = false;
    QString snippet; // the start of bodyText, whitespace collapsed, at most ~200 characters
    QList<AttachmentInfo> attachments;
    Status status = Status::Ok;
    QStringList problems; // what was wrong, for the details view and verify
};
