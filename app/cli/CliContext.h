#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTextStream>

class Archive;

// What every command gets: the archive, its arguments and the streams.
struct CliContext
{
    Archive& archive;
    QStringList arguments; // after the command name
    QTextStream& out;
    QTextStream& err;
};

// Exit codes, the same for every command.
namespace CliExit {
constexpr int Ok = 0;
constexpr int Failed = 1; // the command ran and found or hit a problem
constexpr int BadUsage = 2; // the command line was wrong
} // namespace CliExit

// "1.5 GB": a size in the units people read, for progress and summaries.
inline QString cliSizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}
