// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/icalendarimportrun.h"

#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/icalendarexporter.h"
#include "core/spaces/spaceservice.h"
#include "core/spaces/zoneresolver.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

namespace hub {

namespace {

using Outcome = CalendarImportEvent::Outcome;

QString dayText(QDate d)
{
    return d.toString(QStringLiteral("ddd d MMM yyyy"));
}

QString clipped(const QString &text, int max)
{
    return text.size() <= max ? text : text.left(max - 1) + QStringLiteral("…");
}

QDateTime atMinute(QDate d, int minute, const QTimeZone &zone)
{
    if (minute >= 24 * 60)
        return d.addDays(1).startOfDay(zone).toUTC();
    return QDateTime(d, QTime(minute / 60, minute % 60), zone).toUTC();
}

} // namespace

// An event's row in the report as read, before its plan.
CalendarImportEvent ICalendarImportRun::rowOf(const Parsed &p)
{
    CalendarImportEvent row;
    row.line = p.lines->begin;
    row.uid = p.uid;
    row.title = p.title;
    row.start = p.startUtc;
    row.end = p.endUtc;
    row.allDay = p.allDay();
    if (p.recurrenceId)
        row.changesDate = p.recurrenceId->date;
    return row;
}

// An all-day event books the space from opening to closing each day; a
// closed day is asked for whole, so the booking rules say it is closed.
// Days open round the clock run on into one booking, since two touching
// bookings would clash once the space's buffers are added.
QList<ICalendarImportRun::Span> ICalendarImportRun::allDaySpans(QDate first, int days, const Space &space,
                                                                const QTimeZone &zone)
{
    QList<Span> out;
    bool previousOpen = false;
    for (int i = 0; i < std::max(1, days); ++i) {
        const QDate d = first.addDays(i);
        const auto hours = space.hours.on(d.dayOfWeek());
        const DayHours h = hours.value_or(DayHours{});
        Span s{atMinute(d, h.opens, zone), atMinute(d, h.closes, zone), true};
        if (previousOpen && hours && !out.isEmpty() && out.last().end == s.start)
            out.last().end = s.end;
        else
            out << s;
        previousOpen = hours.has_value();
    }
    return out;
}

QString ICalendarImportRun::allDayPlan(const QList<Span> &spans, const Space &space, QDate first, const QTimeZone &zone)
{
    const auto hours = space.hours.on(first.dayOfWeek());
    QStringList parts;
    for (const Span &s : spans)
        parts << DisplayFormat::span(s.start, s.end, zone);
    const QString when =
        parts.size() <= 3 ? parts.join(QStringLiteral("; ")) : tr("%n bookings", nullptr, int(parts.size()));
    if (hours && hours->opens == 0 && hours->closes == 24 * 60)
        return tr("all day: %1 (the space is open all day)").arg(when);
    return tr("all day: %1 (the space's opening hours)").arg(when);
}

ICalendarImportRun::ICalendarImportRun(Hub &hub, bool dryRun, const ICalendarImporter::Progress &progress)
    : m_hub(hub), m_dryRun(dryRun), m_progress(progress)
{
    m_report.dryRun = dryRun;
}

Result<CalendarImportReport> ICalendarImportRun::run(const QByteArray &ics, SpaceId spaceId)
{
    auto lines = ICalendarLines::scan(ics);
    if (!lines)
        return fail(lines.error());
    if (auto ok = loadTarget(spaceId); !ok)
        return fail(ok.error());
    // The events' zones point into the libical tree, so it lives until the end.
    auto calendar = ICalendarComponents::read(*lines);
    if (!calendar)
        return fail(calendar.error());
    ReadEvents events = readEvents(*calendar);
    m_report.events = std::move(events.rows);
    m_parsed = std::move(events.parsed);
    m_series = linkSeries(m_parsed);

    // Everything is tried inside one transaction: the booking service's own
    // transactions nest as savepoints, so a refused event undoes only itself
    // while the others are still checked, and the whole import is undone
    // after a dry run or any refusal.
    auto tx = Transaction::begin(m_hub.database(), Transaction::Mode::Immediate);
    if (!tx)
        return fail(tx.error());
    m_db = tx->connection();
    if (auto ok = readKnownUids(); !ok)
        return fail(ok.error());
    if (auto ok = planEvents(); !ok)
        return fail(ok.error());
    return apply(*tx);
}

Status ICalendarImportRun::loadTarget(SpaceId spaceId)
{
    auto settings = m_hub.settings().load();
    if (!settings)
        return fail(settings.error());
    m_settings = *settings;
    m_zone = settings->zone();
    auto space = m_hub.spaces().get(spaceId);
    if (!space)
        return fail(space.error());
    m_spaceId = spaceId;
    m_space = *space;
    return {};
}

ICalendarImportRun::ReadEvents ICalendarImportRun::readEvents(const ICalendarComponents &calendar) const
{
    const ZoneResolver zones(calendar.root(), m_zone);
    ReadEvents out;
    int index = 0;
    for (const ICalendarComponents::Part &part : calendar.parts()) {
        if (icalcomponent_isa(part.ical) != ICAL_VEVENT_COMPONENT)
            continue;
        const Parsed p = readEvent(part.ical, *part.lines, index++, zones);
        out.rows << rowOf(p);
        out.parsed << p;
    }
    return out;
}

ICalendarImportRun::Parsed ICalendarImportRun::readEvent(icalcomponent *ev, const ICalendarLines::Component &at,
                                                         int index, const ZoneResolver &zones) const
{
    Parsed p;
    p.row = index;
    p.lines = &at;
    p.uid = ical::valueText(icalcomponent_get_first_property(ev, ICAL_UID_PROPERTY)).trimmed();
    const QString summary = ical::valueText(icalcomponent_get_first_property(ev, ICAL_SUMMARY_PROPERTY)).simplified();
    p.title = clipped(summary.isEmpty() ? tr("Untitled event") : summary, BookingService::MaxTitleLength);
    p.notes = clipped(ical::valueText(icalcomponent_get_first_property(ev, ICAL_DESCRIPTION_PROPERTY)).trimmed(),
                      BookingService::MaxNotesLength);
    if (icalproperty *status = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY)) {
        p.cancelled = icalproperty_get_status(status) == ICAL_STATUS_CANCELLED;
        p.tentative = icalproperty_get_status(status) == ICAL_STATUS_TENTATIVE;
    }
    if (const auto e = ICalendarComponents::unread({ev, &at}))
        p.unreadable(tr("libical could not read part of this event: %1").arg(e->what), e->line);
    readTimes(p, ev, zones);
    readRecurrence(p, ev, zones);
    return p;
}

std::optional<EventTime> ICalendarImportRun::readWhen(Parsed &p, const ZoneResolver &zones, icalproperty *prop,
                                                      icaltimetype tt, const QString &name, int line) const
{
    EventTime w;
    w.isDate = tt.is_date;
    w.date = QDate(tt.year, tt.month, tt.day);
    w.time = tt.is_date ? QTime(0, 0) : QTime(tt.hour, tt.minute, tt.second);
    if (!w.date.isValid() || !w.time.isValid()) {
        p.unreadable(tr("%1 is not a date").arg(name), line);
        return std::nullopt;
    }
    const QString tzid = ical::parameter(prop, ICAL_TZID_PARAMETER);
    if (icaltime_is_utc(tt)) {
        w.zone = zones.utc();
    } else if (tt.is_date || tzid.isEmpty()) {
        w.zone = zones.floating();
    } else if (auto z = zones.resolve(tzid)) {
        w.zone = *z;
    } else {
        p.unreadable(
            tr("%1 is in the time zone “%2”, which neither this computer nor the file defines").arg(name, tzid), line);
        return std::nullopt;
    }
    return w;
}

void ICalendarImportRun::readTimes(Parsed &p, icalcomponent *ev, const ZoneResolver &zones) const
{
    const ICalendarLines::Component &at = *p.lines;
    icalproperty *dtstart = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    const int startLine = at.lineOf(QStringLiteral("DTSTART"));
    if (!dtstart) {
        p.unreadable(tr("the event has no start (DTSTART)"), at.begin);
        return;
    }
    const auto w = readWhen(p, zones, dtstart, icalproperty_get_dtstart(dtstart), QStringLiteral("DTSTART"), startLine);
    if (!w)
        return;
    p.start = *w;
    p.startUtc = w->utc();
    icalproperty *dtend = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
    icalproperty *duration = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY);
    const int endLine = at.lineOf(QStringLiteral("DTEND"));
    if (p.allDay()) {
        readAllDayEnd(p, dtend, duration, endLine);
    } else if (dtend) {
        if (auto e = readWhen(p, zones, dtend, icalproperty_get_dtend(dtend), QStringLiteral("DTEND"), endLine)) {
            p.endUtc = e->isDate ? e->date.startOfDay(m_zone).toUTC() : e->utc();
            if (p.endUtc <= p.startUtc)
                p.unreadable(tr("the event ends (DTEND) before it starts"), endLine);
        }
    } else if (duration) {
        const int secs = icaldurationtype_as_int(icalproperty_get_duration(duration));
        p.endUtc = p.startUtc.addSecs(secs);
        if (secs <= 0)
            p.unreadable(tr("the event's DURATION is not a length of time"), at.lineOf(QStringLiteral("DURATION")));
    } else {
        p.unreadable(tr("the event has no end (DTEND or DURATION); a space is booked for a length of time"), startLine);
    }
}

void ICalendarImportRun::readAllDayEnd(Parsed &p, icalproperty *dtend, icalproperty *duration, int endLine) const
{
    // DATE ends are exclusive: an event on the 14th ends on the 15th.
    int days = 1;
    if (dtend) {
        const icaltimetype e = icalproperty_get_dtend(dtend);
        days = int(p.start.date.daysTo(QDate(e.year, e.month, e.day)));
    } else if (duration) {
        days = icaldurationtype_as_int(icalproperty_get_duration(duration)) / 86400;
    }
    if (days < 1) {
        if (dtend)
            p.unreadable(tr("the event ends (DTEND) before it starts"), endLine);
        days = 1;
    }
    p.allDayCount = days;
    p.endUtc = p.start.date.addDays(days).startOfDay(m_zone).toUTC();
}

void ICalendarImportRun::readRecurrence(Parsed &p, icalcomponent *ev, const ZoneResolver &zones) const
{
    const ICalendarLines::Component &at = *p.lines;
    if (icalproperty *rrule = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY)) {
        p.rrule = ical::valueText(rrule);
        if (icalcomponent_get_next_property(ev, ICAL_RRULE_PROPERTY))
            p.unreadable(tr("the event has more than one RRULE"), at.lineOf(QStringLiteral("RRULE"), 1));
    }
    int exdateNo = 0;
    for (icalproperty *ex = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY); ex;
         ex = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY), ++exdateNo) {
        const int line = at.lineOf(QStringLiteral("EXDATE"), exdateNo);
        if (auto w = readWhen(p, zones, ex, icalproperty_get_exdate(ex), QStringLiteral("EXDATE"),
                              line ? line : at.lineOf(QStringLiteral("EXDATE"))))
            p.exdates << *w;
    }
    if (icalproperty *rid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY))
        p.recurrenceId = readWhen(p, zones, rid, icalproperty_get_recurrenceid(rid), QStringLiteral("RECURRENCE-ID"),
                                  at.lineOf(QStringLiteral("RECURRENCE-ID")));
}

ICalendarImportRun::SeriesLinks ICalendarImportRun::linkSeries(const QList<Parsed> &parsed)
{
    SeriesLinks links;
    // Masters of repeating events by UID, so their overrides find them.
    for (const Parsed &p : parsed)
        if (p.repeats() && !p.recurrenceId && !p.uid.isEmpty() && !links.masters.contains(p.uid))
            links.masters.insert(p.uid, p.row);
    for (const Parsed &p : parsed)
        if (p.recurrenceId && !p.repeats() && links.masters.contains(p.uid))
            links.overridesOf[links.masters.value(p.uid)] << p.row;
    for (const QList<int> &list : std::as_const(links.overridesOf))
        for (int o : list)
            links.withMaster.insert(o);
    return links;
}

// UIDs already in the hub: imported ones, and the ones our exports make.
Status ICalendarImportRun::readKnownUids()
{
    Query q(m_db, QStringLiteral("SELECT b.uid, b.id, s.name FROM bookings b JOIN spaces s ON s.id = b.space_id "
                                 "WHERE b.uid <> '' AND b.status <> 'cancelled' ORDER BY b.start_utc DESC"));
    if (auto ok = q.exec(); !ok)
        return fail(ok.error());
    while (q.next())
        m_known.insert(q.value(0).toString(), tr("booking #%1 (%2)").arg(q.value(1).toString(), q.value(2).toString()));
    return {};
}

// What each event becomes is only known by booking it: the booking rules
// (clashes, opening hours, closed days) see the events of the file booked
// before it, inside the one transaction.
Status ICalendarImportRun::planEvents()
{
    const int total = int(m_parsed.size());
    for (int i = 0; i < total; ++i) {
        if (auto ok = planEvent(i); !ok)
            return fail(ok.error());
        if (m_progress && !m_progress(i + 1, total))
            return fail(Error::refused(tr("The import was cancelled; nothing was written.")));
    }
    skipOrphanOverrides();
    return {};
}

Status ICalendarImportRun::planEvent(int i)
{
    const Parsed &p = m_parsed.at(i);
    CalendarImportEvent &row = m_report.events[i];
    if (!p.problem.isEmpty()) {
        row.outcome = Outcome::Unreadable;
        row.problem = p.problem;
        row.problemLine = p.problemLine ? p.problemLine : row.line;
    } else if (p.cancelled && !m_series.withMaster.contains(i)) {
        row.outcome = Outcome::Skipped;
        row.problem = tr("cancelled in the file (STATUS:CANCELLED)");
        row.problemLine = p.lines->lineOf(QStringLiteral("STATUS"));
    } else if (const QString there = alreadyThere(p.uid); !there.isEmpty()) {
        row.outcome = Outcome::AlreadyThere;
        row.problem = tr("already in the hub as %1").arg(there);
        for (int o : m_series.overridesOf.value(i)) {
            m_report.events[o].outcome = Outcome::AlreadyThere;
            m_report.events[o].problem = row.problem;
        }
    } else if (m_series.withMaster.contains(i)) {
        // Booked with its series.
    } else if (p.repeats()) {
        if (auto ok = bookRepeating(p); !ok)
            return fail(ok.error());
    } else if (p.allDay()) {
        const QList<Span> spans = allDaySpans(p.start.date, p.allDayCount, m_space, m_zone);
        row.plan = allDayPlan(spans, m_space, p.start.date, m_zone);
        if (auto ok = bookSpans(row, p, spans, false); !ok)
            return fail(ok.error());
    } else {
        row.plan = tr("one booking, %1").arg(DisplayFormat::span(p.startUtc, p.endUtc, m_zone));
        if (auto ok = bookSpans(row, p, {Span{p.startUtc, p.endUtc, false}}, false); !ok)
            return fail(ok.error());
    }
    return {};
}

QString ICalendarImportRun::alreadyThere(const QString &uid) const
{
    if (uid.isEmpty())
        return {};
    if (m_known.contains(uid))
        return m_known.value(uid);
    // An event this hub exported: "booking-12@riverside-hub.hubkeeper".
    const QString host = ICalendarExporter::bookingUid(BookingId(1), m_settings.name).section(u'@', 1);
    if (uid.section(u'@', 1) != host)
        return {};
    const QString local = uid.section(u'@', 0, 0);
    bool ok = false;
    if (local.startsWith(QStringLiteral("booking-"))) {
        const qint64 id = local.mid(8).toLongLong(&ok);
        if (auto b = ok ? m_hub.bookings().get(BookingId(id)) : Result<Booking>(fail(Error::notFound({})));
            b && b->isLive())
            return tr("booking #%1 (%2)").arg(QString::number(id), b->spaceName);
    } else if (local.startsWith(QStringLiteral("series-"))) {
        const qint64 id = local.mid(7).toLongLong(&ok);
        if (ok && m_hub.bookings().series(SeriesId(id)))
            return tr("series #%1").arg(id);
    }
    return {};
}

Status ICalendarImportRun::bookRepeating(const Parsed &p)
{
    CalendarImportEvent &row = m_report.events[p.row];
    const int rruleLine = p.lines->lineOf(QStringLiteral("RRULE"));
    const auto plan = planSeries(p);
    if (!plan) {
        row.outcome = Outcome::Unreadable;
        row.problem = plan.error().message;
        row.problemLine = rruleLine ? rruleLine : row.line;
        return {};
    }
    if (plan->recurrence)
        return bookSeries(p, *plan);
    return bookDateByDate(p, *plan);
}

Result<ICalendarImportRun::SeriesPlan> ICalendarImportRun::planSeries(const Parsed &p) const
{
    SeriesPlan plan;
    // An open-ended rule is booked for a year ahead, and the plan says so.
    const icalrecurrencetype rule = icalrecurrencetype_from_string(p.rrule.toUtf8().constData());
    const bool endless = rule.count == 0 && icaltime_is_null_time(rule.until);
    const QDate today = m_hub.clock().now().toTimeZone(m_zone).date();
    const QDate horizon = std::max(today, p.start.date).addYears(1);
    const QDateTime firstLocal(p.start.date, p.start.time, p.start.zone.qt.isValid() ? p.start.zone.qt : m_zone);
    auto dates = Recurrence::expand(p.rrule, firstLocal, {}, endless ? horizon : QDate());
    if (!dates)
        return fail(dates.error());
    plan.dates = *dates;
    for (const EventTime &w : p.exdates)
        plan.excluded.insert(w.dateIn(p.start.zone));
    for (int o : m_series.overridesOf.value(p.row))
        plan.moved.insert(m_parsed.at(o).recurrenceId->dateIn(p.start.zone), o);
    plan.endlessNote =
        endless ? tr("; it repeats without end, so the dates up to %1 are booked").arg(dayText(horizon)) : QString();
    plan.exNote =
        plan.excluded.isEmpty() ? QString() : tr("; %n date(s) left out (EXDATE)", nullptr, int(plan.excluded.size()));

    // A series needs times in the hub's zone (its dates are computed there)
    // and a rule Hubkeeper can edit.
    if (p.allDay()) {
        plan.whySingles = tr("all-day dates follow each day's opening hours");
    } else if (!p.start.zone.sameAs(m_zone)) {
        plan.whySingles = tr("its times are in %1, not the hub's zone").arg(p.start.zone.name);
    } else if (auto r = Recurrence::fromRRule(p.rrule); !r) {
        plan.whySingles = r.error().message;
    } else {
        plan.recurrence = *r;
        if (endless) {
            plan.recurrence->count = 0;
            plan.recurrence->until = horizon;
        }
    }
    return plan;
}

Status ICalendarImportRun::bookSeries(const Parsed &p, const SeriesPlan &plan)
{
    CalendarImportEvent &row = m_report.events[p.row];
    BookingService &bookings = m_hub.bookings();
    BookingDraft d = draftOf(p);
    d.start = p.startUtc;
    d.end = p.endUtc;
    d.repeat = plan.recurrence;
    auto outcome = bookings.bookSeries(d);
    if (!outcome && outcome.error().kind == ErrorKind::Refused) {
        // Dates the file leaves out or moves may clash without harm.
        auto preview = bookings.preview(d);
        bool harmless = bool(preview);
        if (preview)
            for (const SeriesOccurrence &o : std::as_const(*preview))
                if (!o.problem.isEmpty() && !plan.excluded.contains(o.date) && !plan.moved.contains(o.date))
                    harmless = false;
        if (harmless) {
            d.skipClashes = true;
            outcome = bookings.bookSeries(d);
        }
    }
    if (!outcome) {
        if (outcome.error().kind == ErrorKind::Storage)
            return fail(outcome.error());
        row.outcome = Outcome::Refused;
        row.problem = outcome.error().message;
        row.problemLine = p.lines->lineOf(QStringLiteral("DTSTART"));
    } else if (auto ok = keepSeriesBookings(row, p, plan, *outcome); !ok) {
        return fail(ok.error());
    }
    // Overrides: each date becomes an exception of the stored series.
    const std::optional<SeriesId> series = outcome ? outcome->series : std::nullopt;
    for (int o : m_series.overridesOf.value(p.row))
        if (auto ok = bookException(row, p, o, series); !ok)
            return fail(ok.error());
    return {};
}

// The series is stored: the file's UID goes on every date, its EXDATEs are
// cancelled, and the row counts what is left.
Status ICalendarImportRun::keepSeriesBookings(CalendarImportEvent &row, const Parsed &p, const SeriesPlan &plan,
                                              const SeriesOutcome &outcome)
{
    BookingService &bookings = m_hub.bookings();
    QHash<QDate, Booking> byDate;
    if (outcome.series) {
        auto occurrences = bookings.occurrences(*outcome.series);
        if (!occurrences)
            return fail(occurrences.error());
        for (const Booking &b : std::as_const(*occurrences))
            byDate.insert(b.occurrence, b);
    } else {
        for (const Booking &b : std::as_const(outcome.booked))
            byDate.insert(b.occurrence, b);
    }
    for (const Booking &b : std::as_const(byDate))
        if (auto ok = keepUid(b, p.uid); !ok)
            return fail(ok.error());
    for (const QDate &day : std::as_const(plan.excluded)) {
        const auto it = byDate.constFind(day);
        if (it == byDate.constEnd() || !it->isLive())
            continue;
        auto cancelled = bookings.cancel(it->id, CancelScope::Occurrence);
        if (!cancelled)
            return fail(cancelled.error());
    }
    for (const Booking &b : std::as_const(byDate))
        if (b.isLive() && !plan.excluded.contains(b.occurrence)) {
            row.booked << b.id;
            ++row.bookings;
        }
    QString words = plan.recurrence->describe(p.start.time);
    if (!words.isEmpty())
        words[0] = words.at(0).toLower();
    row.plan = tr("a series of %n booking(s): %1", nullptr, row.bookings).arg(words) + plan.exNote + plan.endlessNote;
    return {};
}

// One override of a stored series: its date is left out, moved, or (when the
// series has no such date) booked on its own.
Status ICalendarImportRun::bookException(CalendarImportEvent &row, const Parsed &p, int o,
                                         const std::optional<SeriesId> &series)
{
    BookingService &bookings = m_hub.bookings();
    const Parsed &op = m_parsed.at(o);
    CalendarImportEvent &orow = m_report.events[o];
    const QDate day = op.recurrenceId->dateIn(p.start.zone);
    if (!op.problem.isEmpty())
        return {};
    if (row.outcome != Outcome::Book) {
        orow.outcome = Outcome::Skipped;
        orow.problem = tr("its series (line %1) is not booked").arg(row.line);
        return {};
    }
    QList<Booking> occurrences;
    if (auto all = bookings.occurrences(*series))
        occurrences = *all;
    const auto it =
        std::find_if(occurrences.cbegin(), occurrences.cend(), [day](const Booking &b) { return b.occurrence == day; });
    if (op.cancelled) {
        orow.plan = tr("leaves the %1 date of the series on line %2 out").arg(dayText(day)).arg(row.line);
        if (it != occurrences.cend() && it->isLive()) {
            if (auto c = bookings.cancel(it->id, CancelScope::Occurrence); !c)
                return fail(c.error());
            --row.bookings;
            row.booked.removeAll(it->id);
        }
        return {};
    }
    const QList<Span> spans = ownSpans(op);
    if (it != occurrences.cend() && it->isLive()) {
        BookingDraft od = draftOf(op);
        od.start = spans.first().start;
        od.end = spans.first().end;
        auto edited = bookings.edit(it->id, od);
        if (!edited) {
            if (edited.error().kind == ErrorKind::Storage)
                return fail(edited.error());
            orow.outcome = Outcome::Refused;
            orow.problem = edited.error().message;
            orow.problemLine = op.lines->lineOf(QStringLiteral("DTSTART"));
            return {};
        }
        orow.plan = tr("moves the %1 date of the series on line %2 to %3")
                        .arg(dayText(day))
                        .arg(row.line)
                        .arg(DisplayFormat::span(od.start, od.end, m_zone));
        orow.booked << edited->id;
        return {};
    }
    orow.plan = tr("books the %1 date of the series on line %2 on its own, %3")
                    .arg(dayText(day))
                    .arg(row.line)
                    .arg(DisplayFormat::span(spans.first().start, spans.first().end, m_zone));
    return bookSpans(orow, op, spans, false);
}

// Date by date: every date is an ordinary booking with the file's UID.
Status ICalendarImportRun::bookDateByDate(const Parsed &p, const SeriesPlan &plan)
{
    CalendarImportEvent &row = m_report.events[p.row];
    QList<Span> spans;
    for (const QDate &day : std::as_const(plan.dates))
        if (!plan.excluded.contains(day) && !plan.moved.contains(day))
            spans << spansOf(p, day);
    if (auto ok = bookSpans(row, p, spans, true); !ok)
        return fail(ok.error());
    row.plan = tr("%n separate booking(s), since %1", nullptr, int(spans.size())).arg(plan.whySingles) + plan.exNote +
               plan.endlessNote;
    for (int o : m_series.overridesOf.value(p.row)) {
        const Parsed &op = m_parsed.at(o);
        CalendarImportEvent &orow = m_report.events[o];
        if (!op.problem.isEmpty())
            continue;
        const QDate day = op.recurrenceId->dateIn(p.start.zone);
        if (op.cancelled) {
            orow.plan = tr("leaves the %1 date of the series on line %2 out").arg(dayText(day)).arg(row.line);
            continue;
        }
        orow.plan = tr("books the %1 date of the series on line %2 at its own time").arg(dayText(day)).arg(row.line);
        if (auto ok = bookSpans(orow, op, ownSpans(op), false); !ok)
            return fail(ok.error());
    }
    return {};
}

// Overrides whose series was not booked (unreadable, cancelled, refused).
void ICalendarImportRun::skipOrphanOverrides()
{
    for (int o : std::as_const(m_series.withMaster)) {
        CalendarImportEvent &row = m_report.events[o];
        if (row.outcome == Outcome::Book && row.plan.isEmpty()) {
            row.outcome = Outcome::Skipped;
            row.problem = tr("its series (line %1) is not booked")
                              .arg(m_report.events.at(m_series.masters.value(m_parsed.at(o).uid)).line);
        }
    }
}

// Stores the file's UID with each booking, so a second import finds it.
Status ICalendarImportRun::keepUid(const Booking &b, const QString &uid) const
{
    if (uid.isEmpty() || b.uid == uid)
        return {};
    Query q(m_db, QStringLiteral("UPDATE bookings SET uid = :uid WHERE id = :id"));
    q.bind(QStringLiteral(":uid"), uid).bind(QStringLiteral(":id"), b.id.value());
    return q.exec();
}

BookingDraft ICalendarImportRun::draftOf(const Parsed &p) const
{
    BookingDraft d;
    d.space = m_spaceId;
    d.title = p.title;
    d.notes = p.notes;
    d.tentative = p.tentative;
    d.uid = p.uid;
    return d;
}

// Books one span; refusals go back as text, storage trouble stops the import.
Result<ICalendarImportRun::Booked> ICalendarImportRun::bookSpan(BookingDraft d, const Span &s)
{
    d.start = s.start;
    d.end = s.end;
    // Only an all-day event over days the space is open round the clock
    // runs across midnight; the booking rules want that said and recorded.
    if (s.allDay && s.end > s.start.toTimeZone(m_zone).date().addDays(1).startOfDay(m_zone))
        d.outsideHoursOverride = tr("All-day event over several days, imported from a calendar file; the space "
                                    "is open round the clock.");
    auto b = m_hub.bookings().book(d);
    if (!b) {
        if (b.error().kind == ErrorKind::Storage)
            return fail(b.error());
        return Booked{std::nullopt, b.error().message};
    }
    if (auto ok = keepUid(*b, d.uid); !ok)
        return fail(ok.error());
    return Booked{*b, {}};
}

// Books spans one by one, collecting every refusal with its date.
Status ICalendarImportRun::bookSpans(CalendarImportEvent &row, const Parsed &p, const QList<Span> &spans,
                                     bool withDates)
{
    QStringList refusals;
    for (const Span &s : spans) {
        auto b = bookSpan(draftOf(p), s);
        if (!b)
            return fail(b.error());
        if (b->booking) {
            row.booked << b->booking->id;
            ++row.bookings;
        } else {
            refusals << (withDates ? tr("%1: %2").arg(dayText(s.start.toTimeZone(m_zone).date()), b->refusal)
                                   : b->refusal);
        }
    }
    if (!refusals.isEmpty()) {
        row.outcome = Outcome::Refused;
        row.problem = refusals.join(u'\n');
        row.problemLine = p.lines->lineOf(QStringLiteral("DTSTART"));
        if (!row.problemLine)
            row.problemLine = row.line;
    }
    return {};
}

QList<ICalendarImportRun::Span> ICalendarImportRun::spansOf(const Parsed &p, QDate localDate) const
{
    if (p.allDay())
        return allDaySpans(localDate, p.allDayCount, m_space, m_zone);
    const QDateTime s = p.start.zone.toUtc(localDate, p.start.time);
    return {Span{s, s.addSecs(p.startUtc.secsTo(p.endUtc)), false}};
}

// An event's own times: an override, or a single event.
QList<ICalendarImportRun::Span> ICalendarImportRun::ownSpans(const Parsed &p) const
{
    if (p.allDay())
        return allDaySpans(p.start.date, p.allDayCount, m_space, m_zone);
    return {Span{p.startUtc, p.endUtc, false}};
}

Result<CalendarImportReport> ICalendarImportRun::apply(Transaction &tx)
{
    if (m_dryRun || !m_report.ok()) {
        tx.rollback();
        // Ids from a rolled-back transaction name nothing.
        for (CalendarImportEvent &e : m_report.events)
            e.booked.clear();
        return m_report;
    }
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    m_report.written = true;
    return m_report;
}

} // namespace hub
