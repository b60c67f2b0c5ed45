// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/calendargeometry.h"

#include "core/spaces/dayschedule.h"
#include "ui/widgets/calendarview.h"

#include <QFontMetrics>

#include <algorithm>

namespace hub {

CalendarGeometry::Metrics CalendarGeometry::Metrics::forFont(const QFont &font)
{
    const QFontMetrics fm(font);
    Metrics m;
    // Three lines of text fit an hour, so a one-hour booking shows its title,
    // time and booker.
    m.hourHeight = std::max(48, (fm.height() * 3 + 8 + 3) / 4 * 4);
    m.headerHeight = fm.height() * 2 + 14;
    m.gutterWidth = fm.horizontalAdvance(QStringLiteral("00:00")) + 20;
    m.minColumnWidth = std::max(120, fm.horizontalAdvance(QLatin1Char('x')) * 18);
    return m;
}

CalendarGeometry::CalendarGeometry(const Metrics &metrics, const QSize &viewport, const QPoint &scroll, int columns)
    : m_metrics(metrics), m_viewport(viewport), m_scroll(scroll), m_columns(columns)
{}

int CalendarGeometry::columnWidth() const
{
    const int columns = std::max<int>(1, m_columns);
    const int available = m_viewport.width() - m_metrics.gutterWidth;
    return std::max(m_metrics.minColumnWidth, available / columns);
}

QRect CalendarGeometry::gridRect() const
{
    return QRect(m_metrics.gutterWidth, m_metrics.headerHeight, m_viewport.width() - m_metrics.gutterWidth,
                 m_viewport.height() - m_metrics.headerHeight);
}

int CalendarGeometry::xOf(int column) const
{
    return m_metrics.gutterWidth + column * columnWidth() - m_scroll.x();
}

int CalendarGeometry::yOf(int minute) const
{
    return m_metrics.headerHeight + minute * m_metrics.hourHeight / 60 - m_scroll.y();
}

int CalendarGeometry::columnAt(int x) const
{
    if (m_columns == 0)
        return -1;
    const int offset = x - m_metrics.gutterWidth + m_scroll.x();
    if (offset < 0)
        return -1;
    const int column = offset / columnWidth();
    return column < m_columns ? column : -1;
}

int CalendarGeometry::minuteAt(int y) const
{
    const int offset = y - m_metrics.headerHeight + m_scroll.y();
    return std::clamp(offset * 60 / m_metrics.hourHeight, 0, CalendarView::MinutesPerDay - 1);
}

int CalendarGeometry::firstVisibleMinute() const
{
    return m_scroll.y() * 60 / m_metrics.hourHeight;
}

int CalendarGeometry::laneWidth(const ScheduleBlock &block) const
{
    // A gap on the right keeps free time beside a booking clickable.
    const int usable = columnWidth() - 10;
    return usable / std::max(1, block.lanes);
}

int CalendarGeometry::laneLeft(const ScheduleBlock &block) const
{
    return xOf(block.column) + 2 + block.lane * laneWidth(block);
}

QRect CalendarGeometry::blockRect(const ScheduleBlock &block) const
{
    const int top = yOf(std::max(block.startMinute, 0));
    const int bottom = yOf(std::min(block.endMinute, CalendarView::MinutesPerDay));
    return QRect(laneLeft(block), top + 1, laneWidth(block) - 2, std::max(bottom - top - 2, 4));
}

QRect CalendarGeometry::ghostRect(int column, int startMinute, int endMinute) const
{
    const int w = columnWidth() - 10;
    return QRect(xOf(column) + 2, yOf(startMinute) + 1, w - 2, std::max(yOf(endMinute) - yOf(startMinute) - 2, 4));
}

int CalendarGeometry::snapDown(int minute)
{
    const int slot = CalendarView::SlotMinutes;
    return minute >= 0 ? minute / slot * slot : -((-minute + slot - 1) / slot) * slot;
}

QString CalendarGeometry::clockText(int minute)
{
    const int m = ((minute % CalendarView::MinutesPerDay) + CalendarView::MinutesPerDay) % CalendarView::MinutesPerDay;
    return QStringLiteral("%1:%2").arg(m / 60, 2, 10, QChar(u'0')).arg(m % 60, 2, 10, QChar(u'0'));
}

} // namespace hub
