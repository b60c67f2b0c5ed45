// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/spacecommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

namespace hub::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::SpaceCommands)
};

// A wall-clock time in the hub's zone: "2026-03-10 19:00" or "2026-03-10T19:00".
Result<QDateTime> parseDateTime(const QString &text, const QTimeZone &zone, const QString &where)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2})$"));
    const auto m = form.match(text.trimmed());
    const QDate date = m.hasMatch() ? QDate::fromString(m.captured(1), Qt::ISODate) : QDate();
    const QTime time = m.hasMatch() ? QTime::fromString(m.captured(2), QStringLiteral("HH:mm")) : QTime();
    if (!date.isValid() || !time.isValid())
        return fail(Error::invalid(Tr::tr("“%1” is not a date and time; write YYYY-MM-DD HH:MM").arg(text), where));
    return QDateTime(date, time, zone);
}

Result<int> parseMinutes(const QString &text, const QString &where)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{2}):(\\d{2})$"));
    const auto m = form.match(text.trimmed());
    const int minutes = m.hasMatch() ? m.captured(1).toInt() * 60 + m.captured(2).toInt() : -1;
    if (!m.hasMatch() || m.captured(2).toInt() > 59 || minutes > 24 * 60)
        return fail(Error::invalid(Tr::tr("“%1” is not a time of day; write HH:MM").arg(text), where));
    return minutes;
}

Result<int> parseCount(const QString &text, const QString &where)
{
    bool ok = false;
    const int n = text.trimmed().toInt(&ok);
    if (!ok)
        return fail(Error::invalid(Tr::tr("“%1” is not a whole number").arg(text), where));
    return n;
}

// Core errors name fields; hubctl users know them as options.
Error asOption(Error e)
{
    if (!e.where.isEmpty() && !e.where.startsWith(u'-'))
        e.where = QStringLiteral("--") + e.where;
    return e;
}

QJsonObject spaceJson(const Space &s, const HubSettings &settings)
{
    QJsonObject o{{QStringLiteral("id"), s.id.value()},
                  {QStringLiteral("name"), s.name},
                  {QStringLiteral("description"), s.description},
                  {QStringLiteral("capacity"), s.capacity},
                  {QStringLiteral("setup_minutes"), s.setupMinutes},
                  {QStringLiteral("cleanup_minutes"), s.cleanupMinutes},
                  {QStringLiteral("features"), QJsonArray::fromStringList(s.features)},
                  {QStringLiteral("colour"), s.colour},
                  {QStringLiteral("active"), s.active}};
    o.insert(QStringLiteral("rate"), s.rate ? QJsonValue(s.rate->toString(settings.decimals)) : QJsonValue());
    o.insert(QStringLiteral("rate_minor"), s.rate ? QJsonValue(s.rate->minor()) : QJsonValue());
    QJsonArray hours;
    for (int day = 1; day <= 7; ++day)
        if (const auto h = s.hours.on(day))
            hours.append(QJsonObject{{QStringLiteral("weekday"), day},
                                     {QStringLiteral("opens_minute"), h->opens},
                                     {QStringLiteral("closes_minute"), h->closes}});
    o.insert(QStringLiteral("hours"), hours);
    return o;
}

QJsonObject bookingJson(const Booking &b, const CommandSession &s)
{
    QJsonObject o{{QStringLiteral("id"), b.id.value()},
                  {QStringLiteral("space_id"), b.space.value()},
                  {QStringLiteral("space"), b.spaceName},
                  {QStringLiteral("title"), b.title},
                  {QStringLiteral("member"), b.memberName},
                  {QStringLiteral("attendees"), b.attendees},
                  {QStringLiteral("start_utc"), b.start.toSecsSinceEpoch()},
                  {QStringLiteral("end_utc"), b.end.toSecsSinceEpoch()},
                  {QStringLiteral("start"), s.local(b.start)},
                  {QStringLiteral("end"), s.local(b.end)},
                  {QStringLiteral("zone"), b.zone},
                  {QStringLiteral("status"), toString(b.status)},
                  {QStringLiteral("notes"), b.notes},
                  {QStringLiteral("outside_hours_override"), b.outsideHoursOverride},
                  {QStringLiteral("capacity_override"), b.capacityOverride},
                  {QStringLiteral("created_by"), b.createdBy}};
    o.insert(QStringLiteral("member_id"), b.member ? QJsonValue(b.member->value()) : QJsonValue());
    return o;
}

QString bookingText(const Booking &b, const CommandSession &s)
{
    return Tr::tr("Booking #%1: %2, “%3”, %4 to %5 (%6).")
        .arg(QString::number(b.id.value()), b.spaceName, b.title, s.local(b.start), s.local(b.end), toString(b.status));
}

int spaceAdd(CommandContext &ctx)
{
    const QList<QCommandLineOption> options = {
        option(QStringLiteral("name"), Tr::tr("The space's name."), QStringLiteral("NAME")),
        option(QStringLiteral("capacity"), Tr::tr("How many people it holds."), QStringLiteral("N")),
        option(QStringLiteral("description"), Tr::tr("A line about the space."), QStringLiteral("TEXT")),
        option(QStringLiteral("rate"), Tr::tr("Credits per hour."), QStringLiteral("AMOUNT")),
        option(QStringLiteral("setup"), Tr::tr("Minutes kept free before each booking."), QStringLiteral("MIN")),
        option(QStringLiteral("cleanup"), Tr::tr("Minutes kept free after each booking."), QStringLiteral("MIN")),
        option(QStringLiteral("feature"), Tr::tr("A feature such as stage or kitchen; repeat for more."), QStringLiteral("TEXT")),
        option(QStringLiteral("colour"), Tr::tr("Calendar colour, #rrggbb."), QStringLiteral("COLOUR")),
        option(QStringLiteral("opens"), Tr::tr("Opening time every day (HH:MM)."), QStringLiteral("HH:MM")),
        option(QStringLiteral("closes"), Tr::tr("Closing time every day (HH:MM)."), QStringLiteral("HH:MM")),
    };
    if (auto stop = ctx.parse(options, 0, 0))
        return *stop;
    for (const QString &required : {QStringLiteral("name"), QStringLiteral("capacity")})
        if (!ctx.isSet(required))
            return ctx.usage(Tr::tr("--%1 is required").arg(required), QStringLiteral("--") + required);
    if (ctx.isSet(QStringLiteral("opens")) != ctx.isSet(QStringLiteral("closes")))
        return ctx.usage(Tr::tr("--opens and --closes go together"), QStringLiteral("--opens"));
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    Space space;
    space.name = ctx.value(QStringLiteral("name"));
    space.description = ctx.value(QStringLiteral("description"));
    space.features = ctx.values(QStringLiteral("feature"));
    space.colour = ctx.value(QStringLiteral("colour"));
    auto capacity = parseCount(ctx.value(QStringLiteral("capacity")), QStringLiteral("--capacity"));
    if (!capacity)
        return ctx.fail(capacity.error());
    space.capacity = *capacity;
    for (const auto &[name, field] : {std::pair{QStringLiteral("setup"), &space.setupMinutes},
                                      std::pair{QStringLiteral("cleanup"), &space.cleanupMinutes}}) {
        if (!ctx.isSet(name))
            continue;
        auto n = parseCount(ctx.value(name), QStringLiteral("--") + name);
        if (!n)
            return ctx.fail(n.error());
        *field = *n;
    }
    if (ctx.isSet(QStringLiteral("rate"))) {
        auto rate = Amount::parse(ctx.value(QStringLiteral("rate")), s->settings.decimals);
        if (!rate)
            return ctx.fail(Error::invalid(rate.error().message, QStringLiteral("--rate")));
        space.rate = *rate;
    }
    if (ctx.isSet(QStringLiteral("opens"))) {
        auto opens = parseMinutes(ctx.value(QStringLiteral("opens")), QStringLiteral("--opens"));
        if (!opens)
            return ctx.fail(opens.error());
        auto closes = parseMinutes(ctx.value(QStringLiteral("closes")), QStringLiteral("--closes"));
        if (!closes)
            return ctx.fail(closes.error());
        space.hours.days.fill(DayHours{*opens, *closes});
    }
    auto added = s->hub->spaces().add(space);
    if (!added)
        return ctx.fail(asOption(added.error()));
    ctx.out().result(spaceJson(*added, s->settings),
                     Tr::tr("Space #%1: %2, for %3 people.").arg(added->id.value()).arg(added->name).arg(added->capacity));
    return 0;
}

int spaceList(CommandContext &ctx)
{
    if (auto stop = ctx.parse({}, 0, 0))
        return *stop;
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    auto spaces = s->hub->spaces().list();
    if (!spaces)
        return ctx.fail(spaces.error());
    QJsonArray array;
    QList<QStringList> rows;
    for (const Space &space : *spaces) {
        array.append(spaceJson(space, s->settings));
        rows << QStringList{QStringLiteral("#%1").arg(space.id.value()), space.name, QString::number(space.capacity),
                            space.rate ? space.rate->toString(s->settings.decimals) : QStringLiteral("-"),
                            Tr::tr("%1 / %2 min").arg(space.setupMinutes).arg(space.cleanupMinutes),
                            space.features.join(QStringLiteral(", ")),
                            space.active ? Tr::tr("yes") : Tr::tr("no")};
    }
    if (ctx.json())
        ctx.out().document(array);
    else if (rows.isEmpty())
        ctx.out().message(Tr::tr("No spaces yet; add one with hubctl space add."));
    else
        ctx.out().table({Tr::tr("#"), Tr::tr("Space"), Tr::tr("Capacity"), Tr::tr("Rate"), Tr::tr("Setup / clean-up"),
                         Tr::tr("Features"), Tr::tr("Active")},
                        rows);
    return 0;
}

int book(CommandContext &ctx)
{
    const QList<QCommandLineOption> options = {
        option(QStringLiteral("space"), Tr::tr("The space, by name or number."), QStringLiteral("SPACE")),
        option(QStringLiteral("title"), Tr::tr("What the booking is for."), QStringLiteral("TEXT")),
        option(QStringLiteral("start"), Tr::tr("Start, in the hub's time zone (YYYY-MM-DD HH:MM)."), QStringLiteral("DATETIME")),
        option(QStringLiteral("end"), Tr::tr("End, in the hub's time zone."), QStringLiteral("DATETIME")),
        option(QStringLiteral("member"), Tr::tr("Who is booking (number or e-mail)."), QStringLiteral("MEMBER")),
        option(QStringLiteral("attendees"), Tr::tr("How many people are expected."), QStringLiteral("N")),
        option(QStringLiteral("tentative"), Tr::tr("Hold the slot until confirmed.")),
        option(QStringLiteral("notes"), Tr::tr("Notes for the front desk."), QStringLiteral("TEXT")),
        option(QStringLiteral("outside-hours"), Tr::tr("Book outside the opening hours; the reason is recorded."),
               QStringLiteral("NOTE")),
        option(QStringLiteral("over-capacity"), Tr::tr("Book for more people than the space holds; the reason is recorded."),
               QStringLiteral("NOTE")),
    };
    if (auto stop = ctx.parse(options, 0, 0))
        return *stop;
    for (const QString &required : {QStringLiteral("space"), QStringLiteral("title"), QStringLiteral("start"),
                                    QStringLiteral("end")})
        if (!ctx.isSet(required))
            return ctx.usage(Tr::tr("--%1 is required").arg(required), QStringLiteral("--") + required);
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    auto space = s->space(ctx.value(QStringLiteral("space")), QStringLiteral("--space"));
    if (!space)
        return ctx.fail(space.error());
    BookingDraft d;
    d.space = space->id;
    d.title = ctx.value(QStringLiteral("title"));
    d.tentative = ctx.isSet(QStringLiteral("tentative"));
    d.notes = ctx.value(QStringLiteral("notes"));
    d.outsideHoursOverride = ctx.value(QStringLiteral("outside-hours"));
    d.capacityOverride = ctx.value(QStringLiteral("over-capacity"));
    auto start = parseDateTime(ctx.value(QStringLiteral("start")), s->settings.zone(), QStringLiteral("--start"));
    if (!start)
        return ctx.fail(start.error());
    auto end = parseDateTime(ctx.value(QStringLiteral("end")), s->settings.zone(), QStringLiteral("--end"));
    if (!end)
        return ctx.fail(end.error());
    d.start = *start;
    d.end = *end;
    if (ctx.isSet(QStringLiteral("attendees"))) {
        auto n = parseCount(ctx.value(QStringLiteral("attendees")), QStringLiteral("--attendees"));
        if (!n)
            return ctx.fail(n.error());
        d.attendees = *n;
    }
    if (ctx.isSet(QStringLiteral("member"))) {
        auto m = s->hub->members().find(ctx.value(QStringLiteral("member")));
        if (!m)
            return ctx.fail(Error{m.error().kind, m.error().message, QStringLiteral("--member")});
        d.member = m->id;
    }
    auto booked = s->hub->bookings().book(d);
    if (!booked)
        return ctx.fail(asOption(booked.error()));
    ctx.out().result(bookingJson(*booked, *s), bookingText(*booked, *s));
    return 0;
}

int bookingList(CommandContext &ctx)
{
    const QList<QCommandLineOption> options = {
        option(QStringLiteral("from"), Tr::tr("First day (YYYY-MM-DD)."), QStringLiteral("DATE")),
        option(QStringLiteral("to"), Tr::tr("Last day, included."), QStringLiteral("DATE")),
        option(QStringLiteral("space"), Tr::tr("Only this space."), QStringLiteral("SPACE")),
        option(QStringLiteral("cancelled"), Tr::tr("Include cancelled and declined bookings.")),
    };
    if (auto stop = ctx.parse(options, 0, 0))
        return *stop;
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    BookingFilter f;
    f.includeCancelled = ctx.isSet(QStringLiteral("cancelled"));
    if (ctx.isSet(QStringLiteral("space"))) {
        auto space = s->space(ctx.value(QStringLiteral("space")), QStringLiteral("--space"));
        if (!space)
            return ctx.fail(space.error());
        f.space = space->id;
    }
    for (const auto &[name, field, nextDay] :
         {std::tuple{QStringLiteral("from"), &f.from, 0}, std::tuple{QStringLiteral("to"), &f.to, 1}}) {
        if (!ctx.isSet(name))
            continue;
        auto d = parseDate(ctx.value(name), QStringLiteral("--") + name);
        if (!d)
            return ctx.fail(d.error());
        *field = d->addDays(nextDay).startOfDay(s->settings.zone());
    }
    auto bookings = s->hub->bookings().list(f);
    if (!bookings)
        return ctx.fail(bookings.error());
    QJsonArray array;
    QList<QStringList> rows;
    for (const Booking &b : *bookings) {
        array.append(bookingJson(b, *s));
        rows << QStringList{QStringLiteral("#%1").arg(b.id.value()), s->local(b.start), s->local(b.end), b.spaceName,
                            b.title, b.memberName, toString(b.status)};
    }
    if (ctx.json())
        ctx.out().document(array);
    else if (rows.isEmpty())
        ctx.out().message(Tr::tr("No bookings match."));
    else
        ctx.out().table({Tr::tr("#"), Tr::tr("Start"), Tr::tr("End"), Tr::tr("Space"), Tr::tr("Title"),
                         Tr::tr("Booked by"), Tr::tr("Status")},
                        rows);
    return 0;
}

int changeBooking(CommandContext &ctx, Result<Booking> (BookingService::*change)(BookingId))
{
    if (auto stop = ctx.parse({}, 1, 1))
        return *stop;
    bool ok = false;
    const qint64 id = ctx.positional().first().trimmed().toLongLong(&ok);
    if (!ok || id <= 0)
        return ctx.fail(Error::invalid(Tr::tr("“%1” is not a booking number").arg(ctx.positional().first()),
                                       QStringLiteral("BOOKING")));
    auto s = CommandSession::open(ctx);
    if (!s)
        return ctx.fail(s.error());
    auto b = (s->hub->bookings().*change)(BookingId(id));
    if (!b)
        return ctx.fail(b.error());
    ctx.out().result(bookingJson(*b, *s), bookingText(*b, *s));
    return 0;
}

} // namespace

void registerSpaceCommands(Cli &cli)
{
    cli.add({QStringLiteral("space add"),
             QStringLiteral("--name NAME --capacity N [--rate AMOUNT] [--setup MIN] [--cleanup MIN] [--feature TEXT]... "
                            "[--colour #RRGGBB] [--opens HH:MM --closes HH:MM]"),
             Tr::tr("add a room or area that can be booked"), spaceAdd});
    cli.add({QStringLiteral("space list"), {}, Tr::tr("the hub's spaces"), spaceList});
    cli.add({QStringLiteral("book"),
             QStringLiteral("--space SPACE --title TEXT --start DATETIME --end DATETIME [--member MEMBER] "
                            "[--attendees N] [--tentative] [--outside-hours NOTE] [--over-capacity NOTE]"),
             Tr::tr("book a space once"), book});
    cli.add({QStringLiteral("booking list"), QStringLiteral("[--from DATE] [--to DATE] [--space SPACE] [--cancelled]"),
             Tr::tr("bookings by start time"), bookingList});
    cli.add({QStringLiteral("booking confirm"), QStringLiteral("BOOKING"), Tr::tr("confirm a tentative booking"),
             [](CommandContext &ctx) { return changeBooking(ctx, &BookingService::confirm); }});
    cli.add({QStringLiteral("booking decline"), QStringLiteral("BOOKING"), Tr::tr("turn down a tentative booking"),
             [](CommandContext &ctx) { return changeBooking(ctx, &BookingService::decline); }});
    cli.add({QStringLiteral("booking cancel"), QStringLiteral("BOOKING"), Tr::tr("cancel a booking and free its slot"),
             [](CommandContext &ctx) { return changeBooking(ctx, &BookingService::cancel); }});
}

} // namespace hub::cli
