// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/calendarview.h"

#include "ui/widgets/calendargridpainter.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>

namespace hub {

namespace {
int snapDown(int minute)
{
    return CalendarGeometry::snapDown(minute);
}

} // namespace

CalendarView::CalendarView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("calendarView"));
    setAccessibleName(tr("Calendar"));
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::StyledPanel);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setBackgroundRole(QPalette::Base);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    updateMetrics();
}

CalendarView::~CalendarView() = default;

QSize CalendarView::sizeHint() const
{
    return {800, 560};
}

QSize CalendarView::minimumSizeHint() const
{
    return {m_metrics.gutterWidth + m_metrics.minColumnWidth + 24, m_metrics.headerHeight + m_metrics.hourHeight * 3};
}

void CalendarView::updateMetrics()
{
    m_metrics = CalendarGeometry::Metrics::forFont(font());
    m_cards.clear();
    updateScrollBars();
}

void CalendarView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateMetrics();
    QAbstractScrollArea::changeEvent(event);
}

CalendarGeometry CalendarView::grid() const
{
    return CalendarGeometry(m_metrics, viewport()->size(),
                            QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value()),
                            int(m_schedule.columns.size()));
}

int CalendarView::columnWidth() const
{
    return grid().columnWidth();
}

QRect CalendarView::gridRect() const
{
    return grid().gridRect();
}

void CalendarView::updateScrollBars()
{
    const QRect grid = gridRect();
    const int contentHeight = 24 * m_metrics.hourHeight;
    verticalScrollBar()->setRange(0, std::max(0, contentHeight - grid.height()));
    verticalScrollBar()->setPageStep(grid.height());
    verticalScrollBar()->setSingleStep(m_metrics.hourHeight / 4);
    const int contentWidth = int(m_schedule.columns.size()) * columnWidth();
    horizontalScrollBar()->setRange(0, std::max(0, contentWidth - grid.width()));
    horizontalScrollBar()->setPageStep(grid.width());
    horizontalScrollBar()->setSingleStep(columnWidth() / 4);
}

void CalendarView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    m_cards.reset(m_schedule.blocks.size());
    updateScrollBars();
}

void CalendarView::scrollContentsBy(int, int)
{
    viewport()->update();
}

int CalendarView::xOf(int column) const
{
    return grid().xOf(column);
}

int CalendarView::yOf(int minute) const
{
    return grid().yOf(minute);
}

int CalendarView::columnAt(int x) const
{
    return grid().columnAt(x);
}

int CalendarView::minuteAt(int y) const
{
    return grid().minuteAt(y);
}

QPoint CalendarView::pointAt(int column, int minute) const
{
    return {xOf(column) + columnWidth() / 2, yOf(minute)};
}

int CalendarView::firstVisibleMinute() const
{
    return grid().firstVisibleMinute();
}

void CalendarView::scrollToMinute(int minute)
{
    verticalScrollBar()->setValue(std::max(0, minute) * m_metrics.hourHeight / 60);
}

void CalendarView::scrollToWorkingHours()
{
    int minute = m_schedule.earliestOpening();
    if (minute == 0 && !m_schedule.columns.isEmpty())
        minute = 8 * 60; // open all day: start where the working day does
    for (int c = 0; m_now.isValid() && c < m_schedule.columns.size(); ++c) {
        const int now = m_schedule.minuteOf(c, m_now);
        if (now >= 0 && now < MinutesPerDay) {
            // Today: from the opening time if now still fits below, else the hour before now.
            const int visibleMinutes = gridRect().height() * 60 / m_metrics.hourHeight;
            if (now > minute + visibleMinutes - 60)
                minute = now - 60;
            break;
        }
    }
    scrollToMinute(snapDown(minute - 30 >= 0 ? minute - 30 : 0));
}

void CalendarView::setSchedule(DaySchedule schedule)
{
    const bool sameView = schedule.layout == m_schedule.layout && schedule.first == m_schedule.first &&
                          schedule.columns.size() == m_schedule.columns.size();
    m_schedule = std::move(schedule);
    m_drag = {};
    m_cards.reset(m_schedule.blocks.size());
    m_columnBlocks.fill(0, m_schedule.columns.size() + 1);
    // Blocks are sorted by column: a column's blocks run from its entry to the next's.
    int b = 0;
    for (int c = 0; c <= m_schedule.columns.size(); ++c) {
        while (b < m_schedule.blocks.size() && m_schedule.blocks[b].column < c)
            ++b;
        m_columnBlocks[c] = b;
    }
    m_columnBlocks[m_schedule.columns.size()] = int(m_schedule.blocks.size());

    if (!sameView || m_schedule.bookingIndex(m_selectedBooking) < 0)
        m_selectedBooking = {};
    if (m_slot.column >= m_schedule.columns.size() || !sameView)
        m_slot = {};
    updateScrollBars();
    viewport()->update();
    Q_EMIT selectionChanged();
}

void CalendarView::setNow(const QDateTime &now)
{
    m_now = now;
    viewport()->update();
}

QRect CalendarView::blockRectOf(int index) const
{
    return grid().blockRect(m_schedule.blocks.at(index));
}

QRect CalendarView::blockRect(BookingId id) const
{
    const QList<int> blocks = m_schedule.blocksOf(id);
    for (int b : blocks) {
        if (m_schedule.blocks[b].startMinute < MinutesPerDay && m_schedule.blocks[b].endMinute > 0)
            return blockRectOf(b);
    }
    return {};
}

BookingId CalendarView::bookingAt(const QPoint &pos) const
{
    const int block = blockAt(pos);
    return block >= 0 ? m_schedule.bookings[m_schedule.blocks[block].booking].id : BookingId();
}

int CalendarView::blockAt(const QPoint &pos) const
{
    if (!gridRect().contains(pos))
        return -1;
    const int column = columnAt(pos.x());
    if (column < 0)
        return -1;
    for (int b = m_columnBlocks[column]; b < m_columnBlocks[column + 1]; ++b) {
        const ScheduleBlock &block = m_schedule.blocks[b];
        if (block.endMinute <= 0 || block.startMinute >= MinutesPerDay)
            continue; // only its buffer reaches this day
        if (blockRectOf(b).contains(pos))
            return b;
    }
    return -1;
}

int CalendarView::blockCovering(int column, int minute) const
{
    if (column < 0 || column >= m_schedule.columns.size())
        return -1;
    for (int b = m_columnBlocks[column]; b < m_columnBlocks[column + 1]; ++b) {
        const ScheduleBlock &block = m_schedule.blocks[b];
        if (block.startMinute <= minute && minute < block.endMinute)
            return b;
    }
    return -1;
}

// ---- selection ----

void CalendarView::setSelection(BookingId booking, Slot slot)
{
    m_selectedBooking = booking;
    m_slot = slot;
    if (booking.isValid()) {
        const int index = m_schedule.bookingIndex(booking);
        if (index >= 0)
            setAccessibleDescription(
                tr("%1, %2").arg(m_schedule.bookings[index].title,
                                 CalendarCardPainter::timeText(m_schedule.bookings[index], m_schedule.zone)));
    } else if (slot.isValid()) {
        setAccessibleDescription(
            tr("Free time %1–%2").arg(CalendarGeometry::clockText(slot.start), CalendarGeometry::clockText(slot.end)));
    }
    viewport()->update();
    Q_EMIT selectionChanged();
}

bool CalendarView::selectBooking(BookingId id)
{
    const QList<int> blocks = m_schedule.blocksOf(id);
    if (blocks.isEmpty())
        return false;
    // A copy: setSelection() signals, and a slot may reload the schedule.
    const ScheduleBlock b = m_schedule.blocks[blocks.first()];
    const int start = std::max(b.startMinute, 0);
    const int end = std::min(b.endMinute, MinutesPerDay);
    setSelection(id, Slot{b.column, start, std::max(end, start + SlotMinutes)});
    ensureVisible(b.column, start, end);
    return true;
}

void CalendarView::selectSlot(int column, int startMinute, int endMinute)
{
    if (column < 0 || column >= m_schedule.columns.size()) {
        clearSelection();
        return;
    }
    const int start = std::clamp(startMinute, 0, MinutesPerDay - SlotMinutes);
    const int end = std::clamp(endMinute, start + SlotMinutes, MinutesPerDay);
    setSelection({}, Slot{column, start, end});
    ensureVisible(column, start, end);
}

void CalendarView::clearSelection()
{
    setSelection({}, {});
}

void CalendarView::ensureVisible(int column, int startMinute, int endMinute)
{
    const QRect grid = gridRect();
    const int top = yOf(startMinute);
    const int bottom = yOf(endMinute);
    QScrollBar *v = verticalScrollBar();
    if (top < grid.top())
        v->setValue(v->value() - (grid.top() - top) - m_metrics.hourHeight / 4);
    else if (bottom > grid.bottom() && bottom - top < grid.height())
        v->setValue(v->value() + (bottom - grid.bottom()) + m_metrics.hourHeight / 4);
    const int left = xOf(column);
    const int right = left + columnWidth();
    QScrollBar *h = horizontalScrollBar();
    if (left < grid.left())
        h->setValue(h->value() - (grid.left() - left));
    else if (right > grid.right())
        h->setValue(h->value() + (right - grid.right()));
}

void CalendarView::moveSelection(int columns, int steps)
{
    if (m_schedule.columns.isEmpty())
        return;
    Slot from = m_slot;
    if (!from.isValid()) {
        // Nothing selected yet: start at the top of what is on screen.
        const int first = snapDown(firstVisibleMinute() + SlotMinutes - 1);
        const int column = std::max(0, columnAt(m_metrics.gutterWidth + 1));
        const int b = blockCovering(column, first);
        if (b >= 0)
            selectBooking(m_schedule.bookings[m_schedule.blocks[b].booking].id);
        else
            selectSlot(column, first, first + SlotMinutes);
        return;
    }
    int column = std::clamp(from.column + columns, 0, int(m_schedule.columns.size()) - 1);
    int start = from.start;
    if (steps < 0)
        start = from.start - SlotMinutes;
    else if (steps > 0)
        start = m_selectedBooking.isValid() ? from.end : from.start + SlotMinutes;
    start = std::clamp(snapDown(start), 0, MinutesPerDay - SlotMinutes);
    const int b = blockCovering(column, start);
    if (b >= 0) {
        const BookingId id = m_schedule.bookings[m_schedule.blocks[b].booking].id;
        // Up from the slot below a booking lands on the booking, not back on its last slot.
        if (id != m_selectedBooking || columns != 0) {
            selectBooking(id);
            // Keep the column the user moved to (a booking spans days in a week).
            if (m_slot.column != column)
                m_slot.column = column;
            return;
        }
        start = steps < 0 ? snapDown(std::max(m_schedule.blocks[b].startMinute, 0) - SlotMinutes)
                          : m_schedule.blocks[b].endMinute;
        start = std::clamp(start, 0, MinutesPerDay - SlotMinutes);
        if (const int other = blockCovering(column, start); other >= 0) {
            selectBooking(m_schedule.bookings[m_schedule.blocks[other].booking].id);
            return;
        }
    }
    selectSlot(column, start, start + SlotMinutes);
}

void CalendarView::stretchSlot(int steps)
{
    if (!m_slot.isValid() || m_selectedBooking.isValid())
        return;
    const int end = std::clamp(m_slot.end + steps * SlotMinutes, m_slot.start + SlotMinutes, MinutesPerDay);
    // Free time stops where the next booking starts.
    for (int m = m_slot.start; m < end; m += SlotMinutes) {
        if (blockCovering(m_slot.column, m) >= 0)
            return;
    }
    selectSlot(m_slot.column, m_slot.start, end);
}

// ---- painting ----

void CalendarView::paintEvent(QPaintEvent *event)
{
    QPainter p(viewport());
    const QRect dirty = event->rect();
    p.fillRect(dirty, palette().base());
    const CalendarGeometry grid = this->grid();
    const QRect gridArea = grid.gridRect();

    int firstColumn = 0;
    int lastColumn = -1;
    if (!m_schedule.columns.isEmpty()) {
        const int width = grid.columnWidth();
        const int scroll = horizontalScrollBar()->value();
        const int gutterWidth = m_metrics.gutterWidth;
        firstColumn = std::max(0, (std::max(dirty.left(), gridArea.left()) - gutterWidth + scroll) / width);
        lastColumn = std::min(int(m_schedule.columns.size()) - 1, (dirty.right() - gutterWidth + scroll) / width);
    }

    CalendarGridPainter painter(p, m_schedule, grid, palette(), font());
    const QRect area = gridArea.intersected(dirty);
    if (!area.isEmpty()) {
        p.save();
        p.setClipRect(area);
        painter.paintColumns(area, firstColumn, lastColumn);
        paintBlocks(p, area, firstColumn, lastColumn);
        if (m_drag.kind != Drag::Kind::Move && m_slot.isValid() && !m_selectedBooking.isValid())
            painter.paintSlot(m_slot.column, m_slot.start, m_slot.end);
        painter.paintNow(m_now, firstColumn, lastColumn);
        p.restore();
    }
    painter.paintHeader(m_now, firstColumn, lastColumn);
    painter.paintGutter(m_now, dirty);
}

void CalendarView::paintBlocks(QPainter &p, const QRect &area, int firstColumn, int lastColumn)
{
    if (lastColumn < firstColumn)
        return;
    const CalendarGeometry grid = this->grid();
    const CalendarCardPainter::Scene scene{m_schedule, grid, palette(), font(), m_selectedBooking};
    const bool dragging = m_drag.kind == Drag::Kind::Move && m_drag.moved;
    const int hiddenBooking = dragging ? m_schedule.blocks[m_drag.block].booking : -1;
    m_cards.paintBlocks(p, scene, area, m_columnBlocks[firstColumn], m_columnBlocks[lastColumn + 1], hiddenBooking);
    if (dragging && m_drag.ghost.isValid()) {
        const QRect ghost = grid.ghostRect(m_drag.ghost.column, m_drag.ghost.start, m_drag.ghost.end);
        m_cards.paintCard(p, scene, m_drag.block, ghost, true);
    }
}

// ---- mouse and keyboard ----

void CalendarView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    m_drag = {};
    const QPoint pos = event->position().toPoint();
    if (event->button() != Qt::LeftButton || !gridRect().contains(pos))
        return QAbstractScrollArea::mousePressEvent(event);
    const int block = blockAt(pos);
    const int column = columnAt(pos.x());
    if (column < 0)
        return;
    m_drag.pressed = pos;
    m_drag.column = column;
    if (block >= 0) {
        // A copy: selecting signals, and a slot may reload the schedule.
        const ScheduleBlock b = m_schedule.blocks[block];
        selectBooking(m_schedule.bookings[b.booking].id);
        m_drag.kind = Drag::Kind::Move;
        m_drag.block = block;
        m_drag.anchorMinute = minuteAt(pos.y()) - b.startMinute;
        return;
    }
    const int minute = snapDown(minuteAt(pos.y()));
    m_drag.kind = Drag::Kind::Create;
    m_drag.anchorMinute = minute;
    selectSlot(column, minute, minute + SlotMinutes);
}

void CalendarView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag.kind == Drag::Kind::None) {
        viewport()->setCursor(blockAt(pos) >= 0 ? Qt::OpenHandCursor : Qt::ArrowCursor);
        return;
    }
    if (!m_drag.moved && (pos - m_drag.pressed).manhattanLength() < QApplication::startDragDistance())
        return;
    m_drag.moved = true;
    const int minute = minuteAt(pos.y());
    if (m_drag.kind == Drag::Kind::Create) {
        const int current = snapDown(minute);
        const int start = std::min(m_drag.anchorMinute, current);
        const int end = std::max(m_drag.anchorMinute, current) + SlotMinutes;
        m_slot = Slot{m_drag.column, start, std::min(end, MinutesPerDay)};
        ensureVisible(m_drag.column, snapDown(minute), snapDown(minute) + SlotMinutes);
        viewport()->update();
        return;
    }
    const ScheduleBlock &b = m_schedule.blocks[m_drag.block];
    const int duration = b.endMinute - b.startMinute;
    int column = columnAt(pos.x());
    if (column < 0)
        column = m_drag.ghost.isValid() ? m_drag.ghost.column : b.column;
    const int start = std::clamp(snapDown(minute - m_drag.anchorMinute + SlotMinutes / 2), 0,
                                 std::max(0, MinutesPerDay - std::min(duration, MinutesPerDay)));
    m_drag.ghost = Slot{column, start, std::min(start + duration, MinutesPerDay)};
    viewport()->setCursor(Qt::ClosedHandCursor);
    viewport()->update();
}

void CalendarView::mouseReleaseEvent(QMouseEvent *event)
{
    const Drag drag = m_drag;
    m_drag = {};
    viewport()->setCursor(Qt::ArrowCursor);
    if (event->button() != Qt::LeftButton || drag.kind == Drag::Kind::None)
        return QAbstractScrollArea::mouseReleaseEvent(event);
    if (drag.kind == Drag::Kind::Create) {
        if (drag.moved && m_slot.isValid()) {
            selectSlot(m_slot.column, m_slot.start, m_slot.end);
            const Space &space = m_schedule.spaceOf(m_schedule.columns[m_slot.column]);
            Q_EMIT createRequested(space.id, m_schedule.at(m_slot.column, m_slot.start),
                                   m_schedule.at(m_slot.column, m_slot.end));
        }
        return;
    }
    viewport()->update();
    if (!drag.moved || !drag.ghost.isValid())
        return;
    const ScheduleBlock &b = m_schedule.blocks[drag.block];
    if (drag.ghost.column == b.column && drag.ghost.start == b.startMinute)
        return;
    const Booking &booking = m_schedule.bookings[b.booking];
    const qint64 seconds = booking.start.secsTo(booking.end);
    const QDateTime start = m_schedule.at(drag.ghost.column, drag.ghost.start);
    const Space &space = m_schedule.spaceOf(m_schedule.columns[drag.ghost.column]);
    Q_EMIT moveRequested(booking.id, space.id, start, start.addSecs(seconds));
}

void CalendarView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    m_drag = {};
    if (event->button() != Qt::LeftButton || !gridRect().contains(pos))
        return;
    if (const int block = blockAt(pos); block >= 0) {
        Q_EMIT editRequested(m_schedule.bookings[m_schedule.blocks[block].booking].id);
        return;
    }
    const int column = columnAt(pos.x());
    if (column < 0)
        return;
    // A double click on free time offers an hour from that slot.
    const int start = snapDown(minuteAt(pos.y()));
    int end = std::min(start + 60, MinutesPerDay);
    for (int m = start + SlotMinutes; m < end; m += SlotMinutes) {
        if (blockCovering(column, m) >= 0) {
            end = m;
            break;
        }
    }
    selectSlot(column, start, end);
    const Space &space = m_schedule.spaceOf(m_schedule.columns[column]);
    Q_EMIT createRequested(space.id, m_schedule.at(column, start), m_schedule.at(column, end));
}

void CalendarView::keyPressEvent(QKeyEvent *event)
{
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    switch (event->key()) {
    case Qt::Key_Up:
        shift ? stretchSlot(-1) : moveSelection(0, -1);
        return;
    case Qt::Key_Down:
        shift ? stretchSlot(1) : moveSelection(0, 1);
        return;
    case Qt::Key_Left:
        moveSelection(-1, 0);
        return;
    case Qt::Key_Right:
        moveSelection(1, 0);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        activateSelection();
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (m_selectedBooking.isValid())
            Q_EMIT cancelRequested(m_selectedBooking);
        return;
    case Qt::Key_PageUp:
        Q_EMIT stepRequested(-1);
        return;
    case Qt::Key_PageDown:
        Q_EMIT stepRequested(1);
        return;
    case Qt::Key_T:
        if (!(event->modifiers() & (Qt::AltModifier | Qt::MetaModifier))) {
            Q_EMIT todayRequested();
            return;
        }
        break;
    case Qt::Key_Escape:
        if (m_drag.kind != Drag::Kind::None) {
            m_drag = {};
            viewport()->update();
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void CalendarView::activateSelection()
{
    if (m_selectedBooking.isValid()) {
        Q_EMIT editRequested(m_selectedBooking);
    } else if (m_slot.isValid()) {
        const Space &space = m_schedule.spaceOf(m_schedule.columns[m_slot.column]);
        // A single slot chosen with the keyboard becomes an hour, as far as the time is free.
        int end = m_slot.end;
        if (end - m_slot.start == SlotMinutes) {
            end = std::min(m_slot.start + 60, MinutesPerDay);
            for (int m = m_slot.start + SlotMinutes; m < end; m += SlotMinutes) {
                if (blockCovering(m_slot.column, m) >= 0) {
                    end = m;
                    break;
                }
            }
        }
        Q_EMIT createRequested(space.id, m_schedule.at(m_slot.column, m_slot.start), m_schedule.at(m_slot.column, end));
    }
}

bool CalendarView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int block = blockAt(help->pos());
        if (block >= 0)
            QToolTip::showText(help->globalPos(), tooltipFor(block), viewport(), blockRectOf(block));
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

QString CalendarView::tooltipFor(int block) const
{
    const Booking &b = m_schedule.bookings[m_schedule.blocks[block].booking];
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(b.title.toHtmlEscaped());
    lines << tr("%1, %2").arg(b.spaceName.toHtmlEscaped(),
                              CalendarCardPainter::timeText(b, m_schedule.zone).toHtmlEscaped());
    lines << (b.member ? tr("Booked by %1").arg(b.memberName.toHtmlEscaped()) : tr("The hub's own use"));
    if (b.attendees > 0)
        lines << tr("%n people expected", nullptr, b.attendees);
    if (b.status == BookingStatus::Tentative)
        lines << tr("Tentative: holds the slot until it is confirmed");
    if (b.series)
        lines << tr("Part of a repeating series");
    if (!b.notes.isEmpty())
        lines << b.notes.toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

} // namespace hub
