#include "ParsedMessage.h"

QString MailAddress::toDisplayString() const
{
    if (name.isEmpty()) {
        return address;
    }
    if (address.isEmpty()) {
        return name;
    }
    return QStringLiteral("%1 <%2>").arg(name, address);
}
