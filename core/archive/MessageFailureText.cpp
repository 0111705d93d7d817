#include "MessageFailureText.h"

#include <QCoreApplication>
#include <QStringList>

namespace MessageFailureText {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MessageFailureText)
};

// The rest are in the folder's details.
constexpr qsizetype Named = 3;

} // namespace

QString namedList(const QList<MessageFailure>& failures, qint64 total)
{
    QStringList named;
    for (qsizetype i = 0; i < failures.size() && i < Named; ++i) {
        named << Tr::tr("UID %1: %2").arg(failures[i].uid).arg(failures[i].reason);
    }
    if (total > named.size()) {
        named << Tr::tr("and %n more", nullptr, static_cast<int>(total - named.size()));
    }
    return named.join(QStringLiteral("; "));
}

} // namespace MessageFailureText
