// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

namespace hub {

struct DaySchedule;

/// The calendar's colours: each space's own, or one of a set distinct enough
/// side by side, and the mixes the grid and the cards are drawn in.
class CalendarColours
{
public:
    /// The colour of `space` (an index into the schedule's spaces).
    static QColor ofSpace(const DaySchedule &schedule, int space);
    /// Dark text on light colours, white on dark ones.
    static QColor textOn(const QColor &fill);
    /// `a` moved towards `b` by `t` (0 to 1).
    static QColor blend(const QColor &a, const QColor &b, double t);
};

} // namespace hub
