#pragma once

#include "GeneratedMessage.h"
#include "MailGenerator.h"
#include "archive/Archive.h"
#include "values/FetchedMessage.h"

#include <QList>
#include <QString>
#include <QTextStream>

// The archive bench/browse.cpp measures: generated mail stored straight
// through MessageStore (no IMAP) into folders shaped like a real account,
// and the three messages it opens.
namespace BrowseArchive {

constexpr int BatchSize = 200; // what a sync stores per transaction
const QString SourceName = QStringLiteral("Bench");

// The archive file and its write-ahead log, in bytes.
qint64 fileSize(const QString& path);

// A text-heavy mix: the generator's kinds with attachments scaled to 5 %
// (2-30 KB instead of 40-600 KB), so a million messages stay a few GB.
MailGeneratorOptions mixOptions(quint64 seed);
FetchedMessage fetched(GeneratedMessage message, quint32 uid);

// Stores `total` messages into a fresh archive and prints how long it took.
bool build(const Archive& archive, int total, quint64 seed, QTextStream& out);

// The bench's archive at `path`: with `keep` an existing one is reused as
// it is, otherwise the file (and its side files) is replaced by a newly
// built one of `total` messages. Opened read-write once, as the app does at
// start (it creates or upgrades the file), and closed again. False after
// printing why.
bool openOrBuild(const QString& path, bool keep, int total, quint64 seed, QTextStream& out);

struct Specimen
{
    QString name;
    qint64 id = 0;
    qint64 rawSize = 0;
};

// A text mail, an HTML newsletter and a 20 MB message: stored once, found
// again by their bytes when the archive is reused.
QList<Specimen> ensureSpecimens(const Archive& archive, QTextStream& out);

} // namespace BrowseArchive
