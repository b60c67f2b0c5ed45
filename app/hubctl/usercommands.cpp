// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/usercommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "app/hubctl/secretprompt.h"
#include "core/access/accesscontrol.h"
#include "core/access/userenrolment.h"
#include "core/access/userservice.h"
#include "core/audit/audittrail.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

namespace hub::cli {

namespace {

struct UserCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::UserCommands)
};

QStringList roleNames(const QList<Role> &roles)
{
    QStringList out;
    for (Role r : roles)
        out << roleName(r);
    return out;
}

QJsonObject userJson(const User &u)
{
    return QJsonObject{{QStringLiteral("id"), double(u.id.value())},
                       {QStringLiteral("name"), u.name},
                       {QStringLiteral("member_id"), double(u.member.value())},
                       {QStringLiteral("member"), u.memberName},
                       {QStringLiteral("roles"), QJsonArray::fromStringList(roleNames(u.roles))},
                       {QStringLiteral("has_pin"), u.hasPin},
                       {QStringLiteral("locked_until"),
                        u.lockedUntil.isValid() ? QJsonValue(u.lockedUntil.toString(Qt::ISODate)) : QJsonValue()},
                       {QStringLiteral("created_at"), u.createdAt.toString(Qt::ISODate)}};
}

Result<QList<Role>> parseRoles(const QStringList &names)
{
    QList<Role> roles;
    for (const QString &n : names) {
        const auto r = parseRole(n);
        if (!r) {
            QStringList known;
            for (Role k : allRoles())
                known << roleName(k);
            return fail(Error::usage(
                UserCommandsTr::tr("“%1” is not a role; roles are %2.").arg(n, known.join(QStringLiteral(", "))),
                QStringLiteral("--role")));
        }
        if (!roles.contains(*r))
            roles << *r;
    }
    return roles;
}

// The new passphrase: $HUBCTL_NEW_PASSPHRASE; $HUBCTL_PASSPHRASE when no one
// signs in with it (the implicit admin creating the first user); else asked
// for twice on the terminal.
Result<QString> newPassphrase(const CommandContext &ctx, const QString &name)
{
    if (qEnvironmentVariableIsSet("HUBCTL_NEW_PASSPHRASE"))
        return qEnvironmentVariable("HUBCTL_NEW_PASSPHRASE");
    if (ctx.user().isEmpty() && qEnvironmentVariableIsSet("HUBCTL_PASSPHRASE"))
        return qEnvironmentVariable("HUBCTL_PASSPHRASE");
    const auto first = readSecret(UserCommandsTr::tr("New passphrase for %1: ").arg(name));
    if (!first)
        return fail(Error::usage(
            UserCommandsTr::tr("No passphrase given: set HUBCTL_NEW_PASSPHRASE or run hubctl in a terminal.")));
    if (auto ok = UserService::checkPassphrase(*first); !ok)
        return fail(ok.error());
    const auto second = readSecret(UserCommandsTr::tr("The same passphrase again: "));
    if (!second || *second != *first)
        return fail(Error::invalid(UserCommandsTr::tr("The two passphrases differ; nothing was changed."),
                                   QStringLiteral("passphrase")));
    return *first;
}

int userAdd(CommandContext &ctx, CommandSession &s)
{
    const bool existing = ctx.isSet(QStringLiteral("member"));
    const bool newMember = ctx.isSet(QStringLiteral("new-member"));
    if (existing == newMember)
        return ctx.usage(UserCommandsTr::tr("name the member this user is with --member, or add one with --new-member"),
                         QStringLiteral("--member"));
    for (const char *field : {"email", "phone"})
        if (!newMember && ctx.isSet(QString::fromLatin1(field)))
            return ctx.usage(
                UserCommandsTr::tr("--%1 is for the member added with --new-member").arg(QString::fromLatin1(field)),
                QStringLiteral("--") + QString::fromLatin1(field));
    if (!ctx.isSet(QStringLiteral("role")))
        return ctx.usage(UserCommandsTr::tr("give at least one --role"), QStringLiteral("--role"));
    auto roles = parseRoles(ctx.values(QStringLiteral("role")));
    if (!roles)
        return ctx.fail(roles.error());
    if (auto ok = s.hub->access().require(Permission::ManageUsers); !ok)
        return ctx.fail(ok.error());
    UserDraft draft;
    draft.name = ctx.positional().first();
    draft.roles = *roles;
    if (newMember) {
        MemberDraft member;
        member.displayName = ctx.value(QStringLiteral("new-member")).trimmed();
        member.email = ctx.value(QStringLiteral("email")).trimmed();
        member.phone = ctx.value(QStringLiteral("phone")).trimmed();
        draft.newMember = member;
    } else {
        auto member = s.member(ctx.value(QStringLiteral("member")), QStringLiteral("--member"));
        if (!member)
            return ctx.fail(member.error());
        draft.member = *member;
    }
    auto passphrase = newPassphrase(ctx, draft.name);
    if (!passphrase)
        return ctx.fail(passphrase.error());
    draft.passphrase = *passphrase;
    auto user = UserEnrolment::add(*s.hub, draft);
    if (!user) {
        Error e = user.error();
        if (e.where == QStringLiteral("member"))
            e.where = newMember ? QStringLiteral("--new-member") : QStringLiteral("--member");
        return ctx.fail(e);
    }
    ctx.out().result(userJson(*user),
                     UserCommandsTr::tr("User %1 (%2) added: %3.")
                         .arg(user->name, user->memberName, roleNames(user->roles).join(QStringLiteral(", "))));
    return 0;
}

int userList(CommandContext &ctx, CommandSession &s)
{
    auto users = s.hub->users().list();
    if (!users)
        return ctx.fail(users.error());
    if (ctx.json()) {
        QJsonArray list;
        for (const User &u : std::as_const(*users))
            list.append(userJson(u));
        ctx.out().document(QJsonObject{{QStringLiteral("users"), list}});
        return 0;
    }
    if (users->isEmpty()) {
        ctx.out().text(UserCommandsTr::tr("No users yet: everyone is the implicit admin. Add the first admin with "
                                          "“hubctl user add NAME --member MEMBER --role admin”."));
        return 0;
    }
    QList<QStringList> rows;
    for (const User &u : std::as_const(*users))
        rows << QStringList{u.name, u.memberName, roleNames(u.roles).join(QStringLiteral(", ")),
                            u.hasPin ? UserCommandsTr::tr("yes") : UserCommandsTr::tr("no"),
                            u.lockedUntil.isValid() ? s.local(u.lockedUntil) : QString()};
    ctx.out().table({UserCommandsTr::tr("Name"), UserCommandsTr::tr("Member"), UserCommandsTr::tr("Roles"),
                     UserCommandsTr::tr("PIN"), UserCommandsTr::tr("Locked until")},
                    rows);
    return 0;
}

int userRole(CommandContext &ctx, CommandSession &s)
{
    const bool adding = ctx.isSet(QStringLiteral("add"));
    if (adding == ctx.isSet(QStringLiteral("remove")))
        return ctx.usage(UserCommandsTr::tr("give exactly one of --add ROLE or --remove ROLE"));
    const QString option = adding ? QStringLiteral("add") : QStringLiteral("remove");
    auto roles = parseRoles({ctx.value(option)});
    if (!roles)
        return ctx.fail(located(roles.error(), QStringLiteral("--") + option));
    auto user = s.hub->users().find(ctx.positional().first());
    if (!user)
        return ctx.fail(user.error());
    const Role role = roles->first();
    auto ok = adding ? s.hub->users().addRole(user->id, role) : s.hub->users().removeRole(user->id, role);
    if (!ok)
        return ctx.fail(ok.error());
    auto changed = s.hub->users().get(user->id);
    if (!changed)
        return ctx.fail(changed.error());
    ctx.out().result(userJson(*changed), UserCommandsTr::tr("%1 now has the roles: %2.")
                                             .arg(changed->name, roleNames(changed->roles).join(QStringLiteral(", "))));
    return 0;
}

int userPasswd(CommandContext &ctx, CommandSession &s)
{
    auto user = s.hub->users().find(ctx.positional().first());
    if (!user)
        return ctx.fail(user.error());
    const auto me = s.hub->access().currentUser();
    if (!(me && me->id == user->id))
        if (auto ok = s.hub->access().require(Permission::ManageUsers); !ok)
            return ctx.fail(ok.error());
    auto passphrase = newPassphrase(ctx, user->name);
    if (!passphrase)
        return ctx.fail(passphrase.error());
    if (auto ok = s.hub->users().changePassphrase(user->id, *passphrase); !ok)
        return ctx.fail(ok.error());
    ctx.out().result(QJsonObject{{QStringLiteral("user"), user->name}, {QStringLiteral("changed"), true}},
                     UserCommandsTr::tr("The passphrase of %1 was changed.").arg(user->name));
    return 0;
}

int userPin(CommandContext &ctx, CommandSession &s)
{
    auto user = s.hub->users().find(ctx.positional().first());
    if (!user)
        return ctx.fail(user.error());
    QString pin;
    if (!ctx.isSet(QStringLiteral("clear"))) {
        if (qEnvironmentVariableIsSet("HUBCTL_NEW_PIN")) {
            pin = qEnvironmentVariable("HUBCTL_NEW_PIN");
        } else {
            const auto typed = readSecret(UserCommandsTr::tr("New PIN for %1: ").arg(user->name));
            if (!typed)
                return ctx.fail(
                    Error::usage(UserCommandsTr::tr("No PIN given: set HUBCTL_NEW_PIN or run hubctl in a terminal.")));
            pin = *typed;
        }
        if (pin.isEmpty())
            return ctx.fail(Error::invalid(UserCommandsTr::tr("An empty PIN; use --clear to remove the PIN."),
                                           QStringLiteral("pin")));
    }
    if (auto ok = s.hub->users().setPin(user->id, pin); !ok)
        return ctx.fail(ok.error());
    ctx.out().result(QJsonObject{{QStringLiteral("user"), user->name}, {QStringLiteral("has_pin"), !pin.isEmpty()}},
                     pin.isEmpty() ? UserCommandsTr::tr("%1 has no PIN now.").arg(user->name)
                                   : UserCommandsTr::tr("The PIN of %1 was set.").arg(user->name));
    return 0;
}

int userRemove(CommandContext &ctx, CommandSession &s)
{
    auto user = s.hub->users().find(ctx.positional().first());
    if (!user)
        return ctx.fail(user.error());
    if (auto ok = s.hub->users().remove(user->id); !ok)
        return ctx.fail(ok.error());
    ctx.out().result(QJsonObject{{QStringLiteral("user"), user->name}, {QStringLiteral("removed"), true}},
                     UserCommandsTr::tr("User %1 was removed; the audit trail keeps their name.").arg(user->name));
    return 0;
}

int audit(CommandContext &ctx, CommandSession &s)
{
    AuditFilter filter;
    QDate from, to;
    for (const auto &[name, field] : {std::pair{QStringLiteral("from"), &from}, std::pair{QStringLiteral("to"), &to}}) {
        if (!ctx.isSet(name))
            continue;
        auto d = parseDate(ctx.value(name), QStringLiteral("--") + name);
        if (!d)
            return ctx.fail(d.error());
        *field = *d;
    }
    if (from.isValid() && to.isValid() && to < from)
        return ctx.fail(Error::invalid(UserCommandsTr::tr("--to is before --from"), QStringLiteral("--to")));
    if (ctx.isSet(QStringLiteral("limit"))) {
        auto n = CommandSession::count(ctx.value(QStringLiteral("limit")), QStringLiteral("--limit"));
        if (!n)
            return ctx.fail(n.error());
        filter.limit = *n;
    }
    filter.action = ctx.value(QStringLiteral("action")).trimmed();
    const QTimeZone zone = s.settings.zone();
    if (from.isValid())
        filter.from = QDateTime(from, QTime(0, 0), zone).toUTC();
    if (to.isValid())
        filter.to = QDateTime(to.addDays(1), QTime(0, 0), zone).toUTC();
    filter.userName = ctx.value(QStringLiteral("user")).trimmed();
    auto rows = s.hub->audit().list(filter);
    if (!rows)
        return ctx.fail(rows.error());
    if (ctx.json()) {
        QJsonArray list;
        for (const AuditEntry &e : std::as_const(*rows))
            list.append(QJsonObject{{QStringLiteral("id"), double(e.id)},
                                    {QStringLiteral("at"), e.at.toString(Qt::ISODate)},
                                    {QStringLiteral("user"), e.userName},
                                    {QStringLiteral("action"), e.action},
                                    {QStringLiteral("entity"), e.entity},
                                    {QStringLiteral("entity_id"), double(e.entityId)},
                                    {QStringLiteral("summary"), e.summary},
                                    {QStringLiteral("hash"), e.hash}});
        ctx.out().document(QJsonObject{{QStringLiteral("entries"), list}});
        return 0;
    }
    if (rows->isEmpty()) {
        ctx.out().text(UserCommandsTr::tr("Nothing in the audit trail matches."));
        return 0;
    }
    QList<QStringList> table;
    for (const AuditEntry &e : std::as_const(*rows))
        table << QStringList{QString::number(e.id),
                             s.local(e.at),
                             e.userName,
                             e.action,
                             e.entityId ? QStringLiteral("%1 #%2").arg(e.entity).arg(e.entityId) : e.entity,
                             e.summary};
    ctx.out().table({UserCommandsTr::tr("#"), UserCommandsTr::tr("When"), UserCommandsTr::tr("Who"),
                     UserCommandsTr::tr("Action"), UserCommandsTr::tr("What"), UserCommandsTr::tr("Summary")},
                    table);
    return 0;
}

} // namespace

void registerUserCommands(Cli &cli)
{
    cli.add(
        {.name = QStringLiteral("user add"),
         .synopsis = QStringLiteral(
             "NAME (--member MEMBER | --new-member \"FULL NAME\" [--email E] [--phone P]) --role ROLE..."),
         .summary =
             UserCommandsTr::tr("add a user who may sign in (passphrase from HUBCTL_NEW_PASSPHRASE or asked twice)"),
         .options =
             {option(QStringLiteral("member"), UserCommandsTr::tr("The member this user is (id or e-mail)."),
                     QStringLiteral("MEMBER")),
              option(QStringLiteral("new-member"),
                     UserCommandsTr::tr("Add the user's member too, with this full name."), QStringLiteral("NAME")),
              option(QStringLiteral("email"), UserCommandsTr::tr("The new member's e-mail (with --new-member)."),
                     QStringLiteral("E")),
              option(QStringLiteral("phone"), UserCommandsTr::tr("The new member's phone (with --new-member)."),
                     QStringLiteral("P")),
              option(QStringLiteral("role"),
                     UserCommandsTr::tr("A role: front-desk, facilitator, treasurer or admin (repeat for several)."),
                     QStringLiteral("ROLE"))},
         .arguments = {1, 1},
         .run = userAdd});
    cli.add({.name = QStringLiteral("user list"),
             .synopsis = QString(),
             .summary = UserCommandsTr::tr("list the hub's users and their roles"),
             .arguments = {0, 0},
             .run = userList});
    cli.add({.name = QStringLiteral("user role"),
             .synopsis = QStringLiteral("NAME --add ROLE | --remove ROLE"),
             .summary = UserCommandsTr::tr("give or take a role"),
             .options = {option(QStringLiteral("add"), UserCommandsTr::tr("Give the user this role."),
                                QStringLiteral("ROLE")),
                         option(QStringLiteral("remove"), UserCommandsTr::tr("Take this role from the user."),
                                QStringLiteral("ROLE"))},
             .arguments = {1, 1},
             .run = userRole});
    cli.add({.name = QStringLiteral("user passwd"),
             .synopsis = QStringLiteral("NAME"),
             .summary = UserCommandsTr::tr("set a new passphrase (also lifts a lock-out)"),
             .arguments = {1, 1},
             .run = userPasswd});
    cli.add({.name = QStringLiteral("user pin"),
             .synopsis = QStringLiteral("NAME [--clear]"),
             .summary = UserCommandsTr::tr("set the quick-switch PIN (from HUBCTL_NEW_PIN or asked) or clear it"),
             .options = {option(QStringLiteral("clear"), UserCommandsTr::tr("Remove the PIN."))},
             .arguments = {1, 1},
             .run = userPin});
    cli.add({.name = QStringLiteral("user remove"),
             .synopsis = QStringLiteral("NAME"),
             .summary = UserCommandsTr::tr("remove a user"),
             .arguments = {1, 1},
             .run = userRemove});
    // After the command, --user filters; who runs hubctl is named before it
    // ("hubctl --user ana audit --user ben").
    cli.add(
        {.name = QStringLiteral("audit"),
         .synopsis = QStringLiteral("[--from DATE] [--to DATE] [--user NAME] [--action KIND] [--limit N]"),
         .summary = UserCommandsTr::tr("show the audit trail, newest first"),
         .options = {option(QStringLiteral("from"), UserCommandsTr::tr("First day (YYYY-MM-DD, hub's time zone)."),
                            QStringLiteral("DATE")),
                     option(QStringLiteral("to"), UserCommandsTr::tr("Last day, included."), QStringLiteral("DATE")),
                     option(QStringLiteral("user"), UserCommandsTr::tr("Only what this person did."),
                            QStringLiteral("NAME")),
                     option(QStringLiteral("action"),
                            UserCommandsTr::tr("Only this action or kind of action (e.g. transfer, member.add)."),
                            QStringLiteral("KIND")),
                     option(QStringLiteral("limit"), UserCommandsTr::tr("At most this many rows, newest first."),
                            QStringLiteral("N"))},
         .arguments = {0, 0},
         .run = audit});
}

} // namespace hub::cli
