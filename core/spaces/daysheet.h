// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/error.h"
#include "core/spaces/space.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace hub {

class BookingService;
class SpaceService;

/// One live booking as the front desk reads it: local times of the sheet's
/// zone, and the space's buffers around it.
struct DaySheetEntry
{
    Booking booking;
    QDateTime start; ///< local, in the sheet's zone
    QDateTime end;   ///< local, in the sheet's zone
    int setupMinutes = 0;
    int cleanupMinutes = 0;

    bool isTentative() const { return booking.status == BookingStatus::Tentative; }
    /// Started on an earlier day (shown from midnight).
    bool startsEarlier(QDate day) const { return start.date() < day; }
    /// Runs past the end of `day` (a booking ending at midnight does not).
    bool endsLater(QDate day) const { return end > QDateTime(day.addDays(1), QTime(0, 0), end.timeZone()); }
    /// True while the booking itself (not its buffers) is running at `instant`.
    bool isOnAt(const QDateTime &instant) const { return booking.start <= instant && instant < booking.end; }
};

/// One active space and its live bookings of the day, in start order.
struct DaySheetSpace
{
    Space space;
    QList<DaySheetEntry> entries;
    /// The opening hours that day; none when the space is closed all day.
    std::optional<DayHours> hours;
    /// A closure (a holiday, a deep clean) shuts the space that day.
    bool closure = false;
    QString closureReason;

    bool isClosed() const { return !hours || closure; }
};

/// What the front desk needs for one local date: every active space (by name)
/// with its live bookings in order, and what is on now and next. Read with
/// two queries however many spaces there are.
class DaySheet
{
    Q_DECLARE_TR_FUNCTIONS(hub::DaySheet)
public:
    /// The sheet of `date` (a local date of the bookings' zone).
    static Result<DaySheet> load(const SpaceService &spaces, const BookingService &bookings, QDate date);

    QDate date() const { return m_date; }
    QTimeZone zone() const { return m_zone; }
    const QList<DaySheetSpace> &spaces() const { return m_spaces; }
    /// Bookings of the day across all spaces.
    int bookingCount() const;

    /// Bookings running at `instant`, across spaces, by start then space.
    QList<DaySheetEntry> onNow(const QDateTime &instant) const;
    /// The bookings that start soonest after `instant` (several when they
    /// start at the same time), across spaces.
    QList<DaySheetEntry> next(const QDateTime &instant) const;

    /// "19:00–21:00", with the day named when the booking crosses midnight.
    QString timeText(const DaySheetEntry &entry) const;

private:
    QDate m_date;
    QTimeZone m_zone;
    QList<DaySheetSpace> m_spaces;
};

} // namespace hub
