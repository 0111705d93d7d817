#include "AboutThisFile.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace AboutThisFile {

QString text(const char* name)
{
    QFile file(QStringLiteral(":/about/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

bool write(QSqlDatabase& db, int version, QString* error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("DELETE FROM about_this_file"))) {
        *error = query.lastError().text();
        return false;
    }
    query.prepare(QStringLiteral("INSERT INTO about_this_file (name, version, text) VALUES (?, ?, ?)"));
    for (const char* name : {Readme, Specification, Reader}) {
        const QString content = text(name);
        if (content.isEmpty()) {
            // A build without its texts must not write an archive that
            // claims to describe itself.
            *error = QStringLiteral("the text %1 is missing from this build").arg(QString::fromLatin1(name));
            return false;
        }
        query.addBindValue(QString::fromLatin1(name));
        query.addBindValue(version);
        query.addBindValue(content);
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace AboutThisFile
