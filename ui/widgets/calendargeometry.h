// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPoint>
#include <QRect>
#include <QSize>
#include <QString>

class QFont;

namespace hub {

struct ScheduleBlock;

/// Where the calendar grid puts things at one scroll position: columns across,
/// wall-clock minutes down, and each booking's block in its lane of a column
/// (bookings that overlap share the column side by side).
class CalendarGeometry
{
public:
    /// The sizes that follow the font.
    struct Metrics
    {
        int hourHeight = 48;
        int headerHeight = 40;
        int gutterWidth = 56;
        int minColumnWidth = 120;

        static Metrics forFont(const QFont &font);
    };

    CalendarGeometry(const Metrics &metrics, const QSize &viewport, const QPoint &scroll, int columns);

    const Metrics &metrics() const { return m_metrics; }
    QSize viewport() const { return m_viewport; }
    int columnWidth() const;
    /// The viewport below the header and right of the hour gutter.
    QRect gridRect() const;
    int xOf(int column) const;
    int yOf(int minute) const;
    /// The column under viewport x, or -1.
    int columnAt(int x) const;
    /// The minute of the day under viewport y, within the day.
    int minuteAt(int y) const;
    /// The wall-clock minute at the top of the grid.
    int firstVisibleMinute() const;

    /// The left edge and width of a block's lane.
    int laneLeft(const ScheduleBlock &block) const;
    int laneWidth(const ScheduleBlock &block) const;
    /// A block's card, cut to the day.
    QRect blockRect(const ScheduleBlock &block) const;
    /// Where a booking being dragged would go: a whole lane of `column`.
    QRect ghostRect(int column, int startMinute, int endMinute) const;

    /// `minute` rounded down to the start of its slot.
    static int snapDown(int minute);
    /// "hh:mm" of a minute of the day.
    static QString clockText(int minute);

private:
    Metrics m_metrics;
    QSize m_viewport;
    QPoint m_scroll;
    int m_columns = 0;
};

} // namespace hub
