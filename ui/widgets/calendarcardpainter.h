// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/spaces/space.h"

#include <QCoreApplication>
#include <QList>
#include <QSize>
#include <QStringList>

class QColor;
class QFont;
class QPainter;
class QPalette;
class QRect;
class QTimeZone;

namespace hub {

class CalendarGeometry;
struct DaySchedule;

/// Paints the bookings of the calendar as cards: the space's colour (hatched
/// while tentative), the setup and clean-up buffers around them, the
/// selection, a ragged edge where a booking runs past the day, and as many
/// lines of text as fit. The elided lines are kept until the schedule or a
/// card's size changes.
class CalendarCardPainter
{
    // The cards' texts are the calendar view's, translated with its own.
    Q_DECLARE_TR_FUNCTIONS(hub::CalendarView)
public:
    /// What one paint event shows the cards of.
    struct Scene
    {
        const DaySchedule &schedule;
        const CalendarGeometry &grid;
        const QPalette &palette;
        const QFont &font;
        BookingId selected;
    };

    /// Forgets every card's lines.
    void clear() { m_texts.clear(); }
    /// Forgets every card's lines, for a schedule of `blocks` blocks.
    void reset(qsizetype blocks);

    /// The blocks from `firstBlock` up to `endBlock` that reach into `area`,
    /// each with its buffers; the blocks of booking `hiddenBooking` are left
    /// out (they are drawn where they are being dragged to).
    void paintBlocks(QPainter &p, const Scene &scene, const QRect &area, int firstBlock, int endBlock,
                     int hiddenBooking);
    /// One card; a ghost is a booking being dragged, drawn see-through.
    void paintCard(QPainter &p, const Scene &scene, int block, const QRect &rect, bool ghost);

    /// "10:00–11:30", with the dates when the booking spans days.
    static QString timeText(const Booking &booking, const QTimeZone &zone);

private:
    /// Elided lines of a block for one size.
    struct BlockText
    {
        QSize size;
        QStringList lines;
    };

    void paintBuffers(QPainter &p, const Scene &scene, int block);
    /// The card's lines, the first in bold, in the colour that reads on its fill.
    void paintText(QPainter &p, const Scene &scene, int block, const QRect &rect, const QColor &text);
    const QStringList &linesFor(const Scene &scene, int block, const QSize &size);

    QList<BlockText> m_texts;
};

} // namespace hub
