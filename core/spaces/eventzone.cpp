// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/spaces/eventzone.h"

#include "core/spaces/icalendarvalues.h"

namespace hub {

QDateTime EventZone::toUtc(QDate d, QTime t) const
{
    if (file) {
        icaltimetype tt = ical::wallClock(QDateTime(d, t));
        return QDateTime::fromSecsSinceEpoch(icaltime_as_timet_with_zone(tt, file), QTimeZone::utc());
    }
    return QDateTime(d, t, qt).toUTC();
}

QDateTime EventZone::toLocal(const QDateTime &utc) const
{
    if (file)
        return ical::wallClockOf(icaltime_from_timet_with_zone(static_cast<time_t>(utc.toSecsSinceEpoch()), 0, file));
    const QDateTime local = utc.toTimeZone(qt);
    return QDateTime(local.date(), local.time());
}

} // namespace hub
