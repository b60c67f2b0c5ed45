// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/occupancyreport.h"

#include "core/reports/activityperiod.h"
#include "core/settings/hubsettings.h"
#include "core/spaces/space.h"
#include "core/storage/database.h"
#include "core/storage/query.h"
#include "core/storage/transaction.h"

#include <QDateTime>
#include <QLocale>

#include <array>
#include <optional>
#include <set>
#include <vector>

namespace hub {

namespace {

constexpr double SecondsPerHour = 3600.0;

double hours(qint64 secs)
{
    return double(secs) / SecondsPerHour;
}

// Spaces in use: every active one, and a retired one that still had bookings then.
const QString SpacesSql =
    QStringLiteral("SELECT s.id, s.name FROM spaces s WHERE s.active = 1 OR EXISTS (SELECT 1 FROM bookings b "
                   "WHERE b.space_id = s.id AND b.status IN ('confirmed', 'tentative') AND b.start_utc < :end "
                   "AND b.end_utc > :start) ORDER BY s.name COLLATE NOCASE, s.id");

// The longest live booking bounds how far back a booking may start and still
// reach into a week, so each week reads an index range, not every older row.
const QString LongestSql = QStringLiteral("SELECT coalesce(max(end_utc - start_utc), 0) FROM bookings "
                                          "WHERE status IN ('confirmed', 'tentative') AND start_utc < :end");

// Per space: the booked seconds inside [ws, we), split by status; the bookings
// that start inside, and the charges of those not given back.
const QString WeekSql =
    QStringLiteral("SELECT b.space_id, "
                   "sum(CASE WHEN b.status = 'confirmed' THEN min(b.end_utc, :we) - max(b.start_utc, :ws) ELSE 0 END), "
                   "sum(CASE WHEN b.status = 'tentative' THEN min(b.end_utc, :we) - max(b.start_utc, :ws) ELSE 0 END), "
                   "sum(CASE WHEN b.start_utc >= :ws THEN 1 ELSE 0 END), "
                   "sum(CASE WHEN b.start_utc >= :ws AND b.charge_reversal_id IS NULL THEN coalesce(t.amount_minor, 0) "
                   "ELSE 0 END) "
                   "FROM bookings b LEFT JOIN transfers t ON t.id = b.charge_transfer_id "
                   "WHERE b.status IN ('confirmed', 'tentative') AND b.start_utc < :we AND b.start_utc >= :earliest "
                   "AND b.end_utc > :ws GROUP BY b.space_id");

// Booked seconds per local hour of the week, for one stretch of time with one
// UTC offset: hour slots from :first (a local hour boundary) to :last, each
// joined to the live bookings overlapping it. CROSS JOIN keeps the slots the
// outer loop, so each slot reads a short range of the start-time index.
// 1970-01-01 was a Thursday, so local day number + 3 mod 7 is 0 on Mondays.
const QString HoursSql =
    QStringLiteral("WITH RECURSIVE slot(t) AS (SELECT CAST(:first AS BIGINT) UNION ALL SELECT t + 3600 FROM slot WHERE "
                   "t + 3600 < :last) "
                   "SELECT ((s.t + :offset) / 86400 + 3) % 7, ((s.t + :offset) % 86400) / 3600, "
                   "sum(min(b.end_utc, s.t + 3600, :last) - max(b.start_utc, s.t)) "
                   "FROM slot s CROSS JOIN bookings b "
                   "WHERE b.start_utc < s.t + 3600 AND b.start_utc >= s.t - :longest AND b.start_utc < :last "
                   "AND b.end_utc > s.t AND b.status IN ('confirmed', 'tentative') "
                   "GROUP BY 1, 2");

struct SpaceInfo
{
    qint64 id = 0;
    QString name;
    OpeningHours hours; // days without a row stay closed
};

struct Tally
{
    qint64 openSecs = 0;
    qint64 confirmedSecs = 0;
    qint64 tentativeSecs = 0;
    qint64 bookings = 0;
    qint64 charged = 0;

    void add(const Tally &o)
    {
        openSecs += o.openSecs;
        confirmedSecs += o.confirmedSecs;
        tentativeSecs += o.tentativeSecs;
        bookings += o.bookings;
        charged += o.charged;
    }
    QVariantList values() const
    {
        const qint64 booked = confirmedSecs + tentativeSecs;
        return {hours(openSecs),
                hours(booked),
                openSecs > 0 ? QVariant(100.0 * double(booked) / double(openSecs)) : QVariant(),
                hours(confirmedSecs),
                hours(tentativeSecs),
                bookings,
                charged};
    }
};

struct Week
{
    QDate monday;
    QDate first; // the week's days inside the period
    QDate last;
};

QList<ReportColumn> tallyColumns()
{
    return {{QStringLiteral("open_hours"), OccupancyReport::tr("Open hours"), ReportType::Decimal},
            {QStringLiteral("booked_hours"), OccupancyReport::tr("Booked hours"), ReportType::Decimal},
            {QStringLiteral("occupancy"), OccupancyReport::tr("Occupancy"), ReportType::Percent},
            {QStringLiteral("confirmed_hours"), OccupancyReport::tr("Confirmed hours"), ReportType::Decimal},
            {QStringLiteral("tentative_hours"), OccupancyReport::tr("Tentative hours"), ReportType::Decimal},
            {QStringLiteral("bookings"), OccupancyReport::tr("Bookings"), ReportType::Integer},
            {QStringLiteral("charged"), OccupancyReport::tr("Charged"), ReportType::Amount}};
}

// Seconds the space is open on a local day: real elapsed time, so a DST day counts what it really had.
qint64 openSeconds(const SpaceInfo &space, QDate day, const QTimeZone &zone)
{
    const auto hours = space.hours.on(day.dayOfWeek());
    if (!hours)
        return 0;
    const auto at = [&](int minute) {
        return minute >= 24 * 60 ? QDateTime(day.addDays(1), QTime(0, 0), zone)
                                 : QDateTime(day, QTime(minute / 60, minute % 60), zone);
    };
    return std::max<qint64>(0, at(hours->opens).secsTo(at(hours->closes)));
}

} // namespace

Status OccupancyReport::run(Database &db, const HubSettings &settings, const ReportRequest &request,
                            ReportSink &sink) const
{
    auto period = ActivityPeriod::of(request, settings);
    if (!period)
        return fail(period.error());
    const QTimeZone &zone = period->zone();
    const qint64 start = period->startUtc();
    const qint64 end = period->endUtc();

    // One read transaction: every table sees the same file even if a desk books meanwhile.
    auto tx = Transaction::begin(db, Transaction::Mode::Deferred);
    if (!tx)
        return fail(tx.error());

    std::vector<SpaceInfo> spaces;
    {
        Query q(db, SpacesSql);
        q.bind(QStringLiteral(":start"), start).bind(QStringLiteral(":end"), end);
        if (auto ok = q.exec(); !ok)
            return ok;
        while (q.next()) {
            SpaceInfo s;
            s.id = q.value(0).toLongLong();
            s.name = q.value(1).toString();
            s.hours = {};
            spaces.push_back(s);
        }
    }
    QHash<qint64, int> spaceIndex;
    for (int i = 0; i < int(spaces.size()); ++i)
        spaceIndex.insert(spaces[i].id, i);
    {
        Query q(db, QStringLiteral("SELECT space_id, weekday, opens_minute, closes_minute FROM space_hours"));
        if (auto ok = q.exec(); !ok)
            return ok;
        while (q.next()) {
            const auto i = spaceIndex.find(q.value(0).toLongLong());
            if (i != spaceIndex.end())
                spaces[*i].hours.days.at(q.value(1).toInt() - 1) = DayHours{q.value(2).toInt(), q.value(3).toInt()};
        }
    }
    std::set<std::pair<qint64, qint64>> closed; // (space id or 0 for the whole hub, julian day)
    {
        Query q(db, QStringLiteral("SELECT coalesce(space_id, 0), day FROM space_closures "
                                   "WHERE day >= :from AND day <= :to"));
        q.bind(QStringLiteral(":from"), period->from().toString(Qt::ISODate))
            .bind(QStringLiteral(":to"), period->to().toString(Qt::ISODate));
        if (auto ok = q.exec(); !ok)
            return ok;
        while (q.next())
            closed.emplace(q.value(0).toLongLong(),
                           QDate::fromString(q.value(1).toString(), Qt::ISODate).toJulianDay());
    }
    qint64 longest = 0;
    {
        Query q(db, LongestSql);
        q.bind(QStringLiteral(":end"), end);
        auto v = q.scalar();
        if (!v)
            return fail(v.error());
        longest = v->toLongLong();
    }

    std::vector<Week> weeks;
    for (QDate monday = period->from().addDays(1 - period->from().dayOfWeek()); monday <= period->to();
         monday = monday.addDays(7))
        weeks.push_back({monday, std::max(monday, period->from()), std::min(monday.addDays(6), period->to())});

    // Aggregates only: a handful of numbers per space and week, never a row per booking.
    std::vector<std::vector<Tally>> tallies(spaces.size(), std::vector<Tally>(weeks.size()));
    int done = 0;
    for (int w = 0; w < int(weeks.size()); ++w) {
        const Week &week = weeks[w];
        if (sink.isCancelled())
            return fail(ActivityPeriod::cancelled());
        for (int s = 0; s < int(spaces.size()); ++s) {
            for (QDate day = week.first; day <= week.last; day = day.addDays(1)) {
                const qint64 jd = day.toJulianDay();
                if (closed.count({0, jd}) || closed.count({spaces[s].id, jd}))
                    continue;
                tallies[s][w].openSecs += openSeconds(spaces[s], day, zone);
            }
        }
        const qint64 ws = period->utcOf(week.first);
        const qint64 we = period->utcOf(week.last.addDays(1));
        Query q(db, WeekSql);
        q.bind(QStringLiteral(":ws"), ws)
            .bind(QStringLiteral(":we"), we)
            .bind(QStringLiteral(":earliest"), ws - longest);
        if (auto ok = q.exec(); !ok)
            return ok;
        while (q.next()) {
            const auto i = spaceIndex.find(q.value(0).toLongLong());
            if (i == spaceIndex.end())
                continue;
            Tally &t = tallies[*i][w];
            t.confirmedSecs = q.value(1).toLongLong();
            t.tentativeSecs = q.value(2).toLongLong();
            t.bookings = q.value(3).toLongLong();
            t.charged = q.value(4).toLongLong();
        }
        if (request.progress)
            request.progress(0.8 * double(++done) / double(weeks.size()));
    }

    if (auto ok = sink.begin(period->heading(*this, settings)); !ok)
        return ok;

    const QStringList notes{
        tr("Booked hours count confirmed and tentative bookings; cancelled ones do not count."),
        tr("Open hours are each space's opening hours in the hub's time zone (%1), less its closed days and the "
           "hub's; a booking made outside opening hours can take a space above 100 %.")
            .arg(QString::fromUtf8(zone.id())),
        tr("Charged is what bookings starting in the period charged their bookers, less charges given back.")};

    // Per space over the whole period: the chart's bars, one per space.
    ReportTableHeader perSpace{
        tr("Occupancy per space"),
        QList<ReportColumn>{{QStringLiteral("space"), tr("Space"), ReportType::Text}} + tallyColumns(),
        {ReportChart::Kind::Bars, QStringLiteral("space"), {QStringLiteral("occupancy")}, tr("Occupancy per space")}};
    if (auto ok = sink.beginTable(perSpace); !ok)
        return ok;
    Tally all;
    for (int s = 0; s < int(spaces.size()); ++s) {
        Tally sum;
        for (const Tally &t : tallies[s])
            sum.add(t);
        all.add(sum);
        if (auto ok = sink.row(QVariantList{spaces[s].name} + sum.values()); !ok)
            return ok;
    }
    QStringList spaceNotes = notes;
    if (spaces.empty())
        spaceNotes.prepend(tr("The hub has no spaces yet."));
    if (auto ok = sink.endTable(QVariantList{tr("Total")} + all.values(), spaceNotes); !ok)
        return ok;

    ReportTableHeader perWeek{tr("Occupancy per space and week"),
                              QList<ReportColumn>{{QStringLiteral("week"), tr("Week of"), ReportType::Date},
                                                  {QStringLiteral("space"), tr("Space"), ReportType::Text}} +
                                  tallyColumns(),
                              {}};
    if (auto ok = sink.beginTable(perWeek); !ok)
        return ok;
    for (int w = 0; w < int(weeks.size()); ++w) {
        if (sink.isCancelled())
            return fail(ActivityPeriod::cancelled());
        for (int s = 0; s < int(spaces.size()); ++s)
            if (auto ok = sink.row(QVariantList{weeks[w].monday, spaces[s].name} + tallies[s][w].values()); !ok)
                return ok;
    }
    QStringList weekNotes;
    if (!weeks.empty() && (weeks.front().first != weeks.front().monday || weeks.back().last.dayOfWeek() != 7))
        weekNotes << tr("Weeks run Monday to Sunday; the first and last count only their days inside the period.");
    if (auto ok = sink.endTable(QVariantList{QVariant(), tr("Total")} + all.values(), weekNotes); !ok)
        return ok;

    // Busiest hours: booked hours per local weekday and hour, over every space.
    std::array<std::array<qint64, 24>, 7> grid{};
    {
        std::vector<qint64> bounds{start};
        for (const QTimeZone::OffsetData &t :
             zone.transitions(QDateTime::fromSecsSinceEpoch(start + 1, QTimeZone::utc()),
                              QDateTime::fromSecsSinceEpoch(end - 1, QTimeZone::utc())))
            bounds.push_back(t.atUtc.toSecsSinceEpoch());
        bounds.push_back(end);
        for (size_t i = 0; i + 1 < bounds.size(); ++i) {
            if (bounds[i] >= bounds[i + 1])
                continue;
            if (sink.isCancelled())
                return fail(ActivityPeriod::cancelled());
            const int offset = zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(bounds[i], QTimeZone::utc()));
            Query q(db, HoursSql);
            q.bind(QStringLiteral(":first"), bounds[i])
                .bind(QStringLiteral(":last"), bounds[i + 1])
                .bind(QStringLiteral(":offset"), offset)
                .bind(QStringLiteral(":longest"), longest);
            if (auto ok = q.exec(); !ok)
                return ok;
            while (q.next()) {
                const int weekday = q.value(0).toInt();
                const int hour = q.value(1).toInt();
                if (weekday >= 0 && weekday < 7 && hour >= 0 && hour < 24)
                    grid[weekday][hour] += q.value(2).toLongLong();
            }
        }
    }
    if (request.progress)
        request.progress(0.95);

    QList<ReportColumn> hourColumns{{QStringLiteral("weekday"), tr("Day"), ReportType::Text}};
    QStringList hourKeys;
    for (int h = 0; h < 24; ++h) {
        const QString key = QStringLiteral("h%1").arg(h, 2, 10, QLatin1Char('0'));
        hourKeys << key;
        hourColumns.append({key, QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0')), ReportType::Decimal});
    }
    hourColumns.append({QStringLiteral("total"), tr("Total"), ReportType::Decimal});
    ReportTableHeader busiest{
        tr("Busiest hours of the week"),
        hourColumns,
        {ReportChart::Kind::HeatMap, QStringLiteral("weekday"), hourKeys, tr("Booked hours by weekday and hour")}};
    if (auto ok = sink.beginTable(busiest); !ok)
        return ok;
    std::array<qint64, 24> perHour{};
    const QLocale locale;
    for (int d = 0; d < 7; ++d) {
        QVariantList row{locale.dayName(d + 1, QLocale::LongFormat)};
        qint64 dayTotal = 0;
        for (int h = 0; h < 24; ++h) {
            row << hours(grid[d][h]);
            dayTotal += grid[d][h];
            perHour[h] += grid[d][h];
        }
        row << hours(dayTotal);
        if (auto ok = sink.row(row); !ok)
            return ok;
    }
    QVariantList totals{tr("Total")};
    qint64 everything = 0;
    for (qint64 secs : perHour) {
        totals << hours(secs);
        everything += secs;
    }
    totals << hours(everything);
    if (auto ok =
            sink.endTable(totals, {tr("Booked hours of confirmed and tentative bookings in every space, by the local "
                                      "hour they fall in (%1).")
                                       .arg(QString::fromUtf8(zone.id()))});
        !ok)
        return ok;
    if (request.progress)
        request.progress(1.0);
    return sink.end();
}

} // namespace hub
