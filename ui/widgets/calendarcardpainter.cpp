// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/calendarcardpainter.h"

#include "core/common/displayformat.h"
#include "core/spaces/dayschedule.h"
#include "ui/widgets/calendarcolours.h"
#include "ui/widgets/calendargeometry.h"
#include "ui/widgets/calendarview.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace hub {

void CalendarCardPainter::reset(qsizetype blocks)
{
    m_texts.clear();
    m_texts.resize(blocks);
}

QString CalendarCardPainter::timeText(const Booking &b, const QTimeZone &zone)
{
    const QDateTime s = b.start.toTimeZone(zone);
    const QDateTime e = b.end.toTimeZone(zone);
    if (s.date() == e.date() || (e.date() == s.date().addDays(1) && e.time() == QTime(0, 0)))
        return tr("%1–%2").arg(DisplayFormat::time(s.time()), DisplayFormat::time(e.time()));
    return tr("%1 %2 – %3 %4")
        .arg(DisplayFormat::dayMonth(s.date()), DisplayFormat::time(s.time()), DisplayFormat::dayMonth(e.date()),
             DisplayFormat::time(e.time()));
}

void CalendarCardPainter::paintBlocks(QPainter &p, const Scene &scene, const QRect &area, int firstBlock, int endBlock,
                                      int hiddenBooking)
{
    const DaySchedule &schedule = scene.schedule;
    for (int b = firstBlock; b < endBlock; ++b) {
        const ScheduleBlock &block = schedule.blocks[b];
        if (block.booking == hiddenBooking)
            continue; // drawn where it is being dragged to
        const int top = scene.grid.yOf(std::max(block.startMinute - block.setupMinutes, 0));
        const int bottom =
            scene.grid.yOf(std::min(block.endMinute + block.cleanupMinutes, CalendarView::MinutesPerDay));
        if (bottom < area.top() || top > area.bottom())
            continue;
        paintBuffers(p, scene, b);
        if (block.startMinute >= CalendarView::MinutesPerDay || block.endMinute <= 0)
            continue;
        paintCard(p, scene, b, scene.grid.blockRect(block), false);
    }
}

void CalendarCardPainter::paintBuffers(QPainter &p, const Scene &scene, int index)
{
    const ScheduleBlock &block = scene.schedule.blocks[index];
    const CalendarGeometry &grid = scene.grid;
    // Buffers: the space is kept free here for setting up and clearing away.
    const QColor colour = CalendarColours::ofSpace(scene.schedule, scene.schedule.columns[block.column].space);
    QColor buffer = colour;
    buffer.setAlpha(70);
    const int laneWidth = grid.laneWidth(block);
    const int x = grid.laneLeft(block);
    if (block.setupMinutes > 0 && block.startMinute > 0) {
        const int from = grid.yOf(std::max(block.startMinute - block.setupMinutes, 0));
        const int to = grid.yOf(std::min(block.startMinute, CalendarView::MinutesPerDay));
        if (to > from)
            p.fillRect(QRect(x, from, laneWidth - 2, to - from), QBrush(buffer, Qt::Dense4Pattern));
    }
    if (block.cleanupMinutes > 0 && block.endMinute < CalendarView::MinutesPerDay) {
        const int from = grid.yOf(std::max(block.endMinute, 0));
        const int to = grid.yOf(std::min(block.endMinute + block.cleanupMinutes, CalendarView::MinutesPerDay));
        if (to > from)
            p.fillRect(QRect(x, from, laneWidth - 2, to - from), QBrush(buffer, Qt::Dense4Pattern));
    }
}

void CalendarCardPainter::paintCard(QPainter &p, const Scene &scene, int index, const QRect &rect, bool ghost)
{
    const ScheduleBlock &block = scene.schedule.blocks[index];
    const Booking &booking = scene.schedule.bookings[block.booking];
    const QColor colour = CalendarColours::ofSpace(scene.schedule, scene.schedule.columns[block.column].space);
    const bool tentative = booking.status == BookingStatus::Tentative;
    const bool selected = booking.id == scene.selected;
    const QPalette &pal = scene.palette;

    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    QPainterPath shape;
    shape.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    QColor text;
    if (tentative) {
        // Held but not confirmed: a pale fill with the space's colour hatched over it.
        const QColor pale = CalendarColours::blend(pal.color(QPalette::Base), colour, 0.18);
        p.fillPath(shape, pale);
        QColor hatch = colour;
        hatch.setAlpha(70);
        // A pattern brush filled with antialiasing costs several times a
        // plain fill; the hatching is inside the outline, which stays smooth.
        p.setRenderHint(QPainter::Antialiasing, false);
        p.fillPath(shape, QBrush(hatch, Qt::BDiagPattern));
        p.setRenderHint(QPainter::Antialiasing, true);
        text = pal.color(QPalette::Text);
        p.setPen(QPen(colour, selected ? 2.5 : 1.5, Qt::DashLine));
    } else {
        p.fillPath(shape, colour);
        text = CalendarColours::textOn(colour);
        p.setPen(QPen(colour.darker(130), selected ? 2.5 : 1));
    }
    if (ghost)
        p.setOpacity(0.75);
    p.drawPath(shape);
    if (selected) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 2.5));
        p.drawPath(shape);
    }
    // A booking that began the day before or goes on past midnight is cut off by a ragged edge.
    p.setPen(QPen(text, 1, Qt::DotLine));
    if (block.startMinute < 0 && !ghost)
        p.drawLine(rect.left() + 4, rect.top() + 2, rect.right() - 4, rect.top() + 2);
    if (block.endMinute > CalendarView::MinutesPerDay && !ghost)
        p.drawLine(rect.left() + 4, rect.bottom() - 2, rect.right() - 4, rect.bottom() - 2);
    p.setRenderHint(QPainter::Antialiasing, false);
    paintText(p, scene, index, rect, text);
    p.restore();
}

void CalendarCardPainter::paintText(QPainter &p, const Scene &scene, int index, const QRect &rect, const QColor &text)
{
    const QRect inner = rect.adjusted(5, 2, -4, -2);
    const QStringList &lines = linesFor(scene, index, inner.size());
    QFont bold = scene.font;
    bold.setBold(true);
    const QFontMetrics fm(scene.font);
    p.setPen(text);
    int y = inner.top();
    for (int i = 0; i < lines.size(); ++i) {
        p.setFont(i == 0 ? bold : scene.font);
        p.drawText(QRect(inner.left(), y, inner.width(), fm.height()), Qt::AlignLeft | Qt::AlignTop, lines[i]);
        y += fm.height();
    }
}

const QStringList &CalendarCardPainter::linesFor(const Scene &scene, int index, const QSize &size)
{
    if (m_texts.size() != scene.schedule.blocks.size())
        m_texts.resize(scene.schedule.blocks.size());
    BlockText &cached = m_texts[index];
    if (cached.size == size && !cached.lines.isEmpty())
        return cached.lines;
    const ScheduleBlock &block = scene.schedule.blocks[index];
    const Booking &b = scene.schedule.bookings[block.booking];
    QFont bold = scene.font;
    bold.setBold(true);
    const QFontMetrics fm(scene.font);
    const QFontMetrics boldFm(bold);
    const int rows = std::max(1, size.height() / fm.height());
    const QString time = timeText(b, scene.schedule.zone);
    const QString who = b.member ? b.memberName : tr("Hub's own use");
    const QString status = b.status == BookingStatus::Tentative ? tr("Tentative") : QString();
    QStringList lines;
    if (rows == 1) {
        lines << boldFm.elidedText(tr("%1 %2").arg(time.left(5), b.title), Qt::ElideRight, size.width());
    } else {
        lines << boldFm.elidedText(b.title, Qt::ElideRight, size.width());
        lines << fm.elidedText(status.isEmpty() ? time : tr("%1 · %2").arg(time, status), Qt::ElideRight, size.width());
        if (rows >= 3)
            lines << fm.elidedText(b.attendees > 0 ? tr("%1 · %n people", nullptr, b.attendees).arg(who) : who,
                                   Qt::ElideRight, size.width());
    }
    cached.size = size;
    cached.lines = lines;
    return cached.lines;
}

} // namespace hub
