#include "AppInfo.h"

#include <QCoreApplication>

namespace AppInfo {

QString displayName()
{
    return QStringLiteral("OpenArchiver Desktop");
}

QString version()
{
    return QStringLiteral(OPENARCHIVER_VERSION);
}

QString userGuideUrl()
{
    return QStringLiteral(OPENARCHIVER_HOMEPAGE "#user-guide");
}

QString keychainService()
{
    return QStringLiteral("OpenArchiver Desktop");
}

void configure()
{
    // The organisation and application names decide the per-user data path
    // (~/.local/share/OpenArchiver/OpenArchiver Desktop on Linux): never change them.
    QCoreApplication::setOrganizationName(QStringLiteral("OpenArchiver"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("openarchiver.org"));
    QCoreApplication::setApplicationName(displayName());
    QCoreApplication::setApplicationVersion(version());
}

} // namespace AppInfo
