#include "CliRunner.h"

#include <QProcess>

#include <gtest/gtest.h>

CliRun runCli(const QString& archivePath, const QStringList& arguments, const QByteArray& input, int timeoutMs)
{
    QProcess cli;
    cli.start(QStringLiteral(OPENARCHIVER_CLI), QStringList {QStringLiteral("--archive"), archivePath} + arguments);
    cli.write(input);
    cli.closeWriteChannel();
    CliRun result;
    if (!cli.waitForFinished(timeoutMs)) {
        cli.kill();
        cli.waitForFinished();
        ADD_FAILURE() << "openarchiver-cli " << arguments.join(QLatin1Char(' ')).toStdString() << " did not finish";
        return result;
    }
    result.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    result.out = QString::fromUtf8(cli.readAllStandardOutput());
    result.err = QString::fromUtf8(cli.readAllStandardError());
    return result;
}
