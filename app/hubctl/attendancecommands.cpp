// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/attendancecommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "app/hubctl/gatheringoutput.h"
#include "core/gatherings/checkinservice.h"
#include "core/gatherings/registrationservice.h"

#include <QJsonObject>

namespace hub::cli {

namespace {

struct AttendanceCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::AttendanceCommands)
};

int registerCommand(CommandContext &ctx, CommandSession &s)
{
    auto g = s.gathering(ctx.positional().first());
    if (!g)
        return ctx.fail(g.error());
    auto m = s.member(ctx.value(QStringLiteral("member")), QStringLiteral("--member"));
    if (!m)
        return ctx.fail(m.error());
    if (ctx.isSet(QStringLiteral("cancel"))) {
        auto out = s.hub->registrations().cancel(g->id, *m);
        if (!out)
            return ctx.fail(asGatheringOption(out.error()));
        QJsonObject o = registrationJson(out->cancelled);
        o.insert(QStringLiteral("moved_up"), out->movedUp ? QJsonValue(registrationJson(*out->movedUp)) : QJsonValue());
        ctx.out().result(o, RegistrationService::describe(*out));
        return 0;
    }
    auto r = s.hub->registrations().add(g->id, *m);
    if (!r)
        return ctx.fail(asGatheringOption(r.error()));
    ctx.out().result(registrationJson(*r),
                     r->status == RegistrationStatus::Waiting
                         ? AttendanceCommandsTr::tr("%1 is on the waiting list for “%2”.").arg(r->memberName, g->title)
                         : AttendanceCommandsTr::tr("%1 is registered for “%2”.").arg(r->memberName, g->title));
    return 0;
}

int checkinCommand(CommandContext &ctx, CommandSession &s)
{
    const bool member = ctx.isSet(QStringLiteral("member")), walkIn = ctx.isSet(QStringLiteral("walk-in"));
    if (member == walkIn)
        return ctx.usage(AttendanceCommandsTr::tr("give either --member or --walk-in"), QStringLiteral("--member"));
    if (member && (ctx.isSet(QStringLiteral("email")) || ctx.isSet(QStringLiteral("consent"))))
        return ctx.usage(AttendanceCommandsTr::tr("--email and --consent are for walk-ins"), QStringLiteral("--email"));
    auto g = s.gathering(ctx.positional().first());
    if (!g)
        return ctx.fail(g.error());
    Result<Attendee> a = fail(Error::usage(QString()));
    if (member) {
        auto m = s.member(ctx.value(QStringLiteral("member")), QStringLiteral("--member"));
        if (!m)
            return ctx.fail(m.error());
        a = s.hub->checkIns().checkIn(g->id, *m);
    } else {
        a = s.hub->checkIns().checkInWalkIn(g->id, WalkInDraft{ctx.value(QStringLiteral("walk-in")),
                                                               ctx.value(QStringLiteral("email")),
                                                               ctx.isSet(QStringLiteral("consent"))});
    }
    if (!a) {
        Error e = a.error();
        if (e.where == QStringLiteral("name"))
            e.where = QStringLiteral("--walk-in");
        return ctx.fail(asGatheringOption(e));
    }
    ctx.out().result(attendeeJson(*a), AttendanceCommandsTr::tr("%1 is checked in at “%2”.").arg(a->name, g->title));
    return 0;
}

} // namespace

void registerAttendanceCommands(Cli &cli)
{
    cli.add({.name = QStringLiteral("register"),
             .synopsis = QStringLiteral("GATHERING --member MEMBER [--cancel]"),
             .summary = AttendanceCommandsTr::tr("sign up ahead; waiting list when full"),
             .options =
                 {option(QStringLiteral("member"), AttendanceCommandsTr::tr("Who signs up."), QStringLiteral("MEMBER")),
                  option(QStringLiteral("cancel"),
                         AttendanceCommandsTr::tr("Cancel the sign-up instead; the first person waiting moves up."))},
             .arguments = {1, 1},
             .required = {QStringLiteral("member")},
             .run = registerCommand});
    cli.add({.name = QStringLiteral("checkin"),
             .synopsis = QStringLiteral("GATHERING (--member MEMBER | --walk-in NAME [--email E] [--consent])"),
             .summary = AttendanceCommandsTr::tr("check someone in at the door"),
             .options = {option(QStringLiteral("member"), AttendanceCommandsTr::tr("The member who arrived."),
                                QStringLiteral("MEMBER")),
                         option(QStringLiteral("walk-in"),
                                AttendanceCommandsTr::tr("The name of someone who is not a member."),
                                QStringLiteral("NAME")),
                         option(QStringLiteral("email"), AttendanceCommandsTr::tr("A walk-in's e-mail address."),
                                QStringLiteral("EMAIL")),
                         option(QStringLiteral("consent"),
                                AttendanceCommandsTr::tr("The walk-in may be contacted about future gatherings."))},
             .arguments = {1, 1},
             .run = checkinCommand});
}

} // namespace hub::cli
