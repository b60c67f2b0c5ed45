// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/spaces/bookingrows.h"
#include "core/spaces/icalendarexporter.h"
#include "core/spaces/icalendarvalues.h"
#include "core/spaces/space.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QTimeZone>

#include <map>
#include <vector>

class QIODevice;

namespace hub {

class Hub;

/// One call of ICalendarExporter::write(), stage by stage: read the bookings
/// and their series, write the header with a VTIMEZONE per zone, then one
/// VEVENT per booking and per series (with the dates that differ from it).
/// Kept apart from the exporter so libical stays out of the exporter's header.
class ICalendarExportRun
{
    Q_DECLARE_TR_FUNCTIONS(hub::ICalendarExporter)
public:
    ICalendarExportRun(Hub &hub, QIODevice &out, const CalendarExportOptions &options);

    /// Writes the calendar; returns how many VEVENTs it holds.
    Result<int> write(const ICalendarExporter::Progress &progress);

private:
    // How times of one zone are written: local with TZID and a VTIMEZONE, or in
    // UTC when libical does not know the zone (or it is UTC itself).
    struct ZoneOut
    {
        QTimeZone zone;
        QByteArray tzid; ///< empty: write UTC
        IcalComponentPtr vtimezone;
    };

    // Everything about one series that the export needs, read before writing.
    struct SeriesData
    {
        BookingSeries series;
        QList<Booking> occurrences;
        QTimeZone zone;

        QDateTime firstStart() const { return QDateTime(series.firstStart.date(), series.firstStart.time(), zone); }
        qint64 durationSecs() const { return qint64(series.durationMinutes) * 60; }
    };

    // Reading, inside the one read transaction: the first pass keeps only
    // what the header needs (zones, the earliest date, the count); the
    // second writes each booking as it is read, a series when first met.
    BookingFilter filter() const;
    Status survey();
    Result<SeriesData> readSeries(SeriesId id) const;
    void seen(const QDateTime &utc);
    const ZoneOut &zoneFor(const QTimeZone &zone);
    static ZoneOut zoneOut(const QTimeZone &zone, const QDateTime &earliestUtc);

    // Writing.
    Status writeHeader();
    Status writeEvents(const ICalendarExporter::Progress &progress);
    Status writeBooking(const Booking &b);
    Status writeSeries(const SeriesData &s, const Booking &b);
    Status writeOne(const Booking &b);
    Result<std::vector<IcalComponentPtr>> addOccurrences(icalcomponent *ev, const SeriesData &s, const Booking &master,
                                                         const QString &uid);
    static const Booking &seriesModel(const SeriesData &s, const Booking &b);
    IcalComponentPtr newEvent(const QString &uid, const Booking &b) const;
    Status describe(icalcomponent *ev, const Booking &b);
    Result<QString> shownName(const Booking &b);
    static icalproperty *timeProperty(icalproperty *(*make)(icaltimetype), const QDateTime &utc, const ZoneOut &z);
    bool put(const QByteArray &bytes);
    Error writeFailed() const;

    Hub &m_hub;
    QIODevice &m_out;
    const CalendarExportOptions &m_options;
    QTimeZone m_hubZone;
    QString m_hubName;
    int m_total = 0;
    QString m_firstSpaceName;
    QSet<qint64> m_written; ///< series already written
    Status m_failed;        ///< why the second pass stopped
    QDateTime m_earliest;
    std::map<QByteArray, ZoneOut> m_zones;
    icaltimetype m_stamp = icaltime_null_time();
    QHash<qint64, bool> m_consented; // member → may their name be shown
    int m_events = 0;
};

} // namespace hub
