// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/spaces/space.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <optional>

namespace hub {

class BookingService;
class SpaceService;

/// One column of the calendar: a space on a local date.
struct ScheduleColumn
{
    int space = 0; ///< index into DaySchedule::spaces
    QDate date;
    /// The opening hours that day; none when the space is closed all day.
    std::optional<DayHours> hours;
    /// A closure (a holiday, a deep clean) shuts the space that day.
    bool closure = false;
    QString closureReason;

    bool isClosed() const { return !hours || closure; }
};

/// Where one booking appears in one column. A booking that runs past
/// midnight appears in each day's column of a week.
struct ScheduleBlock
{
    int booking = 0; ///< index into DaySchedule::bookings
    int column = 0;
    /// Wall-clock minutes from the column's local midnight; below 0 or
    /// above 1440 when the booking began the day before or ends the day after.
    int startMinute = 0;
    int endMinute = 0;
    int setupMinutes = 0;   ///< shaded before startMinute
    int cleanupMinutes = 0; ///< shaded after endMinute
    /// Live bookings never overlap, but a damaged or imported file may hold
    /// some that do: they share the column side by side rather than hide each other.
    int lane = 0;
    int lanes = 1;
};

/// Spaces, opening hours, closed days and live bookings of a local date
/// range, laid out in columns for the Calendar page to paint from.
struct DaySchedule
{
    enum class Layout
    {
        SpacesOfDay, ///< one day, a column for each active space
        DaysOfSpace, ///< one space, a column for each day of a week
    };

    Layout layout = Layout::SpacesOfDay;
    QDate first; ///< local dates, inclusive
    QDate last;
    QTimeZone zone;
    QList<Space> spaces;
    QList<ScheduleColumn> columns;
    QList<Booking> bookings;     ///< by start time
    QList<ScheduleBlock> blocks; ///< by column, then start

    /// The column showing `space` on `date`, or -1.
    int columnOf(SpaceId space, QDate date) const;
    /// The blocks of `booking` (one, or one per day it spans in a week), as indexes into `blocks`.
    QList<int> blocksOf(BookingId booking) const;
    /// The index into `bookings` of `id`, or -1.
    int bookingIndex(BookingId id) const;
    const Space &spaceOf(const ScheduleColumn &column) const { return spaces.at(column.space); }

    /// The instant of a wall-clock minute of a column (minutes may run past midnight).
    QDateTime at(int column, int minute) const;
    /// The wall-clock minute of `instant` counted from a column's local midnight.
    int minuteOf(int column, const QDateTime &instant) const;
    /// The earliest opening time of any open column, in minutes; 0 when every column is closed.
    int earliestOpening() const;
};

/// Reads what the Calendar page shows with a handful of queries per load,
/// however many bookings there are: the spaces, the closed days and one
/// list of bookings for the whole range.
class DayScheduleLoader
{
    Q_DECLARE_TR_FUNCTIONS(hub::DayScheduleLoader)
public:
    DayScheduleLoader(const SpaceService &spaces, const BookingService &bookings);

    /// Every active space on one local date.
    Result<DaySchedule> day(QDate date) const;
    /// One space (active or not) for the seven days from `first` (the
    /// Calendar page passes a Monday).
    Result<DaySchedule> week(SpaceId space, QDate first) const;

private:
    Result<DaySchedule> load(DaySchedule schedule) const;

    const SpaceService &m_spaces;
    const BookingService &m_bookings;
};

} // namespace hub
