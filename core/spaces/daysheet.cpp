// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/daysheet.h"

#include "core/common/displayformat.h"
#include "core/spaces/bookingservice.h"
#include "core/spaces/spaceservice.h"

#include <QHash>

#include <algorithm>

namespace hub {

Result<DaySheet> DaySheet::load(const SpaceService &spaces, const BookingService &bookings, QDate date)
{
    if (!date.isValid())
        return fail(Error::invalid(tr("choose a date for the day sheet"), QStringLiteral("date")));
    DaySheet sheet;
    sheet.m_date = date;
    sheet.m_zone = bookings.zone();

    auto active = spaces.list(true);
    if (!active)
        return fail(active.error());
    // One list of the day for all spaces (ending after its midnight, starting
    // before the next), so a hub with many spaces still reads it at once.
    BookingFilter filter;
    filter.from = bookings.localTime(date, QTime(0, 0));
    filter.to = bookings.localTime(date.addDays(1), QTime(0, 0));
    auto day = bookings.list(filter);
    if (!day)
        return fail(day.error());

    // Closed days as the Calendar shows them: no hours that weekday, or a closure.
    auto closures = spaces.closures(date, date);
    if (!closures)
        return fail(closures.error());
    QHash<SpaceId, qsizetype> row;
    for (const Space &space : *active) {
        row.insert(space.id, sheet.m_spaces.size());
        DaySheetSpace column{space, {}, space.hours.on(date.dayOfWeek()), false, {}};
        for (const Closure &closure : std::as_const(*closures)) {
            if (closure.day == date && (!closure.space || *closure.space == space.id)) {
                column.closure = true;
                column.closureReason = closure.reason;
            }
        }
        sheet.m_spaces.append(column);
    }
    for (const Booking &b : *day) {
        const auto at = row.constFind(b.space);
        if (at == row.constEnd() || !b.isLive())
            continue; // a space no longer in use has no column on the sheet
        DaySheetSpace &column = sheet.m_spaces[*at];
        column.entries.append(DaySheetEntry{b, b.start.toTimeZone(sheet.m_zone), b.end.toTimeZone(sheet.m_zone),
                                            column.space.setupMinutes, column.space.cleanupMinutes});
    }
    std::stable_sort(sheet.m_spaces.begin(), sheet.m_spaces.end(), [](const DaySheetSpace &a, const DaySheetSpace &b) {
        return QString::localeAwareCompare(a.space.name, b.space.name) < 0;
    });
    return sheet;
}

int DaySheet::bookingCount() const
{
    int n = 0;
    for (const DaySheetSpace &s : m_spaces)
        n += int(s.entries.size());
    return n;
}

QList<DaySheetEntry> DaySheet::onNow(const QDateTime &instant) const
{
    QList<DaySheetEntry> out;
    for (const DaySheetSpace &s : m_spaces)
        for (const DaySheetEntry &e : s.entries)
            if (e.isOnAt(instant))
                out.append(e);
    std::stable_sort(out.begin(), out.end(),
                     [](const DaySheetEntry &a, const DaySheetEntry &b) { return a.booking.start < b.booking.start; });
    return out;
}

QList<DaySheetEntry> DaySheet::next(const QDateTime &instant) const
{
    QList<DaySheetEntry> out;
    QDateTime soonest;
    for (const DaySheetSpace &s : m_spaces)
        for (const DaySheetEntry &e : s.entries) {
            if (e.booking.start <= instant)
                continue;
            if (!soonest.isValid() || e.booking.start < soonest) {
                soonest = e.booking.start;
                out.clear();
            }
            if (e.booking.start == soonest)
                out.append(e);
        }
    return out;
}

QString DaySheet::timeText(const DaySheetEntry &e) const
{
    const auto at = [&](const QDateTime &t, bool otherDay) {
        const QString time = DisplayFormat::time(t.time());
        return otherDay ? tr("%1 %2").arg(DisplayFormat::dayMonth(t.date()), time) : time;
    };
    // Ending at midnight is the end of this day, not a time on the next.
    const bool endsAtMidnight = e.end.date() == m_date.addDays(1) && e.end.time() == QTime(0, 0);
    const QString end = endsAtMidnight ? QStringLiteral("24:00") : at(e.end, e.end.date() != m_date);
    return tr("%1–%2").arg(at(e.start, e.start.date() != m_date), end);
}

} // namespace hub
