#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// One message of a generated test mailbox: the exact bytes a server will
// serve, and where and how it is filed.
struct GeneratedMessage
{
    enum class Kind {
        PlainUtf8,         // text/plain; charset=utf-8
        LegacyCharset,     // text/plain in iso-8859-1, windows-1252, koi8-r, iso-2022-jp, shift_jis or gb2312
        Alternative,       // multipart/alternative (text + html)
        AlternativeInline, // multipart/alternative whose html part sits in multipart/related with an inline PNG
        Attachments,       // multipart/mixed with 1-3 attachments of 40-600 KB (scaled)
        LargeAttachment,   // multipart/mixed with one 0.6-1 MB attachment (scaled)
    };

    QByteArray raw;         // RFC 5322 with CRLF line endings, as delivered
    QDateTime internalDate; // UTC, whole seconds; also the Date header's instant
    QString folder;         // IMAP name with '/' as separator: "INBOX", "Archive/2023"
    QByteArray messageId;   // without angle brackets
    Kind kind = Kind::PlainUtf8;
    bool seen = false;
    bool flagged = false;
    bool answered = false;
};
