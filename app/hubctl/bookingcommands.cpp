// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/hubctl/bookingcommands.h"

#include "app/hubctl/cli.h"
#include "app/hubctl/commandsession.h"
#include "core/members/memberservice.h"
#include "core/spaces/bookingservice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace hub::cli {

namespace {

struct BookingCommandsTr
{
    Q_DECLARE_TR_FUNCTIONS(hub::cli::BookingCommands)
};

// Core errors name fields; hubctl users know them as options.
Error bookingOption(Error e)
{
    if (!e.where.isEmpty() && !e.where.startsWith(u'-') && e.where != QStringLiteral("BOOKING"))
        e.where = QStringLiteral("--") + e.where;
    return e;
}

QJsonValue idOrNull(std::optional<qint64> id)
{
    return id ? QJsonValue(*id) : QJsonValue();
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
                  {QStringLiteral("created_by"), b.createdBy},
                  {QStringLiteral("occurrence"), b.occurrence.toString(Qt::ISODate)},
                  {QStringLiteral("exception"), b.exception}};
    o.insert(QStringLiteral("member_id"), idOrNull(b.member ? std::optional(b.member->value()) : std::nullopt));
    o.insert(QStringLiteral("series_id"), idOrNull(b.series ? std::optional(b.series->value()) : std::nullopt));
    o.insert(QStringLiteral("charge_transfer_id"),
             idOrNull(b.charge ? std::optional(b.charge->value()) : std::nullopt));
    o.insert(QStringLiteral("charge_reversal_id"),
             idOrNull(b.chargeReversal ? std::optional(b.chargeReversal->value()) : std::nullopt));
    return o;
}

QString bookingText(const Booking &b, const CommandSession &s)
{
    return BookingCommandsTr::tr("Booking #%1: %2, “%3”, %4 to %5 (%6).")
        .arg(QString::number(b.id.value()), b.spaceName, b.title, s.local(b.start), s.local(b.end), toString(b.status));
}

QString dayText(QDate d)
{
    return QLocale().toString(d, QStringLiteral("ddd d MMM yyyy"));
}

// --repeat and its companions as a Recurrence; none without --repeat.
Result<std::optional<Recurrence>> repeatFrom(CommandContext &ctx, const QDate &first)
{
    const bool repeating = ctx.isSet(QStringLiteral("repeat"));
    for (const QString &name : {QStringLiteral("count"), QStringLiteral("until"), QStringLiteral("every"),
                                QStringLiteral("on"), QStringLiteral("monthly-by"), QStringLiteral("skip-clashes")})
        if (!repeating && ctx.isSet(name))
            return fail(
                Error::usage(BookingCommandsTr::tr("--%1 goes with --repeat").arg(name), QStringLiteral("--") + name));
    if (!repeating)
        return std::optional<Recurrence>();
    Recurrence r;
    const QString freq = ctx.value(QStringLiteral("repeat")).trimmed().toLower();
    if (freq == QStringLiteral("daily"))
        r.frequency = Recurrence::Frequency::Daily;
    else if (freq == QStringLiteral("weekly"))
        r.frequency = Recurrence::Frequency::Weekly;
    else if (freq == QStringLiteral("monthly"))
        r.frequency = Recurrence::Frequency::Monthly;
    else
        return fail(Error::invalid(BookingCommandsTr::tr("“%1” is not daily, weekly or monthly").arg(freq),
                                   QStringLiteral("--repeat")));
    if (ctx.isSet(QStringLiteral("count")) == ctx.isSet(QStringLiteral("until")))
        return fail(Error::usage(BookingCommandsTr::tr("say --count N or --until DATE, one of them"),
                                 QStringLiteral("--count")));
    if (ctx.isSet(QStringLiteral("count"))) {
        auto n = CommandSession::count(ctx.value(QStringLiteral("count")), QStringLiteral("--count"));
        if (!n)
            return fail(n.error());
        r.count = *n;
        if (r.count == 0)
            return fail(
                Error::invalid(BookingCommandsTr::tr("a series has at least one date"), QStringLiteral("--count")));
    } else {
        auto until = parseDate(ctx.value(QStringLiteral("until")), QStringLiteral("--until"));
        if (!until)
            return fail(until.error());
        r.until = *until;
    }
    if (ctx.isSet(QStringLiteral("every"))) {
        auto n = CommandSession::count(ctx.value(QStringLiteral("every")), QStringLiteral("--every"));
        if (!n)
            return fail(n.error());
        r.interval = *n;
    }
    if (ctx.isSet(QStringLiteral("on"))) {
        if (r.frequency != Recurrence::Frequency::Weekly)
            return fail(Error::usage(BookingCommandsTr::tr("--on chooses weekdays of a weekly series"),
                                     QStringLiteral("--on")));
        auto days = parseWeekdays(ctx.value(QStringLiteral("on")), QStringLiteral("--on"));
        if (!days)
            return fail(days.error());
        r.weekdays = *days;
    }
    if (ctx.isSet(QStringLiteral("monthly-by"))) {
        const QString by = ctx.value(QStringLiteral("monthly-by")).trimmed().toLower();
        if (r.frequency != Recurrence::Frequency::Monthly)
            return fail(Error::usage(BookingCommandsTr::tr("--monthly-by goes with --repeat monthly"),
                                     QStringLiteral("--monthly-by")));
        if (by == QStringLiteral("weekday"))
            r.monthlyBy = Recurrence::MonthlyBy::Weekday;
        else if (by != QStringLiteral("date"))
            return fail(Error::invalid(BookingCommandsTr::tr("“%1” is not date or weekday").arg(by),
                                       QStringLiteral("--monthly-by")));
    }
    if (auto ok = r.validate(first); !ok)
        return fail(bookingOption(ok.error()));
    return std::optional<Recurrence>(r);
}

// The booking the options describe; errors name the option.
Result<BookingDraft> draftFrom(CommandContext &ctx, const CommandSession &s, const Space &space)
{
    BookingDraft d;
    d.space = space.id;
    d.title = ctx.value(QStringLiteral("title"));
    d.tentative = ctx.isSet(QStringLiteral("tentative"));
    d.notes = ctx.value(QStringLiteral("notes"));
    d.outsideHoursOverride = ctx.value(QStringLiteral("outside-hours"));
    d.capacityOverride = ctx.value(QStringLiteral("over-capacity"));
    d.charge = ctx.isSet(QStringLiteral("charge"));
    d.skipClashes = ctx.isSet(QStringLiteral("skip-clashes"));
    auto start = s.dateTime(ctx.value(QStringLiteral("start")), QStringLiteral("--start"));
    if (!start)
        return fail(start.error());
    auto end = s.dateTime(ctx.value(QStringLiteral("end")), QStringLiteral("--end"));
    if (!end)
        return fail(end.error());
    d.start = *start;
    d.end = *end;
    if (ctx.isSet(QStringLiteral("attendees"))) {
        auto n = CommandSession::count(ctx.value(QStringLiteral("attendees")), QStringLiteral("--attendees"));
        if (!n)
            return fail(n.error());
        d.attendees = *n;
    }
    if (ctx.isSet(QStringLiteral("member"))) {
        auto m = s.member(ctx.value(QStringLiteral("member")), QStringLiteral("--member"));
        if (!m)
            return fail(m.error());
        d.member = *m;
    }
    auto repeat = repeatFrom(ctx, start->date());
    if (!repeat)
        return fail(repeat.error());
    d.repeat = *repeat;
    return d;
}

// A skipped or moved date of a series, with what happened to it under `key`.
QJsonObject occurrenceJson(const SeriesOccurrence &o, const CommandSession &s, const QString &key, const QString &what)
{
    return QJsonObject{{QStringLiteral("date"), o.date.toString(Qt::ISODate)},
                       {QStringLiteral("start"), s.local(o.start)},
                       {QStringLiteral("end"), s.local(o.end)},
                       {key, what}};
}

int bookRepeating(CommandContext &ctx, CommandSession &s, const BookingDraft &d, const Space &space)
{
    auto made = s.hub->bookings().bookSeries(d);
    if (!made)
        return ctx.fail(bookingOption(made.error()));
    auto series = s.hub->bookings().series(*made->series);
    if (!series)
        return ctx.fail(series.error());
    const QString words = d.repeat->describe(d.start.toTimeZone(s.settings.zone()));
    QJsonArray booked;
    for (const Booking &b : std::as_const(made->booked))
        booked.append(bookingJson(b, s));
    QJsonArray skipped;
    QStringList lines{BookingCommandsTr::tr("Series #%1 in %2: %3. %4 dates booked.")
                          .arg(QString::number(made->series->value()), space.name, words)
                          .arg(made->booked.size())};
    for (const SeriesOccurrence &o : std::as_const(made->skipped)) {
        skipped.append(occurrenceJson(o, s, QStringLiteral("problem"), o.problem));
        lines << BookingCommandsTr::tr("Skipped %1: %2").arg(dayText(o.date), o.problem);
    }
    QJsonArray moved;
    for (const SeriesOccurrence &o : std::as_const(made->moved)) {
        moved.append(occurrenceJson(o, s, QStringLiteral("note"), o.note));
        lines << BookingCommandsTr::tr("Note: %1.").arg(o.note);
    }
    const QJsonObject doc{{QStringLiteral("series_id"), made->series->value()},
                          {QStringLiteral("rrule"), series->rrule},
                          {QStringLiteral("description"), words},
                          {QStringLiteral("booked"), booked},
                          {QStringLiteral("skipped"), skipped},
                          {QStringLiteral("moved"), moved}};
    ctx.out().result(doc, lines.join(u'\n'));
    return 0;
}

int book(CommandContext &ctx, CommandSession &s)
{
    auto space = s.space(ctx.value(QStringLiteral("space")), QStringLiteral("--space"));
    if (!space)
        return ctx.fail(space.error());
    auto d = draftFrom(ctx, s, *space);
    if (!d)
        return ctx.fail(d.error());
    if (!d->repeat) {
        auto booked = s.hub->bookings().book(*d);
        if (!booked)
            return ctx.fail(bookingOption(booked.error()));
        ctx.out().result(bookingJson(*booked, s), bookingText(*booked, s));
        return 0;
    }
    return bookRepeating(ctx, s, *d, *space);
}

int bookingList(CommandContext &ctx, CommandSession &s)
{
    BookingFilter f;
    f.includeCancelled = ctx.isSet(QStringLiteral("cancelled"));
    if (ctx.isSet(QStringLiteral("space"))) {
        auto space = s.space(ctx.value(QStringLiteral("space")), QStringLiteral("--space"));
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
        *field = d->addDays(nextDay).startOfDay(s.settings.zone());
    }
    auto bookings = s.hub->bookings().list(f);
    if (!bookings)
        return ctx.fail(bookings.error());
    QJsonArray array;
    QList<QStringList> rows;
    for (const Booking &b : std::as_const(*bookings)) {
        array.append(bookingJson(b, s));
        const QString series =
            b.series ? QStringLiteral("#%1%2").arg(b.series->value()).arg(b.exception ? QStringLiteral("*") : QString())
                     : QString();
        rows << QStringList{QStringLiteral("#%1").arg(b.id.value()),
                            s.local(b.start),
                            s.local(b.end),
                            b.spaceName,
                            b.title,
                            b.memberName,
                            toString(b.status),
                            series};
    }
    if (ctx.json())
        ctx.out().document(array);
    else if (rows.isEmpty())
        ctx.out().message(BookingCommandsTr::tr("No bookings match."));
    else
        ctx.out().table({BookingCommandsTr::tr("#"), BookingCommandsTr::tr("Start"), BookingCommandsTr::tr("End"),
                         BookingCommandsTr::tr("Space"), BookingCommandsTr::tr("Title"),
                         BookingCommandsTr::tr("Booked by"), BookingCommandsTr::tr("Status"),
                         BookingCommandsTr::tr("Series")},
                        rows);
    return 0;
}

Result<BookingId> bookingArgument(CommandContext &ctx)
{
    bool ok = false;
    const qint64 id = ctx.positional().first().trimmed().toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(Error::invalid(BookingCommandsTr::tr("“%1” is not a booking number").arg(ctx.positional().first()),
                                   QStringLiteral("BOOKING")));
    return BookingId(id);
}

int changeBooking(CommandContext &ctx, CommandSession &s, Result<Booking> (BookingService::*change)(BookingId))
{
    auto id = bookingArgument(ctx);
    if (!id)
        return ctx.fail(id.error());
    auto b = (s.hub->bookings().*change)(*id);
    if (!b)
        return ctx.fail(b.error());
    ctx.out().result(bookingJson(*b, s), bookingText(*b, s));
    return 0;
}

int bookingCancel(CommandContext &ctx, CommandSession &s)
{
    const int scopes = int(ctx.isSet(QStringLiteral("occurrence"))) +
                       int(ctx.isSet(QStringLiteral("from-occurrence"))) + int(ctx.isSet(QStringLiteral("series")));
    if (scopes > 1)
        return ctx.usage(BookingCommandsTr::tr("choose one of --occurrence, --from-occurrence and --series"),
                         QStringLiteral("--occurrence"));
    auto id = bookingArgument(ctx);
    if (!id)
        return ctx.fail(id.error());
    BookingService &bookings = s.hub->bookings();
    auto booking = bookings.get(*id);
    if (!booking)
        return ctx.fail(booking.error());
    CancelScope scope = CancelScope::Occurrence;
    BookingId target = *id;
    if (scopes == 1 && !booking->series)
        return ctx.fail(Error::invalid(
            BookingCommandsTr::tr("booking #%1 (“%2”) is not part of a series").arg(id->value()).arg(booking->title),
            QStringLiteral("BOOKING")));
    if (ctx.isSet(QStringLiteral("series")))
        scope = CancelScope::Series;
    for (const auto &[name, chosen] : {std::pair{QStringLiteral("occurrence"), CancelScope::Occurrence},
                                       std::pair{QStringLiteral("from-occurrence"), CancelScope::ThisAndFollowing}}) {
        if (!ctx.isSet(name))
            continue;
        auto date = parseDate(ctx.value(name), QStringLiteral("--") + name);
        if (!date)
            return ctx.fail(date.error());
        auto all = bookings.occurrences(*booking->series);
        if (!all)
            return ctx.fail(all.error());
        const auto it =
            std::find_if(all->cbegin(), all->cend(), [&](const Booking &b) { return b.occurrence == *date; });
        if (it == all->cend())
            return ctx.fail(Error::notFound(BookingCommandsTr::tr("series #%1 has no date %2")
                                                .arg(QString::number(booking->series->value()), dayText(*date)),
                                            QStringLiteral("--") + name));
        target = it->id;
        scope = chosen;
    }
    auto cancelled = bookings.cancel(target, scope);
    if (!cancelled)
        return ctx.fail(bookingOption(cancelled.error()));
    QJsonArray array;
    QStringList lines;
    for (const Booking &b : std::as_const(*cancelled)) {
        array.append(bookingJson(b, s));
        lines << bookingText(b, s);
        if (b.chargeReversal)
            lines
                << BookingCommandsTr::tr("  The charge was given back (transfer #%1).").arg(b.chargeReversal->value());
    }
    if (ctx.json())
        ctx.out().document(array);
    else
        ctx.out().message(lines.join(u'\n'));
    return 0;
}

// The options `book` takes: the booking itself, then how it repeats.
QList<QCommandLineOption> bookOptions()
{
    return {
        option(QStringLiteral("space"), BookingCommandsTr::tr("The space, by name or number."),
               QStringLiteral("SPACE")),
        option(QStringLiteral("title"), BookingCommandsTr::tr("What the booking is for."), QStringLiteral("TEXT")),
        option(QStringLiteral("start"), BookingCommandsTr::tr("Start, in the hub's time zone (YYYY-MM-DD HH:MM)."),
               QStringLiteral("DATETIME")),
        option(QStringLiteral("end"), BookingCommandsTr::tr("End, in the hub's time zone."),
               QStringLiteral("DATETIME")),
        option(QStringLiteral("member"), BookingCommandsTr::tr("Who is booking (number or e-mail)."),
               QStringLiteral("MEMBER")),
        option(QStringLiteral("attendees"), BookingCommandsTr::tr("How many people are expected."),
               QStringLiteral("N")),
        option(QStringLiteral("tentative"), BookingCommandsTr::tr("Hold the slot until confirmed.")),
        option(QStringLiteral("notes"), BookingCommandsTr::tr("Notes for the front desk."), QStringLiteral("TEXT")),
        option(QStringLiteral("outside-hours"),
               BookingCommandsTr::tr("Book outside the opening hours or on a closed day; the reason is recorded."),
               QStringLiteral("NOTE")),
        option(QStringLiteral("over-capacity"),
               BookingCommandsTr::tr("Book for more people than the space holds; the reason is recorded."),
               QStringLiteral("NOTE")),
        option(QStringLiteral("charge"),
               BookingCommandsTr::tr("Charge the space's hourly rate to the booker's account.")),
        option(QStringLiteral("repeat"), BookingCommandsTr::tr("Repeat daily, weekly or monthly."),
               QStringLiteral("FREQ")),
        option(QStringLiteral("count"), BookingCommandsTr::tr("How many dates the series has."), QStringLiteral("N")),
        option(QStringLiteral("until"), BookingCommandsTr::tr("The last possible date of the series."),
               QStringLiteral("DATE")),
        option(QStringLiteral("every"), BookingCommandsTr::tr("Every N days, weeks or months (default 1)."),
               QStringLiteral("N")),
        option(QStringLiteral("on"), BookingCommandsTr::tr("Weekly on these weekdays, e.g. tue,thu."),
               QStringLiteral("DAYS")),
        option(QStringLiteral("monthly-by"),
               BookingCommandsTr::tr("Monthly on the same date, or the same weekday (\"second Tuesday\")."),
               QStringLiteral("date|weekday")),
        option(QStringLiteral("skip-clashes"),
               BookingCommandsTr::tr("Book the series' free dates and list the skipped ones.")),
    };
}

} // namespace

void registerBookingCommands(Cli &cli)
{
    cli.add(
        {.name = QStringLiteral("book"),
         .synopsis =
             QStringLiteral("--space SPACE --title TEXT --start DATETIME --end DATETIME [--member MEMBER] "
                            "[--attendees N] [--tentative] [--charge] [--outside-hours NOTE] [--over-capacity NOTE] "
                            "[--repeat daily|weekly|monthly (--count N | --until DATE) [--every N] [--on DAYS] "
                            "[--monthly-by date|weekday] [--skip-clashes]]"),
         .summary = BookingCommandsTr::tr("book a space once or as a series"),
         .options = bookOptions(),
         .arguments = {0, 0},
         .required = {QStringLiteral("space"), QStringLiteral("title"), QStringLiteral("start"), QStringLiteral("end")},
         .run = book});
    cli.add(
        {.name = QStringLiteral("booking list"),
         .synopsis = QStringLiteral("[--from DATE] [--to DATE] [--space SPACE] [--cancelled]"),
         .summary = BookingCommandsTr::tr("bookings by start time"),
         .options =
             {option(QStringLiteral("from"), BookingCommandsTr::tr("First day (YYYY-MM-DD)."), QStringLiteral("DATE")),
              option(QStringLiteral("to"), BookingCommandsTr::tr("Last day, included."), QStringLiteral("DATE")),
              option(QStringLiteral("space"), BookingCommandsTr::tr("Only this space."), QStringLiteral("SPACE")),
              option(QStringLiteral("cancelled"), BookingCommandsTr::tr("Include cancelled and declined bookings."))},
         .arguments = {0, 0},
         .run = bookingList});
    cli.add({.name = QStringLiteral("booking confirm"),
             .synopsis = QStringLiteral("BOOKING"),
             .summary = BookingCommandsTr::tr("confirm a tentative booking"),
             .arguments = {1, 1},
             .run = [](CommandContext &ctx, CommandSession &s) {
                 return changeBooking(ctx, s, &BookingService::confirm);
             }});
    cli.add({.name = QStringLiteral("booking decline"),
             .synopsis = QStringLiteral("BOOKING"),
             .summary = BookingCommandsTr::tr("turn down a tentative booking"),
             .arguments = {1, 1},
             .run = [](CommandContext &ctx, CommandSession &s) {
                 return changeBooking(ctx, s, &BookingService::decline);
             }});
    cli.add({.name = QStringLiteral("booking cancel"),
             .synopsis = QStringLiteral("BOOKING [--occurrence DATE | --from-occurrence DATE | --series]"),
             .summary = BookingCommandsTr::tr(
                 "cancel a booking, one date of a series, the rest of it or all of it; charges are given back"),
             .options = {option(QStringLiteral("occurrence"), BookingCommandsTr::tr("Only the series' date DATE."),
                                QStringLiteral("DATE")),
                         option(QStringLiteral("from-occurrence"),
                                BookingCommandsTr::tr("The series' date DATE and every later one."),
                                QStringLiteral("DATE")),
                         option(QStringLiteral("series"), BookingCommandsTr::tr("Every live date of the series."))},
             .arguments = {1, 1},
             .run = bookingCancel});
}

} // namespace hub::cli
