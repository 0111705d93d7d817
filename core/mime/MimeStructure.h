#pragma once

#include "MimeHeaders.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Internal part of MimeParser: the MIME tree of a raw message, found by a
// scan for boundaries. Bodies are not copied or decoded; a part is a range of
// the raw bytes, so a 50 MB attachment costs one search over it and nothing
// more. Depth and part count are limited: hostile nesting cannot recurse
// without end.
namespace MimeDetail {

struct MimePart
{
    // IMAP section number ("1", "2.1"); empty for a multipart that is a
    // message's body (the message itself or an encapsulated one).
    QString path;
    int depth = 0;
    int parent = -1;
    HeaderBlock header;
    qsizetype bodyBegin = 0;
    qsizetype bodyEnd = 0;
    QByteArray mimeType; // lower case "type/subtype"
    ParameterizedValue contentType;
    bool isMultipart = false;
    bool isMessage = false; // message/rfc822 or message/global
    bool isEncapsulated = false; // the header and body of an encapsulated message

    qsizetype bodySize() const { return bodyEnd - bodyBegin; }
};

class MimeStructure
{
public:
    static constexpr int MaxDepth = 64;
    static constexpr int MaxParts = 10000;

    // `descendIntoMessages`: also scan the messages inside message/rfc822
    // parts (for partContent); parse() lists those as one attachment.
    MimeStructure(QByteArrayView raw, bool descendIntoMessages, Problems* problems);

    // Pre-order: a part comes before its children, children in order.
    const QList<MimePart>& parts() const { return m_parts; }
    // Index of the part with that section number, or -1.
    int find(const QString& path) const;
    QByteArrayView body(const MimePart& part) const;
    // The encoding of the part's body, lower case ("base64", "7bit", ...).
    QByteArray transferEncoding(const MimePart& part) const;

private:
    void addEntity(qsizetype begin,
                   qsizetype end,
                   const QString& path,
                   int depth,
                   int parent,
                   bool asMessage,
                   bool defaultIsMessage);
    bool splitMultipart(qsizetype begin,
                        qsizetype end,
                        QByteArrayView boundary,
                        QList<std::pair<qsizetype, qsizetype>>* ranges,
                        bool* closed) const;
    QByteArray guessBoundary(qsizetype begin, qsizetype end) const;

    QByteArrayView m_raw;
    bool m_descend = false;
    Problems* m_problems = nullptr;
    QList<MimePart> m_parts;
    bool m_tooManyParts = false;
};

} // namespace MimeDetail
