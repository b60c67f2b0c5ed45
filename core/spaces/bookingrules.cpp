// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/bookingrules.h"

#include "core/common/displayformat.h"
#include "core/common/textrules.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/spaceservice.h"
#include "core/storage/query.h"

namespace hub {

namespace {

QString clock(int minute)
{
    return QStringLiteral("%1:%2").arg(minute / 60, 2, 10, QChar(u'0')).arg(minute % 60, 2, 10, QChar(u'0'));
}

// Why [start, end) falls outside the space's opening hours, or nothing.
// Opening hours are wall-clock times of the hub, so they are checked in its
// zone: a hall open until 22:00 closes at 22:00 in summer and in winter.
QString outsideHours(const Space &space, qint64 start, qint64 end, const QTimeZone &zone)
{
    const QDateTime s = QDateTime::fromSecsSinceEpoch(start, zone);
    const QDateTime e = QDateTime::fromSecsSinceEpoch(end, zone);
    const int weekday = s.date().dayOfWeek();
    const int from = s.time().msecsSinceStartOfDay() / 60000;
    int to = e.time().msecsSinceStartOfDay() / 60000;
    // Ending at midnight is the end of the starting day, not a second day.
    const bool sameDay = e.date() == s.date() || (e.date() == s.date().addDays(1) && to == 0);
    if (e.date() != s.date())
        to = 24 * 60;
    const auto open = space.hours.on(weekday);
    if (!open)
        return BookingRules::tr("%1 is closed on %2 (%3).")
            .arg(space.name, QLocale().dayName(weekday), BookingRules::span(start, end, zone));
    if (!sameDay || from < open->opens || to > open->closes)
        return BookingRules::tr("%1 is open %2–%3 on %4; %5 is outside.")
            .arg(space.name, clock(open->opens), clock(open->closes), QLocale().dayName(weekday),
                 BookingRules::span(start, end, zone));
    return {};
}

} // namespace

BookingRules::BookingRules(const SettingsService &settings) : m_settings(settings)
{}

QTimeZone BookingRules::zone() const
{
    auto s = m_settings.load();
    return s ? s->zone() : QTimeZone::utc();
}

QString BookingRules::span(qint64 start, qint64 end, const QTimeZone &zone, const QLocale &locale)
{
    return DisplayFormat::span(QDateTime::fromSecsSinceEpoch(start, QTimeZone::utc()),
                               QDateTime::fromSecsSinceEpoch(end, QTimeZone::utc()), zone, locale);
}

Status BookingRules::validate(const BookingDraft &d)
{
    if (!d.space.isValid())
        return fail(Error::invalid(tr("choose a space"), QStringLiteral("space")));
    const QString title = d.title.simplified();
    if (title.isEmpty())
        return fail(Error::invalid(tr("a booking needs a title: say what it is for"), QStringLiteral("title")));
    if (auto ok = TextRules::name(d.title, QStringLiteral("title")); !ok)
        return ok;
    if (auto ok = TextRules::multiLine(d.notes, QStringLiteral("notes")); !ok)
        return ok;
    if (title.size() > MaxTitleLength)
        return fail(
            Error::invalid(tr("the title is longer than %1 characters").arg(MaxTitleLength), QStringLiteral("title")));
    if (d.member && !d.member->isValid())
        return fail(
            Error::invalid(tr("choose who is booking, or nobody for the hub's own use"), QStringLiteral("member")));
    if (d.attendees < 0)
        return fail(Error::invalid(tr("the number of attendees cannot be negative"), QStringLiteral("attendees")));
    if (!d.start.isValid())
        return fail(Error::invalid(tr("choose when the booking starts"), QStringLiteral("start")));
    if (!d.end.isValid())
        return fail(Error::invalid(tr("choose when the booking ends"), QStringLiteral("end")));
    if (d.end <= d.start)
        return fail(Error::invalid(tr("the booking must end after it starts"), QStringLiteral("end")));
    if (d.start.secsTo(d.end) > qint64(MaxBookingDays) * 86400)
        return fail(Error::invalid(tr("a booking lasts at most %1 days; book a series for longer").arg(MaxBookingDays),
                                   QStringLiteral("end")));
    if (d.notes.size() > MaxNotesLength)
        return fail(
            Error::invalid(tr("the notes are longer than %1 characters").arg(MaxNotesLength), QStringLiteral("notes")));
    if (d.repeat)
        if (auto ok = d.repeat->validate(d.start.toTimeZone(zoneOf(d)).date()); !ok)
            return ok;
    return {};
}

QTimeZone BookingRules::zoneOf(const BookingDraft &d)
{
    return d.start.timeSpec() == Qt::TimeZone ? d.start.timeZone() : QTimeZone::utc();
}

// The checks that hold for every date of a booking or series: the space is
// in use, the booker may book, and the people fit (or the override says why).
Result<Space> BookingRules::prepare(const QSqlDatabase &db, const BookingDraft &d)
{
    auto space = SpaceService::get(db, d.space);
    if (!space)
        return fail(space.error());
    if (!space->active)
        return fail(
            Error::refused(tr("%1 is not in use and cannot be booked").arg(space->name), QStringLiteral("space")));
    if (d.member) {
        Query q(db, QStringLiteral("SELECT display_name, status FROM members WHERE id = :id"));
        q.bind(QStringLiteral(":id"), d.member->value());
        if (auto ok = q.exec(); !ok)
            return fail(ok.error());
        if (!q.next())
            return fail(Error::notFound(tr("there is no member #%1").arg(d.member->value()), QStringLiteral("member")));
        if (q.value(1).toString() == QStringLiteral("left"))
            return fail(Error::refused(tr("%1 has left the hub and cannot book").arg(q.value(0).toString()),
                                       QStringLiteral("member")));
    }
    if (d.attendees > space->capacity && d.capacityOverride.trimmed().isEmpty())
        return fail(Error::refused(tr("%1 holds %2 people; %3 are expected. Give a reason to book it anyway.")
                                       .arg(space->name)
                                       .arg(space->capacity)
                                       .arg(d.attendees),
                                   QStringLiteral("attendees")));
    if (d.charge) {
        if (!d.member)
            return fail(Error::invalid(tr("a charge needs a booker whose account pays it"), QStringLiteral("charge")));
        if (!space->rate || space->rate->minor() == 0)
            return fail(
                Error::invalid(tr("%1 has no hourly rate to charge").arg(space->name), QStringLiteral("charge")));
    }
    return space;
}

// Why [start, end) of `space` cannot be booked, or nothing. Closed days
// first, then opening hours (unless overridden), then other live bookings
// once both sides' setup and clean-up times are added. `ignore` is the
// booking being moved, which never clashes with itself.
Result<std::optional<BookingRules::Problem>> BookingRules::problemWith(const QSqlDatabase &db, const Space &space,
                                                                       qint64 start, qint64 end, const QTimeZone &zone,
                                                                       bool hoursOverridden, BookingId ignore)
{
    const QDate first = QDateTime::fromSecsSinceEpoch(start, zone).date();
    const QDate last = QDateTime::fromSecsSinceEpoch(end - 1, zone).date();
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        auto closed = SpaceService::closureOn(db, space.id, day);
        if (!closed)
            return fail(closed.error());
        if (*closed && !hoursOverridden) {
            const QString why =
                (*closed)->reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg((*closed)->reason);
            const QString whole = (*closed)->space ? space.name : tr("The hub");
            return std::optional<Problem>(
                Problem{Problem::Kind::Closed,
                        tr("%1 is closed on %2%3.")
                            .arg(whole, QLocale().toString(day, QStringLiteral("ddd d MMM yyyy")), why)});
        }
    }
    if (!hoursOverridden) {
        const QString outside = outsideHours(space, start, end, zone);
        if (!outside.isEmpty())
            return std::optional<Problem>(Problem{Problem::Kind::Hours, outside});
    }
    // Each side keeps its setup time before and its clean-up time after, so
    // two bookings clash when [start − setup, end + clean-up) of both meet.
    // No booking is longer than MaxBookingDays, which bounds the index scan.
    const qint64 setup = qint64(space.setupMinutes) * 60;
    const qint64 cleanup = qint64(space.cleanupMinutes) * 60;
    const qint64 lo = start - setup - cleanup;
    Query clash(db, QStringLiteral("SELECT b.id, b.title, b.start_utc, b.end_utc, coalesce(m.display_name, ''), "
                                   "b.status FROM bookings b LEFT JOIN members m ON m.id = b.member_id "
                                   "WHERE b.space_id = :space AND b.start_utc < :hi AND b.start_utc > :earliest "
                                   "AND b.end_utc > :lo AND b.status IN ('tentative', 'confirmed') AND b.id <> :ignore "
                                   "ORDER BY b.start_utc LIMIT 1"));
    clash.bind(QStringLiteral(":space"), space.id.value())
        .bind(QStringLiteral(":hi"), end + cleanup + setup)
        .bind(QStringLiteral(":earliest"), lo - qint64(MaxBookingDays) * 86400)
        .bind(QStringLiteral(":lo"), lo)
        .bind(QStringLiteral(":ignore"), ignore.value());
    if (auto ok = clash.exec(); !ok)
        return fail(ok.error());
    if (!clash.next())
        return std::optional<Problem>();
    const QString who = clash.value(4).toString();
    const QString when = span(clash.value(2).toLongLong(), clash.value(3).toLongLong(), zone);
    const QString buffers = (setup || cleanup) ? tr(" (with %1 min setup and %2 min clean-up around each booking)")
                                                     .arg(space.setupMinutes)
                                                     .arg(space.cleanupMinutes)
                                               : QString();
    const QString message = who.isEmpty() ? tr("%1 is already booked for “%2” on %3 (booking #%4, %5)%6")
                                                .arg(space.name, clash.value(1).toString(), when,
                                                     clash.value(0).toString(), clash.value(5).toString(), buffers)
                                          : tr("%1 is already booked for “%2” on %3 by %4 (booking #%5, %6)%7")
                                                .arg(space.name, clash.value(1).toString(), when, who,
                                                     clash.value(0).toString(), clash.value(5).toString(), buffers);
    clash.raw().finish();
    return std::optional<Problem>(Problem{Problem::Kind::Clash, message});
}

// Whether a booking made with an hours override needed it, so the note is
// recorded only where it says something.
bool BookingRules::neededOverride(const QSqlDatabase &db, const Space &space, qint64 start, qint64 end,
                                  const QTimeZone &zone)
{
    auto p = problemWith(db, space, start, end, zone, false);
    return p && *p && (*p)->kind != Problem::Kind::Clash;
}

Error BookingRules::refusalFor(const Problem &p)
{
    switch (p.kind) {
    // Their own "where", so a form offers the reason field and hubctl names --outside-hours.
    case Problem::Kind::Closed:
        return Error::refused(p.message + u' ' + tr("Give a reason to book it anyway."),
                              QStringLiteral("outside-hours"));
    case Problem::Kind::Hours:
        return Error::refused(p.message + u' ' + tr("Give a reason to book outside the opening hours."),
                              QStringLiteral("outside-hours"));
    case Problem::Kind::Clash:
        break;
    }
    return Error::refused(p.message, QStringLiteral("start"));
}

} // namespace hub
