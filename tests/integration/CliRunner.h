#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// What one run of openarchiver-cli printed and returned.
struct CliRun
{
    int exitCode = -1; // -1 when it crashed or did not finish
    QString out;
    QString err;
};

// Runs openarchiver-cli as a user would, as its own process, on the archive
// at `archivePath`, with `input` on its standard input.
CliRun
runCli(const QString& archivePath, const QStringList& arguments, const QByteArray& input = {}, int timeoutMs = 240000);
