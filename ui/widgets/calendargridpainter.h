// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

class QDateTime;
class QFont;
class QPainter;
class QPalette;
class QRect;

namespace hub {

class CalendarGeometry;
struct DaySchedule;

/// Paints what lies under and around the calendar's bookings: the columns
/// with their closed hours and slot lines, the chosen free time, the "now"
/// line, the column headers and the hour gutter. Made for one paint event.
class CalendarGridPainter
{
    // The grid's texts are the calendar view's, translated with its own.
    Q_DECLARE_TR_FUNCTIONS(hub::CalendarView)
public:
    CalendarGridPainter(QPainter &painter, const DaySchedule &schedule, const CalendarGeometry &grid,
                        const QPalette &palette, const QFont &font);

    void paintColumns(const QRect &area, int firstColumn, int lastColumn);
    /// Free time chosen in `column`, from `start` to `end` minutes.
    void paintSlot(int column, int start, int end);
    void paintNow(const QDateTime &now, int firstColumn, int lastColumn);
    void paintHeader(const QDateTime &now, int firstColumn, int lastColumn);
    void paintGutter(const QDateTime &now, const QRect &dirty);

private:
    QPainter &m_p;
    const DaySchedule &m_schedule;
    const CalendarGeometry &m_grid;
    const QPalette &m_palette;
    const QFont &m_font;
};

} // namespace hub
