#pragma once

#include <QString>
#include <QStringList>

// What the message viewer may show of an HTML body.
struct SanitizedHtml
{
    // "<html><body>…</body></html>" built only from allowed elements and
    // attributes, every text and value escaped.
    QString html;
    // Images that would have been fetched from elsewhere (img src, background
    // attributes, input type=image, url() in style attributes) and were left out.
    int blockedRemoteImages = 0;
    // The cid: references kept in img src, without "cid:", each once.
    QStringList contentIds;
    // Set when the body was longer than HtmlSanitizer::MaxInputBytes and only
    // its beginning is shown.
    bool truncated = false;
};

// Turns hostile HTML mail into HTML that QTextDocument can show and that can
// neither run anything nor make the viewer contact any host: parsed with
// Gumbo, then rebuilt from an allowlist of elements and attributes. The
// viewer's loadResource serving only cid: and data: is the second fence.
namespace HtmlSanitizer {

inline constexpr qsizetype MaxInputBytes = qsizetype(16) * 1024 * 1024;
// Elements nested deeper than this lose their tags and keep their text.
inline constexpr int MaxOutputDepth = 200;

SanitizedHtml sanitize(const QString& html);

} // namespace HtmlSanitizer
