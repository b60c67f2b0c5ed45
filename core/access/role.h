// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace hub {

/// What a user of the shared desk is for. A person may hold several roles.
enum class Role
{
    FrontDesk,
    Facilitator,
    Treasurer,
    Admin
};

/// Every role, in the order lists show them.
QList<Role> allRoles();
/// The stable machine name: "front-desk", "facilitator", "treasurer", "admin"
/// (stored in user_roles and used by hubctl --role).
QString roleName(Role role);
/// A role from its machine name (any case); nothing for an unknown name.
std::optional<Role> parseRole(const QString &name);
/// The translated name for people: "Front desk", "Treasurer", ...
QString roleTitle(Role role);

} // namespace hub
