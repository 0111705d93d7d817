#pragma once

#include <QString>

struct GumboInternalNode;

// Mail laid out with tables (nearly every newsletter) nests a page in
// single-column tables: one cell around everything, then one row per
// section. QTextDocument lays a table out whole and measures each cell more
// than once, nesting multiplying it: a 60 KB newsletter took 40-85 ms to lay
// out, and the viewer could paint nothing before. Such a table shows the
// same as a stack of blocks, which QTextDocument lays out lazily, a screen
// at a time (10 ms for that newsletter).
//
// Only what is certainly layout goes: every row holds exactly one cell, no
// header cells and no caption (a one-column data table keeps its grid), and
// every background on it is light. Backgrounds do not survive the change
// (a block's background does not reach the blocks and tables inside it), so
// a dark one, or one that cannot be read, keeps the table: white text on it
// must never end up on the viewer's white page.
namespace LayoutTable {

bool isFlattenable(const GumboInternalNode* table);

// A flattened cell's filtered style ("prop: value; …") for its block: its
// padding becomes the block's margin (the space around a section stays),
// its background and borders go (a block has none of its own in
// QTextDocument), its text styles stay.
QString blockStyle(const QString& filteredCellStyle);

} // namespace LayoutTable
