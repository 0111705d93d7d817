#pragma once

#include "archive/ArchiveReader.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

// --query, --source and --folder: which messages a command takes (export,
// restore), as the app's search box and folder tree would choose them.
class CliListScope
{
public:
    CliListScope();

    void addTo(QCommandLineParser& parser) const;
    // The list the options name; false with `refused` (in words) for a query
    // that cannot be read.
    bool apply(const QCommandLineParser& parser, MessageListQuery* list, QString* refused) const;

private:
    QCommandLineOption m_query;
    QCommandLineOption m_source;
    QCommandLineOption m_folder;
};
