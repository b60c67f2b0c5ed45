// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/calendarview.h"

#include "core/common/displayformat.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>

namespace hub {

namespace {
// Colours for spaces that have none of their own, distinct enough side by side.
const char *const FallbackColours[] = {"#3a7bd5", "#2e9e6a", "#d9822b", "#8e5ad6",
                                       "#c94f6d", "#1f9bb5", "#a0892c", "#5c6bc0"};

int snapDown(int minute)
{
    const int slot = CalendarView::SlotMinutes;
    return minute >= 0 ? minute / slot * slot : -((-minute + slot - 1) / slot) * slot;
}

QString clockText(int minute)
{
    const int m = ((minute % CalendarView::MinutesPerDay) + CalendarView::MinutesPerDay) % CalendarView::MinutesPerDay;
    return QStringLiteral("%1:%2").arg(m / 60, 2, 10, QChar(u'0')).arg(m % 60, 2, 10, QChar(u'0'));
}

// Dark text on light colours, white on dark ones.
QColor textOn(const QColor &fill)
{
    const double luminance = 0.299 * fill.redF() + 0.587 * fill.greenF() + 0.114 * fill.blueF();
    return luminance > 0.6 ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white);
}

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
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
    return {m_gutterWidth + m_minColumnWidth + 24, m_headerHeight + m_hourHeight * 3};
}

void CalendarView::updateMetrics()
{
    const QFontMetrics fm(font());
    // Three lines of text fit an hour, so a one-hour booking shows its title,
    // time and booker.
    m_hourHeight = std::max(48, (fm.height() * 3 + 8 + 3) / 4 * 4);
    m_headerHeight = fm.height() * 2 + 14;
    m_gutterWidth = fm.horizontalAdvance(QStringLiteral("00:00")) + 20;
    m_minColumnWidth = std::max(120, fm.horizontalAdvance(QLatin1Char('x')) * 18);
    m_texts.clear();
    updateScrollBars();
}

void CalendarView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateMetrics();
    QAbstractScrollArea::changeEvent(event);
}

int CalendarView::columnWidth() const
{
    const int columns = std::max<int>(1, int(m_schedule.columns.size()));
    const int available = viewport()->width() - m_gutterWidth;
    return std::max(m_minColumnWidth, available / columns);
}

QRect CalendarView::gridRect() const
{
    return QRect(m_gutterWidth, m_headerHeight, viewport()->width() - m_gutterWidth,
                 viewport()->height() - m_headerHeight);
}

void CalendarView::updateScrollBars()
{
    const QRect grid = gridRect();
    const int contentHeight = 24 * m_hourHeight;
    verticalScrollBar()->setRange(0, std::max(0, contentHeight - grid.height()));
    verticalScrollBar()->setPageStep(grid.height());
    verticalScrollBar()->setSingleStep(m_hourHeight / 4);
    const int contentWidth = int(m_schedule.columns.size()) * columnWidth();
    horizontalScrollBar()->setRange(0, std::max(0, contentWidth - grid.width()));
    horizontalScrollBar()->setPageStep(grid.width());
    horizontalScrollBar()->setSingleStep(columnWidth() / 4);
}

void CalendarView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    m_texts.clear();
    m_texts.resize(m_schedule.blocks.size());
    updateScrollBars();
}

void CalendarView::scrollContentsBy(int, int)
{
    viewport()->update();
}

int CalendarView::xOf(int column) const
{
    return m_gutterWidth + column * columnWidth() - horizontalScrollBar()->value();
}

int CalendarView::yOf(int minute) const
{
    return m_headerHeight + minute * m_hourHeight / 60 - verticalScrollBar()->value();
}

int CalendarView::columnAt(int x) const
{
    if (m_schedule.columns.isEmpty())
        return -1;
    const int offset = x - m_gutterWidth + horizontalScrollBar()->value();
    if (offset < 0)
        return -1;
    const int column = offset / columnWidth();
    return column < m_schedule.columns.size() ? column : -1;
}

int CalendarView::minuteAt(int y) const
{
    const int offset = y - m_headerHeight + verticalScrollBar()->value();
    return std::clamp(offset * 60 / m_hourHeight, 0, MinutesPerDay - 1);
}

QPoint CalendarView::pointAt(int column, int minute) const
{
    return {xOf(column) + columnWidth() / 2, yOf(minute)};
}

int CalendarView::firstVisibleMinute() const
{
    return verticalScrollBar()->value() * 60 / m_hourHeight;
}

void CalendarView::scrollToMinute(int minute)
{
    verticalScrollBar()->setValue(std::max(0, minute) * m_hourHeight / 60);
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
            const int visibleMinutes = gridRect().height() * 60 / m_hourHeight;
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
    m_texts.clear();
    m_texts.resize(m_schedule.blocks.size());
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

QColor CalendarView::colourOf(int space) const
{
    const QColor own(m_schedule.spaces.at(space).colour);
    if (own.isValid())
        return own;
    return QColor(QLatin1String(FallbackColours[space % int(std::size(FallbackColours))]));
}

QString CalendarView::timeText(const Booking &b) const
{
    const QDateTime s = b.start.toTimeZone(m_schedule.zone);
    const QDateTime e = b.end.toTimeZone(m_schedule.zone);
    if (s.date() == e.date() || (e.date() == s.date().addDays(1) && e.time() == QTime(0, 0)))
        return tr("%1–%2").arg(DisplayFormat::time(s.time()), DisplayFormat::time(e.time()));
    return tr("%1 %2 – %3 %4")
        .arg(DisplayFormat::dayMonth(s.date()), DisplayFormat::time(s.time()), DisplayFormat::dayMonth(e.date()),
             DisplayFormat::time(e.time()));
}

QRect CalendarView::blockRectOf(int index) const
{
    const ScheduleBlock &b = m_schedule.blocks.at(index);
    const int width = columnWidth();
    // A gap on the right keeps free time beside a booking clickable.
    const int usable = width - 10;
    const int laneWidth = usable / std::max(1, b.lanes);
    const int x = xOf(b.column) + 2 + b.lane * laneWidth;
    const int top = yOf(std::max(b.startMinute, 0));
    const int bottom = yOf(std::min(b.endMinute, MinutesPerDay));
    return QRect(x, top + 1, laneWidth - 2, std::max(bottom - top - 2, 4));
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
                tr("%1, %2").arg(m_schedule.bookings[index].title, timeText(m_schedule.bookings[index])));
    } else if (slot.isValid()) {
        setAccessibleDescription(tr("Free time %1–%2").arg(clockText(slot.start), clockText(slot.end)));
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
        v->setValue(v->value() - (grid.top() - top) - m_hourHeight / 4);
    else if (bottom > grid.bottom() && bottom - top < grid.height())
        v->setValue(v->value() + (bottom - grid.bottom()) + m_hourHeight / 4);
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
        const int column = std::max(0, columnAt(m_gutterWidth + 1));
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
    const QRect grid = gridRect();

    int firstColumn = 0;
    int lastColumn = -1;
    if (!m_schedule.columns.isEmpty()) {
        const int width = columnWidth();
        const int scroll = horizontalScrollBar()->value();
        firstColumn = std::max(0, (std::max(dirty.left(), grid.left()) - m_gutterWidth + scroll) / width);
        lastColumn = std::min(int(m_schedule.columns.size()) - 1, (dirty.right() - m_gutterWidth + scroll) / width);
    }

    const QRect area = grid.intersected(dirty);
    if (!area.isEmpty()) {
        p.save();
        p.setClipRect(area);
        paintColumns(p, area, firstColumn, lastColumn);
        paintBlocks(p, area, firstColumn, lastColumn);
        paintSlot(p);
        paintNow(p, firstColumn, lastColumn);
        p.restore();
    }
    paintHeader(p, firstColumn, lastColumn);
    paintGutter(p, dirty);
}

void CalendarView::paintColumns(QPainter &p, const QRect &area, int firstColumn, int lastColumn)
{
    const QPalette &pal = palette();
    const QColor closed = blend(pal.color(QPalette::Base), pal.color(QPalette::Mid), 0.22);
    const QColor hourLine = blend(pal.color(QPalette::Base), pal.color(QPalette::Mid), 0.55);
    const QColor slotLine = blend(pal.color(QPalette::Base), pal.color(QPalette::Mid), 0.22);
    const int width = columnWidth();
    const int firstMinute = std::max(0, (area.top() - yOf(0)) * 60 / m_hourHeight - 60);
    const int lastMinute = std::min(MinutesPerDay, (area.bottom() - yOf(0)) * 60 / m_hourHeight + 60);

    for (int c = firstColumn; c <= lastColumn; ++c) {
        const ScheduleColumn &column = m_schedule.columns[c];
        const int x = xOf(c);
        if (column.isClosed()) {
            p.fillRect(QRect(x, yOf(0), width, yOf(MinutesPerDay) - yOf(0)), closed);
        } else {
            if (column.hours->opens > 0)
                p.fillRect(QRect(x, yOf(0), width, yOf(column.hours->opens) - yOf(0)), closed);
            if (column.hours->closes < MinutesPerDay)
                p.fillRect(QRect(x, yOf(column.hours->closes), width, yOf(MinutesPerDay) - yOf(column.hours->closes)),
                           closed);
        }
    }

    const int left = xOf(firstColumn);
    const int right = xOf(lastColumn + 1);
    for (int m = snapDown(firstMinute); m <= lastMinute; m += SlotMinutes) {
        const bool hour = m % 60 == 0;
        if (!hour && m_hourHeight < 40)
            continue;
        p.setPen(QPen(hour ? hourLine : slotLine, 1, hour ? Qt::SolidLine : Qt::DotLine));
        p.drawLine(left, yOf(m), right, yOf(m));
    }
    p.setPen(hourLine);
    for (int c = firstColumn; c <= lastColumn + 1; ++c)
        p.drawLine(xOf(c), area.top(), xOf(c), area.bottom());

    // A whole closed day says so where the user looks: at the top of what is on screen.
    QFont small = font();
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
        p.drawText(QRect(xOf(c) + 6, gridRect().top() + 6, width - 12, m_hourHeight),
                   Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, text);
    }
}

void CalendarView::paintBlocks(QPainter &p, const QRect &area, int firstColumn, int lastColumn)
{
    if (lastColumn < firstColumn)
        return;
    const int width = columnWidth();
    for (int b = m_columnBlocks[firstColumn]; b < m_columnBlocks[lastColumn + 1]; ++b) {
        const ScheduleBlock &block = m_schedule.blocks[b];
        if (m_drag.kind == Drag::Kind::Move && m_drag.moved && m_schedule.blocks[m_drag.block].booking == block.booking)
            continue; // drawn where it is being dragged to
        const int top = yOf(std::max(block.startMinute - block.setupMinutes, 0));
        const int bottom = yOf(std::min(block.endMinute + block.cleanupMinutes, MinutesPerDay));
        if (bottom < area.top() || top > area.bottom())
            continue;
        // Buffers: the space is kept free here for setting up and clearing away.
        const QColor colour = colourOf(m_schedule.columns[block.column].space);
        QColor buffer = colour;
        buffer.setAlpha(70);
        const int laneWidth = (width - 10) / std::max(1, block.lanes);
        const int x = xOf(block.column) + 2 + block.lane * laneWidth;
        if (block.setupMinutes > 0 && block.startMinute > 0) {
            const int from = yOf(std::max(block.startMinute - block.setupMinutes, 0));
            const int to = yOf(std::min(block.startMinute, MinutesPerDay));
            if (to > from)
                p.fillRect(QRect(x, from, laneWidth - 2, to - from), QBrush(buffer, Qt::Dense4Pattern));
        }
        if (block.cleanupMinutes > 0 && block.endMinute < MinutesPerDay) {
            const int from = yOf(std::max(block.endMinute, 0));
            const int to = yOf(std::min(block.endMinute + block.cleanupMinutes, MinutesPerDay));
            if (to > from)
                p.fillRect(QRect(x, from, laneWidth - 2, to - from), QBrush(buffer, Qt::Dense4Pattern));
        }
        if (block.startMinute >= MinutesPerDay || block.endMinute <= 0)
            continue;
        paintBlock(p, b, blockRectOf(b), false);
    }

    if (m_drag.kind == Drag::Kind::Move && m_drag.moved && m_drag.ghost.isValid()) {
        const int w = columnWidth() - 10;
        const QRect ghost(xOf(m_drag.ghost.column) + 2, yOf(m_drag.ghost.start) + 1, w - 2,
                          std::max(yOf(m_drag.ghost.end) - yOf(m_drag.ghost.start) - 2, 4));
        paintBlock(p, m_drag.block, ghost, true);
    }
}

void CalendarView::paintBlock(QPainter &p, int index, const QRect &rect, bool ghost)
{
    const ScheduleBlock &block = m_schedule.blocks[index];
    const Booking &booking = m_schedule.bookings[block.booking];
    const QColor colour = colourOf(m_schedule.columns[block.column].space);
    const bool tentative = booking.status == BookingStatus::Tentative;
    const bool selected = booking.id == m_selectedBooking;
    const QPalette &pal = palette();

    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    QPainterPath shape;
    shape.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    QColor text;
    if (tentative) {
        // Held but not confirmed: a pale fill with the space's colour hatched over it.
        const QColor pale = blend(pal.color(QPalette::Base), colour, 0.18);
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
        text = textOn(colour);
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
    if (block.endMinute > MinutesPerDay && !ghost)
        p.drawLine(rect.left() + 4, rect.bottom() - 2, rect.right() - 4, rect.bottom() - 2);
    p.setRenderHint(QPainter::Antialiasing, false);

    const QRect inner = rect.adjusted(5, 2, -4, -2);
    const QStringList &lines = linesFor(index, inner.size());
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(font());
    p.setPen(text);
    int y = inner.top();
    for (int i = 0; i < lines.size(); ++i) {
        p.setFont(i == 0 ? bold : font());
        p.drawText(QRect(inner.left(), y, inner.width(), fm.height()), Qt::AlignLeft | Qt::AlignTop, lines[i]);
        y += fm.height();
    }
    p.restore();
}

const QStringList &CalendarView::linesFor(int index, const QSize &size)
{
    if (m_texts.size() != m_schedule.blocks.size())
        m_texts.resize(m_schedule.blocks.size());
    BlockText &cached = m_texts[index];
    if (cached.size == size && !cached.lines.isEmpty())
        return cached.lines;
    const ScheduleBlock &block = m_schedule.blocks[index];
    const Booking &b = m_schedule.bookings[block.booking];
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(font());
    const QFontMetrics boldFm(bold);
    const int rows = std::max(1, size.height() / fm.height());
    const QString time = timeText(b);
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

void CalendarView::paintSlot(QPainter &p)
{
    Slot slot = m_slot;
    if (m_drag.kind == Drag::Kind::Move)
        return;
    if (!slot.isValid() || m_selectedBooking.isValid())
        return;
    const QPalette &pal = palette();
    QColor fill = pal.color(QPalette::Highlight);
    fill.setAlpha(60);
    const QRect rect(xOf(slot.column) + 1, yOf(slot.start), columnWidth() - 2, yOf(slot.end) - yOf(slot.start));
    p.fillRect(rect, fill);
    p.setPen(QPen(pal.color(QPalette::Highlight), 1.5));
    p.drawRect(rect.adjusted(0, 0, -1, -1));
    if (rect.height() >= QFontMetrics(font()).height() + 4) {
        p.setPen(pal.color(QPalette::Text));
        p.drawText(rect.adjusted(6, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop,
                   tr("%1–%2").arg(clockText(slot.start), clockText(slot.end)));
    }
}

void CalendarView::paintNow(QPainter &p, int firstColumn, int lastColumn)
{
    if (!m_now.isValid())
        return;
    const QColor red(0xd0, 0x30, 0x30);
    for (int c = firstColumn; c <= lastColumn; ++c) {
        const int minute = m_schedule.minuteOf(c, m_now);
        if (minute < 0 || minute >= MinutesPerDay)
            continue;
        const int y = yOf(minute);
        p.setPen(QPen(red, 2));
        p.drawLine(xOf(c), y, xOf(c + 1), y);
        if (c == firstColumn || m_schedule.layout == DaySchedule::Layout::DaysOfSpace) {
            p.setRenderHint(QPainter::Antialiasing, true);
            p.setBrush(red);
            p.setPen(Qt::NoPen);
            p.drawEllipse(QPoint(xOf(c) + 1, y), 4, 4);
            p.setBrush(Qt::NoBrush);
            p.setRenderHint(QPainter::Antialiasing, false);
        }
    }
}

void CalendarView::paintHeader(QPainter &p, int firstColumn, int lastColumn)
{
    const QPalette &pal = palette();
    const QRect header(0, 0, viewport()->width(), m_headerHeight);
    p.fillRect(header, pal.window());
    p.save();
    p.setClipRect(QRect(m_gutterWidth, 0, viewport()->width() - m_gutterWidth, m_headerHeight));
    const int width = columnWidth();
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    const QDate today = m_now.isValid() ? m_now.toTimeZone(m_schedule.zone).date() : QDate();
    for (int c = firstColumn; c <= lastColumn; ++c) {
        const ScheduleColumn &column = m_schedule.columns[c];
        const Space &space = m_schedule.spaceOf(column);
        const QRect cell(xOf(c), 0, width, m_headerHeight);
        QString title;
        QString detail;
        bool isToday = false;
        if (m_schedule.layout == DaySchedule::Layout::SpacesOfDay) {
            title = space.name;
            detail = tr("%n people", nullptr, space.capacity);
            p.fillRect(QRect(cell.left() + 1, cell.top(), cell.width() - 1, 4), colourOf(column.space));
        } else {
            title = DisplayFormat::dayMonth(column.date);
            isToday = column.date == today;
            if (column.hours && !column.closure)
                detail = tr("%1–%2").arg(clockText(column.hours->opens), column.hours->closes == MinutesPerDay
                                                                             ? QStringLiteral("24:00")
                                                                             : clockText(column.hours->closes));
        }
        if (column.isClosed())
            detail = column.closure ? tr("Closed") : tr("Closed all day");
        p.setFont(bold);
        p.setPen(isToday ? pal.color(QPalette::Highlight) : pal.color(QPalette::WindowText));
        p.drawText(QRect(cell.left() + 6, cell.top() + 6, cell.width() - 12, boldFm.height()),
                   Qt::AlignHCenter | Qt::AlignTop, boldFm.elidedText(title, Qt::ElideRight, cell.width() - 12));
        p.setFont(font());
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(cell.left() + 6, cell.top() + 6 + boldFm.height(), cell.width() - 12, fm.height()),
                   Qt::AlignHCenter | Qt::AlignTop, fm.elidedText(detail, Qt::ElideRight, cell.width() - 12));
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(cell.left(), cell.top() + 4, cell.left(), cell.bottom());
    }
    p.restore();
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, m_headerHeight - 1, viewport()->width(), m_headerHeight - 1);
}

void CalendarView::paintGutter(QPainter &p, const QRect &dirty)
{
    const QPalette &pal = palette();
    const QRect gutter(0, m_headerHeight, m_gutterWidth, viewport()->height() - m_headerHeight);
    if (!gutter.intersects(dirty))
        return;
    p.fillRect(gutter, pal.window());
    p.save();
    p.setClipRect(gutter);
    const QFontMetrics fm(font());
    p.setPen(pal.color(QPalette::PlaceholderText));
    for (int hour = 0; hour <= 24; ++hour) {
        const int y = yOf(hour * 60);
        if (y < gutter.top() - fm.height() || y > gutter.bottom() + fm.height())
            continue;
        p.drawText(QRect(0, y - fm.height() / 2, m_gutterWidth - 8, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   hour == 24 ? QStringLiteral("24:00") : clockText(hour * 60));
    }
    if (m_now.isValid()) {
        for (int c = 0; c < m_schedule.columns.size(); ++c) {
            const int minute = m_schedule.minuteOf(c, m_now);
            if (minute < 0 || minute >= MinutesPerDay)
                continue;
            const int y = yOf(minute);
            QFont bold = font();
            bold.setBold(true);
            p.setFont(bold);
            p.fillRect(QRect(0, y - fm.height() / 2 - 1, m_gutterWidth - 2, fm.height() + 2), pal.window());
            p.setPen(QColor(0xd0, 0x30, 0x30));
            p.drawText(QRect(0, y - fm.height() / 2, m_gutterWidth - 8, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                       clockText(minute));
            break;
        }
    }
    p.restore();
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(m_gutterWidth - 1, m_headerHeight, m_gutterWidth - 1, viewport()->height());
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
            Q_EMIT createRequested(space.id, m_schedule.at(m_slot.column, m_slot.start),
                                   m_schedule.at(m_slot.column, end));
        }
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
    lines << tr("%1, %2").arg(b.spaceName.toHtmlEscaped(), timeText(b).toHtmlEscaped());
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
