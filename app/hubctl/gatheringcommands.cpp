// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/gatheringcommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "core/gatherings/checkinservice.h"
#include "core/gatherings/gatheringservice.h"
#include "core/gatherings/ideaservice.h"
#include "core/gatherings/registrationservice.h"
#include "core/gatherings/workinggroupservice.h"
#include "core/spaces/bookingservice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

namespace hub::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::GatheringCommands)
};

const QString Json = QStringLiteral("json");

// Core errors name fields; hubctl users know them as options.
Error asOption(Error e)
{
    static const QHash<QString, QString> options = {
        {QStringLiteral("attendees"), QStringLiteral("--capacity")},
        {QStringLiteral("facilitators"), QStringLiteral("--facilitator")},
        {QStringLiteral("author"), QStringLiteral("--by")},
        {QStringLiteral("voter"), QStringLiteral("--by")},
        {QStringLiteral("story"), QStringLiteral("--story")},
        {QStringLiteral("tags"), QStringLiteral("--tag")},
    };
    if (!e.where.isEmpty() && !e.where.startsWith(u'-'))
        e.where = options.value(e.where, QStringLiteral("--") + e.where);
    return e;
}

QJsonValue optionalId(const auto &id)
{
    return id ? QJsonValue(id->value()) : QJsonValue();
}

QJsonObject gatheringJson(const Gathering &g, const CommandSession &s)
{
    QJsonObject o{{QStringLiteral("id"), g.id.value()},
                  {QStringLiteral("kind"), toString(g.kind)},
                  {QStringLiteral("title"), g.title},
                  {QStringLiteral("theme"), g.theme},
                  {QStringLiteral("start_utc"), g.start.toSecsSinceEpoch()},
                  {QStringLiteral("end_utc"), g.end.toSecsSinceEpoch()},
                  {QStringLiteral("start"), s.local(g.start)},
                  {QStringLiteral("end"), s.local(g.end)},
                  {QStringLiteral("booking_id"), optionalId(g.booking)},
                  {QStringLiteral("series_id"), optionalId(g.series)},
                  {QStringLiteral("space_id"), optionalId(g.space)},
                  {QStringLiteral("space"), g.spaceName},
                  {QStringLiteral("booking_cancelled"), g.bookingCancelled},
                  {QStringLiteral("capacity"), g.capacity ? QJsonValue(*g.capacity) : QJsonValue()},
                  {QStringLiteral("voting"), toString(g.voting)},
                  {QStringLiteral("dots_per_attendee"), g.dotsPerAttendee},
                  {QStringLiteral("voting_closed"), g.votingClosed},
                  {QStringLiteral("notes"), g.notes},
                  {QStringLiteral("facilitators"), QJsonArray::fromStringList(g.facilitatorNames)},
                  {QStringLiteral("registered"), g.registered},
                  {QStringLiteral("waiting"), g.waiting},
                  {QStringLiteral("attended"), g.attended},
                  {QStringLiteral("ideas"), g.ideas}};
    return o;
}

QJsonObject ideaJson(const Idea &i)
{
    return QJsonObject{{QStringLiteral("id"), i.id.value()},
                       {QStringLiteral("gathering_id"), i.gathering.value()},
                       {QStringLiteral("title"), i.title},
                       {QStringLiteral("story"), i.story},
                       {QStringLiteral("author"), i.authorName},
                       {QStringLiteral("author_member_id"), optionalId(i.authorMember)},
                       {QStringLiteral("author_walk_in_id"), optionalId(i.authorWalkIn)},
                       {QStringLiteral("tags"), QJsonArray::fromStringList(i.tags)},
                       {QStringLiteral("votes"), i.votes},
                       {QStringLiteral("voters"), i.voters},
                       {QStringLiteral("promoted_to"), optionalId(i.promotedTo)},
                       {QStringLiteral("entered_by"), i.enteredBy}};
}

QJsonObject attendeeJson(const Attendee &a)
{
    return QJsonObject{{QStringLiteral("attendance_id"), a.id.value()},
                       {QStringLiteral("gathering_id"), a.gathering.value()},
                       {QStringLiteral("name"), a.name},
                       {QStringLiteral("member_id"), optionalId(a.member)},
                       {QStringLiteral("walk_in_id"), optionalId(a.walkIn)},
                       {QStringLiteral("checked_in_at"), a.checkedInAt.toString(Qt::ISODate)}};
}

QJsonObject registrationJson(const Registration &r)
{
    return QJsonObject{{QStringLiteral("gathering_id"), r.gathering.value()},
                       {QStringLiteral("member_id"), r.member.value()},
                       {QStringLiteral("member"), r.memberName},
                       {QStringLiteral("position"), r.position},
                       {QStringLiteral("status"), toString(r.status)}};
}

QJsonObject groupJson(const WorkingGroup &g)
{
    return QJsonObject{{QStringLiteral("id"), g.id.value()},
                       {QStringLiteral("name"), g.name},
                       {QStringLiteral("purpose"), g.purpose},
                       {QStringLiteral("convenor"), g.convenorName},
                       {QStringLiteral("convenor_id"), optionalId(g.convenor)},
                       {QStringLiteral("origin_idea_id"), optionalId(g.originIdea)},
                       {QStringLiteral("origin_idea"), g.originIdeaTitle},
                       {QStringLiteral("origin_gathering_id"), optionalId(g.originGathering)},
                       {QStringLiteral("origin_gathering"), g.originGatheringTitle},
                       {QStringLiteral("members"), g.members},
                       {QStringLiteral("open_actions"), g.openActions},
                       {QStringLiteral("overdue_actions"), g.overdueActions}};
}

QJsonObject actionJson(const GroupAction &a, QDate today)
{
    return QJsonObject{
        {QStringLiteral("id"), a.id.value()},
        {QStringLiteral("group_id"), a.group.value()},
        {QStringLiteral("group"), a.groupName},
        {QStringLiteral("title"), a.title},
        {QStringLiteral("owner_id"), a.owner.value()},
        {QStringLiteral("owner"), a.ownerName},
        {QStringLiteral("due"), a.due.isValid() ? QJsonValue(a.due.toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("status"), toString(a.status)},
        {QStringLiteral("overdue"), a.isOverdue(today)},
        {QStringLiteral("notes"), a.notes}};
}

QString gatheringLine(const Gathering &g, const CommandSession &s)
{
    return Tr::tr("Gathering #%1: %2 “%3”, %4 to %5%6.")
        .arg(QString::number(g.id.value()), toString(g.kind), g.title, s.local(g.start), s.local(g.end),
             g.spaceName.isEmpty() ? QString() : Tr::tr(" in %1").arg(g.spaceName));
}

int gatheringAdd(CommandContext &ctx)
{
    const QList<QCommandLineOption> options = {
        option(QStringLiteral("kind"), Tr::tr("friendly, collaboratory, business-challenge or other."),
               QStringLiteral("KIND")),
        option(QStringLiteral("title"), Tr::tr("The gathering's title."), QStringLiteral("TEXT")),
        option(QStringLiteral("theme"), Tr::tr("The question or theme of the evening."), QStringLiteral("TEXT")),
        option(QStringLiteral("start"), Tr::tr("Start, YYYY-MM-DD HH:MM in the hub's zone."),
               QStringLiteral("DATETIME")),
        option(QStringLiteral("end"), Tr::tr("End (default: two hours after the start)."), QStringLiteral("DATETIME")),
        option(QStringLiteral("space"), Tr::tr("The space to book."), QStringLiteral("SPACE")),
        option(QStringLiteral("facilitator"), Tr::tr("A facilitating member; repeat for more."),
               QStringLiteral("MEMBER")),
        option(QStringLiteral("capacity"), Tr::tr("Places (default: the space's capacity)."), QStringLiteral("N")),
        option(QStringLiteral("voting"), Tr::tr("one-vote or dots."), QStringLiteral("MODE")),
        option(QStringLiteral("dots"), Tr::tr("Dots per attendee with --voting dots."), QStringLiteral("N")),
        option(QStringLiteral("notes"), Tr::tr("Notes for the facilitators."), QStringLiteral("TEXT")),
        option(QStringLiteral("monthly"), Tr::tr("Repeat on the same weekday of the month, N times."),
               QStringLiteral("N")),
        option(QStringLiteral("outside-hours"), Tr::tr("Why the space is booked outside its hours."),
               QStringLiteral("NOTE")),
    };
    if (auto stop = ctx.parse(options, 0, 0))
        return *stop;
    for (const QString &required : {QStringLiteral("title"), QStringLiteral("start")})
        if (!ctx.isSet(required))
            return ctx.usage(Tr::tr("--%1 is required").arg(required), QStringLiteral("--") + required);
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    GatheringDraft d;
    if (ctx.isSet(QStringLiteral("kind"))) {
        const auto kind = gatheringKindFrom(ctx.value(QStringLiteral("kind")));
        if (!kind)
            return ctx.usage(Tr::tr("--kind is friendly, collaboratory, business-challenge or other"),
                             QStringLiteral("--kind"));
        d.kind = *kind;
    }
    d.title = ctx.value(QStringLiteral("title"));
    d.theme = ctx.value(QStringLiteral("theme"));
    d.notes = ctx.value(QStringLiteral("notes"));
    d.outsideHoursOverride = ctx.value(QStringLiteral("outside-hours"));
    auto start = s->dateTime(ctx.value(QStringLiteral("start")), QStringLiteral("--start"));
    if (!start)
        return ctx.fail(start.error());
    d.start = *start;
    d.end = d.start.addSecs(2 * 3600);
    if (ctx.isSet(QStringLiteral("end"))) {
        auto end = s->dateTime(ctx.value(QStringLiteral("end")), QStringLiteral("--end"));
        if (!end)
            return ctx.fail(end.error());
        d.end = *end;
    }
    if (ctx.isSet(QStringLiteral("space"))) {
        auto space = s->space(ctx.value(QStringLiteral("space")), QStringLiteral("--space"));
        if (!space)
            return ctx.fail(space.error());
        d.space = space->id;
    }
    for (const QString &ref : ctx.values(QStringLiteral("facilitator"))) {
        auto m = s->member(ref, QStringLiteral("--facilitator"));
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
            return ctx.usage(Tr::tr("--voting is one-vote or dots"), QStringLiteral("--voting"));
        d.voting = *mode;
    }
    if (ctx.isSet(QStringLiteral("dots"))) {
        auto n = CommandSession::count(ctx.value(QStringLiteral("dots")), QStringLiteral("--dots"));
        if (!n)
            return ctx.fail(n.error());
        d.dotsPerAttendee = *n;
    }
    QList<Gathering> added;
    if (ctx.isSet(QStringLiteral("monthly"))) {
        auto n = CommandSession::count(ctx.value(QStringLiteral("monthly")), QStringLiteral("--monthly"));
        if (!n)
            return ctx.fail(n.error());
        Recurrence r;
        r.frequency = Recurrence::Frequency::Monthly;
        r.monthlyBy = Recurrence::MonthlyBy::Weekday;
        r.count = *n;
        d.repeat = r;
        auto list = s->hub->gatherings().addSeries(d);
        if (!list)
            return ctx.fail(asOption(list.error()));
        added = *list;
    } else {
        auto g = s->hub->gatherings().add(d);
        if (!g)
            return ctx.fail(asOption(g.error()));
        added << *g;
    }
    QJsonArray array;
    QStringList lines;
    for (const Gathering &g : std::as_const(added)) {
        array.append(gatheringJson(g, *s));
        lines << gatheringLine(g, *s);
    }
    ctx.out().result(added.size() == 1 ? QJsonValue(array.first()) : QJsonValue(array), lines.join(u'\n'));
    return 0;
}

int gatheringList(CommandContext &ctx)
{
    const QList<QCommandLineOption> options = {
        option(QStringLiteral("from"), Tr::tr("Gatherings ending after this date (YYYY-MM-DD)."),
               QStringLiteral("DATE")),
        option(QStringLiteral("to"), Tr::tr("Gatherings starting before the end of this date."),
               QStringLiteral("DATE")),
    };
    if (auto stop = ctx.parse(options, 0, 0))
        return *stop;
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    GatheringFilter f;
    if (ctx.isSet(QStringLiteral("from"))) {
        auto day = parseDate(ctx.value(QStringLiteral("from")), QStringLiteral("--from"));
        if (!day)
            return ctx.fail(day.error());
        f.from = s->hub->bookings().localTime(*day, QTime(0, 0));
    }
    if (ctx.isSet(QStringLiteral("to"))) {
        auto day = parseDate(ctx.value(QStringLiteral("to")), QStringLiteral("--to"));
        if (!day)
            return ctx.fail(day.error());
        f.to = s->hub->bookings().localTime(day->addDays(1), QTime(0, 0));
    }
    auto list = s->hub->gatherings().list(f);
    if (!list)
        return ctx.fail(list.error());
    QJsonArray array;
    QList<QStringList> rows;
    for (const Gathering &g : std::as_const(*list)) {
        array.append(gatheringJson(g, *s));
        rows << QStringList{QStringLiteral("#%1").arg(g.id.value()),
                            s->local(g.start),
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
        ctx.out().text(Tr::tr("No gatherings."));
    else
        ctx.out().table({Tr::tr("Id"), Tr::tr("Start"), Tr::tr("Kind"), Tr::tr("Title"), Tr::tr("Space"),
                         Tr::tr("Registered"), Tr::tr("Waiting"), Tr::tr("Came")},
                        rows);
    return 0;
}

int gatheringShow(CommandContext &ctx)
{
    if (auto stop = ctx.parse({}, 1, 1))
        return *stop;
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    auto g = s->hub->gatherings().find(ctx.positional().first());
    if (!g)
        return ctx.fail(Error{g.error().kind, g.error().message, QStringLiteral("GATHERING")});
    auto regs = s->hub->registrations().list(g->id);
    auto people = s->hub->checkIns().attendees(g->id);
    auto ideas = s->hub->ideas().ranked(g->id);
    if (!regs || !people || !ideas)
        return ctx.fail(!regs ? regs.error() : !people ? people.error() : ideas.error());
    QJsonObject o = gatheringJson(*g, *s);
    QJsonArray r, a, i;
    QStringList text{gatheringLine(*g, *s)};
    if (!g->theme.isEmpty())
        text << Tr::tr("Theme: %1").arg(g->theme);
    if (!g->facilitatorNames.isEmpty())
        text << Tr::tr("Facilitators: %1").arg(g->facilitatorNames.join(QStringLiteral(", ")));
    text << Tr::tr("Signed up (%1):").arg(regs->size());
    for (const Registration &x : std::as_const(*regs)) {
        r.append(registrationJson(x));
        text << QStringLiteral("  %1 %2").arg(
            x.memberName, x.status == RegistrationStatus::Waiting ? Tr::tr("(waiting)") : QString());
    }
    text << Tr::tr("Came (%1):").arg(people->size());
    for (const Attendee &x : std::as_const(*people)) {
        a.append(attendeeJson(x));
        text << QStringLiteral("  ") + x.name + (x.walkIn ? Tr::tr(" (walk-in)") : QString());
    }
    text << Tr::tr("Ideas, by votes (%1):").arg(ideas->size());
    for (const Idea &x : std::as_const(*ideas)) {
        i.append(ideaJson(x));
        text << Tr::tr("  #%1 %2 — %3 vote(s)%4")
                    .arg(QString::number(x.id.value()), x.title, QString::number(x.votes),
                         x.authorName.isEmpty() ? QString() : Tr::tr(", told by %1").arg(x.authorName));
    }
    o.insert(QStringLiteral("registrations"), r);
    o.insert(QStringLiteral("attendees"), a);
    o.insert(QStringLiteral("ideas_ranked"), i);
    ctx.out().result(o, text.join(u'\n'));
    return 0;
}

int registerCommand(CommandContext &ctx)
{
    const QList<QCommandLineOption> options = {
        option(QStringLiteral("member"), Tr::tr("Who signs up."), QStringLiteral("MEMBER")),
        option(QStringLiteral("cancel"), Tr::tr("Cancel the sign-up instead; the first person waiting moves up.")),
    };
    if (auto stop = ctx.parse(options, 1, 1))
        return *stop;
    if (!ctx.isSet(QStringLiteral("member")))
        return ctx.usage(Tr::tr("--member is required"), QStringLiteral("--member"));
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    auto g = s->hub->gatherings().find(ctx.positional().first());
    if (!g)
        return ctx.fail(Error{g.error().kind, g.error().message, QStringLiteral("GATHERING")});
    auto m = s->member(ctx.value(QStringLiteral("member")), QStringLiteral("--member"));
    if (!m)
        return ctx.fail(m.error());
    if (ctx.isSet(QStringLiteral("cancel"))) {
        auto out = s->hub->registrations().cancel(g->id, *m);
        if (!out)
            return ctx.fail(asOption(out.error()));
        QJsonObject o = registrationJson(out->cancelled);
        o.insert(QStringLiteral("moved_up"), out->movedUp ? QJsonValue(registrationJson(*out->movedUp)) : QJsonValue());
        ctx.out().result(o, RegistrationService::describe(*out));
        return 0;
    }
    auto r = s->hub->registrations().add(g->id, *m);
    if (!r)
        return ctx.fail(asOption(r.error()));
    ctx.out().result(registrationJson(*r),
                     r->status == RegistrationStatus::Waiting
                         ? Tr::tr("%1 is on the waiting list for “%2”.").arg(r->memberName, g->title)
                         : Tr::tr("%1 is registered for “%2”.").arg(r->memberName, g->title));
    return 0;
}

int checkinCommand(CommandContext &ctx)
{
    const QList<QCommandLineOption> options = {
        option(QStringLiteral("member"), Tr::tr("The member who arrived."), QStringLiteral("MEMBER")),
        option(QStringLiteral("walk-in"), Tr::tr("The name of someone who is not a member."), QStringLiteral("NAME")),
        option(QStringLiteral("email"), Tr::tr("A walk-in's e-mail address."), QStringLiteral("EMAIL")),
        option(QStringLiteral("consent"), Tr::tr("The walk-in may be contacted about future gatherings.")),
    };
    if (auto stop = ctx.parse(options, 1, 1))
        return *stop;
    const bool member = ctx.isSet(QStringLiteral("member")), walkIn = ctx.isSet(QStringLiteral("walk-in"));
    if (member == walkIn)
        return ctx.usage(Tr::tr("give either --member or --walk-in"), QStringLiteral("--member"));
    if (member && (ctx.isSet(QStringLiteral("email")) || ctx.isSet(QStringLiteral("consent"))))
        return ctx.usage(Tr::tr("--email and --consent are for walk-ins"), QStringLiteral("--email"));
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    auto g = s->hub->gatherings().find(ctx.positional().first());
    if (!g)
        return ctx.fail(Error{g.error().kind, g.error().message, QStringLiteral("GATHERING")});
    Result<Attendee> a = fail(Error::usage(QString()));
    if (member) {
        auto m = s->member(ctx.value(QStringLiteral("member")), QStringLiteral("--member"));
        if (!m)
            return ctx.fail(m.error());
        a = s->hub->checkIns().checkIn(g->id, *m);
    } else {
        a = s->hub->checkIns().checkInWalkIn(g->id, WalkInDraft{ctx.value(QStringLiteral("walk-in")),
                                                                ctx.value(QStringLiteral("email")),
                                                                ctx.isSet(QStringLiteral("consent"))});
    }
    if (!a) {
        Error e = a.error();
        if (e.where == QStringLiteral("name"))
            e.where = QStringLiteral("--walk-in");
        return ctx.fail(asOption(e));
    }
    ctx.out().result(attendeeJson(*a), Tr::tr("%1 is checked in at “%2”.").arg(a->name, g->title));
    return 0;
}

int ideaAdd(CommandContext &ctx)
{
    const QList<QCommandLineOption> options = {
        option(QStringLiteral("title"), Tr::tr("The idea in a few words."), QStringLiteral("TEXT")),
        option(QStringLiteral("story"), Tr::tr("The story behind it."), QStringLiteral("TEXT")),
        option(QStringLiteral("by"), Tr::tr("The member who told it."), QStringLiteral("MEMBER")),
        option(QStringLiteral("walk-in"), Tr::tr("The walk-in (number) who told it."), QStringLiteral("ID")),
        option(QStringLiteral("tag"), Tr::tr("A theme word; repeat for more."), QStringLiteral("TEXT")),
    };
    if (auto stop = ctx.parse(options, 1, 1))
        return *stop;
    if (!ctx.isSet(QStringLiteral("title")))
        return ctx.usage(Tr::tr("--title is required"), QStringLiteral("--title"));
    if (ctx.isSet(QStringLiteral("by")) && ctx.isSet(QStringLiteral("walk-in")))
        return ctx.usage(Tr::tr("give --by or --walk-in, not both"), QStringLiteral("--walk-in"));
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    auto g = s->hub->gatherings().find(ctx.positional().first());
    if (!g)
        return ctx.fail(Error{g.error().kind, g.error().message, QStringLiteral("GATHERING")});
    IdeaDraft d;
    d.gathering = g->id;
    d.title = ctx.value(QStringLiteral("title"));
    d.story = ctx.value(QStringLiteral("story"));
    d.tags = ctx.values(QStringLiteral("tag"));
    if (ctx.isSet(QStringLiteral("by"))) {
        auto m = s->member(ctx.value(QStringLiteral("by")), QStringLiteral("--by"));
        if (!m)
            return ctx.fail(m.error());
        d.authorMember = *m;
    }
    if (ctx.isSet(QStringLiteral("walk-in"))) {
        auto n = CommandSession::count(ctx.value(QStringLiteral("walk-in")), QStringLiteral("--walk-in"));
        if (!n)
            return ctx.fail(n.error());
        d.authorWalkIn = WalkInId(*n);
    }
    auto i = s->hub->ideas().add(d);
    if (!i) {
        Error e = i.error();
        if (e.where == QStringLiteral("author") && d.authorWalkIn)
            e.where = QStringLiteral("--walk-in");
        return ctx.fail(asOption(e));
    }
    ctx.out().result(ideaJson(*i), Tr::tr("Idea #%1: “%2”.").arg(i->id.value()).arg(i->title));
    return 0;
}

int ideaVote(CommandContext &ctx)
{
    const QList<QCommandLineOption> options = {
        option(QStringLiteral("by"), Tr::tr("The member voting (checked in at the idea's gathering)."),
               QStringLiteral("MEMBER")),
        option(QStringLiteral("attendee"), Tr::tr("The attendance number voting (for walk-ins)."),
               QStringLiteral("ID")),
        option(QStringLiteral("dots"), Tr::tr("Dots to give, in dot voting (default 1)."), QStringLiteral("N")),
        option(QStringLiteral("withdraw"), Tr::tr("Take the vote back instead.")),
    };
    if (auto stop = ctx.parse(options, 1, 1))
        return *stop;
    if (ctx.isSet(QStringLiteral("by")) == ctx.isSet(QStringLiteral("attendee")))
        return ctx.usage(Tr::tr("say who votes: --by MEMBER or --attendee ID"), QStringLiteral("--by"));
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    auto idea = s->hub->ideas().find(ctx.positional().first());
    if (!idea)
        return ctx.fail(Error{idea.error().kind, idea.error().message, QStringLiteral("IDEA")});
    int dots = 1;
    if (ctx.isSet(QStringLiteral("dots"))) {
        auto n = CommandSession::count(ctx.value(QStringLiteral("dots")), QStringLiteral("--dots"));
        if (!n)
            return ctx.fail(n.error());
        dots = *n;
    }
    AttendanceId voter;
    if (ctx.isSet(QStringLiteral("by"))) {
        auto m = s->member(ctx.value(QStringLiteral("by")), QStringLiteral("--by"));
        if (!m)
            return ctx.fail(m.error());
        auto at = s->hub->checkIns().attendanceOf(idea->gathering, *m);
        if (!at)
            return ctx.fail(at.error());
        if (!*at)
            return ctx.fail(Error::refused(
                Tr::tr("Only people checked in at the idea's gathering can vote; member #%1 is not.").arg(m->value()),
                QStringLiteral("--by")));
        voter = (*at)->id;
    } else {
        auto n = CommandSession::count(ctx.value(QStringLiteral("attendee")), QStringLiteral("--attendee"));
        if (!n)
            return ctx.fail(n.error());
        voter = AttendanceId(*n);
    }
    const bool withdraw = ctx.isSet(QStringLiteral("withdraw"));
    const Status done =
        withdraw ? s->hub->ideas().withdraw(idea->id, voter) : s->hub->ideas().vote(idea->id, voter, dots);
    if (!done)
        return ctx.fail(asOption(done.error()));
    auto now = s->hub->ideas().get(idea->id);
    if (!now)
        return ctx.fail(now.error());
    ctx.out().result(ideaJson(*now),
                     withdraw ? Tr::tr("Vote withdrawn; “%1” has %2 vote(s).").arg(now->title).arg(now->votes)
                              : Tr::tr("Voted; “%1” has %2 vote(s).").arg(now->title).arg(now->votes));
    return 0;
}

int ideaPromote(CommandContext &ctx)
{
    const QList<QCommandLineOption> options = {
        option(QStringLiteral("group"), Tr::tr("The working group: an existing name, or a new one."),
               QStringLiteral("NAME")),
        option(QStringLiteral("convenor"), Tr::tr("Who convenes a new group."), QStringLiteral("MEMBER")),
        option(QStringLiteral("new"), Tr::tr("Start a new group: refuse a name another group has.")),
    };
    if (auto stop = ctx.parse(options, 1, 1))
        return *stop;
    if (!ctx.isSet(QStringLiteral("group")))
        return ctx.usage(Tr::tr("--group is required"), QStringLiteral("--group"));
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    auto idea = s->hub->ideas().find(ctx.positional().first());
    if (!idea)
        return ctx.fail(Error{idea.error().kind, idea.error().message, QStringLiteral("IDEA")});
    std::optional<MemberId> convenor;
    if (ctx.isSet(QStringLiteral("convenor"))) {
        auto m = s->member(ctx.value(QStringLiteral("convenor")), QStringLiteral("--convenor"));
        if (!m)
            return ctx.fail(m.error());
        convenor = *m;
    }
    auto g = s->hub->workingGroups().promote(idea->id, ctx.value(QStringLiteral("group")), convenor,
                                             ctx.isSet(QStringLiteral("new"))
                                                 ? WorkingGroupService::GroupChoice::StartNew
                                                 : WorkingGroupService::GroupChoice::JoinOrStart);
    if (!g)
        return ctx.fail(asOption(g.error()));
    ctx.out().result(groupJson(*g), Tr::tr("“%1” is promoted to the working group #%2 “%3”.")
                                        .arg(idea->title, QString::number(g->id.value()), g->name));
    return 0;
}

int groupList(CommandContext &ctx)
{
    if (auto stop = ctx.parse({}, 0, 0))
        return *stop;
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    auto list = s->hub->workingGroups().list();
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
        ctx.out().text(Tr::tr("No working groups yet."));
    else
        ctx.out().table({Tr::tr("Id"), Tr::tr("Name"), Tr::tr("Convenor"), Tr::tr("Members"), Tr::tr("Open"),
                         Tr::tr("Overdue"), Tr::tr("Origin idea")},
                        rows);
    return 0;
}

int groupShow(CommandContext &ctx)
{
    if (auto stop = ctx.parse({}, 1, 1))
        return *stop;
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    auto &groups = s->hub->workingGroups();
    auto g = groups.find(ctx.positional().first());
    if (!g)
        return ctx.fail(Error{g.error().kind, g.error().message, QStringLiteral("GROUP")});
    auto members = groups.members(g->id);
    auto actions = groups.actions(g->id);
    auto ideas = groups.ideas(g->id);
    if (!members || !actions || !ideas)
        return ctx.fail(!members ? members.error() : !actions ? actions.error() : ideas.error());
    const QDate today = groups.today();
    QJsonObject o = groupJson(*g);
    QJsonArray m, a, i;
    QStringList text{Tr::tr("Working group #%1: %2").arg(g->id.value()).arg(g->name)};
    if (g->originIdea)
        text << Tr::tr("Grew from “%1” at “%2”.").arg(g->originIdeaTitle, g->originGatheringTitle);
    text << Tr::tr("Members (%1):").arg(members->size());
    for (const GroupMember &x : std::as_const(*members)) {
        m.append(QJsonObject{{QStringLiteral("member_id"), x.member.value()},
                             {QStringLiteral("name"), x.name},
                             {QStringLiteral("convenor"), x.convenor}});
        text << QStringLiteral("  ") + x.name + (x.convenor ? Tr::tr(" (convenor)") : QString());
    }
    text << Tr::tr("Actions (%1):").arg(actions->size());
    for (const GroupAction &x : std::as_const(*actions)) {
        a.append(actionJson(x, today));
        text << Tr::tr("  #%1 [%2] %3 — %4%5%6")
                    .arg(QString::number(x.id.value()), toString(x.status), x.title, x.ownerName,
                         x.due.isValid() ? Tr::tr(", due %1").arg(x.due.toString(Qt::ISODate)) : QString(),
                         x.isOverdue(today) ? Tr::tr(" (overdue)") : QString());
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

int groupJoin(CommandContext &ctx)
{
    const QList<QCommandLineOption> options = {
        option(QStringLiteral("member"), Tr::tr("Who joins."), QStringLiteral("MEMBER")),
        option(QStringLiteral("leave"), Tr::tr("Leave the group instead.")),
    };
    if (auto stop = ctx.parse(options, 1, 1))
        return *stop;
    if (!ctx.isSet(QStringLiteral("member")))
        return ctx.usage(Tr::tr("--member is required"), QStringLiteral("--member"));
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    auto g = s->hub->workingGroups().find(ctx.positional().first());
    if (!g)
        return ctx.fail(Error{g.error().kind, g.error().message, QStringLiteral("GROUP")});
    auto m = s->member(ctx.value(QStringLiteral("member")), QStringLiteral("--member"));
    if (!m)
        return ctx.fail(m.error());
    const bool leave = ctx.isSet(QStringLiteral("leave"));
    const Status done = leave ? s->hub->workingGroups().leave(g->id, *m) : s->hub->workingGroups().join(g->id, *m);
    if (!done)
        return ctx.fail(asOption(done.error()));
    auto now = s->hub->workingGroups().get(g->id);
    if (!now)
        return ctx.fail(now.error());
    ctx.out().result(groupJson(*now), leave ? Tr::tr("Left “%1”; %2 member(s).").arg(now->name).arg(now->members)
                                            : Tr::tr("Joined “%1”; %2 member(s).").arg(now->name).arg(now->members));
    return 0;
}

int actionAdd(CommandContext &ctx)
{
    const QList<QCommandLineOption> options = {
        option(QStringLiteral("title"), Tr::tr("What is to be done."), QStringLiteral("TEXT")),
        option(QStringLiteral("owner"), Tr::tr("The member who does it."), QStringLiteral("MEMBER")),
        option(QStringLiteral("due"), Tr::tr("Due date, YYYY-MM-DD."), QStringLiteral("DATE")),
        option(QStringLiteral("notes"), Tr::tr("Notes."), QStringLiteral("TEXT")),
    };
    if (auto stop = ctx.parse(options, 1, 1))
        return *stop;
    for (const QString &required : {QStringLiteral("title"), QStringLiteral("owner")})
        if (!ctx.isSet(required))
            return ctx.usage(Tr::tr("--%1 is required").arg(required), QStringLiteral("--") + required);
    ActionDraft d;
    if (ctx.isSet(QStringLiteral("due"))) {
        auto due = parseDate(ctx.value(QStringLiteral("due")), QStringLiteral("--due"));
        if (!due)
            return ctx.fail(due.error());
        d.due = *due;
    }
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    auto g = s->hub->workingGroups().find(ctx.positional().first());
    if (!g)
        return ctx.fail(Error{g.error().kind, g.error().message, QStringLiteral("GROUP")});
    auto owner = s->member(ctx.value(QStringLiteral("owner")), QStringLiteral("--owner"));
    if (!owner)
        return ctx.fail(owner.error());
    d.group = g->id;
    d.title = ctx.value(QStringLiteral("title"));
    d.owner = *owner;
    d.notes = ctx.value(QStringLiteral("notes"));
    auto a = s->hub->workingGroups().addAction(d);
    if (!a)
        return ctx.fail(asOption(a.error()));
    ctx.out().result(actionJson(*a, s->hub->workingGroups().today()),
                     Tr::tr("Action #%1 for %2: “%3”.").arg(QString::number(a->id.value()), a->ownerName, a->title));
    return 0;
}

int actionDone(CommandContext &ctx)
{
    const QList<QCommandLineOption> options = {
        option(QStringLiteral("note"), Tr::tr("A note on how it went."), QStringLiteral("TEXT")),
        option(QStringLiteral("dropped"), Tr::tr("Mark it dropped rather than done.")),
    };
    if (auto stop = ctx.parse(options, 1, 1))
        return *stop;
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    QString ref = ctx.positional().first().trimmed();
    if (ref.startsWith(u'#'))
        ref.remove(0, 1);
    bool ok = false;
    const qint64 id = ref.toLongLong(&ok);
    if (!ok || id <= 0)
        return ctx.fail(Error::invalid(Tr::tr("“%1” is not an action number").arg(ctx.positional().first()),
                                       QStringLiteral("ACTION")));
    const ActionStatus to = ctx.isSet(QStringLiteral("dropped")) ? ActionStatus::Dropped : ActionStatus::Done;
    auto a = s->hub->workingGroups().setStatus(ActionId(id), to, ctx.value(QStringLiteral("note")));
    if (!a) {
        Error e = a.error();
        if (e.where == QStringLiteral("action"))
            e.where = QStringLiteral("ACTION");
        return ctx.fail(asOption(e));
    }
    ctx.out().result(
        actionJson(*a, s->hub->workingGroups().today()),
        Tr::tr("Action #%1 “%2” is %3.").arg(QString::number(a->id.value()), a->title, toString(a->status)));
    return 0;
}

} // namespace

void registerGatheringCommands(Cli &cli)
{
    cli.add({QStringLiteral("gathering add"),
             QStringLiteral("--kind friendly|collaboratory|business-challenge|other --title TEXT --start DATETIME "
                            "[--end DATETIME] [--space SPACE] [--facilitator MEMBER]... [--theme TEXT] [--capacity N] "
                            "[--voting one-vote|dots] [--dots N] [--monthly N] [--notes TEXT]"),
             Tr::tr("hold a gathering, booking its space"), gatheringAdd});
    cli.add({QStringLiteral("gathering list"), QStringLiteral("[--from DATE] [--to DATE]"),
             Tr::tr("gatherings by start time"), gatheringList});
    cli.add({QStringLiteral("gathering show"), QStringLiteral("GATHERING"),
             Tr::tr("a gathering with its sign-ups, attendees and ranked ideas"), gatheringShow});
    cli.add({QStringLiteral("register"), QStringLiteral("GATHERING --member MEMBER [--cancel]"),
             Tr::tr("sign up ahead; waiting list when full"), registerCommand});
    cli.add({QStringLiteral("checkin"),
             QStringLiteral("GATHERING (--member MEMBER | --walk-in NAME [--email E] [--consent])"),
             Tr::tr("check someone in at the door"), checkinCommand});
    cli.add({QStringLiteral("idea add"),
             QStringLiteral("GATHERING --title TEXT [--story TEXT] [--by MEMBER | --walk-in ID] [--tag TEXT]..."),
             Tr::tr("record an idea or story, crediting who told it"), ideaAdd});
    cli.add({QStringLiteral("idea vote"), QStringLiteral("IDEA (--by MEMBER | --attendee ID) [--dots N] [--withdraw]"),
             Tr::tr("vote for an idea (only people checked in)"), ideaVote});
    cli.add({QStringLiteral("idea promote"), QStringLiteral("IDEA --group NAME [--new] [--convenor MEMBER]"),
             Tr::tr("promote an idea into a new or existing working group"), ideaPromote});
    cli.add({QStringLiteral("group list"), {}, Tr::tr("working groups"), groupList});
    cli.add({QStringLiteral("group show"), QStringLiteral("GROUP"),
             Tr::tr("a working group with its members, origin and actions"), groupShow});
    cli.add({QStringLiteral("group join"), QStringLiteral("GROUP --member MEMBER [--leave]"),
             Tr::tr("join (or leave) a working group"), groupJoin});
    cli.add({QStringLiteral("action add"),
             QStringLiteral("GROUP --title TEXT --owner MEMBER [--due DATE] [--notes TEXT]"),
             Tr::tr("give a working group an action"), actionAdd});
    cli.add({QStringLiteral("action done"), QStringLiteral("ACTION [--note TEXT] [--dropped]"),
             Tr::tr("mark an action done (or dropped)"), actionDone});
}

} // namespace hub::cli
