// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/calendarcolours.h"

#include "core/spaces/dayschedule.h"

#include <iterator>

namespace hub {

namespace {
// Colours for spaces that have none of their own, distinct enough side by side.
const char *const FallbackColours[] = {"#3a7bd5", "#2e9e6a", "#d9822b", "#8e5ad6",
                                       "#c94f6d", "#1f9bb5", "#a0892c", "#5c6bc0"};
} // namespace

QColor CalendarColours::ofSpace(const DaySchedule &schedule, int space)
{
    const QColor own(schedule.spaces.at(space).colour);
    if (own.isValid())
        return own;
    return QColor(QLatin1String(FallbackColours[space % int(std::size(FallbackColours))]));
}

QColor CalendarColours::textOn(const QColor &fill)
{
    const double luminance = 0.299 * fill.redF() + 0.587 * fill.greenF() + 0.114 * fill.blueF();
    return luminance > 0.6 ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white);
}

QColor CalendarColours::blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace hub
