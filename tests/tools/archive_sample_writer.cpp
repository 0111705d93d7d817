// Writes the sample archive (tests/support/SampleArchive.h) and its
// manifest: how the fixtures of each released format under
// tests/fixtures/archives are made, and what the reference reader's test
// reads. Usage: archive-sample-writer ARCHIVE MANIFEST [HUGE_MEGABYTES]
#include "SampleArchive.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (args.size() != 3 && args.size() != 4) {
        err << "usage: archive-sample-writer ARCHIVE MANIFEST [HUGE_MEGABYTES]\n";
        return 2;
    }
    SampleArchive::Options options;
    options.hugeMegabytes = args.size() == 4 ? args.at(3).toInt() : 0;
    QList<SampleArchive::Entry> manifest;
    QString error;
    if (!SampleArchive::write(args.at(1), options, &manifest, &error)) {
        err << error << '\n';
        return 1;
    }
    QFile out(args.at(2));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(SampleArchive::manifestText(manifest)) < 0) {
        err << "cannot write " << args.at(2) << ": " << out.errorString() << '\n';
        return 1;
    }
    return 0;
}
