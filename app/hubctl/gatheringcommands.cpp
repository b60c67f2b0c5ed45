// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/gatheringcommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "app/hubctl/gatheringoutput.h"
#include "core/gatherings/checkinservice.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/ideaservice.h"
#include "core/gatherings/registrationservice.h"
#include "core/spaces/bookingservice.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hub::cli {

namespace {

struct GatheringCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::GatheringCommands)
};

QString gatheringLine(const Gathering &g, const CommandSession &s)
{
    return GatheringCommandsTr::tr("Gathering #%1: %2 “%3”, %4 to %5%6.")
        .arg(QString::number(g.id.value()), toString(g.kind), g.title, s.local(g.start), s.local(g.end),
             g.spaceName.isEmpty() ? QString() : GatheringCommandsTr::tr(" in %1").arg(g.spaceName));
}

// What and when: --kind, the texts, --start and --end. Returns the exit code
// when an option is wrong.
std::optional<int> describeGathering(CommandContext &ctx, const CommandSession &s, GatheringDraft &d)
{
    if (ctx.isSet(QStringLiteral("kind"))) {
        const auto kind = gatheringKindFrom(ctx.value(QStringLiteral("kind")));
        if (!kind)
            return ctx.usage(GatheringCommandsTr::tr("--kind is friendly, collaboratory, business-challenge or other"),
                             QStringLiteral("--kind"));
        d.kind = *kind;
    }
    d.title = ctx.value(QStringLiteral("title"));
    d.theme = ctx.value(QStringLiteral("theme"));
    d.notes = ctx.value(QStringLiteral("notes"));
    d.outsideHoursOverride = ctx.value(QStringLiteral("outside-hours"));
    auto start = s.dateTime(ctx.value(QStringLiteral("start")), QStringLiteral("--start"));
    if (!start)
        return ctx.fail(start.error());
    d.start = *start;
    d.end = d.start.addSecs(2 * 3600);
    if (ctx.isSet(QStringLiteral("end"))) {
        auto end = s.dateTime(ctx.value(QStringLiteral("end")), QStringLiteral("--end"));
        if (!end)
            return ctx.fail(end.error());
        d.end = *end;
    }
    return std::nullopt;
}

// Where and how: --space, --facilitator, --capacity, --voting and --dots.
// Returns the exit code when an option is wrong.
std::optional<int> arrangeGathering(CommandContext &ctx, const CommandSession &s, GatheringDraft &d)
{
    if (ctx.isSet(QStringLiteral("space"))) {
        auto space = s.space(ctx.value(QStringLiteral("space")), QStringLiteral("--space"));
        if (!space)
            return ctx.fail(space.error());
        d.space = space->id;
    }
    for (const QString &ref : ctx.values(QStringLiteral("facilitator"))) {
        auto m = s.member(ref, QStringLiteral("--facilitator"));
        if (!m)
            return ctx.fail(m.error());
        d.facilitators << *m;
    }
    if (ctx.isSet(QStringLiteral("capacity"))) {
        auto n = CommandSession::count(ctx.value(QStringLiteral("capacity")), QStringLiteral("--capacity"));
        if (!n)
            return ctx.fail(n.error());
        d.capacity = *n;
    }
    if (ctx.isSet(QStringLiteral("voting"))) {
        const auto mode = votingModeFrom(ctx.value(QStringLiteral("voting")));
        if (!mode)
            return ctx.usage(GatheringCommandsTr::tr("--voting is one-vote or dots"), QStringLiteral("--voting"));
        d.voting = *mode;
    }
    if (ctx.isSet(QStringLiteral("dots"))) {
        auto n = CommandSession::count(ctx.value(QStringLiteral("dots")), QStringLiteral("--dots"));
        if (!n)
            return ctx.fail(n.error());
        d.dotsPerAttendee = *n;
    }
    return std::nullopt;
}

// One gathering, or with --monthly a series on the same weekday of the month.
Result<QList<Gathering>> holdGatherings(const CommandContext &ctx, CommandSession &s, GatheringDraft d)
{
    if (!ctx.isSet(QStringLiteral("monthly"))) {
        auto g = s.hub->gatherings().add(d);
        if (!g)
            return fail(asGatheringOption(g.error()));
        return QList<Gathering>{*g};
    }
    auto n = CommandSession::count(ctx.value(QStringLiteral("monthly")), QStringLiteral("--monthly"));
    if (!n)
        return fail(n.error());
    Recurrence r;
    r.frequency = Recurrence::Frequency::Monthly;
    r.monthlyBy = Recurrence::MonthlyBy::Weekday;
    r.count = *n;
    d.repeat = r;
    auto list = s.hub->gatherings().addSeries(d);
    if (!list)
        return fail(asGatheringOption(list.error()));
    return list;
}

int gatheringAdd(CommandContext &ctx, CommandSession &s)
{
    GatheringDraft d;
    if (auto stop = describeGathering(ctx, s, d))
        return *stop;
    if (auto stop = arrangeGathering(ctx, s, d))
        return *stop;
    auto added = holdGatherings(ctx, s, d);
    if (!added)
        return ctx.fail(added.error());
    QJsonArray array;
    QStringList lines;
    for (const Gathering &g : std::as_const(*added)) {
        array.append(gatheringJson(g, s));
        lines << gatheringLine(g, s);
    }
    ctx.out().result(added->size() == 1 ? QJsonValue(array.first()) : QJsonValue(array), lines.join(u'\n'));
    return 0;
}

int gatheringList(CommandContext &ctx, CommandSession &s)
{
    GatheringFilter f;
    if (ctx.isSet(QStringLiteral("from"))) {
        auto day = parseDate(ctx.value(QStringLiteral("from")), QStringLiteral("--from"));
        if (!day)
            return ctx.fail(day.error());
        f.from = s.hub->bookings().localTime(*day, QTime(0, 0));
    }
    if (ctx.isSet(QStringLiteral("to"))) {
        auto day = parseDate(ctx.value(QStringLiteral("to")), QStringLiteral("--to"));
        if (!day)
            return ctx.fail(day.error());
        f.to = s.hub->bookings().localTime(day->addDays(1), QTime(0, 0));
    }
    auto list = s.hub->gatherings().list(f);
    if (!list)
        return ctx.fail(list.error());
    QJsonArray array;
    QList<QStringList> rows;
    for (const Gathering &g : std::as_const(*list)) {
        array.append(gatheringJson(g, s));
        rows << QStringList{QStringLiteral("#%1").arg(g.id.value()),
                            s.local(g.start),
                            toString(g.kind),
                            g.title,
                            g.spaceName.isEmpty() ? QStringLiteral("-") : g.spaceName,
                            g.capacity ? QStringLiteral("%1/%2").arg(g.registered).arg(*g.capacity)
                                       : QString::number(g.registered),
                            QString::number(g.waiting),
                            QString::number(g.attended)};
    }
    if (ctx.json())
        ctx.out().document(array);
    else if (rows.isEmpty())
        ctx.out().text(GatheringCommandsTr::tr("No gatherings."));
    else
        ctx.out().table({GatheringCommandsTr::tr("Id"), GatheringCommandsTr::tr("Start"),
                         GatheringCommandsTr::tr("Kind"), GatheringCommandsTr::tr("Title"),
                         GatheringCommandsTr::tr("Space"), GatheringCommandsTr::tr("Registered"),
                         GatheringCommandsTr::tr("Waiting"), GatheringCommandsTr::tr("Came")},
                        rows);
    return 0;
}

int gatheringShow(CommandContext &ctx, CommandSession &s)
{
    auto g = s.gathering(ctx.positional().first());
    if (!g)
        return ctx.fail(g.error());
    auto regs = s.hub->registrations().list(g->id);
    auto people = s.hub->checkIns().attendees(g->id);
    auto ideas = s.hub->ideas().ranked(g->id);
    if (!regs || !people || !ideas)
        return ctx.fail(!regs ? regs.error() : !people ? people.error() : ideas.error());
    QJsonObject o = gatheringJson(*g, s);
    QJsonArray r, a, i;
    QStringList text{gatheringLine(*g, s)};
    if (!g->theme.isEmpty())
        text << GatheringCommandsTr::tr("Theme: %1").arg(g->theme);
    if (!g->facilitatorNames.isEmpty())
        text << GatheringCommandsTr::tr("Facilitators: %1").arg(g->facilitatorNames.join(QStringLiteral(", ")));
    text << GatheringCommandsTr::tr("Signed up (%1):").arg(regs->size());
    for (const Registration &x : std::as_const(*regs)) {
        r.append(registrationJson(x));
        text << QStringLiteral("  %1 %2").arg(
            x.memberName, x.status == RegistrationStatus::Waiting ? GatheringCommandsTr::tr("(waiting)") : QString());
    }
    text << GatheringCommandsTr::tr("Came (%1):").arg(people->size());
    for (const Attendee &x : std::as_const(*people)) {
        a.append(attendeeJson(x));
        text << QStringLiteral("  ") + x.name + (x.walkIn ? GatheringCommandsTr::tr(" (walk-in)") : QString());
    }
    text << GatheringCommandsTr::tr("Ideas, by votes (%1):").arg(ideas->size());
    for (const Idea &x : std::as_const(*ideas)) {
        i.append(ideaJson(x));
        text << GatheringCommandsTr::tr("  #%1 %2 — %3 vote(s)%4")
                    .arg(QString::number(x.id.value()), x.title, QString::number(x.votes),
                         x.authorName.isEmpty() ? QString()
                                                : GatheringCommandsTr::tr(", told by %1").arg(x.authorName));
    }
    o.insert(QStringLiteral("registrations"), r);
    o.insert(QStringLiteral("attendees"), a);
    o.insert(QStringLiteral("ideas_ranked"), i);
    ctx.out().result(o, text.join(u'\n'));
    return 0;
}

QList<QCommandLineOption> gatheringAddOptions()
{
    return {
        option(QStringLiteral("kind"), GatheringCommandsTr::tr("friendly, collaboratory, business-challenge or other."),
               QStringLiteral("KIND")),
        option(QStringLiteral("title"), GatheringCommandsTr::tr("The gathering's title."), QStringLiteral("TEXT")),
        option(QStringLiteral("theme"), GatheringCommandsTr::tr("The question or theme of the evening."),
               QStringLiteral("TEXT")),
        option(QStringLiteral("start"), GatheringCommandsTr::tr("Start, YYYY-MM-DD HH:MM in the hub's zone."),
               QStringLiteral("DATETIME")),
        option(QStringLiteral("end"), GatheringCommandsTr::tr("End (default: two hours after the start)."),
               QStringLiteral("DATETIME")),
        option(QStringLiteral("space"), GatheringCommandsTr::tr("The space to book."), QStringLiteral("SPACE")),
        option(QStringLiteral("facilitator"), GatheringCommandsTr::tr("A facilitating member; repeat for more."),
               QStringLiteral("MEMBER")),
        option(QStringLiteral("capacity"), GatheringCommandsTr::tr("Places (default: the space's capacity)."),
               QStringLiteral("N")),
        option(QStringLiteral("voting"), GatheringCommandsTr::tr("one-vote or dots."), QStringLiteral("MODE")),
        option(QStringLiteral("dots"), GatheringCommandsTr::tr("Dots per attendee with --voting dots."),
               QStringLiteral("N")),
        option(QStringLiteral("notes"), GatheringCommandsTr::tr("Notes for the facilitators."), QStringLiteral("TEXT")),
        option(QStringLiteral("monthly"), GatheringCommandsTr::tr("Repeat on the same weekday of the month, N times."),
               QStringLiteral("N")),
        option(QStringLiteral("outside-hours"), GatheringCommandsTr::tr("Why the space is booked outside its hours."),
               QStringLiteral("NOTE")),
    };
}

} // namespace

void registerGatheringCommands(Cli &cli)
{
    cli.add({.name = QStringLiteral("gathering add"),
             .synopsis = QStringLiteral(
                 "--kind friendly|collaboratory|business-challenge|other --title TEXT --start DATETIME "
                 "[--end DATETIME] [--space SPACE] [--facilitator MEMBER]... [--theme TEXT] [--capacity N] "
                 "[--voting one-vote|dots] [--dots N] [--monthly N] [--notes TEXT]"),
             .summary = GatheringCommandsTr::tr("hold a gathering, booking its space"),
             .options = gatheringAddOptions(),
             .arguments = {0, 0},
             .required = {QStringLiteral("title"), QStringLiteral("start")},
             .run = gatheringAdd});
    cli.add({.name = QStringLiteral("gathering list"),
             .synopsis = QStringLiteral("[--from DATE] [--to DATE]"),
             .summary = GatheringCommandsTr::tr("gatherings by start time"),
             .options = {option(QStringLiteral("from"),
                                GatheringCommandsTr::tr("Gatherings ending after this date (YYYY-MM-DD)."),
                                QStringLiteral("DATE")),
                         option(QStringLiteral("to"),
                                GatheringCommandsTr::tr("Gatherings starting before the end of this date."),
                                QStringLiteral("DATE"))},
             .arguments = {0, 0},
             .run = gatheringList});
    cli.add({.name = QStringLiteral("gathering show"),
             .synopsis = QStringLiteral("GATHERING"),
             .summary = GatheringCommandsTr::tr("a gathering with its sign-ups, attendees and ranked ideas"),
             .arguments = {1, 1},
             .run = gatheringShow});
}

} // namespace hub::cli
