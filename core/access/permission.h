// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/access/role.h"

#include <QList>
#include <QString>

namespace hub {

/// Every action a role may or may not do. Core services check these once, at
/// the top of each write, so the GUI and hubctl obey the same rules.
enum class Permission
{
    ViewMembers,      ///< read the directory, statements, a member's record
    AddMembers,       ///< add a member or organisation
    EditMembers,      ///< edit contact data, consent, status, skills, offers and needs
    ForgetMember,     ///< erase a member's personal data
    ImportMembers,    ///< CSV/vCard import
    ExportMembers,    ///< CSV/vCard export and subject-access export
    ManageSpaces,     ///< spaces, opening hours, closed days
    Book,             ///< make, change and cancel bookings
    CheckIn,          ///< sign-ups and check-in at gatherings
    RecordTransfer,   ///< post a transfer (front desk: up to the ceiling)
    ReverseTransfer,  ///< post a reversing transfer
    ChangeLimits,     ///< credit limits, account status, the front-desk ceiling
    Levy,             ///< batch postings (levies, fees)
    Override,         ///< post past a limit or a rule with an override note
    RunReports,       ///< run and export reports
    ManageGatherings, ///< gatherings, ideas, votes, working groups, actions, challenges
    ChangeSettings,   ///< hub settings, time zone, idle lock
    ManageUsers,      ///< users and their roles
    BackupRestore,    ///< back up and restore the hub file
    ViewAudit,        ///< read the audit trail
    GenerateDemo,     ///< fill a hub with demo data
};

/// Every permission, in declaration order (for tables and tests).
QList<Permission> allPermissions();
/// A stable machine name, e.g. "reverse-transfer".
QString permissionName(Permission permission);
/// What the permission lets one do, translated, e.g. "reverse transfers".
QString permissionTitle(Permission permission);

/// The roles that may do `permission`: the one table every check reads.
QList<Role> rolesAllowed(Permission permission);

} // namespace hub
