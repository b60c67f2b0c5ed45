// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/spaces/dayschedule.h"
#include "ui/widgets/calendarcardpainter.h"
#include "ui/widgets/calendargeometry.h"

#include <QAbstractScrollArea>
#include <QDateTime>

#include <optional>

namespace hub {

/// The painted calendar grid: time runs down in 15-minute slots, columns are
/// the spaces of a day or the days of one space's week. It paints a loaded
/// DaySchedule and never reads the database; what the user asks for (a new
/// booking over a dragged time, an edit, a move, a cancellation, another
/// day) comes out as signals for the page to carry out.
///
/// Mouse: drag over free time to book it, click a booking to select it,
/// double-click to edit, drag it to move. Keyboard: arrows move between time
/// slots and bookings (Shift+Up/Down stretches a free slot), Enter edits or
/// books, Delete cancels, T is today, Page Up/Down the previous/next day
/// (week in the week view).
class CalendarView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int SlotMinutes = 15;
    static constexpr int MinutesPerDay = 24 * 60;

    /// A stretch of free time in one column, in wall-clock minutes.
    struct Slot
    {
        int column = -1;
        int start = 0;
        int end = 0;
        bool isValid() const { return column >= 0 && end > start; }
    };

    explicit CalendarView(QWidget *parent = nullptr);
    ~CalendarView() override;

    /// Shows `schedule`. The scroll position and the selected booking stay
    /// when the same dates are shown again (after a change or a refresh).
    void setSchedule(DaySchedule schedule);
    const DaySchedule &schedule() const { return m_schedule; }
    /// Where the "now" line is drawn; an invalid time hides it.
    void setNow(const QDateTime &now);
    QDateTime now() const { return m_now; }

    /// Scrolls so the day starts a little before the earliest opening time,
    /// or before now when now is on screen and later than that.
    void scrollToWorkingHours();
    /// Scrolls so `minute` is at the top of the grid.
    void scrollToMinute(int minute);
    /// The wall-clock minute at the top of the grid.
    int firstVisibleMinute() const;

    BookingId selectedBooking() const { return m_selectedBooking; }
    /// Selects a booking shown in the schedule (and scrolls to it); false when it is not shown.
    bool selectBooking(BookingId id);
    Slot selectedSlot() const { return m_slot; }
    void selectSlot(int column, int startMinute, int endMinute);
    void clearSelection();

    /// Viewport geometry, for tests and for tools that point at things.
    QRect blockRect(BookingId id) const;
    /// The booking drawn at a viewport point; invalid over free time.
    BookingId bookingAt(const QPoint &pos) const;
    QPoint pointAt(int column, int minute) const;
    int hourHeight() const { return m_metrics.hourHeight; }
    int columnWidth() const;

Q_SIGNALS:
    /// Book `space` from `start` to `end` (a dragged or chosen free slot).
    void createRequested(hub::SpaceId space, const QDateTime &start, const QDateTime &end);
    void editRequested(hub::BookingId booking);
    void cancelRequested(hub::BookingId booking);
    /// A booking was dragged to another time or column.
    void moveRequested(hub::BookingId booking, hub::SpaceId space, const QDateTime &start, const QDateTime &end);
    /// Page Up (-1) or Page Down (+1).
    void stepRequested(int direction);
    void todayRequested();
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    struct Drag
    {
        enum class Kind
        {
            None,
            Create,
            Move
        } kind = Kind::None;
        QPoint pressed;
        bool moved = false;
        int column = -1;
        int anchorMinute = 0; ///< create: the slot pressed; move: the offset into the block
        int block = -1;
        Slot ghost; ///< move: where the booking would go
    };

    void updateMetrics();
    void updateScrollBars();
    void ensureVisible(int column, int startMinute, int endMinute);
    void setSelection(BookingId booking, Slot slot);
    /// Keyboard moves: by slot in time, by column sideways.
    void moveSelection(int columns, int steps);
    void stretchSlot(int steps);
    /// Enter: edits the selected booking, or books the selected free time.
    void activateSelection();

    /// Where things are at the present size and scroll position.
    CalendarGeometry grid() const;
    QRect gridRect() const;
    int xOf(int column) const;
    int yOf(int minute) const;
    int columnAt(int x) const;
    int minuteAt(int y) const;
    /// The block under a viewport point, or -1.
    int blockAt(const QPoint &pos) const;
    /// The block of `column` that covers `minute`, or -1.
    int blockCovering(int column, int minute) const;
    QRect blockRectOf(int block) const;
    QString tooltipFor(int block) const;

    /// The bookings of the columns on screen, and the one being dragged where it would go.
    void paintBlocks(QPainter &p, const QRect &area, int firstColumn, int lastColumn);

    DaySchedule m_schedule;
    QList<int> m_columnBlocks; ///< first index into blocks of each column, plus one past the end
    CalendarCardPainter m_cards;
    QDateTime m_now;
    BookingId m_selectedBooking;
    Slot m_slot;
    Drag m_drag;
    CalendarGeometry::Metrics m_metrics;
};

} // namespace hub
