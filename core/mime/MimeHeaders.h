#pragma once

#include "MimeText.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <utility>

// Internal helpers of MimeParser: header blocks and parameterised fields
// (Content-Type, Content-Disposition). The views point into the raw message,
// which must outlive them.
namespace MimeDetail {

struct HeaderField
{
    QByteArrayView name;
    QByteArrayView rawValue; // after the colon, folding line breaks included
};

struct HeaderBlock
{
    QList<HeaderField> fields;
    qsizetype bodyBegin = 0; // first byte after the blank line
    bool missing = false; // the entity starts with content: no header at all

    const HeaderField* find(QByteArrayView name) const;
    // The first field of that name, unfolded and trimmed; empty if none.
    QByteArray value(QByteArrayView name) const;
};

// Reads the header block of the entity in [begin, end) of `data`. Lines
// without a colon are skipped when more header lines follow, otherwise they
// start the body. A leading mbox "From " line is skipped.
HeaderBlock parseHeaderBlock(const char* data, qsizetype begin, qsizetype end, Problems* problems);

// "type/subtype; name=value; ..." or "attachment; filename=...".
struct ParameterizedValue
{
    QByteArray value; // lower case, "text/plain"
    QList<std::pair<QByteArray, QByteArray>> params; // names lower case, values unquoted

    // The value of a plain parameter exactly as written (boundary, charset).
    QByteArray rawParam(QByteArrayView name) const;
    // A parameter decoded for display: RFC 2231 (name*=, name*0*=, ...)
    // first, then the plain value with RFC 2047 words (as Outlook writes it).
    QString param(QByteArrayView name, Problems* problems) const;
};

ParameterizedValue parseParameterized(QByteArrayView unfoldedValue);

} // namespace MimeDetail
