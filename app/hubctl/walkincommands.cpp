// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/walkincommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "core/gatherings/checkinservice.h"
#include "core/gatherings/gatheringservice.h"
#include "core/members/memberservice.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hub::cli {

namespace {

struct WalkInCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::WalkInCommands)
};

/// "12" or "#12"; anything else is invalid input naming WALKIN.
Result<WalkInId> walkInRef(const QString &text)
{
    QString ref = text.trimmed();
    if (ref.startsWith(u'#'))
        ref.remove(0, 1);
    bool ok = false;
    const qint64 id = ref.toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(
            Error::invalid(WalkInCommandsTr::tr("“%1” is not a walk-in number").arg(text), QStringLiteral("WALKIN")));
    return WalkInId(id);
}

// The service names its own fields; on the command line they are arguments.
Error asArgument(Error e)
{
    if (e.where == QStringLiteral("walk-in"))
        e.where = QStringLiteral("WALKIN");
    else if (e.where == QStringLiteral("member"))
        e.where = QStringLiteral("--member");
    return e;
}

Result<WalkIn> findWalkIn(CommandSession &s, const QString &text)
{
    auto id = walkInRef(text);
    if (!id)
        return fail(id.error());
    auto w = s.hub->checkIns().walkIn(*id);
    if (!w)
        return fail(asArgument(w.error()));
    return w;
}

QJsonObject walkInJson(const WalkIn &w, const CommandSession &s)
{
    return QJsonObject{{QStringLiteral("id"), w.id.value()},
                       {QStringLiteral("name"), w.name},
                       {QStringLiteral("email"), w.email},
                       {QStringLiteral("consent"), w.consent},
                       {QStringLiteral("created_at"), w.createdAt.toTimeZone(s.settings.zone()).toString(Qt::ISODate)},
                       {QStringLiteral("merged_into"), w.mergedInto ? QJsonValue(w.mergedInto->value()) : QJsonValue()},
                       {QStringLiteral("forgotten"), w.forgotten}};
}

int walkInList(CommandContext &ctx, CommandSession &s)
{
    auto &checkIns = s.hub->checkIns();
    QList<WalkIn> list;
    if (ctx.positional().isEmpty()) {
        auto all = checkIns.walkIns(ctx.value(QStringLiteral("search")));
        if (!all)
            return ctx.fail(all.error());
        list = *all;
    } else {
        auto g = s.gathering(ctx.positional().first());
        if (!g)
            return ctx.fail(g.error());
        auto people = checkIns.attendees(g->id);
        if (!people)
            return ctx.fail(people.error());
        const QString search = ctx.value(QStringLiteral("search")).trimmed();
        for (const Attendee &a : std::as_const(*people)) {
            if (!a.walkIn)
                continue;
            auto w = checkIns.walkIn(*a.walkIn);
            if (!w)
                return ctx.fail(w.error());
            if (w->mergedInto || w->forgotten)
                continue;
            if (!search.isEmpty() && !w->name.contains(search, Qt::CaseInsensitive) &&
                !w->email.contains(search, Qt::CaseInsensitive))
                continue;
            list << *w;
        }
    }
    QJsonArray array;
    QList<QStringList> rows;
    for (const WalkIn &w : std::as_const(list)) {
        array.append(walkInJson(w, s));
        rows << QStringList{QStringLiteral("#%1").arg(w.id.value()), w.name,
                            w.email.isEmpty() ? QStringLiteral("-") : w.email,
                            w.consent ? WalkInCommandsTr::tr("yes") : WalkInCommandsTr::tr("no"), s.local(w.createdAt)};
    }
    if (ctx.json())
        ctx.out().document(array);
    else if (rows.isEmpty())
        ctx.out().text(WalkInCommandsTr::tr("No walk-ins waiting to become members."));
    else
        ctx.out().table({WalkInCommandsTr::tr("Id"), WalkInCommandsTr::tr("Name"), WalkInCommandsTr::tr("E-mail"),
                         WalkInCommandsTr::tr("May contact"), WalkInCommandsTr::tr("First came")},
                        rows);
    return 0;
}

int walkInEnrol(CommandContext &ctx, CommandSession &s)
{
    auto w = findWalkIn(s, ctx.positional().first());
    if (!w)
        return ctx.fail(w.error());
    auto id = s.hub->checkIns().enrol(w->id);
    if (!id)
        return ctx.fail(asArgument(id.error()));
    auto m = s.hub->members().get(*id);
    if (!m)
        return ctx.fail(m.error());
    QJsonObject o{{QStringLiteral("id"), m->id.value()},
                  {QStringLiteral("name"), m->displayName},
                  {QStringLiteral("email"), m->email},
                  {QStringLiteral("walk_in_id"), w->id.value()}};
    ctx.out().result(o, WalkInCommandsTr::tr("%1 is now member #%2; their attendance, ideas and votes came with them.")
                            .arg(m->displayName)
                            .arg(m->id.value()));
    return 0;
}

int walkInMerge(CommandContext &ctx, CommandSession &s)
{
    auto w = findWalkIn(s, ctx.positional().first());
    if (!w)
        return ctx.fail(w.error());
    auto member = s.member(ctx.value(QStringLiteral("member")), QStringLiteral("--member"));
    if (!member)
        return ctx.fail(member.error());
    if (auto done = s.hub->checkIns().merge(w->id, *member); !done)
        return ctx.fail(asArgument(done.error()));
    auto now = s.hub->checkIns().walkIn(w->id);
    auto m = s.hub->members().get(*member);
    if (!now || !m)
        return ctx.fail(!now ? now.error() : m.error());
    QJsonObject o = walkInJson(*now, s);
    o.insert(QStringLiteral("member"), m->displayName);
    ctx.out().result(
        o, WalkInCommandsTr::tr("Walk-in #%1 %2 is %3 (member #%4); their attendance, ideas and votes moved to them.")
               .arg(QString::number(w->id.value()), w->name, m->displayName, QString::number(m->id.value())));
    return 0;
}

} // namespace

void registerWalkInCommands(Cli &cli)
{
    cli.add({.name = QStringLiteral("walkin list"),
             .synopsis = QStringLiteral("[GATHERING] [--search TEXT]"),
             .summary = WalkInCommandsTr::tr("walk-ins not yet members (at one gathering, or all)"),
             .options = {option(QStringLiteral("search"),
                                WalkInCommandsTr::tr("Only walk-ins whose name or e-mail contains this."),
                                QStringLiteral("TEXT"))},
             .arguments = {0, 1},
             .run = walkInList});
    cli.add({.name = QStringLiteral("walkin enrol"),
             .synopsis = QStringLiteral("WALKIN"),
             .summary = WalkInCommandsTr::tr("make a member of a walk-in from what they gave at the door"),
             .arguments = {1, 1},
             .run = walkInEnrol});
    cli.add(
        {.name = QStringLiteral("walkin merge"),
         .synopsis = QStringLiteral("WALKIN --member MEMBER"),
         .summary = WalkInCommandsTr::tr("a walk-in is an existing member: their attendance moves to them"),
         .options = {option(QStringLiteral("member"), WalkInCommandsTr::tr("The member the walk-in turned out to be."),
                            QStringLiteral("MEMBER"))},
         .arguments = {1, 1},
         .required = {QStringLiteral("member")},
         .run = walkInMerge});
}

} // namespace hub::cli
