// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/icalendarexportrun.h"

#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/storage/transaction.h"

#include <QIODevice>
#include <QSet>

#include <algorithm>

namespace hub {

namespace {

const QByteArray CalendarEnd = QByteArrayLiteral("END:VCALENDAR\r\n");

icalproperty_status icalStatus(BookingStatus status)
{
    switch (status) {
    case BookingStatus::Tentative:
        return ICAL_STATUS_TENTATIVE;
    case BookingStatus::Cancelled:
        return ICAL_STATUS_CANCELLED;
    case BookingStatus::Confirmed:
        break;
    }
    return ICAL_STATUS_CONFIRMED;
}

icalproperty *xProperty(const char *name, const QString &value)
{
    icalproperty *p = icalproperty_new_x(value.toUtf8().constData());
    icalproperty_set_x_name(p, name);
    return p;
}

icaltimetype utcTime(qint64 secsSinceEpoch)
{
    return icaltime_from_timet_with_zone(static_cast<time_t>(secsSinceEpoch), 0, icaltimezone_get_utc_timezone());
}

} // namespace

ICalendarExportRun::ICalendarExportRun(Hub &hub, QIODevice &out, const CalendarExportOptions &options)
    : m_hub(hub), m_out(out), m_options(options)
{}

Result<int> ICalendarExportRun::write(const ICalendarExporter::Progress &progress)
{
    auto settings = m_hub.settings().load();
    if (!settings)
        return fail(settings.error());
    m_hubZone = settings->zone();
    m_hubName = settings->name;

    // One read transaction: the bookings, series and members form one snapshot
    // even while another desk books.
    auto tx = Transaction::begin(m_hub.database(), Transaction::Mode::Deferred);
    if (!tx)
        return fail(tx.error());
    if (auto ok = survey(); !ok)
        return fail(ok.error());

    if (auto ok = writeHeader(); !ok)
        return fail(ok.error());
    m_stamp = utcTime(m_hub.clock().nowSecs());
    if (auto ok = writeEvents(progress); !ok)
        return fail(ok.error());
    if (!put(CalendarEnd))
        return fail(writeFailed());
    return m_events;
}

BookingFilter ICalendarExportRun::filter() const
{
    BookingFilter f;
    f.space = m_options.space;
    f.includeCancelled = true; // a cancelled booking is news for a subscriber too
    if (m_options.from.isValid())
        f.from = m_options.from.startOfDay(m_hubZone);
    if (m_options.to.isValid())
        f.to = m_options.to.addDays(1).startOfDay(m_hubZone);
    return f;
}

// Every zone (and the earliest date) must be known before the header with
// its VTIMEZONEs is written; only those are kept, not the bookings.
Status ICalendarExportRun::survey()
{
    QSet<qint64> series;
    auto walked = m_hub.bookings().each(filter(), [&](const Booking &b) {
        if (m_total++ == 0)
            m_firstSpaceName = b.spaceName;
        seen(b.start);
        if (b.series)
            series.insert(b.series->value());
        return true;
    });
    if (!walked)
        return walked;
    // Zones are looked up (and their VTIMEZONE cut) after every date is seen.
    QList<QTimeZone> zones{m_hubZone};
    for (qint64 id : std::as_const(series)) {
        auto data = readSeries(SeriesId(id));
        if (!data)
            return fail(data.error());
        for (const Booking &o : std::as_const(data->occurrences))
            seen(o.start);
        seen(data->firstStart());
        zones << data->zone;
    }
    for (const QTimeZone &zone : std::as_const(zones))
        zoneFor(zone);
    return {};
}

Result<ICalendarExportRun::SeriesData> ICalendarExportRun::readSeries(SeriesId id) const
{
    auto s = m_hub.bookings().series(id);
    if (!s)
        return fail(s.error());
    auto occurrences = m_hub.bookings().occurrences(id);
    if (!occurrences)
        return fail(occurrences.error());
    SeriesData data{*s, std::move(*occurrences), QTimeZone(s->zone.toUtf8())};
    if (!data.zone.isValid())
        data.zone = m_hubZone;
    return data;
}

void ICalendarExportRun::seen(const QDateTime &utc)
{
    if (utc.isValid() && (!m_earliest.isValid() || utc < m_earliest))
        m_earliest = utc;
}

const ICalendarExportRun::ZoneOut &ICalendarExportRun::zoneFor(const QTimeZone &zone)
{
    auto it = m_zones.find(zone.id());
    if (it == m_zones.end())
        it = m_zones.emplace(zone.id(), zoneOut(zone, m_earliest)).first;
    return it->second;
}

ICalendarExportRun::ZoneOut ICalendarExportRun::zoneOut(const QTimeZone &zone, const QDateTime &earliestUtc)
{
    ZoneOut z;
    z.zone = zone;
    const QByteArray id = zone.id();
    icaltimezone *builtin = id.isEmpty() ? nullptr : icaltimezone_get_builtin_timezone(id.constData());
    if (!builtin || builtin == icaltimezone_get_utc_timezone())
        return z;
    icalcomponent *source = icaltimezone_get_component(builtin);
    if (!source)
        return z;
    z.vtimezone.reset(icalcomponent_new_clone(source));
    // libical names its zones "/freeassociation.sourceforge.net/Europe/London";
    // other programs look the plain IANA id up, so that is the TZID we write.
    if (icalproperty *tzid = icalcomponent_get_first_property(z.vtimezone.get(), ICAL_TZID_PROPERTY))
        icalproperty_set_tzid(tzid, id.constData());
    // The system's zone data goes back to 1847; observances from before the
    // first exported event only make the file longer.
    if (earliestUtc.isValid()) {
        const icaltimetype from = icaltime_from_timet_with_zone(
            static_cast<time_t>(earliestUtc.toSecsSinceEpoch() - 366 * 86400), 0, icaltimezone_get_utc_timezone());
        icaltimezone_truncate_vtimezone(z.vtimezone.get(), from, icaltime_null_time(), 0);
    }
    z.tzid = id;
    return z;
}

Status ICalendarExportRun::writeHeader()
{
    IcalComponentPtr cal(icalcomponent_new_vcalendar());
    icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//Hubkeeper//Space bookings//EN"));
    icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    QString calName = m_hubName.isEmpty() ? tr("Hub bookings") : m_hubName;
    if (m_options.space && m_total > 0)
        calName = tr("%1: %2").arg(calName, m_firstSpaceName);
    icalcomponent_add_property(cal.get(), xProperty("X-WR-CALNAME", calName));
    if (!m_hubZone.id().isEmpty())
        icalcomponent_add_property(cal.get(), xProperty("X-WR-TIMEZONE", QString::fromUtf8(m_hubZone.id())));
    for (const auto &[id, z] : m_zones)
        if (z.vtimezone)
            icalcomponent_add_component(cal.get(), icalcomponent_new_clone(z.vtimezone.get()));
    // libical writes the header's content lines; the events follow one by
    // one before the calendar is closed.
    QByteArray head = ical::text(cal.get());
    if (head.endsWith(CalendarEnd))
        head.chop(CalendarEnd.size());
    if (!put(head))
        return fail(writeFailed());
    return {};
}

Status ICalendarExportRun::writeEvents(const ICalendarExporter::Progress &progress)
{
    int done = 0;
    const int total = m_total;
    auto walked = m_hub.bookings().each(filter(), [&](const Booking &b) {
        ++done;
        if (auto ok = writeOne(b); !ok) {
            m_failed = ok;
            return false;
        }
        if (progress && (done % std::max(1, total / 100) == 0 || done == total) && !progress(done, total)) {
            m_failed = fail(Error::refused(tr("The export was cancelled.")));
            return false;
        }
        return true;
    });
    if (!walked)
        return walked;
    return m_failed;
}

Status ICalendarExportRun::writeOne(const Booking &b)
{
    if (!b.series)
        return writeBooking(b);
    if (m_written.contains(b.series->value()))
        return {};
    m_written.insert(b.series->value());
    auto data = readSeries(*b.series);
    if (!data)
        return fail(data.error());
    return writeSeries(*data, b);
}

Status ICalendarExportRun::writeBooking(const Booking &b)
{
    IcalComponentPtr ev = newEvent(b.uid.isEmpty() ? ICalendarExporter::bookingUid(b.id, m_hubName) : b.uid, b);
    const ZoneOut &z = zoneFor(m_hubZone);
    icalcomponent_add_property(ev.get(), timeProperty(icalproperty_new_dtstart, b.start, z));
    icalcomponent_add_property(ev.get(), timeProperty(icalproperty_new_dtend, b.end, z));
    if (auto ok = describe(ev.get(), b); !ok)
        return fail(ok.error());
    if (!put(ical::text(ev.get())))
        return fail(writeFailed());
    ++m_events;
    return {};
}

// One VEVENT with the series' rule, then one for each date that differs.
Status ICalendarExportRun::writeSeries(const SeriesData &s, const Booking &b)
{
    const ZoneOut &z = zoneFor(s.zone);
    const QDateTime first = s.firstStart();
    const Booking &model = seriesModel(s, b);
    QString uid = model.uid;
    if (uid.isEmpty())
        uid = ICalendarExporter::seriesUid(s.series.id, m_hubName);

    Booking master = model;
    master.status =
        std::any_of(s.occurrences.cbegin(), s.occurrences.cend(), [](const Booking &o) { return o.isLive(); })
            ? model.status
            : BookingStatus::Cancelled;
    IcalComponentPtr ev = newEvent(uid, master);
    icalcomponent_add_property(ev.get(), timeProperty(icalproperty_new_dtstart, first.toUTC(), z));
    icalcomponent_add_property(ev.get(),
                               timeProperty(icalproperty_new_dtend, first.toUTC().addSecs(s.durationSecs()), z));
    const icalrecurrencetype rule = icalrecurrencetype_from_string(s.series.rrule.toUtf8().constData());
    if (rule.freq != ICAL_NO_RECURRENCE)
        icalcomponent_add_property(ev.get(), icalproperty_new_rrule(rule));
    if (auto ok = describe(ev.get(), master); !ok)
        return fail(ok.error());

    auto overrides = addOccurrences(ev.get(), s, master, uid);
    if (!overrides)
        return fail(overrides.error());
    if (!put(ical::text(ev.get())))
        return fail(writeFailed());
    ++m_events;
    for (const IcalComponentPtr &changed : std::as_const(*overrides)) {
        if (!put(ical::text(changed.get())))
            return fail(writeFailed());
        ++m_events;
    }
    return {};
}

// The series' cancelled dates go into its event `ev` as EXDATEs; the dates
// that differ from it come back as RECURRENCE-ID events of their own.
Result<std::vector<IcalComponentPtr>> ICalendarExportRun::addOccurrences(icalcomponent *ev, const SeriesData &s,
                                                                         const Booking &master, const QString &uid)
{
    const ZoneOut &z = zoneFor(s.zone);
    const QDateTime first = s.firstStart();
    const qint64 duration = s.durationSecs();
    const auto expected = [&](const Booking &o) {
        const QDate day = o.occurrence.isValid() ? o.occurrence : o.start.toTimeZone(s.zone).date();
        return QDateTime(day, first.time(), s.zone).toUTC();
    };
    std::vector<IcalComponentPtr> overrides;
    for (const Booking &o : s.occurrences) {
        const QDateTime at = expected(o);
        if (!o.isLive()) {
            // Cancelled dates stay out of the rule, so no peer brings them back.
            icalcomponent_add_property(ev, timeProperty(icalproperty_new_exdate, at, z));
            continue;
        }
        const bool differs = o.exception || o.start != at || o.end != at.addSecs(duration) || o.title != master.title ||
                             o.notes != master.notes || o.status != master.status || o.member != master.member;
        if (!differs)
            continue;
        IcalComponentPtr changed = newEvent(uid, o);
        icalcomponent_add_property(changed.get(), timeProperty(icalproperty_new_recurrenceid, at, z));
        icalcomponent_add_property(changed.get(), timeProperty(icalproperty_new_dtstart, o.start, z));
        icalcomponent_add_property(changed.get(), timeProperty(icalproperty_new_dtend, o.end, z));
        if (auto ok = describe(changed.get(), o); !ok)
            return fail(ok.error());
        overrides.push_back(std::move(changed));
    }
    return overrides;
}

// The series' own words come from an occurrence nobody edited alone.
const Booking &ICalendarExportRun::seriesModel(const SeriesData &s, const Booking &b)
{
    const Booking *model = nullptr;
    for (const Booking &o : s.occurrences)
        if (!o.exception && o.isLive() && !model)
            model = &o;
    if (!model)
        model = s.occurrences.isEmpty() ? &b : &s.occurrences.first();
    return *model;
}

IcalComponentPtr ICalendarExportRun::newEvent(const QString &uid, const Booking &b) const
{
    icalcomponent *ev = icalcomponent_new_vevent();
    icalcomponent_add_property(ev, icalproperty_new_uid(uid.toUtf8().constData()));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(m_stamp));
    if (b.createdAt.isValid())
        icalcomponent_add_property(ev, icalproperty_new_created(utcTime(b.createdAt.toSecsSinceEpoch())));
    return IcalComponentPtr(ev);
}

Status ICalendarExportRun::describe(icalcomponent *ev, const Booking &b)
{
    icalcomponent_add_property(ev, icalproperty_new_summary(b.title.toUtf8().constData()));
    icalcomponent_add_property(ev, icalproperty_new_location(b.spaceName.toUtf8().constData()));
    if (!b.notes.isEmpty())
        icalcomponent_add_property(ev, icalproperty_new_description(b.notes.toUtf8().constData()));
    icalcomponent_add_property(ev, icalproperty_new_status(icalStatus(b.status)));
    auto name = shownName(b);
    if (!name)
        return fail(name.error());
    if (!name->isEmpty())
        icalcomponent_add_property(ev, icalproperty_new_contact(name->toUtf8().constData()));
    return {};
}

// The booker's name travels only with their consent to the shared directory.
Result<QString> ICalendarExportRun::shownName(const Booking &b)
{
    if (!b.member)
        return QString();
    auto it = m_consented.constFind(b.member->value());
    if (it == m_consented.constEnd()) {
        auto m = m_hub.members().get(*b.member);
        if (!m)
            return fail(m.error());
        it = m_consented.insert(b.member->value(), m->consent.directoryVisible && !m->forgotten);
    }
    return *it ? b.memberName : QString();
}

// A DATE-TIME property for a UTC instant, as wall-clock time in the zone.
icalproperty *ICalendarExportRun::timeProperty(icalproperty *(*make)(icaltimetype), const QDateTime &utc,
                                               const ZoneOut &z)
{
    if (z.tzid.isEmpty())
        return make(utcTime(utc.toSecsSinceEpoch()));
    icalproperty *p = make(ical::wallClock(utc.toTimeZone(z.zone)));
    icalproperty_add_parameter(p, icalparameter_new_tzid(z.tzid.constData()));
    return p;
}

bool ICalendarExportRun::put(const QByteArray &bytes)
{
    return m_out.write(bytes) == bytes.size();
}

Error ICalendarExportRun::writeFailed() const
{
    return Error::storage(tr("Could not write the calendar: %1").arg(m_out.errorString()));
}

} // namespace hub
