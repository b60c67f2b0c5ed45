// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/access/role.h"

#include <QCoreApplication>

namespace hub {

QList<Role> allRoles()
{
    return {Role::FrontDesk, Role::Facilitator, Role::Treasurer, Role::Admin};
}

QString roleName(Role role)
{
    switch (role) {
    case Role::FrontDesk:
        return QStringLiteral("front-desk");
    case Role::Facilitator:
        return QStringLiteral("facilitator");
    case Role::Treasurer:
        return QStringLiteral("treasurer");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> parseRole(const QString &name)
{
    const QString key = name.trimmed().toLower().replace(u'_', u'-').replace(u' ', u'-');
    for (Role r : allRoles())
        if (roleName(r) == key)
            return r;
    if (key == QStringLiteral("frontdesk"))
        return Role::FrontDesk;
    return std::nullopt;
}

QString roleTitle(Role role)
{
    switch (role) {
    case Role::FrontDesk:
        return QCoreApplication::translate("hub::Role", "Front desk");
    case Role::Facilitator:
        return QCoreApplication::translate("hub::Role", "Facilitator");
    case Role::Treasurer:
        return QCoreApplication::translate("hub::Role", "Treasurer");
    case Role::Admin:
        return QCoreApplication::translate("hub::Role", "Admin");
    }
    return {};
}

} // namespace hub
