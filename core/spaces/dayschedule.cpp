// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/dayschedule.h"

#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"

#include <QHash>

#include <algorithm>
#include <limits>

namespace hub {

namespace {
constexpr int MinutesPerDay = 24 * 60;

int floorDiv(int a, int b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// Side-by-side lanes for blocks of one column that overlap; `blocks` holds
// one column's blocks by start.
void assignLanes(QList<ScheduleBlock> &blocks, qsizetype from, qsizetype to)
{
    qsizetype clusterStart = from;
    int clusterEnd = std::numeric_limits<int>::min();
    QList<int> laneEnds;
    const auto closeCluster = [&](qsizetype end) {
        for (qsizetype i = clusterStart; i < end; ++i)
            blocks[i].lanes = int(laneEnds.size());
        laneEnds.clear();
        clusterStart = end;
        clusterEnd = std::numeric_limits<int>::min();
    };
    for (qsizetype i = from; i < to; ++i) {
        ScheduleBlock &b = blocks[i];
        if (!laneEnds.isEmpty() && b.startMinute >= clusterEnd)
            closeCluster(i);
        int lane = 0;
        while (lane < laneEnds.size() && laneEnds[lane] > b.startMinute)
            ++lane;
        if (lane == laneEnds.size())
            laneEnds << b.endMinute;
        else
            laneEnds[lane] = b.endMinute;
        b.lane = lane;
        clusterEnd = std::max(clusterEnd, b.endMinute);
    }
    if (!laneEnds.isEmpty())
        closeCluster(to);
}
} // namespace

int DaySchedule::columnOf(SpaceId space, QDate date) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (spaces.at(columns[i].space).id == space && columns[i].date == date)
            return i;
    }
    return -1;
}

QList<int> DaySchedule::blocksOf(BookingId booking) const
{
    QList<int> found;
    const int index = bookingIndex(booking);
    if (index < 0)
        return found;
    for (int i = 0; i < blocks.size(); ++i) {
        if (blocks[i].booking == index)
            found << i;
    }
    return found;
}

int DaySchedule::bookingIndex(BookingId id) const
{
    for (int i = 0; i < bookings.size(); ++i) {
        if (bookings[i].id == id)
            return i;
    }
    return -1;
}

QDateTime DaySchedule::at(int column, int minute) const
{
    const int days = floorDiv(minute, MinutesPerDay);
    const int rest = minute - days * MinutesPerDay;
    return QDateTime(columns.at(column).date.addDays(days), QTime(rest / 60, rest % 60), zone);
}

int DaySchedule::minuteOf(int column, const QDateTime &instant) const
{
    const QDateTime local = instant.toTimeZone(zone);
    const qint64 days = columns.at(column).date.daysTo(local.date());
    return int(days * MinutesPerDay + local.time().msecsSinceStartOfDay() / 60000);
}

int DaySchedule::earliestOpening() const
{
    int earliest = MinutesPerDay;
    for (const ScheduleColumn &c : columns) {
        if (!c.isClosed())
            earliest = std::min(earliest, c.hours->opens);
    }
    return earliest == MinutesPerDay ? 0 : earliest;
}

DayScheduleLoader::DayScheduleLoader(const SpaceService &spaces, const BookingService &bookings)
    : m_spaces(spaces), m_bookings(bookings)
{}

Result<DaySchedule> DayScheduleLoader::day(QDate date) const
{
    if (!date.isValid())
        return fail(Error::invalid(tr("choose a day to show"), QStringLiteral("date")));
    auto spaces = m_spaces.list(true);
    if (!spaces)
        return fail(spaces.error());
    DaySchedule s;
    s.layout = DaySchedule::Layout::SpacesOfDay;
    s.first = date;
    s.last = date;
    s.spaces = std::move(*spaces);
    for (int i = 0; i < s.spaces.size(); ++i)
        s.columns << ScheduleColumn{i, date, {}, false, {}};
    return load(std::move(s));
}

Result<DaySchedule> DayScheduleLoader::week(SpaceId space, QDate first) const
{
    if (!first.isValid())
        return fail(Error::invalid(tr("choose a week to show"), QStringLiteral("date")));
    auto found = m_spaces.get(space);
    if (!found)
        return fail(found.error());
    DaySchedule s;
    s.layout = DaySchedule::Layout::DaysOfSpace;
    s.first = first;
    s.last = first.addDays(6);
    s.spaces << *found;
    for (int d = 0; d < 7; ++d)
        s.columns << ScheduleColumn{0, first.addDays(d), {}, false, {}};
    return load(std::move(s));
}

Result<DaySchedule> DayScheduleLoader::load(DaySchedule s) const
{
    s.zone = m_bookings.zone();

    std::optional<SpaceId> only;
    if (s.layout == DaySchedule::Layout::DaysOfSpace)
        only = s.spaces.first().id;
    auto closures = m_spaces.closures(s.first, s.last, only);
    if (!closures)
        return fail(closures.error());

    QHash<SpaceId, QList<int>> columnsOfSpace;
    int setup = 0;
    int cleanup = 0;
    for (int i = 0; i < s.columns.size(); ++i) {
        ScheduleColumn &c = s.columns[i];
        const Space &space = s.spaces.at(c.space);
        c.hours = space.hours.on(c.date.dayOfWeek());
        for (const Closure &closure : *closures) {
            if (closure.day == c.date && (!closure.space || *closure.space == space.id)) {
                c.closure = true;
                c.closureReason = closure.reason;
                break;
            }
        }
        columnsOfSpace[space.id] << i;
        setup = std::max(setup, space.setupMinutes);
        cleanup = std::max(cleanup, space.cleanupMinutes);
    }
    if (s.columns.isEmpty())
        return s;

    // One list for the whole range, widened by the buffers so a booking just
    // past midnight still shades its setup time into the evening before.
    BookingFilter filter;
    filter.from = QDateTime(s.first, QTime(0, 0), s.zone).addSecs(-qint64(cleanup) * 60);
    filter.to = QDateTime(s.last.addDays(1), QTime(0, 0), s.zone).addSecs(qint64(setup) * 60);
    filter.space = only;
    auto bookings = m_bookings.list(filter);
    if (!bookings)
        return fail(bookings.error());

    for (const Booking &b : *bookings) {
        const auto columns = columnsOfSpace.constFind(b.space);
        if (columns == columnsOfSpace.cend())
            continue; // a space no longer in use has no column
        bool shown = false;
        for (int column : *columns) {
            const Space &space = s.spaces.at(s.columns[column].space);
            ScheduleBlock block;
            block.booking = int(s.bookings.size());
            block.column = column;
            block.startMinute = s.minuteOf(column, b.start);
            block.endMinute = s.minuteOf(column, b.end);
            block.setupMinutes = space.setupMinutes;
            block.cleanupMinutes = space.cleanupMinutes;
            if (block.startMinute - block.setupMinutes >= MinutesPerDay || block.endMinute + block.cleanupMinutes <= 0)
                continue;
            s.blocks << block;
            shown = true;
        }
        if (shown)
            s.bookings << b;
    }

    std::stable_sort(s.blocks.begin(), s.blocks.end(), [](const ScheduleBlock &a, const ScheduleBlock &b) {
        return a.column != b.column ? a.column < b.column : a.startMinute < b.startMinute;
    });
    for (qsizetype from = 0; from < s.blocks.size();) {
        qsizetype to = from;
        while (to < s.blocks.size() && s.blocks[to].column == s.blocks[from].column)
            ++to;
        assignLanes(s.blocks, from, to);
        from = to;
    }
    return s;
}

} // namespace hub
