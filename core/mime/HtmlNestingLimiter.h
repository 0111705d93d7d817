#pragma once

#include <QByteArray>
#include <QByteArrayView>

// A pre-pass in front of the HTML parser. Gumbo (0.10.1) spends time in
// proportion to the depth of its open-element stack and its list of active
// formatting elements for every tag it reads, so a hostile mail of 100,000
// nested <div>s, or of <b> elements with distinct attributes that are never
// closed, keeps it busy for minutes. This pass follows the tokenizer's rules
// for tags, attributes and comments and keeps its own stack of open elements:
// start tags beyond the limits are removed, end tags that close nothing are
// removed, an end tag that closes several elements is preceded by explicit
// end tags for the ones in between, and comments, doctypes and processing
// instructions are removed (the sanitizer drops them anyway). What reaches the
// parser is then never deeper than about MaxOpenElements, whatever the input.
// It only removes or adds tags; the sanitizer checks everything afterwards, so
// a disagreement with the parser can cost formatting but never safety.
namespace HtmlNestingLimiter {

inline constexpr int MaxOpenElements = 256;
inline constexpr int MaxOpenFormattingElements = 16;

QByteArray limit(QByteArrayView html);

} // namespace HtmlNestingLimiter
