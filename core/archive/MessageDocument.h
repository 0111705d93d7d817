#pragma once

#include "ArchiveReader.h"
#include "mime/ParsedMessage.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

// Everything the message viewer shows of one message, prepared off the UI
// thread: headers, the text body, the HTML body already sanitized, the
// images its HTML refers to by cid:, where the message was found. Laying it
// out then costs only the layout.
struct MessageDocument
{
    qint64 id = 0; // 0 for a message attached to another
    QString error; // why it could not be read; the rest is empty then
    ParsedMessage parsed;
    qint64 rawSize = 0;
    QList<MessageLocation> locations; // "Found in"

    bool hasHtml = false;
    QString html; // sanitized: nothing in it can run or reach the network
    int blockedRemoteImages = 0;
    bool htmlTruncated = false;
    // The parts the HTML shows by cid:, decoded; only images, bounded in size.
    QHash<QString, QByteArray> inlineImages;

    // The raw bytes, kept only for a message attached to another (it has no
    // row to read them from again when an attachment is saved).
    QByteArray raw;

    // Inline images above this (in all) are left out of one message.
    static constexpr qint64 MaxInlineImageBytes = 32 * 1024 * 1024;

    // An archived message.
    static MessageDocument load(const ArchiveReader& reader, qint64 messageId);
    // A message given as bytes (message/rfc822 attached to another).
    static MessageDocument fromRaw(QByteArray raw);
};
