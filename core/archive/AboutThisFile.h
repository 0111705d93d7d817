#pragma once

#include <QSqlDatabase>
#include <QString>

// The archive describes itself: the table `about_this_file` holds a README,
// the format's specification (docs/archive-format.md) and the reference
// reader (tools/read-archive.py), so a person holding only the file, years
// from now, finds how to get the mail out of it with `sqlite3`. Written when
// the archive is created and again by every upgrade to a newer format.
namespace AboutThisFile {

// The names of the rows, in the order a person needs them.
inline constexpr const char* Readme = "README";
inline constexpr const char* Specification = "archive-format.md";
inline constexpr const char* Reader = "read-archive.py";

// The text the app carries for `name` (compiled in); empty if unknown.
QString text(const char* name);

// Replaces the table's rows with this version's texts, marked with the
// archive's format `version`. Runs inside the caller's transaction.
bool write(QSqlDatabase& db, int version, QString* error);

} // namespace AboutThisFile
