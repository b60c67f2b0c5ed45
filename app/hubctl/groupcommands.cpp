// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/groupcommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "app/hubctl/gatheringoutput.h"
#include "core/gatherings/workinggroupservice.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hub::cli {

namespace {

struct GroupCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::GroupCommands)
};

int groupList(CommandContext &ctx, CommandSession &s)
{
    auto list = s.hub->workingGroups().list();
    if (!list)
        return ctx.fail(list.error());
    QJsonArray array;
    QList<QStringList> rows;
    for (const WorkingGroup &g : std::as_const(*list)) {
        array.append(groupJson(g));
        rows << QStringList{QStringLiteral("#%1").arg(g.id.value()),
                            g.name,
                            g.convenorName.isEmpty() ? QStringLiteral("-") : g.convenorName,
                            QString::number(g.members),
                            QString::number(g.openActions),
                            QString::number(g.overdueActions),
                            g.originIdeaTitle.isEmpty() ? QStringLiteral("-") : g.originIdeaTitle};
    }
    if (ctx.json())
        ctx.out().document(array);
    else if (rows.isEmpty())
        ctx.out().text(GroupCommandsTr::tr("No working groups yet."));
    else
        ctx.out().table({GroupCommandsTr::tr("Id"), GroupCommandsTr::tr("Name"), GroupCommandsTr::tr("Convenor"),
                         GroupCommandsTr::tr("Members"), GroupCommandsTr::tr("Open"), GroupCommandsTr::tr("Overdue"),
                         GroupCommandsTr::tr("Origin idea")},
                        rows);
    return 0;
}

int groupShow(CommandContext &ctx, CommandSession &s)
{
    auto &groups = s.hub->workingGroups();
    auto g = s.group(ctx.positional().first());
    if (!g)
        return ctx.fail(g.error());
    auto members = groups.members(g->id);
    auto actions = groups.actions(g->id);
    auto ideas = groups.ideas(g->id);
    if (!members || !actions || !ideas)
        return ctx.fail(!members ? members.error() : !actions ? actions.error() : ideas.error());
    const QDate today = groups.today();
    QJsonObject o = groupJson(*g);
    QJsonArray m, a, i;
    QStringList text{GroupCommandsTr::tr("Working group #%1: %2").arg(g->id.value()).arg(g->name)};
    if (g->originIdea)
        text << GroupCommandsTr::tr("Grew from “%1” at “%2”.").arg(g->originIdeaTitle, g->originGatheringTitle);
    text << GroupCommandsTr::tr("Members (%1):").arg(members->size());
    for (const GroupMember &x : std::as_const(*members)) {
        m.append(QJsonObject{{QStringLiteral("member_id"), x.member.value()},
                             {QStringLiteral("name"), x.name},
                             {QStringLiteral("convenor"), x.convenor}});
        text << QStringLiteral("  ") + x.name + (x.convenor ? GroupCommandsTr::tr(" (convenor)") : QString());
    }
    text << GroupCommandsTr::tr("Actions (%1):").arg(actions->size());
    for (const GroupAction &x : std::as_const(*actions)) {
        a.append(actionJson(x, today));
        text << GroupCommandsTr::tr("  #%1 [%2] %3 — %4%5%6")
                    .arg(QString::number(x.id.value()), toString(x.status), x.title, x.ownerName,
                         x.due.isValid() ? GroupCommandsTr::tr(", due %1").arg(x.due.toString(Qt::ISODate)) : QString(),
                         x.isOverdue(today) ? GroupCommandsTr::tr(" (overdue)") : QString());
    }
    for (const Idea &x : std::as_const(*ideas))
        i.append(QJsonObject{{QStringLiteral("id"), x.id.value()},
                             {QStringLiteral("title"), x.title},
                             {QStringLiteral("gathering_id"), x.gathering.value()},
                             {QStringLiteral("author"), x.authorName}});
    o.insert(QStringLiteral("member_list"), m);
    o.insert(QStringLiteral("actions"), a);
    o.insert(QStringLiteral("promoted_ideas"), i);
    ctx.out().result(o, text.join(u'\n'));
    return 0;
}

int groupJoin(CommandContext &ctx, CommandSession &s)
{
    auto g = s.group(ctx.positional().first());
    if (!g)
        return ctx.fail(g.error());
    auto m = s.member(ctx.value(QStringLiteral("member")), QStringLiteral("--member"));
    if (!m)
        return ctx.fail(m.error());
    const bool leave = ctx.isSet(QStringLiteral("leave"));
    const Status done = leave ? s.hub->workingGroups().leave(g->id, *m) : s.hub->workingGroups().join(g->id, *m);
    if (!done)
        return ctx.fail(asGatheringOption(done.error()));
    auto now = s.hub->workingGroups().get(g->id);
    if (!now)
        return ctx.fail(now.error());
    ctx.out().result(groupJson(*now),
                     leave ? GroupCommandsTr::tr("Left “%1”; %2 member(s).").arg(now->name).arg(now->members)
                           : GroupCommandsTr::tr("Joined “%1”; %2 member(s).").arg(now->name).arg(now->members));
    return 0;
}

int actionAdd(CommandContext &ctx, CommandSession &s)
{
    ActionDraft d;
    if (ctx.isSet(QStringLiteral("due"))) {
        auto due = parseDate(ctx.value(QStringLiteral("due")), QStringLiteral("--due"));
        if (!due)
            return ctx.fail(due.error());
        d.due = *due;
    }
    auto g = s.group(ctx.positional().first());
    if (!g)
        return ctx.fail(g.error());
    auto owner = s.member(ctx.value(QStringLiteral("owner")), QStringLiteral("--owner"));
    if (!owner)
        return ctx.fail(owner.error());
    d.group = g->id;
    d.title = ctx.value(QStringLiteral("title"));
    d.owner = *owner;
    d.notes = ctx.value(QStringLiteral("notes"));
    auto a = s.hub->workingGroups().addAction(d);
    if (!a)
        return ctx.fail(asGatheringOption(a.error()));
    ctx.out().result(
        actionJson(*a, s.hub->workingGroups().today()),
        GroupCommandsTr::tr("Action #%1 for %2: “%3”.").arg(QString::number(a->id.value()), a->ownerName, a->title));
    return 0;
}

int actionDone(CommandContext &ctx, CommandSession &s)
{
    QString ref = ctx.positional().first().trimmed();
    if (ref.startsWith(u'#'))
        ref.remove(0, 1);
    bool ok = false;
    const qint64 id = ref.toLongLong(&ok);
    if (!ok || id <= 0)
        return ctx.fail(
            Error::invalid(GroupCommandsTr::tr("“%1” is not an action number").arg(ctx.positional().first()),
                           QStringLiteral("ACTION")));
    const ActionStatus to = ctx.isSet(QStringLiteral("dropped")) ? ActionStatus::Dropped : ActionStatus::Done;
    auto a = s.hub->workingGroups().setStatus(ActionId(id), to, ctx.value(QStringLiteral("note")));
    if (!a) {
        Error e = a.error();
        if (e.where == QStringLiteral("action"))
            e.where = QStringLiteral("ACTION");
        return ctx.fail(asGatheringOption(e));
    }
    ctx.out().result(actionJson(*a, s.hub->workingGroups().today()),
                     GroupCommandsTr::tr("Action #%1 “%2” is %3.")
                         .arg(QString::number(a->id.value()), a->title, toString(a->status)));
    return 0;
}

} // namespace

void registerGroupCommands(Cli &cli)
{
    cli.add({.name = QStringLiteral("group list"),
             .synopsis = {},
             .summary = GroupCommandsTr::tr("working groups"),
             .arguments = {0, 0},
             .run = groupList});
    cli.add({.name = QStringLiteral("group show"),
             .synopsis = QStringLiteral("GROUP"),
             .summary = GroupCommandsTr::tr("a working group with its members, origin and actions"),
             .arguments = {1, 1},
             .run = groupShow});
    cli.add({.name = QStringLiteral("group join"),
             .synopsis = QStringLiteral("GROUP --member MEMBER [--leave]"),
             .summary = GroupCommandsTr::tr("join (or leave) a working group"),
             .options = {option(QStringLiteral("member"), GroupCommandsTr::tr("Who joins."), QStringLiteral("MEMBER")),
                         option(QStringLiteral("leave"), GroupCommandsTr::tr("Leave the group instead."))},
             .arguments = {1, 1},
             .required = {QStringLiteral("member")},
             .run = groupJoin});
    cli.add(
        {.name = QStringLiteral("action add"),
         .synopsis = QStringLiteral("GROUP --title TEXT --owner MEMBER [--due DATE] [--notes TEXT]"),
         .summary = GroupCommandsTr::tr("give a working group an action"),
         .options =
             {option(QStringLiteral("title"), GroupCommandsTr::tr("What is to be done."), QStringLiteral("TEXT")),
              option(QStringLiteral("owner"), GroupCommandsTr::tr("The member who does it."), QStringLiteral("MEMBER")),
              option(QStringLiteral("due"), GroupCommandsTr::tr("Due date, YYYY-MM-DD."), QStringLiteral("DATE")),
              option(QStringLiteral("notes"), GroupCommandsTr::tr("Notes."), QStringLiteral("TEXT"))},
         .arguments = {1, 1},
         .required = {QStringLiteral("title"), QStringLiteral("owner")},
         .run = actionAdd});
    cli.add({.name = QStringLiteral("action done"),
             .synopsis = QStringLiteral("ACTION [--note TEXT] [--dropped]"),
             .summary = GroupCommandsTr::tr("mark an action done (or dropped)"),
             .options = {option(QStringLiteral("note"), GroupCommandsTr::tr("A note on how it went."),
                                QStringLiteral("TEXT")),
                         option(QStringLiteral("dropped"), GroupCommandsTr::tr("Mark it dropped rather than done."))},
             .arguments = {1, 1},
             .run = actionDone});
}

} // namespace hub::cli
