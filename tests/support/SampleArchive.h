#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// A small archive that holds every way this version stores a message, for
// the tests that read archives without the app: the reference reader
// (tools/read-archive.py) and the fixtures of each released format
// (tests/fixtures/archives). What it holds:
// - every compression kind: 0 (stored as is), 1 (zstd), 2 (zstd with the
//   archive's dictionary), 3 and 4 (packed base64, without and with the
//   dictionary), packed blobs of one frame and of two;
// - base64 blocks of 76 and 64 characters a line, CRLF and LF, with and
//   without padding, several in one message;
// - a message two sources share (one blob, two locations), a folder whose
//   name is not valid modified UTF-7, folders with '/' and '.' delimiters, a
//   removed source whose mail was kept, 8-bit and NUL bytes in a header;
// - optionally one huge message.
namespace SampleArchive {

struct Options
{
    // Adds a message of about this many MiB (a base64 attachment); 0 adds none.
    int hugeMegabytes = 0;
};

// One location of a stored message: what a reader must write out.
struct Entry
{
    QByteArray sha256; // of the message's bytes, computed here, not read back
    qint64 size = 0;
    int compression = -1; // the kind the archive stored it with
    QString source;
    QString folderPath; // for people; the delimiter is the folder's own
    quint32 uid = 0;
};

// Creates the archive at `path` (which must not exist) and fills it.
// Returns false with `error` on failure.
bool write(const QString& path, const Options& options, QList<Entry>* manifest, QString* error);

// The manifest as text, one line an entry: sha256 (hex), size, compression,
// source, folder path, uid, separated by tabs.
QByteArray manifestText(const QList<Entry>& manifest);

} // namespace SampleArchive
