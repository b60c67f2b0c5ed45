// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/calendargridpainter.h"

#include "core/common/displayformat.h"
#include "core/spaces/dayschedule.h"
#include "ui/widgets/calendarcolours.h"
#include "ui/widgets/calendargeometry.h"
#include "ui/widgets/calendarview.h"

#include <QPainter>

#include <algorithm>

namespace hub {

CalendarGridPainter::CalendarGridPainter(QPainter &painter, const DaySchedule &schedule, const CalendarGeometry &grid,
                                         const QPalette &palette, const QFont &font)
    : m_p(painter), m_schedule(schedule), m_grid(grid), m_palette(palette), m_font(font)
{}

void CalendarGridPainter::paintColumns(const QRect &area, int firstColumn, int lastColumn)
{
    QPainter &p = m_p;
    const QPalette &pal = m_palette;
    const QColor closed = CalendarColours::blend(pal.color(QPalette::Base), pal.color(QPalette::Mid), 0.22);
    const QColor hourLine = CalendarColours::blend(pal.color(QPalette::Base), pal.color(QPalette::Mid), 0.55);
    const QColor slotLine = CalendarColours::blend(pal.color(QPalette::Base), pal.color(QPalette::Mid), 0.22);
    const int width = m_grid.columnWidth();
    const int hourHeight = m_grid.metrics().hourHeight;
    const int firstMinute = std::max(0, (area.top() - m_grid.yOf(0)) * 60 / hourHeight - 60);
    const int lastMinute =
        std::min(CalendarView::MinutesPerDay, (area.bottom() - m_grid.yOf(0)) * 60 / hourHeight + 60);

    for (int c = firstColumn; c <= lastColumn; ++c) {
        const ScheduleColumn &column = m_schedule.columns[c];
        const int x = m_grid.xOf(c);
        if (column.isClosed()) {
            p.fillRect(QRect(x, m_grid.yOf(0), width, m_grid.yOf(CalendarView::MinutesPerDay) - m_grid.yOf(0)), closed);
        } else {
            if (column.hours->opens > 0)
                p.fillRect(QRect(x, m_grid.yOf(0), width, m_grid.yOf(column.hours->opens) - m_grid.yOf(0)), closed);
            if (column.hours->closes < CalendarView::MinutesPerDay)
                p.fillRect(QRect(x, m_grid.yOf(column.hours->closes), width,
                                 m_grid.yOf(CalendarView::MinutesPerDay) - m_grid.yOf(column.hours->closes)),
                           closed);
        }
    }

    const int left = m_grid.xOf(firstColumn);
    const int right = m_grid.xOf(lastColumn + 1);
    for (int m = CalendarGeometry::snapDown(firstMinute); m <= lastMinute; m += CalendarView::SlotMinutes) {
        const bool hour = m % 60 == 0;
        if (!hour && hourHeight < 40)
            continue;
        p.setPen(QPen(hour ? hourLine : slotLine, 1, hour ? Qt::SolidLine : Qt::DotLine));
        p.drawLine(left, m_grid.yOf(m), right, m_grid.yOf(m));
    }
    p.setPen(hourLine);
    for (int c = firstColumn; c <= lastColumn + 1; ++c)
        p.drawLine(m_grid.xOf(c), area.top(), m_grid.xOf(c), area.bottom());

    // A whole closed day says so where the user looks: at the top of what is on screen.
    QFont small = m_font;
    small.setItalic(true);
    p.setFont(small);
    p.setPen(pal.color(QPalette::PlaceholderText));
    for (int c = firstColumn; c <= lastColumn; ++c) {
        const ScheduleColumn &column = m_schedule.columns[c];
        if (!column.isClosed())
            continue;
        const QString text = column.closure && !column.closureReason.isEmpty()
                                 ? tr("Closed: %1").arg(column.closureReason)
                                 : tr("Closed");
        p.drawText(QRect(m_grid.xOf(c) + 6, m_grid.gridRect().top() + 6, width - 12, hourHeight),
                   Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, text);
    }
}

void CalendarGridPainter::paintSlot(int column, int start, int end)
{
    QPainter &p = m_p;
    QColor fill = m_palette.color(QPalette::Highlight);
    fill.setAlpha(60);
    const QRect rect(m_grid.xOf(column) + 1, m_grid.yOf(start), m_grid.columnWidth() - 2,
                     m_grid.yOf(end) - m_grid.yOf(start));
    p.fillRect(rect, fill);
    p.setPen(QPen(m_palette.color(QPalette::Highlight), 1.5));
    p.drawRect(rect.adjusted(0, 0, -1, -1));
    if (rect.height() >= QFontMetrics(m_font).height() + 4) {
        p.setPen(m_palette.color(QPalette::Text));
        p.drawText(rect.adjusted(6, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop,
                   tr("%1–%2").arg(CalendarGeometry::clockText(start), CalendarGeometry::clockText(end)));
    }
}

void CalendarGridPainter::paintNow(const QDateTime &now, int firstColumn, int lastColumn)
{
    if (!now.isValid())
        return;
    QPainter &p = m_p;
    const QColor red(0xd0, 0x30, 0x30);
    for (int c = firstColumn; c <= lastColumn; ++c) {
        const int minute = m_schedule.minuteOf(c, now);
        if (minute < 0 || minute >= CalendarView::MinutesPerDay)
            continue;
        const int y = m_grid.yOf(minute);
        p.setPen(QPen(red, 2));
        p.drawLine(m_grid.xOf(c), y, m_grid.xOf(c + 1), y);
        if (c == firstColumn || m_schedule.layout == DaySchedule::Layout::DaysOfSpace) {
            p.setRenderHint(QPainter::Antialiasing, true);
            p.setBrush(red);
            p.setPen(Qt::NoPen);
            p.drawEllipse(QPoint(m_grid.xOf(c) + 1, y), 4, 4);
            p.setBrush(Qt::NoBrush);
            p.setRenderHint(QPainter::Antialiasing, false);
        }
    }
}

void CalendarGridPainter::paintHeader(const QDateTime &now, int firstColumn, int lastColumn)
{
    QPainter &p = m_p;
    const QPalette &pal = m_palette;
    const int viewportWidth = m_grid.viewport().width();
    const int headerHeight = m_grid.metrics().headerHeight;
    const int gutterWidth = m_grid.metrics().gutterWidth;
    const QRect header(0, 0, viewportWidth, headerHeight);
    p.fillRect(header, pal.window());
    p.save();
    p.setClipRect(QRect(gutterWidth, 0, viewportWidth - gutterWidth, headerHeight));
    const int width = m_grid.columnWidth();
    const QFontMetrics fm(m_font);
    QFont bold = m_font;
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    const QDate today = now.isValid() ? now.toTimeZone(m_schedule.zone).date() : QDate();
    for (int c = firstColumn; c <= lastColumn; ++c) {
        const ScheduleColumn &column = m_schedule.columns[c];
        const Space &space = m_schedule.spaceOf(column);
        const QRect cell(m_grid.xOf(c), 0, width, headerHeight);
        QString title;
        QString detail;
        bool isToday = false;
        if (m_schedule.layout == DaySchedule::Layout::SpacesOfDay) {
            title = space.name;
            detail = tr("%n people", nullptr, space.capacity);
            p.fillRect(QRect(cell.left() + 1, cell.top(), cell.width() - 1, 4),
                       CalendarColours::ofSpace(m_schedule, column.space));
        } else {
            title = DisplayFormat::dayMonth(column.date);
            isToday = column.date == today;
            if (column.hours && !column.closure)
                detail = tr("%1–%2").arg(CalendarGeometry::clockText(column.hours->opens),
                                         column.hours->closes == CalendarView::MinutesPerDay
                                             ? QStringLiteral("24:00")
                                             : CalendarGeometry::clockText(column.hours->closes));
        }
        if (column.isClosed())
            detail = column.closure ? tr("Closed") : tr("Closed all day");
        p.setFont(bold);
        p.setPen(isToday ? pal.color(QPalette::Highlight) : pal.color(QPalette::WindowText));
        p.drawText(QRect(cell.left() + 6, cell.top() + 6, cell.width() - 12, boldFm.height()),
                   Qt::AlignHCenter | Qt::AlignTop, boldFm.elidedText(title, Qt::ElideRight, cell.width() - 12));
        p.setFont(m_font);
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(cell.left() + 6, cell.top() + 6 + boldFm.height(), cell.width() - 12, fm.height()),
                   Qt::AlignHCenter | Qt::AlignTop, fm.elidedText(detail, Qt::ElideRight, cell.width() - 12));
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(cell.left(), cell.top() + 4, cell.left(), cell.bottom());
    }
    p.restore();
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, headerHeight - 1, viewportWidth, headerHeight - 1);
}

void CalendarGridPainter::paintGutter(const QDateTime &now, const QRect &dirty)
{
    QPainter &p = m_p;
    const QPalette &pal = m_palette;
    const int headerHeight = m_grid.metrics().headerHeight;
    const int gutterWidth = m_grid.metrics().gutterWidth;
    const int viewportHeight = m_grid.viewport().height();
    const QRect gutter(0, headerHeight, gutterWidth, viewportHeight - headerHeight);
    if (!gutter.intersects(dirty))
        return;
    p.fillRect(gutter, pal.window());
    p.save();
    p.setClipRect(gutter);
    const QFontMetrics fm(m_font);
    p.setPen(pal.color(QPalette::PlaceholderText));
    for (int hour = 0; hour <= 24; ++hour) {
        const int y = m_grid.yOf(hour * 60);
        if (y < gutter.top() - fm.height() || y > gutter.bottom() + fm.height())
            continue;
        p.drawText(QRect(0, y - fm.height() / 2, gutterWidth - 8, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   hour == 24 ? QStringLiteral("24:00") : CalendarGeometry::clockText(hour * 60));
    }
    if (now.isValid()) {
        for (int c = 0; c < m_schedule.columns.size(); ++c) {
            const int minute = m_schedule.minuteOf(c, now);
            if (minute < 0 || minute >= CalendarView::MinutesPerDay)
                continue;
            const int y = m_grid.yOf(minute);
            QFont bold = m_font;
            bold.setBold(true);
            p.setFont(bold);
            p.fillRect(QRect(0, y - fm.height() / 2 - 1, gutterWidth - 2, fm.height() + 2), pal.window());
            p.setPen(QColor(0xd0, 0x30, 0x30));
            p.drawText(QRect(0, y - fm.height() / 2, gutterWidth - 8, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                       CalendarGeometry::clockText(minute));
            break;
        }
    }
    p.restore();
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(gutterWidth - 1, headerHeight, gutterWidth - 1, viewportHeight);
}

} // namespace hub
