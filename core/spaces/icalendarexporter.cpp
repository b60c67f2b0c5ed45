// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/icalendarexporter.h"

#include "core/hub.h"
#include "core/members/memberservice.h"
#include "core/settings/settingsservice.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/icalendarvalues.h"
#include "core/storage/transaction.h"

#include <QHash>
#include <QIODevice>
#include <QMap>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <map>
#include <vector>

namespace hub {

namespace {

const QByteArray CalendarEnd = QByteArrayLiteral("END:VCALENDAR\r\n");

// The right-hand side of our UIDs: the hub's name as a host-like word, so two
// hubs exporting booking #12 never send the same UID.
QString uidHost(const QString &hubName)
{
    QString host;
    for (const QChar c : hubName.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            host += c;
        else if (!host.isEmpty() && !host.endsWith(u'-'))
            host += u'-';
    }
    while (host.endsWith(u'-'))
        host.chop(1);
    if (host.isEmpty())
        host = QStringLiteral("hub");
    return host + QStringLiteral(".hubkeeper");
}

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

// How times of one zone are written: local with TZID and a VTIMEZONE, or in
// UTC when libical does not know the zone (or it is UTC itself).
struct ZoneOut
{
    QTimeZone zone;
    QByteArray tzid; ///< empty: write UTC
    IcalComponentPtr vtimezone;
};

ZoneOut zoneOut(const QTimeZone &zone, const QDateTime &earliestUtc)
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

// A DATE-TIME property for a UTC instant, as wall-clock time in the zone.
icalproperty *timeProperty(icalproperty *(*make)(icaltimetype), const QDateTime &utc, const ZoneOut &z)
{
    if (z.tzid.isEmpty())
        return make(icaltime_from_timet_with_zone(static_cast<time_t>(utc.toSecsSinceEpoch()), 0,
                                                  icaltimezone_get_utc_timezone()));
    icalproperty *p = make(ical::wallClock(utc.toTimeZone(z.zone)));
    icalproperty_add_parameter(p, icalparameter_new_tzid(z.tzid.constData()));
    return p;
}

icalproperty *xProperty(const char *name, const QString &value)
{
    icalproperty *p = icalproperty_new_x(value.toUtf8().constData());
    icalproperty_set_x_name(p, name);
    return p;
}

// Everything about one series that the export needs, read before writing.
struct SeriesData
{
    BookingSeries series;
    QList<Booking> occurrences;
    QTimeZone zone;
};

} // namespace

ICalendarExporter::ICalendarExporter(Hub &hub) : m_hub(hub)
{}

QString ICalendarExporter::bookingUid(BookingId id, const QString &hubName)
{
    return QStringLiteral("booking-%1@%2").arg(id.value()).arg(uidHost(hubName));
}

QString ICalendarExporter::seriesUid(SeriesId id, const QString &hubName)
{
    return QStringLiteral("series-%1@%2").arg(id.value()).arg(uidHost(hubName));
}

Result<int> ICalendarExporter::write(QIODevice &out, const CalendarExportOptions &options, const Progress &progress)
{
    auto settings = m_hub.settings().load();
    if (!settings)
        return fail(settings.error());
    const QTimeZone hubZone = settings->zone();
    const QString hubName = settings->name;

    // One read transaction: the bookings, series and members form one snapshot
    // even while another desk books.
    auto tx = Transaction::begin(m_hub.database(), Transaction::Mode::Deferred);
    if (!tx)
        return fail(tx.error());

    BookingFilter filter;
    filter.space = options.space;
    filter.includeCancelled = true; // a cancelled booking is news for a subscriber too
    if (options.from.isValid())
        filter.from = options.from.startOfDay(hubZone);
    if (options.to.isValid())
        filter.to = options.to.addDays(1).startOfDay(hubZone);
    auto listed = m_hub.bookings().list(filter);
    if (!listed)
        return fail(listed.error());
    const QList<Booking> bookings = std::move(*listed);

    // Series first, so every zone (and the earliest date) is known before the
    // header with its VTIMEZONEs is written.
    QMap<qint64, SeriesData> series;
    QDateTime earliest;
    const auto seen = [&earliest](const QDateTime &utc) {
        if (utc.isValid() && (!earliest.isValid() || utc < earliest))
            earliest = utc;
    };
    for (const Booking &b : bookings) {
        seen(b.start);
        if (!b.series || series.contains(b.series->value()))
            continue;
        auto s = m_hub.bookings().series(*b.series);
        if (!s)
            return fail(s.error());
        auto occurrences = m_hub.bookings().occurrences(*b.series);
        if (!occurrences)
            return fail(occurrences.error());
        SeriesData data{*s, *occurrences, QTimeZone(s->zone.toUtf8())};
        if (!data.zone.isValid())
            data.zone = hubZone;
        for (const Booking &o : std::as_const(data.occurrences))
            seen(o.start);
        seen(QDateTime(s->firstStart.date(), s->firstStart.time(), data.zone));
        series.insert(b.series->value(), std::move(data));
    }

    std::map<QByteArray, ZoneOut> zones;
    const auto zoneFor = [&](const QTimeZone &zone) -> const ZoneOut & {
        auto it = zones.find(zone.id());
        if (it == zones.end())
            it = zones.emplace(zone.id(), zoneOut(zone, earliest)).first;
        return it->second;
    };
    zoneFor(hubZone);
    for (const SeriesData &s : std::as_const(series))
        zoneFor(s.zone);

    const auto writeFailed = [&out] {
        return Error::storage(tr("Could not write the calendar: %1").arg(out.errorString()));
    };
    const auto put = [&out](const QByteArray &bytes) {
        return out.write(bytes) == bytes.size();
    };

    {
        IcalComponentPtr cal(icalcomponent_new_vcalendar());
        icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//Hubkeeper//Space bookings//EN"));
        icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
        icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
        icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
        QString calName = hubName.isEmpty() ? tr("Hub bookings") : hubName;
        if (options.space && !bookings.isEmpty())
            calName = tr("%1: %2").arg(calName, bookings.first().spaceName);
        icalcomponent_add_property(cal.get(), xProperty("X-WR-CALNAME", calName));
        if (!hubZone.id().isEmpty())
            icalcomponent_add_property(cal.get(), xProperty("X-WR-TIMEZONE", QString::fromUtf8(hubZone.id())));
        for (const auto &[id, z] : zones)
            if (z.vtimezone)
                icalcomponent_add_component(cal.get(), icalcomponent_new_clone(z.vtimezone.get()));
        // libical writes the header's content lines; the events follow one by
        // one before the calendar is closed.
        QByteArray head = ical::text(cal.get());
        if (head.endsWith(CalendarEnd))
            head.chop(CalendarEnd.size());
        if (!put(head))
            return fail(writeFailed());
    }

    const icaltimetype stamp =
        icaltime_from_timet_with_zone(static_cast<time_t>(m_hub.clock().nowSecs()), 0, icaltimezone_get_utc_timezone());
    // The booker's name travels only with their consent to the shared directory.
    QHash<qint64, bool> consented;
    const auto shownName = [&](const Booking &b) -> Result<QString> {
        if (!b.member)
            return QString();
        auto it = consented.constFind(b.member->value());
        if (it == consented.constEnd()) {
            auto m = m_hub.members().get(*b.member);
            if (!m)
                return fail(m.error());
            it = consented.insert(b.member->value(), m->consent.directoryVisible && !m->forgotten);
        }
        return *it ? b.memberName : QString();
    };
    const auto describe = [&](icalcomponent *ev, const Booking &b) -> Status {
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
    };
    const auto newEvent = [&](const QString &uid, const Booking &b) {
        icalcomponent *ev = icalcomponent_new_vevent();
        icalcomponent_add_property(ev, icalproperty_new_uid(uid.toUtf8().constData()));
        icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
        if (b.createdAt.isValid())
            icalcomponent_add_property(
                ev, icalproperty_new_created(icaltime_from_timet_with_zone(
                        static_cast<time_t>(b.createdAt.toSecsSinceEpoch()), 0, icaltimezone_get_utc_timezone())));
        return IcalComponentPtr(ev);
    };

    int events = 0;
    int done = 0;
    const int total = int(bookings.size());
    QSet<qint64> written;
    for (const Booking &b : bookings) {
        ++done;
        if (!b.series) {
            IcalComponentPtr ev = newEvent(b.uid.isEmpty() ? bookingUid(b.id, hubName) : b.uid, b);
            const ZoneOut &z = zoneFor(hubZone);
            icalcomponent_add_property(ev.get(), timeProperty(icalproperty_new_dtstart, b.start, z));
            icalcomponent_add_property(ev.get(), timeProperty(icalproperty_new_dtend, b.end, z));
            if (auto ok = describe(ev.get(), b); !ok)
                return fail(ok.error());
            if (!put(ical::text(ev.get())))
                return fail(writeFailed());
            ++events;
        } else if (!written.contains(b.series->value())) {
            written.insert(b.series->value());
            const SeriesData &s = series[b.series->value()];
            const ZoneOut &z = zoneFor(s.zone);
            const QDateTime first(s.series.firstStart.date(), s.series.firstStart.time(), s.zone);
            const qint64 duration = qint64(s.series.durationMinutes) * 60;
            // The series' own words come from an occurrence nobody edited alone.
            const Booking *model = nullptr;
            for (const Booking &o : s.occurrences)
                if (!o.exception && o.isLive() && !model)
                    model = &o;
            if (!model)
                model = s.occurrences.isEmpty() ? &b : &s.occurrences.first();
            QString uid = model->uid;
            if (uid.isEmpty())
                uid = seriesUid(s.series.id, hubName);

            Booking master = *model;
            master.status =
                std::any_of(s.occurrences.cbegin(), s.occurrences.cend(), [](const Booking &o) { return o.isLive(); })
                    ? model->status
                    : BookingStatus::Cancelled;
            IcalComponentPtr ev = newEvent(uid, master);
            icalcomponent_add_property(ev.get(), timeProperty(icalproperty_new_dtstart, first.toUTC(), z));
            icalcomponent_add_property(ev.get(),
                                       timeProperty(icalproperty_new_dtend, first.toUTC().addSecs(duration), z));
            const icalrecurrencetype rule = icalrecurrencetype_from_string(s.series.rrule.toUtf8().constData());
            if (rule.freq != ICAL_NO_RECURRENCE)
                icalcomponent_add_property(ev.get(), icalproperty_new_rrule(rule));
            if (auto ok = describe(ev.get(), master); !ok)
                return fail(ok.error());

            const auto expected = [&](const Booking &o) {
                const QDate day = o.occurrence.isValid() ? o.occurrence : o.start.toTimeZone(s.zone).date();
                return QDateTime(day, first.time(), s.zone).toUTC();
            };
            std::vector<IcalComponentPtr> overrides;
            for (const Booking &o : s.occurrences) {
                const QDateTime at = expected(o);
                if (!o.isLive()) {
                    // Cancelled dates stay out of the rule, so no peer brings them back.
                    icalcomponent_add_property(ev.get(), timeProperty(icalproperty_new_exdate, at, z));
                    continue;
                }
                const bool differs = o.exception || o.start != at || o.end != at.addSecs(duration) ||
                                     o.title != master.title || o.notes != master.notes || o.status != master.status ||
                                     o.member != master.member;
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
            if (!put(ical::text(ev.get())))
                return fail(writeFailed());
            ++events;
            for (const IcalComponentPtr &changed : overrides) {
                if (!put(ical::text(changed.get())))
                    return fail(writeFailed());
                ++events;
            }
        }
        if (progress && (done % std::max(1, total / 100) == 0 || done == total) && !progress(done, total))
            return fail(Error::refused(tr("The export was cancelled.")));
    }
    if (!put(CalendarEnd))
        return fail(writeFailed());
    return events;
}

} // namespace hub
