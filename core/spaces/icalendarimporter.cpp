// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/icalendarimporter.h"

#include "core/common/displayformat.h"
#include "core/hub.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/icalendarexporter.h"
#include "core/spaces/icalendarlines.h"
#include "core/spaces/icalendarvalues.h"
#include "core/spaces/recurrence.h"
#include "core/spaces/spaceservice.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <optional>

namespace hub {

namespace {

using Outcome = CalendarImportEvent::Outcome;

// Where an event's wall-clock times are: a zone Qt knows (IANA or Windows
// name, UTC, or the hub's zone for floating times), or a VTIMEZONE that only
// the file defines, which libical converts.
struct EventZone
{
    QTimeZone qt;
    icaltimezone *file = nullptr;
    QString name;
    bool floating = false;

    QDateTime toUtc(QDate d, QTime t) const
    {
        if (file) {
            icaltimetype tt = ical::wallClock(QDateTime(d, t));
            return QDateTime::fromSecsSinceEpoch(icaltime_as_timet_with_zone(tt, file), QTimeZone::utc());
        }
        return QDateTime(d, t, qt).toUTC();
    }
    QDateTime toLocal(const QDateTime &utc) const
    {
        if (file)
            return ical::wallClockOf(
                icaltime_from_timet_with_zone(static_cast<time_t>(utc.toSecsSinceEpoch()), 0, file));
        const QDateTime local = utc.toTimeZone(qt);
        return QDateTime(local.date(), local.time());
    }
    bool sameAs(const QTimeZone &zone) const { return !file && (floating || qt.id() == zone.id()); }
};

// A DATE or DATE-TIME value with its zone.
struct When
{
    QDate date;
    QTime time;
    bool isDate = false;
    EventZone zone;
    QDateTime utc() const { return zone.toUtc(date, isDate ? QTime(0, 0) : time); }
    // Its local date where the series lives, for EXDATE and RECURRENCE-ID.
    QDate dateIn(const EventZone &other) const { return isDate ? date : other.toLocal(utc()).date(); }
};

class ZoneResolver
{
public:
    ZoneResolver(icalcomponent *calendar, const QTimeZone &hub) : m_calendar(calendar), m_hub(hub) {}

    std::optional<EventZone> resolve(const QString &tzid) const
    {
        EventZone z;
        z.name = tzid;
        const QByteArray id = tzid.trimmed().toUtf8();
        if (QTimeZone::isTimeZoneIdAvailable(id)) {
            z.qt = QTimeZone(id);
            return z;
        }
        // "/freeassociation.sourceforge.net/Europe/London", "/mozilla.org/20050126_1/America/New_York".
        const QList<QByteArray> parts = id.split('/');
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray tail = parts.mid(i).join('/');
            if (tail.contains('/') && QTimeZone::isTimeZoneIdAvailable(tail)) {
                z.qt = QTimeZone(tail);
                return z;
            }
        }
        // Outlook writes Windows names: "GMT Standard Time".
        const QByteArray iana = QTimeZone::windowsIdToDefaultIanaId(id);
        if (!iana.isEmpty() && QTimeZone::isTimeZoneIdAvailable(iana)) {
            z.qt = QTimeZone(iana);
            return z;
        }
        if (icaltimezone *own = icalcomponent_get_timezone(m_calendar, id.constData())) {
            const char *location = icaltimezone_get_location(own);
            if (location && QTimeZone::isTimeZoneIdAvailable(QByteArray(location))) {
                z.qt = QTimeZone(QByteArray(location));
                return z;
            }
            z.file = own;
            return z;
        }
        return std::nullopt;
    }

    EventZone floating() const
    {
        EventZone z;
        z.qt = m_hub;
        z.floating = true;
        z.name = QString::fromUtf8(m_hub.id());
        return z;
    }

    EventZone utc() const
    {
        EventZone z;
        z.qt = QTimeZone::utc();
        z.name = QStringLiteral("UTC");
        return z;
    }

private:
    icalcomponent *m_calendar;
    QTimeZone m_hub;
};

// One VEVENT as read, before anything is booked.
struct Parsed
{
    int row = 0; // index in the report
    const ICalendarLines::Component *lines = nullptr;
    QString uid;
    QString title;
    QString notes;
    bool cancelled = false;
    bool tentative = false;
    When start;
    QDateTime startUtc;
    QDateTime endUtc;
    int allDayCount = 0; // days of an all-day event
    QString rrule;
    QList<When> exdates;
    std::optional<When> recurrenceId;
    QString problem;
    int problemLine = 0;

    bool allDay() const { return start.isDate; }
    bool repeats() const { return !rrule.isEmpty(); }
    // The first problem found is the one reported; reading goes on only to
    // fill in the rest of the row.
    void unreadable(const QString &why, int line)
    {
        if (problem.isEmpty()) {
            problem = why;
            problemLine = line;
        }
    }
};

QString dayText(QDate d)
{
    return d.toString(QStringLiteral("ddd d MMM yyyy"));
}

QString clipped(const QString &text, int max)
{
    return text.size() <= max ? text : text.left(max - 1) + QStringLiteral("…");
}

struct Span
{
    QDateTime start; // UTC
    QDateTime end;
    bool allDay = false;
};

QDateTime atMinute(QDate d, int minute, const QTimeZone &zone)
{
    if (minute >= 24 * 60)
        return d.addDays(1).startOfDay(zone).toUTC();
    return QDateTime(d, QTime(minute / 60, minute % 60), zone).toUTC();
}

// An all-day event books the space from opening to closing each day; a
// closed day is asked for whole, so the booking rules say it is closed.
// Days open round the clock run on into one booking, since two touching
// bookings would clash once the space's buffers are added.
QList<Span> allDaySpans(QDate first, int days, const Space &space, const QTimeZone &zone)
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

QString allDayPlan(const QList<Span> &spans, const Space &space, QDate first, const QTimeZone &zone)
{
    const auto hours = space.hours.on(first.dayOfWeek());
    QStringList parts;
    for (const Span &s : spans)
        parts << DisplayFormat::span(s.start, s.end, zone);
    const QString when = parts.size() <= 3 ? parts.join(QStringLiteral("; "))
                                           : ICalendarImporter::tr("%n bookings", nullptr, int(parts.size()));
    if (hours && hours->opens == 0 && hours->closes == 24 * 60)
        return ICalendarImporter::tr("all day: %1 (the space is open all day)").arg(when);
    return ICalendarImporter::tr("all day: %1 (the space's opening hours)").arg(when);
}

// libical marks what it could not read with X-LIC-ERROR and goes on.
QString firstError(icalcomponent *c)
{
    icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
    return p ? QString::fromUtf8(icalproperty_get_xlicerror(p)) : QString();
}

int lineOfError(const ICalendarLines::Component &c, const QString &error)
{
    // libical ends its messages with the text it stumbled on.
    const qsizetype colon = error.lastIndexOf(QStringLiteral(": "));
    const int line = colon < 0 ? 0 : c.lineContaining(error.mid(colon + 2));
    return line ? line : c.begin;
}

// An event's row in the report as read, before its plan.
CalendarImportEvent rowOf(const Parsed &p)
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

// Every VEVENT of the file, in file order: its report row and what it says.
struct ReadEvents
{
    QList<CalendarImportEvent> rows;
    QList<Parsed> parsed;
};

// The repeating events of the file and the RECURRENCE-ID overrides that
// change single dates of them, which are booked with their series.
struct SeriesLinks
{
    QHash<QString, int> masters;        // UID → row of the repeating event
    QHash<int, QList<int>> overridesOf; // row of a repeating event → rows of its overrides
    QSet<int> withMaster;               // every override that has its repeating event
};

// What a repeating event's rule gives, before anything is booked.
struct SeriesPlan
{
    QList<QDate> dates; // every date of the rule, local
    QSet<QDate> excluded;
    QHash<QDate, int> moved; // date → override row
    QString endlessNote;
    QString exNote;
    std::optional<Recurrence> recurrence; // set when it is stored as a series
    QString whySingles;                   // otherwise, why it is booked date by date
};

} // namespace

QString CalendarImportEvent::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Book:
        return QStringLiteral("book");
    case Outcome::AlreadyThere:
        return QStringLiteral("already-there");
    case Outcome::Skipped:
        return QStringLiteral("skipped");
    case Outcome::Refused:
        return QStringLiteral("refused");
    case Outcome::Unreadable:
        return QStringLiteral("unreadable");
    }
    return QStringLiteral("book");
}

int CalendarImportReport::bookings() const
{
    int n = 0;
    for (const CalendarImportEvent &e : events)
        if (e.outcome == CalendarImportEvent::Outcome::Book)
            n += e.bookings;
    return n;
}

int CalendarImportReport::count(CalendarImportEvent::Outcome outcome) const
{
    return int(std::count_if(events.cbegin(), events.cend(),
                             [outcome](const CalendarImportEvent &e) { return e.outcome == outcome; }));
}

bool CalendarImportReport::ok() const
{
    return std::none_of(events.cbegin(), events.cend(), [](const CalendarImportEvent &e) { return e.blocks(); });
}

int CalendarImportReport::exitCode() const
{
    if (count(CalendarImportEvent::Outcome::Unreadable) > 0)
        return int(ErrorKind::Invalid);
    if (count(CalendarImportEvent::Outcome::Refused) > 0)
        return int(ErrorKind::Refused);
    return 0;
}

ICalendarImporter::ICalendarImporter(Hub &hub) : m_hub(hub)
{}

class ICalendarImporter::Run
{
    Q_DECLARE_TR_FUNCTIONS(hub::ICalendarImporter)
public:
    Run(Hub &hub, bool dryRun, const Progress &progress);
    Result<CalendarImportReport> run(const QByteArray &ics, SpaceId spaceId);

private:
    // Stages, in the order run() calls them.
    Status loadTarget(SpaceId spaceId);
    Result<IcalComponentPtr> parseCalendar(const ICalendarLines &lines) const;
    Status checkTimeZones(icalcomponent *calendar, const ICalendarLines::Component &at) const;
    ReadEvents readEvents(const ICalendarLines &lines, icalcomponent *calendar) const;
    static SeriesLinks linkSeries(const QList<Parsed> &parsed);
    Status readKnownUids();
    Status planEvents();
    Result<CalendarImportReport> apply(Transaction &tx);

    // Parsing one VEVENT.
    Parsed readEvent(icalcomponent *ev, const ICalendarLines::Component &at, int index,
                     const ZoneResolver &zones) const;
    std::optional<When> readWhen(Parsed &p, const ZoneResolver &zones, icalproperty *prop, icaltimetype tt,
                                 const QString &name, int line) const;
    void readTimes(Parsed &p, icalcomponent *ev, const ZoneResolver &zones) const;
    void readAllDayEnd(Parsed &p, icalproperty *dtend, icalproperty *duration, int endLine) const;
    void readRecurrence(Parsed &p, icalcomponent *ev, const ZoneResolver &zones) const;

    // Planning one event by trying it inside the transaction.
    Status planEvent(int i);
    QString alreadyThere(const QString &uid) const;
    Status bookRepeating(const Parsed &p);
    Result<SeriesPlan> planSeries(const Parsed &p) const;
    Status bookSeries(const Parsed &p, const SeriesPlan &plan);
    Status keepSeriesBookings(CalendarImportEvent &row, const Parsed &p, const SeriesPlan &plan,
                              const SeriesOutcome &outcome);
    Status bookException(CalendarImportEvent &row, const Parsed &p, int o, const std::optional<SeriesId> &series);
    Status bookDateByDate(const Parsed &p, const SeriesPlan &plan);
    void skipOrphanOverrides();

    Status keepUid(const Booking &b, const QString &uid) const;
    BookingDraft draftOf(const Parsed &p) const;
    struct Booked
    {
        std::optional<Booking> booking;
        QString refusal;
    };
    Result<Booked> bookSpan(BookingDraft d, const Span &s);
    Status bookSpans(CalendarImportEvent &row, const Parsed &p, const QList<Span> &spans, bool withDates);
    QList<Span> spansOf(const Parsed &p, QDate localDate) const;
    QList<Span> ownSpans(const Parsed &p) const;

    Hub &m_hub;
    const bool m_dryRun;
    const Progress &m_progress;
    SpaceId m_spaceId;
    HubSettings m_settings;
    QTimeZone m_zone; // the hub's
    Space m_space;
    CalendarImportReport m_report;
    QList<Parsed> m_parsed;
    SeriesLinks m_series;
    QSqlDatabase m_db;
    QHash<QString, QString> m_known; // uid → "booking #12 (Main hall)"
};

Result<CalendarImportReport> ICalendarImporter::run(const QByteArray &ics, SpaceId spaceId, bool dryRun,
                                                    const Progress &progress)
{
    return Run(m_hub, dryRun, progress).run(ics, spaceId);
}

ICalendarImporter::Run::Run(Hub &hub, bool dryRun, const Progress &progress)
    : m_hub(hub), m_dryRun(dryRun), m_progress(progress)
{
    m_report.dryRun = dryRun;
}

Result<CalendarImportReport> ICalendarImporter::Run::run(const QByteArray &ics, SpaceId spaceId)
{
    auto lines = ICalendarLines::scan(ics);
    if (!lines)
        return fail(lines.error());
    if (auto ok = loadTarget(spaceId); !ok)
        return fail(ok.error());
    // The events' zones point into the libical tree, so it lives until the end.
    auto calendar = parseCalendar(*lines);
    if (!calendar)
        return fail(calendar.error());
    ReadEvents events = readEvents(*lines, calendar->get());
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

Status ICalendarImporter::Run::loadTarget(SpaceId spaceId)
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

Result<IcalComponentPtr> ICalendarImporter::Run::parseCalendar(const ICalendarLines &lines) const
{
    IcalComponentPtr root(icalparser_parse_string(lines.text().constData()));
    if (!root || icalcomponent_isa(root.get()) != ICAL_VCALENDAR_COMPONENT)
        return fail(Error::invalid(tr("libical could not read this as an iCalendar file"), ICalendarLines::where(1)));
    const ICalendarLines::Component &at = lines.components().first();
    // Outside events, what libical could not read is a broken file.
    if (const QString e = firstError(root.get()); !e.isEmpty())
        return fail(Error::invalid(tr("libical could not read the calendar: %1").arg(e),
                                   ICalendarLines::where(lineOfError(at, e))));
    if (auto ok = checkTimeZones(root.get(), at); !ok)
        return fail(ok.error());
    return root;
}

Status ICalendarImporter::Run::checkTimeZones(icalcomponent *calendar, const ICalendarLines::Component &at) const
{
    for (icalcomponent *tz = icalcomponent_get_first_component(calendar, ICAL_VTIMEZONE_COMPONENT); tz;
         tz = icalcomponent_get_next_component(calendar, ICAL_VTIMEZONE_COMPONENT))
        if (const QString e = firstError(tz); !e.isEmpty())
            return fail(
                Error::invalid(tr("libical could not read a time zone: %1").arg(e), ICalendarLines::where(at.begin)));
    return {};
}

ReadEvents ICalendarImporter::Run::readEvents(const ICalendarLines &lines, icalcomponent *calendar) const
{
    const QList<ICalendarLines::Component> &components = lines.components();
    const ZoneResolver zones(calendar, m_zone);
    const QList<int> eventLines = lines.events();
    ReadEvents out;
    int index = 0;
    for (icalcomponent *ev = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT), ++index) {
        const ICalendarLines::Component &at =
            index < eventLines.size() ? components.at(eventLines.at(index)) : components.first();
        const Parsed p = readEvent(ev, at, index, zones);
        out.rows << rowOf(p);
        out.parsed << p;
    }
    return out;
}

Parsed ICalendarImporter::Run::readEvent(icalcomponent *ev, const ICalendarLines::Component &at, int index,
                                         const ZoneResolver &zones) const
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
    if (const QString e = firstError(ev); !e.isEmpty())
        p.unreadable(tr("libical could not read part of this event: %1").arg(e), lineOfError(at, e));
    readTimes(p, ev, zones);
    readRecurrence(p, ev, zones);
    return p;
}

std::optional<When> ICalendarImporter::Run::readWhen(Parsed &p, const ZoneResolver &zones, icalproperty *prop,
                                                     icaltimetype tt, const QString &name, int line) const
{
    When w;
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

void ICalendarImporter::Run::readTimes(Parsed &p, icalcomponent *ev, const ZoneResolver &zones) const
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

void ICalendarImporter::Run::readAllDayEnd(Parsed &p, icalproperty *dtend, icalproperty *duration, int endLine) const
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

void ICalendarImporter::Run::readRecurrence(Parsed &p, icalcomponent *ev, const ZoneResolver &zones) const
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

SeriesLinks ICalendarImporter::Run::linkSeries(const QList<Parsed> &parsed)
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
Status ICalendarImporter::Run::readKnownUids()
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
Status ICalendarImporter::Run::planEvents()
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

Status ICalendarImporter::Run::planEvent(int i)
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

QString ICalendarImporter::Run::alreadyThere(const QString &uid) const
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

Status ICalendarImporter::Run::bookRepeating(const Parsed &p)
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

Result<SeriesPlan> ICalendarImporter::Run::planSeries(const Parsed &p) const
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
    for (const When &w : p.exdates)
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

Status ICalendarImporter::Run::bookSeries(const Parsed &p, const SeriesPlan &plan)
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
Status ICalendarImporter::Run::keepSeriesBookings(CalendarImportEvent &row, const Parsed &p, const SeriesPlan &plan,
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
Status ICalendarImporter::Run::bookException(CalendarImportEvent &row, const Parsed &p, int o,
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
Status ICalendarImporter::Run::bookDateByDate(const Parsed &p, const SeriesPlan &plan)
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
void ICalendarImporter::Run::skipOrphanOverrides()
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
Status ICalendarImporter::Run::keepUid(const Booking &b, const QString &uid) const
{
    if (uid.isEmpty() || b.uid == uid)
        return {};
    Query q(m_db, QStringLiteral("UPDATE bookings SET uid = :uid WHERE id = :id"));
    q.bind(QStringLiteral(":uid"), uid).bind(QStringLiteral(":id"), b.id.value());
    return q.exec();
}

BookingDraft ICalendarImporter::Run::draftOf(const Parsed &p) const
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
auto ICalendarImporter::Run::bookSpan(BookingDraft d, const Span &s) -> Result<Booked>
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
Status ICalendarImporter::Run::bookSpans(CalendarImportEvent &row, const Parsed &p, const QList<Span> &spans,
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

QList<Span> ICalendarImporter::Run::spansOf(const Parsed &p, QDate localDate) const
{
    if (p.allDay())
        return allDaySpans(localDate, p.allDayCount, m_space, m_zone);
    const QDateTime s = p.start.zone.toUtc(localDate, p.start.time);
    return {Span{s, s.addSecs(p.startUtc.secsTo(p.endUtc)), false}};
}

// An event's own times: an override, or a single event.
QList<Span> ICalendarImporter::Run::ownSpans(const Parsed &p) const
{
    if (p.allDay())
        return allDaySpans(p.start.date, p.allDayCount, m_space, m_zone);
    return {Span{p.startUtc, p.endUtc, false}};
}

Result<CalendarImportReport> ICalendarImporter::Run::apply(Transaction &tx)
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
