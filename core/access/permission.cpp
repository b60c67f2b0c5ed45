// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/access/permission.h"

#include <QCoreApplication>

namespace hub {

namespace {

struct Rule
{
    Permission permission;
    const char *name;
    const char *title; ///< completes "Only a treasurer may …"
    QList<Role> roles;
};

using enum Role;

// The one table of who may do what. Admins run the hub (settings, users,
// import, erasure, backups) but do not post money or run gatherings unless
// they also hold that role: a person may hold several roles.
const QList<Rule> &rules()
{
    static const QList<Rule> table = {
        {Permission::ViewMembers,
         "view-members",
         QT_TRANSLATE_NOOP("hub::Permission", "view members"),
         {FrontDesk, Facilitator, Treasurer, Admin}},
        {Permission::AddMembers,
         "add-members",
         QT_TRANSLATE_NOOP("hub::Permission", "add members"),
         {FrontDesk, Admin}},
        {Permission::EditMembers,
         "edit-members",
         QT_TRANSLATE_NOOP("hub::Permission", "edit members"),
         {FrontDesk, Admin}},
        {Permission::ForgetMember, "forget-member", QT_TRANSLATE_NOOP("hub::Permission", "forget members"), {Admin}},
        {Permission::ImportMembers, "import-members", QT_TRANSLATE_NOOP("hub::Permission", "import members"), {Admin}},
        {Permission::ExportMembers, "export-members", QT_TRANSLATE_NOOP("hub::Permission", "export members"), {Admin}},
        {Permission::ManageSpaces, "manage-spaces", QT_TRANSLATE_NOOP("hub::Permission", "change spaces"), {Admin}},
        {Permission::Book,
         "book",
         QT_TRANSLATE_NOOP("hub::Permission", "make or change bookings"),
         {FrontDesk, Facilitator}},
        {Permission::CheckIn,
         "check-in",
         QT_TRANSLATE_NOOP("hub::Permission", "sign people up and check them in"),
         {FrontDesk, Facilitator}},
        {Permission::RecordTransfer,
         "record-transfer",
         QT_TRANSLATE_NOOP("hub::Permission", "record transfers"),
         {FrontDesk, Treasurer}},
        {Permission::ReverseTransfer,
         "reverse-transfer",
         QT_TRANSLATE_NOOP("hub::Permission", "reverse transfers"),
         {Treasurer}},
        {Permission::ChangeLimits,
         "change-limits",
         QT_TRANSLATE_NOOP("hub::Permission", "change credit limits and account status"),
         {Treasurer}},
        {Permission::Levy, "levy", QT_TRANSLATE_NOOP("hub::Permission", "post levies and batches"), {Treasurer}},
        {Permission::Override, "override", QT_TRANSLATE_NOOP("hub::Permission", "override a limit"), {Treasurer}},
        {Permission::RunReports,
         "run-reports",
         QT_TRANSLATE_NOOP("hub::Permission", "run reports"),
         {Treasurer, Admin}},
        {Permission::ManageGatherings,
         "manage-gatherings",
         QT_TRANSLATE_NOOP("hub::Permission", "run gatherings, ideas and working groups"),
         {Facilitator}},
        {Permission::ChangeSettings,
         "change-settings",
         QT_TRANSLATE_NOOP("hub::Permission", "change hub settings"),
         {Admin}},
        {Permission::ManageUsers, "manage-users", QT_TRANSLATE_NOOP("hub::Permission", "manage users"), {Admin}},
        {Permission::BackupRestore,
         "backup-restore",
         QT_TRANSLATE_NOOP("hub::Permission", "back up or restore the hub"),
         {Admin}},
        {Permission::ViewAudit,
         "view-audit",
         QT_TRANSLATE_NOOP("hub::Permission", "read the audit trail"),
         {Treasurer, Admin}},
        {Permission::GenerateDemo,
         "generate-demo",
         QT_TRANSLATE_NOOP("hub::Permission", "generate demo data"),
         {Admin}},
    };
    return table;
}

const Rule &ruleOf(Permission p)
{
    const auto &table = rules();
    for (const Rule &r : table)
        if (r.permission == p)
            return r;
    Q_UNREACHABLE();
}

} // namespace

QList<Permission> allPermissions()
{
    QList<Permission> out;
    for (const Rule &r : rules())
        out << r.permission;
    return out;
}

QString permissionName(Permission permission)
{
    return QString::fromLatin1(ruleOf(permission).name);
}

QString permissionTitle(Permission permission)
{
    return QCoreApplication::translate("hub::Permission", ruleOf(permission).title);
}

QList<Role> rolesAllowed(Permission permission)
{
    return ruleOf(permission).roles;
}

} // namespace hub
